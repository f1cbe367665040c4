/**
 * Kind `existence`: text that must not be there at all — edit residue (`TK`,
 * `XXX`, `[INSERT QUOTE]`, `lorem ipsum`) and web-page debris scraped along
 * with a story (`LEAVE A REPLY`, `Sponsored Adspot_img`). Phrases are matched
 * on nlcst nodes (words, punctuation, symbols), never with regexes over the
 * raw text, so `TK` never matches inside `TKO` and spans stay exact.
 */
import type {Paragraph, Root, SentenceContent} from 'nlcst'
import type {VFile} from 'vfile'
import {ParseEnglish} from 'parse-english'
import {toString} from 'nlcst-to-string'
import {visit} from 'unist-util-visit'
import {paragraphsOf} from '../../nlcst/tree.js'
import type {CompiledRuleFile, Kind, KindPluginOptions, LoadedRuleFile, RuleEntry} from '../kind.js'
import {RuleDataError} from '../kind.js'
import {Story, dataLevel, emit, entryPolicySchema, policyOf, type EntrySettings, type Policy} from '../runtime.js'
import type {Level} from '../../types.js'
import {gateEntry, type GateEntry} from './existence-gate.js'

/** Where a phrase must stand to count. */
export type Position = 'anywhere' | 'line' | 'line-start'

/** One entry as written in a rules file. */
export interface ExistenceEntry extends RuleEntry, EntrySettings {
  /** Phrases, as written (`LEAVE A REPLY`, `Please enter your comment!`). */
  match?: string[]
  /** Token patterns: `…` is any run of tokens, `*` any one word, `#` a figure (`[INSERT …]`, `# C`). */
  patterns?: string[]
  /** `sensitive` (default): `TK` but not `tk`; `insensitive`: `Lorem ipsum` and `lorem ipsum`. */
  case?: 'sensitive' | 'insensitive'
  /** `anywhere` (default), `line` (the phrase is the whole line), or `line-start`. */
  position?: Position
  /** Phrases containing a match that are fine (`Super Bowl XXX`). */
  except?: string[]
}

/** A token of a phrase or pattern. */
type Token =
  | Literal
  | {kind: 'any'}
  | {kind: 'anyWord'}
  | {kind: 'figure'}

/** A word or mark as written: every token of a `match` or `except` phrase. */
type Literal = {kind: 'word'; value: string} | {kind: 'mark'; value: string}

interface Phrase {
  tokens: Token[]
  entry: CompiledEntry
}

interface CompiledEntry {
  policy: Policy
  /** The entry's fields, for `{…}` in the message. */
  fields: Record<string, unknown>
  sensitive: boolean
  position: Position
  except: Literal[][]
}

/** What the plugin gets per rules file. */
export interface ExistenceData {
  /** Phrases by their first token, exact (case-sensitive entries). */
  exact: ReadonlyMap<string, Phrase[]>
  /** Phrases by their first token, lower case (case-insensitive entries). */
  folded: ReadonlyMap<string, Phrase[]>
  /** Patterns that start with a figure (`# C`). */
  figures: ReadonlyArray<Phrase>
  /** The level the data gave the file. */
  level: Level
  /** The `anywhere` entries, for the gate's scan of the story's characters (src/house-style/kinds/existence-gate.ts). */
  gate: GateEntry[]
}

/** One token of text: a node of a paragraph with its value. */
interface TextToken {
  node: SentenceContent
  value: string
  lower: string
  word: boolean
  /** Index in the paragraph's flat list, white space included. */
  at: number
}

/** The longest run of tokens `…` may stand for. */
const maxRun = 60

