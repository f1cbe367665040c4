/**
 * Kind `substitution`: preferred house forms. Each entry lists phrases to
 * avoid and the forms to use instead, best first:
 *
 * ```yaml
 * - id: toward
 *   avoid: towards
 *   use: toward
 * ```
 *
 * Phrases are matched on tokens, so `per cent`, `al-Qaeda`, `U.S.` and
 * `e-mail` match exactly and keep to word boundaries (`US-led` is `US` +
 * `-led`; `USA` is not `US`). `use[0]` is a drop-in replacement for the span
 * flagged, so a `--fix` may apply it outside quotations.
 *
 * Case (`case`):
 * - `smart` (default): a lowercase phrase matches lowercase, Capitalized and
 *   ALL-CAPS text and the replacement follows that case ("Towards" →
 *   "Toward"); a phrase with capitals matches as written, and also
 *   capitalized at the start of a sentence.
 * - `exact`: as written only (`US`, not `us`).
 * - `any`: any case; the replacement follows the case of the text.
 *
 * `exceptions` are longer phrases in which an avoided phrase is fine
 * (`chicken Kiev`, `US Bank`, `{number} per cent`); `skipNames: true` leaves
 * a phrase alone inside a capitalized name (`Internet Explorer`).
 */
import type {Root, Sentence} from 'nlcst'
import type {Plugin} from 'unified'
import type {CompiledRuleFile, Kind, KindPluginOptions, LoadedRuleFile, RuleEntry, Scope} from '../kind.js'
import {RuleDataError} from '../kind.js'
import {locateEntry} from '../load.js'
import {
  eachSentence,
  PatternIndex,
  compilePattern,
  matchesAfter,
  matchesBefore,
  streamOf,
  textOf,
  tokenize,
  type Item,
  type Match,
  type Pattern,
  type Stream,
  type Token
} from '../sequence.js'
import {Story, dataLevel, emit, entryPolicySchema, policyOf, type EntrySettings, type Policy} from '../runtime.js'
import {isSentenceStart} from '../../nlcst/words.js'
import type {HeadlineData} from '../../nlcst/scope.js'
import type {Level} from '../../types.js'

/** Case handling of an entry. */
export type SubstitutionCase = 'smart' | 'exact' | 'any'

/** One entry as written. */
export interface SubstitutionEntry extends RuleEntry, EntrySettings {
  avoid: string | string[] | Record<string, string>
  use?: string | string[]
  case?: SubstitutionCase
  exceptions?: string[]
  skipNames?: boolean
  notNames?: string[]
}

/** One avoided phrase, compiled. */
export interface SubstitutionRule {
  pattern: Pattern
  entry: CompiledEntry
  /** The phrase as written in the data. */
  avoid: string
  /** Replacements, best first. */
  use: string[]
  /** How the replacement follows the text's case. */
  follow: 'none' | 'shape'
  /** Only at the start of a sentence (`Al Qaeda` for `al Qaeda`). */
  initialOnly: boolean
  /** Context in which the phrase is fine: text right before / after it. */
  notAfter: Pattern[]
  notBefore: Pattern[]
}

/** An entry, compiled. */
export interface CompiledEntry {
  policy: Policy
  skipNames: boolean
  /** Capitalized words that do not make a name of the phrase (`US President`). */
  notNames: ReadonlySet<string>
}

/**
 * What the plugin gets per file: the rules and nothing built from them, so a
 * big style stays small in memory and in the disk cache. The plugin indexes
 * the rules of all its files together, once, on first use (see
 * {@link substitution}); the data checks index one file's (see {@link compiledOf}).
 */
export interface SubstitutionData {
  rules: SubstitutionRule[]
  level: Level
}

/** Which rules a story looks up: every rule (a story with a headline inside), body text only, or headline only. */
type Which = 'index' | 'text' | 'headline'

function inScope(rule: SubstitutionRule, which: Which): boolean {
  return which === 'index' || rule.entry.policy.scope !== (which === 'text' ? 'headline' : 'text')
}

/** A file compiled for the data checks, with an index of its rules. */
interface Compiled {
  file: LoadedRuleFile
  data: SubstitutionData
  index: PatternIndex<SubstitutionRule>
  /** The tokens of each replacement, tokenized once: every later file's data checks look at them again. */
  useTokens: Map<string, Token[]>
}

/**
 * Each loaded file compiled once: the data checks of every later file look
 * at the earlier ones (a dozen newsroom files would otherwise compile the
 * first a dozen times). Kept by the loaded file, which is dropped after
 * compiling, so the indexes do not stay with the style.
 */
