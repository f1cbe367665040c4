/**
 * Instant re-checks: a checker made with `{incremental: true}` keeps each
 * paragraph's findings, and when a story comes again (an editor's next
 * keystroke, a `/v2/check` or `/v1/check` client re-sending its document)
 * only the paragraphs whose text changed are checked again.
 *
 * Exact, not approximate: the findings equal a full check's
 * (test/incremental.test.ts compares the two after random edits).
 *
 * - The story's tree is a whole parse's, so every paragraph has the places
 *   a full check gives it; plain text is parsed only where it changed
 *   ({@link ParseCache}), HTML too (src/input/html-blocks.ts), Markdown
 *   whole.
 * - Checks that read the whole story run over the whole story every time:
 *   `empty-story`, `name-consistency` (one name spelled two ways anywhere)
 *   and kind `acronym` rules (first reference). The must-never-publish
 *   checks, the character-level gate and the findings cap are run by the
 *   checker as before, over the whole story.
 * - Every other check reads one paragraph at a time, plus two facts about
 *   the whole story that are part of the cache key: the capitalized forms
 *   written inside a sentence anywhere (`spelling` and `dialect` take a
 *   sentence-opening word among them for a name; only those that could be
 *   a word of the paragraph enter its key) and whether the story uses curly
 *   apostrophes (`confusables` fixes follow it). Changed paragraphs are
 *   checked together over a tree holding only them, with those facts taken
 *   from the whole story.
 * - Cached findings are kept relative to their paragraph's start and moved
 *   to where the paragraph is now. The cache is an LRU bounded in bytes.
 */
import type {Paragraph, Root} from 'nlcst'
import type {Point} from 'unist'
import type {Processor} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {stringifyPosition} from 'unist-util-stringify-position'
import {toString} from 'nlcst-to-string'
import {markSkipped} from './deadline.js'
import {originOf, setOrigin} from './nlcst/origin.js'
import {presetNames, namesOf} from './spell/tokens.js'
import {presetCurly} from './checks/confusables.js'
import {kinds} from './house-style/kinds/index.js'
import {codeChecks} from './types.js'
import type {Style} from './house-style/compile.js'

/** `createChecker(options, {incremental})`: `true`, or the cache's size. */
export interface IncrementalOptions {
  /** Most bytes the paragraph cache holds (estimated); default 32 MB. */
  maxBytes?: number
  /** Markdown and HTML too (default `true`); `false` for checks so cheap that keying their paragraphs costs more (the floor's). */
  markup?: boolean
}

/** Checks that read the whole story: run over all of it on every check. */
export function wholeStoryChecks(style: Style): string[] {
  return ['empty-story', 'name-consistency', ...style.files.filter((file) => file.kind === 'acronym').map((file) => file.ruleId)]
}

/** The order the preset runs its plugins in, by ruleId (src/preset.ts): messages of a full check come in this order. */
export function pluginOrder(style: Style): (ruleId: string | undefined) => number {
  const order = new Map<string, number>()
  Object.keys(codeChecks).forEach((name, index) => order.set(name, index))
  const kindIndex = new Map([...kinds.keys()].map((name, index) => [name, index]))
  for (const file of style.files) order.set(file.ruleId, 100 + (kindIndex.get(file.kind) ?? 50))
  return (ruleId) => order.get(ruleId ?? '') ?? 1000
}

interface Stored {
  /** Offsets relative to the paragraph's start; lines relative to its line; columns relative on its first line. */
  messages: VFileMessage[]
  bytes: number
}

/** Which story-wide facts the paragraph checks of a phase read (part of each paragraph's key). */
export interface StoryFacts {
  /** The story's names (`spelling`, `dialect`). */
  names: boolean
  /** Whether the story uses curly apostrophes (`confusables`). */
  curly: boolean
}

