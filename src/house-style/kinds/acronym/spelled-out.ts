/**
 * Finding a name spelled out for an acronym: a run of capitalized words
 * whose initials make it ("Food and Drug Administration" → FDA), the words
 * that introduce it right there ("liquefied natural gas, or LNG", "known
 * as JNIM") and a gloss right after a use.
 */
import {originOf} from '../../../nlcst/origin.js'
import type {Sentence, Word} from 'nlcst'
import {isAllCaps, wordText} from '../../../nlcst/words.js'
import {adjacentWord, neighbor, textOf, valueOf} from './nodes.js'

// Small words an acronym may skip or keep ("Food and Drug Administration" → FDA,
// "Department of Justice" → DOJ), and Arabic, French and other particles
// ("Jama'at Nusrat al-Islam wal-Muslimin" → JNIM, "Medecins Sans Frontieres").
const connectors = new Set([
  'of', 'and', 'for', 'the', 'on', 'in', 'at', 'to', 'by', 'with', 'a', 'an', '&',
  'de', 'du', 'des', 'la', 'le', 'les', 'et', 'al', 'wal', 'el', 'ul', 'bin', 'ibn', 'van', 'von', 'der', 'y'
])

// How copy introduces an acronym right after the name: "liquefied natural gas, or LNG",
// "Jama'at Nusrat al-Islam wal-Muslimin, known as JNIM", "(FEMA)".
const introductions = [
  ['('],
  ['or'],
  ['—'],
  ['–'],
  ['--']
]

// "… in Indonesia, known as COWS", "a group called JNIM": the words say it is being introduced.
const namings = [
  ['known', 'as'],
  ['also', 'known', 'as'],
  ['known', 'by', 'its', 'acronym'],
  ['known', 'by', 'its', 'initials'],
  ['known', 'by', 'the', 'acronym'],
  ['known', 'by', 'the', 'initials'],
  ['known', 'by', 'their', 'acronym'],
  ['known', 'by', 'their', 'initials'],
  ['called'],
  ['dubbed'],
  ['named'],
  ['renamed']
]

// Acronyms longer than this are not looked for by their initials (none of AP's is).
const maxInitials = 10

/** One letter-bearing part of a word, for initials. */
interface Part {
  letters: string
  /** Index of its word in the run. */
  word: number
  /** May give no letter: a small word or particle (`of`, `al-`), or a lowercase part after a hyphen (`Co-operation`). */
  optional: boolean
  /** Starts with a capital. */
  capital: boolean
}

/**
 * The parts of a word that can give an acronym letters: `al-Islam` → `al`
 * (optional), `Islam`; `Jama'at` → `JAMAAT`; `U.S.` and `UN` → one part per
 * letter.
 */
