/**
 * The plain-text parser: retext-english's parser (parse-english), fed one
 * block of paragraphs at a time. parse-english slows down more than linearly
 * on very long input (a 1 MB story took seconds), so a story is cut at blank
 * lines into blocks of bounded size, each parsed on its own, and the blocks'
 * positions shifted back into the whole story. Short stories are one block.
 */
import {ParseEnglish} from 'parse-english'
import type {Paragraph, Root, RootContent} from 'nlcst'
import type {Point} from 'unist'
import type {Plugin, Processor} from 'unified'
import {fastParagraphPlugins} from '../nlcst/break-sentences.js'

/** Largest block handed to parse-english at once, in characters. */
export const blockSize = 32 * 1024

/** unified plugin: parse plain text into nlcst, like retext-english, in blocks. */
export const retextBlocks: Plugin<[], string, Root> = function () {
  const self = this as unknown as Processor<Root>
  self.parser = function (value: string): Root {
    return parseBlocks(String(value), () => {
      const parser = new ParseEnglish()
      fastParagraphPlugins(parser.tokenizeParagraphPlugins)
      add(parser.tokenizeParagraphPlugins, self.data('nlcstParagraphExtensions' as never))
      add(parser.tokenizeRootPlugins, self.data('nlcstRootExtensions' as never))
      add(parser.tokenizeSentencePlugins, self.data('nlcstSentenceExtensions' as never))
      return parser
    })
  }
}

/** Parse `value` in blocks, with every position in `value`'s coordinates. */
export function parseBlocks(value: string, make: () => ParseEnglish): Root {
  if (value.length <= blockSize) return parseText(make(), value)
  const children: RootContent[] = []
  for (const piece of piecesOf(value, blockSize)) {
    for (const child of parseText(make(), piece.text).children) {
      shiftNode(child, piece.start)
      children.push(child)
    }
  }
  return {
    type: 'RootNode',
    children,
    position: {
      start: {line: 1, column: 1, offset: 0},
      end: children.length > 0 ? children[children.length - 1].position!.end : {line: 1, column: 1, offset: 0}
    }
  }
}

/**
 * `parser.parse(value)`, in time linear in runs of line breaks. parse-latin
 * tells paragraphs apart with `/^[ \t]*((\r?\n|\r)[\t ]*)+$/` on each run of
 * white space; a CRLF matches it two ways, so a run of CRLFs that ends in
 * other white space (a form feed) backtracks 2^n times: 30 blank CRLF lines
 * before `\f` never finished. The parser sees each CRLF as space + LF (the
 * same length and the same lines), and white space nodes get their own text
 * back afterwards.
 */
export function parseText(parser: ParseEnglish, value: string): Root {
  if (!value.includes('\r\n')) return parser.parse(value)
  const tree = parser.parse(value.replace(/\r\n/g, ' \n'))
  restoreWhiteSpace(tree, value)
  return tree
}

function restoreWhiteSpace(node: {type: string; value?: string; children?: unknown[]; position?: {start: Point; end: Point}}, value: string): void {
  if (node.type === 'WhiteSpaceNode' && node.value?.includes(' \n')) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) node.value = value.slice(start, end)
    return
  }
  if (node.children) for (const child of node.children) restoreWhiteSpace(child as typeof node, value)
}

/** A piece of a longer text and where it starts in it. */
export interface Piece {
  text: string
  /** Line and column (1-based) and offset (0-based) of the piece's first character. */
  start: Required<Point>
}

/**
 * `value` cut into pieces of at most `size` characters (see {@link cuts}, or
 * `cut`), with where each starts. Lines end at LF, CR or CRLF, as in
 * vfile-location.
 */
export function* piecesOf(value: string, size: number, cut: typeof cuts = cuts): Generator<Piece> {
  let offset = 0
  let line = 1
  let column = 1
  for (const end of cut(value, size)) {
    yield {text: value.slice(offset, end), start: {line, column, offset}}
    for (let index = offset; index < end; index++) {
      const code = value.charCodeAt(index)
      if (code === 10 || (code === 13 && value.charCodeAt(index + 1) !== 10)) {
        line++
        column = 1
      } else column++
    }
    offset = end
  }
}

/** Move a point found in a piece to where it is in the whole text. */
export function shiftPoint(point: Point, start: Required<Point>): void {
  if (point.line === 1) point.column += start.column - 1
  point.line += start.line - 1
  if (point.offset !== undefined) point.offset += start.offset
}

/**
 * Where to cut `value` into pieces of at most `size` characters: after a blank
 * line if there is one, else after a line, else after white space.
 */
