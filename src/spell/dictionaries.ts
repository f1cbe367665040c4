/**
 * The hunspell dictionaries behind `spelling`, `dialect` and
 * `name-consistency`, loaded once per process and only when first needed.
 *
 * Building an nspell instance costs ~150–200 ms a dialect and indexing its
 * ~124k word forms for suggestions ~250 ms more, the same work on every run.
 * So the build (scripts/build-spell.js, through {@link writeSpellArtefacts})
 * stores both dialects' word forms and suggestion indexes in `dist/spell/`,
 * and a run answers `correct` from the stored forms (doing what nspell's
 * `correct` does with them) and suggests from the stored index. Without
 * those files, or when they were made from other dictionaries, everything
 * is worked out from nspell at run time as before, with the same results.
 * {@link Speller.withPersonal} answers what retext-spell's own nspell (the
 * dictionary plus personal words) would, from the same stored forms.
 */
import {mkdirSync, readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Dialect} from '../types.js'
import {
  artefactFolder,
  compactNumbers,
  packIndex,
  readArtefact,
  unpackIndex,
  writeArtefact
} from './index-store.js'
import {countOf, loadSubtlex, subtlexIdentity, writeSubtlexArtefact} from './subtlex.js'
import {createSuggester, type Suggester} from './suggest.js'
import {buildIndex, indexFrequencies, type WordIndex} from './word-index.js'
import {isAscii, SortedBlob, SortedForms, sortedBlob} from './sorted-blob.js'
import {ShortWords} from './short-words.js'

/** A hunspell dictionary as `dictionary-en` exports it. */
export interface Hunspell {
  aff: Uint8Array
  dic: Uint8Array
}

/** The part of nspell we use. */
interface NSpell {
  correct(word: string): boolean
  data: Record<string, string[]>
  flags: Record<string, unknown>
  conversion: {in: Array<[RegExp, string]>}
  compoundRules: RegExp[]
  personal(words: string): NSpell
}

/** An nspell instance, nspell loaded on first use: a run answering from the artefacts never needs it. */
function nspell(dictionary: Hunspell): NSpell {
  return (createRequire(import.meta.url)('nspell') as (dictionary: Hunspell) => NSpell)(dictionary)
}

/** One dialect's dictionary, with the lookups the checks need. */
export interface Speller {
  readonly dialect: Dialect
  /** Whether hunspell accepts `word` as written (`Tuesday`, `tuesday` is not). */
  correct(word: string): boolean
  /**
   * Capitalized dictionary words (`Washington`, `Tuesday`; not `NATO`) by
   * their lower-case form, for the "one edit from a known name" test.
   */
  capitalized(): ReadonlyMap<string, string>
  /** Suggestions for `word`, best first, cached per form for the process. */
  suggest(word: string, max?: number): string[]
  /**
   * nspell's `correct` after `personal(words)` (hunspell personal dictionary
   * lines: `word`, `*forbidden`, `word/model`): what retext-spell asks its
   * own nspell with our `personal` option. Answered from the stored forms
   * (no nspell is built) unless the artefacts are missing or a line names a
   * model (`word/model`, which takes the model's affixes): then from an
   * nspell made for it, as retext-spell would.
   */
  withPersonal(words: string): (word: string) => boolean
}

/** Options for {@link createSpeller}. */
export interface SpellerOptions {
  /**
   * Folder of the build's artefacts (default: beside this module, i.e.
   * `dist/spell/`); `false` to work everything out from nspell, as a run
   * without a build does.
   */
  artefacts?: URL | false
}

/** The package holding each dialect's hunspell files. */
const dictionaryPackages: Record<Dialect, string> = {'en-US': 'dictionary-en', 'en-GB': 'dictionary-en-gb'}

const hunspells = new Map<Dialect, Hunspell>()

/**
 * The raw hunspell files for a dialect: what `dictionary-en` (or
 * `dictionary-en-gb`) exports, its `index.aff` and `index.dic`, read on
 * first use. (Importing the package reads both files on every start, which a
 * run that answers from the build's artefacts never needs.)
 */
