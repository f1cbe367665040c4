/**
 * Markdown and HTML: remark-parse / rehype-parse, then remark-retext /
 * rehype-retext in bridge mode run the checks on an nlcst tree made from the
 * mdast or hast tree. Loaded on first use (`loadMarkup` in src/input/formats.ts),
 * so plain-text callers and the CLI on a .txt story do not pay for parsing
 * libraries they never use.
 *
 * The bridges give tokens offsets counted in *decoded* text, which drift
 * after an entity (`&#8217;`), a CR, or a block quote's `> `; `recordText`
 * and `realign` (src/nlcst/source-map.ts) put them back on the source before
 * any check runs. Inline `<!-- copydesk … -->` comments filter the messages
 * afterwards (src/nlcst/control.ts).
 */
import {unified, type Processor} from 'unified'
import retextEnglish from 'retext-english'
import remarkParse from 'remark-parse'
import rehypeParse from 'rehype-parse'
import rehypeRetext from 'rehype-retext'
import {ParseEnglish} from 'parse-english'
import {ParseLatin} from 'parse-latin'
import {toNlcst} from 'mdast-util-to-nlcst'
import {visit} from 'unist-util-visit'
import {location} from 'vfile-location'
import type {Node, Parent, Point} from 'unist'
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import type {Options} from '../options.js'
import {codeChecks} from '../types.js'
import {copydesk, styleFor} from '../preset.js'
import {parseView, recordText, realign} from '../nlcst/source-map.js'
import {visibleOfTree, type VisibleText} from '../nlcst/visible-text.js'
import {control} from '../nlcst/control.js'
import {withDeadlines} from '../deadline.js'
import {shiftNode} from './parse.js'
import {htmlCuts} from './html-cuts.js'

export {htmlBlockEnds} from './html-cuts.js'

/**
 * A processor that parses Markdown or HTML and runs the copydesk preset over
 * its text; with `checks`, that runs instead of the preset over each nlcst
 * tree the bridge makes (the incremental run, src/incremental.ts).
 */
export function markupProcessor(format: 'markdown' | 'html', options: Options, checks?: (tree: Root, file: VFile) => Promise<void>): Processor<any, any, any, any, any> {
  const bridge = withDeadlines(unified().use(retextEnglish).use(englishInBridge).use(realignPlugin))
  const retext = checks ? bridge.use(() => checks) : bridge.use(copydesk, options)
  const known = knownChecks(options)
  // With `storyControl: false` the story's switches are reported, not obeyed (the floor).
  const obey = options.storyControl !== false
  if (format === 'markdown') {
    return unified()
      .use(remarkParse)
      .use(viewPlugin, 'markdown')
      .use(visiblePlugin)
      .use(flattenPlugin)
      .use(recordPlugin, 'markdown')
      .use(markdownRetext, retext as never)
      .use(control, {language: 'markdown', known, obey})
      .freeze()
  }
  return unified()
    .use(rehypeParse, {fragment: true})
    .use(viewPlugin, 'html')
    .use(visiblePlugin)
    .use(flattenPlugin)
    .use(rootPlugin)
    .use(skipPlugin, {obey})
    .use(recordPlugin, 'html')
    .use(sectionedRetext, retext as never)
    .use(control, {language: 'html', known, obey})
    .freeze()
}

/**
 * The nlcst tree the checks would see for Markdown or HTML `value`, with
 * positions in the original; no checks run.
 */
