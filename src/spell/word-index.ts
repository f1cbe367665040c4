/**
 * The suggester's index: a trie over the lowercase forms of a word list, in
 * typed arrays so that building it allocates a handful of objects instead
 * of one per node. The search over it is in candidates.ts; storing it is in
 * index-store.ts.
 */

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

export function letterBit(code: number): number {
  return code >= 97 && code <= 122 ? 1 << (code - 97) : 0
}
