/**
 * Rich text in and out of the page, with no DOM (testable in Node): HTML
 * from a clipboard or a file made safe and small, Markdown and plain text
 * turned into the same HTML.
 *
 * What survives: paragraphs, headings, bold, italic, links (http, https,
 * mailto), line breaks, lists and block quotes, and copydesk's control
 * comments (`<!-- copydesk ignore -->`). What does not: scripts,
 * styles, event attributes, images and every other attribute. Sanitizing is
 * hast-util-sanitize's (the unified ecosystem's, as rehype-sanitize), with a
 * schema narrower than GitHub's default; before it, the habits of Google
 * Docs (bold and italic as `<span style>`, the whole paste in a
 * `<b style="font-weight:normal">`) and Word (`<o:p>`, `<div>` paragraphs)
 * are turned into plain tags.
 */
import {fromHtml} from 'hast-util-from-html'
import {sanitize, type Schema} from 'hast-util-sanitize'
import {toHtml} from 'hast-util-to-html'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {toHast} from 'mdast-util-to-hast'
import type {Element, ElementContent, Nodes, Root, RootContent} from 'hast'

/** The tags a story keeps. */
export const storyTags = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'a', 'br', 'ul', 'ol', 'li', 'blockquote']

/** What pasted or opened HTML may keep: the story's tags, `href` on links, nothing else. */
export const storySchema: Schema = {
  tagNames: storyTags,
  attributes: {a: ['href']},
  protocols: {href: ['http', 'https', 'mailto']},
  // Dropped with their content (the rest of an unknown element's content is kept).
  strip: ['script', 'style', 'template', 'noscript', 'title', 'head', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'textarea', 'button'],
  ancestors: {li: ['ol', 'ul']},
  required: {},
  clobber: [],
  clobberPrefix: '',
  // Only copydesk's control comments reach here (the rest are dropped before sanitizing).
  allowComments: true
}

const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'div', 'table', 'tr', 'section', 'article', 'header', 'footer', 'pre'])

/** Sanitize HTML (a clipboard's `text/html`, an `.html` file) to the story's tags; returns HTML. */
export function sanitizeHtml(html: string): string {
  const tree = fromHtml(html, {fragment: true})
  const clean = sanitize(normalize(tree) as Root, storySchema) as Root
  return toHtml(tidy(clean))
}

/** Whether a comment's text is one of copydesk's control comments (`copydesk ignore`, `copydesk disable …`). */
export function isControl(comment: string): boolean {
  return /^\s*copydesk\b/.test(comment)
}

/** Markdown (an `.md` file) as the story's HTML; its copydesk control comments are kept. */
export function markdownToHtml(markdown: string): string {
  const tree = toHast(fromMarkdown(markdown), {
    handlers: {
      html(_state, node: {value: string}) {
        const match = /^<!--([\s\S]*?)-->$/.exec(node.value.trim())
        return match && isControl(match[1]) ? {type: 'comment', value: match[1]} : undefined
      }
    }
  }) as Nodes
  return toHtml(tidy(sanitize(tree, storySchema) as Root))
}

/** Plain text as the story's HTML: a paragraph per blank-line-separated block, `<br>` for a single line break. */
export function textToHtml(text: string): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .filter((block) => block.trim() !== '')
  return blocks.map((block) => `<p>${escapeHtml(block.replace(/^\n+|\n+$/g, '')).replace(/\n/g, '<br>')}</p>`).join('\n')
}

/** Escape text for HTML content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (character) => (character === '&' ? '&amp;' : character === '<' ? '&lt;' : '&gt;'))
}

/** Escape text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;')
}

/** Google Docs' and Word's styling turned into tags, before sanitizing throws styles away. */
function normalize(tree: Root): Root {
  const visit = (nodes: ElementContent[] | RootContent[]): ElementContent[] => {
    const out: ElementContent[] = []
    for (const node of nodes) {
      // copydesk's own control comments (`<!-- copydesk ignore -->`) are kept: they still steer the checks.
      if (node.type === 'comment' && isControl(node.value)) {
        out.push(node)
        continue
      }
      if (node.type === 'comment' || node.type === 'doctype') continue
      if (node.type !== 'element') {
        out.push(node as ElementContent)
        continue
      }
      node.children = visit(node.children)
      const style = String(node.properties?.style ?? '').toLowerCase()
      const tag = node.tagName
      // Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold.
      if ((tag === 'b' || tag === 'strong') && /font-weight:\s*(normal|[1-5]00)\b/.test(style)) {
        out.push(...node.children)
        continue
      }
      if (tag === 'div') {
        // A div of text is a paragraph; a div of blocks only holds them.
        const holdsBlocks = node.children.some((child) => child.type === 'element' && blockTags.has(child.tagName))
        if (holdsBlocks) out.push(...node.children)
        else out.push({...node, tagName: 'p'})
        continue
      }
      let result: Element = node
      if (tag === 'span' || tag === 'font') {
        if (/font-style:\s*italic/.test(style)) result = wrap('em', result)
        if (/font-weight:\s*(bold|[6-9]00)\b/.test(style)) result = wrap('strong', result)
      }
      out.push(result)
    }
    return out
  }
  tree.children = visit(tree.children) as RootContent[]
  return tree
}

function wrap(tagName: string, node: Element): Element {
  return {type: 'element', tagName, properties: {}, children: [node]}
}

function isBlock(node: RootContent): boolean {
  return node.type === 'element' && blockTags.has(node.tagName)
}

/** Drop whitespace-only text between blocks at the top, so the story's HTML is one block a line. */
function tidy(tree: Root): Root {
  const children: RootContent[] = []
  for (const node of tree.children) {
    if (node.type === 'text' && node.value.trim() === '') continue
    const previous = children[children.length - 1]
    if (previous && (isBlock(previous) || isBlock(node))) children.push({type: 'text', value: '\n'})
    children.push(node)
  }
  tree.children = children
  return tree
}