export function markupTree(value: string, format: 'markdown' | 'html'): Root {
  // As in `check()`: no parser sees a leading byte order mark.
  if (value.charCodeAt(0) === 0xfeff) {
    const tree = markupTree(value.slice(1), format)
    for (const child of tree.children) shiftNode(child, {line: 1, column: 2, offset: 1})
    return tree
  }
  const file = new VFile({value})
  // Mutate mode: the bridge returns the nlcst tree, tokenized by parse-english.
  const processor =
    format === 'markdown'
      ? unified().use(remarkParse).use(viewPlugin, 'markdown').use(flattenPlugin).use(recordPlugin, 'markdown').use(markdownTree)
      : unified().use(rehypeParse, {fragment: true}).use(viewPlugin, 'html').use(flattenPlugin).use(rootPlugin).use(skipPlugin).use(recordPlugin, 'html').use(rehypeRetext, new ParseEnglish() as never)
  const tree = processor.runSync(processor.parse(file), file) as unknown as Root
  realign(tree, file)
  return tree
}

const wanted = new WeakSet<VFile>()
const kept = new WeakMap<VFile, Node>()
const flattened = new WeakSet<VFile>()

/**
 * Keep the visible text (src/nlcst/visible-text.ts) of `file` when a
 * processor of {@link markupProcessor} parses it, for {@link takeVisible}:
 * the gate reads the tree the checks ran on, not a second parse of the story.
 */
export function keepVisible(file: VFile): void {
  wanted.add(file)
}

/**
 * The visible text of `file`'s tree ({@link keepVisible}), once, read after
 * the checks ran (so it is not held beside their nlcst: memory peaks where it
 * did); `undefined` when the story was not parsed, or its nesting was
 * flattened (its structure then differs from the story's: the gate parses
 * it again).
 */
export function takeVisible(file: VFile, language: 'html' | 'markdown'): VisibleText | undefined {
  const tree = kept.get(file)
  const flat = flattened.has(file)
  kept.delete(file)
  wanted.delete(file)
  flattened.delete(file)
  return tree && !flat ? visibleOfTree(tree, parseView(String(file), language), language) : undefined
}

/** Keep the tree as parsed, when asked to. */
function visiblePlugin() {
  return function (tree: Node, file: VFile): undefined {
    if (wanted.has(file)) kept.set(file, tree)
    return undefined
  }
}

/** One top-level block of an HTML story parsed alone (src/input/html-blocks.ts): the checks' nlcst and the gate's visible text, in the block's coordinates. */
export interface HtmlBlock {
  /** The nlcst tree the checks would see (realigned on the block's source). */
  tree: Root
  /** The visible text (src/nlcst/visible-text.ts) and, per character, where its source starts and ends. */
  text: string
  starts: Int32Array
  ends: Int32Array
}

let blockProcessor: Processor<any, any, any, any, any> | undefined
const blockTrees = new WeakMap<VFile, Root>()
const blockVisible = new WeakMap<VFile, VisibleText>()
const blockUnsafe = new WeakSet<VFile>()

/**
 * HTML `text` (a top-level block of a story, src/input/html-cuts.ts
 * `htmlBlockEnds`) parsed as {@link markupProcessor} parses a story, up to
 * the checks; `undefined` when the block holds what a block alone cannot
 * stand for: a comment (inline control, src/nlcst/control.ts, reads the
 * story's whole tree), an element switched off by `copydesk-skip` (the
 * floor reports it), or nesting flattened.
 */
export async function htmlBlock(text: string): Promise<HtmlBlock | undefined> {
  blockProcessor ??= unified()
    .use(rehypeParse, {fragment: true})
    .use(viewPlugin, 'html')
    .use(blockCheckPlugin)
    .use(flattenPlugin)
    .use(rootPlugin)
    .use(skipPlugin, {obey: true})
    .use(recordPlugin, 'html')
    .use(
      sectionedRetext,
      withDeadlines(unified().use(retextEnglish).use(englishInBridge).use(realignPlugin)).use(() => (tree: Root, file: VFile) => {
        blockTrees.set(file, tree)
      }) as never
    )
    .freeze()
  const file = new VFile({value: text})
  await blockProcessor.run(blockProcessor.parse(file), file)
  const tree = blockTrees.get(file)
  const visible = blockVisible.get(file)
  if (!tree || !visible || blockUnsafe.has(file) || flattened.has(file)) {
    flattened.delete(file)
    return undefined
  }
  const starts = new Int32Array(visible.text.length)
  const ends = new Int32Array(visible.text.length)
  for (let index = 0; index < visible.text.length; index++) {
    starts[index] = visible.start(index)
    ends[index] = visible.end(index)
  }
  return {tree, text: visible.text, starts, ends}
}