const compiling = new WeakMap<LoadedRuleFile, Compiled>()

function compiledOf(file: LoadedRuleFile): Compiled {
  let compiled = compiling.get(file)
  if (!compiled) {
    const data = compileFile(file)
    compiling.set(file, (compiled = {file, data, index: new PatternIndex(data.rules), useTokens: new Map()}))
  }
  return compiled
}

const entrySchema = {
  required: ['avoid'],
  properties: {
    avoid: {
      anyOf: [
        {type: 'string', minLength: 1},
        {type: 'array', minItems: 1, items: {type: 'string', minLength: 1}},
        {type: 'object', minProperties: 1, additionalProperties: {type: 'string', minLength: 1}}
      ],
      description:
        'Phrase(s) to flag, as written in copy (`towards`, `per cent`, `al Qaeda`); or a mapping from each phrase to its replacement, for inflections (`{enquiry: inquiry, enquiries: inquiries}`).'
    },
    use: {
      anyOf: [{type: 'string', minLength: 1}, {type: 'array', minItems: 1, items: {type: 'string', minLength: 1}}],
      description:
        'What to write instead, best first; the first is a drop-in replacement. Required unless `avoid` is a mapping (then it adds alternatives).'
    },
    case: {
      enum: ['smart', 'exact', 'any'],
      description:
        'smart (default): lowercase phrases match any capitalization and the fix follows it; phrases with capitals match as written. exact: as written only. any: any case.'
    },
    exceptions: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description: 'Longer phrases in which an avoided phrase is fine (`chicken Kiev`, `{number} per cent`).'
    },
    skipNames: {
      type: 'boolean',
      description: 'Leave the phrase alone inside a capitalized name (`Internet Explorer`, `World Wide Web`, `US Airways`).'
    },
    notNames: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description:
        'With `skipNames`: capitalized words next to the phrase that are titles or bodies, not part of a name, so the phrase is still flagged (`US President`, `UK Parliament`).'
    },
    ...entryPolicySchema
  }
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

/** One avoided phrase of an entry, its replacements, and where each is written. */
interface Pair {
  avoid: string
  use: string[]
  avoidPath: Array<string | number>
  usePaths: Array<Array<string | number>>
}

function pairsOf(entry: SubstitutionEntry, entryIndex: number): Pair[] {
  const base = ['entries', entryIndex]
  const extra = list(entry.use)
  const extraPaths = extra.map((_, index) => [...base, 'use', ...(Array.isArray(entry.use) ? [index] : [])])
  if (entry.avoid && typeof entry.avoid === 'object' && !Array.isArray(entry.avoid)) {
    return Object.entries(entry.avoid).map(([avoid, use]) => ({
      avoid,
      use: [use, ...extra.filter((other) => other !== use)],
      avoidPath: [...base, 'avoid', avoid],
      usePaths: [[...base, 'avoid', avoid], ...extraPaths]
    }))
  }
  const avoids = list(entry.avoid as string | string[])
  if (extra.length === 0) {
    throw new RuleDataError(
      `entry "${entry.id}" has no \`use\``,
      [...base],
      'add `use:` with the form to write instead, or write `avoid` as a mapping (`{towards: toward}`)'
    )
  }
  return avoids.map((avoid, index) => ({
    avoid,
    use: extra,
    avoidPath: [...base, 'avoid', ...(Array.isArray(entry.avoid) ? [index] : [])],
    usePaths: extraPaths
  }))
}

/**
 * No context and no names, one each for every rule and entry without them
 * (most of a big style's): an empty array or Set apiece cost megabytes
 * there, in memory and in the disk cache. Never changed in place.
 */
const none: Pattern[] = []
const noNames: ReadonlySet<string> = new Set()