/** The story's names by folded form. */
function byFormOf(names: ReadonlySet<string>): Map<string, string[]> {
  const byForm = new Map<string, string[]>()
  for (const name of names) {
    const form = fold(name)
    const list = byForm.get(form)
    if (list) list.push(name)
    else byForm.set(form, [name])
  }
  return byForm
}

/** What an incremental checker reused: paragraphs found in the cache and paragraphs checked. */
export interface IncrementalStats {
  reused: number
  checked: number
}

/** A least-recently-used map bounded by an estimate of bytes (each value says its own). */
export class BoundedLru<Value extends {bytes: number}> {
  private readonly map = new Map<string, Value>()
  private used = 0
  constructor(readonly maxBytes: number) {}
  get size(): number {
    return this.map.size
  }
  get bytes(): number {
    return this.used
  }
  get(key: string): Value | undefined {
    const value = this.map.get(key)
    if (value) {
      this.map.delete(key)
      this.map.set(key, value)
    }
    return value
  }
  set(key: string, value: Value): void {
    const old = this.map.get(key)
    if (old) {
      this.used -= old.bytes
      this.map.delete(key)
    }
    if (value.bytes > this.maxBytes) return
    this.map.set(key, value)
    this.used += value.bytes
    for (const [oldest, entry] of this.map) {
      if (this.used <= this.maxBytes) break
      this.map.delete(oldest)
      this.used -= entry.bytes
    }
  }
  clear(): void {
    this.map.clear()
    this.used = 0
  }
}

/** The incremental checker's cache of paragraphs' findings. */
export class ByteLru extends BoundedLru<Stored> {
  readonly stats: IncrementalStats = {reused: 0, checked: 0}
  /** The last story's names and the names found in each of its paragraphs' text. */
  names?: {key: string; byForm: Map<string, string[]>; found: Map<string, string>}
  override clear(): void {
    super.clear()
    this.names = undefined
  }
}

/** The two pipelines of one phase: the whole-story checks, and the paragraph checks. */
export interface PhasePipelines {
  whole: Processor<any, any, any, any, any>
  paragraph: Processor<any, any, any, any, any>
}

/** Rough bytes a message takes in the cache. */
const messageBytes = 600

/**
 * Run one phase's checks over `file` (already parsed as `tree`, no headline
 * lines) as a full run of that phase would, reusing cached paragraphs.
 * `epoch` names the pipelines' configuration (it changes when the desk
 * dictionary does). `markup`: `tree` came from Markdown or HTML through a
 * bridge (src/input/markup.ts), so a paragraph's words are not its source
 * text: its key holds the paragraph's nlcst too ({@link shapeOf}).
 */