/** A block's visible text, read as the gate reads a story's (before flattening), and whether it holds a comment or a skip switch. */
function blockCheckPlugin() {
  return function (tree: Node, file: VFile): undefined {
    visit(tree, (node) => {
      if (node.type === 'comment') blockUnsafe.add(file)
      else if (node.type === 'element') {
        const {properties} = node as Element
        const className = properties.className
        const classes = Array.isArray(className) ? className : typeof className === 'string' ? className.split(/\s+/) : []
        if (classes.includes('copydesk-skip') || properties.dataCopydesk === 'skip') blockUnsafe.add(file)
      }
    })
    blockVisible.set(file, visibleOfTree(tree, parseView(String(file), 'html'), 'html'))
    return undefined
  }
}

/** Where to cut long HTML `value` into sections of about `size` (src/input/html-cuts.ts), as its parser sees it. */
export function htmlSectionCuts(value: string, size: number): number[] {
  return htmlCuts(parseView(value, 'html'), size)
}

let markdownParser: Processor<any, any, any, any, any> | undefined
let htmlParser: Processor<any, any, any, any, any> | undefined

/**
 * The visible text of a whole Markdown or HTML story, parsed as the checks
 * parse it (for a story checked in sections: the gate reads it whole).
 */
export function visibleOfMarkup(value: string, format: 'markdown' | 'html'): VisibleText {
  // As in `check()`: no parser sees a leading byte order mark.
  const shift = value.charCodeAt(0) === 0xfeff ? 1 : 0
  const doc = parseView(shift ? value.slice(1) : value, format)
  let tree: Node
  if (format === 'markdown') {
    const parser = (markdownParser ??= unified().use(remarkParse).freeze())
    tree = parsePlainParagraphs(doc, (part) => parser.parse(part) as Node)
  } else {
    tree = (htmlParser ??= unified().use(rehypeParse, {fragment: true}).freeze()).parse(doc) as Node
  }
  return visibleOfTree(tree, doc, format, shift)
}

/**
 * Top-level Markdown blocks turned into nlcst at once. mdast-util-to-nlcst
 * makes the whole story one sentence and parse-latin then breaks it at each
 * blank line, copying the rest each time: quadratic in the blocks (40 KB of
 * `a\n\nb\n\n…` took 30 s). Blocks never share a paragraph (a blank line
 * always parts them), so converting them some at a time gives the same tree.
 */
export const blocksPerPart = 64

/** mdast `tree` as nlcst, {@link blocksPerPart} top-level blocks at a time. */
export function toNlcstInParts(tree: Parent, file: VFile, parser: ParseLatin): Root {
  const children = tree.children as Node[]
  if (children.length <= blocksPerPart) return toNlcst(tree as never, file, parser as never) as Root
  const place = location(file)
  const out: Root['children'] = []
  let end: Point | undefined
  for (const group of blockGroups(children)) {
    const placed = group.filter((child) => child.position)
    if (placed.length === 0) continue
    const start = placed[0]!.position!.start
    if (end && start.line !== end.line && end.offset !== undefined) {
      // The break between two blocks, made as mdast-util-to-nlcst makes it between blocks of one part.
      const lines = start.line - end.line
      const from = place.toPoint(end.offset)
      const to = place.toPoint(end.offset + lines)
      const value = lines < 2 ? '\n\n' : '\n'.repeat(lines)
      out.push({type: 'WhiteSpaceNode', value, ...(from && to ? {position: {start: from, end: to}} : {})})
    }
    out.push(...partToNlcst(group, placed, file, parser))
    end = placed.at(-1)!.position!.end
  }
  const root: Root = {type: 'RootNode', children: out}
  const first = out.find((node) => node.position)
  const last = [...out].reverse().find((node) => node.position)
  if (first && last) root.position = {start: {...first.position!.start}, end: {...last.position!.end}}
  return root
}

