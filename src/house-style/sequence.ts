/**
 * Token-sequence patterns over nlcst, shared by the `substitution` and
 * `pattern` kinds. A sentence is flattened into its leaves (the text,
 * punctuation and symbol nodes inside words, and the white space and
 * punctuation between them), so a phrase such as `per cent`, `U.S.`,
 * `al-Qaeda` or `Springfield, Ill.` is matched on the same tokens
 * retext-english makes, and a finding's span is exact.
 *
 * A pattern is written as text and tokenized by the same parser. `{name}`
 * marks a slot: a built-in class (`{number}`, `{day}`, `{year}`, `{Name}`,
 * `{word}`, `{plural}`) or a list of alternatives given by the rule (`{month}` →
 * `January: Jan.`). White space in a pattern matches any run of white space;
 * no space means the tokens touch.
 *
 * Matches keep to word boundaries: a match starts at the start of a word or
 * after a hyphen inside one (`US-led`, `anti-US`), and ends at the end of a
 * word, before a hyphen, before an apostrophe (`Kiev's`) or before a
 * word-final period (`per cent.`).
 */
import {ParseEnglish} from 'parse-english'
import type {Root, Sentence} from 'nlcst'
import type {Node} from 'unist'
import {sentencesOf} from '../nlcst/tree.js'
import {endsWord, startsWord, tokenClasses, type Token, type TokenClass} from './tokens.js'

export {endsWord, startsWord, tokenClasses, type Token, type TokenClass, type TokenType} from './tokens.js'

/**
 * Call `callback` for every sentence, in order. The sentences are found once
 * per tree (src/nlcst/tree.ts) and shared by every kind: `unist-util-visit`
 * also walks every word and letter node and builds parent lists, which cost
 * ~20× more on a 100k-word corpus.
 */
export function eachSentence(tree: Root | Node, callback: (sentence: Sentence) => void): void {
  const sentences = sentencesOf(tree)
  for (let index = 0; index < sentences.length; index++) callback(sentences[index])
}


/** A word of the sentence and its tokens. */
export interface StreamWord {
  node: Node
  /** Index of the word node in `sentence.children`. */
  child: number
  /** Index of its first and last token. */
  first: number
  last: number
  /** Text, with curly apostrophes made straight (`Mali's`). */
  text: string
  lower: string
}

/** A sentence as tokens. */
export interface Stream {
  sentence: Sentence
  tokens: Token[]
  words: StreamWord[]
}

// Several kinds look at the same sentences of one tree: tokenize each once,
// keeping the result on the sentence node under a symbol (a WeakMap costs
// more in garbage collection than the work it saves).
const streamKey = Symbol('copydesk.stream')
const wordsKey = Symbol('copydesk.words')

interface Cached {
  [streamKey]?: Stream
  [wordsKey]?: StreamWord[]
}

/** The words of a sentence with their text, without the token stream (cached per sentence node). */
export function wordsOf(sentence: Sentence): StreamWord[] {
  const cached = sentence as Sentence & Cached
  const existing = cached[streamKey]?.words || cached[wordsKey]
  if (existing) return existing
  const words: StreamWord[] = []
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (child.type !== 'WordNode') continue
    let text = ''
    for (const leaf of child.children) text += (leaf as {value?: string}).value ?? ''
    text = normalize(text)
    words.push({node: child, child: index, first: -1, last: -1, text, lower: text.toLowerCase()})
  }
  cached[wordsKey] = words
  return words
}

/** Flatten a sentence into tokens (cached per sentence node). */
export function streamOf(sentence: Sentence): Stream {
  const cached = sentence as Sentence & Cached
  let stream = cached[streamKey]
  if (stream) return stream
  stream = flatten(sentence)
  cached[streamKey] = stream
  return stream
}

