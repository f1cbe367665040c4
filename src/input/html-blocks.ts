/**
 * HTML parsed only where it changed: the incremental checkers' parse of an
 * HTML story (the copy-desk page sends every re-check as HTML), as
 * src/incremental.ts `ParseCache` does for plain text.
 *
 * A story is cut at the ends of its top-level blocks (src/input/html-cuts.ts
 * `htmlBlockEnds`: after a block's end tag that leaves nothing open and the
 * parser as a new one starts), each block parsed alone up to the checks
 * (src/input/markup.ts `htmlBlock`) and kept by its text, with the gate's
 * visible text. A story sent again is scanned for block ends only from the
 * last end before the first changed character to the first end past the
 * last changed one where the old story had an end too (the parser's state
 * there is a new parser's, and what follows is the same text); blocks kept
 * are copied into place. The tree and visible text equal a whole parse's
 * (test/incremental.test.ts compares them).
 *
 * Not used (the story is parsed whole, as before): a story with a comment
 * or a `copydesk-skip` switch anywhere, with nesting deeper than the
 * bridges take, starting with a byte order mark, longer than
 * `htmlPartSize` (converted in parts), of one block, or with text or an
 * inline element outside any block (`Mr. Diallo</p>` left by an edit): the
 * converter gathers such loose text into a paragraph whose extent depends
 * on what is around it, so a block alone would not parse as it does in the
 * story.
 */
import type {Root} from 'nlcst'
import type {Point} from 'unist'
import type {VisibleText} from '../nlcst/visible-text.js'
import {BoundedLru, placeCopy, type Placed} from '../incremental.js'
import type {HtmlBlock} from './markup.js'

/** A block that opens with a block element (or is only white space): no loose text before it. */
const blockStart = /^\s*(?:$|<(?:p|h[1-6]|ul|ol|li|dl|dt|dd|div|blockquote|table|pre|figure|figcaption|section|article|aside|header|footer|nav|main|address|details|summary|fieldset|form|hr|center)[\s/>])/i

/** What the Markdown and HTML module (loaded on first use) gives the cache: src/input/markup.ts `htmlBlock` and src/input/html-cuts.ts `htmlBlockEnds`. */
export interface HtmlBlockParser {
  htmlBlock(text: string): Promise<HtmlBlock | undefined>
  htmlBlockEnds(value: string, from: number, stop?: (end: number) => boolean): number[]
}

/** An HTML story's tree and visible text, from its blocks. */
export interface HtmlParse {
  tree: Root
  visible: VisibleText
}

interface Kept {
  block: HtmlBlock | undefined
  bytes: number
  /** Its last copy placed in a story (src/incremental.ts `placeCopy`). */
  placed?: Placed
}

/** The parse cache of HTML stories, shared by a process's incremental checkers (the parse has no settings). */
export class HtmlParseCache {
  private readonly blocks: BoundedLru<Kept>
  /** Blocks parsed and blocks taken from the cache; stories left to a whole parse; characters scanned for block ends. */
  readonly stats = {parsed: 0, reused: 0, whole: 0, scanned: 0}
  /** The last story: its text, the ends of its blocks, and what it parsed into (the floor, then the checker, ask for the same story). */
  private last?: {value: string; view: string; ends: number[]; parse: HtmlParse | undefined}
  constructor(readonly maxBytes: number) {
    this.blocks = new BoundedLru<Kept>(maxBytes)
  }

  /** `value` parsed as `markupProcessor` parses it, up to the checks, or `undefined` (parse it whole). */
  async parse(value: string, parser: HtmlBlockParser, limit: number): Promise<HtmlParse | undefined> {
    if (this.last?.value === value) return this.last.parse
    if (value.length > limit || value.charCodeAt(0) === 0xfeff) {
      this.stats.whole++
      return undefined
    }
    const view = /[\r\0]/.test(value) ? value.replace(/\r(?!\n)/g, '\n').replace(/\0/g, '\uFFFD') : value
    const ends = this.endsOf(view, parser)
    if (ends.at(-1) !== value.length) ends.push(value.length)
    this.last = {value, view, ends, parse: undefined}
    if (ends.length < 2) {
      this.stats.whole++
      return undefined
    }
    const parse = await this.assemble(value, ends, parser)
    if (!parse) this.stats.whole++
    if (this.last?.value === value) this.last.parse = parse
    return parse
  }

