/**
 * The CMS pre-publish hook, in process: `prePublish(story)` → a verdict a
 * Publish button can act on. The HTTP face (src/faces/server.ts) returns the same.
 */
import {VFile} from 'vfile'
import type {Checker} from '../check.js'
import {check} from '../check.js'
import type {Options} from '../options.js'
import type {Format, Level} from '../types.js'
import {formats, levels} from '../types.js'
import {countMessages, tallyOf, toResultMessage, type Counts, type ResultMessage, type Tally, type Verdict} from '../result.js'
import {incompleteChecks, setDeadline} from '../deadline.js'
import {floorFor, mergeFloor, optionOverrides, policyOverride, runFloor, floorTally} from './floor.js'
import {applyDecisions, validateDecisions, type Decision, type DecisionOptions, type DecisionReport, type DecisionStory} from '../decisions.js'

/** A story as a CMS holds it. */
export interface Story {
  /** The headline, checked with headline rules (AP: `US` is fine in headlines). */
  headline?: string
  /** The story text. */
  body: string
  /** Format of `body` (default `'text'`). */
  format?: Format
}

/**
 * Which severities block publishing and which only warn. Default: errors
 * block, warnings warn, suggestions pass: `{block: ['error'], warn: ['warning']}`.
 * A severity in both lists blocks.
 */
export interface Policy {
  block?: ReadonlyArray<Level>
  warn?: ReadonlyArray<Level>
}

/** Options for `prePublish` (`Custom`: the ruleIds of a newsroom's own rules files, as in `Options`). */
export interface PrePublishOptions<Custom extends string = never> {
  /** A checker made once with `createChecker` (default: copydesk's default checker for `options`). */
  checker?: Checker
  /** Checker options when no `checker` is given (dialect, checks, dictionary, rules, `maxFindings`: most findings in `messages`, default 1,000). */
  options?: Options<Custom>
  /**
   * Time budget in milliseconds (default: none). The must-never-publish
   * checks (rules files of kind `existence` at level `error`, such as
   * `leftovers`) always run first over the whole story; other checks not
   * started when the budget runs out are skipped and the verdict is `hold`.
   * In process a check that has started finishes,
   * so the call can overrun by up to one check; the HTTP server cuts a check
   * off in its worker.
   */
  timeoutMs?: number
  /** The editors' decisions about this story's findings (src/decisions.ts, docs/desk.md); the result then has `decisions`. */
  decisions?: ReadonlyArray<Decision>
  /** Whether error-level findings (`leftovers`) may be dismissed, by a named person with a reason (default `false`). */
  allowErrorDismissal?: boolean
  /**
   * The floor (default `false` in process; `copydesk serve` has it on): the
   * must-never-publish checks (rules files of kind `existence` at level
   * `error` in the house style, such as `leftovers`) run over the whole
   * story whatever the story's `<!-- copydesk … -->` comments and
   * `data-copydesk="skip"` elements, or `options.checks`, say, and their
   * findings block whatever the policy; the result's `overridden` names what
   * was ignored. See src/faces/floor.ts.
   */
  floor?: boolean
}

/** The floor's part in a result: its checks, and what it ignored (see src/faces/floor.ts). */
export interface FloorResult {
  /** RuleIds of the must-never-publish checks: their findings block, whatever the policy. */
  ruleIds: ReadonlyArray<string>
  /** What the story or request tried and the floor ignored. */
  overridden: ReadonlyArray<string>
}