function flatten(sentence: Sentence): Stream {
  const tokens: Token[] = []
  const words: StreamWord[] = []
  const known = (sentence as Sentence & Cached)[wordsKey]
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (child.type === 'WordNode') {
      const first = tokens.length
      const word = words.length
      let text = ''
      for (const leaf of child.children) {
        const value = normalize((leaf as {value?: string}).value ?? '')
        text += value
        tokens.push({
          value,
          lower: value.toLowerCase(),
          type: leaf.type === 'TextNode' ? 'text' : leaf.type === 'SymbolNode' ? 'symbol' : 'punct',
          node: leaf,
          word,
          first: false,
          last: false
        })
      }
      if (tokens.length === first) continue
      tokens[first].first = true
      tokens[tokens.length - 1].last = true
      const existing = known?.[word]
      if (existing) {
        existing.first = first
        existing.last = tokens.length - 1
        words.push(existing)
      } else {
        words.push({node: child, child: index, first, last: tokens.length - 1, text, lower: text.toLowerCase()})
      }
      continue
    }
    const value = normalize((child as {value?: string}).value ?? '')
    tokens.push({
      value,
      lower: value.toLowerCase(),
      type:
        child.type === 'WhiteSpaceNode'
          ? 'space'
          : child.type === 'SymbolNode'
            ? 'symbol'
            : child.type === 'PunctuationNode'
              ? 'punct'
              : 'source',
      node: child,
      word: -1,
      first: true,
      last: true
    })
  }
  return {sentence, tokens, words}
}

function normalize(value: string): string {
  return value.includes('’') ? value.replace(/’/g, "'") : value
}


/** A literal token or a slot, in a compiled pattern. */
export type Item =
  | {type: 'literal'; value: string; lower: string}
  | {type: 'space'}
  | {type: 'slot'; slot: Slot}

/** One alternative of a listed slot: its tokens and the value it stands for. */
export interface Alternative {
  /** The alternative as written. */
  text: string
  items: Item[]
  /** What `{slot}` becomes in a template (for a mapping, the mapped value). */
  value: string
}

/** A `{name}` in a pattern. */
export interface Slot {
  name: string
  /** A built-in class. */
  class?: TokenClass
  /** Listed alternatives, longest first, indexed by first token. */
  alternatives?: Alternative[]
  byFirst?: Map<string, Alternative[]>
}

/** Case handling of literal tokens. */
export type CaseMode = 'exact' | 'insensitive'

/** A compiled pattern. */
export interface Pattern {
  text: string
  items: Item[]
  caseMode: CaseMode
  /** A listed slot has alternatives sharing a first token, so matching may try one place twice (see `matchItems`). */
  branches?: boolean
  /** How many tokens it can span, worked out on first use by `matchesBefore`. */
  width?: [number, number]
}

/** What a pattern matched. */
export interface Match {
  start: number
  /** Exclusive. */
  end: number
  captures: Map<string, Capture>
}

/** What a slot matched. */
export interface Capture {
  start: number
  end: number
  /** The text matched, as written. */
  text: string
  /** The slot's value: the mapped value for a listed slot, the figure for `{day}` … */
  value: string
}

/** Slot definitions a rule gives: a list, or a mapping from what is written to what it stands for. */
export type SlotSource = ReadonlyArray<string> | Readonly<Record<string, string>>

const slotPattern = /\{([A-Za-z][\w-]*)\}/g

/** Thrown for a pattern that cannot be compiled; `message` says why. */
export class PatternError extends Error {}

/** Words of ASCII letters with one space between: what the parser makes of them is known (see {@link plainTokens}). */
const plainPhrase = /^[A-Za-z]+(?: [A-Za-z]+)*$/

/**
 * Tokens of a piece of text as the checks see them (sentences and paragraphs
 * flattened). A phrase of plain words (most of a big house style's phrases)
 * is cut without the parser: each word one text token, one space between.
 */
export function tokenize(text: string): Token[] {
  return plainPhrase.test(text) ? plainTokens(text) : parsedTokens(text)
}

/** The tokens the parser makes of a {@link plainPhrase} (test/rules-scale.test.ts compares the two). */
export function plainTokens(text: string): Token[] {
  const tokens: Token[] = []
  let word = 0
  for (const value of text.split(' ')) {
    if (word > 0) tokens.push({value: ' ', lower: ' ', type: 'space', node: {type: 'WhiteSpaceNode', value: ' '} as Node, word: -1, first: true, last: true})
    tokens.push({value, lower: value.toLowerCase(), type: 'text', node: {type: 'TextNode', value} as Node, word: word++, first: true, last: true})
  }
  return tokens
}

