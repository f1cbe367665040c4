/**
 * One walk per story: the paragraphs and sentences of a tree, found once and
 * kept on the tree, so each check iterates a list instead of walking the
 * whole tree with `unist-util-visit` (which visits every word and letter
 * node, builds a list of parents for each and renames a function per node:
 * most of the time of a check that only wants sentences).
 *
 * The checks only read the tree, so what is kept stays true for it.
 */
import type {Paragraph, Root, Sentence, Word} from 'nlcst'
import type {Node} from 'unist'
import {toString} from 'nlcst-to-string'

/** What a tree holds, in document order. */
export interface TreeIndex {
  /** Paragraph nodes (none nested in another). */
  paragraphs: Paragraph[]
  /** Sentence nodes, wherever they are (inside paragraphs or not). */
  sentences: Sentence[]
}

// Kept on the node under a symbol, as src/nlcst/quotes.ts and
// src/house-style/sequence.ts do: a WeakMap costs more in garbage
// collection than the work it saves.
const indexKey = Symbol('copydesk.tree-index')

/** The paragraphs and sentences of `tree` (found on first use, then kept on it). */
export function indexOf(tree: Root | Node): TreeIndex {
  const cached = tree as Node & {[indexKey]?: TreeIndex}
  let index = cached[indexKey]
  if (!index) {
    index = {paragraphs: [], sentences: []}
    collect(tree, index, false)
    cached[indexKey] = index
  }
  return index
}

/** Every sentence of `tree`, in order (`tree` itself when it is one). */
export function sentencesOf(tree: Root | Node): Sentence[] {
  if (tree.type === 'SentenceNode') return [tree as Sentence]
  return indexOf(tree).sentences
}

/** Every paragraph of `tree` not inside another, in order. */
export function paragraphsOf(tree: Root | Node): Paragraph[] {
  return indexOf(tree).paragraphs
}

function collect(node: Node, index: TreeIndex, inParagraph: boolean): void {
  if (node.type === 'SentenceNode') {
    index.sentences.push(node as Sentence)
    return
  }
  // A paragraph inside another counts for its sentences only.
  const paragraph = node.type === 'ParagraphNode' && !inParagraph
  if (paragraph) index.paragraphs.push(node as Paragraph)
  const children = (node as {children?: Node[]}).children
  if (!children) return
  for (const child of children) {
    // Leaves and words hold no sentences.
    if (child.type === 'WordNode' || child.type === 'WhiteSpaceNode' || child.type === 'TextNode') continue
    collect(child, index, inParagraph || paragraph)
  }
}

/**
 * The text of a word, as `nlcst-to-string` gives it (curly apostrophes kept):
 * most words are one text node, so the generic walk is skipped.
 */
export function wordString(word: Word): string {
  const children = word.children
  if (children.length === 1) {
    const only = children[0] as {value?: unknown}
    if (typeof only.value === 'string') return only.value
  }
  return toString(word)
}