export function cuts(value: string, size: number): number[] {
  const ends: number[] = []
  let start = 0
  while (start < value.length) {
    if (value.length - start <= size) {
      ends.push(value.length)
      break
    }
    const limit = start + size
    // A blank line ends in LF LF, CR CR or LF CR LF (CRLF CRLF).
    let end = Math.max(value.lastIndexOf('\n\n', limit) + 2, value.lastIndexOf('\r\r', limit) + 2, value.lastIndexOf('\n\r\n', limit) + 3)
    if (end > start + 3) {
      // Cut after the line end.
    } else {
      end = Math.max(value.lastIndexOf('\n', limit), value.lastIndexOf('\r', limit))
      if (end > start) end += 1
      else {
        end = Math.max(value.lastIndexOf(' ', limit), value.lastIndexOf('\t', limit))
        end = end > start ? end + 1 : limit
      }
    }
    ends.push(safeEnd(value, end))
    start = ends[ends.length - 1]
  }
  return ends
}

/** Do not cut a surrogate pair or a CRLF in two. */
function safeEnd(value: string, end: number): number {
  const code = value.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) return end + 1
  if (code === 13 && value.charCodeAt(end) === 10) return end + 1
  return end
}

const fence = /^[ \t>]*(`{3,}|~{3,})/
const blankLine = /[ \t]*(?:\r\n|\n|\r|$)/y

function isBlank(value: string, index: number): boolean {
  blankLine.lastIndex = index
  return blankLine.test(value)
}

/**
 * Where to cut Markdown `value` into pieces of about `size` characters: at
 * the last blank line outside fenced code before `size` (a blank line ends
 * every paragraph and block quote; a list item after it starts a list of its
 * own, which reads the same). With no such line within `size`, it is cut
 * between lines, else at white space (the bridges cannot take a paragraph
 * of ~100,000 tokens).
 */
export function markdownCuts(value: string, size: number): number[] {
  const ends: number[] = []
  let start = 0
  let candidate = -1
  let open: string | undefined
  let index = 0
  // Next LF and CR at or after `index`, looked up again only once passed (linear in CR-only text).
  let lf = value.indexOf('\n')
  let cr = value.indexOf('\r')
  while (index < value.length) {
    if (lf !== -1 && lf < index) lf = value.indexOf('\n', index)
    if (cr !== -1 && cr < index) cr = value.indexOf('\r', index)
    let next = lf
    if (cr !== -1 && (next === -1 || cr < next)) next = value.charCodeAt(cr + 1) === 10 ? cr + 1 : cr
    const end = next === -1 ? value.length : next + 1
    const line = value.slice(index, Math.min(end, index + 256)).replace(/\r?\n$|\r$/, '')
    const marker = fence.exec(line)?.[1]
    if (open) {
      // "```" closes "```", "````" closes "```"; "~~~" does not.
      if (marker && marker[0] === open[0] && marker.length >= open.length) open = undefined
    } else if (marker) {
      open = marker
    } else if (end < value.length && isBlank(value, index)) {
      candidate = end
    }
    if (end - start >= size && candidate > start) {
      ends.push(candidate)
      start = candidate
    }
    // A paragraph longer than a section (one line of a megabyte): cut it
    // between lines, else at white space, as text is. It reads as two
    // paragraphs; the bridges could not take it whole.
    while (!open && end - start >= size) {
      let cut = index > start ? index : Math.max(value.lastIndexOf(' ', start + size), value.lastIndexOf('\t', start + size)) + 1
      if (cut <= start) cut = start + size
      cut = safeEnd(value, cut)
      ends.push(cut)
      start = cut
    }
    index = end
  }
  ends.push(value.length)
  return ends
}

/** Move `node` and its descendants from a piece starting at `start` to the whole text; points in `skip` are left alone. */
export function shiftNode(node: RootContent | Paragraph, start: Required<Point>, skip?: ReadonlySet<Point>): void {
  const stack: Array<{position?: {start: Point; end: Point}; children?: unknown[]}> = [node]
  // Points may be shared between a parent and its first or last child: shift each once.
  const seen = new WeakSet<Point>()
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.position) {
      for (const point of [current.position.start, current.position.end]) {
        if (seen.has(point) || skip?.has(point)) continue
        seen.add(point)
        shiftPoint(point, start)
      }
    }
    if (current.children) stack.push(...(current.children as typeof stack))
  }
}


function add(list: unknown[], values: unknown): void {
  if (Array.isArray(values)) list.unshift(...values)
}
