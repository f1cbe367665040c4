/**
 * Kind `acronym`: acronyms on first reference, across the whole story and in
 * order (AP `abbreviations and acronyms`). Entries are acronyms, with how
 * they may be used first and how they are said (for `a`/`an`), or checks:
 *
 * ```yaml
 * - id: epa
 *   acronym: EPA
 *   expansion: Environmental Protection Agency
 *   first: second        # spell out before first use
 *   pronounced: letters
 * - id: parenthetical
 *   check: parenthetical # "Islamic extremist militants (JNIM)"
 * ```
 *
 * What it flags:
 * - `check: parenthetical` — an acronym in parentheses after a name or set
 *   off by dashes ("the Federal Emergency Management Agency (FEMA)"): AP
 *   does not use that crutch.
 * - `first: second` — the first use of a listed acronym before its
 *   expansion (or a run of capitalized words with its initials) appears;
 *   `cause` points at a later spelled-out form, if any.
 * - `check: spelled-out-later` — an acronym that is not listed, used first
 *   and spelled out only later in the story. Unlisted acronyms never spelled
 *   out (company tickers, BHP, NYSE) are left alone.
 *
 * The compiled data exposes `pronounced`: acronym as written → `letters` or
 * `word` (NATO → word, FBI → letters), for the indefinite-article check.
 */
import type {Root, Sentence, SentenceContent, Word} from 'nlcst'
import type {Plugin} from 'unified'
import type {Position} from 'unist'
import type {CompiledRuleFile, Kind, KindPluginOptions, LoadedRuleFile, RuleEntry} from '../house-style/kind.js'
import {RuleDataError} from '../house-style/kind.js'
import {eachSentence} from '../house-style/sequence.js'
import {locateEntry} from '../house-style/load.js'
import {Story, dataLevel, emit, entryPolicySchema, policyOf, type EntrySettings, type Policy} from '../house-style/runtime.js'
import {isSentenceStart, wordText} from '../nlcst/words.js'
import type {Level} from '../types.js'

/** How an acronym is said. */
export type Pronounced = 'letters' | 'word'

/** One entry as written. */
export interface AcronymEntry extends RuleEntry, EntrySettings {
  acronym?: string
  expansion?: string | string[]
  first?: 'allowed' | 'second'
  pronounced?: Pronounced
  check?: 'parenthetical' | 'spelled-out-later'
  except?: string[]
}

/** A listed acronym, compiled. */
export interface CompiledAcronym {
  acronym: string
  policy: Policy
  first: 'allowed' | 'second'
  expansions: string[]
}

/** What the plugin and other checks get. */
export interface AcronymData {
  /** Acronym as written → how it is said (`NATO` → word, `FBI` → letters, `U.N.` → letters). */
  pronounced: ReadonlyMap<string, Pronounced>
  /** Listed acronyms by their written form. */
  acronyms: ReadonlyMap<string, CompiledAcronym>
  /** Expansions by first word (lowercase): the words and the acronym they introduce. */
  expansions: ReadonlyMap<string, ReadonlyArray<{words: string[]; acronym: string}>>
  parenthetical?: {policy: Policy; except: ReadonlySet<string>}
  spelledOutLater?: {policy: Policy}
  level: Level
}

