/**
 * Keep nlcst positions in the original HTML or Markdown.
 *
 * hast-util-to-nlcst and mdast-util-to-nlcst tokenize each text node's
 * *decoded* value and give its tokens offsets counted from the node's start
 * (`patch()` in both: `from + toString(node).length`). That is exact only
 * while the source and the decoded value have the same length. In
 * `<p>Mali&#8217;s importats</p>` every token after the entity lands 6
 * characters early; in a Markdown block quote every line after the first
 * lands before its `> `; a CR in CRLF HTML shifts the rest of the node.
 *
 * So before converting, we note each text node's source span and value
 * (`recordText`), and after converting, before any check runs, we move each
 * nlcst leaf to the source characters its value came from (`realign`).
 */
import type {Node, Parent, Position} from 'unist'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'

/** One text node of the source tree: its source span and decoded value. */
interface TextSpan {
  /** Offset of the node's first source character. */
  start: number
  /** Offset after its last source character. */
  end: number
  /** The decoded value the converter tokenized. */
  value: string
  /** Per value character: source offset where it starts and ends (relative to `start`); absent when source === value. */
  starts?: Int32Array
  ends?: Int32Array
}

/**
 * Longest text node handed to the bridges. They spread each node's tokens
 * into their parent's (`results.push(...result)`), which overflows the stack
 * past ~100,000 tokens: a megabyte of prose with no paragraph break crashed.
 * Longer text nodes are cut at white space into siblings.
 */
export const maxTextLength = 16 * 1024

interface TextNode extends Node {
  type: 'text'
  value: string
}

/** `node` cut at white space into text nodes of at most {@link maxTextLength}, each with its source span. */
function splitText(node: TextNode, doc: string, language: SourceLanguage): Node[] {
  const {value, position} = node
  const start = position?.start.offset
  const end = position?.end.offset
  if (value.length <= maxTextLength || start === undefined || end === undefined) return [node]
  const raw = doc.slice(start, end)
  const map = raw === value ? undefined : align(raw, value, language)
  const pieces: Node[] = []
  let from = 0
  while (from < value.length) {
    let to = Math.min(from + maxTextLength, value.length)
    if (to < value.length) {
      const space = Math.max(value.lastIndexOf(' ', to), value.lastIndexOf('\n', to), value.lastIndexOf('\t', to))
      if (space > from) to = space + 1
      const code = value.charCodeAt(to - 1)
      if (code >= 0xd800 && code <= 0xdbff) to++
    }
    const sourceFrom = map ? (from < value.length ? map.starts[from] : raw.length) : from
    const sourceTo = map ? (to < value.length ? map.starts[to] : raw.length) : to
    pieces.push({
      type: 'text',
      value: value.slice(from, to),
      position: {
        start: {line: 1, column: 1, offset: start + sourceFrom},
        end: {line: 1, column: 1, offset: start + sourceTo}
      }
    } as TextNode)
    from = to
  }
  return pieces
}

/** Which escapes the source language has. */
export type SourceLanguage = 'html' | 'markdown'

// Kept on the file under a symbol, not in a WeakMap keyed by file: V8's
// young-generation collections keep a WeakMap entry's key and value alive
// (only a full collection clears them), so each story's record would be
// copied into the old generation (a loop of 20,000 such entries takes 8×
// as long, nearly all of it in the young collections).
const spansKey = Symbol('copydesk.text-spans')

type Recorded = VFile & {[spansKey]?: TextSpan[]}

/**
 * Note the text nodes of a hast or mdast tree (and Markdown image alts, which
 * mdast-util-to-nlcst tokenizes from `start + 2`).
 */
export function recordText(tree: Node, file: VFile, language: SourceLanguage): void {
  const doc = parseView(String(file), language)
  const place = location(doc)
  const list: TextSpan[] = []
  walk(tree)
  list.sort((a, b) => a.start - b.start)
  ;(file as Recorded)[spansKey] = list

  function walk(node: Node): void {
    // The bridges turn a node's line and column back into an offset: derive
    // them from the offset (parse5 counts a line twice after `&` and a
    // newline, and ends a comment cut off by the end of the text past it).
    if (node.position && node.position.start.offset !== undefined && node.position.end.offset !== undefined) {
      const moved = toPosition(place, doc, node.position.start.offset, node.position.end.offset)
      if (moved) node.position = moved
    }
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start !== undefined && end !== undefined) {
      if (node.type === 'text') add(start, end, (node as Node & {value: string}).value)
      else if (language === 'markdown' && (node.type === 'image' || node.type === 'imageReference')) {
        const alt = (node as Node & {alt?: string | null}).alt
        if (alt) add(start + 2, end, alt)
      }
    }
    const children = (node as Parent).children
    if (children) {
      if (children.some((child) => child.type === 'text' && (child as Node & {value: string}).value.length > maxTextLength)) {
        ;(node as Parent).children = children.flatMap((child) => (child.type === 'text' ? splitText(child as TextNode, doc, language) : [child]))
      }
      for (const child of (node as Parent).children) walk(child)
    }
  }

  function add(start: number, end: number, value: string): void {
    const raw = doc.slice(start, end)
    const span: TextSpan = {start, end, value}
    if (raw !== value) Object.assign(span, align(raw, value, language))
    list.push(span)
  }
}