/** Tokens of a piece of text, as the parser cuts it. */
export function parsedTokens(text: string): Token[] {
  const tree = new ParseEnglish().parse(text)
  const tokens: Token[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') {
      if (paragraph.type === 'WhiteSpaceNode') tokens.push(spaceToken(paragraph))
      continue
    }
    for (const sentence of paragraph.children) {
      if (sentence.type === 'SentenceNode') tokens.push(...streamOf(sentence).tokens)
      else if (sentence.type === 'WhiteSpaceNode') tokens.push(spaceToken(sentence))
    }
  }
  return tokens
}

function spaceToken(node: Node): Token {
  return {value: ' ', lower: ' ', type: 'space', node, word: -1, first: true, last: true}
}

/** `index` in hexadecimal written with the letters a–p (0 → `a`, 17 → `bb`). */
function slotLetters(index: number): string {
  return index.toString(16).replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + parseInt(digit, 16)))
}

/**
 * Compile a pattern such as `{month} {day}` or `per cent`. `slots` defines
 * the listed slots; names not there must be built-in classes.
 */
export function compilePattern(
  text: string,
  slots: Readonly<Record<string, SlotSource>> = {},
  caseMode: CaseMode = 'exact',
  compiledSlots: Map<string, Slot> = new Map()
): Pattern {
  const names: string[] = []
  // Each slot stands in as a word of letters (its number in the letters a–p),
  // so a pattern of plain words and slots is tokenized without the parser.
  const marked = text.replace(slotPattern, (_, name: string) => {
    names.push(name)
    return `zqslot${slotLetters(names.length - 1)}qz`
  })
  const items: Item[] = []
  for (const token of tokenize(marked)) {
    if (token.type === 'space') {
      if (items.length > 0 && items[items.length - 1].type !== 'space') items.push({type: 'space'})
      continue
    }
    const slotMatch = /^zqslot([a-p]+)qz$/.exec(token.value)
    if (slotMatch) {
      const name = names[parseInt(slotMatch[1].replace(/[a-p]/g, (letter) => (letter.charCodeAt(0) - 97).toString(16)), 16)]
      items.push({type: 'slot', slot: slotFor(name, slots, compiledSlots)})
      continue
    }
    if (token.value.includes('zqslot')) {
      throw new PatternError(`\`${text}\`: a slot must stand alone as a word or part of a hyphenated word`)
    }
    items.push({type: 'literal', value: token.value, lower: token.lower})
  }
  while (items.length > 0 && items[items.length - 1].type === 'space') items.pop()
  if (items.length === 0) throw new PatternError(`\`${text}\` has no words`)
  const branches = items.some(
    (item) => item.type === 'slot' && [...(item.slot.byFirst?.values() || [])].some((list) => list.length > 1)
  )
  return {text, items, caseMode, branches}
}

function slotFor(name: string, slots: Readonly<Record<string, SlotSource>>, compiled: Map<string, Slot>): Slot {
  const existing = compiled.get(name)
  if (existing) return existing
  const source = Object.prototype.hasOwnProperty.call(slots, name) ? slots[name] : undefined
  if (source === undefined) {
    const tokenClass = tokenClasses.get(name)
    if (!tokenClass) {
      throw new PatternError(
        `unknown slot \`{${name}}\`; define it under \`slots\`, or use a built-in class: ${[...tokenClasses.keys()].map((key) => `{${key}}`).join(', ')}`
      )
    }
    const slot = {name, class: tokenClass}
    compiled.set(name, slot)
    return slot
  }
  const pairs: Array<[string, string]> = Array.isArray(source)
    ? (source as string[]).map((item) => [item, item])
    : Object.entries(source as Record<string, string>).map(([key, value]) => [key, String(value)])
  const alternatives = pairs.map(([key, value]): Alternative => {
    const items = tokenize(key).flatMap((token): Item[] =>
      token.type === 'space' ? [{type: 'space'}] : [{type: 'literal', value: token.value, lower: token.lower}]
    )
    if (items.length === 0) throw new PatternError(`slot \`{${name}}\` has an empty alternative`)
    return {text: key, items, value}
  })
  alternatives.sort((a, b) => b.items.length - a.items.length)
  const byFirst = new Map<string, Alternative[]>()
  for (const alternative of alternatives) {
    const first = alternative.items[0] as {lower: string}
    const list = byFirst.get(first.lower) || []
    list.push(alternative)
    byFirst.set(first.lower, list)
  }
  const slot = {name, alternatives, byFirst}
  compiled.set(name, slot)
  return slot
}