const entrySchema = {
  properties: {
    acronym: {type: 'string', minLength: 2, description: 'The acronym as written (`NATO`, `U.N.`, `GOP`).'},
    expansion: {
      anyOf: [{type: 'string', minLength: 1}, {type: 'array', minItems: 1, items: {type: 'string', minLength: 1}}],
      description: 'What it stands for, best first; any of these earlier in the story introduces it.'
    },
    first: {
      enum: ['allowed', 'second'],
      description: 'allowed (default): fine on first reference (FBI, NATO). second: spell it out before first use (EPA, GOP).'
    },
    pronounced: {
      enum: ['letters', 'word'],
      description: 'Said letter by letter (FBI: “an FBI agent”) or as a word (NATO: “a NATO ally”).'
    },
    check: {
      enum: ['parenthetical', 'spelled-out-later'],
      description:
        'A check instead of an acronym. parenthetical: an acronym in parentheses after a name, or set off by dashes. spelled-out-later: an unlisted acronym used before it is spelled out.'
    },
    except: {
      type: 'array',
      items: {type: 'string'},
      description: 'For `check: parenthetical`: contents that are fine in parentheses (`AP` in a dateline, time zones).'
    },
    ...entryPolicySchema
  }
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

// ---------------------------------------------------------------------------
// Compile

function compileFile(file: LoadedRuleFile, others: ReadonlyArray<LoadedRuleFile>): AcronymData {
  const pronounced = new Map<string, Pronounced>()
  const acronyms = new Map<string, CompiledAcronym>()
  const expansions = new Map<string, Array<{words: string[]; acronym: string}>>()
  const owner = new Map<string, {entry: AcronymEntry; file: LoadedRuleFile}>()
  for (const other of others) {
    for (const raw of other.entries) {
      const entry = raw as AcronymEntry
      if (entry.acronym && !owner.has(entry.acronym)) owner.set(entry.acronym, {entry, file: other})
    }
  }
  let parenthetical: AcronymData['parenthetical']
  let spelledOutLater: AcronymData['spelledOutLater']
  file.entries.forEach((raw, index) => {
    const entry = raw as AcronymEntry
    const at = ['entries', index]
    if (entry.check && entry.acronym) {
      throw new RuleDataError(
        `entry "${entry.id}" has both \`acronym\` and \`check\``,
        [...at, 'check'],
        'an entry is either an acronym or a check: split it in two'
      )
    }
    if (entry.check) {
      const policy = policyOf(file.header, entry)
      if (entry.check === 'parenthetical') parenthetical = {policy, except: new Set(entry.except || [])}
      else spelledOutLater = {policy}
      return
    }
    if (!entry.acronym) {
      throw new RuleDataError(
        `entry "${entry.id}" has neither \`acronym\` nor \`check\``,
        at,
        'add `acronym:` (with `pronounced:`), or `check: parenthetical` / `check: spelled-out-later`'
      )
    }
    if (entry.except) {
      throw new RuleDataError(`\`except\` is only for \`check: parenthetical\``, [...at, 'except'], 'remove it')
    }
    if (!entry.pronounced) {
      throw new RuleDataError(
        `acronym \`${entry.acronym}\` has no \`pronounced\``,
        at,
        'add `pronounced: letters` (said letter by letter, like FBI) or `pronounced: word` (like NATO); the a/an check needs it'
      )
    }
    const first = entry.first || 'allowed'
    const existing = owner.get(entry.acronym)
    if (existing && existing.entry.id !== entry.id) {
      const where = locateEntry(existing.file, existing.entry, ['acronym'])
      const otherFirst = existing.entry.first || 'allowed'
      throw new RuleDataError(
        otherFirst === first
          ? `acronym \`${entry.acronym}\` is listed twice (also entry "${existing.entry.id}" at ${where})`
          : `acronym \`${entry.acronym}\` is both allowed on first reference and second-reference only (entry "${existing.entry.id}" at ${where} says \`first: ${otherFirst}\`)`,
        [...at, 'acronym'],
        otherFirst === first ? 'keep one entry per acronym' : 'decide which it is and keep one entry'
      )
    }
    owner.set(entry.acronym, {entry, file})
    if (first === 'second' && list(entry.expansion).length === 0 && !/^[A-Z]+$/.test(bare(entry.acronym))) {
      throw new RuleDataError(
        `second-reference acronym \`${entry.acronym}\` has no \`expansion\``,
        at,
        'add `expansion:` with what it stands for, so the check knows when it was introduced'
      )
    }
    pronounced.set(entry.acronym, entry.pronounced)
    const compiled: CompiledAcronym = {
      acronym: entry.acronym,
      policy: policyOf(file.header, entry),
      first,
      expansions: list(entry.expansion)
    }
    acronyms.set(entry.acronym, compiled)
    for (const expansion of compiled.expansions) {
      const words = expansion.toLowerCase().split(/\s+/).filter(Boolean)
      const bucket = expansions.get(words[0]) || []
      bucket.push({words, acronym: entry.acronym})
      expansions.set(words[0], bucket)
    }
  })
  for (const bucket of expansions.values()) bucket.sort((a, b) => b.words.length - a.words.length)
  return {pronounced, acronyms, expansions, parenthetical, spelledOutLater, level: dataLevel(file.header)}
}

/** Letters of an acronym without periods: `U.N.` → `UN`. */
function bare(acronym: string): string {
  return acronym.replace(/\./g, '')
}

// ---------------------------------------------------------------------------
// The plugin

/** One use of an all-caps word. */
interface Use {
  node: Word
  /** As written (`EPA's`). */
  text: string
  /** The acronym (`EPA`). */
  key: string
  /** What follows the acronym in the word (`'s`, `s`). */
  rest: string
  index: number
  /** The parenthetical or dashes around it, if set off like that. */
  setOff?: {start: SentenceContent; end: SentenceContent}
  /** Part of a capitalized name ("Japan Australia LNG"): not a use to judge. */
  inName: boolean
  /** Followed by a capitalized word ("ING Barings"). */
  startsName: boolean
}

/** A spelled-out form seen in the story. */
interface Spelled {
  index: number
  position?: Position
  text: string
}

const connectors = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'al', 'wal', 'el', 'to', '&'])
// Roman numerals up to 39 (King Charles III, World War II).
const roman = /^X{0,3}(IX|IV|V?I{0,3})$/
const dashes = new Set(['—', '–', '--', '―'])

