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
  /** Over every finding, including any left out of `messages`. */
  counts: Counts
  messages: Array<ResultMessage<Custom>>
  /** Findings left out of `messages` by the `maxFindings` cap (absent when none were). */
  omitted?: number
  /** Of those, how many per ruleId (absent when none were left out). */
  omittedRules?: Record<string, number>
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

/** A checked VFile as a `FileResult` (counts over every finding, also those the cap left out). */
export function toFileResult(file: VFile, options: {path?: string; field?: Field} = {}): FileResult {
  const messages = file.messages.map((message) => toResultMessage(message, options.field))
  const {counts, ...omitted} = tallyOf(file)
  return {path: options.path ?? (file.path || '<stdin>'), counts, messages, ...omitted}
}

/** Per ruleId (`''` for none), per severity: the findings `capFindings` left out of a file. */
type Dropped = Record<string, Counts>

interface CapData {
  copydeskDropped?: Dropped
  /** Where each left-out finding was (start and end offsets, in pairs), by ruleId: so the gate does not report them again. */
  copydeskDroppedSpans?: Record<string, number[]>
}

/** The offsets (start, end pairs) of the findings `capFindings` left out of `file`, by ruleId. */
export function droppedSpans(file: VFile): Readonly<Record<string, ReadonlyArray<number>>> {
  return (file.data as CapData).copydeskDroppedSpans ?? {}
}

/** Counts over every finding of a checked story, and what the cap left out. */
export interface Tally {
  counts: Counts
  /** Present only when findings were left out. */
  omitted?: number
  omittedRules?: Record<string, number>
}

const rank: Record<Level, number> = {error: 0, warning: 1, suggestion: 2}

/** Errors before warnings before suggestions, then story order. */
export function byImportance(a: VFileMessage, b: VFileMessage): number {
  return rank[levelOf(a)] - rank[levelOf(b)] || byPlace(a, b)
}

function byPlace(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
}

/**
 * Keep at most `max` of `file.messages`: the most important (see
 * {@link byImportance}), so an error is never left out for a suggestion.
 * Those left out are tallied on the file (see {@link tallyOf}); the kept ones
 * stay in story order.
 */
export function capFindings(file: VFile, max: number): void {
  if (file.messages.length <= max) return
  const sorted = [...file.messages].sort(byImportance)
  const data = file.data as CapData
  const dropped = (data.copydeskDropped ??= {})
  const spans = (data.copydeskDroppedSpans ??= {})
  for (let index = max; index < sorted.length; index++) {
    const message = sorted[index]!
    ;(dropped[message.ruleId ?? ''] ??= {error: 0, warning: 0, suggestion: 0})[levelOf(message)]++
    const place = message.place
    if (place && 'start' in place && place.start.offset !== undefined && place.end.offset !== undefined) {
      ;(spans[message.ruleId ?? ''] ??= []).push(place.start.offset, place.end.offset)
    }
  }
  const kept = sorted.slice(0, max).sort(byPlace)
  file.messages.length = 0
  for (const message of kept) file.messages.push(message)
}

/** Add what `capFindings` left out of `from` (only ruleIds `own` accepts) to `into`. */
export function mergeDropped(into: VFile, from: VFile, own: (ruleId: string) => boolean = () => true): void {
  const source = (from.data as CapData).copydeskDropped
  if (!source) return
  const target = ((into.data as CapData).copydeskDropped ??= {})
  for (const [ruleId, counts] of Object.entries(source)) {
    if (!own(ruleId)) continue
    const sum = (target[ruleId] ??= {error: 0, warning: 0, suggestion: 0})
    for (const level of Object.keys(rank) as Level[]) sum[level] += counts[level]
    const spans = (from.data as CapData).copydeskDroppedSpans?.[ruleId]
    if (spans) ((into.data as CapData).copydeskDroppedSpans ??= {})[ruleId] = [...(droppedSpans(into)[ruleId] ?? []), ...spans]
  }
}

/** Exact counts for a checked file: its messages plus those the cap left out. */
export function tallyOf(file: VFile): Tally {
  const counts = countMessages(file.messages.map((message) => ({severity: levelOf(message)})))
  const dropped = (file.data as CapData).copydeskDropped
  if (!dropped) return {counts}
  let omitted = 0
  const omittedRules: Record<string, number> = {}
  for (const [ruleId, some] of Object.entries(dropped)) {
    const total = some.error + some.warning + some.suggestion
    if (total === 0) continue
    for (const level of Object.keys(rank) as Level[]) counts[level] += some[level]
    omittedRules[ruleId] = total
    omitted += total
  }
  return omitted > 0 ? {counts, omitted, omittedRules} : {counts}
}

function span(message: VFileMessage): {start?: Point; end?: Point} {
  const place = message.place as Position | Point | undefined
  if (!place) return message.line ? {start: {line: message.line, column: message.column ?? 1}} : {}
  if ('start' in place) return {start: place.start, end: place.end}
  return {start: place}
}
