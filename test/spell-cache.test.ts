/**
 * The spelling artefacts the build stores (scripts/build-spell.js): a
 * speller reading them must answer exactly as one working from nspell at
 * run time, for `correct`, `capitalized` and `suggest`, in both dialects;
 * and artefacts that are missing, damaged or made from something else must
 * be ignored, not misread.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {
  createSpeller,
  dictionaryStems,
  hunspellFor,
  usableArtefacts,
  writeSpellArtefacts,
  type Hunspell
} from '../src/spell/dictionaries.js'
import {
  buildIndex,
  loadSubtlex,
  packIndex,
  readSubtlexArtefact,
  unpackIndex
} from '../src/spell/suggest.js'
import type {Dialect} from '../src/types.js'
import {knownMisspellings, loadWordList, readWordList, writeWordList} from '../src/spell/wordlist.js'
import {buildWhenStale} from './util/build.js'

interface NSpell {
  data: Record<string, string[]>
  correct(word: string): boolean
}

// nspell ships no types; this is the part the tests touch.
const nspell = createRequire(import.meta.url)('nspell') as (dictionary: Hunspell) => NSpell

const dialects: Dialect[] = ['en-US', 'en-GB']
const checkers = new Map(dialects.map((dialect) => [dialect, nspell(hunspellFor(dialect))]))
const forms = [...new Set(dialects.flatMap((dialect) => Object.keys(checkers.get(dialect)!.data)))]

let folder: string
let artefacts: URL

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-spell-'))
  artefacts = pathToFileURL(folder + '/')
  writeSpellArtefacts(artefacts)
})

afterAll(() => {
  fs.rmSync(folder, {recursive: true, force: true})
})

/** The typos of test/spell-suggest.test.ts (the bench reads the same block). */
function fixtureTypos(): string[] {
  const source = fs.readFileSync(new URL('spell-suggest.test.ts', import.meta.url), 'utf8')
  const block = source.slice(source.indexOf('// fixtures:start'), source.indexOf('// fixtures:end'))
  return [...block.matchAll(/\['([^']+)', '([^']+)'\]/g)].map(([, typo]) => typo)
}

/** Typos with the casings and apostrophes the suggester treats specially, and seeded slips of dictionary words. */
function suggestionInputs(): string[] {
  const typos = fixtureTypos()
  const inputs = [
    ...typos,
    ...typos.map((typo) => typo.toUpperCase()),
    ...typos.map((typo) => typo.charAt(0).toUpperCase() + typo.slice(1)),
    "Wahsington's", 'Wahsington’s', "refugess'", "goverment's", 'thats', 'dont', "does'nt",
    'colour', 'organisation', 'defence', 'centre', 'programme', 'color', 'organization', 'travelled',
    'cashflow', 'x', 'qq', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'
  ]
  let state = 7
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32
  const pool = forms.filter((form) => form.length > 3)
  for (let count = 0; count < 300; count++) {
    const word = pool[Math.floor(random() * pool.length)]
    const at = Math.floor(random() * word.length)
    const slip = random() < 0.5 ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2)
    inputs.push(slip)
  }
  return inputs
}

describe('stored artefacts', () => {
  test('are written for both dialects and read back', () => {
    for (const dialect of dialects) {
      expect(usableArtefacts(dialect, artefacts)).toEqual({lexicon: true, index: true})
    }
  })

  test.each(dialects)('%s: correct() answers as nspell does', (dialect) => {
    const stored = createSpeller(dialect, {artefacts})
    const checker = checkers.get(dialect)!
    const wrong: string[] = []
    const ask = (word: string) => {
      if (stored.correct(word) !== checker.correct(word)) wrong.push(word)
    }
    // Every form either dialect holds, as written.
    for (const form of forms) ask(form)
    // Casing (nspell tries sentence case for ALL-CAPS, then lower case),
    // curly apostrophes (ICONV), padding, on a sample of forms.
    for (let at = 0; at < forms.length; at += 7) {
      const form = forms[at]
      ask(form.toUpperCase())
      ask(form.toLowerCase())
      ask(form.charAt(0).toUpperCase() + form.slice(1))
      ask(form.charAt(0).toLowerCase() + form.slice(1).toUpperCase())
      ask(form.replaceAll("'", '’'))
      ask(form + 'x')
      ask(' ' + form + ' ')
    }
    // Ordinals come from the compound rules; `1th` is a compound-only form.
    for (const word of ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th', '1th', '2th', '3th', '21th', '1ST', '21St', 'a1st', '1stx', '0th', '', ' ', 'constructor', '__proto__', 'hasOwnProperty']) {
      ask(word)
    }
    expect(wrong.slice(0, 20), wrong.slice(0, 20).join(', ')).toEqual([])
  }, 120_000)

  test.each(dialects)('%s: capitalized() is the same map', (dialect) => {
    const stored = createSpeller(dialect, {artefacts}).capitalized()
    const fresh = createSpeller(dialect, {artefacts: false}).capitalized()
    expect(stored.size).toBeGreaterThan(1000)
    expect(stored.size).toBe(fresh.size)
    const byKey = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0)
    expect([...stored].sort(byKey)).toEqual([...fresh].sort(byKey))
    // Looked up as a Map is: every key, and keys that are not there.
    const wrong: string[] = []
    for (const [key, name] of fresh) {
      for (const probe of [key, key + 'a', key.slice(0, -1), 'a' + key, name, key.toUpperCase()]) {
        if (stored.get(probe) !== fresh.get(probe)) wrong.push(probe)
      }
    }
    for (const probe of ['', 'a', 'zzzz', 'ø', 'østergaard', '\uFFFD', 'washington', 'zürich']) {
      if (stored.get(probe) !== fresh.get(probe)) wrong.push(probe)
    }
    expect(wrong.slice(0, 20)).toEqual([])
  })

  test.each(dialects)('%s: suggest() gives the same suggestions', (dialect) => {
    const stored = createSpeller(dialect, {artefacts})
    const fresh = createSpeller(dialect, {artefacts: false})
    for (const word of suggestionInputs()) {
      expect(stored.suggest(word), word).toEqual(fresh.suggest(word))
      expect(stored.suggest(word, 12), word).toEqual(fresh.suggest(word, 12))
    }
  }, 120_000)

  test('SUBTLEX counts are the same', () => {
    expect([...readSubtlexArtefact(artefacts)!]).toEqual([...loadSubtlex()])
  })
})