function compileFile(file: LoadedRuleFile): SubstitutionData {
  const rules: SubstitutionRule[] = []
  file.entries.forEach((raw, entryIndex) => {
    const entry = raw as SubstitutionEntry
    const compiled: CompiledEntry = {
      policy: policyOf(file.header, entry),
      skipNames: entry.skipNames === true,
      notNames: entry.notNames?.length ? new Set(entry.notNames.map((word) => word.replace(/\.$/, ''))) : noNames
    }
    const mode = entry.case || 'smart'
    const mine: SubstitutionRule[] = []
    for (const pair of pairsOf(entry, entryIndex)) {
      const {avoid} = pair
      if (/[{}]/.test(avoid)) {
        throw new RuleDataError(
          `\`${avoid}\` has braces; substitutions are literal phrases`,
          pair.avoidPath,
          'write the phrase as it appears in copy, or use a `pattern` rule for slots such as `{number}`'
        )
      }
      const lower = avoid === avoid.toLowerCase()
      const add = (text: string, caseMode: 'exact' | 'insensitive', follow: SubstitutionRule['follow'], initialOnly: boolean) => {
        let pattern: Pattern
        try {
          pattern = compilePattern(text, {}, caseMode)
        } catch (error) {
          throw new RuleDataError(`\`${avoid}\`: ${(error as Error).message}`, pair.avoidPath, 'write a phrase of words')
        }
        mine.push({pattern, entry: compiled, avoid, use: pair.use, follow, initialOnly, notAfter: none, notBefore: none})
      }
      if (mode === 'any' || (mode === 'smart' && lower)) {
        add(avoid, 'insensitive', 'shape', false)
      } else {
        add(avoid, 'exact', 'none', false)
        const initial = capitalize(avoid)
        if (mode === 'smart' && initial !== avoid) add(initial, 'exact', 'none', true)
      }
    }
    ;(entry.exceptions || []).forEach((exception, exceptionIndex) => {
      let pattern: Pattern
      try {
        pattern = compilePattern(exception, {}, 'insensitive')
      } catch (error) {
        throw new RuleDataError(
          `exception \`${exception}\`: ${(error as Error).message}`,
          ['entries', entryIndex, 'exceptions', exceptionIndex],
          'write a phrase, with built-in slots such as `{number}` only'
        )
      }
      let used = false
      for (const rule of mine) {
        const at = findItems(pattern.items, rule.pattern.items)
        if (at === -1) continue
        used = true
        const before = trimSpaces(pattern.items.slice(0, at))
        const after = trimSpaces(pattern.items.slice(at + rule.pattern.items.length))
        if (before.length > 0) rule.notAfter = [...rule.notAfter, {text: exception, items: before, caseMode: 'insensitive'}]
        if (after.length > 0) rule.notBefore = [...rule.notBefore, {text: exception, items: after, caseMode: 'insensitive'}]
      }
      if (!used) {
        throw new RuleDataError(
          `exception \`${exception}\` does not contain any avoided phrase of entry "${entry.id}" (${[...new Set(mine.map((rule) => `\`${rule.avoid}\``))].join(', ')})`,
          ['entries', entryIndex, 'exceptions', exceptionIndex],
          'an exception is a longer phrase around an avoided one, such as `chicken Kiev` for `Kiev`'
        )
      }
    })
    rules.push(...mine)
  })
  return {rules, level: dataLevel(file.header)}
}

/** Index of `needle` in `haystack` (literal items, case-insensitive), or -1. */
function findItems(haystack: ReadonlyArray<Item>, needle: ReadonlyArray<Item>): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      const a = haystack[start + offset]
      const b = needle[offset]
      if (a.type !== b.type) continue outer
      if (a.type === 'literal' && b.type === 'literal' && a.lower !== b.lower) continue outer
      if (a.type === 'slot') continue outer
    }
    return start
  }
  return -1
}

function trimSpaces(items: Item[]): Item[] {
  let start = 0
  let end = items.length
  while (start < end && items[start].type === 'space') start++
  while (end > start && items[end - 1].type === 'space') end--
  return items.slice(start, end)
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}

function overlaps(a: Scope, b: Scope): boolean {
  return a === 'all' || b === 'all' || a === b
}

/**
 * A replacement that another entry flags would make `--fix` loop, and the
 * same phrase avoided twice would report twice: both are data errors.
 */
function checkConflicts(own: Compiled, others: ReadonlyArray<Compiled>): void {
  const {file, data} = own
  const all = [own, ...others]
  // Each entry's policy by id (the first rule of an entry has it), looked up once per entry, not searched.
  const policies = new Map<string, Policy>()
  for (const rule of data.rules) if (!policies.has(rule.entry.policy.id)) policies.set(rule.entry.policy.id, rule.entry.policy)
  file.entries.forEach((raw, entryIndex) => {
    const entry = raw as SubstitutionEntry
    const policy = policies.get(entry.id)
    if (!policy) return
    for (const pair of pairsOf(entry, entryIndex)) {
      pair.use.forEach((use, useIndex) => {
        const tokens = useTokensOf(own, use)
        for (const {file: otherFile, index: otherIndex} of all) {
          const hit = findIn(tokens, otherIndex, policy.scope)
          if (!hit) continue
          throw new RuleDataError(
            `replacement \`${use}\` is itself flagged by entry "${hit.entry.policy.id}"${otherFile === file ? '' : ` of ${otherFile.ruleId}`} (${whereIs(otherFile, hit)}), which avoids \`${hit.avoid}\``,
            pair.usePaths[useIndex] || pair.avoidPath,
            'change the replacement, or narrow the other entry (an exception, `case: exact`, or another scope)'
          )
        }
      })
      const tokens = tokenize(pair.avoid)
      for (const {file: otherFile, index: otherIndex} of all) {
        const hit = findIn(tokens, otherIndex, policy.scope, entry.id, true)
        if (!hit) continue
        // Within one file, report the second of the two.
        if (otherFile === file && file.entries.findIndex((other) => other.id === hit.entry.policy.id) > entryIndex) continue
        throw new RuleDataError(
          `\`${pair.avoid}\` is already avoided by entry "${hit.entry.policy.id}"${otherFile === file ? '' : ` of ${otherFile.ruleId}`} (${whereIs(otherFile, hit)})`,
          pair.avoidPath,
          'keep one entry for a phrase: remove this one, or merge the two'
        )
      }
    }
  })
}

