/**
 * Where quoted speech is. AP does not alter quotations, so house-style checks
 * skip (or only suggest on) words inside quotation marks, and fixes never
 * touch them.
 */
import type {Node} from 'unist'
import type {Paragraph, Root, Sentence} from 'nlcst'
import {paragraphsOf} from './tree.js'

/** Offsets `[start, end)` of quoted spans, sorted. */
export type QuoteRanges = ReadonlyArray<readonly [number, number]>

const doubleOpen = new Set(['“', '„', '«'])
const doubleClose = new Set(['”', '»'])
const singleOpen = new Set(['‘', "'"])
const singleClose = new Set(['’', "'"])

/**
 * Find quoted spans in a tree.
 *
 * - Straight (`"`) and curly (`“ ”`) double quotes.
 * - A paragraph that opens a quote and does not close it ends the span at the
 *   paragraph's end: AP continues a quote into the next paragraph with a new
 *   opening mark, which opens it again.
 * - Single quotes count only when a matching closing mark follows in the same
 *   paragraph, so apostrophes and elided years (`'90s`) are not quotes.
 */
export function findQuotes(tree: Root | Node): QuoteRanges {
  const ranges: Array<[number, number]> = []
  for (const paragraph of paragraphsOf(tree)) collect(paragraph, ranges)
  ranges.sort((a, b) => a[0] - b[0])
  return ranges
}

const quotesKey = Symbol('copydesk.quotes')

/** `findQuotes(tree)`, worked out once per tree and kept on it (the checks only read the tree). */
export function quotesOf(tree: Root | Node): QuoteRanges {
  const cached = tree as Node & {[quotesKey]?: QuoteRanges}
  return (cached[quotesKey] ||= findQuotes(tree))
}

/** Whether a node lies inside one of the quoted spans. */
export function isQuoted(ranges: QuoteRanges, node: Node): boolean {
  const start = node.position?.start.offset
  if (start === undefined) return false
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [from, to] = ranges[middle]
    if (start < from) high = middle - 1
    else if (start >= to) low = middle + 1
    else return true
  }
  return false
}

interface Mark {
  value: string
  start: number
  end: number
  /** Word character right before (no space): a closing mark. */
  afterWord: boolean
  /** Word character right after (no space): an opening mark. */
  beforeWord: boolean
}

function collect(paragraph: Paragraph, ranges: Array<[number, number]>): void {
  const marks: Mark[] = []
  for (const sentence of paragraph.children) {
    if (sentence.type !== 'SentenceNode') continue
    collectMarks(sentence, marks)
  }
  const paragraphEnd = paragraph.position?.end.offset
  if (paragraphEnd === undefined) return

  let doubleStart: number | undefined
  let singleStart: number | undefined
  for (let index = 0; index < marks.length; index++) {
    const mark = marks[index]
    const {value} = mark
    if (value === '"' || doubleOpen.has(value) || doubleClose.has(value)) {
      const opens =
        doubleStart === undefined &&
        (doubleOpen.has(value) || (value === '"' && !(mark.afterWord && !mark.beforeWord)))
      if (opens) {
        doubleStart = mark.start
      } else if (doubleStart !== undefined && !doubleOpen.has(value)) {
        ranges.push([doubleStart, mark.end])
        doubleStart = undefined
        singleStart = undefined
      }
    } else if (singleOpen.has(value) || singleClose.has(value)) {
      if (singleStart === undefined && singleOpen.has(value) && mark.beforeWord && !mark.afterWord) {
        // Only a quote when a closing single mark follows in this paragraph.
        if (hasSingleCloser(marks, index + 1)) singleStart = mark.start
      } else if (singleStart !== undefined && singleClose.has(value) && mark.afterWord) {
        // Nested inside a double quote, the outer span already covers it.
        if (doubleStart === undefined) ranges.push([singleStart, mark.end])
        singleStart = undefined
      }
    }
  }
  // "… no closing mark at the end of a paragraph: the quote goes on, and the
  // next paragraph opens it again."
  if (doubleStart !== undefined) ranges.push([doubleStart, paragraphEnd])
}

function hasSingleCloser(marks: Mark[], from: number): boolean {
  for (let index = from; index < marks.length; index++) {
    if (singleClose.has(marks[index].value) && marks[index].afterWord) return true
  }
  return false
}

function collectMarks(sentence: Sentence, marks: Mark[]): void {
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (child.type !== 'PunctuationNode' && child.type !== 'SymbolNode') continue
    const value = child.value
    if (!isQuoteMark(value)) continue
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start === undefined || end === undefined) continue
    const previous = children[index - 1]
    const next = children[index + 1]
    marks.push({
      value,
      start,
      end,
      afterWord: previous !== undefined && previous.type !== 'WhiteSpaceNode',
      beforeWord: next !== undefined && next.type !== 'WhiteSpaceNode'
    })
  }
}

function isQuoteMark(value: string): boolean {
  return (
    value === '"' ||
    doubleOpen.has(value) ||
    doubleClose.has(value) ||
    singleOpen.has(value) ||
    singleClose.has(value)
  )
}