describe('dictionary-en’s words as listed (the title kind’s names)', () => {
  test('stored: exactly the .dic words, common and proper', () => {
    // What src/house-style/kinds/title.ts read from dictionary-en before they were stored.
    const lower = new Set<string>()
    const proper = new Set<string>()
    for (const line of new TextDecoder().decode(hunspellFor('en-US').dic).split('\n')) {
      const slash = line.indexOf('/')
      const word = (slash === -1 ? line : line.slice(0, slash)).trim()
      if (!word || /^\d/.test(word)) continue
      const head = word.charAt(0)
      if (head === head.toLowerCase()) lower.add(word)
      else proper.add(word)
    }
    const stored = dictionaryStems(artefacts)
    // Read from the artefact, not worked out again.
    expect(stored.lower).not.toBeInstanceOf(Set)
    const wrong: string[] = []
    for (const word of lower) if (!stored.lower.has(word) || stored.proper.has(word)) wrong.push(word)
    for (const word of proper) if (!stored.proper.has(word) || stored.lower.has(word)) wrong.push(word)
    // Forms that are not listed words (affixed, recased), and odd input.
    for (const form of forms.slice(0, 20_000)) {
      for (const word of [form, form.toUpperCase(), form + 's', form.charAt(0).toUpperCase() + form.slice(1)]) {
        if (stored.lower.has(word) !== lower.has(word) || stored.proper.has(word) !== proper.has(word)) wrong.push(word)
      }
    }
    for (const word of ['', ' ', 'electric', 'Electric', 'Washington', 'washington', '0th', 'zzzz', 'café', '\uFFFD', 'a\uD800b']) {
      if (stored.lower.has(word) !== lower.has(word) || stored.proper.has(word) !== proper.has(word)) wrong.push(word)
    }
    expect(lower.size).toBeGreaterThan(30_000)
    expect(proper.size).toBeGreaterThan(5_000)
    expect(wrong.slice(0, 20)).toEqual([])
  }, 120_000)
})

describe('stored word lists (src/spell/wordlist.ts)', () => {
  test.each(dialects)('%s: the stored list is the one worked out at run time', async (dialect) => {
    const known = (word: string) => checkers.get(dialect)!.correct(word)
    await writeWordList(dialect, known, artefacts)
    const stored = readWordList(dialect, artefacts)
    const fresh = await loadWordList(dialect, known, false)
    expect(stored?.size).toBeGreaterThan(30_000)
    expect([...stored!]).toEqual([...fresh])
  }, 120_000)

  test.each(dialects)('%s: no known misspelling, and none of the other dialect’s forms', async (dialect) => {
    const list = await loadWordList(dialect, (word) => checkers.get(dialect)!.correct(word))
    // cspell's common misspellings (`dessicated`, `incidently`, `unwieldly`, `monickers`): 92 en-US, 75 en-GB before.
    expect([...knownMisspellings()].filter((word) => list.has(word))).toEqual([])
    // The other dialect's spelling of a word this dialect's dictionary has; not a commoner word of its own.
    const [theirs, ours] = dialect === 'en-US' ? [['foetus', 'gramme', 'caesarean', 'greybeard'], ['femme', 'bourne', 'ampullae']] : [['exorcize', 'partizan'], ['ballers']]
    expect(theirs.filter((word) => list.has(word))).toEqual([])
    expect(ours.filter((word) => list.has(word))).toEqual(ours)
  }, 120_000)

  test('a list made from another package or filter is ignored', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-words-'))
    const url = pathToFileURL(copy + '/')
    const text = fs.readFileSync(path.join(folder, 'words-en-US.bin')).toString('latin1')
    fs.writeFileSync(path.join(copy, 'words-en-US.bin'), Buffer.from(text.replace(':filter', ':other'), 'latin1'))
    expect(readWordList('en-US', url)).toBeUndefined()
    expect(readWordList('en-GB', url)).toBeUndefined()
    fs.rmSync(copy, {recursive: true, force: true})
  })
})