/**
 * Move every leaf of `tree` to the source characters its value came from,
 * then give each parent the span of its children. Run on the nlcst tree of a
 * file passed to `recordText` first; a file without a record is left alone.
 *
 * Every leaf's line and column are then derived from its offsets in the
 * file, never taken from the parser: parse5 counts a line twice after `&`
 * and a newline, and the parsers disagree with vfile-location on a lone CR.
 * Offsets are kept inside the text and off the middle of a surrogate pair.
 */
export function realign(tree: Root, file: VFile): void {
  // Kept, not deleted: HTML is realigned part by part (src/input/markup.ts `htmlParts`).
  const list = (file as Recorded)[spansKey]
  if (!list) return
  const doc = String(file)
  const place = location(doc)
  visit(tree as unknown as Node)

  function visit(node: Node): void {
    const children = (node as Parent).children
    if (children) {
      for (const child of children) visit(child)
      if (node.type === 'RootNode') return
      const first = children.find((child) => child.position)
      let last: Node | undefined
      for (let index = children.length - 1; index >= 0 && !last; index--) {
        if (children[index].position) last = children[index]
      }
      if (first?.position && last?.position) {
        node.position = {start: first.position.start, end: last.position.end}
      }
      return
    }
    const position = node.position
    const from = position?.start.offset
    const to = position?.end.offset
    if (from === undefined || to === undefined) return
    let start = from
    let end = to
    const span = spanAt(list as TextSpan[], from)
    if (span && span.starts && span.ends) {
      const index = from - span.start
      const last = Math.min(Math.max(to - span.start - 1, index), span.value.length - 1)
      start = span.start + span.starts[index]
      end = to > from ? span.start + span.ends[last] : start
    }
    const moved = toPosition(place, doc, start, end)
    if (moved) node.position = moved
  }
}

/**
 * The place of `start`..`end` in `doc`, moved inside the text and off the
 * middle of a surrogate pair, with line and column from the offsets.
 */
export function placeIn(doc: string, start: number, end: number, place = location(doc)): Position | undefined {
  return toPosition(place, doc, start, end)
}

/** The text span whose converted offsets `[start, start + value.length)` hold `offset`. */
function spanAt(list: TextSpan[], offset: number): TextSpan | undefined {
  let low = 0
  let high = list.length - 1
  let found: TextSpan | undefined
  while (low <= high) {
    const middle = (low + high) >> 1
    if (list[middle].start <= offset) {
      found = list[middle]
      low = middle + 1
    } else {
      high = middle - 1
    }
  }
  return found && offset < found.start + found.value.length ? found : undefined
}