export async function runIncremental(
  pipelines: PhasePipelines,
  file: VFile,
  tree: Root,
  cache: ByteLru,
  epoch: string,
  order: (ruleId: string | undefined) => number,
  dedupe: (messages: VFileMessage[]) => VFileMessage[],
  markup = false,
  facts: StoryFacts = {names: true, curly: true}
): Promise<void> {
  const value = String(file.value)
  const scratch = () => {
    const part = new VFile({value, path: file.path})
    part.data = {...file.data, copydeskSkipped: undefined}
    return part
  }
  const whole = scratch()
  await pipelines.whole.run(tree as never, whole)
  const wholeSkipped = (whole.data as {copydeskSkipped?: string[]}).copydeskSkipped ?? []
  if (wholeSkipped.length > 0) markSkipped(file, wholeSkipped)

  // The story-wide facts paragraph checks read.
  const paragraphs = tree.children.filter((child): child is Paragraph => child.type === 'ParagraphNode' && child.position?.start.offset !== undefined)
  // Markdown and HTML: each paragraph's shape and words ({@link shapeOf}), in one walk.
  const shapes = markup ? paragraphs.map((paragraph) => shapeOf(paragraph)) : undefined
  // (Worked out only when a check of the phase reads them: the floor's checks read neither.)
  const names = facts.names ? namesOf(tree) : new Set<string>()
  // As `confusables` reads it: the tree's text (an HTML story may write `&#8217;`): its paragraphs' words, and the rest.
  const curly =
    facts.curly &&
    (shapes
      ? shapes.some((shape) => shape.words.includes('’')) || tree.children.some((child) => child.type !== 'ParagraphNode' && toString(child).includes('’')) || paragraphs.length < tree.children.filter((child) => child.type === 'ParagraphNode').length && /’/.test(toString(tree))
      : /’/.test(value))
  // The names in a paragraph's words, kept from the last story while the story's names are the same.
  const namesKey = [...names].join('\u0001')
  if (cache.names?.key !== namesKey) cache.names = {key: namesKey, byForm: byFormOf(names), found: new Map()}
  const {byForm, found: namesFound} = cache.names
  const namesFor = (text: string) => {
    let list = namesFound.get(text)
    if (list === undefined) namesFound.set(text, (list = names.size > 0 ? namesIn(text, byForm).join('\u0001') : ''))
    return list
  }
  const seen = new Map<string, string>()
  const keys = paragraphs.map((paragraph, index) => {
    const text = value.slice(paragraph.position!.start.offset, paragraph.position!.end.offset)
    if (!markup) {
      seen.set(text, namesFor(text))
      return `${epoch}\u0000${curly ? 1 : 0}\u0000${seen.get(text)}\u0000${text}`
    }
    // The same markup can make different words (a Markdown reference defined elsewhere): the words and their places are part of the key.
    const {shape, words} = shapes![index]!
    seen.set(words, namesFor(words))
    return `${epoch}\u0000${curly ? 1 : 0}\u0000${seen.get(words)}\u0000${text}\u0000${shape}`
  })
  // Only this story's paragraphs are kept for the next.
  cache.names.found = seen
  const found: Array<VFileMessage[] | undefined> = keys.map((key, index) => {
    const stored = cache.get(key)
    return stored ? stored.messages.map((message) => place(message, paragraphs[index]!, file)) : undefined
  })
  const dirty = paragraphs.filter((_, index) => !found[index])
  cache.stats.reused += paragraphs.length - dirty.length
  cache.stats.checked += dirty.length
  if (dirty.length > 0) {
    const part: Root = {type: 'RootNode', children: dirty, position: tree.position}
    presetNames(part, names)
    presetCurly(part, curly)
    const checked = scratch()
    await pipelines.paragraph.run(part as never, checked)
    const skipped = (checked.data as {copydeskSkipped?: string[]}).copydeskSkipped ?? []
    if (skipped.length > 0) markSkipped(file, skipped)
    const fresh = dirty.map(() => [] as VFileMessage[])
    let placed = true
    for (const message of checked.messages) {
      const index = paragraphOf(message, dirty)
      if (index < 0) placed = false
      else fresh[index]!.push(message)
    }
    let next = 0
    for (let index = 0; index < paragraphs.length; index++) {
      if (found[index]) continue
      const messages = fresh[next++]!
      if (!placed) {
        // A message outside every paragraph: keep the findings, cache none of them.
        found[index] = []
        continue
      }
      found[index] = messages
      if (skipped.length === 0) {
        cache.set(keys[index]!, {messages: messages.map((message) => relative(message, paragraphs[index]!)), bytes: 2 * keys[index]!.length + 64 + messageBytes * messages.length})
      }
    }
    if (!placed) found[0] = [...(found[0] ?? []), ...checked.messages.filter((message) => paragraphOf(message, dirty) < 0)]
  }
  const local = found.flatMap((messages) => messages ?? [])
  // A full run's order: plugin by plugin (stable within each).
  const fresh = [...whole.messages, ...local].sort((a, b) => order(a.ruleId) - order(b.ruleId))
  const all = dedupe([...file.messages, ...fresh])
  file.messages.length = 0
  file.messages.push(...all)
}

