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

/** Largest block handed to parse-english at once, in characters. */
export const blockSize = 32 * 1024

/** unified plugin: parse plain text into nlcst, like retext-english, in blocks. */
export const retextBlocks: Plugin<[], string, Root> = function () {
  const self = this as unknown as Processor<Root>
  self.parser = function (value: string): Root {
    return parseBlocks(String(value), () => {
      const parser = new ParseEnglish()
      add(parser.tokenizeParagraphPlugins, self.data('nlcstParagraphExtensions' as never))
      add(parser.tokenizeRootPlugins, self.data('nlcstRootExtensions' as never))
      add(parser.tokenizeSentencePlugins, self.data('nlcstSentenceExtensions' as never))
      return parser
    })
  }
}

/** Parse `value` in blocks, with every position in `value`'s coordinates. */
export function parseBlocks(value: string, make: () => ParseEnglish): Root {
  if (value.length <= blockSize) return make().parse(value)
  const children: RootContent[] = []
  for (const piece of piecesOf(value, blockSize)) {
    for (const child of make().parse(piece.text).children) {
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

/** A piece of a longer text and where it starts in it. */
export interface Piece {
  text: string
  /** Line and column (1-based) and offset (0-based) of the piece's first character. */
  start: Required<Point>
}

/** `value` cut into pieces of at most `size` characters (see {@link cuts}), with where each starts. */
export function* piecesOf(value: string, size: number): Generator<Piece> {
  let offset = 0
  let line = 1
  let column = 1
  for (const end of cuts(value, size)) {
    yield {text: value.slice(offset, end), start: {line, column, offset}}
    for (let index = offset; index < end; index++) {
      if (value.charCodeAt(index) === 10) {
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
    let end = value.lastIndexOf('\n\n', limit)
    if (end > start) end += 2
    else {
      end = value.lastIndexOf('\n', limit)
      if (end > start) end += 1
      else {
        end = Math.max(value.lastIndexOf(' ', limit), value.lastIndexOf('\t', limit))
        end = end > start ? end + 1 : limit
      }
    }
    // Do not cut a surrogate pair in two.
    const code = value.charCodeAt(end - 1)
    if (code >= 0xd800 && code <= 0xdbff) end++
    ends.push(end)
    start = end
  }
  return ends
}

function shiftNode(node: RootContent | Paragraph, start: Required<Point>): void {
  const stack: Array<{position?: {start: Point; end: Point}; children?: unknown[]}> = [node]
  // Points may be shared between a parent and its first or last child: shift each once.
  const seen = new WeakSet<Point>()
  while (stack.length > 0) {
    const current = stack.pop()!
    if (current.position) {
      for (const point of [current.position.start, current.position.end]) {
        if (seen.has(point)) continue
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
