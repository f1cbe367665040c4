/**
 * Candidate search for the suggester: the words of an index within a few
 * edits of the input (a banded Damerau-Levenshtein walk of the trie), and
 * the words that differ from it only in doubled letters.
 */

import {letterBit, type WordIndex} from './word-index.js'

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

/** Word heads found and their edit distances, in step. */
export interface Hits {
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
export function findCandidates(
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

export function findBySkeleton(index: WordIndex, query: Uint16Array): number[] {
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

function popCount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
