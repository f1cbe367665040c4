/**
 * The floor: the must-never-publish checks (rules files of kind `existence`
 * at level `error` in the house style, such as `leftovers`: `TK`, `lorem
 * ipsum`, CMS debris) run over every story whatever the story or the request
 * says. A story's `<!-- copydesk disable -->` / `ignore` comments and
 * `data-copydesk="skip"` / `class="copydesk-skip"` elements do not hide them;
 * a request's `checks` cannot turn them off or down, nor its policy stop
 * their findings from blocking. What was ignored is named in the result
 * (`overridden`).
 *
 * Which checks are the floor is the house style's business (the rules files'
 * own `kind` and `level`), not the caller's `checks` option. The floor runs
 * as its own checker (only those checks, at `error`, with `storyControl:
 * false`), beside the ordinary one, and its findings are merged in.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {createChecker, type Checker, type CheckerTuning} from '../check.js'
import type {Options} from '../options.js'
import {styleFor} from '../preset.js'
import type {Style} from '../house-style/compile.js'
import {codeChecks, type Format, type Level} from '../types.js'
import {countMessages, tallyOf, toResultMessage, type Counts, type ResultMessage, type Tally} from '../result.js'

/** The floor for one house style: its checks and the checker that runs them. */
export interface Floor {
  /** RuleIds of the must-never-publish checks, sorted. */
  readonly ruleIds: ReadonlyArray<string>
  /** A checker running only them, at `error`, obeying no story switch. */
  readonly checker: Checker
}

/** What the floor found in one story. */
export interface FloorRun {
  /** The floor checks' findings (fields and places as in any result). */
  messages: ResultMessage[]
  /** The story's switches the floor did not obey, such as `story: <!-- copydesk disable --> at 3:1`. */
  overridden: string[]
  /** What the floor checker's cap (`maxFindings`) left out: counts by severity and by ruleId. */
  omitted?: {counts: Counts; rules: Record<string, number>}
}

const floors = new Map<string, Floor>()

/** The floor checks of a style: rules files of kind `existence` whose own level is `error`. */
export function floorChecks(style: Style): string[] {
  return style.files
    .filter((file) => file.kind === 'existence' && file.level === 'error' && !(file as {off?: boolean}).off)
    .map((file) => file.ruleId)
    .sort()
}

/**
 * The floor for checker `options` (cached per options; a caller's `checker`
 * is given as its `style` and dialect). Made once per configuration.
 */
export function floorFor(options: Options = {}, tuning: CheckerTuning = {}): Floor {
  // Incremental (the server's workers): plain text, and HTML parsed by blocks (its tree shared with the worker's checker, src/input/html-blocks.ts);
  // Markdown and HTML parsed whole are checked whole (its cheap checks cost less than keying their paragraphs).
  const {checks: _checks, storyControl: _storyControl, ...rest} = options
  const key = options.style ? undefined : JSON.stringify(rest) + (tuning.incremental ? ' incremental' : '')
  const cached = key === undefined ? undefined : floors.get(key)
  if (cached) return cached
  const style = options.style ?? styleFor(rest)
  const ruleIds = floorChecks(style)
  const off = (ids: Iterable<string>) => Object.fromEntries([...ids].map((id) => [id, 'off' as const]))
  const others = style.files.map((file) => file.ruleId).filter((id) => !ruleIds.includes(id))
  const checker = createChecker({
    ...rest,
    style,
    storyControl: false,
    checks: {...off(Object.keys(codeChecks)), ...off(others), ...Object.fromEntries(ruleIds.map((id) => [id, 'error' as const]))} as Options['checks']
  }, tuning.incremental ? {incremental: {...(tuning.incremental === true ? {} : tuning.incremental), markup: false}} : tuning)
  const floor: Floor = {ruleIds, checker}
  if (key !== undefined) {
    if (floors.size >= 16) floors.delete(floors.keys().next().value as string)
    floors.set(key, floor)
  }
  return floor
}

