/**
 * Kind `pattern`: a token-sequence pattern with slots, and a replacement
 * made from what the slots matched. The lists (months, states) are data:
 *
 * ```yaml
 * - id: month-day
 *   match: '{month} {day}'
 *   slots:
 *     month: {January: Jan., Sep.: Sept., Mar.: March, March: March}
 *   expected: '{month} {day}'
 * ```
 *
 * "January 6" → "Jan. 6", "Sep. 12" → "Sept. 12", "Nov. 5th" → "Nov. 5"; a
 * match whose replacement equals the text ("Jan. 6", "May 5") is silent, so
 * one entry both checks and allows.
 *
 * - `match`: one pattern or a list. `{name}` is a slot from `slots` (a list,
 *   or a mapping from what is written to what it stands for) or a built-in
 *   class: `{number}` (5, 4.4, 1,000), `{day}` (1–31, also `5th`, captured as
 *   5), `{year}`, `{Name}` (a capitalized word), `{word}`. White space in a
 *   pattern matches any white space; no space means the tokens touch.
 * - `expected`: template(s), best first: `{name}` is the slot's value,
 *   `{name.text}` its text as written.
 * - `flag`: the slot to report (default: the whole match), e.g. only the
 *   state in `{Name}, {state}`.
 * - `notBefore` / `notAfter`: patterns of text right after / right before
 *   the match that make it fine (a dateline's `(AP)`).
 * - `after` / `before`: the match counts only right after / right before one
 *   of these (`after: ['{Name},']` for a state after a city). Anchoring on
 *   the rare part keeps the check cheap: sentences without one of its first
 *   words are never tokenized.
 */
import type {Root, Sentence} from 'nlcst'
import type {Plugin} from 'unified'
import type {CompiledRuleFile, Kind, KindPluginOptions, LoadedRuleFile, RuleEntry} from '../kind.js'
import {RuleDataError} from '../kind.js'
import {
  eachSentence,
  PatternError,
  PatternIndex,
  compilePattern,
  fillSlots,
  matchesAfter,
  matchesBefore,
  streamOf,
  textOf,
  type Match,
  type Pattern,
  type Slot,
  type SlotSource,
  type Stream,
  type Token
} from '../sequence.js'
import {Story, dataLevel, emit, entryPolicySchema, policyOf, type EntrySettings, type Policy} from '../runtime.js'
import type {Level} from '../../types.js'

/** One entry as written. */
export interface PatternEntry extends RuleEntry, EntrySettings {
  match: string | string[]
  slots?: Record<string, SlotSource>
  expected: string | string[]
  flag?: string
  notBefore?: string[]
  notAfter?: string[]
  after?: string[]
  before?: string[]
  case?: 'exact' | 'any'
}

/** One pattern of an entry, compiled. */
export interface PatternRule {
  pattern: Pattern
  policy: Policy
  expected: string[]
  flag?: string
  notBefore: Pattern[]
  notAfter: Pattern[]
  /** Text that must come right before / right after (any one of them). */
  after: Pattern[]
  before: Pattern[]
}

/** What the plugin gets per file. */
export interface PatternData {
  rules: PatternRule[]
  index: PatternIndex<PatternRule>
  level: Level
}

const stringOrList = (description: string) => ({
  anyOf: [{type: 'string', minLength: 1}, {type: 'array', minItems: 1, items: {type: 'string', minLength: 1}}],
  description
})

const entrySchema = {
  required: ['match', 'expected'],
  properties: {
    match: stringOrList('Pattern(s) to flag: words, punctuation and `{slots}` (`{month} {day}`, `{Name}, {state}`).'),
    slots: {
      type: 'object',
      additionalProperties: {
        anyOf: [
          {type: 'array', minItems: 1, items: {type: 'string', minLength: 1}},
          {type: 'object', minProperties: 1, additionalProperties: {type: 'string'}}
        ]
      },
      description: 'Slots used in `match`: a list of alternatives, or a mapping from what is written to what it stands for.'
    },
    expected: stringOrList('Replacement template(s), best first: `{slot}` is the slot value, `{slot.text}` the text as written.'),
    flag: {type: 'string', description: 'Report only this slot’s span (default: the whole match).'},
    notBefore: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description: 'Text right after the match that makes it fine (e.g. `(AP)` after a dateline).'
    },
    notAfter: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description: 'Text right before the match that makes it fine.'
    },
    after: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description: 'The match counts only right after one of these (`{Name},` for a state after a city); not part of the span.'
    },
    before: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description: 'The match counts only right before one of these; not part of the span.'
    },
    case: {enum: ['exact', 'any'], description: 'Literal words: as written (default) or any case. Slot lists always match as written.'},
    ...entryPolicySchema
  }
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