/** What `prePublish` returns: the shared JSON shape of src/result.ts plus a verdict. */
export interface PrePublishResult<Custom extends string = never> {
  verdict: Verdict
  counts: Counts
  /** Each with `field: 'headline' | 'body'` and its place in that field. */
  messages: Array<ResultMessage<Custom>>
  /** `true` only when every check ran over the whole story (and headline). */
  complete: boolean
  /** The ruleIds of the checks that did not run over the whole story (`[]` when complete). */
  incomplete: string[]
  /** One sentence for the editor when the story is held (or could not be checked). */
  reason?: string
  /** Findings left out of `messages` by the checker's `maxFindings` (absent when none); `counts` and the verdict cover them. */
  omitted?: number
  /** Of those, how many per ruleId. */
  omittedRules?: Record<string, number>
  /**
   * With the floor on, what the story or request tried that the floor
   * ignored (absent when nothing was): `story: <!-- copydesk disable --> at
   * 3:1`, `story: <p data-copydesk="skip"> at 5:1`, `options: checks.leftovers
   * is "off"`, `policy: block is []`.
   */
  overridden?: string[]
  /** With `decisions`: those applied, the findings they dismissed (not counted), and those lapsed or refused. */
  decisions?: DecisionReport
}

const defaultPolicy = {block: ['error'], warn: ['warning']} as const satisfies Policy

/** Check a story before it is published and say whether to block, warn or pass. */
export async function prePublish<Custom extends string = never>(
  story: Story,
  policy: Policy = {},
  options: PrePublishOptions<NoInfer<Custom>> = {}
): Promise<PrePublishResult<Custom>> {
  const {body, headline, format} = validateStory(story)
  const rules = normalizePolicy(policy)
  const {timeoutMs} = options
  if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !(timeoutMs > 0))) {
    throw new TypeError('copydesk: option `timeoutMs` must be a positive number of milliseconds')
  }
  const file = new VFile({value: body})
  // The floor first, with no budget: it always runs to the end.
  const floor = options.floor ? floorFor(options.checker ? {style: options.checker.style, dialect: options.checker.settings.dialect} : options.options) : undefined
  const found = floor ? await runFloor(floor, {body, headline, format}) : undefined
  if (timeoutMs !== undefined) setDeadline(file, timeoutMs)
  const checked = options.checker
    ? await options.checker.check(file, {format, headline})
    : await check(file, {...options.options, format, headline})
  const messages = checked.messages.map((message) => toResultMessage(message, 'body'))
  const tally = tallyOf(checked)
  const decide = options.decisions === undefined ? undefined : {story: {body, headline}, decisions: validateDecisions(options.decisions), options: {allowErrorDismissal: options.allowErrorDismissal === true}}
  if (!floor || !found) return resultFor(messages, incompleteChecks(checked), rules, undefined, tally, undefined, decide)
  const merged = mergeFloor(messages, found.messages)
  const overridden = [...found.overridden, ...optionOverrides(floor, options.checker ? undefined : options.options?.checks), ...policyOverride(rules)]
  return resultFor(merged, incompleteChecks(checked).filter((id) => !floor.ruleIds.includes(id)), rules, undefined, floorTally(tally, messages, merged), {ruleIds: floor.ruleIds, overridden}, decide)
}

/**
 * The result for a story's messages and the checks that did not finish: an
 * incomplete check yields `hold` with a reason (fail closed), whatever the
 * findings; the findings that are in (such as a `TK`) are still reported.
 */
export function resultFor(
  messages: ResultMessage[],
  incomplete: ReadonlyArray<string>,
  policy: Policy = {},
  reason?: string,
  tally?: Tally,
  floor?: FloorResult,
  decide?: {story: DecisionStory; decisions: ReadonlyArray<Decision>; options?: DecisionOptions}
): PrePublishResult {
  // Dismissed findings leave the count and the verdict, and are listed under `decisions`.
  const decided = decide && applyDecisions(decide.story, messages, decide.decisions, decide.options)
  // Counts over every finding (`tally`: also those `maxFindings` left out) but the dismissed, and the verdict from them.
  let counts = tally?.counts ?? countMessages(messages)
  if (decided) {
    const before = countMessages(messages)
    const after = countMessages(decided.messages)
    counts = {
      error: counts.error - before.error + after.error,
      warning: counts.warning - before.warning + after.warning,
      suggestion: counts.suggestion - before.suggestion + after.suggestion
    }
    messages = decided.messages
  }
  const complete = incomplete.length === 0 && reason === undefined
  // With the floor, its findings block whatever the policy says.
  const floorBlocks = floor !== undefined && messages.some((message) => floor.ruleIds.includes(message.ruleId ?? ''))
  const verdict = complete ? (floorBlocks ? 'block' : verdictForCounts(counts, policy)) : 'hold'
  const result: PrePublishResult = {verdict, counts, messages, complete, incomplete: [...incomplete]}
  if (!complete) result.reason = reason ?? holdReason(incomplete)
  if (tally?.omitted) Object.assign(result, {omitted: tally.omitted, omittedRules: tally.omittedRules})
  if (floor && floor.overridden.length > 0) result.overridden = [...floor.overridden]
  if (decided) result.decisions = decided.report
  return result
}