function toPosition(place: ReturnType<typeof location>, doc: string, start: number, end: number): Position | undefined {
  start = Math.min(Math.max(start, 0), doc.length)
  end = Math.min(Math.max(end, start), doc.length)
  if (splits(doc, start)) start--
  if (splits(doc, end)) end++
  const from = place.toPoint(start)
  const to = place.toPoint(end)
  return from && to ? {start: from, end: to} : undefined
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
function splits(doc: string, offset: number): boolean {
  const code = doc.charCodeAt(offset)
  const before = doc.charCodeAt(offset - 1)
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff
}

/**
 * What the Markdown and HTML parsers are given instead of `value`: the same
 * length, with a lone CR as LF and NUL as U+FFFD. The parsers treat them so
 * anyway (HTML drops NUL in text), but then their values no longer match the
 * source character for character; given them up front, every offset still
 * points at the same source character. In Markdown, container markers past
 * {@link maxContainers} on one line become no-break spaces (see `capContainers`).
 */
export function parseView(value: string, language: SourceLanguage): string {
  let view = /[\r\0]/.test(value) ? value.replace(/\r(?!\n)/g, '\n').replace(/\0/g, '\uFFFD') : value
  if (language === 'markdown') view = capContainers(view)
  return view
}

/**
 * Most block quote and list markers one Markdown line may open. micromark's
 * cost per line grows with the containers it is in (`'>'.repeat(64000)`
 * took 43 s, `'- '.repeat(4000)` 7 s); no story quotes a quote 32 deep.
 */
export const maxContainers = 32

const containerStart = /[>*+\-\d]/

/**
 * Cap the container markers at the start of each line: the ones past
 * {@link maxContainers} become U+00A0 (white space to the checks, text to
 * micromark, one character like the marker), so the words after them are
 * still checked at their places and the parser never nests deeper.
 */
function capContainers(value: string): string {
  let out: string[] | undefined
  let last = 0
  let index = 0
  while (index < value.length) {
    // One line: read its container prefix.
    let depth = 0
    let i = index
    const marks: number[] = []
    for (;;) {
      while (value.charCodeAt(i) === 32 || value.charCodeAt(i) === 9) i++
      const character = value.charAt(i)
      if (!containerStart.test(character)) break
      if (character === '>') {
        marks.push(i, i + 1)
        i++
      } else {
        let end = i
        if (character >= '0' && character <= '9') {
          while (end - i < 9 && value.charAt(end) >= '0' && value.charAt(end) <= '9') end++
          if (value.charAt(end) !== '.' && value.charAt(end) !== ')') break
        }
        end++
        const after = value.charCodeAt(end)
        if (!(after === 32 || after === 9 || after === 10 || after === 13 || Number.isNaN(after))) break
        marks.push(i, end)
        i = end
      }
      depth++
    }
    if (depth > maxContainers) {
      out ??= []
      for (let m = maxContainers * 2; m < marks.length; m += 2) {
        out.push(value.slice(last, marks[m]), '\u00a0'.repeat(marks[m + 1] - marks[m]))
        last = marks[m + 1]
      }
    }
    const next = value.indexOf('\n', i)
    index = next === -1 ? value.length : next + 1
  }
  if (!out) return value
  out.push(value.slice(last))
  return out.join('')
}

// `&amp;`, `&#8217;`, `&#x2019;`, `&nbsp` (HTML allows some without `;`).
const reference = /&(?:#[xX][\da-fA-F]+|#\d+|[A-Za-z][A-Za-z\d]*);?/y
const ampersand = /^&(?:amp|AMP|#0*38|#[xX]0*26);?$/
const combining = /\p{M}/u
const asciiPunctuation = /[!-/:-@[-`{-~]/

/**
 * Map each character of `value` (decoded) to the source characters of `raw`
 * it came from: equal characters map one to one; a character reference maps
 * to the whole reference; a Markdown backslash escape to both characters;
 * anything else in the source (a CR before LF, a block quote's `> `, list
 * indent, a hard break's spaces) is markup and is stepped over.
 */
export function align(raw: string, value: string, language: SourceLanguage): {starts: Int32Array; ends: Int32Array} {
  const starts = new Int32Array(value.length)
  const ends = new Int32Array(value.length)
  let i = 0
  let j = 0
  while (j < value.length) {
    if (i >= raw.length) {
      // The value has characters the source does not (should not happen): pin them to the end.
      starts[j] = ends[j] = raw.length
      j++
      continue
    }
    const character = raw.charAt(i)
    const wanted = value.charAt(j)
    if (character === '&') {
      reference.lastIndex = i
      const match = reference.exec(raw)
      // A literal `&` stays `&` in the value; `&amp;` is a reference to one.
      if (match && (wanted !== '&' || ampersand.test(match[0]))) {
        let width = (value.codePointAt(j) ?? 0) > 0xffff ? 2 : 1
        // `&NotEqualTilde;` is a letter and a combining mark: both come from the reference.
        while (j + width < value.length && combining.test(value.charAt(j + width)) && raw.charAt(i + match[0].length) !== value.charAt(j + width)) width++
        for (let k = 0; k < width; k++) {
          starts[j + k] = i
          ends[j + k] = i + match[0].length
        }
        i += match[0].length
        j += width
        continue
      }
    }
    if (language === 'markdown' && character === '\\' && raw.charAt(i + 1) === wanted && asciiPunctuation.test(wanted)) {
      starts[j] = i
      ends[j] = i + 2
      i += 2
      j++
      continue
    }
    if (character === wanted) {
      starts[j] = i
      ends[j] = i + 1
      i++
      j++
      continue
    }
    i++
  }
  return {starts, ends}
}
