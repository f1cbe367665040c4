/**
 * The JSON shape every face returns: `copydesk --format json`, `prePublish()`
 * and `POST /v1/check`. Plain data (no VFile), stable field set: a field
 * with nothing to say is `null` (or `[]` for `expected` when the check says
 * "remove or rewrite"), never missing.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Point, Position} from 'unist'
import type {Level, RuleId} from './types.js'
import {levelOf} from './message.js'

/** Which part of a story a message is in. */
export type Field = 'headline' | 'body'

/**
 * What a CMS should do with a story: `block` (a finding the policy blocks
 * on), `hold` (copydesk could not finish checking it: time budget, a check
 * cut off, a crash; never publish), `warn`, `pass`.
 */
export type Verdict = 'block' | 'hold' | 'warn' | 'pass'

/**
 * One finding, as JSON. Lines and columns are 1-based; offsets 0-based, end exclusive, in UTF-16 code units of the field as sent.
 * `Custom`: the ruleIds of a newsroom's own rules files, if it loads any (`ResultMessage<'local-names'>`).
 */
export interface ResultMessage<Custom extends string = never> {
  /** The check's stable name (`spelling`, `titles`, …, or one of `Custom`); `null` for a message from no check. */
  ruleId: RuleId | Custom | null
  /** `copydesk` for checks; another tool's name for its messages. */
  source: string | null
  /** `error`, `warning` or `suggestion` (the level of the check that reported it). */
  severity: Level
  /** One sentence for a copy editor. */
  reason: string
  /** The flagged text as written. */
  actual: string | null
  /** Replacements, best first (`[]`: remove or rewrite; `null`: no suggestion). */
  expected: string[] | null
  /** Where the rule is documented. */
  url: string | null
  /** Why. */
  note: string | null
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  offset: number | null
  endOffset: number | null
  /** Headline or body, for stories checked with a headline. */
  field?: Field
}

/** How many messages at each severity. */
export interface Counts {
  error: number
  warning: number
  suggestion: number
}

/** One checked story. */
export interface FileResult<Custom extends string = never> {
  /** The file as given (`<stdin>` for standard input). */
  path: string
  verdict?: Verdict
  counts: Counts
  messages: Array<ResultMessage<Custom>>
}

/** What `copydesk --format json` prints. */
export interface Result<Custom extends string = never> {
  files: Array<FileResult<Custom>>
}

/** A VFile message as plain JSON data. */
export function toResultMessage(message: VFileMessage, field?: Field): ResultMessage {
  const {start, end} = span(message)
  const data = (message as {data?: {field?: unknown}}).data
  const ownField = data?.field === 'headline' || data?.field === 'body' ? data.field : undefined
  const result: ResultMessage = {
    // Copydesk's checks stamp only these (test/types.test.ts); a newsroom's
    // rules files add the ids its `Custom` names.
    ruleId: (message.ruleId ?? null) as RuleId | null,
    source: message.source ?? null,
    severity: levelOf(message),
    reason: message.reason,
    actual: message.actual ?? null,
    expected: message.expected ? [...message.expected] : null,
    url: message.url ?? null,
    note: message.note ?? null,
    line: start?.line ?? null,
    column: start?.column ?? null,
    endLine: end?.line ?? null,
    endColumn: end?.column ?? null,
    offset: start?.offset ?? null,
    endOffset: end?.offset ?? null
  }
  const value = ownField ?? field
  if (value) result.field = value
  return result
}

/** Count messages per severity. */
export function countMessages(messages: ReadonlyArray<{severity: Level}>): Counts {
  const counts: Counts = {error: 0, warning: 0, suggestion: 0}
  for (const message of messages) counts[message.severity]++
  return counts
}

/** A checked VFile as a `FileResult`. */
export function toFileResult(file: VFile, options: {path?: string; field?: Field} = {}): FileResult {
  const messages = file.messages.map((message) => toResultMessage(message, options.field))
  return {path: options.path ?? (file.path || '<stdin>'), counts: countMessages(messages), messages}
}

function span(message: VFileMessage): {start?: Point; end?: Point} {
  const place = message.place as Position | Point | undefined
  if (!place) return message.line ? {start: {line: message.line, column: message.column ?? 1}} : {}
  if ('start' in place) return {start: place.start, end: place.end}
  return {start: place}
}