export function hunspellFor(dialect: Dialect): Hunspell {
  let files = hunspells.get(dialect)
  if (!files) {
    const folder = dictionaryFolder(dialect)
    files = {aff: readFileSync(path.join(folder, 'index.aff')), dic: readFileSync(path.join(folder, 'index.dic'))}
    hunspells.set(dialect, files)
  }
  return files
}

/** Where a dialect's dictionary package is installed. */
function dictionaryFolder(dialect: Dialect): string {
  return path.dirname(createRequire(import.meta.url).resolve(dictionaryPackages[dialect]))
}

/** The other dialect: where a word the dictionary lacks may be a correct spelling. */
export function otherDialect(dialect: Dialect): Dialect {
  return dialect === 'en-GB' ? 'en-US' : 'en-GB'
}

const spellers = new Map<Dialect, Speller>()

/** The process-wide speller for a dialect, made on first use. */
export function spellerFor(dialect: Dialect): Speller {
  let speller = spellers.get(dialect)
  if (!speller) {
    speller = createSpeller(dialect)
    spellers.set(dialect, speller)
  }
  return speller
}

/**
 * A speller for a dialect. {@link spellerFor} shares one per dialect; this
 * makes a fresh one, for comparing the stored artefacts with nspell.
 */
export function createSpeller(dialect: Dialect, options: SpellerOptions = {}): Speller {
  const folder = options.artefacts ?? artefactFolder
  let checker: NSpell | undefined
  let stored: Lexicon | null | undefined
  let names: ReadonlyMap<string, string> | undefined
  let suggester: Suggester | undefined
  let farSuggester: Suggester | undefined
  const correctCache = new Map<string, boolean>()
  const shortCorrect = new ShortWords()
  const suggestions = new Map<string, string[]>()

  function load(): NSpell {
    checker ??= nspell(hunspellFor(dialect))
    return checker
  }

  function lexicon(): Lexicon | undefined {
    if (stored === undefined) stored = (folder && readLexicon(dialect, folder)) || null
    return stored ?? undefined
  }

  return {
    dialect,
    correct(word) {
      let value = shortCorrect.get(word) ?? correctCache.get(word)
      if (value === undefined) {
        const words = lexicon()
        value = words ? accepts(words, word) : load().correct(word)
        if (word.length <= 3) shortCorrect.set(word, value)
        // Story vocabulary repeats; bounded so a long-running server stays small.
        if (correctCache.size > 100_000) correctCache.clear()
        correctCache.set(word, value)
      }
      return value
    },
    capitalized() {
      if (!names) {
        // The build stores them ready to search; else they are gathered from nspell.
        const stored = lexicon()?.names
        if (stored) names = stored
        else {
          const map = new Map<string, string>()
          for (const word of Object.keys(load().data).filter(isName)) map.set(word.toLowerCase(), word)
          names = map
        }
      }
      return names
    },
    suggest(word, max = 5) {
      const key = word + '\0' + max
      let value = suggestions.get(key)
      if (!value) {
        if (!suggester) {
          const words = lexicon()
          const index = (words && folder ? readIndex(dialect, folder, words) : undefined) ?? buildIndex(suggestible(load().data))
          suggester = createSuggester({index})
          farSuggester = createSuggester({index, maxDistance: 3})
        }
        value = suggester.suggest(word, max)
        // "phenonmon" → "phenomenon": nothing within two edits of a long word,
        // so look one edit further rather than leave a misspelling without a
        // suggestion (rare, so the slower walk costs little).
        if (value.length === 0 && word.length >= minimumFarLength) value = farSuggester!.suggest(word, max)
        if (suggestions.size > 10_000) suggestions.clear()
        suggestions.set(key, value)
      }
      return [...value]
    },
    withPersonal(personal) {
      const words = lexicon()
      const extra = words ? personalForms(personal, words) : undefined
      if (!words || !extra) {
        const checker = nspell(hunspellFor(dialect))
        if (personal) checker.personal(personal)
        return (word) => checker.correct(word)
      }
      return (word) => accepts(words, word, extra)
    }
  }
}

