/**
 * Ranking for the suggester: candidates from the search (candidates.ts)
 * scored by a weighted edit cost modelled on how people mistype, with word
 * frequency, names and distance as tie-breakers, and cased like the input.
 */

import {findBySkeleton, findCandidates} from './candidates.js'
import type {WordIndex} from './word-index.js'

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
  /**
   * Added instead of `lastLetter` to a last letter left out that carries no
   * grammar (not `-s`, not the `d` of `-ed`): `mor` → `more`, `muc` →
   * `much`, `tak` → `take`, which lost to `moor`, `mac`, `talk`. Dropping the
   * last letter is an ordinary slip; 0.1 was best on the tuning half of
   * scripts/typos.js `--frequent` (issue 19).
   */
  lastOmission: 0.1,
  /** Doubling at the ends is less suspicious than other end edits. */
  edgeDoubling: 0.3,
  /** Score bonus for names when the input is capitalized. */
  name: 0.3,
  /** Score penalty for names (`Jude`) when the input is lower case (`jude`). */
  lowerName: 0.5,
  /** Score penalty per edit beyond the nearest candidate's (one edit beats two). */
  extraEdit: 0.2,
  /** Score penalty per natural-log unit of frequency. */
  frequency: 0.13,
  /** Score bonus for a candidate that sounds like the input (`pashents` → `patients`, not `parents`). */
  sound: 0.3
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
let omissionGrammar = new Uint8Array(0)

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
    omissionGrammar = new Uint8Array(m * 2)
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
    // `-s`, and the `d` of `-ed`: endings that carry grammar.
    omissionGrammar[j] = letter === 115 || (letter === 100 && word.charCodeAt(j - 1) === 101) ? 1 : 0
  }
}

// Leaving out the word's letter j with the cursor at input position i; a
// letter missing after the input's last one is an edit to the ending.
function omissionCost(j: number, i: number, n: number): number {
  if (i >= n && i > 0 && omissionDoubled[j] === 0 && omissionGrammar[j] === 0) {
    return omissionBase[j] + costs.lastOmission
  }
  return omissionBase[j] + edgeCost(i, n + 1, omissionDoubled[j] === 1)
}

// Swaps are ordinary slips anywhere, even at the end (`teh`), but a swap
// that moves the first letter is rarer.
function transposeCost(x: number, y: number, first: number, n: number) {
  const ie = (x === 105 && y === 101) || (x === 101 && y === 105)
  const base = ie ? costs.transposeIe : costs.transpose
  return first === 0 && n > 2 ? base + costs.firstLetter / 2 : base
}

/**
 * How a word sounds, roughly: its consonants after the spellings English
 * confuses by ear are folded together (`ph`/`f`, `c`/`k`/`s`, `ti`/`sh`,
 * `v`/`f`, `z`/`s`, a silent `gh`, `w` or `h`, `gn` after a vowel), vowels
 * dropped but the first, runs collapsed: `pashents` and `patients` are both
 * `pXnts`, `parents` is `prnts`; `revenew` and `revenue` are `rfn`. Phonetic
 * misspellings keep the sound and lose the letters.
 */
export function soundKey(word: string): string {
  const folded = word
    .replace(/[^a-z]/g, '')
    .replace(/^(?:kn|gn|pn|wr)/, (pair) => pair.charAt(1))
    .replace(/^x/, 's')
    .replace(/^wh/, 'w')
    .replace(/mb$/, 'm')
    .replace(/tch/g, 'ch')
    .replace(/ph/g, 'f')
    .replace(/gh(?![aeiou])/g, '')
    .replace(/(?<=[aeiou])gn/g, 'n')
    .replace(/[tsc]i(?=[aeiou])|sh|ch/g, 'X')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/ck|c|q/g, 'k')
    .replace(/d?g(?=[eiy])/g, 'j')
    .replace(/z/g, 's')
    .replace(/v/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/[wyh](?![aeiou])/g, '')
  const first = folded.charAt(0)
  const rest = folded.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1')
  return (/[aeiou]/.test(first) ? 'A' : first) + rest
}

/** A candidate as it will be shown, with its cost (lower is better). */
export interface Scored {
  text: string
  score: number
  distance: number
}

interface ScoredHead {
  head: number
  score: number
  distance: number
}

/** Best first: score, then edit distance, then text. */
export function compareScored(x: Scored, y: Scored): number {
  return (
    x.score - y.score ||
    x.distance - y.distance ||
    (x.text < y.text ? -1 : x.text > y.text ? 1 : 0)
  )
}

/** The best `limit` candidates for `word`, cased for output, best first. */
export function rankCandidates(
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
  const ranked: Array<ScoredHead & {key: string; name: boolean}> = heads.map((head, k) => {
    const key = index.word(head).toLowerCase()
    const count = index.frequencies ? index.frequencies[head] : frequency(key)
    let score =
      weightedCost(query, key) - costs.frequency * Math.log1p(count)
    const name = (nameBonus > 0 || namePenalty > 0) && isName(index, head, key)
    if (name) score += namePenalty - nameBonus
    score += costs.extraEdit * (distances[k] - nearest)
    return {head, score, distance: distances[k], key, name}
  })
  ranked.sort((x, y) => x.score - y.score || x.distance - y.distance)
  // Sounding like the input lifts a candidate by `costs.sound`, so only those
  // that can reach the cut need their sound worked out.
  if (ranked.length > 0) {
    const sound = soundKey(lower)
    const reach = ranked[Math.min(limit, ranked.length) - 1].score + costs.sound
    let lifted = false
    for (const candidate of ranked) {
      if (candidate.score > reach) break
      // A lower-case word that sounds like a name is still not one (`jude` is `judge`).
      if (candidate.name && namePenalty > 0) continue
      if (soundKey(candidate.key) === sound) {
        candidate.score -= costs.sound
        lifted = true
      }
    }
    if (lifted) ranked.sort((x, y) => x.score - y.score || x.distance - y.distance)
  }

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
export function rankPossessives(
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
