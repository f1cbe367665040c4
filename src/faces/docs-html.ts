/**
 * The shipped docs (`docs/*.md`, `docs/checks/<ruleId>.md`) as HTML pages a
 * copy editor can read: Markdown through the unified ecosystem
 * (remark-parse, remark-gfm, remark-rehype, rehype-sanitize,
 * rehype-stringify), in a plain page with one style sheet and no script.
 *
 * Safe by construction: raw HTML in the Markdown is dropped (remark-rehype's
 * default), except the `<details>`/`<summary>` pair the generated entries use,
 * which is rebuilt as elements; everything then passes rehype-sanitize's
 * GitHub schema (no `javascript:` links, no event attributes). Heading ids
 * are added after sanitizing, from the heading text.
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkRehype from 'remark-rehype'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import type {Root as MdastRoot, RootContent, Parent as MdastParent, Link, Image, Html} from 'mdast'
import type {Root as HastRoot, Element, ElementContent} from 'hast'
import {visit, SKIP} from 'unist-util-visit'

/** Where a page sits under `/docs/` (`checks/titles.md`, `configuration.md`), for its relative links. */
export interface RenderOptions {
  /** The page's path under the docs folder, with `.md`. */
  page: string
  /** The style sheet's URL (default `/docs/docs.css`). */
  styleSheet?: string
}

/** A page rendered: its title and the whole HTML document. */
export interface RenderedDoc {
  title: string
  html: string
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify)

/** Render one docs page's Markdown as a whole HTML document. */
export function renderDoc(markdown: string, options: RenderOptions): RenderedDoc {
  const mdast = processor.parse(markdown) as MdastRoot
  rebuildDetails(mdast)
  rewriteLinks(mdast, options.page)
  const title = titleOf(mdast) ?? options.page.replace(/\.md$/, '')
  const hast = processor.runSync(mdast) as HastRoot
  addHeadingIds(hast)
  addEntryIds(hast)
  dropEmptyHeads(hast)
  const body = processor.stringify(hast)
  const styleSheet = options.styleSheet ?? '/docs/docs.css'
  const html =
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escape(title)} · copydesk</title>\n<link rel="stylesheet" href="${escape(styleSheet)}">\n</head>\n` +
    `<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`
  return {title, html}
}

/**
 * Relative links: another docs page (`../configuration.md#inline-control`)
 * becomes its HTML address (`../configuration#inline-control`); a file
 * outside the docs (`../../src/checks/spelling.ts`), which the server does
 * not answer, keeps its text without a link. Relative images are left out
 * (their alt text stays).
 */
function rewriteLinks(tree: MdastRoot, page: string): void {
  const depth = page.split('/').length - 1
  visit(tree, (node, index, parent) => {
    if (node.type !== 'link' && node.type !== 'image') return
    const target = (node as Link | Image).url
    if (/^[a-z][a-z\d+.-]*:/i.test(target) || target.startsWith('#') || target.startsWith('//')) return
    const [path = '', hash] = target.split('#', 2)
    const inside = resolves(path, depth)
    if (node.type === 'link' && inside && path.endsWith('.md')) {
      node.url = path.replace(/\.md$/, '') + (hash === undefined ? '' : `#${hash}`)
      return
    }
    if (!parent || index === undefined) return
    const replacement: RootContent[] = node.type === 'link' ? (node as Link).children : [{type: 'text', value: (node as Image).alt ?? ''}]
    ;(parent as MdastParent).children.splice(index, 1, ...(replacement as MdastParent['children']))
    return [SKIP, index]
  })
}

/** Whether a relative `path` from a page `depth` folders down stays inside the docs folder. */
function resolves(path: string, depth: number): boolean {
  let level = depth
  for (const part of path.split('/')) {
    if (part === '..') level--
    else if (part !== '.' && part !== '') level++
    if (level < 0) return false
  }
  return true
}

/**
 * `<details><summary>…</summary>` … `</details>` written as raw HTML around
 * Markdown (the generated entries' examples): rebuilt as `details` and
 * `summary` elements around the Markdown between them. Other raw HTML is
 * dropped when the tree becomes HTML.
 */