/**
 * One part of {@link toNlcstInParts}, converted in its own coordinates:
 * mdast-util-to-nlcst makes a line index of the file it is given
 * (vfile-location, searched from the first line at every word), so given
 * the whole story for each part it cost O(lines) a word; given the part's
 * own lines, the part's. The part's points are moved there and back.
 */
function partToNlcst(group: Node[], placed: Node[], file: VFile, parser: ParseLatin): Root['children'] {
  const start = placed[0]!.position!.start
  const end = placed.at(-1)!.position!.end
  if (start.offset === undefined || end.offset === undefined || start.line === 1) {
    const part = {type: 'root', children: group, position: {start, end}}
    return (toNlcst(part as never, file, parser as never) as Root).children
  }
  // From the start of the part's first line, so columns hold.
  const origin = {line: start.line, column: 1, offset: start.offset - (start.column - 1)}
  const endOffset = end.offset
  const points = pointsOf(group)
  const move = (by: number) => {
    for (const point of points) {
      point.line += by * (origin.line - 1)
      if (point.offset !== undefined) point.offset += by * origin.offset
    }
  }
  move(-1)
  try {
    const local = new VFile({value: String(file).slice(origin.offset, endOffset)})
    const part = {type: 'root', children: group, position: {start: {...placed[0]!.position!.start}, end: {...placed.at(-1)!.position!.end}}}
    const children = (toNlcst(part as never, local, parser as never) as Root).children
    // Points shared with the mdast tree come back with it.
    for (const child of children) shiftNode(child, origin, points)
    return children
  } finally {
    move(1)
  }
}

/** Every point of the nodes in `nodes` and below, each once. */
function pointsOf(nodes: Node[]): Set<Point> {
  const points = new Set<Point>()
  const stack = [...nodes]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position) {
      points.add(node.position.start)
      points.add(node.position.end)
    }
    const children = (node as Partial<Parent>).children
    if (children) stack.push(...(children as Node[]))
  }
  return points
}

const simple = new Set(['paragraph', 'heading'])

/** `children` in runs of at least {@link blocksPerPart}, cut only between two paragraphs or headings (where the converter's parts join as they would whole). */
function* blockGroups(children: Node[]): Generator<Node[]> {
  let from = 0
  for (let index = blocksPerPart; index < children.length; index++) {
    if (index - from >= blocksPerPart && simple.has(children[index - 1]!.type) && simple.has(children[index]!.type)) {
      yield children.slice(from, index)
      from = index
    }
  }
  yield children.slice(from)
}

/** remark-retext in bridge mode, converting in parts ({@link toNlcstInParts}). */
function markdownRetext(destination: Processor) {
  const processor = destination.freeze()
  return async function (tree: Node, file: VFile): Promise<undefined> {
    const parser = new ParseLatin()
    const data = processor.data() as Record<string, unknown[] | undefined>
    const add = (list: unknown[], values: unknown[] | undefined) => values && list.unshift(...values)
    add(parser.tokenizeParagraphPlugins, data.nlcstParagraphExtensions)
    add(parser.tokenizeRootPlugins, data.nlcstRootExtensions)
    add(parser.tokenizeSentencePlugins, data.nlcstSentenceExtensions)
    await processor.run(toNlcstInParts(tree as Parent, file, parser) as never, file)
    return undefined
  }
}

/** remark-retext in mutate mode with parse-english, in parts: the nlcst tree `markupTree` returns. */
function markdownTree() {
  return (tree: Node, file: VFile) => toNlcstInParts(tree as Parent, file, new ParseEnglish() as unknown as ParseLatin)
}