/** The `existence` kind. */
export const kind: Kind<ExistenceData> = {
  name: 'existence',
  description:
    'Flags text that must not be there: edit residue (TK, [INSERT …]) and web-page debris. Entries list `match` phrases or token `patterns`.',
  entrySchema: {
    properties: {
      ...entryPolicySchema,
      match: {
        type: 'array',
        minItems: 1,
        items: {type: 'string'},
        description: 'Phrases to flag, as written: words and punctuation (`LEAVE A REPLY`, `Please enter your comment!`).'
      },
      patterns: {
        type: 'array',
        minItems: 1,
        items: {type: 'string'},
        description: 'Token patterns: `…` is any run of tokens, `*` any one word, `#` a figure (`[INSERT …]`, `# C`).'
      },
      case: {
        enum: ['sensitive', 'insensitive'],
        description: 'Whether letter case must match (default: sensitive).'
      },
      position: {
        enum: ['anywhere', 'line', 'line-start'],
        description: 'anywhere (default); line: the phrase is its whole line; line-start: it starts a line.'
      },
      except: {
        type: 'array',
        items: {type: 'string'},
        description: 'Phrases containing a match that are fine (`Super Bowl XXX`).'
      }
    }
  },
  compile,
  plugin: function (options: KindPluginOptions<ExistenceData>) {
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: equivalent: the preset (src/preset.ts) is the one caller, and it passes {files} with at least one file
    const files = options?.files || []
    return function (tree: Root, file: VFile) {
      run(new Story(tree, file), files)
    }
  }
}