function partsOf(text: string, word: number): Part[] | undefined {
  if (/^(\p{Lu}\.)+$/u.test(text) || /^\p{Lu}{2}$/u.test(text)) {
    return [...text.replace(/\./g, '')].map((letter) => ({letters: letter, word, optional: false, capital: true}))
  }
  // An acronym is not part of its own spelling.
  if (/^\p{Lu}{3,}/u.test(text)) return undefined
  const parts: Part[] = []
  text
    .replace(/'s$/, '')
    .split('-')
    .forEach((raw, index) => {
      const letters = raw.replace(/[^\p{L}\p{N}&]/gu, '')
      if (!letters) return
      const capital = /^\p{Lu}/u.test(letters)
      const small = connectors.has(letters.toLowerCase())
      parts.push({letters: letters.toUpperCase(), word, optional: small || (index > 0 && !capital), capital})
    })
  return parts
}

/**
 * Whether `parts` from `at` give exactly `key`: each part gives a prefix of
 * itself (one letter or more: `Africa Command` → AFRICOM), optional parts may
 * give none, and at least two words give letters. `capitals`: every part
 * that must give a letter is capitalized (a name anywhere in the story).
 * The index of the last part used, or -1.
 */
function fits(
  parts: Part[],
  at: number,
  key: string,
  k: number,
  capitals: boolean,
  words: number,
  lastWord: number,
  memo: Int32Array = new Int32Array(parts.length * (key.length + 1) * 6).fill(-2)
): number {
  if (k === key.length) return words >= 2 ? at - 1 : -1
  if (at >= parts.length) return -1
  // Remembered by position, letters used, and whether two words gave letters yet: no input makes it blow up.
  const state = ((at * (key.length + 1) + k) * 3 + Math.min(words, 2)) * 2 + (lastWord === parts[at].word ? 1 : 0)
  if (memo[state] !== -2) return memo[state]
  let result = -1
  const part = parts[at]
  if (part.optional || !capitals || part.capital) {
    let length = 0
    const most = Math.min(part.letters.length, key.length - k)
    // Every prefix of the part that the key continues with, longest first.
    while (length < most && part.letters.charCodeAt(length) === key.charCodeAt(k + length)) length++
    for (; length >= 1 && result === -1; length--) {
      result = fits(parts, at + 1, key, k + length, capitals, words + (part.word === lastWord ? 0 : 1), part.word, memo)
    }
    if (result === -1 && part.optional) result = fits(parts, at + 1, key, k, capitals, words, lastWord, memo)
  }
  memo[state] = result
  return result
}

/** The words from `from` (index into `words`) as parts, or undefined if one cannot be part of a spelling. */
function partsOfWords(words: ReadonlyArray<string>): Part[] | undefined {
  const parts: Part[] = []
  for (let index = 0; index < words.length; index++) {
    const own = partsOf(words[index], index)
    if (!own) return index === 0 ? undefined : parts
    parts.push(...own)
  }
  return parts
}

/**
 * Whether the words from `childIndex` spell out `key` by their initials
 * ("Securities and Exchange Commission" → SEC, skipping `and`; "Jama'at
 * Nusrat al-Islam wal-Muslimin" → JNIM; "Africa Command" → AFRICOM), two
 * words at least; the child index of the last word, or undefined.
 */
export function spelledOut(sentence: Sentence, childIndex: number, key: string): number | undefined {
  if (key.length > maxInitials) return undefined
  // Kept on the sentence as parsed (src/nlcst/origin.ts): an unchanged paragraph re-checked asks again.
  const home = originOf(sentence) as Sentence & {[spelledKey]?: Map<string, number | undefined>}
  const memo = (home[spelledKey] ??= new Map())
  const asked = `${childIndex} ${key}`
  if (memo.has(asked)) return memo.get(asked)
  const end = spelledOutNow(sentence, childIndex, key)
  memo.set(asked, end)
  return end
}

const spelledKey = Symbol('copydesk.spelled-out')

function spelledOutNow(sentence: Sentence, childIndex: number, key: string): number | undefined {
  const run = wordRun(sentence, childIndex, 1, 12)
  if (run.length < 2) return undefined
  const parts = partsOfWords(run.map((item) => wordText(item.word)))
  if (!parts || parts.length === 0 || parts[0].optional || !parts[0].capital) return undefined
  const end = fits(parts, 0, key, 0, true, 0, -1)
  return end === -1 ? undefined : run[parts[end].word].index
}

/** Up to `limit` word nodes from `childIndex` on (or back), with only white space between. */
function wordRun(sentence: Sentence, childIndex: number, step: 1 | -1, limit: number): Array<{word: Word; index: number}> {
  const children = sentence.children
  const run: Array<{word: Word; index: number}> = []
  const start = children[childIndex]
  if (!start || start.type !== 'WordNode') return run
  run.push({word: start, index: childIndex})
  let at = childIndex
  while (run.length < limit) {
    const next = adjacentWord(sentence, at, step)
    if (!next) break
    run.push(next)
    at = next.index
  }
  return step === 1 ? run : run.reverse()
}

/**
 * Whether the acronym at `childIndex` is introduced right there by the words
 * before it, in any case: "liquefied natural gas, or LNG", "the Group of
 * Seven (G7)", "Jama'at Nusrat al-Islam wal-Muslimin, known as JNIM".
 */
export function introducedAt(sentence: Sentence, childIndex: number, key: string): boolean {
  if (key.length > maxInitials) return false
  const children = sentence.children
  // The tokens before the acronym, nearest first.
  const before: Array<{value: string; index: number}> = []
  for (let index = childIndex - 1; index >= 0 && before.length < 6; index--) {
    const child = children[index]
    if (child.type === 'WhiteSpaceNode') continue
    before.push({value: child.type === 'WordNode' ? wordText(child).toLowerCase() : valueOf(child), index})
  }
  const says = (phrase: string[]) => phrase.every((value, offset) => before[phrase.length - 1 - offset]?.value === value)
  if (namings.some((phrase) => says(phrase) && before.length > phrase.length)) return true
  for (const phrase of introductions) {
    if (!phrase.every((value, offset) => before[phrase.length - 1 - offset]?.value === value)) continue
    let at = phrase.length
    if (before[at]?.value === ',') at++
    const end = before[at]
    if (!end || children[end.index].type !== 'WordNode') continue
    const run = wordRun(sentence, end.index, -1, 12)
    for (let start = run.length - 2; start >= 0; start--) {
      const parts = partsOfWords(run.slice(start).map((item) => wordText(item.word)))
      if (!parts || parts.length === 0 || parts[0].optional) continue
      const last = fits(parts, 0, key, 0, false, 0, -1)
      if (last !== -1 && parts[last].word === run.length - 1 - start) return true
    }
  }
  return false
}

/**
 * Whether the acronym at `childIndex` is explained right after it: "LIFFE,
 * the London futures exchange,", "EBIDTA (earnings before interest …)",
 * "ELF (Elf Hydrocarbures Tchad)".
 */
export function glossedAt(sentence: Sentence, childIndex: number): boolean {
  const children = sentence.children
  const first = neighbor(children, childIndex, 1)
  if (!first) return false
  const mark = textOf(children[first.index])
  let at = first.index
  if (mark === ',') {
    const article = neighbor(children, at, 1)
    if (!article || !['the', 'a', 'an'].includes(textOf(children[article.index]))) return false
    at = article.index
  } else if (mark !== '(') {
    return false
  }
  const word = neighbor(children, at, 1)
  if (!word || children[word.index].type !== 'WordNode') return false
  return !isAllCaps(textOf(children[word.index]))
}