/** Names `<!-- copydesk … -->` comments may use: code checks and rules files. */
function knownChecks(options: Options): string[] {
  return [...Object.keys(codeChecks), ...styleFor(options).files.map((file) => file.ruleId)]
}

/**
 * The bridges tokenize with parse-latin plus whatever extensions the retext
 * processor registers; retext-english registers none, so "Mr. Diallo" would
 * split into two sentences in HTML and Markdown but not in text. Register
 * parse-english's own steps (abbreviations, elisions) so all formats agree.
 */
function englishInBridge(this: Processor): undefined {
  const [sentence, paragraph] = englishSteps()
  const data = this.data() as Record<string, unknown[] | undefined>
  // The bridges `unshift` these before parse-latin's own steps, the order parse-english uses.
  data.nlcstSentenceExtensions = [...sentence, ...(data.nlcstSentenceExtensions ?? [])]
  data.nlcstParagraphExtensions = [...paragraph, ...(data.nlcstParagraphExtensions ?? [])]
  return undefined
}

interface Steps {
  tokenizeSentencePlugins: unknown[]
  tokenizeParagraphPlugins: unknown[]
}

/** The steps parse-english adds to parse-latin (its parent class, which the bridges use). */
function englishSteps(): unknown[][] {
  const english = ParseEnglish.prototype as unknown as Steps
  const latin = Object.getPrototypeOf(ParseEnglish.prototype) as Steps
  return [
    english.tokenizeSentencePlugins.filter((step) => !latin.tokenizeSentencePlugins.includes(step)),
    english.tokenizeParagraphPlugins.filter((step) => !latin.tokenizeParagraphPlugins.includes(step))
  ]
}

/**
 * Deepest nesting of elements kept as it is. The tree walks below (ours and
 * the bridges') recurse, so markup nested thousands deep — never a real
 * story, sometimes broken CMS output — would overflow the stack. Deeper
 * content is lifted, text and all, into the element at this depth: its
 * words are still checked, at their places in the source.
 */
export const maxDepth = 256

function flattenPlugin() {
  return function (tree: Node, file: VFile): undefined {
    if (flattenDeep(tree, maxDepth)) flattened.add(file)
    return undefined
  }
}

/** Replace the children of every node at `limit` depth with the leaves below it; whether any were. */
export function flattenDeep(tree: Node, limit: number): boolean {
  const stack: Array<[Node, number]> = [[tree, 0]]
  let changed = false
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    const children = (node as Partial<Parent>).children
    if (!children) continue
    if (depth >= limit) {
      ;(node as Parent).children = leavesOf(node) as Parent['children']
      changed = true
      continue
    }
    for (const child of children) stack.push([child, depth + 1])
  }
  return changed
}

function leavesOf(node: Node): Node[] {
  const leaves: Node[] = []
  const stack: Node[] = [...((node as Parent).children || [])].reverse()
  while (stack.length > 0) {
    const current = stack.pop()!
    const children = (current as Partial<Parent>).children
    if (children) stack.push(...[...children].reverse())
    else leaves.push(current)
  }
  return leaves
}

/** Parse the same-length view of the story (src/nlcst/source-map.ts `parseView`); Markdown's plain paragraphs without micromark. */
function viewPlugin(this: Processor, language: 'html' | 'markdown') {
  const parse = this.parser as (document: string, file: VFile) => Node
  this.parser = ((document: string, file: VFile) => {
    const view = parseView(document, language)
    return language === 'markdown' ? parsePlainParagraphs(view, (value) => parse(value, file)) : parse(view, file)
  }) as never
}