function useTokensOf(compiled: Compiled, use: string): Token[] {
  let tokens = compiled.useTokens.get(use)
  if (!tokens) compiled.useTokens.set(use, (tokens = tokenize(use)))
  return tokens
}

function whereIs(file: LoadedRuleFile, rule: SubstitutionRule): string {
  const entry = file.entries.find((candidate) => candidate.id === rule.entry.policy.id)
  return entry ? locateEntry(file, entry, ['avoid']) : file.locate([])
}

/**
 * A later file's new phrase can flag an earlier file's replacement (a
 * newsroom that avoids `toward` breaks our `towards` → `toward`): reported at
 * the later file's entry.
 */
function checkEarlierReplacements(own: Compiled, earlier: ReadonlyArray<Compiled>): void {
  const {file, index} = own
  for (const other of earlier) {
    const {file: otherFile, data: otherData} = other
    for (const rule of otherData.rules) {
      for (const use of rule.use) {
        const hit = findIn(useTokensOf(other, use), index, rule.entry.policy.scope)
        if (!hit) continue
        const entryIndex = file.entries.findIndex((entry) => entry.id === hit.entry.policy.id)
        throw new RuleDataError(
          `\`${hit.avoid}\` flags \`${use}\`, the replacement entry "${rule.entry.policy.id}" of ${otherFile.ruleId} (${whereIs(otherFile, rule)}) suggests`,
          ['entries', entryIndex, 'avoid'],
          'narrow this entry (an exception, `case: exact`, or another scope), or switch the other entry off in this layer'
        )
      }
    }
  }
}

/** The first rule of `index` that flags text in the phrase `tokens` (mid-sentence), in an overlapping scope. */
function findIn(
  tokens: ReadonlyArray<Token>,
  index: PatternIndex<SubstitutionRule>,
  scope: Scope,
  skipEntry?: string,
  whole?: boolean
): SubstitutionRule | undefined {
  for (const {rule, match} of index.matches(tokens)) {
    if (rule.initialOnly || rule.entry.policy.id === skipEntry) continue
    if (!overlaps(rule.entry.policy.scope, scope)) continue
    if (excluded(rule, tokens, match.start, match.end)) continue
    if (rule.follow === 'shape' && shape(textOf(tokens, match.start, match.end)) === undefined) continue
    if (whole && (match.start !== 0 || match.end !== tokens.length)) continue
    return rule
  }
  return undefined
}

function excluded(rule: SubstitutionRule, tokens: ReadonlyArray<Token>, start: number, end: number): boolean {
  return (
    rule.notAfter.some((context) => matchesBefore(context, tokens, start)) ||
    rule.notBefore.some((context) => matchesAfter(context, tokens, end))
  )
}

/** The case shape of text matched by a lowercase phrase: lower, Capitalized or UPPER (else none). */
function shape(text: string): 'lower' | 'capital' | 'upper' | undefined {
  if (text === text.toLowerCase()) return 'lower'
  const letters = text.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && text === text.toUpperCase()) return 'upper'
  const head = text.charAt(0)
  if (head !== head.toLowerCase() && text.slice(1) === text.slice(1).toLowerCase()) return 'capital'
  return undefined
}

