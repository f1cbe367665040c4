/**
 * Per-story decisions: an editor dismisses a finding for this story, with
 * who and why, or accepts its suggestion; the decision travels with the
 * story (`check(story, {decisions})`, `prePublish(story, policy,
 * {decisions})`, `POST /v1/check` `{…, decisions}`). A pure function over a
 * result's messages: no files, no state.
 *
 * A decision is anchored on the finding's check (`ruleId`), its words
 * (`actual`), the field, and the text right before and after it
 * (`before`/`after`, up to {@link contextWidth} characters each, within
 * its line), not on offsets: it still holds when the story is edited elsewhere, and lapses
 * when its words or their neighbours change. Make one with
 * {@link decisionFor} from a finding the editor is looking at.
 *
 * The gate: a dismissed finding no longer counts toward the verdict but is
 * never dropped: it is listed under `decisions.dismissed` with who and why.
 * An error-level finding (copy that must never be published: `leftovers`'
 * `TK`) can be dismissed only where the caller allows it
 * (`allowErrorDismissal`, off by default), and only with a reason;
 * otherwise the decision is refused, listed with why, and the finding
 * stays.
 *
 * An accepted suggestion waives nothing: while the copy still has the
 * flagged words the finding counts as before (the decision is listed as
 * not yet `done`); once the copy reads the replacement between the same
 * neighbours, the result lists the change as `done`, with who accepted it
 * (the trail of who changed what). See docs/desk.md.
 */
import type {VFile} from 'vfile'
import {toResultMessage, type Field, type ResultMessage} from './result.js'

/** Characters of context kept on each side of a finding. */
export const contextWidth = 24

/** Longest accepted replacement (a suggestion is a few words). */
const replacementLimit = 200

/** One editor's decision about one finding of one story. */
export interface Decision {
  /** `dismiss`: the finding is wrong for this story (a name, a quote); `accept`: the finding is right and its suggestion `replacement` is taken. */
  action: 'dismiss' | 'accept'
  ruleId: string
  /** The flagged words as written. */
  actual: string
  /** The text right before and after the words (anchors the decision; see {@link decisionFor}). */
  before: string
  after: string
  /** `body` (default) or `headline`. */
  field?: Field
  /** Who decided (required). */
  by: string
  /** Why (required to dismiss an error-level finding). */
  reason?: string
  /** With `accept` (and only then): the words that replace `actual`, one of the finding's suggestions (`""`: delete them). */
  replacement?: string
}

/** Options for {@link applyDecisions}. */
export interface DecisionOptions {
  /** Whether error-level findings (`leftovers`: must never be published) may be dismissed, by a named person with a reason (default `false`). */
  allowErrorDismissal?: boolean
}

/** A finding a decision dismissed: still reported, with who and why. */
export type DismissedMessage = ResultMessage & {dismissedBy: string; dismissReason: string | null}

/**
 * A suggestion an editor accepted: where the words are now, and whether the
 * copy has taken the change yet.
 */
export interface AcceptedChange {
  ruleId: string
  /** The flagged words. */
  actual: string
  /** The words accepted in their place. */
  replacement: string
  field: Field
  /** `true`: the copy reads `replacement` there now; `false`: it still reads `actual`, and the finding still counts. */
  done: boolean
  /** Where `replacement` (done) or the finding (not done) is, in its field: 1-based line and column, 0-based offsets. */
  line: number
  column: number
  offset: number
  endOffset: number
  acceptedBy: string
  acceptReason: string | null
}

/** What the decisions did to a result. */
export interface DecisionReport {
  /** Decisions that matched and were applied: a dismiss that matched a finding, an accept whose finding or replacement is in the copy. */
  applied: Decision[]
  /** The findings dismiss decisions cover (not counted toward the verdict). */
  dismissed: DismissedMessage[]
  /** The suggestions accept decisions cover: done (the copy took them) or not yet (the finding still counts). */
  accepted: AcceptedChange[]
  /** Decisions that match nothing any more (the words or their context changed, or the check no longer flags them; for an accept, the copy reads neither the words nor the replacement there). */
  lapsed: Decision[]
  /** Decisions not applied, with why (an error-level finding where that is not allowed, or without a reason). */
  refused: Array<{decision: Decision; why: string}>
}

