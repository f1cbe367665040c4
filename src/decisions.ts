/**
 * Per-story decisions: an editor dismisses a finding for this story, with
 * who and why, and the decision travels with the story (`prePublish(story,
 * policy, {decisions})`, `POST /v1/check` `{…, decisions}`). A pure function
 * over a result's messages: no files, no state.
 *
 * A decision is anchored on the finding's check (`ruleId`), its words
 * (`actual`), the field, and the text right before and after it
 * (`before`/`after`, up to {@link contextWidth} characters each), not on
 * offsets: it still holds when the story is edited elsewhere, and lapses
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
 */
import type {Field, ResultMessage} from './result.js'

/** Characters of context kept on each side of a finding. */
export const contextWidth = 24

/** One editor's decision about one finding of one story. */
export interface Decision {
  /** `dismiss`: the finding is wrong for this story (a name, a quote). */
  action: 'dismiss'
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
}

/** Options for {@link applyDecisions}. */
export interface DecisionOptions {
  /** Whether error-level findings (`leftovers`: must never be published) may be dismissed, by a named person with a reason (default `false`). */
  allowErrorDismissal?: boolean
}

/** A finding a decision dismissed: still reported, with who and why. */
export type DismissedMessage = ResultMessage & {dismissedBy: string; dismissReason: string | null}

/** What the decisions did to a result. */
export interface DecisionReport {
  /** Decisions that matched a finding and were applied. */
  applied: Decision[]
  /** The findings they cover (not counted toward the verdict). */
  dismissed: DismissedMessage[]
  /** Decisions that match no finding any more (the words or their context changed, or the check no longer flags them). */
  lapsed: Decision[]
  /** Decisions not applied, with why (an error-level finding where that is not allowed, or without a reason). */
  refused: Array<{decision: Decision; why: string}>
}

/** The story text a decision is anchored in. */
export interface DecisionStory {
  body: string
  headline?: string
}

/**
 * A decision to dismiss `message` (a finding of `story`), anchored on its
 * words and their context. Throws `TypeError` for a finding without a place.
 */
export function decisionFor(story: DecisionStory, message: ResultMessage, author: {by: string; reason?: string}): Decision {
  const field = message.field ?? 'body'
  const text = (field === 'headline' ? story.headline : story.body) ?? ''
  if (message.offset === null || message.endOffset === null || message.ruleId === null || message.actual === null) {
    throw new TypeError('copydesk: only a finding with a check, words and a place can be dismissed')
  }
  const decision: Decision = {
    action: 'dismiss',
    ruleId: message.ruleId,
    actual: message.actual,
    before: text.slice(Math.max(0, message.offset - contextWidth), message.offset),
    after: text.slice(message.endOffset, message.endOffset + contextWidth),
    field,
    by: author.by
  }
  if (author.reason) decision.reason = author.reason
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
  const report: DecisionReport = {applied: [], dismissed: [], lapsed: [], refused: []}
  const dismissedBy = new Map<ResultMessage, Decision>()
  for (const decision of decisions) {
    const matches = messages.filter((message) => matchesDecision(story, message, decision))
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

/** Validate decisions as sent by a caller (JSON); throws `TypeError` saying what is wrong. */
export function validateDecisions(value: unknown): Decision[] {
  if (!Array.isArray(value)) throw new TypeError('copydesk: `decisions` must be a list of {action: "dismiss", ruleId, actual, before, after, by, reason?}')
  if (value.length > 1000) throw new TypeError(`copydesk: ${value.length} decisions for one story; the limit is 1000`)
  return value.map((item, index) => {
    const where = `decision ${index + 1}`
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new TypeError(`copydesk: ${where} must be an object`)
    const record = item as Record<string, unknown>
    for (const key of Object.keys(record)) {
      if (!['action', 'ruleId', 'actual', 'before', 'after', 'field', 'by', 'reason'].includes(key)) {
        throw new TypeError(`copydesk: ${where} has an unknown field \`${key.slice(0, 40)}\`; accepted: action, ruleId, actual, before, after, field, by, reason`)
      }
    }
    if (record.action !== 'dismiss') throw new TypeError(`copydesk: ${where}: \`action\` must be "dismiss"`)
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
      action: 'dismiss',
      ruleId: record.ruleId as string,
      actual: record.actual as string,
      before: record.before as string,
      after: record.after as string,
      by: (record.by as string).trim()
    }
    if (record.field !== undefined) decision.field = record.field as Field
    if (typeof record.reason === 'string' && record.reason.trim() !== '') decision.reason = record.reason.trim()
    return decision
  })
}
