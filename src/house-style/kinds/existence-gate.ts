/**
 * The gate: the must-never-publish markers (the `anywhere` entries of every
 * rules file of kind `existence` the checker runs at level `error`, such as
 * `TK`, `XXX`, `lorem ipsum`, `[INSERT …]` in rules/leftovers.yml, and a
 * newsroom's own) found on the story's own characters.
 *
 * The token matcher (src/house-style/kinds/existence.ts) sees a story as
 * parse-latin tokenises it, one section at a time: `TK. eBay` is one
 * sentence-internal abbreviation to it, `TK’s` and `TK-TK` one word, `T­K`
 * (a soft hyphen) two, and `lorem ipsum` cut by a section boundary is not
 * there at all. So, once per story, the gate reads the whole story's visible
 * text (src/nlcst/visible-text.ts: inline markup seen through, invisible
 * characters left out, no sections) and scans it with word boundaries set by
 * Unicode letters and digits: `TK` next to CJK text counts, `TKO` does not;
 * `TKs`, `TK’s`, `TK-TK` and `TKTKTKTK` count as the marker. An entry's
 * `except` phrases (`TK Maxx`, `Super Bowl XXX`) apply as they do to tokens.
 *
 * It is a backstop: a marker the token matcher reported (on any overlapping
 * span, in the same field) is not reported again, and inline control comments
 * (`<!-- copydesk disable leftovers -->`) apply to what it finds.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {location} from 'vfile-location'
import type {Node} from 'unist'
import type {Level} from '../../types.js'
import type {Format} from '../../types.js'
import type {CompiledRuleFile} from '../kind.js'
import type {Policy} from '../runtime.js'
import {fillTemplate} from '../template.js'
import {report} from '../../message.js'
import {placeIn} from '../../nlcst/source-map.js'
import {visibleOfText, type VisibleText} from '../../nlcst/visible-text.js'
import {control} from '../../nlcst/control.js'
import {droppedSpans} from '../../result.js'

/** A token of a phrase or pattern, as src/house-style/kinds/existence.ts makes them. */
export type GateToken =
  | {kind: 'word'; value: string}
  | {kind: 'mark'; value: string}
  | {kind: 'any'}
  | {kind: 'anyWord'}
  | {kind: 'figure'}

/**
 * One entry of a rules file, kept for the gate: its phrases and `except`
 * phrases as tokens (the very arrays the token matcher keeps), made into
 * RegExps on the first story the gate scans with it ({@link regexesOf}). A
 * RegExp with flags `iv` costs most of a millisecond to make (case folding
 * of its classes), and a newsroom's big `existence` file at level `warning`
 * is never scanned by the gate: its entries should cost nothing to compile,
 * to store in the disk cache, or to read back.
 */
export interface GateEntry {
  /** The entry's phrases and patterns. */
  phrases: GateToken[][]
  /** Its `except` phrases. */
  except: GateToken[][]
  sensitive: boolean
  policy: Policy
  fields: Record<string, unknown>
}

/** The RegExps of a {@link GateEntry}. */
interface GateRegexes {
  /** The entry's phrases and patterns without `…`, longest first, as one global regex over visible text (`undefined`: none). */
  pattern?: RegExp
  /**
   * Its patterns with `…` gaps, each as the regexes of the parts between the
   * gaps: found part by part (src below, `gappedHits`), never as one regex,
   * whose nested lazy runs backtrack without bound (`a … a … a … !` over
   * 50 KB of `a a a`).
   */
  gapped: RegExp[][]
  /**
   * For each of `gapped`: whether it is a placeholder in brackets (it opens
   * with `[`, `{` or `(` and its last part is closing brackets). Cut off
   * before its closing bracket (`[INSERT QUOTE` at a paragraph's end) it
   * still matches, up to its paragraph's end.
   */
  bracketed: boolean[]
  /** Its `except` phrases, or `undefined`. */
  except?: RegExp
}

const made = new WeakMap<GateEntry, GateRegexes>()