/** The story text a decision is anchored in. */
export interface DecisionStory {
  body: string
  headline?: string
}

/** Who decides, why, and what (default: dismiss). */
export interface DecisionAuthor {
  by: string
  reason?: string
  /** `dismiss` (default) or `accept`. */
  action?: Decision['action']
  /** With `accept`: which suggestion (default: the first of the finding's `expected`). */
  replacement?: string
}

/**
 * A decision about `message` (a finding of `story`), anchored on its words
 * and their context: to dismiss it, or with `action: 'accept'` to take its
 * suggestion. Throws `TypeError` for a finding without a place, or an
 * accept of a suggestion the finding does not make.
 */
export function decisionFor(story: DecisionStory, message: ResultMessage, author: DecisionAuthor): Decision {
  const field = message.field ?? 'body'
  const text = (field === 'headline' ? story.headline : story.body) ?? ''
  if (message.offset === null || message.endOffset === null || message.ruleId === null || message.actual === null) {
    throw new TypeError('copydesk: only a finding with a check, words and a place can be dismissed')
  }
  const action = author.action ?? 'dismiss'
  const decision: Decision = {
    action,
    ruleId: message.ruleId,
    actual: message.actual,
    // The context stops at a line break: an edit in the next paragraph is an edit elsewhere.
    before: text.slice(Math.max(0, message.offset - contextWidth), message.offset).replace(/^[^]*[\r\n]/, ''),
    after: text.slice(message.endOffset, message.endOffset + contextWidth).replace(/[\r\n][^]*$/, ''),
    field,
    by: author.by
  }
  if (author.reason) decision.reason = author.reason
  if (action === 'accept') {
    const replacement = author.replacement ?? message.expected?.[0]
    if (replacement === undefined || !(message.expected ?? []).includes(replacement)) {
      const offered = (message.expected ?? []).map((item) => `\`${item}\``).join(', ')
      throw new TypeError(`copydesk: \`${message.actual}\` (${message.ruleId}) ${offered ? `suggests ${offered}, not ${JSON.stringify(replacement)}` : 'makes no suggestion to accept'}`)
    }
    decision.replacement = replacement
  }
  return validateDecisions([decision])[0]!
}

/**
 * Apply `decisions` to the `messages` of `story`: the messages that still
 * count, and the report of what was dismissed, lapsed or refused.
 */
export function applyDecisions(
  story: DecisionStory,
  messages: ReadonlyArray<ResultMessage>,
  decisions: ReadonlyArray<Decision>,
  options: DecisionOptions = {}
): {messages: ResultMessage[]; report: DecisionReport} {
  const report: DecisionReport = {applied: [], dismissed: [], accepted: [], lapsed: [], refused: []}
  const dismissedBy = new Map<ResultMessage, Decision>()
  const matchesOf = new Map(decisions.map((decision) => [decision, messages.filter((message) => matchesDecision(story, message, decision))]))
  // Accepts whose finding is gone: is the replacement there? All looked for at once, per field.
  const done = doneChanges(story, decisions.filter((decision) => decision.action === 'accept' && matchesOf.get(decision)!.length === 0))
  for (const decision of decisions) {
    const matches = matchesOf.get(decision)!
    if (decision.action === 'accept') {
      const changes = matches.length > 0 ? matches.map((message) => pendingChange(message, decision)) : (done.get(decision) ?? [])
      if (changes.length === 0) report.lapsed.push(decision)
      else {
        report.applied.push(decision)
        report.accepted.push(...changes)
      }
      continue
    }
    if (matches.length === 0) {
      report.lapsed.push(decision)
      continue
    }
    const why = refusal(matches, decision, options)
    if (why) {
      report.refused.push({decision, why})
      continue
    }
    report.applied.push(decision)
    for (const message of matches) if (!dismissedBy.has(message)) dismissedBy.set(message, decision)
  }
  const kept: ResultMessage[] = []
  for (const message of messages) {
    const decision = dismissedBy.get(message)
    if (decision) report.dismissed.push({...message, dismissedBy: decision.by, dismissReason: decision.reason ?? null})
    else kept.push(message)
  }
  return {messages: kept, report}
}