/** The retext plugin: one pass over the story in order, then the findings. */
export const acronym: Plugin<[KindPluginOptions<AcronymData>], Root> = function (options) {
  const files = options.files
  return function (tree, file) {
    const story = new Story(tree, file)
    const scan = scanStory(tree, files)
    for (const compiled of files) judge(story, compiled, scan)
  }
}

interface Scan {
  /** First uses of each acronym, in order, and every parenthetical use. */
  uses: Map<string, Use[]>
  /** First index of each listed acronym's expansion. */
  introduced: Map<string, Spelled>
  /** First index of each run of capitalized words by its initials. */
  initials: Map<string, Spelled>
}

function scanStory(tree: Root, files: ReadonlyArray<CompiledRuleFile<AcronymData>>): Scan {
  const uses = new Map<string, Use[]>()
  const introduced = new Map<string, Spelled>()
  const initials = new Map<string, Spelled>()
  // Pass 1, cheap: the all-caps words and where they are.
  let counter = 0
  eachSentence(tree, (sentence: Sentence) => {
    const children = sentence.children
    let shouting: boolean | undefined
    for (let childIndex = 0; childIndex < children.length; childIndex++) {
      const child = children[childIndex]
      if (child.type !== 'WordNode') continue
      const index = counter++
      const leaves = child.children
      const head = (leaves[0] as {value?: string} | undefined)?.value ?? ''
      // Quick reject: an acronym starts with two capitals, or a capital and a period.
      if (!upper(head.charCodeAt(0))) continue
      if (head.length > 1 ? !upper(head.charCodeAt(1)) : (leaves[1] as {value?: string} | undefined)?.value !== '.') continue
      shouting ??= isShouting(sentence)
      if (shouting) break
      const text = wordText(child)
      const found = /^((?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}\d&-]*\p{Lu}|\p{Lu}{2,})((?:'s|s|'|s')?)$/u.exec(text)
      if (!found || roman.test(found[1])) continue
      const key = found[1]
      const list = uses.get(key) || []
      list.push({
        node: child,
        text,
        key,
        rest: found[2],
        index,
        setOff: setOffAround(sentence, childIndex),
        inName: inName(sentence, childIndex),
        startsName: startsName(sentence, childIndex)
      })
      uses.set(key, list)
    }
  })
  // What needs spelled-out forms: second-reference acronyms, and unlisted ones (for a later spelling).
  const needed = new Set<string>()
  const expansionsNeeded = new Set<string>()
  for (const [key, list] of uses) {
    const first = list.find((use) => !use.inName)
    if (!first || first.setOff) continue
    for (const file of files) {
      const listed = file.data.acronyms.get(key) || file.data.acronyms.get(withPeriods(key))
      if (listed) {
        if (listed.first === 'second') {
          needed.add(bare(key))
          expansionsNeeded.add(listed.acronym)
        }
      } else if (file.data.spelledOutLater && bare(key).length >= 3 && !first.startsName) {
        needed.add(bare(key))
      }
    }
  }
  if (needed.size === 0) return {uses, introduced, initials}
  // Pass 2, only for what is needed: spelled-out forms (a run of capitalized
  // words with the acronym's initials) and listed expansions.
  const byLetter = new Map<string, string[]>()
  for (const key of needed) {
    const list = byLetter.get(key.charAt(0)) || []
    list.push(key)
    byLetter.set(key.charAt(0), list)
  }
  const expansionFirst = new Map<string, Array<{words: string[]; acronym: string}>>()
  for (const file of files) {
    for (const [first, candidates] of file.data.expansions) {
      const wanted = candidates.filter((candidate) => expansionsNeeded.has(candidate.acronym))
      if (wanted.length > 0) expansionFirst.set(first, [...(expansionFirst.get(first) || []), ...wanted])
    }
  }
  counter = 0
  eachSentence(tree, (sentence: Sentence) => {
    const children = sentence.children
    for (let childIndex = 0; childIndex < children.length; childIndex++) {
      const child = children[childIndex]
      if (child.type !== 'WordNode') continue
      const index = counter++
      const head = (child.children[0] as {value?: string} | undefined)?.value ?? ''
      if (expansionFirst.size > 0) {
        const candidates = expansionFirst.get(wordText(child).toLowerCase())
        for (const candidate of candidates || []) {
          if (introduced.has(candidate.acronym)) continue
          const end = matchWords(sentence, childIndex, candidate.words)
          if (end === undefined) continue
          introduced.set(candidate.acronym, {index, position: span(child, children[end]), text: candidate.words.join(' ')})
        }
      }
      const keys = byLetter.get(head.charAt(0))
      if (!keys) continue
      for (const key of keys) {
        if (initials.has(key)) continue
        const end = spelledOut(sentence, childIndex, key)
        if (end === undefined) continue
        const words = children.slice(childIndex, end + 1).filter((node): node is Word => node.type === 'WordNode')
        initials.set(key, {index, position: span(child, children[end]), text: words.map((word) => wordText(word)).join(' ')})
      }
    }
  })
  return {uses, introduced, initials}
}

/**
 * Whether the words from `childIndex` spell out `key` by their initials
 * ("Securities and Exchange Commission" → SEC, skipping `and`), two words
 * at least; the child index of the last word, or undefined.
 */
function spelledOut(sentence: Sentence, childIndex: number, key: string): number | undefined {
  const children = sentence.children
  let at = 0
  let words = 0
  let previous = -1
  for (let index = childIndex; index < children.length && at < key.length; index++) {
    const child = children[index]
    if (child.type === 'WhiteSpaceNode') continue
    if (child.type !== 'WordNode') return undefined
    if (previous !== -1 && !onlySpace(sentence, previous, index)) return undefined
    previous = index
    const text = wordText(child)
    if (words > 0 && connectors.has(text.toLowerCase())) continue
    // An acronym is not part of its own spelling.
    if (text.length > 1 && text === text.toUpperCase()) return undefined
    const letters = initialsOf(text)
    if (!letters || !key.startsWith(letters, at)) return undefined
    at += letters.length
    words++
    if (at === key.length) return words >= 2 ? index : undefined
  }
  return undefined
}

function onlySpace(sentence: Sentence, from: number, to: number): boolean {
  for (let index = from + 1; index < to; index++) if (sentence.children[index].type !== 'WhiteSpaceNode') return false
  return true
}

/** A headline or dateline in capitals says nothing about acronyms. */
function isShouting(sentence: Sentence): boolean {
  let words = 0
  let capitals = 0
  for (const child of sentence.children) {
    if (child.type !== 'WordNode') continue
    words++
    const text = (child.children[0] as {value?: string} | undefined)?.value ?? ''
    if (text.length > 1 && upper(text.charCodeAt(0)) && upper(text.charCodeAt(1))) capitals++
  }
  return words >= 3 && capitals / words >= 0.6
}

/** The word node next to `childIndex` with only white space between, if any. */
function adjacentWord(sentence: Sentence, childIndex: number, step: 1 | -1): {word: Word; index: number} | undefined {
  const children = sentence.children
  for (let index = childIndex + step; index >= 0 && index < children.length; index += step) {
    const child = children[index]
    if (child.type === 'WhiteSpaceNode') continue
    return child.type === 'WordNode' ? {word: child, index} : undefined
  }
  return undefined
}

/** Whether a capitalized word (not all caps) follows right after ("ING Barings"). */
function startsName(sentence: Sentence, childIndex: number): boolean {
  const after = adjacentWord(sentence, childIndex, 1)
  if (!after) return false
  const text = wordText(after.word)
  return upper(text.charCodeAt(0)) && text !== text.toUpperCase()
}

/**
 * Whether an acronym sits inside a capitalized name: "Japan Australia LNG",
 * "Rhone-Poulenc SA" (a capitalized word before it, not at the start of
 * the sentence).
 */
function inName(sentence: Sentence, childIndex: number): boolean {
  const before = adjacentWord(sentence, childIndex, -1)
  if (!before) return false
  const text = wordText(before.word)
  if (!upper(text.charCodeAt(0)) || text === text.toUpperCase()) return false
  return !isSentenceStart(sentence, before.index)
}

/** A capital letter (ASCII fast path; other letters by their case). */
function upper(code: number): boolean {
  if (code >= 65 && code <= 90) return true
  if (code < 128) return false
  const char = String.fromCharCode(code)
  return char !== char.toLowerCase()
}

/** Initials of a word: the first letter of each capitalized part (`al-Islam` → I, `Jama'at` → J). */
function initialsOf(text: string): string {
  if (/^(\p{Lu}\.)+$/u.test(text)) return text.replace(/\./g, '')
  return text
    .split('-')
    .filter((part) => /^\p{Lu}/u.test(part))
    .map((part) => part.charAt(0))
    .join('')
}

/** Index of the last child of `words` matched from `childIndex` (words separated by white space), or undefined. */
function matchWords(sentence: Sentence, childIndex: number, words: string[]): number | undefined {
  let child = childIndex
  for (let offset = 0; offset < words.length; offset++) {
    if (offset > 0) {
      child++
      while (sentence.children[child]?.type === 'WhiteSpaceNode') child++
    }
    const node = sentence.children[child]
    if (!node || node.type !== 'WordNode') return undefined
    const text = wordText(node).toLowerCase().replace(/'s$/, '')
    if (text !== words[offset]) return undefined
  }
  return child
}

function span(from: {position?: Position}, to: {position?: Position}): Position | undefined {
  return from.position && to.position ? {start: from.position.start, end: to.position.end} : undefined
}

/** `(JNIM)` after a word, or `— FEMA —`: the marks around the acronym. */
function setOffAround(sentence: Sentence, childIndex: number): Use['setOff'] {
  const children = sentence.children
  const before = neighbor(children, childIndex, -1)
  const after = neighbor(children, childIndex, 1)
  if (!before || !after) return undefined
  const open = valueOf(children[before.index])
  const close = valueOf(children[after.index])
  const paired = (open === '(' && close === ')') || (dashes.has(open) && dashes.has(close))
  if (!paired) return undefined
  // Something must come before: a name or a description ("militants (JNIM)").
  const previous = neighbor(children, before.index, -1)
  if (!previous || children[previous.index].type !== 'WordNode') return undefined
  if (!/\p{L}/u.test(wordText(children[previous.index] as Word))) return undefined
  return {start: children[before.index], end: children[after.index]}
}

function neighbor(children: SentenceContent[], from: number, step: 1 | -1): {index: number} | undefined {
  for (let index = from + step; index >= 0 && index < children.length; index += step) {
    if (children[index].type === 'WhiteSpaceNode') continue
    return {index}
  }
  return undefined
}

function valueOf(node: SentenceContent): string {
  return 'value' in node && typeof node.value === 'string' ? node.value : ''
}

function judge(story: Story, file: CompiledRuleFile<AcronymData>, scan: Scan): void {
  const data = file.data
  for (const [key, list] of scan.uses) {
    const listed = data.acronyms.get(key) || data.acronyms.get(withPeriods(key))
    // Set off in parentheses or dashes: every time.
    if (data.parenthetical && !data.parenthetical.except.has(key)) {
      for (const use of list) {
        if (!use.setOff) continue
        const from = use.setOff.start.position?.start.offset
        const to = use.setOff.end.position?.end.offset
        const actual =
          from !== undefined && to !== undefined
            ? String(story.file.value).slice(from, to)
            : nodeText(use.setOff.start) + use.text + nodeText(use.setOff.end)
        emit(
          story,
          file,
          data.level,
          data.parenthetical.policy,
          {start: use.setOff.start, end: use.setOff.end},
          {
            actual,
            expected: [],
            values: {
              why: `AP does not put an acronym in parentheses or dashes after a name; use the full name, then a generic word (the group, the agency), or introduce it in words (“known as ${key}”)`
            }
          },
          use.node
        )
      }
    }
    const first = list.find((use) => !use.inName)
    if (!first || first.setOff) continue
    const spelledBefore = (spelled: Spelled | undefined) => spelled !== undefined && spelled.index < first.index
    if (listed) {
      if (listed.first !== 'second') continue
      const introduced = scan.introduced.get(listed.acronym)
      const byInitials = scan.initials.get(bare(key))
      if (spelledBefore(introduced) || spelledBefore(byInitials)) continue
      const later = [introduced, byInitials].filter((item): item is Spelled => item !== undefined).sort((a, b) => a.index - b.index)[0]
      const expansion = listed.expansions[0] || later?.text
      emit(
        story,
        file,
        data.level,
        listed.policy,
        first.node,
        {
          actual: first.text,
          expected: expansion ? [expansion + first.rest] : [],
          values: {
            why: `spell it out${expansion ? ` (${expansion})` : ''} on first reference; AP uses ${key} only after that`
          },
          cause: later ? {reason: 'spelled out here', place: later.position} : undefined
        },
        first.node
      )
      continue
    }
    // Two letters are too often something else ("SA" after a company's name).
    if (!data.spelledOutLater || bare(key).length < 3) continue
    // "ING Barings": an acronym that starts a name is the name.
    if (first.startsName) continue
    const spelled = scan.initials.get(bare(key))
    if (!spelled || spelled.index <= first.index) continue
    emit(
      story,
      file,
      data.level,
      data.spelledOutLater.policy,
      first.node,
      {
        actual: first.text,
        expected: [spelled.text + first.rest],
        values: {why: `it is spelled out only later (${spelled.text}); spell it out on first reference`},
        cause: {reason: 'spelled out here', place: spelled.position}
      },
      first.node
    )
  }
}

function withPeriods(key: string): string {
  return key.length === 2 ? key.split('').join('.') + '.' : key
}

function nodeText(node: SentenceContent): string {
  return valueOf(node)
}

/** The `acronym` kind. */
export const kind: Kind<AcronymData> = {
  name: 'acronym',
  description:
    'Acronyms on first reference, in story order: second-reference-only acronyms spelled out first, no parenthetical acronyms; also how each is said (for a/an).',
  entrySchema,
  defaults: {quotes: 'suggestion', scope: 'text', level: 'warning'},
  compile: (file, others) => compileFile(file, others),
  plugin: acronym
}
