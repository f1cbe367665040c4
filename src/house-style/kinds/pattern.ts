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
 *   5), `{year}`, `{Name}` (a capitalized word), `{plural}` (a lowercase
 *   word shaped like a plural noun: `cars`, `people`), `{word}`. A slot may also be
 *   a built-in class under another name (`slots: {a: '{number}', b:
 *   '{number}'}`), for two of one class in a pattern: `{a} to {b}`. White space in a
 *   pattern matches any white space; no space means the tokens touch.
 * - `expected`: template(s), best first: `{name}` is the slot's value,
 *   `{name.text}` its text as written. A figure can be written out:
 *   `{name.words}` (`12` → `twelve`, `21` → `twenty-one`), `{name.Words}`
 *   (capitalized: `Twelve`), `{name.millions}` (`5,000,000` → `5 million`,
 *   `2,500,000,000` → `2.5 billion`). Where a value cannot be written so (a
 *   figure that is not whole, `1,234,567` with more than two decimals in
 *   millions), that template gives nothing, and with no template left the
 *   match is not reported.
 * - `flag`: the slot to report (default: the whole match), e.g. only the
 *   state in `{Name}, {state}`.
 * - `notBefore` / `notAfter`: patterns of text right after / right before
 *   the match that make it fine (a dateline's `(AP)`).
 * - `after` / `before`: the match counts only right after / right before one
 *   of these (`after: ['{Name},']` for a state after a city). Anchoring on
 *   the rare part keeps the check cheap: sentences without one of its first
 *   words are never tokenized.
 * - `sentenceStart`: `true`, the match counts only at the start of a
 *   sentence (after nothing but opening quotes or brackets: `12 people died.`
 *   → `Twelve`); `false`, never there (`9 people` mid-sentence → `nine`).
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
  matchAt,
  matchesAfter,
  tokenClasses,
  matchesBefore,
  streamOf,
  textOf,
  type Capture,
  type Match,
  type Pattern,
  type Slot,
  type SlotSource,
  type Stream,
  type Token
} from '../sequence.js'
import {endsWithStop} from '../../nlcst/words.js'
import {Story, dataLevel, emit, entryPolicySchema, policyOf, type EntrySettings, type Policy} from '../runtime.js'
import type {Level} from '../../types.js'

/** One entry as written. */
export interface PatternEntry extends RuleEntry, EntrySettings {
  match: string | string[]
  slots?: Record<string, SlotSource | string>
  expected: string | string[]
  flag?: string
  notBefore?: string[]
  notAfter?: string[]
  after?: string[]
  before?: string[]
  case?: 'exact' | 'any'
  sentenceStart?: boolean
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
  /** Only at the start of a sentence (`true`), never there (`false`), or anywhere. */
  sentenceStart?: boolean
}