/** Words nspell's `personal` adds (with no flags) and forbids. */
interface PersonalForms {
  added: ReadonlySet<string>
  forbidden: ReadonlySet<string>
}

/**
 * What nspell's `personal(text)` does to the dictionary, when the stored
 * forms can express it: each line trimmed, `*word` forbids `word`, any other
 * word is added with the flags of the form `undefined` (nspell looks up the
 * missing model as that key), which in both dictionaries has none. Undefined
 * when a line names a model (`word/model`) or those flags are not empty.
 */
function personalForms(text: string, lexicon: Lexicon): PersonalForms | undefined {
  const added = new Set<string>()
  const forbidden = new Set<string>()
  if (!text) return {added, forbidden}
  if (!lexicon.plainPersonal) return undefined
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    if (line.includes('/')) return undefined
    if (line.charAt(0) === '*') {
      added.add(line.slice(1))
      forbidden.add(line.slice(1))
    } else {
      added.add(line)
    }
  }
  return {added, forbidden}
}

/** Shortest word searched at three edits when nothing is within two: shorter words match too much. */
const minimumFarLength = 8

/** `Washington`: a capital, then lower case only (no `NATO`, `McCain`, `Mali's`). */
function isName(word: string): boolean {
  return /^\p{Lu}\p{Ll}+$/u.test(word)
}

/**
 * Every form hunspell accepts, less the words flagged `NOSUGGEST` (`!` in
 * dictionary-en: slurs and obscenities) and their inflections, which nspell
 * expands without the flag.
 */
function* suggestible(data: Record<string, string[]>): Iterable<string> {
  const banned: string[] = []
  for (const word in data) {
    if (data[word].includes('!')) banned.push(word.toLowerCase())
  }
  // Checked by three-letter start first: 124k words, a few dozen stems.
  const starts = new Set(banned.map((stem) => stem.slice(0, 3)))
  for (const word in data) {
    const code = word.charCodeAt(0)
    if (code >= 48 && code <= 57) continue
    if (starts.has(word.slice(0, 3).toLowerCase())) {
      const lower = word.toLowerCase()
      if (banned.some((stem) => lower.startsWith(stem) && lower.length - stem.length <= 4)) continue
    }
    yield word
  }
}

// ---------------------------------------------------------------------------
// nspell's `correct` without nspell. It looks a word up among the expanded
// forms (`data`), then in sentence case if it is all capitals, then in lower
// case, honouring three flags, and tries the compound rules (ordinals:
// `21st`) on a form it does not hold. That needs only the forms, those
// flags, the input conversions and the compound expressions, which the
// build stores; `accepts` below follows nspell's `form` and `exact` step
// for step.

/** Flags of a form that `correct` looks at, as bits. */
const onlyInCompound = 1
const forbidden = 2
const keepCase = 4

/** A dialect's stored forms and the rest of what `correct` needs. */
interface Lexicon {
  /** Identity of the lexicon file, which the index files refer to. */
  id: string
  /** Every form of both dialects, sorted, with the dialects holding each. */
  forms: SortedForms
  /** This dialect's bit in `forms.dialects`. */
  bit: number
  /** Forms with flags `correct` heeds. */
  marks: Map<string, number>
  conversion: Array<[RegExp, string]>
  compoundRules: RegExp[]
  compoundMin: number
  /** Capitalized names among the dialect's forms (see `isName`), by lower case. */
  names: ReadonlyMap<string, string>
  /** Whether nspell's `personal` adds a plain word without flags (see `personalForms`). */
  plainPersonal: boolean
}

function holds(lexicon: Lexicon, form: string, extra?: PersonalForms): boolean {
  const at = lexicon.forms.find(form)
  return (at >= 0 && (lexicon.forms.dialects[at] & lexicon.bit) !== 0) || (extra !== undefined && extra.added.has(form))
}

function marked(lexicon: Lexicon, form: string, flags: number, extra?: PersonalForms): boolean {
  const own = lexicon.marks.get(form) ?? 0
  return ((extra !== undefined && extra.forbidden.has(form) ? own | forbidden : own) & flags) !== 0
}