/** Run the floor over a story (no time budget: these checks always run to the end). */
export async function runFloor(floor: Floor, story: {body: string; headline?: string; format?: Format}): Promise<FloorRun> {
  if (floor.ruleIds.length === 0) return {messages: [], overridden: []}
  const file = new VFile({value: story.body})
  const checked = await floor.checker.check(file, {format: story.format ?? 'text', headline: story.headline})
  const own = (message: VFileMessage) => floor.ruleIds.includes(message.ruleId ?? '')
  // A skip switch always hides floor copy; a comment only when it names no check or a floor check.
  const touchesFloor = (reason: string) => {
    const comment = /^<!-- copydesk \S+((?: \S+)*) -->$/.exec(reason)
    if (!comment) return true
    const names = comment[1]!.split(' ').filter(Boolean)
    return names.length === 0 || names.some((name) => floor.ruleIds.includes(name))
  }
  const switches = checked.messages.filter((message) => message.ruleId === 'story-control' && touchesFloor(message.reason))
  const messages = checked.messages.filter(own).map((message) => toResultMessage(message, 'body'))
  const run: FloorRun = {messages, overridden: switches.map((message) => `story: ${message.reason} at ${message.line ?? 1}:${message.column ?? 1}`)}
  const tally = tallyOf(checked)
  if (tally.omitted) {
    const kept = countMessages(checked.messages.map((message) => toResultMessage(message, 'body')))
    const counts = {error: tally.counts.error - kept.error, warning: tally.counts.warning - kept.warning, suggestion: tally.counts.suggestion - kept.suggestion}
    run.omitted = {counts, rules: tally.omittedRules ?? {}}
  }
  return run
}

/** The caller's `checks` settings that would turn a floor check off or down, as `options: checks.leftovers is 'off'`. */
export function optionOverrides(floor: Floor, checks: Options['checks'] | undefined): string[] {
  const settings = (checks ?? {}) as Record<string, unknown>
  return floor.ruleIds
    .filter((id) => id in settings && settings[id] !== 'error' && settings[id] !== true && settings[id] !== undefined)
    .map((id) => `options: checks.${id} is ${JSON.stringify(settings[id])}`)
}

/** The policy, when it would not block the floor's findings (they are errors), as `policy: block is []`. */
export function policyOverride(policy: {block?: ReadonlyArray<Level>} | undefined): string[] {
  const block = policy?.block
  if (block === undefined || block.includes('error')) return []
  return [`policy: block is ${JSON.stringify(block)}`]
}

/**
 * The counts for findings after the floor's were merged in: the checker's
 * (`tally`, with what its cap left out), less the messages the floor
 * replaced, plus the floor's. `omitted`: what the floor checker's own cap
 * left out, given only where the checker does not run the floor's checks
 * itself (the server's workers), so nothing is counted twice.
 */
export function floorTally(tally: Tally, messages: ReadonlyArray<ResultMessage>, merged: ReadonlyArray<ResultMessage>, omitted?: FloorRun['omitted']): Tally {
  const before = countMessages(messages)
  const after = countMessages(merged)
  const extra = omitted?.counts ?? {error: 0, warning: 0, suggestion: 0}
  const counts = {
    error: tally.counts.error - before.error + after.error + extra.error,
    warning: tally.counts.warning - before.warning + after.warning + extra.warning,
    suggestion: tally.counts.suggestion - before.suggestion + after.suggestion + extra.suggestion
  }
  if (!omitted) return {...tally, counts}
  const rules = {...tally.omittedRules}
  let total = tally.omitted ?? 0
  for (const [ruleId, count] of Object.entries(omitted.rules)) {
    rules[ruleId] = (rules[ruleId] ?? 0) + count
    total += count
  }
  return total > 0 ? {counts, omitted: total, omittedRules: rules} : {counts}
}

/**
 * The floor's findings merged into `messages`: one the ordinary run also
 * reported is kept once, in its place, at `error` (the floor's); each the
 * ordinary run did not report (a story switch hid it, or `checks` turned it
 * off) is added, in line and column order as `check()` sorts.
 */
export function mergeFloor(messages: ReadonlyArray<ResultMessage>, found: ReadonlyArray<ResultMessage>): ResultMessage[] {
  const keyOf = (message: ResultMessage) => `${message.field}:${message.ruleId}:${message.offset}:${message.endOffset}`
  const floorByKey = new Map(found.map((message) => [keyOf(message), message]))
  const seen = new Set<string>()
  const merged = messages.map((message) => {
    const key = keyOf(message)
    const floor = floorByKey.get(key)
    if (!floor) return message
    seen.add(key)
    return floor
  })
  const added = found.filter((message) => !seen.has(keyOf(message)))
  if (added.length === 0) return merged
  return [...merged, ...added].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}