function compile(file: LoadedRuleFile): ExistenceData {
  const exact = new Map<string, Phrase[]>()
  const folded = new Map<string, Phrase[]>()
  const figures: Phrase[] = []
  const seen = new Map<string, string>()
  const gate: GateEntry[] = []
  const placeholders = [...file.header.message.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
  file.entries.forEach((raw, index) => {
    const entry = raw as ExistenceEntry
    const path = ['entries', index]
    for (const name of placeholders) {
      if (name !== 'actual' && name !== 'expected' && entry[name] === undefined) {
        throw new RuleDataError(
          `entry "${entry.id}" has no \`${name}\`, which the message uses as {${name}}`,
          path,
          `add \`${name}:\` to the entry, or take {${name}} out of the message`
        )
      }
    }
    if (!entry.match && !entry.patterns) {
      throw new RuleDataError(
        `entry "${entry.id}" has neither \`match\` nor \`patterns\`, so it flags nothing`,
        path,
        'add `match: [phrase, …]` (words as written) or `patterns: ["[INSERT …]"]`'
      )
    }
    const sensitive = entry.case !== 'insensitive'
    const policy = policyOf(file.header, entry)
    const compiled: CompiledEntry = {
      // The note is in the message already when the template says {note}.
      policy: placeholders.includes('note') ? {...policy, note: undefined} : policy,
      fields: entry,
      sensitive,
      position: entry.position ?? 'anywhere',
      except: []
    }
    const own: Token[][] = []
    for (const field of ['match', 'patterns'] as const) {
      ;(entry[field] || []).forEach((text, item) => {
        const where = [...path, field, item]
        const tokens = tokenize(text, field === 'patterns')
        if (tokens.length === 0) {
          throw new RuleDataError(
            `${field} ${JSON.stringify(text)} in entry "${entry.id}" is empty`,
            where,
            'write the words to flag, or remove the item'
          )
        }
        // A `match` phrase passes: its tokens are words and marks, never `…` or `*`.
        checkPattern(text, tokens, entry.id, where)
        // Stryker disable next-line StringLiteral: equivalent: any prefix of a case-sensitive key that does not start `i:` keeps the two kinds of key apart (`'i:'` → `''` is killed: ZZ as written and zz in any case, test/existence-kind.test.ts)
        const key = (sensitive ? '' : 'i:') + keyOf(tokens, sensitive)
        const other = seen.get(key)
        if (other !== undefined) {
          throw new RuleDataError(
            `${JSON.stringify(text)} is listed twice (entries "${other}" and "${entry.id}")`,
            where,
            'keep it in one entry'
          )
        }
        seen.set(key, entry.id)
        own.push(tokens)
        if (tokens[0].kind === 'figure') {
          figures.push({tokens, entry: compiled})
          return
        }
        const first = tokens[0] as {value: string}
        const map = sensitive ? exact : folded
        const value = sensitive ? first.value : first.value.toLowerCase()
        const list = map.get(value) || []
        list.push({tokens, entry: compiled})
        map.set(value, list)
      })
    }
    ;(entry.except || []).forEach((text, item) => {
      const tokens = tokenize(text, false)
      // `XXX-rated` is one word to the tokenizer; the gate reads a hyphen as a word's edge, so there it holds `XXX`.
      if (!own.some((phrase) => contains(tokens, phrase, sensitive) || contains(splitHyphens(tokens), phrase, sensitive))) {
        throw new RuleDataError(
          `except ${JSON.stringify(text)} in entry "${entry.id}" contains none of its matches, so it never applies`,
          [...path, 'except', item],
          'write the whole phrase that is fine, including the flagged words (`Super Bowl XXX` for `XXX`)'
        )
      }
      // Without `pattern`, tokenize makes words and marks only.
      compiled.except.push(tokens as Literal[])
    })
    const gated = gateEntry(own, compiled.except, sensitive, compiled.position, compiled.policy, entry)
    if (gated) gate.push(gated)
  })
  return {exact, folded, figures, level: dataLevel(file.header), gate}
}

/** Patterns start with a literal or `#`, and have no `…` at the end or two in a row. */
function checkPattern(text: string, tokens: Token[], id: string, where: Array<string | number>): void {
  const kind = tokens[0].kind
  if (kind === 'any' || kind === 'anyWord') {
    throw new RuleDataError(
      `pattern ${JSON.stringify(text)} in entry "${id}" starts with \`${kind === 'any' ? '…' : '*'}\`, which would be tried at every word`,
      where,
      'start the pattern with a word, a mark or `#` (`[INSERT …]`, not `… ]`)'
    )
  }
  if (tokens[tokens.length - 1].kind === 'any') {
    throw new RuleDataError(
      `pattern ${JSON.stringify(text)} in entry "${id}" ends with \`…\`, so it has no end`,
      where,
      'end the pattern with a word or mark (`[INSERT …]`)'
    )
  }
  for (let index = 1; index < tokens.length; index++) {
    // Stryker disable next-line ArithmeticOperator: equivalent: `index + 1` tests the same neighbours from the other side (the first token is never `…`, the last neither: both checked above)
    if (tokens[index].kind === 'any' && tokens[index - 1].kind === 'any') {
      throw new RuleDataError(`pattern ${JSON.stringify(text)} in entry "${id}" has \`… …\``, where, 'use one `…`')
    }
  }
}

/** Tokens of a phrase, parsed the way stories are, so `Adspot_img` and `[[` split the same. */
function tokenize(text: string, pattern: boolean): Token[] {
  const tokens: Token[] = []
  const tree = new ParseEnglish().parse(text)
  visit(tree, (node) => {
    if (node.type === 'WordNode') {
      tokens.push({kind: 'word', value: normalize(toString(node))})
      return 'skip'
    }
    if (node.type === 'PunctuationNode' || node.type === 'SymbolNode' || node.type === 'SourceNode') {
      const value = normalize(toString(node))
      if (pattern && (value === '…' || value === '...')) tokens.push({kind: 'any'})
      else if (pattern && value === '*') tokens.push({kind: 'anyWord'})
      else if (pattern && value === '#') tokens.push({kind: 'figure'})
      else tokens.push({kind: 'mark', value})
      // Stryker disable next-line StringLiteral: equivalent: a punctuation or symbol node has no children to skip
      return 'skip'
    }
    return undefined
  })
  return tokens
}

/** Words with hyphens inside as word, hyphen, word (`XXX-rated`: `XXX`, `-`, `rated`), as the gate reads them. */
function splitHyphens(tokens: Token[]): Token[] {
  return tokens.flatMap((token): Token[] => {
    if (token.kind !== 'word' || !/.-./.test(token.value)) return [token]
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent: a part's kind is never read (these tokens only go to `contains`, whose sameToken compares two words or marks by value alone), so every part a word, every part a mark, or a kind "" flags and rejects the same
    return token.value.split(/(-)/).filter(Boolean).map((part) => (part === '-' ? {kind: 'mark', value: part} : {kind: 'word', value: part}))
  })
}

function keyOf(tokens: Token[], sensitive: boolean): string {
  return tokens
    .map((token) => ('value' in token ? (sensitive ? token.value : token.value.toLowerCase()) : token.kind))
    .join(' ')
}

/** Whether literal `phrase` occurs in literal `tokens`. */
function contains(tokens: Token[], phrase: Token[], sensitive: boolean): boolean {
  for (let start = 0; start + phrase.length <= tokens.length; start++) {
    if (phrase.every((token, index) => sameToken(token, tokens[start + index], sensitive))) return true
  }
  return false
}

function sameToken(a: Token, b: Token, sensitive: boolean): boolean {
  if (!('value' in a) || !('value' in b)) return a.kind === b.kind
  return sensitive ? a.value === b.value : a.value.toLowerCase() === b.value.toLowerCase()
}

function normalize(value: string): string {
  return value.replace(/’/g, "'")
}

/** A node's text; most words are one text node, so skip the generic walk. */
function textOf(node: SentenceContent): string {
  if ('value' in node) return node.value
  const [only] = node.children
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: equivalent: a shortcut; toString gives the same text (a literal child's value is its text)
  return node.children.length === 1 && only.type === 'TextNode' ? only.value : toString(node)
}

interface Hit {
  phrase: Phrase
  from: number
  to: number
  file: CompiledRuleFile<ExistenceData>
}

function run(story: Story, files: ReadonlyArray<CompiledRuleFile<ExistenceData>>): void {
  for (const paragraph of paragraphsOf(story.tree)) {
    // Stryker disable next-line ConditionalExpression: equivalent: mayHit is a pre-filter, and checking every paragraph changes no finding
    if (mayHit(paragraph, files)) checkParagraph(paragraph)
  }

  function checkParagraph(paragraph: Paragraph): void {
    const flat = flatten(paragraph)
    const tokens: TextToken[] = []
    flat.forEach((node, at) => {
      if (node.type === 'WhiteSpaceNode') return
      const value = normalize(textOf(node))
      tokens.push({node, value, lower: value.toLowerCase(), word: node.type === 'WordNode', at})
    })
    const hits: Hit[] = []
    const memo = new Map<Token[], Int32Array>()
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]
      for (const file of files) {
        for (const phrase of file.data.exact.get(token.value) || []) collect(phrase, index, file)
        for (const phrase of file.data.folded.get(token.lower) || []) collect(phrase, index, file)
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: a pre-filter; matchAt takes a figure pattern's first token only if it is a word and a figure
        if (token.word && isFigure(token.value)) for (const phrase of file.data.figures) collect(phrase, index, file)
      }
    }
    // Longest first at each start; a match inside one already reported is dropped.
    hits.sort((a, b) => a.from - b.from || b.to - a.to)
    let end = -1
    for (const hit of hits) {
      if (hit.from <= end) continue
      if (found(hit)) end = hit.to
    }

    function collect(phrase: Phrase, index: number, file: CompiledRuleFile<ExistenceData>): void {
      const to = matchAt(tokens, index, phrase.tokens, phrase.entry.sensitive, memo)
      if (to === undefined) return
      const {entry} = phrase
      if (entry.position !== 'anywhere') {
        if (!lineStart(flat, tokens[index].at)) return
        if (entry.position === 'line' && !lineEnd(flat, tokens[to].at)) return
      }
      if (entry.except.some((except) => excepted(tokens, index, to, except, entry.sensitive))) return
      hits.push({phrase, from: index, to, file})
    }

    /** Report a hit, if its scope and quote policy allow. */
    function found(hit: Hit): boolean {
      const {file, phrase} = hit
      const first = tokens[hit.from].node
      const last = tokens[hit.to].node
      // Stryker disable next-line OptionalChaining: equivalent: the parsed story's nodes always have positions
      const start = first.position?.start.offset
      // Stryker disable next-line OptionalChaining: equivalent: as above
      const stop = last.position?.end.offset
      // As written, white space and all: `LEAVE A REPLY`.
      const actual =
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: with positions always there, the fallback below is never taken
        start !== undefined && stop !== undefined
          ? String(story.file.value).slice(start, stop)
          : // Stryker disable next-line all: equivalent: never taken (above)
            tokens.slice(hit.from, hit.to + 1).map((token) => token.value).join(' ')
      const {entry} = phrase
      return emit(story, file, file.data.level, entry.policy, {start: first, end: last}, {
        actual,
        expected: [],
        values: entry.fields
      })
    }
  }
}

