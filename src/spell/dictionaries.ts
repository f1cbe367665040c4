/**
 * The hunspell dictionaries behind `spelling`, `dialect` and
 * `name-consistency`, loaded once per process and only when first needed:
 * building an nspell instance for dictionary-en costs ~150 ms, indexing its
 * ~124k word forms for suggestions a little more.
 */
import {createRequire} from 'node:module'
import dictionaryEn from 'dictionary-en'
import dictionaryEnGb from 'dictionary-en-gb'
import type {Dialect} from '../types.js'
import {createSuggester, type Suggester} from './suggest.js'

/** A hunspell dictionary as `dictionary-en` exports it. */
export interface Hunspell {
  aff: Uint8Array
  dic: Uint8Array
}

/** The part of nspell we use. */
interface NSpell {
  correct(word: string): boolean
  data: Record<string, string[]>
}

const nspell = createRequire(import.meta.url)('nspell') as (dictionary: Hunspell) => NSpell

/** One dialect's dictionary, with the lookups the checks need. */
export interface Speller {
  readonly dialect: Dialect
  /** Whether hunspell accepts `word` as written (`Tuesday`, `tuesday` is not). */
  correct(word: string): boolean
  /**
   * Capitalized dictionary words (`Washington`, `Tuesday`; not `NATO`) by
   * their lower-case form, for the "one edit from a known name" test.
   */
  capitalized(): ReadonlyMap<string, string>
  /** Suggestions for `word`, best first, cached per form for the process. */
  suggest(word: string, max?: number): string[]
}

/** The raw hunspell files for a dialect (for retext-spell). */
export function hunspellFor(dialect: Dialect): Hunspell {
  return dialect === 'en-GB' ? dictionaryEnGb : dictionaryEn
}

/** The other dialect: where a word the dictionary lacks may be a correct spelling. */
export function otherDialect(dialect: Dialect): Dialect {
  return dialect === 'en-GB' ? 'en-US' : 'en-GB'
}

const spellers = new Map<Dialect, Speller>()

/** The process-wide speller for a dialect, made on first use. */
export function spellerFor(dialect: Dialect): Speller {
  let speller = spellers.get(dialect)
  if (!speller) {
    speller = createSpeller(dialect)
    spellers.set(dialect, speller)
  }
  return speller
}

function createSpeller(dialect: Dialect): Speller {
  let checker: NSpell | undefined
  let names: Map<string, string> | undefined
  let suggester: Suggester | undefined
  const correctCache = new Map<string, boolean>()
  const suggestions = new Map<string, string[]>()

  function load(): NSpell {
    checker ??= nspell(hunspellFor(dialect))
    return checker
  }

  return {
    dialect,
    correct(word) {
      let value = correctCache.get(word)
      if (value === undefined) {
        value = load().correct(word)
        // Story vocabulary repeats; bounded so a long-running server stays small.
        if (correctCache.size > 100_000) correctCache.clear()
        correctCache.set(word, value)
      }
      return value
    },
    capitalized() {
      if (!names) {
        names = new Map()
        for (const word of Object.keys(load().data)) {
          if (isName(word)) names.set(word.toLowerCase(), word)
        }
      }
      return names
    },
    suggest(word, max = 5) {
      const key = word + '\0' + max
      let value = suggestions.get(key)
      if (!value) {
        suggester ??= createSuggester({words: suggestible(load().data)})
        value = suggester.suggest(word, max)
        if (suggestions.size > 10_000) suggestions.clear()
        suggestions.set(key, value)
      }
      return [...value]
    }
  }
}

/** `Washington`: a capital, then lower case only (no `NATO`, `McCain`, `Mali's`). */
function isName(word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word)
}

/**
 * Every form hunspell accepts, less the words flagged `NOSUGGEST` (`!` in
 * dictionary-en: slurs and obscenities) and their inflections, which nspell
 * expands without the flag.
 */
function* suggestible(data: Record<string, string[]>): Iterable<string> {
  const banned: string[] = []
  for (const word in data) {
    if (data[word].includes('!')) banned.push(word.toLowerCase())
  }
  // Checked by three-letter start first: 124k words, a few dozen stems.
  const starts = new Set(banned.map((stem) => stem.slice(0, 3)))
  for (const word in data) {
    const code = word.charCodeAt(0)
    if (code >= 48 && code <= 57) continue
    if (starts.has(word.slice(0, 3).toLowerCase())) {
      const lower = word.toLowerCase()
      if (banned.some((stem) => lower.startsWith(stem) && lower.length - stem.length <= 4)) continue
    }
    yield word
  }
}