/** An entry's RegExps, made on first use. */
function regexesOf(entry: GateEntry): GateRegexes {
  let regexes = made.get(entry)
  if (!regexes) {
    const {phrases, except} = entry
    const flags = entry.sensitive ? 'gv' : 'giv'
    const longest = (list: GateToken[][]) => [...list].sort((a, b) => b.length - a.length)
    const plain = phrases.filter((tokens) => !tokens.some((token) => token.kind === 'any'))
    const pattern = plain.length > 0 ? new RegExp(longest(plain).map((tokens) => phraseSource(tokens, true)).join('|'), flags) : undefined
    const withGaps = phrases.filter((tokens) => tokens.some((token) => token.kind === 'any')).filter((tokens) => partsOf(tokens).length > 0)
    const gapped = withGaps.map((tokens) => partsOf(tokens).map((part) => new RegExp(phraseSource(part, false), flags)))
    const bracketed = withGaps.map((tokens) => {
      const parts = partsOf(tokens)
      const first = parts[0]![0]!
      const last = parts[parts.length - 1]!
      return parts.length > 1 && first.kind === 'mark' && /^[[{(]/.test(first.value) && last.every((token) => token.kind === 'mark' && /^[\]})]+$/.test(token.value))
    })
    const excepted = except.length > 0 ? new RegExp(longest(except).map((tokens) => phraseSource(tokens, false)).join('|'), flags) : undefined
    regexes = {pattern, gapped, bracketed, except: excepted}
    made.set(entry, regexes)
  }
  return regexes
}

/** A letter, digit or mark of a script written with spaces between words: what a word is made of. */
const letter = String.raw`[[\p{L}\p{N}\p{M}]--[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]]`
/** White space between two words of a phrase: some, within a line or across one line break. */
const spaced = String.raw`(?:[^\S\r\n]+(?:(?:\r\n|\r|\n)[^\S\r\n]*)?|[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*)`
/** White space between two tokens of a phrase: within a line, or across one line break (not a blank line, not a block). */
const gap = String.raw`[^\S\r\n]*(?:(?:\r\n|\r|\n)[^\S\r\n]*)?`
/** What `…` in a pattern stands for: a run of up to ~60 tokens within a paragraph. (`[\s\S]`, not `[^]`, which matches nothing under flags `iv` in V8.) */
const anyRun = String.raw`(?:(?!(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n))[\s\S]){1,400}?`
/** Repeats of a one-word marker joined by a hyphen or slash: `TK-TK`, `TK/TK`, `TKTKTKTK`. */
const joiner = String.raw`[\-\/\u2010\u2011\u2013\u2014]?`
/** A plural or possessive ending: `TKs`, `TK’s`. */
const ending = String.raw`(?:['’]?s)?`