function compileFile(file: LoadedRuleFile): PatternData {
  const rules: PatternRule[] = []
  file.entries.forEach((raw, entryIndex) => {
    const entry = raw as PatternEntry
    const slots = entry.slots || {}
    const compiledSlots = new Map<string, Slot>()
    const caseMode = entry.case === 'any' ? 'insensitive' : 'exact'
    const compile = (text: string, field: string, index?: number) => {
      try {
        return compilePattern(text, slots, caseMode, compiledSlots)
      } catch (error) {
        if (!(error instanceof PatternError)) throw error
        throw new RuleDataError(
          `\`${text}\`: ${error.message}`,
          ['entries', entryIndex, field, ...(index === undefined ? [] : [index])],
          'use slots defined under `slots` or the built-in classes'
        )
      }
    }
    const policy = policyOf(file.header, entry)
    const expected = list(entry.expected)
    const notBefore = (entry.notBefore || []).map((text, index) => compile(text, 'notBefore', index))
    const notAfter = (entry.notAfter || []).map((text, index) => compile(text, 'notAfter', index))
    const after = (entry.after || []).map((text, index) => compile(text, 'after', index))
    const before = (entry.before || []).map((text, index) => compile(text, 'before', index))
    const matches = list(entry.match)
    matches.forEach((text, index) => {
      const pattern = compile(text, 'match', Array.isArray(entry.match) ? index : undefined)
      const names = new Set(slotNames(pattern))
      if (entry.flag !== undefined && !names.has(entry.flag)) {
        throw new RuleDataError(
          `\`flag: ${entry.flag}\` names no slot of \`${text}\` (slots: ${[...names].join(', ') || 'none'})`,
          ['entries', entryIndex, 'flag'],
          'name one of the slots in `match`, or remove `flag` to report the whole match'
        )
      }
      expected.forEach((template, templateIndex) => {
        for (const [, name] of template.matchAll(/\{([A-Za-z][\w-]*)(?:\.text)?\}/g)) {
          if (!names.has(name)) {
            throw new RuleDataError(
              `\`expected\` uses \`{${name}}\`, which \`${text}\` does not have`,
              ['entries', entryIndex, 'expected', ...(Array.isArray(entry.expected) ? [templateIndex] : [])],
              `use the slots of the pattern: ${[...names].map((n) => `{${n}}`).join(', ') || '(none)'}`
            )
          }
        }
      })
      rules.push({pattern, policy, expected, flag: entry.flag, notBefore, notAfter, after, before})
    })
    for (const name of Object.keys(slots)) {
      if (!compiledSlots.has(name)) {
        throw new RuleDataError(
          `slot \`${name}\` is defined but no pattern uses it`,
          ['entries', entryIndex, 'slots', name],
          `use \`{${name}}\` in \`match\`, or remove the slot`
        )
      }
    }
  })
  return {rules, index: new PatternIndex(rules), level: dataLevel(file.header)}
}

function slotNames(pattern: Pattern): string[] {
  return pattern.items.flatMap((item) => (item.type === 'slot' ? [item.slot.name] : []))
}

/** The retext plugin: in every sentence, the longest match at each token, never two on one span. */
export const pattern: Plugin<[KindPluginOptions<PatternData>], Root> = function (options) {
  const files = options.files
  // One look at each sentence for every file's anchors: a sentence none of
  // them can match (most) is passed over at once, not once per file.
  const any = files.length > 1 ? new PatternIndex(files.flatMap((compiled) => compiled.data.rules)) : undefined
  return function (tree, file) {
    const story = new Story(tree, file)
    eachSentence(tree, (sentence: Sentence) => {
      if (any && !any.mayMatch(sentence)) return
      let stream: Stream | undefined
      for (const compiled of files) {
        if (!compiled.data.index.mayMatch(sentence)) continue
        stream ||= streamOf(sentence)
        checkSentence(story, compiled, stream)
      }
    })
  }
}

function checkSentence(story: Story, file: CompiledRuleFile<PatternData>, stream: Stream): void {
  const {tokens} = stream
  // Longest first at each start; never two findings on one span.
  let reached = 0
  for (const {rule, match} of file.data.index.matches(tokens)) {
    if (match.start < reached) continue
    if (rule.notAfter.some((context) => matchesBefore(context, tokens, match.start))) continue
    if (rule.notBefore.some((context) => matchesAfter(context, tokens, match.end))) continue
    if (rule.after.length > 0 && !rule.after.some((context) => matchesBefore(context, tokens, match.start))) continue
    if (rule.before.length > 0 && !rule.before.some((context) => matchesAfter(context, tokens, match.end))) continue
    if (report(story, file, tokens, rule, match)) reached = match.end
  }
}

function report(
  story: Story,
  file: CompiledRuleFile<PatternData>,
  tokens: ReadonlyArray<Token>,
  rule: PatternRule,
  match: Match
): boolean {
  const span = rule.flag ? match.captures.get(rule.flag) : match
  if (!span) return false
  let {start, end} = span
  let actual = textOf(tokens, start, end)
  const expected = rule.expected.map((template) => fillSlots(template, match.captures))
  if (expected.includes(actual)) return false
  // "Georgetown, Ky. The plant …": that period also ends the sentence; keep it.
  if (actual.endsWith('.') && !expected[0].endsWith('.') && periodEndsSentence(tokens, end - 1)) {
    end -= 1
    actual = actual.slice(0, -1)
  }
  return emit(
    story,
    file,
    file.data.level,
    rule.policy,
    {start: tokens[start].node, end: tokens[end - 1].node},
    {actual, expected},
    tokens[match.start].node
  )
}

function periodEndsSentence(tokens: ReadonlyArray<Token>, index: number): boolean {
  if (tokens[index].value !== '.') return false
  for (let next = index + 1; next < tokens.length; next++) {
    const token = tokens[next]
    if (token.type === 'space') continue
    if (token.value === '"' || token.value === '”' || token.value === ')') continue
    const head = token.value.charAt(0)
    return token.type === 'text' && head !== head.toLowerCase()
  }
  return true
}

/** The `pattern` kind. */
export const kind: Kind<PatternData> = {
  name: 'pattern',
  description: 'Token patterns with slots from data (dates, state names): flag a sequence and build the fix from its parts.',
  entrySchema,
  defaults: {quotes: 'skip', scope: 'text', level: 'warning'},
  compile: (file) => compileFile(file),
  plugin: pattern
}