/** nspell's `correct(value)` (its `form`, without `all`), with `extra` as its `personal` words. */
function accepts(lexicon: Lexicon, value: string, extra?: PersonalForms): boolean {
  let normal = value.trim()
  if (!normal) return false
  for (const [pattern, replacement] of lexicon.conversion) {
    normal = normal.replace(pattern, replacement)
  }
  if (exact(lexicon, normal, extra)) return !marked(lexicon, normal, forbidden, extra)
  // All capitals: try sentence case.
  if (normal.toUpperCase() === normal) {
    const alternative = normal.charAt(0) + normal.slice(1).toLowerCase()
    if (marked(lexicon, alternative, keepCase | forbidden, extra)) return false
    if (exact(lexicon, alternative, extra)) return true
  }
  const alternative = normal.toLowerCase()
  if (alternative !== normal) {
    if (marked(lexicon, alternative, keepCase | forbidden, extra)) return false
    if (exact(lexicon, alternative, extra)) return true
  }
  return false
}

/** nspell's `exact`: a held form (not compound-only), or a compound. */
function exact(lexicon: Lexicon, form: string, extra?: PersonalForms): boolean {
  if (holds(lexicon, form, extra)) return !marked(lexicon, form, onlyInCompound, extra)
  if (form.length >= lexicon.compoundMin) {
    for (const rule of lexicon.compoundRules) if (rule.test(form)) return true
  }
  return false
}

/** nspell's `flag`: whether a form's flag codes include the named flag's code. */
function hasFlag(checker: NSpell, name: string, codes: string[]): boolean {
  return name in checker.flags && codes.includes(checker.flags[name] as string)
}

// ---------------------------------------------------------------------------
// Artefacts. `lexicon.bin` holds the forms of both dialects (97% are shared)
// as one sorted UTF-8 blob with their offsets and a byte saying which
// dialects hold each: looked up by binary search where they lie in the file,
// so no 124k-string Set is built on every run. `index-<dialect>.bin` holds a
// packed suggestion index whose words are positions among those forms, with
// their SUBTLEX frequencies.

const lexiconFile = 'lexicon.bin'
const indexFile = (dialect: Dialect) => `index-${dialect}.bin`
const dialectList: Dialect[] = ['en-US', 'en-GB']

/** How a lexicon file describes one dialect. */
interface StoredDialect {
  /** {@link dictionaryHash} of the dictionary it was made from. */
  dictionary: string
  /** The dialect's bit in the `dialects` section. */
  bit: number
  /** ICONV rules as `[source, flags, replacement]`. */
  conversion: Array<[string, string, string]>
  /** Compound expressions as `[source, flags]`. */
  compoundRules: Array<[string, string]>
  compoundMin: number
  /** Forms with flags `correct` heeds, and those flags as bits. */
  marks: Array<[string, number]>
  /** Whether nspell's `personal` adds a plain word without flags (see `personalForms`). */
  plainPersonal?: boolean
}

const hashes = new Map<Dialect, string>()

/**
 * What names a dialect's hunspell files: artefacts made from others are
 * ignored. The package's name and version and the two files' sizes, not a
 * digest of their bytes, so a run that answers from the artefacts never
 * reads the dictionary (npm never publishes two versions under one number).
 */
function dictionaryHash(dialect: Dialect): string {
  let hash = hashes.get(dialect)
  if (!hash) {
    const folder = dictionaryFolder(dialect)
    const {name, version} = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {name?: unknown; version?: unknown}
    const sizes = ['index.aff', 'index.dic'].map((file) => statSync(path.join(folder, file)).size)
    hash = JSON.stringify([name, version, ...sizes])
    hashes.set(dialect, hash)
  }
  return hash
}

/** A lexicon file as read, once per process and folder. */
interface LexiconFile {
  id: string
  dialects: Partial<Record<Dialect, StoredDialect>>
  forms: SortedForms
  sections: Map<string, unknown>
  /** {@link dictionaryHash} of dictionary-en, which the stems sections were made from. */
  stems?: string
}

const lexiconFiles = new Map<string, LexiconFile | null>()