/**
 * Whether any phrase can start in `paragraph`: a token (as `checkParagraph`
 * makes them) that begins a phrase of some file. Most paragraphs hold none,
 * and are passed over without building their tokens.
 */
function mayHit(paragraph: Paragraph, files: ReadonlyArray<CompiledRuleFile<ExistenceData>>): boolean {
  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') {
      // Stryker disable next-line all: equivalent: a paragraph's children other than sentences are white space (parse-english), so this never returns true
      if (child.type !== 'WhiteSpaceNode' && startsPhrase(child as SentenceContent, files)) return true
      continue
    }
    const nodes = child.children
    for (let index = 0; index < nodes.length; index++) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: equivalent: mayHit is a pre-filter, and letting more paragraphs through to checkParagraph changes no finding (white space begins no phrase)
      if (nodes[index].type !== 'WhiteSpaceNode' && startsPhrase(nodes[index], files, nodes, index)) return true
    }
  }
  // Stryker disable next-line BooleanLiteral: equivalent: mayHit is a pre-filter, and letting more paragraphs through to checkParagraph changes no finding
  return false
}

/**
 * Whether `node` may begin a phrase. A figure begins one only when the
 * token after it may be the phrase's second (`3.8 C`, `21°C`): news copy is
 * full of figures, and `# C` would otherwise send nearly every paragraph to
 * `checkParagraph`. After the last node of a sentence (`siblings` ends), the
 * next token is in another sentence: then a figure may begin one.
 */