/**
 * The story's names a check could ask about in `text`: those whose folded
 * form is part of a word's folded form (a check asks about a word, or a
 * piece of one, with its possessive or punctuation dropped, never with its
 * case changed).
 */
function namesIn(text: string, byForm: ReadonlyMap<string, string[]>): string[] {
  const found = new Set<string>()
  for (const word of text.split(/\s+/)) {
    // Every name is capitalized: a word without a capital holds none.
    if (!/[\p{Lu}\p{Lt}]/u.test(word)) continue
    const form = fold(word)
    if (form.length > 48) {
      // A long run without spaces (a URL, pasted data): look for each name in it instead.
      for (const [name, list] of byForm) if (form.includes(name)) for (const each of list) found.add(each)
      continue
    }
    for (let start = 0; start < form.length; start++) {
      for (let end = start + 1; end <= form.length; end++) {
        const names = byForm.get(form.slice(start, end))
        if (names) for (const name of names) found.add(name)
      }
    }
  }
  return [...found].sort()
}

/**
 * Every node of `paragraph` (a bridge's nlcst): its type, its place relative
 * to the paragraph's start, and a leaf's text (`shape`); and its words as
 * `nlcst-to-string` gives them (`words`). Two paragraphs with the same source
 * text and shape give a check the same tree.
 */
export function shapeOf(paragraph: Paragraph): {shape: string; words: string} {
  // A copy placed by a parse cache has its original's shape (places relative to the paragraph's start do not move with it).
  const origin = originOf(paragraph)
  let known = shapes.get(origin)
  if (!known) shapes.set(origin, (known = shapeOfTree(paragraph)))
  return known
}

/** Shapes worked out, by the paragraph parsed (src/nlcst/origin.ts). */
const shapes = new WeakMap<Paragraph, {shape: string; words: string}>()

function shapeOfTree(paragraph: Paragraph): {shape: string; words: string} {
  const base = paragraph.position!.start
  const out: string[] = []
  const leaves: string[] = []
  const walk = (node: {type: string; value?: string; children?: unknown[]; position?: {start: Point; end: Point}}) => {
    // Columns on the paragraph's first line relative to its start, as cached messages keep them.
    const at = (point: Point | undefined) => (point ? `${point.offset! - base.offset!}:${point.line - base.line}:${point.line === base.line ? point.column - base.column : point.column}` : '')
    out.push(`${node.type.slice(0, 2)}${at(node.position?.start)}-${at(node.position?.end)}`)
    if (node.children) {
      out.push('(')
      for (const child of node.children) walk(child as typeof node)
      out.push(')')
    } else {
      out.push(JSON.stringify(node.value ?? ''))
      leaves.push(node.value ?? '')
    }
  }
  walk(paragraph)
  return {shape: out.join(''), words: leaves.join('')}
}

/** Letters and digits only, accents dropped, lowercase: a name's form, whatever a check does to its apostrophes or case. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase()
}

function pointsOf(message: VFileMessage): Point[] {
  const points: Point[] = []
  const add = (place: unknown) => {
    if (!place || typeof place !== 'object') return
    if ('start' in place) points.push((place as {start: Point}).start, (place as unknown as {end: Point}).end)
    else if ('line' in place) points.push(place as Point)
  }
  add(message.place)
  add((message.cause as {place?: unknown} | undefined)?.place)
  return points
}

/** Which of `paragraphs` holds every point of `message`, or -1. */
function paragraphOf(message: VFileMessage, paragraphs: Paragraph[]): number {
  const points = pointsOf(message)
  if (points.length === 0) return -1
  for (let index = 0; index < paragraphs.length; index++) {
    const {start, end} = paragraphs[index]!.position!
    if (points.every((point) => point.offset !== undefined && point.offset >= start.offset! && point.offset <= end.offset!)) return index
  }
  return -1
}

