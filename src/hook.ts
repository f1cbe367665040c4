/**
 * The CMS pre-publish hook, in process: `prePublish(story)` → a verdict a
 * Publish button can act on. The HTTP face (src/server.ts) returns the same.
 */
import {VFile} from 'vfile'
import type {Checker} from './check.js'
import {check} from './check.js'
import type {Options} from './options.js'
import type {Format, Level} from './types.js'
import {formats, levels} from './types.js'
import {countMessages, toResultMessage, type Counts, type ResultMessage, type Verdict} from './result.js'
import {setDeadline, skippedChecks} from './deadline.js'

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

/** Options for `prePublish`. */
export interface PrePublishOptions {
  /** A checker made once with `createChecker` (default: copydesk's default checker for `options`). */
  checker?: Checker
  /** Checker options when no `checker` is given (dialect, checks, dictionary, rules). */
  options?: Options
  /**
   * Time budget in milliseconds (default: none). Checks not started when it
   * runs out are skipped and the result says `complete: false`; a check that
   * has started finishes, so the call can overrun by up to one check.
   */
  timeoutMs?: number
}

/** What `prePublish` returns: the shared JSON shape of src/result.ts plus a verdict. */
export interface PrePublishResult {
  verdict: Verdict
  counts: Counts
  /** Each with `field: 'headline' | 'body'` and its place in that field. */
  messages: ResultMessage[]
  /** `false` when the time budget ran out before every check ran. */
  complete: boolean
}

const defaultPolicy = {block: ['error'], warn: ['warning']} as const satisfies Policy

/** Check a story before it is published and say whether to block, warn or pass. */
export async function prePublish(
  story: Story,
  policy: Policy = {},
  options: PrePublishOptions = {}
): Promise<PrePublishResult> {
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
  return {
    verdict: verdictFor(messages, rules),
    counts: countMessages(messages),
    messages,
    complete: skippedChecks(checked) === 0
  }
}

/** The verdict for messages under a policy. */
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