function startsPhrase(
  node: SentenceContent,
  files: ReadonlyArray<CompiledRuleFile<ExistenceData>>,
  siblings?: ReadonlyArray<SentenceContent>,
  index = 0
): boolean {
  const value = normalize(textOf(node))
  let lower: string | undefined
  for (const file of files) {
    // Stryker disable next-line ConditionalExpression: equivalent: mayHit is a pre-filter, and letting more paragraphs through to checkParagraph changes no finding
    if (file.data.exact.has(value)) return true
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent: mayHit is a pre-filter, and letting more paragraphs through to checkParagraph changes no finding (an empty map has nothing)
    if (file.data.folded.size > 0 && file.data.folded.has((lower ??= value.toLowerCase()))) return true
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent: mayHit is a pre-filter, and letting more paragraphs through to checkParagraph changes no finding (a figure is always a word; with no figure phrase the followers are empty)
    if (file.data.figures.length > 0 && node.type === 'WordNode' && isFigure(value)) {
      const followers = figureFollowers(file.data)
      let next = index + 1
      // Stryker disable next-line ConditionalExpression: equivalent: mayHit is a pre-filter, and letting more paragraphs through to checkParagraph changes no finding (skipping past the sentence answers true)
      while (siblings && next < siblings.length && siblings[next].type === 'WhiteSpaceNode') next++
      // Stryker disable next-line ConditionalExpression,BooleanLiteral: equivalent: mayHit is a pre-filter, and letting more paragraphs through to checkParagraph changes no finding (answering true without looking at the next token)
      if (!followers || !siblings || next >= siblings.length) return true
      const after = normalize(textOf(siblings[next]))
      // Stryker disable next-line ConditionalExpression: equivalent: mayHit is a pre-filter, and letting more paragraphs through to checkParagraph changes no finding
      if (followers.has(after) || followers.has(after.toLowerCase())) return true
    }
  }
  // Stryker disable next-line BooleanLiteral: equivalent: mayHit is a pre-filter, and letting more paragraphs through to checkParagraph changes no finding
  return false
}