function rebuildDetails(tree: MdastRoot): void {
  visit(tree, (node) => {
    if (!('children' in node)) return
    const parent = node as MdastParent
    const children = parent.children as RootContent[]
    for (let index = 0; index < children.length; index++) {
      const open = children[index]
      const match = open?.type === 'html' ? /^<details>\s*<summary>([\s\S]*?)<\/summary>\s*$/.exec((open as Html).value.trim()) : null
      if (!match) continue
      const end = children.findIndex((child, at) => at > index && child.type === 'html' && (child as Html).value.trim() === '</details>')
      if (end === -1) continue
      const summary = match[1]!.replace(/<[^>]*>/g, '').trim()
      const inner = children.slice(index + 1, end)
      const details = {
        type: 'paragraph',
        data: {hName: 'details'},
        children: [{type: 'paragraph', data: {hName: 'summary'}, children: [{type: 'text', value: summary}]}, ...inner]
      } as unknown as RootContent
      children.splice(index, end - index + 1, details)
    }
  })
}

function titleOf(tree: MdastRoot): string | undefined {
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1)
  return heading ? textOf(heading) : undefined
}

function textOf(node: unknown): string {
  const value = node as {value?: string; children?: unknown[]}
  if (typeof value.value === 'string') return value.value
  return (value.children ?? []).map(textOf).join('')
}

/** GitHub-style ids on headings (`## Inline control` → `inline-control`), so `page#anchor` links work. */
function addHeadingIds(tree: HastRoot): void {
  const seen = new Map<string, number>()
  visit(tree, 'element', (node: Element) => {
    if (!/^h[1-6]$/.test(node.tagName)) return
    const base = textOf(node as unknown as {children: ElementContent[]})
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .trim()
      .replace(/\s/g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    node.properties = {...node.properties, id: count === 0 ? base : `${base}-${count}`}
  })
}

/**
 * Rows of a rules file's entries table (under the heading "Entries") get
 * `entry-<id>` ids from their first cell, so a finding's
 * `…/checks/titles#entry-pope` opens at its entry and its stylebook link.
 */
function addEntryIds(tree: HastRoot): void {
  let inEntries = false
  for (const node of tree.children) {
    if (node.type !== 'element') continue
    if (/^h[1-6]$/.test(node.tagName)) inEntries = textOf(node) === 'Entries'
    if (!inEntries || node.tagName !== 'table') continue
    visit(node, 'element', (row: Element) => {
      if (row.tagName !== 'tr') return
      const cell = row.children.find((child): child is Element => child.type === 'element' && child.tagName === 'td')
      const id = cell ? textOf(cell).trim() : ''
      if (/^[a-z0-9][\w-]*$/i.test(id)) row.properties = {...row.properties, id: `entry-${id}`}
    })
  }
}

/** A table head with no text (the facts table's `| | |`) is left out: it would show as an empty bar. */
function dropEmptyHeads(tree: HastRoot): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'thead' || !parent || index === undefined || textOf(node).trim() !== '') return
    parent.children.splice(index, 1)
    return [SKIP, index]
  })
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[character]!)
}

/** The docs' one style sheet: plain, readable, light and dark. */
export const docsStyleSheet = `:root { color-scheme: light dark; --text: #1b1b1b; --muted: #555; --line: #d0d0d0; --code: #f3f3f3; --link: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --text: #e8e8e8; --muted: #aaa; --line: #444; --code: #2a2a2a; --link: #8ab4f8; } }
body { margin: 0; font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; color: var(--text); }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.25; margin: 1.8em 0 0.5em; }
h1 { font-size: 1.8rem; margin-top: 0.5em; }
h2 { font-size: 1.35rem; border-bottom: 1px solid var(--line); padding-bottom: 0.2em; }
h3 { font-size: 1.1rem; }
a { color: var(--link); }
code, pre { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--code); border-radius: 3px; }
code { padding: 0.1em 0.3em; }
pre { padding: 0.8em; overflow-x: auto; }
pre code { padding: 0; background: none; }
table { border-collapse: collapse; margin: 1em 0; display: block; overflow-x: auto; font-size: 0.95em; }
th, td { border: 1px solid var(--line); padding: 0.35em 0.6em; text-align: left; vertical-align: top; }
th { font-family: system-ui, sans-serif; }
tr:target { outline: 2px solid var(--link); background: var(--code); }
details { margin: 1em 0; }
summary { cursor: pointer; font-family: system-ui, sans-serif; color: var(--muted); }
blockquote { margin: 1em 0; padding: 0 1em; border-left: 3px solid var(--line); color: var(--muted); }
`
