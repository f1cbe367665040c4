/**
 * What the data kinds share when they report: an entry's level, scope, quote
 * policy and link (entry fields over the file header), where quotations and
 * headlines are in a story, and one `emit` that applies all of that and
 * calls `report()`.
 */
import type {Node, Position} from 'unist'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {CompiledRuleFile, InQuotes, RuleEntry, RuleHeader, Scope} from './kind.js'
import type {Level, Setting} from '../types.js'
import {report} from '../message.js'
import {isQuoted, quotesOf, type QuoteRanges} from '../nlcst/quotes.js'
import {inHeadline} from '../nlcst/scope.js'
import {fillTemplate} from './template.js'

/** The fields an entry may set over its file's header. */
export interface EntrySettings {
  level?: Setting
  scope?: Scope
  quotes?: InQuotes
  link?: string
  note?: string
}

/** An entry's settings with the header's filled in, fixed at compile time. */
export interface Policy {
  id: string
  /** The entry's own level, if it has one. */
  level?: Level
  scope: Scope
  quotes: InQuotes
  url?: string
  note?: string
}

/** Resolve an entry's settings against its file's header. */
export function policyOf(header: RuleHeader, entry: RuleEntry & EntrySettings): Policy {
  return {
    id: entry.id,
    level: entry.level && entry.level !== 'off' ? entry.level : undefined,
    scope: entry.scope || header.scope,
    quotes: entry.quotes || header.quotes,
    url: entry.link || header.link,
    note: entry.note
  }
}

/** The level the data gave a file (what the preset's options may replace). */
export function dataLevel(header: RuleHeader): Level {
  return header.level === 'off' ? 'warning' : header.level
}

/** Per story: where the quotations are (found once per tree, on first use) and what is headline. */
export class Story {
  private quotes: QuoteRanges | undefined

  constructor(
    readonly tree: Root,
    readonly file: VFile
  ) {}

  /** Whether a node is inside quotation marks. */
  quoted(node: Node): boolean {
    // Kept on the tree: every data kind asks about the same story.
    this.quotes ??= quotesOf(this.tree)
    return isQuoted(this.quotes, node)
  }

  /** Whether a node is in the headline. */
  headline(node: Node): boolean {
    return inHeadline(this.file, node)
  }

  /** Whether a rule with `scope` applies at a node. */
  inScope(scope: Scope, node: Node): boolean {
    if (scope === 'all') return true
    return this.headline(node) === (scope === 'headline')
  }
}

/** What a kind found. */
export interface Found {
  actual: string
  expected: string[]
  /** Extra template values (`{why}` …). */
  values?: Record<string, unknown>
  /** A lower level for an uncertain finding (never raises the level). */
  level?: Level
  note?: string
  cause?: {reason: string; place?: Position}
}

const rank: Record<Level, number> = {suggestion: 0, warning: 1, error: 2}

/**
 * Report a finding of `entry` of `file` at `place`, if its scope and quote
 * policy allow: inside quotation marks a rule is skipped, reported as a
 * suggestion, or applied, and the message is marked `quoted`.
 *
 * Level: the preset's options, if they set this file's level, else the
 * entry's level, else the file's; an uncertain finding may lower it.
 */
export function emit(
  story: Story,
  file: CompiledRuleFile,
  fileDataLevel: Level,
  policy: Policy,
  place: Node | Position | {start: Node; end: Node},
  found: Found,
  anchor?: Node
): boolean {
  const node = anchor || ('type' in place ? (place as Node) : 'start' in place && 'type' in (place.start as object) ? (place.start as Node) : undefined)
  if (node && !story.inScope(policy.scope, node)) return false
  const quoted = node ? story.quoted(node) : false
  if (quoted && policy.quotes === 'skip') return false
  let level: Level = file.level !== fileDataLevel ? file.level : policy.level || file.level
  if (found.level && rank[found.level] < rank[level]) level = found.level
  if (quoted && policy.quotes === 'suggestion') level = 'suggestion'
  const values = {...found.values, actual: found.actual, expected: found.expected}
  report(story.file, place, {
    ruleId: file.ruleId,
    entry: policy.id,
    level,
    reason: fillTemplate(file.message, values),
    actual: found.actual,
    expected: found.expected,
    url: policy.url,
    note: found.note || policy.note,
    cause: found.cause,
    quoted
  })
  return true
}

/** JSON Schema of the entry fields `scope` and `quotes` for kinds that honor them per entry. */
export const entryPolicySchema = {
  scope: {
    enum: ['text', 'headline', 'all'],
    description: 'Where this entry applies (default: the file scope).'
  },
  quotes: {
    enum: ['skip', 'suggestion', 'apply'],
    description: 'Inside quotation marks (default: the file setting).'
  }
} as const
