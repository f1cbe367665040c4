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
import {countMessages, toResultMessage, type Counts, type ResultMessage, type Verdict} from '../result.js'
import {incompleteChecks, setDeadline} from '../deadline.js'
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
  /** Checker options when no `checker` is given (dialect, checks, dictionary, rules). */
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
  if (timeoutMs !== undefined) setDeadline(file, timeoutMs)
  const checked = options.checker
    ? await options.checker.check(file, {format, headline})
    : await check(file, {...options.options, format, headline})
  const messages = checked.messages.map((message) => toResultMessage(message, 'body'))
  const decide = options.decisions === undefined ? undefined : {story: {body, headline}, decisions: validateDecisions(options.decisions), options: {allowErrorDismissal: options.allowErrorDismissal === true}}
  return resultFor(messages, incompleteChecks(checked), rules, undefined, decide)
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
  decide?: {story: DecisionStory; decisions: ReadonlyArray<Decision>; options?: DecisionOptions}
): PrePublishResult {
  // Dismissed findings leave the count and the verdict, and are listed under `decisions`.
  const decided = decide && applyDecisions(decide.story, messages, decide.decisions, decide.options)
  if (decided) messages = decided.messages
  const complete = incomplete.length === 0 && reason === undefined
  const verdict = complete ? verdictFor(messages, policy) : 'hold'
  const result: PrePublishResult = {verdict, counts: countMessages(messages), messages, complete, incomplete: [...incomplete]}
  if (!complete) result.reason = reason ?? holdReason(incomplete)
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
