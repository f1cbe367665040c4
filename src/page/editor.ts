/**
 * The story editor: a `contenteditable` holding the formatted story
 * (paragraphs, headings, bold, italic, links), its HTML for the server with
 * a map from HTML offsets to the text in the page, and the highlights drawn
 * with the CSS Custom Highlight API (live `Range`s: the DOM is never
 * touched to highlight, and a range follows the editor's typing).
 *
 * The story is checked as HTML (`format: 'html'`): `serialize` writes the
 * editor's DOM as the story's HTML and remembers where each text node's
 * characters are in it, so a finding's offsets map back to exact words.
 */
import {escapeAttribute, escapeHtml, isControl} from './rich.js'
import type {Finding, Severity} from './types.js'

/** A text node's place in the serialized HTML. */
interface Segment {
  node: Text
  start: number
  /** The node's text as escaped in the HTML, when escaping changed its length. */
  escaped: string | null
  length: number
}

/** The story's HTML and the map back to the page's text. */
export interface Serialized {
  html: string
  segments: Segment[]
  byNode: Map<Text, Segment>
}

const blockNames = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote'])
const inlineNames: Record<string, string> = {strong: 'strong', b: 'strong', em: 'em', i: 'em', a: 'a'}

/** The story's HTML from the editor's DOM: only the story's tags (anything else is unwrapped; a `div` is a paragraph). */
export function serialize(root: HTMLElement): Serialized {
  const parts: string[] = []
  const segments: Segment[] = []
  const byNode = new Map<Text, Segment>()
  let length = 0
  const emit = (text: string) => {
    parts.push(text)
    length += text.length
  }
  const walk = (node: Node, top: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text
      // Line breaks between blocks are the serializer's own, not the story's.
      if (top && text.data.trim() === '') return
      const escaped = escapeHtml(text.data)
      const segment: Segment = {node: text, start: length, escaped: escaped.length === text.data.length ? null : escaped, length: escaped.length}
      segments.push(segment)
      byNode.set(text, segment)
      emit(escaped)
      return
    }
    if (node.nodeType === Node.COMMENT_NODE) {
      // copydesk's control comments steer the checks (`<!-- copydesk ignore -->`); others are not the story's.
      const data = (node as Comment).data
      if (isControl(data) && !data.includes('--')) {
        if (top && length > 0) emit('\n')
        emit(`<!--${data}-->`)
      }
      return
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return
    const element = node as HTMLElement
    const name = element.localName
    if (name === 'br') {
      emit('<br>')
      return
    }
    const tag = blockNames.has(name) ? name : name === 'div' ? 'p' : inlineNames[name]
    if (!tag) {
      for (const child of element.childNodes) walk(child, top)
      return
    }
    const block = blockNames.has(tag)
    if (block && top && length > 0) emit('\n')
    const href = tag === 'a' ? element.getAttribute('href') : null
    emit(href ? `<a href="${escapeAttribute(href)}">` : `<${tag}>`)
    for (const child of element.childNodes) walk(child, false)
    emit(`</${tag}>`)
  }
  for (const child of root.childNodes) walk(child, true)
  return {html: parts.join(''), segments, byNode}
}

