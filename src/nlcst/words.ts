/**
 * Small helpers over nlcst word nodes shared by the checks.
 */
import type {Sentence, SentenceContent, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'

/** Text of a word with curly apostrophes made straight (`Mali’s` → `Mali's`). */
export function wordText(node: Word): string {
  return toString(node).replace(/’/g, "'")
}

/** `Bamako`: first letter upper case, at least one lower-case letter after it. */
export function isCapitalized(value: string): boolean {
  const first = value.charAt(0)
  return first !== first.toLowerCase() && value.slice(1) !== value.slice(1).toUpperCase()
}

/** `NATO`, `JNIM`, `U.S.`: two or more letters, none lower case. */
export function isAllCaps(value: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(value) && value === value.toUpperCase()
}

const opening = new Set(['"', '“', '‘', "'", '(', '[', '{', '«', '—', '–', '-', '*', '•'])

/**
 * Whether the word at `index` starts its sentence, or starts a quotation or a
 * clause after a colon (`He said: “Nothing …`): places where a capital
 * letter says nothing about whether the word is a name.
 */
export function isSentenceStart(sentence: Sentence, index: number): boolean {
  for (let before = index - 1; before >= 0; before--) {
    const child: SentenceContent = sentence.children[before]
    if (child.type === 'WhiteSpaceNode') continue
    if (child.type === 'WordNode') return false
    const value = toString(child)
    if (value === ':' || value === '“' || value === '"' || value === '‘') return true
    if (opening.has(value)) continue
    return false
  }
  return true
}

/** Index of the next word node after `index` in a sentence, skipping only white space. */
export function nextWord(sentence: Sentence, index: number): number | undefined {
  for (let after = index + 1; after < sentence.children.length; after++) {
    const child = sentence.children[after]
    if (child.type === 'WordNode') return after
    if (child.type !== 'WhiteSpaceNode') return undefined
  }
  return undefined
}

/** Index of the previous word node before `index` in a sentence, skipping only white space. */
export function previousWord(sentence: Sentence, index: number): number | undefined {
  for (let before = index - 1; before >= 0; before--) {
    const child = sentence.children[before]
    if (child.type === 'WordNode') return before
    if (child.type !== 'WhiteSpaceNode') return undefined
  }
  return undefined
}