const followersKey = Symbol('copydesk.figure-followers')

/**
 * The second tokens of a file's figure phrases (`C`, `°` for `# C`, `# °C`),
 * as written and lower case; `null` when one may be anything (a one-token
 * pattern, or `*`, `…` or `#` second). Worked out on first use and kept on
 * the data.
 */
// Stryker disable next-line BlockStatement: equivalent: no followers (undefined) lets every figure through the pre-filter
function figureFollowers(data: ExistenceData): Set<string> | null {
  const cached = data as ExistenceData & {[followersKey]?: Set<string> | null}
  // Stryker disable next-line all: equivalent: a cache; working the followers out again, or none (undefined, every figure let through), changes no finding
  if (cached[followersKey] !== undefined) return cached[followersKey]
  let followers: Set<string> | null = new Set<string>()
  for (const phrase of data.figures) {
    const second = phrase.tokens[1]
    // Stryker disable next-line StringLiteral: equivalent: no token has a key "", so it gives null (every figure let through the pre-filter)
    if (!second || !('value' in second)) {
      followers = null
      break
    }
    followers.add(second.value)
    followers.add(second.value.toLowerCase())
  }
  cached[followersKey] = followers
  return followers
}

/** A paragraph's nodes in order: sentence contents, and the white space between sentences. */
function flatten(paragraph: Paragraph): SentenceContent[] {
  const flat: SentenceContent[] = []
  for (const child of paragraph.children) {
    if (child.type === 'SentenceNode') flat.push(...child.children)
    else flat.push(child as SentenceContent)
  }
  return flat
}

/**
 * Match `pattern` at `tokens[index]`; the index of the last token matched, or
 * `undefined`. `…` takes the shortest run that lets the rest match.
 *
 * What the rest of a pattern matches from a token does not depend on where
 * the match started, so it is worked out once per paragraph (`memo`, shared
 * by every start): a pattern with several `…` (`a … a … a … !` over
 * `a a a …`) costs at most `maxRun` steps per token and pattern item, not
 * `maxRun` to the power of its gaps.
 */
