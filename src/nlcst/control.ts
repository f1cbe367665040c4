/**
 * Inline control in HTML and Markdown stories:
 *
 *     <!-- copydesk ignore spelling -->          the next element (paragraph, caption …)
 *     <!-- copydesk disable titles -->           from here …
 *     <!-- copydesk enable titles -->            … to here
 *     <!-- copydesk disable -->                  every check, until `enable`
 *
 * Built on unified-message-control, which runs on the hast or mdast tree
 * *after* the checks: it keeps the comments' places and drops the messages
 * that fall where a check is off. A comment with an unknown verb or check
 * name is reported (`control-comment`) instead of silently doing nothing.
 */
import type {Node, Parent, Point} from 'unist'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {messageControl, type Marker} from 'unified-message-control'
import {visit} from 'unist-util-visit'
import {docsPageUrl, report} from '../message.js'

/** Options for `control`. */
export interface ControlOptions {
  /** The tree's language: HTML comments are `comment` nodes, Markdown ones `html` nodes. */
  language: 'html' | 'markdown'
  /** Check names a comment may name (code checks and rules files). */
  known: ReadonlyArray<string>
  /**
   * Whether the comments are obeyed (default `true`). With `false` (the
   * floor) each `disable` or `ignore` comment is only reported, as a
   * `story-control` info message whose reason is the comment.
   */
  obey?: boolean
}

const verbs = new Set(['enable', 'disable', 'ignore'])
const htmlComment = /^<!--([\s\S]*?)-->$/
const body = /^\s*copydesk(?:\s+([\s\S]*?))?\s*$/

/**
 * What a story checked in sections (src/check.ts) hands from one section to
 * the next: the `disable`/`enable` comments met so far (`copydeskMarkers`,
 * after a section), which the next one starts with (`copydeskCarry`), so a
 * `<!-- copydesk disable -->` holds past a section's end as it does in a
 * story checked whole.
 */
export interface ControlData {
  copydeskCarry?: string[]
  copydeskMarkers?: string[]
}

/** Most `disable`/`enable` comments carried from one section to the next (the latest). */
const maxCarried = 256

/** Filter messages by `<!-- copydesk … -->` comments. Runs after the checks. */
export const control: Plugin<[ControlOptions], Node> = function (options) {
  const known = new Set(options.known)
  return function (tree, file) {
    const data = file.data as ControlData
    const carry = data.copydeskCarry
    if (carry && carry.length > 0 && options.obey !== false && (tree as Parent).children) {
      // At the section's first point, in order: the last one on a check wins, as it would have.
      const at = tree.position?.start ?? {line: 1, column: 1, offset: 0}
      const comments = carry.map((attributes) => commentNode(' copydesk ' + attributes + ' ', options.language, at))
      ;(tree as Parent).children.unshift(...(comments as Parent['children']))
    }
    const markers = new Map<Node, Marker>()
    visit(tree, (node) => {
      const text = commentText(node, options.language)
      if (text === undefined) return
      const match = body.exec(text)
      if (!match) return
      const words = (match[1] || '').split(/\s+/).filter(Boolean)
      const [verb, ...names] = words
      if (!verb || !verbs.has(verb)) {
        warn(file, node, `Use \`<!-- copydesk ignore|disable|enable [checks] -->\`, not \`<!--${text}-->\``)
        return
      }
      const unknown = names.filter((name) => !known.has(name))
      if (unknown.length > 0) {
        warn(
          file,
          node,
          `Unknown check ${unknown.map((name) => `\`${name}\``).join(', ')} in a copydesk comment; use one of ${[...known].sort().map((name) => `\`${name}\``).join(', ')}`
        )
      }
      const valid = names.filter((name) => known.has(name))
      if (names.length > 0 && valid.length === 0) return
      markers.set(node, {name: 'copydesk', attributes: [verb, ...valid].join(' ')})
    })
    if (carry !== undefined) {
      const toggles = [...markers.values()].map((marker) => marker.attributes).filter((attributes) => !attributes.startsWith('ignore'))
      // What comes before the last comment naming no check is overruled by it.
      const from = Math.max(toggles.lastIndexOf('disable'), toggles.lastIndexOf('enable'), 0)
      data.copydeskMarkers = toggles.length > 0 ? toggles.slice(Math.max(from, toggles.length - maxCarried)) : carry
    }
    if (markers.size === 0) return
    if (options.obey === false) {
      for (const [node, marker] of markers) {
        if (marker.attributes.startsWith('enable')) continue
        const message = file.info(`<!-- copydesk ${marker.attributes} -->`, node.position)
        message.ruleId = 'story-control'
        message.source = 'copydesk'
      }
      return
    }
    messageControl(options.language === 'html' ? withoutBlankText(tree) : tree, {
      file,
      name: 'copydesk',
      source: 'copydesk',
      marker: (node) => markers.get(node) ?? null,
      test: (node) => markers.has(node)
    })
  }
}

function commentNode(body: string, language: 'html' | 'markdown', at: Point): Node {
  const position = {start: {...at}, end: {...at}}
  return language === 'html' ? ({type: 'comment', value: body, position} as Node) : ({type: 'html', value: `<!--${body}-->`, position} as Node)
}

function commentText(node: Node, language: 'html' | 'markdown'): string | undefined {
  const value = (node as Node & {value?: unknown}).value
  if (typeof value !== 'string') return undefined
  if (language === 'html') return node.type === 'comment' ? value : undefined
  if (node.type !== 'html') return undefined
  return htmlComment.exec(value.trim())?.[1]
}

function warn(file: VFile, node: Node, reason: string): void {
  report(file, node, {ruleId: 'control-comment', reason, level: 'warning', url: docsPageUrl('configuration.md#inline-control')})
}

/**
 * A view of an HTML tree without white-space-only text, so that `ignore`
 * applies to the next element rather than to the line break after the comment.
 * Leaves are shared, parents are new.
 */
function withoutBlankText(node: Node): Node {
  const children = (node as Parent).children
  if (!children) return node
  return {
    ...node,
    children: children
      .filter((child) => !(child.type === 'text' && /^\s*$/.test((child as Node & {value: string}).value)))
      .map(withoutBlankText)
  } as Node
}