/**
 * Match `pattern` at token `start`. Returns the match or undefined; it does
 * not check word boundaries (see {@link matchAt}).
 */
function matchItems(
  items: ReadonlyArray<Item>,
  k: number,
  tokens: ReadonlyArray<Token>,
  index: number,
  caseMode: CaseMode,
  captures: Map<string, Capture> | undefined,
  failed?: Set<number>
): number {
  if (k === items.length) return index
  const item = items[k]
  if (item.type === 'space') {
    if (tokens[index]?.type !== 'space') return -1
    let next = index
    while (tokens[next]?.type === 'space') next++
    return matchItems(items, k + 1, tokens, next, caseMode, captures, failed)
  }
  const token = tokens[index]
  if (!token || token.type === 'space') return -1
  if (item.type === 'literal') {
    const equal = caseMode === 'insensitive' ? token.lower === item.lower : token.value === item.value
    return equal ? matchItems(items, k + 1, tokens, index + 1, caseMode, captures, failed) : -1
  }
  const {slot} = item
  if (slot.class) {
    const found = slot.class.match(tokens, index)
    if (!found) return -1
    const end = matchItems(items, k + 1, tokens, found.end, caseMode, captures, failed)
    if (end !== -1 && captures) captures.set(slot.name, capture(tokens, index, found.end, found.value))
    return end
  }
  // Listed alternatives are matched as written (case-sensitive: `May` is a month, `may` is not).
  const candidates = slot.byFirst?.get(token.lower) || []
  if (candidates.length === 0) return -1
  // Alternatives of different lengths are the one place a pattern can try
  // the same rest at the same token twice (`{s} {s} {s} !` with `s: [a, a a,
  // a a a]` over `a a a a …`): remember what failed, so each item is tried
  // at each token once and the cost stays polynomial in the entry, linear in
  // the story. (Captures are set only on the way out of a success, so a
  // failure leaves nothing to undo.)
  const key = k * (tokens.length + 1) + index
  if (failed?.has(key)) return -1
  for (const alternative of candidates) {
    const after = matchItems(alternative.items, 0, tokens, index, 'exact', undefined)
    if (after === -1) continue
    const end = matchItems(items, k + 1, tokens, after, caseMode, captures, (failed ||= new Set()))
    if (end === -1) continue
    if (captures) captures.set(slot.name, capture(tokens, index, after, alternative.value))
    return end
  }
  failed?.add(key)
  return -1
}

function capture(tokens: ReadonlyArray<Token>, start: number, end: number, value: string): Capture {
  return {start, end, text: textOf(tokens, start, end), value}
}

/** The text of tokens `[start, end)`, as written (white space runs kept). */
export function textOf(tokens: ReadonlyArray<Token>, start: number, end: number): string {
  let text = ''
  for (let index = start; index < end; index++) text += (tokens[index].node as {value?: string}).value ?? ''
  return text
}

/**
 * Match a whole pattern at `start`, on word boundaries. `failed` carries
 * what failed from earlier starts in the same tokens (see `matchItems`).
 */
export function matchAt(
  pattern: Pattern,
  tokens: ReadonlyArray<Token>,
  start: number,
  failed?: Set<number>
): Match | undefined {
  if (!tokens[start] || tokens[start].type === 'space' || !startsWord(tokens, start)) return
  // Nearly every try fails: match without captures first, so a failure
  // allocates nothing, and match again to capture only on a success.
  const end = matchItems(pattern.items, 0, tokens, start, pattern.caseMode, undefined, failed)
  if (end === -1 || !endsWord(tokens, end)) return
  const captures = new Map<string, Capture>()
  matchItems(pattern.items, 0, tokens, start, pattern.caseMode, captures, failed)
  return {start, end, captures}
}

