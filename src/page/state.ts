/**
 * The page's state and its server client: the findings of the last answer,
 * the editor's per-story decisions (kept in the browser's local storage and
 * sent with every check, as `POST /v1/check` takes them: src/decisions.ts),
 * the undo stack, and the two calls the page makes: `POST /page/check` and,
 * to add a word to the desk dictionary, `POST /v1/words`.
 */
import type {CheckAnswer, Decision, Field, Finding, ServerMessage, Severity} from './types.js'
import type {PageVerdict} from './verdict.js'

export const storageKey = 'copydesk.page.v2'
/** Characters of context a decision keeps on each side (src/decisions.ts `contextWidth`). */
export const contextWidth = 24

/** An undo step: the story as HTML, and each finding at its HTML offsets then. */
export interface Snapshot {
  html: string
  headline: string
  decisions: Decision[]
  findings: Array<Omit<Finding, 'range'>>
}

export interface PageState {
  findings: Finding[]
  /** Findings dismissed on the page, hidden until the next answer lists them as dismissed. */
  dismissedIds: Set<number>
  decisions: Decision[]
  /** Findings the last answer listed as dismissed by a decision. */
  dismissedCount: number
  selected: number | null
  verdict: PageVerdict
  /** The verdict of the last answer (null: none, or it failed). */
  answered: PageVerdict | null
  complete: boolean
  reason: string
  counts: Record<Severity, number> | null
  undo: Snapshot[]
  nextId: number
  order: 'story' | 'check'
  expanded: Set<string>
  /** The request last sent, to skip re-sending the same story. */
  lastRequest: string
  sequence: number
  controller: AbortController | null
  pending: boolean
}

export function createState(): PageState {
  return {
    findings: [],
    dismissedIds: new Set(),
    decisions: [],
    dismissedCount: 0,
    selected: null,
    verdict: 'not-checked',
    answered: null,
    complete: true,
    reason: '',
    counts: null,
    undo: [],
    nextId: 1,
    order: 'story',
    expanded: new Set(),
    lastRequest: '',
    sequence: 0,
    controller: null,
    pending: false
  }
}

/** What the browser keeps for the story (local storage). */
export interface Saved {
  html: string
  headline: string
  dialect: string
  editor: string
  order: 'story' | 'check'
  decisions: Decision[]
}

export function save(saved: Saved): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(saved))
  } catch {
    // Storage full or off: the text stays in the page.
  }
}

export function restore(): Partial<Saved> | null {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as Partial<Saved> | null
    if (!saved || typeof saved !== 'object') return null
    if (!Array.isArray(saved.decisions)) saved.decisions = []
    return saved
  } catch {
    return null
  }
}

/** The body of a check request. */
export interface CheckRequest {
  body: string
  headline?: string
  format: 'html'
  dialect: string
  decisions?: Decision[]
}

/** `POST /page/check`; throws an Error saying what went wrong, or an AbortError. */
export async function requestCheck(request: CheckRequest, signal: AbortSignal): Promise<CheckAnswer> {
  const response = await fetch('/page/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(request), signal})
  if (!response.ok) throw new Error(await failure(response))
  const answer = (await response.json()) as CheckAnswer
  if (!answer || !Array.isArray(answer.messages) || typeof answer.verdict !== 'string') throw new Error('the server sent an answer the page cannot read')
  return answer
}

/** `POST /v1/words`: add a word to the desk dictionary; throws an Error with the server's reason. */
export async function addWord(word: string, by: string): Promise<void> {
  const response = await fetch('/v1/words', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({word, by, note: 'added from the copy-desk page'})})
  if (!response.ok) throw new Error(await failure(response))
}

async function failure(response: Response): Promise<string> {
  let detail = ''
  try {
    const text = await response.text()
    try {
      detail = (JSON.parse(text) as {message?: string}).message ?? ''
    } catch {
      detail = text.slice(0, 200)
    }
  } catch {
    // No body to read.
  }
  return `the server answered ${response.status}${detail ? `: ${detail}` : ''}`
}

/** A decision dismissing `message`, anchored on its words and the text around them in `text` (as src/decisions.ts `decisionFor`). */
export function decisionFor(text: string, finding: {ruleId: string; actual: string | null; field: Field}, start: number, end: number, by: string): Decision {
  return {
    action: 'dismiss',
    ruleId: finding.ruleId,
    actual: finding.actual ?? text.slice(start, end),
    // The context stops at a line break, as src/decisions.ts's does.
    before: text.slice(Math.max(0, start - contextWidth), start).replace(/^[^]*[\r\n]/, ''),
    after: text.slice(end, end + contextWidth).replace(/[\r\n][^]*$/, ''),
    field: finding.field,
    by
  }
}

/** The server's message as a page finding (without its place in the DOM). */
export function toFinding(message: ServerMessage, id: number): Finding {
  return {
    id,
    field: message.field === 'headline' ? 'headline' : 'body',
    start: message.offset ?? 0,
    end: message.endOffset ?? message.offset ?? 0,
    range: null,
    ruleId: message.ruleId ?? 'other',
    severity: message.severity,
    reason: message.reason,
    actual: message.actual,
    expected: message.expected,
    url: message.url,
    note: message.note,
    paragraph: 0,
    before: '',
    after: ''
  }
}