function readLexiconFile(folder: URL): LexiconFile | undefined {
  let file = lexiconFiles.get(folder.href)
  if (file === undefined) {
    file = null
    const artefact = readArtefact(new URL(lexiconFile, folder))
    const {lexicon: id, dialects, stems} = (artefact?.header ?? {}) as {lexicon?: unknown; dialects?: unknown; stems?: unknown}
    const blob = artefact?.sections.get('forms')
    const offsets = artefact?.sections.get('offsets')
    const bits = artefact?.sections.get('dialects')
    if (
      artefact &&
      typeof id === 'string' &&
      dialects &&
      typeof dialects === 'object' &&
      blob instanceof Uint8Array &&
      offsets instanceof Uint32Array &&
      bits instanceof Uint8Array &&
      bits.length === offsets.length - 1
    ) {
      const bytes = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength)
      file = {
        id,
        dialects: dialects as LexiconFile['dialects'],
        forms: new SortedForms(bytes, offsets, bits),
        sections: artefact.sections,
        stems: typeof stems === 'string' ? stems : undefined
      }
    }
    lexiconFiles.set(folder.href, file)
  }
  return file ?? undefined
}

function readLexicon(dialect: Dialect, folder: URL): Lexicon | undefined {
  const file = readLexiconFile(folder)
  const stored = file?.dialects[dialect]
  if (!file || !stored || stored.dictionary !== dictionaryHash(dialect)) return undefined
  const blob = file.sections.get(`names-${dialect}`)
  const offsets = file.sections.get(`names-${dialect}-offsets`)
  const others = file.sections.get(`names-other-${dialect}`)
  if (!(blob instanceof Uint8Array) || !(offsets instanceof Uint32Array) || offsets.length === 0 || typeof others !== 'string') return undefined
  const names = new NameIndex(Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength), offsets, split(others))
  try {
    return {
      id: file.id,
      forms: file.forms,
      bit: stored.bit,
      marks: new Map(stored.marks),
      conversion: stored.conversion.map(([source, flags, replacement]) => [new RegExp(source, flags), replacement]),
      compoundRules: stored.compoundRules.map(([source, flags]) => new RegExp(source, flags)),
      compoundMin: stored.compoundMin,
      names,
      plainPersonal: stored.plainPersonal === true
    }
  } catch {
    // A header this version cannot read: work from nspell instead.
    return undefined
  }
}

function split(text: string): string[] {
  return text === '' ? [] : text.split('\n')
}

/**
 * A dialect's names by their lower-case form, as stored by the build:
 * searched where they lie instead of made into a Map of ~10,000 entries on
 * the first story. Names whose lower case is their first letter (A–Z) made
 * lower (`Washington`, `Zürich`) are sorted by that lower case, and compared
 * as if lowered; the few others (`Østergaard`) are in a small Map.
 */
class NameIndex implements ReadonlyMap<string, string> {
  private readonly count: number
  private readonly others: Map<string, string>

  constructor(
    private readonly blob: Buffer,
    private readonly offsets: Uint32Array,
    others: string[]
  ) {
    this.count = offsets.length - 1
    this.others = new Map(others.map((name) => [name.toLowerCase(), name]))
  }

  get size(): number {
    return this.count + this.others.size
  }

  get(lower: string): string | undefined {
    const other = this.others.get(lower)
    if (other !== undefined) return other
    const at = this.find(lower)
    return at < 0 ? undefined : this.name(at)
  }

  has(lower: string): boolean {
    return this.get(lower) !== undefined
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void, self?: unknown): void {
    for (const [key, value] of this) callback.call(self, value, key, this)
  }

  *entries(): MapIterator<[string, string]> {
    for (let at = 0; at < this.count; at++) {
      const name = this.name(at)
      yield [name.toLowerCase(), name]
    }
    yield* this.others.entries()
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key
  }

  *values(): MapIterator<string> {
    for (const [, value] of this.entries()) yield value
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries()
  }

  private name(at: number): string {
    return this.blob.toString('utf8', this.offsets[at], this.offsets[at + 1])
  }