/** Whether `pattern` matches text that ends right before token `start` (white space between allowed). */
export function matchesBefore(pattern: Pattern, tokens: ReadonlyArray<Token>, start: number): boolean {
  let edge = start
  while (edge > 0 && tokens[edge - 1].type === 'space') edge--
  // Only the starts the pattern's width allows: `voted` or `{Name}` is tried once, not 24 times.
  const [min, max] = (pattern.width ||= widthOfPattern(pattern))
  for (let from = edge - min; from >= 0 && from >= edge - max; from--) {
    if (!startsWord(tokens, from)) continue
    const end = matchItems(pattern.items, 0, tokens, from, pattern.caseMode, undefined)
    if (end === edge) return true
  }
  return false
}

/** Whether `pattern` matches text that starts right after token `end` (white space between allowed). */
export function matchesAfter(pattern: Pattern, tokens: ReadonlyArray<Token>, end: number): boolean {
  let edge = end
  while (tokens[edge]?.type === 'space') edge++
  if (!tokens[edge]) return false
  const after = matchItems(pattern.items, 0, tokens, edge, pattern.caseMode, undefined)
  return after !== -1 && endsWord(tokens, after)
}

/**
 * How many tokens a pattern can span, `[min, max]`: a floor that never
 * misses a match, and a ceiling of 24 (the most `matchesBefore` looks back)
 * unless every item is one token wide or a listed slot without white space.
 */
function widthOfPattern(pattern: Pattern): [number, number] {
  let min = 0
  let max = 0
  let bounded = true
  for (const item of pattern.items) {
    const [low, high] = widthOf(item)
    min += low
    max += high
    if (item.type === 'space' || (item.type === 'slot' && item.slot.class?.name === 'number')) bounded = false
    if (item.type === 'slot' && item.slot.alternatives?.some((alternative) => alternative.items.some((inner) => inner.type === 'space'))) bounded = false
  }
  return [Math.max(1, min), bounded ? Math.min(max, 24) : 24]
}

/** How many tokens an item can span: `[min, max]`. */
function widthOf(item: Item): [number, number] {
  if (item.type !== 'slot') return [1, 1]
  if (item.slot.class) return item.slot.class.name === 'number' ? [1, 9] : [1, 1]
  let min = Infinity
  let max = 0
  for (const alternative of item.slot.alternatives || []) {
    const width = alternative.items.length
    if (width < min) min = width
    if (width > max) max = width
  }
  return [min === Infinity ? 1 : min, max || 1]
}

/** Where a pattern is looked up: by the tokens one of its items can be, and how far its start lies before. */
export interface Anchor {
  /** Values the anchor token can have, as written (slot alternatives, exact literals). */
  exact: string[]
  /** Lowercase values the anchor token can have (literals of case-insensitive patterns). */
  lower: string[]
  /** For a pattern with no word to look up: the class bucket of its first item. */
  bucket?: TokenClass['bucket']
  /** Tokens between the match start and the anchor, at least and at most. */
  min: number
  max: number
  /** Values of `exact` after which a match needs another token with no white space between (`a` of `a.m.`). */
  touching?: string[]
}

/**
 * Pick the item a pattern is looked up by: the longest literal word
 * (`Islamic` in `the Islamic State`, `percent` in `{number} percent`), else
 * a listed slot (`{month}`), else the class it starts with. Looking a rare
 * word up, rather than the first one, keeps the check O(1) per token and lets
 * sentences without any anchor skip tokenizing.
 */
