/**
 * The tokens of a sentence as the sequence patterns see them, where a match
 * may start and end, and the built-in slot classes (`{number}`, `{day}`,
 * `{year}`, `{Name}`, `{plural}`, `{word}`). src/house-style/sequence.ts
 * flattens sentences into these tokens and matches patterns over them.
 */
import type {Node} from 'unist'

/** What a token is. */
export type TokenType = 'text' | 'punct' | 'symbol' | 'space' | 'source'

/** One leaf of a sentence. */
export interface Token {
  /** Text, with curly apostrophes made straight. */
  value: string
  lower: string
  type: TokenType
  node: Node
  /** Index of its word in `Stream.words`, or -1 between words. */
  word: number
  /** First leaf of its word (always true between words). */
  first: boolean
  /** Last leaf of its word (always true between words). */
  last: boolean
}

/** A built-in class of tokens. */
export interface TokenClass {
  name: string
  /** Which tokens a match can start at, for indexing: any token starting with a digit, a capital, or any text. */
  bucket: 'digit' | 'upper' | 'text'
  /** Match at `index`: the end (exclusive) and the captured value, or undefined. */
  match(tokens: ReadonlyArray<Token>, index: number): {end: number; value: string} | undefined
}

const digits = /^\d+$/

/** The built-in classes. */
export const tokenClasses: ReadonlyMap<string, TokenClass> = new Map<string, TokenClass>([
  [
    'number',
    {
      name: 'number',
      bucket: 'digit',
      // `5`, `4.4`, `1,000`, `12,500.75`: figures, as one or more tokens.
      match(tokens, index) {
        const first = tokens[index]
        if (!first || first.type !== 'text' || !digits.test(first.value) || !startsWord(tokens, index)) return
        let end = index + 1
        let value = first.value
        while (
          tokens[end]?.value === ',' &&
          tokens[end + 1]?.type === 'text' &&
          /^\d{3}$/.test(tokens[end + 1].value) &&
          tokens[end + 1].first
        ) {
          value += ',' + tokens[end + 1].value
          end += 2
        }
        if (
          tokens[end]?.value === '.' &&
          tokens[end].word === tokens[end - 1].word &&
          tokens[end + 1]?.type === 'text' &&
          digits.test(tokens[end + 1].value) &&
          tokens[end + 1].word === tokens[end].word
        ) {
          value += '.' + tokens[end + 1].value
          end += 2
        }
        return {end, value}
      }
    }
  ],
  [
    'day',
    {
      name: 'day',
      bucket: 'digit',
      // `5`, `31`, and ordinals `5th`, `1st` (captured as the figure).
      match(tokens, index) {
        const token = tokens[index]
        if (!token || token.type !== 'text' || !startsWord(tokens, index)) return
        const found = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(token.value)
        if (!found) return
        const day = Number(found[1])
        return day >= 1 && day <= 31 ? {end: index + 1, value: String(day)} : undefined
      }
    }
  ],
  [
    'year',
    {
      name: 'year',
      bucket: 'digit',
      match(tokens, index) {
        const token = tokens[index]
        if (!token || token.type !== 'text' || !/^(1[0-9]|2[0-9])\d\d$/.test(token.value) || !startsWord(tokens, index)) return
        return {end: index + 1, value: token.value}
      }
    }
  ],
  [
    'Name',
    {
      name: 'Name',
      bucket: 'upper',
      // A capitalized word (`Springfield`, `Salem` in `Winston-Salem`); not ALL CAPS.
      match(tokens, index) {
        const token = tokens[index]
        if (!token || token.type !== 'text' || !startsWord(tokens, index)) return
        const head = token.value.charAt(0)
        if (head === head.toLowerCase() || token.value.slice(1) === token.value.slice(1).toUpperCase()) return
        return {end: index + 1, value: token.value}
      }
    }
  ],
  [
    'plural',
    {
      name: 'plural',
      bucket: 'text',
      // A whole lowercase word shaped like a plural noun (`people`, `cars`, `years`, `lawsuits`), for
      // counts: not `was`, `this`, `across`, `status`, `politics`. What is no count (units, `points`)
      // is the rule's to list.
      match(tokens, index) {
        const token = tokens[index]
        if (!token || token.type !== 'text' || !token.first || !token.last) return
        const value = token.value
        if (!irregularPlurals.has(value) && (!/^[a-z]{3,}s$/.test(value) || /(?:ss|us|is|ics)$/.test(value) || notPlurals.has(value))) return
        return {end: index + 1, value}
      }
    }
  ],
  [
    'word',
    {
      name: 'word',
      bucket: 'text',
      match(tokens, index) {
        const token = tokens[index]
        if (!token || token.type !== 'text' || !startsWord(tokens, index)) return
        return {end: index + 1, value: token.value}
      }
    }
  ]
])

const irregularPlurals = new Set(['people', 'children', 'men', 'women', 'teeth', 'mice', 'geese'])
const notPlurals = new Set(['this', 'thus', 'plus', 'does', 'goes', 'perhaps', 'whereas', 'across', 'besides', 'unless', 'sometimes', 'news', 'series', 'species', 'means', 'nowadays', 'overseas', 'whereabouts', 'always', 'sideways', 'towards', 'afterwards', 'backwards', 'forwards', 'upwards', 'downwards', 'onwards', 'outwards', 'inwards'])

/** Whether a match may start at `index`: a word's start, or after a hyphen inside a word. */
export function startsWord(tokens: ReadonlyArray<Token>, index: number): boolean {
  const token = tokens[index]
  if (token.first) return true
  const previous = tokens[index - 1]
  return previous !== undefined && previous.word === token.word && isHyphen(previous.value)
}

/** Whether a match may end at `end` (exclusive). */
export function endsWord(tokens: ReadonlyArray<Token>, end: number): boolean {
  const last = tokens[end - 1]
  if (!last || last.last || last.word === -1) return true
  const next = tokens[end]
  if (next.word !== last.word) return true
  if (isHyphen(next.value) || next.value === "'") return true
  // `cent.` in "5 per cent. A rise": a word-final period.
  return next.value === '.' && next.last
}

function isHyphen(value: string): boolean {
  return value === '-' || value === '‐' || value === '‑'
}
