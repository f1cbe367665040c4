/**
 * Where long HTML can be cut into sections that parse, each on its own,
 * into the same trees as the whole story does (src/check.ts checks HTML
 * longer than `htmlSectionSize` in sections, so no hast, nlcst or visible
 * text of the whole story lives at once).
 *
 * A cut is safe right after the end tag of a block element (not `<b>`,
 * `<span>` …: `<b>T</b>K` must stay one word) that closed an element and
 * left the parser with nothing pending: only plain containers open (`div`,
 * `section`, `article` …, never switched off by `copydesk-skip`), no
 * formatting element to reopen, no table, template or foreign content, in
 * the "in body" mode. Text after such a cut starts a block of its own in
 * both parses, so a must-never-publish marker can never straddle it (the
 * visible text has a blank line there: src/nlcst/visible-text.ts). The
 * containers still open are left out of the later section: they are not
 * copy, and their closing tags there are ignored by the parser.
 *
 * Found by running parse5's own tree builder over the story once, keeping
 * only the open elements (finished content is dropped at each safe point),
 * so the scan's memory does not grow with the story.
 */
import {Parser, InsertionMode, defaultTreeAdapter, type DefaultTreeAdapterMap} from 'parse5'

type Element = DefaultTreeAdapterMap['element']

// Inline elements (src/nlcst/visible-text.ts `htmlInline`) and `br`: no block boundary after them.
const inline = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'ins', 'label', 'mark', 'nobr', 'q', 's',
  'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'u', 'wbr', 'blink', 'br'
])

// Containers that may stay open across a cut (their start tags are not copy, and are left out of the later section).
const containers = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'center', 'hgroup'])

/**
 * Where to cut HTML `value` into pieces of about `size` characters (as
 * `cuts` in src/input/parse.ts: the end of each piece, the last being
 * `value.length`). With no safe place within `size`, a piece runs to the
 * next safe place, or to the end of the story.
 */
export function htmlCuts(value: string, size: number): number[] {
  const ends: number[] = []
  if (value.length <= size) return [value.length]
  const parser = Parser.getFragmentParser<DefaultTreeAdapterMap>(null, {sourceCodeLocationInfo: true, treeAdapter: defaultTreeAdapter})
  let start = 0
  let last = -1
  const onEndTag = parser.onEndTag.bind(parser)
  parser.onEndTag = (token) => {
    const before = parser.openElements.stackTop
    onEndTag(token)
    const end = token.location?.endOffset
    if (end === undefined || parser.openElements.stackTop >= before || inline.has(token.tagName) || !clean(parser)) return
    if (end - start > size && last > start) {
      ends.push(last)
      start = last
    }
    last = end
    // Drop what is finished: the open containers keep only one another.
    const items = parser.openElements.items as Element[]
    for (let index = 0; index <= parser.openElements.stackTop; index++) {
      const next = index < parser.openElements.stackTop ? items[index + 1]! : undefined
      items[index]!.childNodes = next ? [next] : []
    }
  }
  parser.tokenizer.write(value, true)
  if (value.length - start > size && last > start && last < value.length) ends.push(last)
  ends.push(value.length)
  return ends
}

function clean(parser: Parser<DefaultTreeAdapterMap>): boolean {
  if (parser.insertionMode !== InsertionMode.IN_BODY || parser.activeFormattingElements.newest !== null) return false
  // The fragment parser's own context counts as one template mode.
  if (parser.tmplInsertionModeStack.length > 1 || parser.pendingCharacterTokens.length > 0 || parser.skipNextNewLine) return false
  const items = parser.openElements.items as Element[]
  for (let index = 1; index <= parser.openElements.stackTop; index++) {
    const element = items[index]!
    if (!containers.has(element.tagName) || element.namespaceURI !== 'http://www.w3.org/1999/xhtml' || skipped(element)) return false
  }
  return true
}

/** `class="copydesk-skip"` or `data-copydesk="skip"` (src/input/markup.ts `markSkipped`). */
function skipped(element: Element): boolean {
  return element.attrs.some(
    (attribute) => (attribute.name === 'class' && attribute.value.split(/\s+/).includes('copydesk-skip')) || (attribute.name === 'data-copydesk' && attribute.value === 'skip')
  )
}

/**
 * Where the top-level blocks of HTML `value` end, scanning from `from` (the
 * story's start, or an end found before): right after the end tag of a block
 * element that left nothing open at all and the parser in the state a new
 * fragment parser starts in (as {@link htmlCuts}'s safe places, with no
 * container open and no form pending). What follows such a place parses,
 * alone, into the tree the whole story has there, whatever came before it,
 * so each block can be parsed once and kept (src/input/html-blocks.ts).
 * `stop(end)` is asked at each end found; `true` ends the scan there.
 */
export function htmlBlockEnds(value: string, from: number, stop?: (end: number) => boolean): number[] {
  const ends: number[] = []
  const parser = Parser.getFragmentParser<DefaultTreeAdapterMap>(null, {sourceCodeLocationInfo: true, treeAdapter: defaultTreeAdapter})
  const onEndTag = parser.onEndTag.bind(parser)
  const done = new Error('done')
  parser.onEndTag = (token) => {
    const before = parser.openElements.stackTop
    onEndTag(token)
    const end = token.location?.endOffset
    if (end === undefined || parser.openElements.stackTop >= before || parser.openElements.stackTop !== 0 || inline.has(token.tagName) || parser.formElement !== null || !clean(parser)) return
    ends.push(from + end)
    // Let go of what is finished.
    ;(parser.openElements.items[0] as Element).childNodes = []
    if (stop?.(from + end)) throw done
  }
  try {
    parser.tokenizer.write(from === 0 ? value : value.slice(from), true)
  } catch (error) {
    if (error !== done) throw error
  }
  return ends
}
