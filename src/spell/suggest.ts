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

import {compareScored, rankCandidates, rankPossessives} from './rank.js'
import {subtlexFrequency} from './subtlex.js'
import {buildIndex, type WordIndex} from './word-index.js'

// The parts live in their own modules: word-index.ts (the trie),
// candidates.ts (the search), rank.ts (the ranking), index-store.ts
// (packing and artefacts), subtlex.ts (frequencies). What this module
// exported before they were split out is still exported from here.
export {buildIndex, indexFrequencies, type WordIndex} from './word-index.js'
export {
  artefactFolder,
  artefactFormat,
  compactNumbers,
  packIndex,
  readArtefact,
  unpackIndex,
  writeArtefact,
  type Artefact,
  type ArtefactSection,
  type PackedIndex
} from './index-store.js'
export {
  countOf,
  loadSubtlex,
  readSubtlexArtefact,
  subtlexFrequency,
  subtlexIdentity,
  writeSubtlexArtefact
} from './subtlex.js'

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