export function anchorOf(pattern: Pattern): Anchor {
  const items = pattern.items
  let best = -1
  for (let index = 0; index < items.length; index++) {
    const item = items[index]
    if (item.type === 'literal' && /\p{L}|\p{S}|%/u.test(item.value)) {
      if (best === -1 || item.lower.length > (items[best] as {lower: string}).lower.length) best = index
    }
  }
  // A word of one or two letters (`to` in `{a} to {b}`) is in most sentences:
  // a listed slot whose words are longer, else a figure, is looked up less often.
  if (best !== -1 && isShortWord((items[best] as {value: string}).value)) {
    const listed = items.findIndex((item) => item.type === 'slot' && item.slot.byFirst !== undefined && ![...item.slot.byFirst.keys()].some(isShortWord))
    const figure = items.findIndex((item) => item.type === 'slot' && item.slot.class?.bucket === 'digit')
    if (listed !== -1) best = listed
    else if (figure !== -1) return {exact: [], lower: [], bucket: 'digit', ...offsetOf(items, figure)}
  }
  if (best === -1) best = items.findIndex((item) => item.type === 'slot' && item.slot.byFirst !== undefined)
  if (best === -1) best = items.findIndex((item) => item.type === 'literal')
  if (best === -1) {
    const first = items[0]
    const bucket = first.type === 'slot' && first.slot.class ? first.slot.class.bucket : 'text'
    return {exact: [], lower: [], bucket, min: 0, max: 0}
  }
  const {min, max} = offsetOf(items, best)
  const anchor = items[best]
  // Whether the token after the anchor's must touch it: an item other than white space.
  const touches = (next: Item | undefined) => next !== undefined && next.type !== 'space'
  if (anchor.type === 'literal') {
    return pattern.caseMode === 'insensitive'
      ? {exact: [], lower: [anchor.lower], min, max}
      : {exact: [anchor.value], lower: [], min, max, touching: touches(items[best + 1]) ? [anchor.value] : []}
  }
  const alternatives = anchor.type === 'slot' ? anchor.slot.alternatives || [] : []
  const exact = [...new Set(alternatives.map((alternative) => (alternative.items[0] as {value: string}).value))]
  // A value is touching when every alternative that may start with it goes on without white space.
  const touching = exact.filter((value) =>
    alternatives.every(
      (alternative) =>
        (alternative.items[0] as {lower: string}).lower !== value.toLowerCase() ||
        touches(alternative.items.length > 1 ? alternative.items[1] : items[best + 1])
    )
  )
  return {exact, lower: [], min, max, touching}
}

/** Tokens between a match's start and item `at`, at least and at most. */
function offsetOf(items: ReadonlyArray<Item>, at: number): {min: number; max: number} {
  let min = 0
  let max = 0
  for (let index = 0; index < at; index++) {
    const [low, high] = widthOf(items[index])
    min += low
    max += high
  }
  return {min, max}
}

/** A word of one or two letters (`to`, `a`, `N`): too common to look a pattern up by. */
function isShortWord(value: string): boolean {
  return value.length <= 2 && /^\p{L}+$/u.test(value)
}

interface Indexed<T> {
  rule: T
  anchor: Anchor
}

/**
 * An index of patterns by their anchor token (see {@link anchorOf}), so each
 * token looks up only the patterns that can match around it.
 */
export class PatternIndex<T extends {pattern: Pattern}> {
  private readonly byExact = new Map<string, Array<Indexed<T>>>()
  private readonly byLower = new Map<string, Array<Indexed<T>>>()
  private readonly digit: Array<Indexed<T>> = []
  private readonly upper: Array<Indexed<T>> = []
  private readonly text: Array<Indexed<T>> = []
  /** Exact anchors every rule of which needs a token touching the anchor's (see `Anchor.touching`). */
  private readonly touching = new Set<string>()

  constructor(rules: ReadonlyArray<T>) {
    const loose = new Set<string>()
    for (const rule of rules) {
      const anchor = anchorOf(rule.pattern)
      const item = {rule, anchor}
      for (const key of anchor.exact) {
        push(this.byExact, key, item)
        if (anchor.touching?.includes(key)) this.touching.add(key)
        else loose.add(key)
      }
      for (const key of anchor.lower) push(this.byLower, key, item)
      if (anchor.bucket === 'digit') this.digit.push(item)
      else if (anchor.bucket === 'upper') this.upper.push(item)
      else if (anchor.bucket === 'text') this.text.push(item)
    }
    for (const key of loose) this.touching.delete(key)
  }