function copy(message: VFileMessage): VFileMessage {
  const clone = Object.assign(Object.create(Object.getPrototypeOf(message) as object), message) as VFileMessage
  // The tree the message was found in is not kept.
  clone.ancestors = undefined
  return clone
}

function movePlace(message: VFileMessage, move: (point: Point) => Point): void {
  const movePlaceOf = (place: unknown) => {
    if (!place || typeof place !== 'object') return place
    if ('start' in place) return {start: move((place as {start: Point}).start), end: move((place as unknown as {end: Point}).end)}
    return move(place as Point)
  }
  message.place = movePlaceOf(message.place) as VFileMessage['place']
  const cause = message.cause as VFileMessage | undefined
  if (cause && typeof cause === 'object' && cause.place) {
    const moved = Object.assign(Object.create(Object.getPrototypeOf(cause) as object), cause) as VFileMessage
    moved.place = movePlaceOf(cause.place) as VFileMessage['place']
    message.cause = moved
  }
}

/** Line, column and name of `message` from its place, as vfile-message sets them. */
function restate(message: VFileMessage): void {
  const place = message.place
  const first = place ? ('start' in place ? place.start : place) : undefined
  message.line = first?.line
  message.column = first?.column
  message.name = stringifyPosition(place) || '1:1'
}

/** `message` with places relative to `paragraph`'s start. */
function relative(message: VFileMessage, paragraph: Paragraph): VFileMessage {
  const start = paragraph.position!.start
  const clone = copy(message)
  movePlace(clone, (point) => ({
    line: point.line - start.line,
    column: point.line === start.line ? point.column - start.column : point.column,
    offset: point.offset! - start.offset!
  }))
  return clone
}

/** A cached message placed at `paragraph` in `file`. */
function place(message: VFileMessage, paragraph: Paragraph, file: VFile): VFileMessage {
  const start = paragraph.position!.start
  const clone = copy(message)
  movePlace(clone, (point) => ({
    line: point.line + start.line,
    column: point.line === 0 ? point.column + start.column : point.column,
    offset: point.offset! + start.offset!
  }))
  restate(clone)
  if (file.path) clone.name = `${file.path}:${clone.name}`
  clone.file = file.path || ''
  const cause = clone.cause as VFileMessage | undefined
  if (cause && typeof cause === 'object' && cause.place) {
    restate(cause)
    cause.file = file.path || ''
  }
  return clone
}

/** Where plain text may be cut into paragraphs parsed alone: after a run of white space holding a blank line, before a character that is not white space. */
const paragraphBreak = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*/g

type TreeNode = {type: string; position?: {start: Point; end: Point}; children?: TreeNode[]; [key: string]: unknown}

/**
 * Plain text parsed paragraph by paragraph, each paragraph's tree kept by its
 * text (an LRU bounded in bytes, shared by a process's incremental checkers:
 * the text parser has no settings): a story sent again is parsed only where
 * it changed, and the rest copied into place. Parsing alone gives the tree a
 * whole parse gives (src/input/parse.ts cuts long text at blank lines too;
 * test/incremental.test.ts compares the two).
 */
export class ParseCache {
  private readonly trees: BoundedLru<Parsed>
  constructor(readonly maxBytes: number) {
    this.trees = new BoundedLru<Parsed>(maxBytes)
  }
  get bytes(): number {
    return this.trees.bytes
  }

  /** The last story parsed and its tree: the same text asked again (the server's floor, then its checker) gets the same tree (checks never change a tree). */
  private last?: {value: string; tree: Root}

  /** `value` parsed as `parse` would parse it whole, or `undefined` when it is not cut (one paragraph, or a paragraph longer than `limit`). */
  parse(value: string, parse: (text: string) => Root, limit: number): Root | undefined {
    if (this.last?.value === value) return this.last.tree
    const tree = this.parseInPieces(value, parse, limit)
    this.last = tree && {value, tree}
    return tree
  }