function applyShape(value: string, kind: 'lower' | 'capital' | 'upper'): string {
  if (kind === 'upper') return value.toUpperCase()
  if (kind === 'capital') return capitalize(value)
  return value
}

/**
 * The retext plugin: flag avoided phrases in every sentence, longest match
 * first, never two findings on one span (within one file; two files may
 * each flag a span).
 *
 * The rules of all files are looked up in one index per scope (made on the
 * first story that needs it), so a sentence is looked at once, not once per
 * file: a newsroom's thousands of entries in a dozen files cost one map
 * lookup per word. Each match is then handed to its file, files in order,
 * which reports exactly what looking up each file's rules alone did.
 */
export const substitution: Plugin<[KindPluginOptions<SubstitutionData>], Root> = function (options) {
  const files = options.files
  const one = files.length === 1
  const fileOf = new Map<SubstitutionRule, number>()
  if (!one) {
    files.forEach((compiled, index) => {
      for (const rule of compiled.data.rules) fileOf.set(rule, index)
    })
  }
  const made = madeFor(files)
  const lookup = (which: Which): PatternIndex<SubstitutionRule> => {
    let index = made.get(which)
    if (!index) {
      const rules = files.flatMap((compiled) => (which === 'index' ? compiled.data.rules : compiled.data.rules.filter((rule) => inScope(rule, which))))
      made.set(which, (index = new PatternIndex(rules)))
    }
    return index
  }
  return function (tree, file) {
    const story = new Story(tree, file)
    // A story that is all body text (or all headline) needs only the rules of that scope.
    const data = file.data as HeadlineData
    const index = lookup(data.headline ? 'headline' : data.headlineLines ? 'index' : 'text')
    eachSentence(tree, (sentence: Sentence) => {
      if (!index.mayMatch(sentence)) return
      const stream = streamOf(sentence)
      const found = index.matches(stream.tokens)
      if (found.length === 0) return
      if (one) {
        checkSentence(story, files[0], found, stream)
        return
      }
      // Each file's matches, in the order its own index gave them (sorted by start, longest first; ties in rule order).
      const byFile: Array<Array<{rule: SubstitutionRule; match: Match}> | undefined> = []
      for (const item of found) (byFile[fileOf.get(item.rule)!] ||= []).push(item)
      for (let at = 0; at < files.length; at++) if (byFile[at]) checkSentence(story, files[at], byFile[at]!, stream)
    })
  }
}

/**
 * The indexes made for one list of files, shared by the plugin's instances
 * (a checker makes a pipeline per phase and format, each with its own).
 */
const shared = new WeakMap<SubstitutionData, Array<{datas: SubstitutionData[]; made: Map<Which, PatternIndex<SubstitutionRule>>}>>()

function madeFor(files: ReadonlyArray<CompiledRuleFile<SubstitutionData>>): Map<Which, PatternIndex<SubstitutionRule>> {
  if (files.length === 0) return new Map()
  const datas = files.map((compiled) => compiled.data)
  let list = shared.get(datas[0])
  if (!list) shared.set(datas[0], (list = []))
  const known = list.find((item) => item.datas.length === datas.length && item.datas.every((data, at) => data === datas[at]))
  if (known) return known.made
  const made = new Map<Which, PatternIndex<SubstitutionRule>>()
  list.push({datas, made})
  return made
}

function checkSentence(
  story: Story,
  file: CompiledRuleFile<SubstitutionData>,
  found: ReadonlyArray<{rule: SubstitutionRule; match: Match}>,
  stream: Stream
): void {
  const {tokens} = stream
  // Longest first at each start; never two findings on one span.
  let reached = 0
  for (const {rule, match} of found) {
    const {start, end} = match
    if (start < reached) continue
    if (rule.initialOnly && !initial(stream, start)) continue
    if (excluded(rule, tokens, start, end)) continue
    if (report(story, file, stream, rule, start, end)) reached = end
  }
}

function initial(stream: Stream, position: number): boolean {
  const token = stream.tokens[position]
  if (!token.first || token.word === -1) return false
  return isSentenceStart(stream.sentence, stream.words[token.word].child)
}