  /** Position of the name whose lower case is `lower`, or -1. */
  private find(lower: string): number {
    if (lower === '') return -1
    // ASCII (most look-ups): its code units are its UTF-8 bytes.
    const key = isAscii(lower) ? lower : Buffer.from(lower, 'utf8')
    let low = 0
    let high = this.count - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const order = this.compare(middle, key)
      if (order === 0) return middle
      if (order < 0) low = middle + 1
      else high = middle - 1
    }
    return -1
  }

  /** Byte order of name `at`, its first letter (A–Z) lowered, against `key`. */
  private compare(at: number, key: string | Buffer): number {
    const start = this.offsets[at]
    const length = this.offsets[at + 1] - start
    const shorter = Math.min(length, key.length)
    for (let i = 0; i < shorter; i++) {
      const byte = i === 0 ? this.blob[start] + 32 : this.blob[start + i]
      const difference = byte - (typeof key === 'string' ? key.charCodeAt(i) : key[i])
      if (difference !== 0) return difference
    }
    return length - key.length
  }
}

/**
 * A dialect's names for {@link NameIndex}: those lowered by their first
 * letter alone, sorted by lower case, as a blob with offsets; the rest.
 */
function nameSections(names: ReadonlyArray<string>): {blob: Buffer; offsets: Uint32Array; others: string[]} {
  const plain: Array<{name: string; key: Buffer}> = []
  const others: string[] = []
  for (const name of names) {
    const head = name.charCodeAt(0)
    const lower = name.toLowerCase()
    if (head >= 65 && head <= 90 && lower === String.fromCharCode(head + 32) + name.slice(1)) {
      plain.push({name, key: Buffer.from(lower, 'utf8')})
    } else others.push(name)
  }
  plain.sort((a, b) => Buffer.compare(a.key, b.key))
  const encoded = plain.map(({name}) => Buffer.from(name, 'utf8'))
  const offsets = new Uint32Array(encoded.length + 1)
  encoded.forEach((bytes, at) => (offsets[at + 1] = offsets[at] + bytes.length))
  return {blob: Buffer.concat(encoded), offsets, others}
}

function readIndex(dialect: Dialect, folder: URL, lexicon: Lexicon): WordIndex | undefined {
  const artefact = readArtefact(new URL(indexFile(dialect), folder))
  if (!artefact) return undefined
  const {header, sections} = artefact
  try {
    if (header.lexicon !== lexicon.id || header.subtlex !== subtlexIdentity()) return undefined
  } catch {
    return undefined
  }
  // The trie's arrays as buildIndex made them, viewed where they lie in the
  // file: nothing to work out before the first suggestion.
  const char = sections.get('char')
  const [firstChild, nextSibling, letters, wordHead, nextForm, words, possessives] = [
    'firstChild',
    'nextSibling',
    'letters',
    'wordHead',
    'nextForm',
    'words',
    'possessives'
  ].map((name) => sections.get(name))
  const frequencies = sections.get('frequencies')
  if (
    !(char instanceof Uint16Array) ||
    !(firstChild instanceof Int32Array) ||
    !(nextSibling instanceof Int32Array) ||
    !(letters instanceof Int32Array) ||
    !(wordHead instanceof Int32Array) ||
    !(nextForm instanceof Int32Array) ||
    !(words instanceof Int32Array) ||
    !(possessives instanceof Int32Array) ||
    !(frequencies instanceof Uint32Array || frequencies instanceof Float64Array) ||
    typeof header.maxLength !== 'number' ||
    [firstChild, nextSibling, letters, wordHead].some((array) => array.length !== char.length) ||
    nextForm.length !== words.length ||
    frequencies.length !== words.length
  ) {
    return undefined
  }
  const {forms} = lexicon
  let possessiveForms: Map<string, string> | undefined
  return {
    size: words.length,
    word: (w) => forms.form(words[w]),
    char,
    firstChild,
    nextSibling,
    letters,
    wordHead,
    nextForm,
    maxLength: header.maxLength,
    get possessives() {
      if (!possessiveForms) {
        possessiveForms = new Map()
        for (const at of possessives) {
          const form = forms.form(at)
          possessiveForms.set(form.toLowerCase(), form)
        }
      }
      return possessiveForms
    },
    frequencies
  }
}