/** An accepted suggestion whose finding is still in the copy (it still counts). */
function pendingChange(message: ResultMessage, decision: Decision): AcceptedChange {
  return changeOf(decision, false, {line: message.line!, column: message.column!, offset: message.offset!, endOffset: message.endOffset!})
}

/** Where the copy reads each accept's replacement between its neighbours (`before` + `replacement` + `after`). */
function doneChanges(story: DecisionStory, accepts: ReadonlyArray<Decision>): Map<Decision, AcceptedChange[]> {
  const result = new Map<Decision, AcceptedChange[]>()
  for (const field of ['body', 'headline'] as const) {
    const own = accepts.filter((decision) => (decision.field ?? 'body') === field)
    if (own.length === 0) continue
    const text = (field === 'headline' ? story.headline : story.body) ?? ''
    const needleOf = (decision: Decision) => decision.before + (decision.replacement ?? '') + decision.after
    const found = occurrences(text, new Set(own.map(needleOf)))
    const starts = lineStarts(text)
    for (const decision of own) {
      result.set(
        decision,
        (found.get(needleOf(decision)) ?? []).map((index) => {
          const offset = index + decision.before.length
          return changeOf(decision, true, {...pointAt(starts, offset), offset, endOffset: offset + (decision.replacement ?? '').length})
        })
      )
    }
  }
  return result
}

/**
 * Where each needle occurs in `text`. One scan a needle: a key index over
 * the text was tried and lost to needles sharing their first characters.
 * Worst case measured: 1,000 accepts that match nothing over a 1 MB story,
 * about 2 s on a loaded machine. An empty needle (no context, a deletion)
 * would match everywhere: it names no place.
 */
function occurrences(text: string, needles: ReadonlySet<string>): Map<string, number[]> {
  const found = new Map<string, number[]>()
  for (const needle of needles) {
    const list: number[] = []
    if (needle !== '') for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) list.push(index)
    found.set(needle, list)
  }
  return found
}

function changeOf(decision: Decision, done: boolean, place: {line: number; column: number; offset: number; endOffset: number}): AcceptedChange {
  return {
    ruleId: decision.ruleId,
    actual: decision.actual,
    replacement: decision.replacement ?? '',
    field: decision.field ?? 'body',
    done,
    ...place,
    acceptedBy: decision.by,
    acceptReason: decision.reason ?? null
  }
}

/** The offset each line of `text` starts at (a line ends at `\r\n`, `\n` or `\r`, as in vfile-location). */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(index + 1)
  }
  return starts
}

/** The 1-based line and column of `offset`, given the {@link lineStarts} of its text. */
function pointAt(starts: ReadonlyArray<number>, offset: number): {line: number; column: number} {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (starts[middle]! <= offset) low = middle
    else high = middle - 1
  }
  return {line: low + 1, column: offset - starts[low]! + 1}
}

function matchesDecision(story: DecisionStory, message: ResultMessage, decision: Decision): boolean {
  if (message.ruleId !== decision.ruleId || message.actual !== decision.actual) return false
  if ((message.field ?? 'body') !== (decision.field ?? 'body')) return false
  if (message.offset === null || message.endOffset === null) return false
  const text = ((decision.field ?? 'body') === 'headline' ? story.headline : story.body) ?? ''
  return (
    text.slice(Math.max(0, message.offset - decision.before.length), message.offset) === decision.before &&
    text.slice(message.endOffset, message.endOffset + decision.after.length) === decision.after
  )
}

function refusal(matches: ResultMessage[], decision: Decision, options: DecisionOptions): string | undefined {
  if (!matches.some((message) => message.severity === 'error')) return undefined
  if (!options.allowErrorDismissal) {
    return `\`${decision.actual}\` (${decision.ruleId}) must never be published; this desk does not allow dismissing it: fix the copy`
  }
  if (!decision.reason) return `\`${decision.actual}\` (${decision.ruleId}) must never be published; dismissing it needs a reason`
  return undefined
}

