/**
 * What a speller should look at in a story: the word pieces of each word node
 * (compounds and elisions split, possessives kept whole), with what we know
 * about them, and what it should leave alone (URLs, e-mail addresses,
 * @handles, #hashtags, numbers, code-like tokens).
 */
import type {Point, Position} from 'unist'
import type {Parent, Root, Sentence, SentenceContent, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {isSentenceStart, nextWord} from '../nlcst/words.js'
import {sentencesOf} from '../nlcst/tree.js'

/** One piece of a word node that is spelled on its own. */
export interface Piece {
  /** Text with curly apostrophes made straight (`Mali’s` → `Mali's`). */
  value: string
  /** `value` without a possessive `'s` (`Mali's` → `Mali`). */
  base: string
  /** Span of the piece in the input. */
  position: Position
  /** The word node it is part of. */
  word: Word
  /** Whether the piece is the whole word node (so its span is the word's). */
  whole: boolean
  /** Whether the piece opens its sentence, a quotation or a clause after a colon. */
  initial: boolean
  /** Whether its word stands alone in quotation marks: a title or a term (`soap “Neighbours”`). */
  alone: boolean
  /** Whether a capitalized word follows (`Labour Party`, `van der Veer`). */
  beforeCapitalized: boolean
  /** Whether a piece of the same compound follows (`Al` and `Qaida` in `Al-Qaida-affiliated`). */
  beforeMore: boolean
  /** The previous piece of the same compound (`Chee` before `hwa` in `Chee-hwa`). */
  previous?: string
  /** The next piece of the same compound (`Islam` after `al` in `al-Islam`). */
  next?: string
}

/** How a piece is written, which decides how a speller treats it. */
export type Shape =
  /** `imports`, `importats`: a word, spelled. */
  | 'lower'
  /** `Bamako`, `Tuesdy`: a name, unless it is a near miss of a known one. */
  | 'capitalized'
  /** Left alone: `NATO`, `iPhone`, `McCain`, `3.8`, `2nd`, `x`. */
  | 'skip'

/** How `base` is written: see {@link Shape}. */
export function shapeOf(base: string): Shape {
  // Fast path for the common case, plain ASCII: "imports", "Bamako".
  const first = base.charCodeAt(0)
  if (base.length >= 2 && ((first >= 97 && first <= 122) || (first >= 65 && first <= 90))) {
    let plain = true
    for (let index = 1; index < base.length; index++) {
      const code = base.charCodeAt(index)
      if (code < 97 || code > 122) {
        plain = false
        break
      }
    }
    if (plain) return first >= 97 ? 'lower' : 'capitalized'
  }
  // "JNIM", "NATO": acronyms are not spelled.
  if (base === base.toUpperCase()) return 'skip'
  // "3.8", "1990s", "2nd", "G7": not words.
  if (/\d/.test(base)) return 'skip'
  // Single letters: initials, list markers, "x" in "x-ray".
  if (base.replace(/'/g, '').length < 2) return 'skip'
  // Only letters and apostrophes are spelled.
  if (!/^[\p{L}\p{M}']+$/u.test(base)) return 'skip'
  // "iPhone", "McCain", "eBay": mixed case is a brand or a name.
  if (/\p{Lu}/u.test(base.slice(1))) return 'skip'
  return base.charAt(0) === base.charAt(0).toLowerCase() ? 'lower' : 'capitalized'
}

// Separators that make a word node a compound: `Al-Qaida-affiliated`, `and/or`.
const separators = new Set(['-', '‐', '‑', '–', '—', '/'])
const apostrophes = new Set(["'", '’'])

// Kept on the tree under a symbol, as src/nlcst/tree.ts does: a WeakMap
// keyed by the tree keeps it (and every piece) alive through young garbage
// collections, which cost more than the pieces save.
const piecesKey = Symbol('copydesk.pieces')

/**
 * The pieces of every word in a tree that a speller should check, in order.
 * Leaves out words in URLs, e-mail addresses, @handles and #hashtags, and
 * compound segments with dots, underscores or symbols (`U.S.` in `U.S.-led`,
 * `Adspot_img`, `e.g.`). Computed once per tree: `spelling`, `dialect` and
 * `name-consistency` share it (none of them changes the tree).
 */
export function piecesOf(tree: Root): Piece[] {
  const cached = tree as Root & {[piecesKey]?: Piece[]}
  let pieces = cached[piecesKey]
  if (!pieces) {
    pieces = []
    for (const sentence of sentencesOf(tree)) collectPieces(sentence, pieces)
    cached[piecesKey] = pieces
  }
  return pieces
}

function collectPieces(sentence: Sentence, pieces: Piece[]): void {
  const skipped = sourceWords(sentence)
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (child.type !== 'WordNode' || skipped.has(child)) continue
    const initial = isSentenceStart(sentence, index)
    const alone = initial && closesQuote(children[index + 1])
    const after = nextWord(sentence, index)
    const beforeCapitalized = after !== undefined && startsCapitalized(children[after] as Word)
    const only = child.children.length === 1 ? child.children[0] : undefined
    if (only && only.type === 'TextNode' && only.position) {
      // Most words are one text node: no compound, no apostrophe.
      pieces.push({
        value: only.value,
        base: only.value,
        position: only.position,
        word: child,
        whole: true,
        initial,
        alone,
        beforeCapitalized,
        beforeMore: false
      })
    } else {
      for (const piece of wordPieces(child, initial)) {
        piece.alone = alone
        piece.beforeCapitalized = beforeCapitalized
        pieces.push(piece)
      }
    }
  }
}

const namesKey = Symbol('copydesk.names')

/** Give `tree` the names of a larger story it is part of (src/incremental.ts checks some paragraphs alone). */
export function presetNames(tree: Root, names: Set<string>): void {
  ;(tree as Root & {[namesKey]?: Set<string>})[namesKey] = names
}

/** {@link namesInside} the pieces of a tree: worked out once per tree (`spelling` and `dialect` both ask). */
export function namesOf(tree: Root): Set<string> {
  const cached = tree as Root & {[namesKey]?: Set<string>}
  return (cached[namesKey] ??= namesInside(piecesOf(tree)))
}

/**
 * Capitalized forms written inside a sentence somewhere in the story
 * (possessive dropped): a word that opens a sentence and is among them is a
 * name (`Lyammouri said …` after `… said Rida Lyammouri`).
 */
export function namesInside(pieces: ReadonlyArray<Piece>): Set<string> {
  const names = new Set<string>()
  for (const piece of pieces) {
    if (!piece.initial && shapeOf(piece.base) === 'capitalized') names.add(piece.base)
  }
  return names
}

/**
 * The pieces of one word node. `initial` says whether the word opens its
 * sentence; only the first piece of a compound inherits it.
 */
export function wordPieces(word: Word, initial: boolean): Piece[] {
  const segments: Array<Word['children']> = [[]]
  for (const child of word.children) {
    if (child.type === 'PunctuationNode' && separators.has(child.value)) segments.push([])
    else segments[segments.length - 1].push(child)
  }
  const pieces: Piece[] = []
  segments.forEach(function (all, index) {
    // "Wahsington." when a parser keeps the full stop on the word (Markdown
    // before inline code): the stop is not part of it. "U.S." keeps its inner dot.
    let nodes = all
    while (nodes.length > 1 && nodes[nodes.length - 1].type === 'PunctuationNode' && toString(nodes[nodes.length - 1]) === '.') {
      nodes = nodes.slice(0, -1)
    }
    if (nodes.length === 0) return
    // "U.S.-led", "Adspot_img", "a?b=1": dots, underscores and symbols are not prose.
    const plain = nodes.every(
      (node) => node.type === 'TextNode' || (node.type === 'PunctuationNode' && apostrophes.has(node.value))
    )
    if (!plain) return
    const start = nodes[0].position?.start
    const end = nodes[nodes.length - 1].position?.end
    if (!start || !end) return
    const value = nodes.map((node) => toString(node)).join('').replace(/’/g, "'")
    pieces.push({
      value,
      base: value.replace(/'s$/i, ''),
      position: {start, end},
      word,
      whole: start.offset === word.position?.start.offset && end.offset === word.position?.end.offset,
      initial: initial && pieces.length === 0 && index === 0,
      alone: false,
      beforeCapitalized: false,
      beforeMore: index < segments.length - 1
    })
  })
  for (let index = 0; index < pieces.length - 1; index++) {
    pieces[index].next = pieces[index + 1].value
    pieces[index + 1].previous = pieces[index].value
  }
  return pieces
}

/** `Veer`, `d’Exploitation`: a word whose first letter (after an elided `d’`, `l’`) is a capital. */
export function startsCapitalized(word: Word): boolean {
  // Asked of the word after every word: look at its first text node when it
  // holds the answer (no elision there, an ASCII first letter).
  const first = word.children[0]
  if (first !== undefined && first.type === 'TextNode' && first.value.length >= 2) {
    const head = first.value.charCodeAt(0)
    const second = first.value.charCodeAt(1)
    const elided = (head === 100 || head === 108 || head === 68 || head === 76) && (second === 39 || second === 0x2019)
    if (!elided && head < 128) return head >= 65 && head <= 90
  }
  const text = toString(word).replace(/^[dl]['’]/i, '')
  return /^\p{Lu}/u.test(text)
}

/**
 * The text of a span as written in the file (curly apostrophes and all);
 * `fallback` when the span has no offsets.
 */
export function writtenText(file: VFile, position: Position, fallback: string): string {
  const {start, end} = position
  if (start.offset === undefined || end.offset === undefined) return fallback
  return String(file.value).slice(start.offset, end.offset)
}

/** Give suggestions the apostrophes of the text they replace (`government’s` for `goverment’s`). */
export function likeWritten(words: ReadonlyArray<string>, written: string): string[] {
  return written.includes('’') ? words.map((word) => word.replace(/'/g, '’')) : [...words]
}

function closesQuote(node: SentenceContent | undefined): boolean {
  return node !== undefined && node.type === 'PunctuationNode' && /^["”’']$/.test(node.value)
}

/**
 * Split a piece at inner apostrophes (`Jama'at` → `Jama`, `at`), for when the
 * whole piece is unknown and not a possessive: each part is then spelled on
 * its own. Spans follow the text.
 */
export function elisionParts(piece: Piece): Piece[] {
  const parts: Piece[] = []
  const {value} = piece
  // Offsets along the piece are exact only where its source reads as its text
  // (no entity or tag inside, as `&nbsp` in HTML can be): else each part keeps
  // the whole piece's span, which is never outside the text.
  const {start: from, end: to} = piece.position
  const aligned = from.offset !== undefined && to.offset !== undefined && to.offset - from.offset === value.length
  const pattern = /[^']+/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(value))) {
    const start = aligned ? shift(piece.position.start, match.index) : piece.position.start
    const end = aligned ? shift(piece.position.start, match.index + match[0].length) : piece.position.end
    parts.push({
      ...piece,
      value: match[0],
      base: match[0],
      position: {start, end},
      whole: false,
      initial: piece.initial && match.index === 0
    })
  }
  return parts
}

// Pieces never span lines, so moving along one line is exact.
function shift(point: Point, by: number): Point {
  return {
    line: point.line,
    column: point.column + by,
    ...(point.offset === undefined ? {} : {offset: point.offset + by})
  }
}

/**
 * Word nodes inside URLs, e-mail addresses, @handles and #hashtags: runs of
 * nodes between white space that look like one. (retext-syntax-urls and
 * retext-syntax-mentions would turn these into `SourceNode`s, but that would
 * change the tree every later check sees.)
 */
export function sourceWords(sentence: Sentence): Set<Word> {
  const words = new Set<Word>()
  if (!hasSourceMarks(sentence)) return words
  let run: SentenceContent[] = []
  const flush = () => {
    if (run.length > 0 && isSource(run.map((node) => toString(node)).join(''))) {
      for (const node of run) if (node.type === 'WordNode') words.add(node)
    }
    run = []
  }
  for (const child of sentence.children) {
    if (child.type === 'WhiteSpaceNode') flush()
    else run.push(child)
  }
  flush()
  return words
}

/** Cheap test first: no `/`, `@` or `#` anywhere, no URL, address or handle. */
function hasSourceMarks(sentence: Sentence): boolean {
  for (const child of sentence.children) {
    if (child.type === 'PunctuationNode' || child.type === 'SymbolNode') {
      if (/[/@#]/.test(child.value)) return true
    } else if (child.type === 'WordNode') {
      for (const part of child.children) {
        if (part.type !== 'TextNode' && /[/@#]/.test(part.value)) return true
        if (part.type === 'TextNode' && part.value.length === 3 && /^www$/i.test(part.value)) return true
      }
    }
  }
  return false
}

function isSource(text: string): boolean {
  return (
    // "https://example.com/a", "www.reuters.com"
    /^[("“]?(?:[a-z][a-z\d+.-]*:\/\/|www\.)/i.test(text) ||
    // "me@example.org", "@handle", "#hashtag"
    /\S@\S/.test(text) ||
    /^[("“]?[@#]\w/.test(text) ||
    // "reuters.com/business": a domain with a path
    /^\w[\w-]*\.(?:com|org|net|gov|edu|int|io|co|uk)(?:\/|$|[.,;:)])/i.test(text)
  )
}

/**
 * Find the words retext-spell would report as unknown in `node`, in the
 * order it visits them (depth first), without retext-spell: it looks at
 * every word node (we run it with `ignoreLiteral: false`), takes its text
 * with curly apostrophes made straight, skips numbers and times
 * (`ignoreDigits`: `1990`, `2:41pm`), asks `correct` (nspell's, see
 * `Speller.withPersonal`) for the whole word and, when that fails, for each
 * text part (`alpha-bravo` is fine when `alpha` and `bravo` are). `found`
 * gets each unknown word, its parent, its index there and its text.
 * test/spelling-parity.test.ts runs retext-spell itself beside this.
 */
export function unknownWords(
  node: Parent,
  correct: (word: string) => boolean,
  found: (word: Word, parent: Parent, index: number, text: string) => void
): void {
  const children = node.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (child.type === 'WordNode') {
      const text = unknownText(child, correct)
      if (text !== undefined) found(child, node, index, text)
    }
    if ('children' in child) unknownWords(child as Parent, correct, found)
  }
}

/** retext-spell's verdict on one word node: its text when unknown, else undefined. */
function unknownText(word: Word, correct: (word: string) => boolean): string | undefined {
  const only = word.children.length === 1 ? word.children[0] : undefined
  const written = only && only.type === 'TextNode' ? only.value : toString(word)
  const text = written.includes('’') ? written.replace(/’/g, "'") : written
  if (irrelevant(text) || correct(text)) return undefined
  if (word.children.length > 1) {
    // "state-owned": known when every part is.
    let known = true
    for (const child of word.children) {
      if (child.type !== 'TextNode' || irrelevant(child.value)) continue
      if (!correct(child.value)) {
        known = false
        break
      }
    }
    if (known) return undefined
  }
  return text
}

/** retext-spell's `ignoreDigits`: `1990`, `2:41pm`. */
function irrelevant(word: string): boolean {
  return /^\d+$/.test(word) || /^\d{1,2}:\d{2}(?:[ap]\.?m\.?)?$/i.test(word)
}