function escape(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|\/]/g, (character) => '\\' + character).replace(/'/g, `['’]`)
}

const wordish = (token: GateToken) => token.kind === 'word' || token.kind === 'anyWord' || token.kind === 'figure'

/** The regex source for one phrase or pattern; `marker`: allow repeats and endings (`TKs`, `TK-TK`). */
function phraseSource(tokens: GateToken[], marker: boolean): string {
  const parts: string[] = []
  tokens.forEach((token, index) => {
    // Two words stand apart by white space at least (`lorem ipsum`, never `loremipsum`).
    if (index > 0 && token.kind !== 'any' && tokens[index - 1].kind !== 'any') parts.push(wordish(token) && wordish(tokens[index - 1]) ? spaced : gap)
    switch (token.kind) {
      case 'word':
        // Its edges are checked in `ranges` (a lookaround of `letter` a word costs milliseconds to compile).
        parts.push(escape(token.value))
        break
      case 'mark':
        parts.push(escape(token.value))
        break
      case 'anyWord':
        parts.push(`(?<!${letter})${letter}+(?!${letter})`)
        break
      case 'figure':
        parts.push(String.raw`(?<![\d.,]|${letter})\d[\d.,]*(?!${letter})`)
        break
      case 'any':
        parts.push(anyRun)
        break
      default:
    }
  })
  if (!marker || tokens.length === 0 || tokens[tokens.length - 1].kind !== 'word') return parts.join('')
  const last = tokens[tokens.length - 1] as {value: string}
  const word = escape(last.value)
  const head = parts.slice(0, -1).join('')
  if (tokens.length === 1) return `${word}(?:${joiner}${word})*${ending}`
  return `${head}${word}${ending}`
}

/**
 * Keep an `anywhere` entry for the gate (`undefined` for one that must
 * stand on its own line: page debris such as `Advertisement` is matched on
 * the lines the token matcher sees).
 */
export function gateEntry(
  phrases: GateToken[][],
  except: GateToken[][],
  sensitive: boolean,
  position: string,
  policy: Policy,
  fields: Record<string, unknown>
): GateEntry | undefined {
  if (position !== 'anywhere' || phrases.length === 0) return undefined
  return {phrases, except, sensitive, policy, fields}
}

/** What the gate needs of a compiled `existence` file. */
interface GateFile extends CompiledRuleFile<{gate?: GateEntry[]; level: Level}> {}

interface Hit {
  from: number
  to: number
  entry: GateEntry
  file: GateFile
}

/**
 * The markers of `files` in `visible` (offsets in its text), longest first at
 * each start, none inside another of the same file, none inside an `except` phrase.
 */
export function scanVisible(visible: string, files: ReadonlyArray<GateFile>): Hit[] {
  const hits: Hit[] = []
  for (const file of files) {
    for (const entry of file.data.gate ?? []) {
      let excepts: ((from: number, to: number) => boolean) | undefined
      for (const [from, to] of entryHits(entry, visible)) {
        const except = regexesOf(entry).except
        if (except) {
          excepts ??= containment(ranges(except, visible))
          if (excepts(from, to)) continue
        }
        hits.push({from, to, entry, file})
      }
    }
  }
  hits.sort((a, b) => a.from - b.from || b.to - a.to)
  // Per rules file: another file's phrase (a newsroom's `HED TK`, a warning) never hides a `TK`.
  const kept: Hit[] = []
  const ends = new Map<GateFile, number>()
  for (const hit of hits) {
    if (hit.from < (ends.get(hit.file) ?? -1)) continue
    kept.push(hit)
    ends.set(hit.file, hit.to)
  }
  return kept
}

function ranges(pattern: RegExp, text: string): Array<[number, number]> {
  const found: Array<[number, number]> = []
  pattern.lastIndex = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index
    const end = start + match[0].length
    if (end === start) pattern.lastIndex++
    // A match that starts or ends with a letter must not run on into a word (`TKO`, `ATK`): try again one further on.
    else if ((isWordChar(codePointAt(text, start)) && isWordChar(codePointBefore(text, start))) || (isWordChar(codePointBefore(text, end)) && isWordChar(codePointAt(text, end)))) {
      pattern.lastIndex = start + 1
    } else found.push([start, end])
  }
  return found
}

const letterCharacter = /[\p{L}\p{N}\p{M}]/u
const spacelessScript = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u

/** Whether a character is what a word is made of (`letter`, as one character): a letter, digit or mark of a script written with spaces. */
function isWordChar(character: string): boolean {
  return character !== '' && letterCharacter.test(character) && !spacelessScript.test(character)
}

function codePointAt(text: string, at: number): string {
  const point = text.codePointAt(at)
  return point === undefined ? '' : String.fromCodePoint(point)
}

function codePointBefore(text: string, at: number): string {
  if (at <= 0) return ''
  const unit = text.charCodeAt(at - 1)
  return unit >= 0xdc00 && unit <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text.charAt(at - 1)
}

/** The spans of `visible` an entry matches: its plain phrases by one regex, its gapped patterns part by part. */
function entryHits(entry: GateEntry, visible: string): Array<[number, number]> {
  const {pattern, gapped, bracketed} = regexesOf(entry)
  const found: Array<[number, number]> = pattern ? ranges(pattern, visible) : []
  if (gapped.length > 0) {
    const breaks = ranges(/(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)/g, visible).map(([start]) => start)
    gapped.forEach((parts, index) => found.push(...gappedHits(parts, visible, breaks, bracketed[index])))
  }
  return found
}

/** The longest run a `…` gap stands for, in characters (the token matcher's is 60 tokens). */
const gapLength = 400
/** The most tokens a `…` gap stands for (as `maxRun` in src/house-style/kinds/existence.ts). */
const gapTokens = 60

/**
 * Matches of a pattern with `…` gaps: each part's matches are found once over
 * the whole text (linear), then chained, each part taking the first match of
 * the next that starts 1 to `gapLength` characters after it, within its
 * paragraph (`breaks`: where blank lines start). O(n log n) whatever the pattern.
 */
function gappedHits(parts: ReadonlyArray<RegExp>, visible: string, breaks: ReadonlyArray<number>, bracketed = false): Array<[number, number]> {
  const each = parts.map((part) => ranges(part, visible))
  const found: Array<[number, number]> = []
  for (const [start, firstEnd] of each[0]!) {
    let end = firstEnd
    let whole = true
    for (let index = 1; index < each.length && whole; index++) {
      if (bracketed && index === each.length - 1) {
        const cut = unclosedEnd(each[index]!, visible, end, firstAtOrAfterNumber(breaks, end))
        if (cut !== undefined) {
          end = cut
          break
        }
      }
      // A gap holds one token or more (`b b b b !` is no `b … b … b … b … !`): the next part starts after the gap's first.
      const token = /\S/g
      token.lastIndex = end
      const first = token.exec(visible)
      const next = first ? firstAtOrAfter(each[index]!, first.index + 1) : undefined
      if (next === undefined || next[0] > end + gapLength || firstAtOrAfterNumber(breaks, end) < next[0]) whole = false
      // At most `gapTokens` tokens, as the token matcher allows.
      else if ((visible.slice(end, next[0]).match(/\S+/g)?.length ?? 0) > gapTokens) whole = false
      else end = next[1]
    }
    if (whole) found.push([start, end])
  }
  return found
}

/**
 * Where a bracketed placeholder cut off before its closing bracket ends: the
 * end of its paragraph's last word (`[INSERT QUOTE` at the end of a
 * paragraph or story), when no closing bracket (`closers`) comes before the
 * paragraph ends (`paragraphEnd`) and the run is no longer than a `…` gap
 * may be; else `undefined`.
 */
function unclosedEnd(closers: ReadonlyArray<[number, number]>, visible: string, from: number, paragraphEnd: number): number | undefined {
  const until = Math.min(paragraphEnd, visible.length)
  const closer = firstAtOrAfter(closers, from)
  if (closer !== undefined && closer[0] < until) return undefined
  const run = visible.slice(from, until)
  if (run.length > gapLength || (run.match(/\S+/g)?.length ?? 0) > gapTokens) return undefined
  // Up to the last word (a hidden block of code, `\u0001`, is not one).
  const words = run.replace(/[\s\u0001]+$/, '')
  return from + words.length
}

/** The first range of `list` (sorted by start) starting at or after `at`. */
function firstAtOrAfter(list: ReadonlyArray<[number, number]>, at: number): [number, number] | undefined {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (list[middle]![0] < at) low = middle + 1
    else high = middle
  }
  return list[low]
}

/** The first number of `list` (sorted) at or after `at`, or Infinity. */
function firstAtOrAfterNumber(list: ReadonlyArray<number>, at: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (list[middle]! < at) low = middle + 1
    else high = middle
  }
  return list[low] ?? Number.POSITIVE_INFINITY
}

/** A pattern's parts between its `…` gaps (empty parts, at either end, left out). */
function partsOf(tokens: ReadonlyArray<GateToken>): GateToken[][] {
  const parts: GateToken[][] = [[]]
  for (const token of tokens) {
    if (token.kind === 'any') parts.push([])
    else parts[parts.length - 1]!.push(token)
  }
  return parts.filter((part) => part.length > 0)
}

/** Whether some range of `list` (in text order, as `ranges` finds them) holds all of [from, to): O(log n) a question. */
function containment(list: ReadonlyArray<[number, number]>): (from: number, to: number) => boolean {
  const furthest: number[] = []
  let far = -Infinity
  for (const [, end] of list) furthest.push((far = Math.max(far, end)))
  return function (from, to) {
    let low = 0
    let high = list.length - 1
    let last = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (list[middle]![0] <= from) {
        last = middle
        low = middle + 1
      } else high = middle - 1
    }
    return last >= 0 && furthest[last]! >= to
  }
}

/**
 * Runs the gate over a story (and its headline): the messages the token
 * matcher missed. `body` is the story's visible text, read off the tree the
 * checks ran on (src/input/markup.ts `visibleOfMarkup`, `takeVisible`);
 * plain text is read here.
 */
export type Gate = (file: VFile, format: Format, reported: ReadonlyArray<VFileMessage>, headline?: string, body?: VisibleText) => VFileMessage[]

/**
 * The gate of a checker: `files` are its compiled `existence` rules files
 * that run at level `error` (`CheckPlan.critical`), `known` the check names
 * inline control comments may use.
 */
export function markerGate(files: ReadonlyArray<CompiledRuleFile>, known: ReadonlyArray<string>): Gate {
  const gated = files.filter((file) => file.kind === 'existence' && ((file as GateFile).data.gate ?? []).length > 0) as GateFile[]
  return function (file, format, reported, headline, given) {
    if (gated.length === 0) return []
    const value = String(file.value)
    if (!given && format !== 'text') throw new TypeError('copydesk: the gate needs the visible text of a Markdown or HTML story')
    const body = given ?? visibleOfText(value)
    // What the cap left out (src/result.ts) was reported too: not again.
    const found = messagesFor(value, body, gated, reported.filter((message) => fieldOf(message) !== 'headline'), headlineLines(file), false, droppedSpans(file))
    const kept = body.tree ? controlled(found, value, body, format as 'markdown' | 'html', known) : found
    for (const message of kept) message.file = file.path || ''
    if (headline === undefined) return kept
    const head = messagesFor(headline, visibleOfText(headline), gated, reported.filter((message) => fieldOf(message) === 'headline'), Infinity, true)
    for (const message of head) {
      message.file = file.path || ''
      Object.assign(message, {data: {...(message as {data?: object}).data, field: 'headline'}})
    }
    return [...kept, ...head]
  }
}

function fieldOf(message: VFileMessage): unknown {
  return (message as {data?: {field?: unknown}}).data?.field
}

function headlineLines(file: VFile): number {
  return (file.data as {headlineLines?: number}).headlineLines ?? 0
}

/** Messages for the hits in `visible` that no message in `reported` (of the same rules file) overlaps. */
function messagesFor(
  value: string,
  visible: VisibleText,
  files: ReadonlyArray<GateFile>,
  reported: ReadonlyArray<VFileMessage>,
  headLines: number,
  isHeadline = false,
  dropped: Readonly<Record<string, ReadonlyArray<number>>> = {}
): VFileMessage[] {
  const hits = scanVisible(visible.text, files)
  if (hits.length === 0) return []
  const covered = coverage(reported, dropped)
  const isQuoted = quotes(visible.text)
  const scratch = new VFile({value})
  const place = location(value)
  for (const hit of hits) {
    const start = visible.start(hit.from)
    const end = visible.end(hit.to - 1)
    if (covered.get(hit.file.ruleId)?.overlaps(start, end)) continue
    const position = placeIn(value, start, end, place)
    if (!position) continue
    const {policy, fields} = hit.entry
    const inHead = isHeadline || position.start.line <= headLines
    if (policy.scope === 'headline' && !inHead) continue
    if (policy.scope === 'text' && inHead) continue
    const quoted = isQuoted(hit.from)
    if (quoted && policy.quotes === 'skip') continue
    const actual = value.slice(start, end)
    report(scratch, position, {
      ruleId: hit.file.ruleId,
      entry: policy.id,
      // As `emit`: the entry's own level, unless the checker's options raised the file to `error`.
      level: quoted && policy.quotes === 'suggestion' ? 'suggestion' : hit.file.data.level !== 'error' ? 'error' : (policy.level ?? 'error'),
      reason: fillTemplate(hit.file.message, {...fields, actual, expected: []}),
      actual,
      expected: [],
      url: policy.url,
      note: policy.note,
      quoted
    })
  }
  return scratch.messages
}

/** Spans already reported, by ruleId, answering "does any overlap [start, end)?" in O(log n) (a story of 300,000 `TK`s has that many). */
interface Covered {
  overlaps(start: number, end: number): boolean
}

function coverage(reported: ReadonlyArray<VFileMessage>, dropped: Readonly<Record<string, ReadonlyArray<number>>>): Map<string, Covered> {
  const spans = new Map<string, Array<[number, number]>>()
  const add = (ruleId: string, from: number, to: number) => {
    let list = spans.get(ruleId)
    if (!list) spans.set(ruleId, (list = []))
    list.push([from, to])
  }
  for (const message of reported) {
    const place = message.place
    if (!place || !('start' in place)) continue
    const from = place.start.offset
    const to = place.end.offset
    if (from !== undefined && to !== undefined) add(message.ruleId ?? '', from, to)
  }
  for (const [ruleId, pairs] of Object.entries(dropped)) {
    for (let index = 0; index + 1 < pairs.length; index += 2) add(ruleId, pairs[index]!, pairs[index + 1]!)
  }
  const result = new Map<string, Covered>()
  for (const [ruleId, list] of spans) {
    list.sort((a, b) => a[0] - b[0])
    // furthest[i]: the furthest end among the first i + 1 spans (by start).
    const furthest: number[] = []
    let far = -Infinity
    for (const [, to] of list) furthest.push((far = Math.max(far, to)))
    result.set(ruleId, {
      overlaps(start, end) {
        // The last span starting before `end`; some span up to it overlaps when the furthest end passes `start`.
        let low = 0
        let high = list.length - 1
        let last = -1
        while (low <= high) {
          const middle = (low + high) >> 1
          if (list[middle]![0] < end) {
            last = middle
            low = middle + 1
          } else high = middle - 1
        }
        return last >= 0 && furthest[last]! > start
      }
    })
  }
  return result
}

/**
 * Whether a place is inside quotation marks opened in its paragraph (block)
 * of visible text. Asked in text order (hits are sorted), it reads the text
 * once in all, not once a hit.
 */
function quotes(text: string): (at: number) => boolean {
  let position = 0
  let curly = 0
  let straight = 0
  return function (at) {
    if (at < position) {
      position = 0
      curly = 0
      straight = 0
    }
    for (; position < at; position++) {
      const character = text.charAt(position)
      if (character === '“') curly++
      else if (character === '”') curly = Math.max(curly - 1, 0)
      else if (character === '"') straight ^= 1
      else if (character === '\n' && text.charAt(position + 1) === '\n') {
        // A new block: quotation marks do not run on across it.
        curly = 0
        straight = 0
      }
    }
    return curly > 0 || straight === 1
  }
}

/**
 * Apply inline control comments to the gate's messages, as the pipeline does
 * to the checks' (src/nlcst/control.ts), on the tree the visible text was
 * read from (in the coordinates of the story less a byte order mark).
 */
function controlled(found: VFileMessage[], value: string, visible: VisibleText, language: 'markdown' | 'html', known: ReadonlyArray<string>): VFileMessage[] {
  if (found.length === 0 || !visible.tree) return found
  const doc = value.slice(visible.shift)
  const scratch = new VFile({value: doc})
  const place = location(doc)
  const byCopy = new Map<VFileMessage, VFileMessage>()
  for (const message of found) {
    const span = message.place && 'start' in message.place ? message.place : undefined
    const position = span && placeIn(doc, span.start.offset! - visible.shift, span.end.offset! - visible.shift, place)
    if (!position) continue
    const copy = scratch.message(message.reason, {place: position, ruleId: message.ruleId ?? undefined, source: 'copydesk'})
    byCopy.set(copy, message)
  }
  const transform = (control as unknown as (options: object) => (tree: Node, file: VFile) => void)({language, known})
  transform(visible.tree, scratch)
  return scratch.messages.flatMap((copy) => byCopy.get(copy) ?? [])
}