// Anything that could make Markdown of a line, or carry a construct across blank lines.
const markupCharacter = /[`*_[\]<>\\&\r]/
const lineOpener = /^(?:[#>+\-*=_]|\d{1,9}[.)]|\s)/
const spansBlankLines = /`{3}|~{3}|<[!?]|<(?:script|pre|style|textarea)/i

const blankText = /^[ \t]*$/
// A line that would carry on what comes before it across blank lines (a list, indented code).
const continues = /^(?:[ \t]|[-+*]|\d)/
const trailingSpace = /\s$/

/** Whether `line` is a paragraph line whatever surrounds it: no markup character, no indent, no opener, no trailing white space. */
function plainLine(line: string): boolean {
  return line !== '' && !lineOpener.test(line) && !markupCharacter.test(line) && !trailingSpace.test(line)
}

/**
 * Markdown `view` parsed by `parse` (micromark), except its plain
 * paragraphs. micromark sets up a tokenizer per paragraph and costs about
 * 0.1 ms a blank line: Markdown of many tiny paragraphs (`a\n\nb\n\n…`)
 * cost 8× prose per KB and more. A paragraph whose every line is plain text
 * ({@link plainLine}), between blank lines, at the top level, makes the same
 * mdast whoever parses it: such paragraphs are cut out of the story (whole
 * lines, with the blank lines after them, so only the count of blank
 * lines between what is left changes, never to none, which changes nothing
 * here) before micromark sees the rest, the rest's places
 * are moved back to the story, and the paragraphs put back as paragraph
 * nodes. Never when the story has fenced code or an HTML block that runs
 * across blank lines, nor before an indented line or a list marker (cutting
 * would join two lists or code blocks).
 */
export function parsePlainParagraphs(view: string, parse: (value: string) => Node): Node {
  if (spansBlankLines.test(view) || !view.includes('\n\n')) return parse(view)
  const lines = view.split('\n')
  // `through`: where the blank lines after the block end; `ends`: the line ends cut out with it and them.
  const plain: Array<{from: number; to: number; line: number; lines: number; through: number; ends: number}> = []
  let offset = 0
  let index = 0
  while (index < lines.length) {
    if (blankText.test(lines[index]!)) {
      offset += lines[index]!.length + 1
      index++
      continue
    }
    // A block: lines up to the next blank line.
    const first = index
    const from = offset
    let allPlain = true
    while (index < lines.length && !blankText.test(lines[index]!)) {
      if (allPlain && !plainLine(lines[index]!)) allPlain = false
      offset += lines[index]!.length + 1
      index++
    }
    if (!allPlain) continue
    // The next block must not continue what came before this one.
    let next = index
    while (next < lines.length && blankText.test(lines[next]!)) next++
    if (next < lines.length && continues.test(lines[next]!)) continue
    // The blank lines after it go too: micromark's cost is per line, and the
    // blank lines before it (or the story's start) still part what surrounds it.
    let through = offset
    for (let blank = index; blank < next; blank++) through += lines[blank]!.length + 1
    through = Math.min(through, view.length)
    plain.push({from, to: Math.min(offset - 1, view.length), line: first + 1, lines: index - first, through, ends: (next < lines.length ? next : lines.length - 1) - first})
  }
  if (plain.length === 0) return parse(view)
  // The rest of the story, and where each cut was made in it (`at`) with what it took out.
  const parts: string[] = []
  const cutsAt: Array<{at: number; length: number; lines: number}> = []
  let last = 0
  let kept = 0
  for (const block of plain) {
    parts.push(view.slice(last, block.from))
    kept += block.from - last
    // The block's lines and the blank lines after it, with their line ends (the story's last line has none).
    cutsAt.push({at: kept, length: block.through - block.from, lines: block.ends})
    last = block.through
  }
  parts.push(view.slice(last))
  const rest = parts.join('')
  const tree = (/\S/.test(rest) ? parse(rest) : {type: 'root', children: []}) as Parent
  moveBack(tree, cutsAt)
  const endLine = lines.length
  tree.position = {start: {line: 1, column: 1, offset: 0}, end: {line: endLine, column: lines[endLine - 1]!.length + 1, offset: view.length}}
  const paragraphs = plain.map((block) => {
    const value = view.slice(block.from, block.to)
    const lastLine = lines[block.line + block.lines - 2]!
    const position = {
      start: {line: block.line, column: 1, offset: block.from},
      end: {line: block.line + block.lines - 1, column: lastLine.length + 1, offset: block.to}
    }
    return {type: 'paragraph', children: [{type: 'text', value, position: {start: {...position.start}, end: {...position.end}}}], position}
  })
  // Both lists are in story order: merge them.
  const children: Node[] = []
  let p = 0
  for (const child of tree.children as Node[]) {
    const start = child.position?.start.offset ?? 0
    while (p < paragraphs.length && paragraphs[p]!.position.start.offset < start) children.push(paragraphs[p++]!)
    children.push(child)
  }
  while (p < paragraphs.length) children.push(paragraphs[p++]!)
  tree.children = children as Parent['children']
  return tree
}

/**
 * Move every point of `tree` (parsed with whole lines cut out at `cuts`) back
 * to the story: past a cut, by its length and lines (columns hold: the cuts
 * are whole lines). A point at a cut is the start of what follows it.
 */
function moveBack(tree: Parent, cuts: ReadonlyArray<{at: number; length: number; lines: number}>): void {
  const offsets: number[] = []
  const lineShifts: number[] = []
  let length = 0
  let lineCount = 0
  for (const cut of cuts) {
    offsets.push((length += cut.length))
    lineShifts.push((lineCount += cut.lines))
  }
  const seen = new Set<Point>()
  const stack: Node[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      if (seen.has(point) || point.offset === undefined) continue
      seen.add(point)
      // The last cut at or before the point.
      let low = 0
      let high = cuts.length
      while (low < high) {
        const middle = (low + high) >> 1
        if (cuts[middle]!.at <= point.offset) low = middle + 1
        else high = middle
      }
      if (low === 0) continue
      point.offset += offsets[low - 1]!
      point.line += lineShifts[low - 1]!
    }
    const children = (node as Partial<Parent>).children
    if (children) for (const child of children) stack.push(child)
  }
}