function report(
  story: Story,
  file: CompiledRuleFile<SubstitutionData>,
  stream: Stream,
  rule: SubstitutionRule,
  start: number,
  end: number
): boolean {
  const {tokens} = stream
  const {entry} = rule
  if (entry.skipNames && inName(stream, start, end, entry.notNames)) return false
  let actual = textOf(tokens, start, end)
  let expected = rule.use
  if (rule.follow === 'shape') {
    const kind = shape(actual)
    if (!kind) return false
    // "the Web site" → "the website": a capital inside a sentence is the old style, not a name.
    const follow = kind === 'capital' && !initial(stream, start) ? 'lower' : kind
    expected = expected.map((use) => applyShape(use, follow))
  } else if (initial(stream, start)) {
    expected = expected.map(capitalize)
  }
  if (expected.includes(actual)) return false
  // "in the US." → "in the U.S.": the sentence's period is the abbreviation's.
  let last = end
  if (expected[0].endsWith('.') && !actual.endsWith('.') && tokens[end]?.value === '.' && sentenceEndsAt(tokens, end)) {
    last = end + 1
    actual += '.'
  }
  // "talks with the E.U. He said …" → "the EU. He said …": that period also ends the sentence; keep it.
  // An alternative set off by commas ends with the sentence's period: "Washington, D.C.," → "Washington, D.C."
  if (actual.endsWith('.') && !expected[0].endsWith('.') && periodEndsSentence(tokens, end - 1)) {
    expected = expected.map((use) => {
      const bare = use.replace(/,$/, '')
      return bare.endsWith('.') ? bare : bare + '.'
    })
  }
  return emit(
    story,
    file,
    file.data.level,
    entry.policy,
    {start: tokens[start].node, end: tokens[last - 1].node},
    {actual, expected},
    tokens[start].node
  )
}

function sentenceEndsAt(tokens: ReadonlyArray<Token>, index: number): boolean {
  for (let next = index + 1; next < tokens.length; next++) {
    const value = tokens[next].value
    if (tokens[next].type === 'space' || value === '"' || value === '”' || value === "'" || value === ')') continue
    return false
  }
  return true
}

// Words that start a sentence after an abbreviation's period ("… the E.U. The talks …").
const starters = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'There', 'But',
  'And', 'In', 'On', 'At', 'By', 'For', 'From', 'His', 'Her', 'Its', 'Their', 'Our', 'Officials', 'Some', 'Many',
  'Most', 'No', 'Now', 'Then', 'When', 'While', 'After', 'Before', 'Since', 'If', 'As', 'Both', 'Neither', 'Others'
])

/** Whether the period at `index` also ends the sentence: nothing but closing marks follow, or a word that starts one. */
function periodEndsSentence(tokens: ReadonlyArray<Token>, index: number): boolean {
  if (tokens[index]?.value !== '.') return false
  for (let next = index + 1; next < tokens.length; next++) {
    const token = tokens[next]
    if (token.type === 'space' || token.value === '"' || token.value === '”' || token.value === ')') continue
    return token.type === 'text' && token.first && starters.has(token.value)
  }
  return true
}

/** Whether tokens `[start, end)` sit inside a capitalized name: a capitalized word touches them (not one of `notNames`). */
function inName(stream: Stream, start: number, end: number, notNames: ReadonlySet<string>): boolean {
  const {tokens, words} = stream
  const first = tokens[start].word
  const last = tokens[end - 1].word
  const before = first > 0 ? words[first - 1] : undefined
  if (before && adjacent(tokens, before.last, start) && capitalized(tokens[before.last].value) && !notNames.has(before.text.replace(/\.$/, ''))) {
    if (!isSentenceStart(stream.sentence, before.child)) return true
  }
  const after = last >= 0 && last + 1 < words.length ? words[last + 1] : undefined
  return Boolean(after && adjacent(tokens, end - 1, after.first) && capitalized(tokens[after.first].value) && !notNames.has(tokens[after.first].value))
}

function adjacent(tokens: ReadonlyArray<Token>, from: number, to: number): boolean {
  for (let index = from + 1; index < to; index++) if (tokens[index].type !== 'space') return false
  return true
}

function capitalized(value: string): boolean {
  const head = value.charAt(0)
  return head !== head.toLowerCase() && value.slice(1) !== value.slice(1).toUpperCase()
}

/** The `substitution` kind. */
export const kind: Kind<SubstitutionData> = {
  name: 'substitution',
  description: 'Preferred house forms: flag a phrase and suggest the form to use (a safe fix).',
  entrySchema,
  defaults: {quotes: 'skip', scope: 'text', level: 'warning'},
  compile(file, others) {
    const own = compiledOf(file)
    const earlier = others.map(compiledOf)
    checkConflicts(own, earlier)
    checkEarlierReplacements(own, earlier)
    return own.data
  },
  plugin: substitution
}