/** The DOM point of an HTML offset; `end` prefers the node before a tag, start the node after. */
export function locate(serialized: Serialized, offset: number, end: boolean): {node: Text; index: number} | null {
  const {segments} = serialized
  let low = 0
  let high = segments.length - 1
  let found = -1
  // The last segment starting at or before the offset (for an end: before it).
  while (low <= high) {
    const middle = (low + high) >> 1
    const start = segments[middle].start
    if (end ? start < offset : start <= offset) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  const segment = segments[found]
  if (!segment || offset > segment.start + segment.length) return null
  const relative = offset - segment.start
  if (segment.escaped === null) return {node: segment.node, index: relative}
  // Walk the escaped text: `&amp;` is five characters of HTML and one of text.
  let html = 0
  let index = 0
  while (html < relative && index < segment.node.data.length) {
    html += escapeHtml(segment.node.data[index]).length
    index++
  }
  return html === relative ? {node: segment.node, index} : null
}

/** The HTML offset of a DOM point in a text node of the story, or -1. */
export function offsetOf(serialized: Serialized, node: Node, index: number): number {
  const segment = node.nodeType === Node.TEXT_NODE ? serialized.byNode.get(node as Text) : undefined
  if (!segment) return -1
  if (segment.escaped === null) return segment.start + index
  return segment.start + escapeHtml(segment.node.data.slice(0, index)).length
}

/** A live range over HTML offsets `[start, end)`, or null when they do not fall on text. */
export function rangeFor(serialized: Serialized, start: number, end: number): Range | null {
  const from = locate(serialized, start, false)
  const to = locate(serialized, end, true)
  if (!from || !to) return null
  const range = document.createRange()
  try {
    range.setStart(from.node, from.index)
    range.setEnd(to.node, to.index)
  } catch {
    return null
  }
  return range.collapsed && end > start ? null : range
}

/** The story's top-level block holding `node` (its 1-based number, or 0). */
export function paragraphOf(root: HTMLElement, node: Node): {number: number; block: Node | null} {
  let child: Node | null = node
  while (child && child.parentNode !== root) child = child.parentNode
  if (!child) return {number: 0, block: null}
  let number = 0
  for (const item of root.childNodes) {
    if (item.nodeType === Node.ELEMENT_NODE || (item.nodeType === Node.TEXT_NODE && (item as Text).data.trim() !== '')) number++
    if (item === child) break
  }
  return {number, block: child}
}

/** A few words of plain text before and after a range, within its block ("…" where cut). */
export function contextOf(root: HTMLElement, range: Range, width = 28): {paragraph: number; before: string; after: string} {
  const {number, block} = paragraphOf(root, range.startContainer)
  if (!block) return {paragraph: 0, before: '', after: ''}
  const head = document.createRange()
  head.selectNodeContents(block)
  head.setEnd(range.startContainer, range.startOffset)
  const tail = document.createRange()
  tail.selectNodeContents(block)
  tail.setStart(range.endContainer, range.endOffset)
  const before = head.toString().replace(/\s+/g, ' ')
  const after = tail.toString().replace(/\s+/g, ' ')
  return {paragraph: number, before: clip(before, width, true), after: clip(after, width, false)}
}

/** `text` cut to about `width` characters at a word, with "…" where it was cut. */
function clip(text: string, width: number, fromEnd: boolean): string {
  if (text.length <= width) return text
  if (fromEnd) {
    const cut = text.slice(text.length - width)
    const space = cut.indexOf(' ')
    return '…' + (space >= 0 && space < width / 2 ? cut.slice(space + 1) : cut)
  }
  const cut = text.slice(0, width)
  const space = cut.lastIndexOf(' ')
  return (space > width / 2 ? cut.slice(0, space) : cut) + '…'
}

/** The story as plain text: blocks separated by a blank line, `<br>` a line break. */
export function plainText(root: HTMLElement): string {
  const blocks: string[] = []
  let current = ''
  const flush = () => {
    if (current.trim() !== '') blocks.push(current.replace(/^\n+|\n+$/g, ''))
    current = ''
  }
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      current += (node as Text).data
      return
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return
    const name = (node as Element).localName
    if (name === 'br') {
      current += '\n'
      return
    }
    const block = blockNames.has(name) || name === 'div'
    if (block) flush()
    if (name === 'li') current += '- '
    for (const child of node.childNodes) walk(child)
    if (block) flush()
  }
  for (const child of root.childNodes) walk(child)
  flush()
  return blocks.join('\n\n')
}

/** Whether a finding's range still covers its words (an edit inside it makes it stale until the next answer). */
export function isLive(finding: Finding): boolean {
  if (!finding.range) return false
  if (finding.actual === null) return !finding.range.collapsed
  return finding.range.toString() === finding.actual
}

const highlightNames: Record<Severity, string> = {error: 'cd-error', warning: 'cd-warning', suggestion: 'cd-suggestion'}

/** Draw the highlights of `findings` (body findings with live ranges), and the selected one. */
export function drawHighlights(findings: ReadonlyArray<Finding>, selected: number | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return
  const groups: Record<Severity, Range[]> = {error: [], warning: [], suggestion: []}
  let current: Range | null = null
  for (const finding of findings) {
    if (!finding.range || !isLive(finding)) continue
    groups[finding.severity].push(finding.range)
    if (finding.id === selected) current = finding.range
  }
  for (const severity of Object.keys(groups) as Severity[]) CSS.highlights.set(highlightNames[severity], new Highlight(...groups[severity]))
  if (current) CSS.highlights.set('cd-selected', new Highlight(current))
  else CSS.highlights.delete('cd-selected')
}

/** The live body finding under a DOM point, preferring the selected one. */
export function findingAt(findings: ReadonlyArray<Finding>, node: Node, index: number, selected: number | null): Finding | undefined {
  let hit: Finding | undefined
  for (const finding of findings) {
    if (!finding.range || !isLive(finding)) continue
    try {
      if (finding.range.comparePoint(node, index) !== 0) continue
    } catch {
      continue
    }
    if (finding.id === selected) return finding
    hit ??= finding
  }
  return hit
}

/** Put the editor's selection on a range and scroll it into view. */
export function selectRange(editor: HTMLElement, range: Range): void {
  editor.focus({preventScroll: true})
  const selection = window.getSelection()
  if (!selection) return
  selection.removeAllRanges()
  selection.addRange(range.cloneRange())
  const rect = range.getBoundingClientRect()
  const box = editor.getBoundingClientRect()
  if (rect.top < box.top || rect.bottom > box.bottom) editor.scrollTop += rect.top - box.top - editor.clientHeight / 3
}

/** Replace a range's words with `value` as typing would (the browser's undo takes it back; formatting kept). */
export function replaceRange(editor: HTMLElement, range: Range, value: string): void {
  selectRange(editor, range)
  if (value === '') document.execCommand('delete')
  else document.execCommand('insertText', false, value)
}

/** Put sanitized HTML at the caret (a paste), as the browser's own editing does, so Ctrl+Z takes it back. */
export function insertHtml(html: string): void {
  // No line breaks between blocks: the browser would make them an empty paragraph.
  document.execCommand('insertHTML', false, html.replace(/>\n+</g, '><'))
}

/** Replace the whole story with sanitized HTML (an opened file, a restore, undo). */
export function setStory(editor: HTMLElement, html: string): void {
  editor.innerHTML = html.trim() === '' ? '<p><br></p>' : html
}

/** Whether the editor holds no text. */
export function isEmpty(editor: HTMLElement): boolean {
  return (editor.textContent ?? '').trim() === ''
}