  /**
   * Whether any rule may match in a sentence: a quick look at the words'
   * tokens, so sentences with nothing to find are never tokenized. Never
   * `false` where a rule can match, so an index of several indexes' rules
   * says `true` wherever one of them would (the `pattern` kind relies on it).
   */
  mayMatch(sentence: Sentence): boolean {
    if (this.text.length > 0) return true
    const children = sentence.children
    for (let index = 0; index < children.length; index++) {
      const child = children[index]
      if (child.type === 'WhiteSpaceNode') continue
      if (child.type !== 'WordNode') {
        if (this.has((child as {value?: string}).value)) return true
        continue
      }
      const leaves = child.children
      for (let leaf = 0; leaf < leaves.length; leaf++) {
        const value = (leaves[leaf] as {value?: string}).value
        if (!value) continue
        const head = value.charCodeAt(0)
        if (head >= 48 && head <= 57) {
          if (this.digit.length > 0) return true
        } else if (this.upper.length > 0 && leaves[leaf].type === 'TextNode') {
          const first = value.charAt(0)
          if (first !== first.toLowerCase()) return true
        }
        if (this.has(value) && !this.alone(value, leaf === leaves.length - 1 ? children[index + 1] : leaves[leaf + 1])) return true
      }
    }
    return false
  }

  /**
   * Whether a word's last text `value` can start no match because every rule
   * it anchors needs a token touching it and white space follows: the article
   * `a` is not the `a` of `a.m.`, so most sentences are never tokenized.
   */
  private alone(value: string, next: Node | undefined): boolean {
    const touching = this.touching as Set<string> | undefined
    if (touching === undefined || !touching.has(value) || this.byLower.size > 0) return false
    return next === undefined || next.type === 'WhiteSpaceNode'
  }

  private has(value: string | undefined): boolean {
    if (!value) return false
    if (this.byExact.has(value)) return true
    if (this.byLower.size === 0) return false
    const normal = normalize(value)
    return this.byExact.has(normal) || this.byLower.has(normal.toLowerCase())
  }

  /**
   * Every match of every rule in a sentence's tokens: found at anchors, then
   * matched from each start the anchor allows. Sorted by start, longest
   * first; may overlap.
   */
  matches(tokens: ReadonlyArray<Token>): Array<{rule: T; match: Match}> {
    const found: Array<{rule: T; match: Match}> = []
    // Starts tried per rule (two rules may share a pattern's text: `{a} to {b}` after `voted`, and before `vote`).
    let tried: Map<T, Set<number>> | undefined
    // What failed where does not depend on the start: share it across starts.
    let failures: Map<Pattern, Set<number>> | undefined
    const visit = (list: ReadonlyArray<Indexed<T>> | undefined, position: number): void => {
      if (!list) return
      for (const {rule, anchor} of list) {
        for (let start = Math.max(0, position - anchor.max); start <= position - anchor.min; start++) {
          if (anchor.max > anchor.min) {
            tried ||= new Map()
            let starts = tried.get(rule)
            if (!starts) tried.set(rule, (starts = new Set()))
            if (starts.has(start)) continue
            starts.add(start)
          }
          let failed: Set<number> | undefined
          if (rule.pattern.branches) {
            failures ||= new Map()
            failed = failures.get(rule.pattern)
            if (!failed) {
              failed = new Set()
              failures.set(rule.pattern, failed)
            }
          }
          const match = matchAt(rule.pattern, tokens, start, failed)
          if (match) found.push({rule, match})
        }
      }
    }
    // No list is built per token: most tokens look up one map and are done.
    for (let position = 0; position < tokens.length; position++) {
      const token = tokens[position]
      if (token.type === 'space') continue
      visit(this.byExact.get(token.value), position)
      if (this.byLower.size > 0) visit(this.byLower.get(token.lower), position)
      if (token.type !== 'text') continue
      const head = token.value.charCodeAt(0)
      if (head >= 48 && head <= 57) {
        if (this.digit.length > 0) visit(this.digit, position)
      } else if (this.upper.length > 0 && token.value.charAt(0) !== token.value.charAt(0).toLowerCase()) {
        visit(this.upper, position)
      }
    }
    if (found.length > 1) found.sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end)
    return found
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}


/**
 * Fill a replacement template: `{name}` becomes the slot's value (a mapped
 * value, a figure), `{name.text}` the text as written.
 */
export function fillSlots(template: string, captures: ReadonlyMap<string, Capture>): string {
  return template.replace(/\{([A-Za-z][\w-]*)(\.text)?\}/g, (whole, name: string, text?: string) => {
    const found = captures.get(name)
    if (!found) return whole
    return text ? found.text : found.value
  })
}