/** What the plugin gets per file. */
export interface PatternData {
  rules: PatternRule[]
  /** Every rule: whether a sentence may match at all. */
  index: PatternIndex<PatternRule>
  /** The rules matched anywhere in a sentence (not those only at its start). */
  scan: PatternIndex<PatternRule>
  /** The rules with `sentenceStart: true`, tried at the first word only. */
  starts: PatternRule[]
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
          {type: 'object', minProperties: 1, additionalProperties: {type: 'string'}},
          {type: 'string', pattern: '^\\{[A-Za-z]+\\}$'}
        ]
      },
      description:
        'Slots used in `match`: a list of alternatives, a mapping from what is written to what it stands for, or a built-in class under this name (`a: \'{number}\'`).'
    },
    expected: stringOrList(
      'Replacement template(s), best first: `{slot}` is the slot value, `{slot.text}` the text as written; a figure written out: `{slot.words}` (twelve), `{slot.Words}` (Twelve), `{slot.millions}` (5 million).'
    ),
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
    sentenceStart: {
      type: 'boolean',
      description:
        'true: the match counts only at the start of a sentence (after opening quotes or brackets); false: never there.'
    },
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
    const slots: Record<string, SlotSource> = {}
    const compiledSlots = new Map<string, Slot>()
    // `a: '{number}'`: the class under the slot's name, so `{a} to {b}` captures two figures.
    const aliases = new Set<string>()
    for (const [name, source] of Object.entries(entry.slots || {})) {
      if (typeof source !== 'string') {
        slots[name] = source
        continue
      }
      const tokenClass = tokenClasses.get(source.slice(1, -1))
      if (!tokenClass) {
        throw new RuleDataError(
          `slot \`${name}\` is \`${source}\`, which is not a built-in class`,
          ['entries', entryIndex, 'slots', name],
          `use one of ${[...tokenClasses.keys()].map((key) => `'{${key}}'`).join(', ')}, or a list or mapping`
        )
      }
      compiledSlots.set(name, {name, class: tokenClass})
      aliases.add(name)
    }
    const used = new Set<string>()
    const caseMode = entry.case === 'any' ? 'insensitive' : 'exact'
    const compile = (text: string, field: string, index?: number) => {
      try {
        const compiled = compilePattern(text, slots, caseMode, compiledSlots)
        for (const name of slotNames(compiled)) used.add(name)
        return compiled
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
        for (const [, name] of template.matchAll(/\{([A-Za-z][\w-]*)(?:\.(?:text|words|Words|millions))?\}/g)) {
          if (!names.has(name)) {
            throw new RuleDataError(
              `\`expected\` uses \`{${name}}\`, which \`${text}\` does not have`,
              ['entries', entryIndex, 'expected', ...(Array.isArray(entry.expected) ? [templateIndex] : [])],
              `use the slots of the pattern: ${[...names].map((n) => `{${n}}`).join(', ') || '(none)'}`
            )
          }
        }
      })
      rules.push({pattern, policy, expected, flag: entry.flag, notBefore, notAfter, after, before, sentenceStart: entry.sentenceStart})
    })
    for (const name of Object.keys(entry.slots || {})) {
      if (aliases.has(name) ? !used.has(name) : !compiledSlots.has(name)) {
        throw new RuleDataError(
          `slot \`${name}\` is defined but no pattern uses it`,
          ['entries', entryIndex, 'slots', name],
          `use \`{${name}}\` in \`match\`, or remove the slot`
        )
      }
    }
  })
  const starts = rules.filter((rule) => rule.sentenceStart === true)
  const scan = starts.length > 0 ? new PatternIndex(rules.filter((rule) => rule.sentenceStart !== true)) : undefined
  const index = new PatternIndex(rules)
  return {rules, index, scan: scan || index, starts, level: dataLevel(file.header)}
}

function slotNames(pattern: Pattern): string[] {
  return pattern.items.flatMap((item) => (item.type === 'slot' ? [item.slot.name] : []))
}

/** The retext plugin: in every sentence, the longest match at each token, never two on one span. */
export const pattern: Plugin<[KindPluginOptions<PatternData>], Root> = function (options) {
  const files = options.files
  // One look at each sentence for every file's anchors, and one pass over
  // its tokens for every file's rules: a sentence none of them can match
  // (most) is passed over at once, and one that can is walked once, not once
  // per file. Each match is then handed to its file.
  const one = files.length === 1
  const any = one ? files[0].data.index : new PatternIndex(files.flatMap((compiled) => compiled.data.rules))
  const scan = one
    ? files[0].data.scan
    : new PatternIndex(files.flatMap((compiled) => compiled.data.rules.filter((rule) => rule.sentenceStart !== true)))
  const fileOf = new Map<PatternRule, number>()
  files.forEach((compiled, index) => {
    for (const rule of compiled.data.rules) fileOf.set(rule, index)
  })
  return function (tree, file) {
    const story = new Story(tree, file)
    let previous: Sentence | undefined
    eachSentence(tree, (sentence: Sentence) => {
      const before = previous
      previous = sentence
      if (!any.mayMatch(sentence)) return
      const stream = streamOf(sentence)
      const found = scan.matches(stream.tokens)
      for (let index = 0; index < files.length; index++) {
        const compiled = files[index]
        let mine = one ? found : found.filter((item) => fileOf.get(item.rule) === index)
        if (compiled.data.starts.length > 0) mine = withStarts(mine, compiled.data.starts, stream)
        if (mine.length > 0) checkSentence(story, compiled, stream, before, mine)
      }
    })
  }
}