  private parseInPieces(value: string, parse: (text: string) => Root, limit: number): Root | undefined {
    const ends: number[] = []
    paragraphBreak.lastIndex = 0
    for (let found = paragraphBreak.exec(value); found; found = paragraphBreak.exec(value)) {
      const end = found.index + found[0].length
      if (end < value.length && /\S/.test(value[end]!)) ends.push(end)
    }
    if (ends.length === 0) return undefined
    ends.push(value.length)
    const children: Root['children'] = []
    let from = 0
    const start = {line: 1, column: 1, offset: 0}
    let end: Point = {...start}
    for (const to of ends) {
      const text = value.slice(from, to)
      if (text.length > limit) return undefined
      let entry = this.trees.get(text)
      if (!entry) {
        entry = {tree: parse(text), bytes: 2 * text.length + 500 * text.length}
        this.trees.set(text, entry)
      }
      end = placeCopy(entry, entry.tree, start, children)
      // The next piece starts where this one ends (the parser's root ends after the piece's last character).
      start.line = end.line
      start.column = end.column
      start.offset = to
      from = to
    }
    return {type: 'RootNode', children, position: {start: {line: 1, column: 1, offset: 0}, end}}
  }

}

/** A piece's last copy placed in a story: where, its nodes, and the end of its tree. */
export interface Placed extends Required<Point> {
  children: Root['children']
  end: Point
}

/** A paragraph's tree as parsed alone, and its last copy placed in a story. */
interface Parsed {
  tree: Root
  bytes: number
  placed?: Placed
}

/**
 * Put the nodes of `tree` (a piece parsed alone) into `children` at `start`, and give where they end. Where it was
 * last placed, its last copy again (checks never change a tree, and the facts they keep on its nodes hold for the
 * same words in the same place); elsewhere a new copy, kept in `holder.placed`: checks keep facts on the nodes they
 * read (src/house-style/sequence.ts), and messages share their points, so a copy once given out is never moved.
 */
export function placeCopy(holder: {placed?: Placed}, tree: Root, start: Required<Point>, children: Root['children']): Point {
  const placed = holder.placed
  if (placed && placed.offset === start.offset && placed.line === start.line && placed.column === start.column) {
    for (const child of placed.children) children.push(child)
    return placed.end
  }
  const copies = tree.children.map((child) => moved(child as unknown as TreeNode, start) as unknown as Root['children'][number])
  const end = movedPoint(tree.position!.end, start)
  holder.placed = {...start, children: copies, end}
  for (const child of copies) children.push(child)
  return end
}

/** The parse cache of this process's incremental checkers. */
export const parseCache = new ParseCache(24 * 1024 * 1024)

/** A point of a piece starting at `start`, where it is in the whole text. */
function movedPoint(point: Point, start: Required<Point>): Point {
  return {line: point.line + start.line - 1, column: point.line === 1 ? point.column + start.column - 1 : point.column, offset: point.offset! + start.offset}
}

/** A deep copy of `node`, moved from its piece to the whole text (parse-english's nodes: type, then value or children, position; objects of one shape each, which V8 copies fastest). */
function moved(node: TreeNode, start: Required<Point>): TreeNode {
  const from = node.position
  const position = from && {
    start: {line: from.start.line + start.line - 1, column: from.start.line === 1 ? from.start.column + start.column - 1 : from.start.column, offset: from.start.offset! + start.offset},
    end: {line: from.end.line + start.line - 1, column: from.end.line === 1 ? from.end.column + start.column - 1 : from.end.column, offset: from.end.offset! + start.offset}
  }
  let copy: TreeNode
  if (node.children) {
    const children: TreeNode[] = []
    for (const child of node.children) children.push(moved(child, start))
    copy = {type: node.type, children, position}
  } else copy = {type: node.type, value: node.value, position}
  if (node.data !== undefined) copy.data = node.data
  if (node.type === 'SentenceNode' || node.type === 'ParagraphNode') setOrigin(copy, originOf(node))
  return copy
}