/** A set of strings, as much of one as its users need. */
export interface WordSet {
  has(word: string): boolean
}

/** dictionary-en's words as listed (stems, without affixes), split by their first letter's case. */
export interface Stems {
  /** Words that start lower case (`electric`, `motor`). */
  lower: WordSet
  /** Words that start with a capital (`Washington`, `Hollande`). */
  proper: WordSet
}

let stems: Stems | undefined

/**
 * dictionary-en's words (each `.dic` line up to its flags), common and
 * proper, without those that start with a digit: from the build's
 * lexicon.bin, else from dictionary-en itself (the same words).
 */
export function dictionaryStems(folder: URL = artefactFolder): Stems {
  if (folder === artefactFolder && stems) return stems
  const value = storedStems(folder) ?? computedStems()
  if (folder === artefactFolder) stems = value
  return value
}

function storedStems(folder: URL): Stems | undefined {
  const file = readLexiconFile(folder)
  if (!file || file.stems !== dictionaryHash('en-US')) return undefined
  const read = (name: string): SortedBlob | undefined => {
    const blob = file.sections.get(`stems-${name}`)
    const offsets = file.sections.get(`stems-${name}-offsets`)
    if (!(blob instanceof Uint8Array) || !(offsets instanceof Uint32Array) || offsets.length === 0) return undefined
    return new SortedBlob(Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength), offsets)
  }
  const lower = read('lower')
  const proper = read('proper')
  return lower && proper ? {lower, proper} : undefined
}

function computedStems(): Stems {
  const {lower, proper} = stemLists(hunspellFor('en-US').dic)
  return {lower: new Set(lower), proper: new Set(proper)}
}

/** The words of a `.dic` file (each line up to `/`, trimmed; none empty or starting with a digit), by first letter's case. */
function stemLists(dic: Uint8Array): {lower: string[]; proper: string[]} {
  const lower: string[] = []
  const proper: string[] = []
  const text = new TextDecoder().decode(dic)
  for (const line of text.split('\n')) {
    const slash = line.indexOf('/')
    const word = (slash === -1 ? line : line.slice(0, slash)).trim()
    if (!word || /^\d/.test(word)) continue
    const head = word.charAt(0)
    if (head === head.toLowerCase()) lower.push(word)
    else proper.push(word)
  }
  return {lower, proper}
}

/**
 * Which of a dialect's artefacts in `folder` a speller would use: the
 * lexicon (for `correct` and `capitalized`) and the suggestion index.
 * False for what is missing, damaged or made from other dictionaries or
 * another SUBTLEX list, which a speller works out from nspell instead.
 */
export function usableArtefacts(dialect: Dialect, folder: URL = artefactFolder): {lexicon: boolean; index: boolean} {
  const lexicon = readLexicon(dialect, folder)
  return {lexicon: lexicon !== undefined, index: lexicon !== undefined && readIndex(dialect, folder, lexicon) !== undefined}
}

/**
 * Work out both dialects' forms and suggestion indexes, and SUBTLEX, from
 * the installed packages and store them in `folder` (the build's
 * `dist/spell/`). Returns what was written.
 */