  /** The ends of `view`'s blocks, scanned only where it differs from the last story's. */
  private endsOf(view: string, {htmlBlockEnds}: HtmlBlockParser): number[] {
    const last = this.last
    if (!last || last.view.length === 0) {
      this.stats.scanned += view.length
      return htmlBlockEnds(view, 0)
    }
    const old = last.view
    let prefix = 0
    const most = Math.min(old.length, view.length)
    while (prefix < most && old.charCodeAt(prefix) === view.charCodeAt(prefix)) prefix++
    let suffix = 0
    while (suffix < most - prefix && old.charCodeAt(old.length - 1 - suffix) === view.charCodeAt(view.length - 1 - suffix)) suffix++
    const delta = view.length - old.length
    // Ends before the first change stand (the parser's state at a place depends only on what comes before it).
    const kept = last.ends.filter((end) => end < prefix && end < old.length)
    const from = kept.at(-1) ?? 0
    const oldEnds = new Set(last.ends.filter((end) => end < old.length))
    let joined = -1
    let scannedTo = from
    const found = htmlBlockEnds(view, from, (end) => {
      this.stats.scanned += end - scannedTo
      scannedTo = end
      if (end >= view.length - suffix && oldEnds.has(end - delta)) {
        joined = end
        return true
      }
      return false
    })
    if (joined < 0) {
      this.stats.scanned += view.length - scannedTo
      return [...kept, ...found]
    }
    // From there on, the old story's ends, moved.
    const after = last.ends.filter((end) => end > joined - delta && end < old.length).map((end) => end + delta)
    return [...kept, ...found, ...after]
  }

  private async assemble(value: string, ends: number[], parser: HtmlBlockParser): Promise<HtmlParse | undefined> {
    const children: Root['children'] = []
    const parts: Array<{kept: Kept; offset: number}> = []
    const start = {line: 1, column: 1, offset: 0}
    let end: Point = {...start}
    let from = 0
    for (const to of ends) {
      const text = value.slice(from, to)
      if (!blockStart.test(text)) return undefined
      let kept = this.blocks.get(text)
      if (kept) this.stats.reused++
      else {
        this.stats.parsed++
        const block = await parser.htmlBlock(text)
        kept = {block, bytes: 2 * text.length + (block ? 600 * text.length : 0)}
        this.blocks.set(text, kept)
      }
      const block = kept.block
      if (!block) return undefined
      end = placeCopy(kept, block.tree, start, children)
      parts.push({kept, offset: from})
      start.line = end.line
      start.column = end.column
      start.offset = to
      from = to
    }
    const tree: Root = {type: 'RootNode', children, position: {start: {line: 1, column: 1, offset: 0}, end: {...end}}}
    return {tree, visible: visibleOf(parts)}
  }
}

/** The blocks' visible texts as one, each character's source moved to where its block is. */
function visibleOf(parts: Array<{kept: Kept; offset: number}>): VisibleText {
  let length = 0
  for (const {kept} of parts) length += kept.block!.text.length
  const starts = new Int32Array(length)
  const ends = new Int32Array(length)
  const texts: string[] = []
  let at = 0
  for (const {kept, offset} of parts) {
    const block = kept.block!
    texts.push(block.text)
    for (let index = 0; index < block.text.length; index++) {
      starts[at] = block.starts[index]! + offset
      ends[at++] = block.ends[index]! + offset
    }
  }
  const last = length > 0 ? ends[length - 1]! : 0
  return {text: texts.join(''), start: (index) => (index < length ? starts[index]! : last), end: (index) => (index < length ? ends[index]! : last), shift: 0}
}

/** The HTML parse cache of this process's incremental checkers. */
export const htmlParseCache = new HtmlParseCache(24 * 1024 * 1024)