/**
 * hast-util-to-nlcst needs a positioned root (an empty fragment, `<html>`
 * alone or a lone NUL has none: it threw "expected position on nodes") and
 * only looks for paragraphs inside elements, so text at the top of a
 * fragment ("The oil importats fell." with no tags) was never checked. Give
 * the root the whole story's span, and its children a `div` to live in.
 */
function rootPlugin() {
  return function (tree: Node, file: VFile): undefined {
    const doc = String(file)
    const place = location(doc)
    const span = {start: place.toPoint(0)!, end: place.toPoint(doc.length)!}
    tree.position = span
    const root = tree as Parent
    if (root.children.length > 0) {
      const wrapper: Element = {type: 'element', tagName: 'div', properties: {}, children: root.children, position: span}
      root.children = [wrapper]
    }
    return undefined
  }
}

/**
 * HTML longer than this is turned into nlcst and checked in parts of about
 * this much source, cut between elements (src/check.ts cuts text and
 * Markdown before parsing; HTML cannot be cut safely before it is parsed).
 * The hast tree is kept whole, so inline control comments see it all; only
 * one part's nlcst tree (~200 bytes a character) lives at a time.
 */
export const htmlPartSize = 64 * 1024

/** rehype-retext in bridge mode, once per part of the tree (see {@link htmlParts}). */
function sectionedRetext(destination: Processor) {
  // Frozen first: rehype-retext reads the parser extensions (`englishInBridge`) off it before running it, so unfrozen the first story was tokenized without them.
  const bridge = rehypeRetext(destination.freeze() as never) as unknown as (tree: Node, file: VFile) => Promise<void>
  return async function (tree: Node, file: VFile): Promise<undefined> {
    for (const part of htmlParts(tree as Parent, htmlPartSize)) await bridge(part, file)
    return undefined
  }
}

