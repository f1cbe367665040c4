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
 * Whether a word holds the period that ends its sentence: parse-latin keeps
 * a figure's period inside the word and does not split the sentence after
 * it (`The vote was 12 to 3. There homes were lost.` is one sentence), so
 * the word after such a figure and white space starts a sentence.
 */
export function endsWithStop(value: string): boolean {
  const last = value.length - 1
  if (last < 1 || value.charCodeAt(last) !== 46) return false
  for (let index = 0; index < last; index++) {
    const code = value.charCodeAt(index)
    if ((code < 48 || code > 57) && !(code === 44 && index > 0)) return false
  }
  return true
}

/** {@link endsWithStop} on a word node, looking first at its last leaf (most words end in a letter). */
export function stopWord(word: Word): boolean {
  const leaves = word.children
  const last = leaves[leaves.length - 1] as {value?: string} | undefined
  if (!last || typeof last.value !== 'string' || !last.value.endsWith('.')) return false
  return endsWithStop(toString(word))
}

/**
 * Whether the word at `index` starts its sentence, or starts a quotation or a
 * clause after a colon (`He said: “Nothing …`): places where a capital
 * letter says nothing about whether the word is a name. A figure that holds
 * its sentence's period (`… 12 to 3. There …`, see {@link endsWithStop})
 * ends the sentence before.
 */
export function isSentenceStart(sentence: Sentence, index: number): boolean {
  let space = false
  for (let before = index - 1; before >= 0; before--) {
    const child: SentenceContent = sentence.children[before]
    if (child.type === 'WhiteSpaceNode') {
      space = true
      continue
    }
    if (child.type === 'WordNode') return space && stopWord(child)
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