export function writeSpellArtefacts(folder: URL): Array<{path: URL; bytes: number}> {
  mkdirSync(folder, {recursive: true})
  const written: Array<{path: URL; bytes: number}> = []
  const checkers = new Map(dialectList.map((dialect) => [dialect, nspell(hunspellFor(dialect))]))

  // Every form of either dialect, in UTF-8 byte order, with its dialects.
  const bits = new Map<string, number>()
  dialectList.forEach((dialect, at) => {
    for (const form in checkers.get(dialect)!.data) bits.set(form, (bits.get(form) ?? 0) | (1 << at))
  })
  const encoded = [...bits.keys()].map((form) => ({form, bytes: Buffer.from(form, 'utf8')}))
  encoded.sort((a, b) => Buffer.compare(a.bytes, b.bytes))
  const offsets = new Uint32Array(encoded.length + 1)
  encoded.forEach(({bytes}, at) => (offsets[at + 1] = offsets[at] + bytes.length))
  const position = new Map(encoded.map(({form}, at) => [form, at]))

  const dialects: Partial<Record<Dialect, StoredDialect>> = {}
  const names: Record<string, string | Uint8Array | Uint32Array> = {}
  dialectList.forEach((dialect, at) => {
    const checker = checkers.get(dialect)!
    const marks: Array<[string, number]> = []
    const capitalized: string[] = []
    for (const form of Object.keys(checker.data)) {
      const codes = checker.data[form]
      const flags =
        (hasFlag(checker, 'ONLYINCOMPOUND', codes) ? onlyInCompound : 0) |
        (hasFlag(checker, 'FORBIDDENWORD', codes) ? forbidden : 0) |
        (hasFlag(checker, 'KEEPCASE', codes) ? keepCase : 0)
      if (flags) marks.push([form, flags])
      if (isName(form)) capitalized.push(form)
    }
    dialects[dialect] = {
      dictionary: dictionaryHash(dialect),
      bit: 1 << at,
      conversion: checker.conversion.in.map(([pattern, replacement]) => [pattern.source, pattern.flags, replacement]),
      compoundRules: checker.compoundRules.map((rule) => [rule.source, rule.flags]),
      compoundMin: Number(checker.flags.COMPOUNDMIN),
      marks,
      // nspell's `personal` adds a word with the flags of `data[undefined]`.
      plainPersonal: (checker.data['undefined'] ?? []).length === 0
    }
    const {blob, offsets: starts, others} = nameSections(capitalized)
    names[`names-${dialect}`] = blob
    names[`names-${dialect}-offsets`] = starts
    names[`names-other-${dialect}`] = others.join('\n')
  })
  // Loaded here, at build time: a run never hashes.
  const {createHash} = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')
  const id = createHash('sha1')
    .update(JSON.stringify(dialectList.map((dialect) => dialects[dialect]!.dictionary)))
    .digest('hex')
  // dictionary-en's words as listed, for `dictionaryStems` (the title kind's names).
  const listed = stemLists(hunspellFor('en-US').dic)
  const lowerStems = sortedBlob(listed.lower)
  const properStems = sortedBlob(listed.proper)
  const lexiconPath = new URL(lexiconFile, folder)
  const bytes = writeArtefact(
    lexiconPath,
    {lexicon: id, dialects, stems: dictionaryHash('en-US')},
    {
      forms: Buffer.concat(encoded.map((entry) => entry.bytes)),
      offsets,
      dialects: Uint8Array.from(encoded, ({form}) => bits.get(form)!),
      ...names,
      'stems-lower': lowerStems.blob,
      'stems-lower-offsets': lowerStems.offsets,
      'stems-proper': properStems.blob,
      'stems-proper-offsets': properStems.offsets
    }
  )
  written.push({path: lexiconPath, bytes})

  const counts = loadSubtlex()
  for (const dialect of dialectList) {
    const index = buildIndex(suggestible(checkers.get(dialect)!.data))
    const words = Array.from({length: index.size}, (_, w) => index.word(w))
    const possessives = [...index.possessives.values()]
    // Words are stored as positions among the forms, which holds unless the
    // index rewrote one (a curly apostrophe); then it is built at run time.
    if (![...words, ...possessives].every((word) => position.has(word))) continue
    const path = new URL(indexFile(dialect), folder)
    // The arrays as they are: a run views them in the file (2.7 MB more a
    // dialect than packed, ~40 ms less on the first suggestion).
    const size = writeArtefact(
      path,
      {dialect, lexicon: id, subtlex: subtlexIdentity(), maxLength: index.maxLength},
      {
        char: index.char,
        firstChild: index.firstChild,
        nextSibling: index.nextSibling,
        letters: index.letters,
        wordHead: index.wordHead,
        nextForm: index.nextForm,
        words: Int32Array.from(words, (word) => position.get(word)!),
        possessives: Int32Array.from(possessives, (word) => position.get(word)!),
        frequencies: compactNumbers(indexFrequencies(index, (word) => countOf(counts, word)))
      }
    )
    written.push({path, bytes: size})
  }
  written.push(writeSubtlexArtefact(folder))
  return written
}