function checkSentence(
  story: Story,
  file: CompiledRuleFile<PatternData>,
  stream: Stream,
  previous: Sentence | undefined,
  found: ReadonlyArray<{rule: PatternRule; match: Match}>
): void {
  const {tokens} = stream
  // Longest first at each start; never two findings on one span.
  let reached = 0
  for (const {rule, match} of found) {
    if (match.start < reached) continue
    // After a figure that ends the sentence before ("… 3 to 1. 9 people", one node for the parser):
    // a start, and what comes before it is the other sentence's, so only the contexts after apply.
    let stop = false
    if (rule.sentenceStart !== undefined) {
      const start = startsSentence(tokens, match.start)
      stop = !start && afterStop(stream, match.start)
      // "the No. 1 seed" is cut after "No." by the parser: neither a start nor a middle it can see.
      if (start && previous && endsWithAbbreviation(previous)) continue
      if ((start || stop) !== rule.sentenceStart) continue
    }
    if (!stop && rule.notAfter.some((context) => matchesBefore(context, tokens, match.start))) continue
    if (rule.notBefore.some((context) => matchesAfter(context, tokens, match.end))) continue
    if (!stop && rule.after.length > 0 && !rule.after.some((context) => matchesBefore(context, tokens, match.start))) continue
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
  const expected = rule.expected.flatMap((template) => {
    const filled = fillFormats(template, match.captures)
    return filled === undefined ? [] : [fillSlots(filled, match.captures)]
  })
  if (expected.length === 0 || expected.includes(actual)) return false
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

/**
 * Add the matches of the sentence-start rules, tried at the sentence's first
 * word only (a figure anywhere else is no business of theirs), in order.
 */
function withStarts(
  found: Array<{rule: PatternRule; match: Match}>,
  starts: ReadonlyArray<PatternRule>,
  stream: Stream
): Array<{rule: PatternRule; match: Match}> {
  const {tokens} = stream
  let first = 0
  while (first < tokens.length && (tokens[first].type === 'space' || opening.has(tokens[first].value))) first++
  const more: Array<{rule: PatternRule; match: Match}> = []
  for (const at of [first, ...stopStarts(stream)]) {
    for (const rule of starts) {
      const match = matchAt(rule.pattern, tokens, at)
      if (match) more.push({rule, match})
    }
  }
  if (more.length === 0) return found
  return [...more, ...found].sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end)
}

/**
 * Where a sentence starts inside a sentence node: parse-latin does not split
 * after a figure's period ("The vote was 12 to 3. 9 people were hurt." is one
 * node), so the first word after such a figure and white space starts one.
 */
function stopStarts(stream: Stream): number[] {
  const {tokens} = stream
  const found: number[] = []
  for (let index = 1; index + 1 < tokens.length; index++) {
    const token = tokens[index]
    if (token.value !== '.' || !token.last || token.word === -1 || tokens[index + 1].type !== 'space') continue
    if (!endsWithStop(stream.words[token.word].text)) continue
    let next = index + 1
    while (next < tokens.length && (tokens[next].type === 'space' || opening.has(tokens[next].value))) next++
    if (next < tokens.length) found.push(next)
  }
  return found
}

/** Whether token `index` is the first after a figure that holds its sentence's period ({@link stopStarts}). */
function afterStop(stream: Stream, index: number): boolean {
  const {tokens} = stream
  let before = index - 1
  while (before >= 0 && (tokens[before].type === 'space' || opening.has(tokens[before].value))) before--
  if (before < 0 || before === index - 1 || tokens[before].value !== '.' || !tokens[before].last || tokens[before].word === -1) return false
  return endsWithStop(stream.words[tokens[before].word].text)
}

// "“12 people died,” she said.": opening quotes and brackets may come first.
const opening = new Set(['"', '“', '‘', "'", '(', '['])

/** Whether nothing but white space and opening quotes or brackets comes before token `index` in its sentence. */
function startsSentence(tokens: ReadonlyArray<Token>, index: number): boolean {
  for (let before = index - 1; before >= 0; before--) {
    const token = tokens[before]
    if (token.type === 'space' || opening.has(token.value)) continue
    return false
  }
  return true
}

// Abbreviations that come before a figure, after which the parser may end a sentence: "No. 1", "Vol. 3".
const abbreviation = /^(?:No|Nos|Vol|vol|p|pp|Art|art|Fig|fig|Ch|ch|Rte|Sec|St|Ave|approx|ca|c|v|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Col|Capt|Lt|Sgt|Pvt|Cpl|Maj|Adm|Rep|Sen|Gov|Dr|Mt|Ft|Co)$/

/** Whether a sentence ends with an abbreviation's period (`… the No.`). */
function endsWithAbbreviation(sentence: Sentence): boolean {
  const children = sentence.children
  let last = children.length - 1
  while (last >= 0 && children[last].type === 'WhiteSpaceNode') last--
  const period = children[last]
  const word = children[last - 1]
  if (!period || period.type !== 'PunctuationNode' || period.value !== '.' || !word || word.type !== 'WordNode') return false
  const leaves = word.children
  return leaves.length === 1 && abbreviation.test((leaves[0] as {value?: string}).value ?? '')
}

/**
 * Fill the number formats of a template (`{n.words}`, `{n.Words}`,
 * `{n.millions}`), leaving the other slots to `fillSlots`; undefined when a
 * value cannot be written that way.
 */
function fillFormats(template: string, captures: ReadonlyMap<string, Capture>): string | undefined {
  let failed = false
  const filled = template.replace(/\{([A-Za-z][\w-]*)\.(words|Words|millions)\}/g, (whole, name: string, format: string) => {
    const found = captures.get(name)
    if (!found) return whole
    const value = format === 'millions' ? inMillions(found.value) : numberWords(found.value)
    if (value === undefined) {
      failed = true
      return whole
    }
    return format === 'Words' ? value.charAt(0).toUpperCase() + value.slice(1) : value
  })
  return failed ? undefined : filled
}

const units = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

/** A whole figure below a million in words, AP's way (`21` → `twenty-one`, `150` → `one hundred fifty`). */
export function numberWords(figure: string): string | undefined {
  if (!/^\d{1,3}(?:,?\d{3})?$/.test(figure)) return undefined
  const value = Number(figure.replace(/,/g, ''))
  if (value >= 1_000_000) return undefined
  const below1000 = (n: number): string => {
    const words: string[] = []
    if (n >= 100) words.push(units[Math.floor(n / 100)], 'hundred')
    const rest = n % 100
    if (rest >= 20) words.push(tens[Math.floor(rest / 10)] + (rest % 10 ? '-' + units[rest % 10] : ''))
    else if (rest > 0 || n === 0) words.push(units[rest])
    return words.join(' ')
  }
  if (value < 1000) return below1000(value)
  const rest = value % 1000
  return below1000(Math.floor(value / 1000)) + ' thousand' + (rest ? ' ' + below1000(rest) : '')
}

/**
 * A whole figure of a million or more as AP writes it with `million`,
 * `billion` or `trillion`, up to two decimals (`5,000,000` → `5 million`,
 * `2,500,000,000` → `2.5 billion`); undefined for smaller figures and for
 * ones that would need more decimals (`1,234,567`).
 */
export function inMillions(figure: string): string | undefined {
  if (!/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(figure)) return undefined
  const digits = figure.replace(/,/g, '').replace(/^0+(?=\d)/, '')
  for (const [zeros, word] of [[12, 'trillion'], [9, 'billion'], [6, 'million']] as const) {
    if (digits.length <= zeros) continue
    const whole = digits.slice(0, digits.length - zeros)
    const fraction = digits.slice(digits.length - zeros)
    if (!/^\d{0,2}0*$/.test(fraction) || /[1-9]/.test(fraction.slice(2))) return undefined
    const decimals = fraction.slice(0, 2).replace(/0+$/, '')
    return `${whole}${decimals ? '.' + decimals : ''} ${word}`
  }
  return undefined
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
