/**
 * The *visible text* of a whole story: what a reader sees, as one string,
 * with a map from each of its characters back to the source. Built once per
 * story, never cut into sections, and independent of how parse-latin splits
 * words and sentences, so a scan over it (the must-never-publish markers of
 * src/house-style/kinds/existence-gate.ts) cannot be fooled by tokenising or
 * section cuts.
 *
 * - `text`: the story as it is.
 * - `markdown`, `html`: the text content, inline markup seen through
 *   (`<b>T</b>K` and `**T**K` read `TK`, a comment or `<wbr>` is nothing),
 *   each block (paragraph, heading, list item, table cell …) set apart by a
 *   blank line, a hard break (`<br>`, two spaces) by a line break, and
 *   content that is never checked (code, `<script>`, `copydesk-skip` …) by
 *   {@link hidden}, which is neither a letter nor white space. Entities and
 *   Markdown escapes map to their source characters.
 *
 * Invisible format characters (soft hyphen, zero-width space and joiners,
 * word joiner, invisible operators, byte order mark) are left out in every
 * format: `T\u00adK` reads `TK`, and a match over it spans the source
 * characters, the invisible one included.
 */
import type {Node, Parent} from 'unist'
import {align} from './source-map.js'

/** Stands for content that is not copy (code, scripts): not a letter, not white space. */
export const hidden = '\u0001'

/** Characters that render as nothing. */
export const invisible = /[\u00ad\u034f\u180e\u200b-\u200d\u2060-\u2064\ufeff]/g

/** A story's visible text and where each of its characters came from. */
export interface VisibleText {
  text: string
  /** Source offset of the first source character of `text[index]`. */
  start(index: number): number
  /** Source offset after the last source character of `text[index]`. */
  end(index: number): number
  /** The Markdown or HTML tree it was read from (for inline control comments), in the coordinates of `doc`. */
  tree?: Node
  /** Offset of `tree`'s document in the story (1 after a byte order mark, which no parser sees). */
  shift: number
}

/** The visible text of plain text `value`: itself, less invisible characters. */
export function visibleOfText(value: string): VisibleText {
  invisible.lastIndex = 0
  if (!invisible.test(value)) return {text: value, start: (index) => index, end: (index) => index + 1, shift: 0}
  const builder = new Builder()
  builder.add(value, 0)
  return builder.done(undefined, 0)
}

/**
 * The visible text of a Markdown or HTML story from its parsed `tree`:
 * `doc` is what the parser was given (the story less a leading byte order
 * mark, through `parseView`), `shift` where `doc` starts in the story (1
 * after a byte order mark). `check()` reads it from the tree its checks run
 * on (src/input/markup.ts `keepVisible`), so the story is parsed once.
 */
export function visibleOfTree(tree: Node, doc: string, format: 'markdown' | 'html', shift = 0): VisibleText {
  const builder = new Builder()
  if (format === 'markdown') readMarkdown(tree, doc, builder)
  else readHtml(tree, doc, builder)
  return builder.done(tree, shift)
}

/** Collects visible characters and their source spans. */
class Builder {
  private chunks: string[] = []
  // Per visible character, in typed arrays grown by doubling (arrays of numbers took 8 bytes a character and more, and their garbage).
  private starts = new Int32Array(1024)
  private ends = new Int32Array(1024)
  private length = 0

  /** Room for `more` characters. */
  private reserve(more: number): void {
    const needed = this.length + more
    if (needed <= this.starts.length) return
    let size = this.starts.length * 2
    while (size < needed) size *= 2
    const starts = new Int32Array(size)
    const ends = new Int32Array(size)
    starts.set(this.starts.subarray(0, this.length))
    ends.set(this.ends.subarray(0, this.length))
    this.starts = starts
    this.ends = ends
  }