function matchAt(
  tokens: TextToken[],
  index: number,
  pattern: Token[],
  sensitive: boolean,
  memo: Map<Token[], Int32Array>
): number | undefined {
  // Without `…` there is nothing to try twice.
  // The memo is a cache: each mutant below only works the answers out again (slower, rules-safety.test.ts
  // times it), or keeps them for patterns that do not need it; the findings are the same.
  let known: Int32Array | undefined
  // Stryker disable next-line all: equivalent: a cache (above)
  if (pattern.some((token) => token.kind === 'any')) {
    known = memo.get(pattern)
    // Stryker disable next-line ConditionalExpression,BooleanLiteral,BlockStatement: equivalent: a cache (above); a fresh one, or none
    if (!known) {
      // -2: not worked out yet; -1: no match; else the last token matched.
      known = new Int32Array((pattern.length + 1) * (tokens.length + 1)).fill(-2)
      memo.set(pattern, known)
    }
  }
  const end = step(index, 0)
  return end < 0 ? undefined : end

  function step(at: number, p: number): number {
    if (p === pattern.length) return at - 1
    // Stryker disable next-line ArithmeticOperator: equivalent: `tokens.length - 1` makes (p, n - 1) and (p, n) share keys with (p + 1, 0) and (p + 1, 1), which no match reaches with the other (each pattern token takes a token; p = 0 only at a token); the other variants fail the tests
    const key = p * (tokens.length + 1) + at
    // Stryker disable next-line ConditionalExpression: equivalent: a cache (above); `false` only works answers out again (`true` fails the tests)
    if (known !== undefined && known[key] !== -2) return known[key]
    const end = stepOnce(at, p)
    // Stryker disable next-line ConditionalExpression: equivalent: a cache (above); `false` only works answers out again (`true` fails the tests)
    if (known !== undefined) known[key] = end
    return end
  }

  function stepOnce(at: number, p: number): number {
    const token = pattern[p]
    if (token.kind === 'any') {
      // Stryker disable next-line EqualityOperator: equivalent: `at + run < tokens.length` only leaves out a run to the paragraph's end, after which a pattern (never ending in `…`) has a token left to match; `run` variants fail the tests
      for (let run = 1; run <= maxRun && at + run <= tokens.length; run++) {
        const end = step(at + run, p + 1)
        if (end !== -1) return end
      }
      return -1
    }
    const text = tokens[at]
    if (!text) return -1
    if (token.kind === 'anyWord') return text.word ? step(at + 1, p + 1) : -1
    // A figure is always a word (digits are never punctuation or a symbol).
    if (token.kind === 'figure') return isFigure(text.value) ? step(at + 1, p + 1) : -1
    // Stryker disable next-line ConditionalExpression: equivalent: a phrase is parsed as the story is, so a value that is a word in one is a word in the other
    if ((token.kind === 'word') !== text.word) return -1
    const same = sensitive ? text.value === token.value : text.lower === token.value.toLowerCase()
    return same ? step(at + 1, p + 1) : -1
  }
}

/** `3.8`, `1,200`, `21`. */
function isFigure(value: string): boolean {
  return /^\d[\d.,]*$/.test(value)
}

/** Whether an `except` phrase covers tokens `from`..`to`. */
function excepted(tokens: TextToken[], from: number, to: number, except: Literal[], sensitive: boolean): boolean {
  const length = except.length
  for (let start = to - length + 1; start <= from; start++) {
    if (start < 0 || start + length > tokens.length) continue
    if (except.every((token, offset) => sameText(token, tokens[start + offset], sensitive))) return true
  }
  return false
}

function sameText(token: Literal, text: TextToken, sensitive: boolean): boolean {
  // The possessive is the same phrase: `TK Maxx’s` as `TK Maxx`.
  const value = text.value.endsWith("'s") && !token.value.endsWith("'s") ? text.value.slice(0, -2) : text.value
  return sensitive ? token.value === value : token.value.toLowerCase() === value.toLowerCase()
}

/**
 * Nothing but white space between the start of the line and node `at`. The
 * white space may be several nodes (HTML: `<br> ` is a line break, then a space).
 */
function lineStart(flat: SentenceContent[], at: number): boolean {
  for (let before = at - 1; before >= 0; before--) {
    const node = flat[before]
    if (node.type !== 'WhiteSpaceNode') return false
    if (node.value.includes('\n')) return true
  }
  return true
}

/** Nothing but closing punctuation and white space (in any number of nodes) between node `at` and the end of the line. */
function lineEnd(flat: SentenceContent[], at: number): boolean {
  // Made here, not when the module loads, so each mark is tested by the tests that reach it (a static
  // mutant of a module-level set survived Stryker's runs). A mark may be several characters (`...`, `!!`).
  const closingMarks = new Set(['.', '!', '?', ':', ';', '…', ','])
  let after = at + 1
  // Stryker disable next-line MethodExpression: equivalent: `some` for `every`: a punctuation node is one mark repeated (`...`, `!!`; `!?` is two nodes)
  while (flat[after] && [...toString(flat[after])].every((mark) => closingMarks.has(mark))) after++
  for (; after < flat.length; after++) {
    const node = flat[after]
    if (node.type !== 'WhiteSpaceNode') return false
    if (node.value.includes('\n')) return true
  }
  return true
}