/** What `check(story, {decisions})` adds to the file's `data`. */
export interface DecisionData {
  /** What the decisions did (the dismissed findings are no longer in `file.messages`). */
  decisions?: DecisionReport
}

/**
 * Apply `decisions` to a checked `file` (for `check(story, {decisions})`):
 * the findings they dismiss leave `file.messages` (and so the counts), and
 * `file.data.decisions` says what was applied, dismissed, accepted, lapsed
 * or refused. `headline`: the headline checked with the story, if any.
 */
export function decideFile(file: VFile, headline: string | undefined, decisions: unknown, options: DecisionOptions = {}): DecisionReport {
  if (options.allowErrorDismissal !== undefined && typeof options.allowErrorDismissal !== 'boolean') {
    throw new TypeError('copydesk: option `allowErrorDismissal` must be true or false')
  }
  const valid = validateDecisions(decisions)
  const messages = file.messages.map((message) => toResultMessage(message, 'body'))
  const {messages: kept, report} = applyDecisions({body: String(file.value), headline}, messages, valid, options)
  const keep = new Set(kept)
  file.messages = file.messages.filter((_message, index) => keep.has(messages[index]!))
  ;(file.data as DecisionData).decisions = report
  return report
}

/** Validate decisions as sent by a caller (JSON); throws `TypeError` saying what is wrong. */
export function validateDecisions(value: unknown): Decision[] {
  if (!Array.isArray(value)) throw new TypeError('copydesk: `decisions` must be a list of {action: "dismiss" | "accept", ruleId, actual, before, after, by, reason?, replacement?}')
  if (value.length > 1000) throw new TypeError(`copydesk: ${value.length} decisions for one story; the limit is 1000`)
  return value.map((item, index) => {
    const where = `decision ${index + 1}`
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new TypeError(`copydesk: ${where} must be an object`)
    const record = item as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (!['action', 'ruleId', 'actual', 'before', 'after', 'field', 'by', 'reason', 'replacement'].includes(key)) {
        throw new TypeError(`copydesk: ${where} has an unknown field \`${key.slice(0, 40)}\`; accepted: action, ruleId, actual, before, after, field, by, reason, replacement`)
      }
    }
    if (record.action !== 'dismiss' && record.action !== 'accept') throw new TypeError(`copydesk: ${where}: \`action\` must be "dismiss" or "accept"`)
    if (record.action === 'accept' && (typeof record.replacement !== 'string' || record.replacement.length > replacementLimit)) {
      throw new TypeError(`copydesk: ${where}: an accept needs \`replacement\`, the suggestion taken (text of at most ${replacementLimit} characters; "" to delete the words)`)
    }
    if (record.action === 'dismiss' && record.replacement !== undefined) throw new TypeError(`copydesk: ${where}: a dismiss has no \`replacement\` (that is an accept)`)
    for (const key of ['ruleId', 'actual', 'by'] as const) {
      if (typeof record[key] !== 'string' || (record[key] as string).trim() === '') throw new TypeError(`copydesk: ${where}: \`${key}\` must be non-empty text`)
    }
    for (const key of ['before', 'after'] as const) {
      if (typeof record[key] !== 'string' || (record[key] as string).length > contextWidth) {
        throw new TypeError(`copydesk: ${where}: \`${key}\` must be text of at most ${contextWidth} characters (the words around the finding)`)
      }
    }
    if (record.field !== undefined && record.field !== 'body' && record.field !== 'headline') throw new TypeError(`copydesk: ${where}: \`field\` must be "body" or "headline"`)
    if (record.reason !== undefined && typeof record.reason !== 'string') throw new TypeError(`copydesk: ${where}: \`reason\` must be text`)
    const decision: Decision = {
      action: record.action,
      ruleId: record.ruleId as string,
      actual: record.actual as string,
      before: record.before as string,
      after: record.after as string,
      by: (record.by as string).trim()
    }
    if (record.field !== undefined) decision.field = record.field as Field
    if (typeof record.reason === 'string' && record.reason.trim() !== '') decision.reason = record.reason.trim()
    if (record.action === 'accept') decision.replacement = record.replacement as string
    return decision
  })
}