  /** Text whose characters are its source characters, from `offset`. */
  add(text: string, offset: number): void {
    let from = 0
    for (let index = 0; index < text.length; index++) {
      if (!isInvisible(text.charCodeAt(index))) continue
      this.push(text.slice(from, index), offset + from)
      from = index + 1
    }
    this.push(text.slice(from), offset + from)
  }

  /** A decoded value whose source is `raw`, at `offset`. */
  addDecoded(value: string, raw: string, offset: number, language: 'html' | 'markdown'): void {
    if (raw === value) {
      this.add(value, offset)
      return
    }
    const tag = language === 'html' ? raw.search(/<[A-Za-z/!?]/) : -1
    if (tag !== -1 && value.startsWith(raw.slice(0, tag))) {
      // Not one run of source: text the parser moved out of a table (`<tr> TK </tr>`
      // is shown before the table) and joined to the text before it. Map the
      // part before the markup as it is, the rest to the source after the last tag.
      const after = raw.lastIndexOf('>') + 1
      this.add(value.slice(0, tag), offset)
      this.addDecoded(value.slice(tag), raw.slice(after), offset + after, language)
      return
    }
    const map = align(raw, value, language)
    this.reserve(value.length)
    let from = 0
    for (let index = 0; index < value.length; index++) {
      if (isInvisible(value.charCodeAt(index))) {
        if (index > from) this.chunks.push(value.slice(from, index))
        from = index + 1
        continue
      }
      this.starts[this.length] = offset + map.starts[index]
      this.ends[this.length++] = offset + Math.max(map.ends[index], map.starts[index] + 1)
    }
    if (value.length > from) this.chunks.push(value.slice(from))
  }

  /** A separator (`\n\n` between blocks, `\n` for a break, {@link hidden}) at source `offset`. */
  mark(separator: string, offset: number): void {
    this.chunks.push(separator)
    this.reserve(separator.length)
    for (let index = 0; index < separator.length; index++) {
      this.starts[this.length] = offset
      this.ends[this.length++] = offset
    }
  }

  private push(text: string, offset: number): void {
    if (text === '') return
    this.chunks.push(text)
    this.reserve(text.length)
    for (let index = 0; index < text.length; index++) {
      this.starts[this.length] = offset + index
      this.ends[this.length++] = offset + index + 1
    }
  }

  done(tree: Node | undefined, shift: number): VisibleText {
    // Copies of the used part: the spare room is let go.
    const starts = this.starts.slice(0, this.length)
    const ends = this.ends.slice(0, this.length)
    const text = this.chunks.join('')
    return {
      text,
      start: (index) => shift + (index < starts.length ? starts[index] : (ends[ends.length - 1] ?? 0)),
      end: (index) => shift + (index < ends.length ? ends[index] : (ends[ends.length - 1] ?? 0)),
      tree,
      shift
    }
  }
}

function isInvisible(code: number): boolean {
  return (
    code === 0xad || code === 0x34f || code === 0x180e || (code >= 0x200b && code <= 0x200d) || (code >= 0x2060 && code <= 0x2064) || code === 0xfeff
  )
}

interface Literal extends Node {
  value: string
}

function span(node: Node): [number, number] | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : [start, end]
}

// mdast nodes read inline: their text runs on with their neighbours'.
const mdPhrasing = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'text', 'html', 'break', 'inlineCode', 'image', 'imageReference', 'footnoteReference'])

