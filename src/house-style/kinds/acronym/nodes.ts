/**
 * Small helpers over a sentence's nodes for the `acronym` kind: the word
 * next to a node, a node's text, a run of words matched, a span.
 */
import type {Sentence, SentenceContent, Word} from 'nlcst'
import type {Position} from 'unist'
import {wordText} from '../../../nlcst/words.js'

/** The word node next to `childIndex` with only white space between, if any. */
export function adjacentWord(sentence: Sentence, childIndex: number, step: 1 | -1): {word: Word; index: number} | undefined {
  const children = sentence.children
  for (let index = childIndex + step; index >= 0 && index < children.length; index += step) {
    const child = children[index]
    if (child.type === 'WhiteSpaceNode') continue
    return child.type === 'WordNode' ? {word: child, index} : undefined
  }
  return undefined
}

/** A capital letter (ASCII fast path; other letters by their case). */
export function upper(code: number): boolean {
  if (code >= 65 && code <= 90) return true
  if (code < 128) return false
  const char = String.fromCharCode(code)
  return char !== char.toLowerCase()
}

/** Index of the last child of `words` matched from `childIndex` (words separated by white space), or undefined. */
export function matchWords(sentence: Sentence, childIndex: number, words: string[]): number | undefined {
  let child = childIndex
  for (let offset = 0; offset < words.length; offset++) {
    if (offset > 0) {
      child++
      while (sentence.children[child]?.type === 'WhiteSpaceNode') child++
    }
    const node = sentence.children[child]
    if (words[offset] === ',' && node && valueOf(node) === ',') continue
    if (!node || node.type !== 'WordNode') return undefined
    const text = wordText(node).toLowerCase().replace(/'s$/, '')
    if (text !== words[offset]) return undefined
  }
  return child
}

export function span(from: {position?: Position}, to: {position?: Position}): Position | undefined {
  return from.position && to.position ? {start: from.position.start, end: to.position.end} : undefined
}

export function neighbor(children: SentenceContent[], from: number, step: 1 | -1): {index: number} | undefined {
  for (let index = from + step; index >= 0 && index < children.length; index += step) {
    if (children[index].type === 'WhiteSpaceNode') continue
    return {index}
  }
  return undefined
}

/** Text of a word, or the value of a mark. */
export function textOf(node: SentenceContent): string {
  return node.type === 'WordNode' ? wordText(node) : valueOf(node)
}

export function valueOf(node: SentenceContent): string {
  return 'value' in node && typeof node.value === 'string' ? node.value : ''
}

export function nodeText(node: SentenceContent): string {
  return valueOf(node)
}