/** The editor's sentence for a story whose checks ran out of time. */
export function holdReason(incomplete: ReadonlyArray<string>): string {
  const names = incomplete.length > 4 ? `${incomplete.slice(0, 4).join(', ')} and ${incomplete.length - 4} more` : incomplete.join(', ')
  return `copydesk ran out of time before it finished checking this story (${names || 'some checks'} did not run over all of it); hold it and check again, or check it in parts.`
}

/** The verdict for messages under a policy, for a complete check (see `resultFor`). */
export function verdictFor(messages: ReadonlyArray<{severity: Level}>, policy: Policy = {}): Verdict {
  const {block, warn} = normalizePolicy(policy)
  if (messages.some((message) => block.includes(message.severity))) return 'block'
  if (messages.some((message) => warn.includes(message.severity))) return 'warn'
  return 'pass'
}

function verdictForCounts(counts: Counts, policy: Policy): Verdict {
  const {block, warn} = normalizePolicy(policy)
  if (block.some((level) => counts[level] > 0)) return 'block'
  if (warn.some((level) => counts[level] > 0)) return 'warn'
  return 'pass'
}

/** Validate a policy and fill in defaults; throws `TypeError` saying what is wrong. */
export function normalizePolicy(policy: Policy | null | undefined): {block: Level[]; warn: Level[]} {
  const value = policy ?? {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError('copydesk: `policy` must be an object such as {"block": ["error"], "warn": ["warning"]}')
  }
  for (const key of Object.keys(value)) {
    if (key !== 'block' && key !== 'warn') {
      throw new TypeError(`copydesk: unknown policy key \`${key}\`; accepted: block, warn`)
    }
  }
  return {block: levelList(value.block, 'block', defaultPolicy.block), warn: levelList(value.warn, 'warn', defaultPolicy.warn)}
}

function levelList(value: unknown, name: string, fallback: ReadonlyArray<Level>): Level[] {
  if (value === undefined) return [...fallback]
  if (!Array.isArray(value) || value.some((level) => !levels.includes(level as Level))) {
    throw new TypeError(
      `copydesk: policy \`${name}\` must be a list of severities (${levels.map((level) => `'${level}'`).join(', ')}), got ${JSON.stringify(value)}`
    )
  }
  return value as Level[]
}

function validateStory(story: Story): Required<Pick<Story, 'body'>> & Story {
  if (!story || typeof story !== 'object') {
    throw new TypeError('copydesk: a story must be an object such as {headline: "…", body: "…"}')
  }
  if (typeof story.body !== 'string') {
    throw new TypeError(`copydesk: the story's \`body\` must be a string, got ${story.body === null ? 'null' : typeof story.body}`)
  }
  if (story.headline !== undefined && story.headline !== null && typeof story.headline !== 'string') {
    throw new TypeError(`copydesk: the story's \`headline\` must be a string, got ${typeof story.headline}`)
  }
  if (story.format !== undefined && !formats.includes(story.format)) {
    throw new TypeError(
      `copydesk: the story's \`format\` is ${JSON.stringify(story.format)}; accepted: ${formats.map((format) => `'${format}'`).join(', ')}`
    )
  }
  return {body: story.body, headline: story.headline ?? undefined, format: story.format}
}
