/** The page's shared types: what the server sends, and a finding as the page holds it. */

export type Severity = 'error' | 'warning' | 'suggestion'
export type Field = 'body' | 'headline'
export type Verdict = 'block' | 'hold' | 'warn' | 'pass'

/** A message as the server sends it (src/result.ts). */
export interface ServerMessage {
  ruleId: string | null
  severity: Severity
  reason: string
  actual: string | null
  expected: string[] | null
  url: string | null
  note: string | null
  offset: number | null
  endOffset: number | null
  field?: Field
}

/** One editor's decision about one finding of one story (src/decisions.ts). */
export interface Decision {
  action: 'dismiss'
  ruleId: string
  actual: string
  before: string
  after: string
  field?: Field
  by: string
  reason?: string
}

/** The answer of `POST /page/check` (as `POST /v1/check`). */
export interface CheckAnswer {
  verdict: Verdict
  counts: Record<Severity, number>
  messages: ServerMessage[]
  complete: boolean
  incomplete?: string[]
  reason?: string
  decisions?: {
    applied: Decision[]
    dismissed: ServerMessage[]
    lapsed: Decision[]
    refused: Array<{decision: Decision; why: string}>
  }
}

/**
 * A finding on the page. `start`/`end` are offsets in the story's HTML as
 * it was checked; `range` (body findings) is a live DOM range that follows
 * the editor's edits.
 */
export interface Finding {
  id: number
  field: Field
  start: number
  end: number
  range: Range | null
  ruleId: string
  severity: Severity
  reason: string
  actual: string | null
  expected: string[] | null
  url: string | null
  note: string | null
  /** 1-based paragraph (block) of the story; 0 for the headline. */
  paragraph: number
  /** A few words before and after, as plain text. */
  before: string
  after: string
}

/** The part of a finding the list and the verdict read (no DOM). */
export type FindingData = Omit<Finding, 'range'>