// Elements whose content hast-util-to-nlcst ignores or reads as source: never split.
const whole = new Set(['script', 'style', 'svg', 'math', 'del', 'code', 'kbd', 'samp', 'var', 'tt', 'pre', 'textarea', 'template', 'noscript', 'iframe', 'object', 'select'])

/**
 * `root` itself when its source is at most `size` long; else runs of
 * children of about `size`, each in a `div` (flow content, so the
 * converter finds the paragraphs in it as it would in place), splitting any
 * child that is itself longer, down to a single paragraph.
 */
export function* htmlParts(root: Parent, size: number): Generator<Node> {
  if (lengthOf(root) <= size) {
    yield root
    return
  }
  yield* split(root)

  function* split(node: Parent): Generator<Node> {
    let group: Node[] = []
    let length = 0
    for (const child of node.children as Node[]) {
      const childLength = lengthOf(child)
      if (childLength > size && splittable(child)) {
        yield* part(group)
        group = []
        length = 0
        yield* split(child as Parent)
        continue
      }
      if (length + childLength > size) {
        yield* part(group)
        group = []
        length = 0
      }
      group.push(child)
      length += childLength
    }
    yield* part(group)
  }

  function* part(group: Node[]): Generator<Node> {
    const placed = group.filter((node) => node.position)
    if (placed.length === 0) return
    const position = {start: placed[0].position!.start, end: placed[placed.length - 1].position!.end}
    const div: Element = {type: 'element', tagName: 'div', properties: {}, children: group as Element['children'], position}
    yield div
  }
}

function splittable(node: Node): boolean {
  if (node.type !== 'element') return false
  const {tagName, properties, children} = node as Element
  return children.length > 0 && !whole.has(tagName) && properties.dataNlcst === undefined
}

function lengthOf(node: Node): number {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? 0 : end - start
}

function recordPlugin(language: 'html' | 'markdown') {
  return function (tree: Node, file: VFile): undefined {
    recordText(tree, file, language)
    return undefined
  }
}

function realignPlugin() {
  return function (tree: Root, file: VFile): undefined {
    realign(tree, file)
    return undefined
  }
}

// Options as an object: unified reads `.use(plugin, false)` as "plugin off".
function skipPlugin(options: {obey?: boolean} = {}) {
  return function (tree: Node, file: VFile): undefined {
    markSkipped(tree, options.obey === false ? file : undefined)
    return undefined
  }
}

interface Element extends Parent {
  type: 'element'
  tagName: string
  properties: Record<string, unknown>
}

// Elements whose text is not copy: hast-util-to-nlcst already drops
// `script`, `style`, `svg`, `math` and `del`, and makes `code` a source node.
const ignored = new Set(['pre', 'textarea', 'template', 'noscript', 'iframe', 'object', 'select'])
const source = new Set(['kbd', 'samp', 'var', 'tt'])

/**
 * Mark what is not copy with hast-util-to-nlcst's own `data-nlcst` switches.
 * With `report` (the floor), a story's own skip switch is not obeyed but
 * reported on that file as a `story-control` info message.
 */
function markSkipped(tree: Node, report?: VFile): void {
  visit(tree, 'element', (node) => {
    const {properties, tagName} = node as Element
    const className = properties.className
    const classes = Array.isArray(className) ? className : typeof className === 'string' ? className.split(/\s+/) : []
    const switched = classes.includes('copydesk-skip') || properties.dataCopydesk === 'skip'
    if (switched && report) {
      const switchText = properties.dataCopydesk === 'skip' ? 'data-copydesk="skip"' : 'class="copydesk-skip"'
      const message = report.info(`<${tagName} ${switchText}>`, (node as Node).position)
      message.ruleId = 'story-control'
      message.source = 'copydesk'
    }
    if (ignored.has(tagName) || (switched && !report)) {
      properties.dataNlcst = 'ignore'
    } else if (source.has(tagName)) {
      properties.dataNlcst = 'source'
    }
  })
}