/** Markdown: text, emphasis and links seen through; code never; blocks apart. */
function readMarkdown(tree: Node, doc: string, out: Builder): void {
  // Iterative: markup nested thousands deep must not overflow the stack.
  const stack: Array<Node | {close: number}> = [tree]
  while (stack.length > 0) {
    const item = stack.pop()!
    if ('close' in item) {
      out.mark('\n\n', item.close)
      continue
    }
    const node = item
    const place = span(node)
    const at = place?.[0] ?? 0
    switch (node.type) {
      case 'text':
        if (place) out.addDecoded((node as Literal).value, doc.slice(place[0], place[1]), place[0], 'markdown')
        continue
      case 'break':
        out.mark('\n', at)
        continue
      case 'inlineCode':
        out.mark(hidden, at)
        continue
      case 'html':
        // Inline tags and comments are seen through; a block of raw HTML is not copy.
        if (!isInline(node, doc)) out.mark('\n\n', at)
        continue
      case 'image':
      case 'imageReference': {
        // mdast-util-to-nlcst checks an image's alt text (from `![`): a block of its own.
        const alt = (node as Node & {alt?: string | null}).alt
        out.mark('\n\n', at)
        if (alt && place) {
          out.addDecoded(alt, doc.slice(place[0] + 2, place[1]), place[0] + 2, 'markdown')
        }
        out.mark('\n\n', place?.[1] ?? at)
        continue
      }
      default:
    }
    const children = (node as Partial<Parent>).children
    if (!children || node.type === 'code' || node.type === 'yaml' || node.type === 'math' || node.type === 'definition') {
      if (!mdPhrasing.has(node.type)) out.mark('\n\n', at)
      continue
    }
    if (!mdPhrasing.has(node.type)) {
      out.mark('\n\n', at)
      stack.push({close: place?.[1] ?? at})
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index])
  }

  function isInline(node: Node, source: string): boolean {
    const place = span(node)
    if (!place) return false
    // Block HTML starts a line (after indentation or container markers).
    let index = place[0] - 1
    while (index >= 0 && (source.charAt(index) === ' ' || source.charAt(index) === '\t' || source.charAt(index) === '>')) index--
    return !(index < 0 || source.charAt(index) === '\n' || source.charAt(index) === '\r')
  }
}

// HTML elements read inline (phrasing content a reader sees run on).
const htmlInline = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'blink', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'ins', 'label', 'mark', 'nobr',
  'q', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'u', 'wbr'
])
// Elements whose content is never checked (src/input/markup.ts, hast-util-to-nlcst).
const htmlHidden = new Set([
  'script', 'style', 'svg', 'math', 'del', 'code', 'kbd', 'samp', 'var', 'tt', 'pre', 'textarea', 'template', 'noscript', 'iframe', 'object',
  'select', 'rt', 'rp'
])

interface Element extends Parent {
  tagName: string
  properties?: Record<string, unknown>
}

/** HTML: text and inline elements seen through; hidden and skipped elements never; blocks apart. */
function readHtml(tree: Node, doc: string, out: Builder): void {
  const stack: Array<Node | {close: number}> = [tree]
  while (stack.length > 0) {
    const item = stack.pop()!
    if ('close' in item) {
      out.mark('\n\n', item.close)
      continue
    }
    const node = item
    const place = span(node)
    const at = place?.[0] ?? 0
    if (node.type === 'text') {
      if (place) out.addDecoded((node as Literal).value, doc.slice(place[0], place[1]), place[0], 'html')
      continue
    }
    if (node.type === 'comment' || node.type === 'doctype') continue
    const children = (node as Partial<Parent>).children ?? []
    if (node.type === 'element') {
      const {tagName, properties = {}} = node as Element
      if (tagName === 'br') {
        out.mark('\n', at)
        continue
      }
      if (htmlHidden.has(tagName) || skipped(properties)) {
        out.mark(hidden, at)
        continue
      }
      if (!htmlInline.has(tagName)) {
        out.mark('\n\n', at)
        stack.push({close: place?.[1] ?? at})
      }
    }
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index])
  }
}

/** `class="copydesk-skip"` or `data-copydesk="skip"`: credits, bylines, editor's notes. */
function skipped(properties: Record<string, unknown>): boolean {
  const className = properties.className
  const classes = Array.isArray(className) ? className : typeof className === 'string' ? className.split(/\s+/) : []
  return classes.includes('copydesk-skip') || properties.dataCopydesk === 'skip'
}