describe('packed index', () => {
  test('unpacks to the arrays buildIndex made', () => {
    const words = Object.keys(checkers.get('en-US')!.data)
    const built = buildIndex(words)
    const listed = Array.from({length: built.size}, (_, w) => built.word(w))
    const unpacked = unpackIndex(packIndex(built), built.size, (w) => listed[w], () => built.possessives.values())
    expect(unpacked.size).toBe(built.size)
    expect(unpacked.maxLength).toBe(built.maxLength)
    for (const name of ['char', 'firstChild', 'nextSibling', 'letters', 'wordHead', 'nextForm'] as const) {
      expect(Array.from(unpacked[name]), name).toEqual(Array.from(built[name]))
    }
    expect([...unpacked.possessives]).toEqual([...built.possessives])
  })
})

describe('artefacts that cannot be used', () => {
  test('a folder without them: worked out from nspell', () => {
    const empty = pathToFileURL(fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-none-')) + '/')
    expect(usableArtefacts('en-US', empty)).toEqual({lexicon: false, index: false})
    const speller = createSpeller('en-US', {artefacts: empty})
    expect(speller.correct('Tuesday')).toBe(true)
    expect(speller.correct('defence')).toBe(false)
    expect(speller.suggest('importats')[0]).toBe('imports')
  })

  test('damaged or from other dictionaries: ignored', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bad-'))
    const url = pathToFileURL(copy + '/')
    for (const name of fs.readdirSync(folder)) fs.copyFileSync(path.join(folder, name), path.join(copy, name))
    // Another dictionary: the lexicon names another en-GB version (same length, so the file still reads).
    const lexicon = fs.readFileSync(path.join(copy, 'lexicon.bin'))
    const text = lexicon.toString('latin1')
    const named = /"en-GB":\{"dictionary":"\[\\"dictionary-en-gb\\",\\"\d/.exec(text)![0]
    fs.writeFileSync(path.join(copy, 'lexicon.bin'), Buffer.from(text.replace(named, named.slice(0, -1) + (named.endsWith('9') ? '8' : '9')), 'latin1'))
    // A truncated index.
    const index = fs.readFileSync(path.join(copy, 'index-en-US.bin'))
    fs.writeFileSync(path.join(copy, 'index-en-US.bin'), index.subarray(0, index.length >> 1))
    expect(usableArtefacts('en-GB', url)).toEqual({lexicon: false, index: false})
    expect(usableArtefacts('en-US', url)).toEqual({lexicon: true, index: false})
    const gb = createSpeller('en-GB', {artefacts: url})
    expect(gb.correct('defence')).toBe(true)
    const us = createSpeller('en-US', {artefacts: url})
    expect(us.suggest('importats')).toEqual(createSpeller('en-US', {artefacts: false}).suggest('importats'))
    fs.rmSync(copy, {recursive: true, force: true})
  })
})

// The artefacts in dist/ (built first when stale: test/util/build.ts) must
// match what these sources make (if not, bump `artefactFormat` in index-store.ts).
const built = new URL('../dist/spell/', import.meta.url)
describe('the build’s artefacts', () => {
  beforeAll(() => buildWhenStale(), 600_000)

  test.each(dialects)('%s: suggest as these sources do', (dialect) => {
    expect(usableArtefacts(dialect, built)).toEqual({lexicon: true, index: true})
    const stored = createSpeller(dialect, {artefacts: built})
    const fresh = createSpeller(dialect, {artefacts: false})
    for (const word of fixtureTypos()) expect(stored.suggest(word), word).toEqual(fresh.suggest(word))
  }, 60_000)

  test.each(dialects)('%s: the word list as these sources make it', async (dialect) => {
    const speller = createSpeller(dialect, {artefacts: false})
    const stored = readWordList(dialect, built)
    expect(stored, 'dist/spell/words-' + dialect + '.bin is missing or stale: npm run build').toBeDefined()
    expect([...stored!]).toEqual([...(await loadWordList(dialect, (word) => speller.correct(word), false))])
  }, 120_000)
})
