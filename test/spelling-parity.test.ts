/**
 * `spelling` finds unknown words as retext-spell would (src/spell/tokens.ts
 * `unknownWords`, answered by `Speller.withPersonal` from the forms stored at
 * build time) instead of running retext-spell, which builds its own nspell on
 * every start (~250 ms). Here retext-spell itself, with dictionary-en (or
 * dictionary-en-gb) and the options `spelling` gave it (the house dictionary
 * as `personal`, `ignoreLiteral: false`, `max: -1`), runs over the same trees:
 * both must flag the same words, at the same places, in the same order,
 * before the names policy decides which to report.
 */
import fs from 'node:fs'
import {beforeAll, describe, expect, test} from 'vitest'
import {unified} from 'unified'
import type {Root, Word} from 'nlcst'
import retextSpell from 'retext-spell'
import {VFile} from 'vfile'
import {loadStyle} from '../src/style.js'
import {createSpeller, hunspellFor, usableArtefacts} from '../src/spell/dictionaries.js'
import {unknownWords} from '../src/spell/tokens.js'
import {loadMarkup, nlcstFor} from '../src/input/formats.js'
import type {Dialect, Format} from '../src/types.js'
import {corpusStories, testCorpus} from './util/corpus.js'
import {buildWhenStale} from './util/build.js'

const house = loadStyle().dictionary
// The build's artefacts (built first when stale: test/util/build.ts); from
// src/ a speller would find none beside it and work from nspell, which would prove less.
const artefacts = new URL('../dist/spell/', import.meta.url)
beforeAll(() => buildWhenStale(), 600_000)

// retext-spell builds its nspell when attached: one processor per settings.
const processors = new Map<string, ReturnType<typeof retextSpellProcessor>>()

function retextSpellProcessor(dialect: Dialect, personal: string) {
  return unified().use(retextSpell, {dictionary: hunspellFor(dialect), personal, max: -1, ignoreLiteral: false}).freeze()
}

/** What retext-spell reports on `tree`: `offset word`, in its order. */
function retextSpellFlags(tree: Root, dialect: Dialect, personal: string): string[] {
  const key = dialect + '\0' + personal
  let processor = processors.get(key)
  if (!processor) {
    processor = retextSpellProcessor(dialect, personal)
    processors.set(key, processor)
  }
  const file = new VFile()
  processor.runSync(tree as never, file)
  return file.messages.map((message) => `${message.place && 'start' in message.place ? message.place.start.offset : '?'} ${message.actual}`)
}

const checkers = new Map<string, (word: string) => boolean>()

/** What `unknownWords` finds on `tree`, in the same form. */
function ownFlags(tree: Root, dialect: Dialect, personal: string): string[] {
  const key = dialect + '\0' + personal
  let correct = checkers.get(key)
  if (!correct) {
    correct = createSpeller(dialect, {artefacts}).withPersonal(personal)
    checkers.set(key, correct)
  }
  const found: string[] = []
  unknownWords(tree, correct, (word: Word, _parent, _index, text) => found.push(`${word.position?.start.offset ?? '?'} ${text}`))
  return found
}

function expectSameFlags(text: string, format: Format = 'text', dialect: Dialect = 'en-US', personal = house.join('\n')) {
  const tree = nlcstFor(text, format)
  const expected = retextSpellFlags(tree, dialect, personal)
  expect(ownFlags(tree, dialect, personal)).toEqual(expected)
  return expected
}

/** The words of flags, without their offsets. */
function wordsOf(flags: string[]): string[] {
  return flags.map((flag) => flag.slice(flag.indexOf(' ') + 1))
}

/** Slips in one word in twelve (swapped, dropped and doubled letters, curly apostrophes, capitals, hyphens). */
function withSlips(text: string): string {
  let state = 3
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32
  return text.replace(/[A-Za-z][a-z']{3,}/g, (word) => {
    if (random() > 1 / 12) return word
    const at = 1 + Math.floor(random() * (word.length - 2))
    const kind = random()
    if (kind < 0.3) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
    if (kind < 0.5) return word.slice(0, at) + word.slice(at + 1)
    if (kind < 0.6) return word.slice(0, at) + word[at] + word.slice(at)
    if (kind < 0.7) return word.toUpperCase()
    if (kind < 0.8) return word[0].toUpperCase() + word.slice(1)
    if (kind < 0.9) return word + '-' + word.slice(at)
    return word.slice(0, at) + '’' + word.slice(at)
  })
}

const edgeCases = [
  // Digits and times (`ignoreDigits`), ordinals (compound rules), numbers in words.
  'In 1990 at 2:41pm, or 11:05 a.m., the 21st and 22th men saw 3.8 G7 1990s 2nd.',
  // Compounds known by their parts, and not.
  'A state-owned, Al-Qaida-affiliated group; a well-knwon and-or pro-Western U.S.-led e-mail.',
  // Apostrophes, straight and curly, possessives and elisions.
  'Mali’s and Mali\'s, the goverment’s plan, Jama’at, O’Brien, rock ’n’ roll, don’t and dont, the ’90s.',
  // Capitals: all caps (sentence case is tried), sentence case, house words in every case.
  'WASHINGTON (Reuters) - THE GOVERMENT of JNIM and Qaida, QAIDA, qaida and Qaida’s said Tuesdy.',
  // Between commas, dashes, parentheses and quotation marks (not literal for us).
  'Ports, airfeilds, and railways — the so-called “fauxbama” (covfefe) — were hit.',
  // URLs, handles and hashtags are words to retext-spell.
  'See https://example.com/a-pagge or @handlle and #hashtagg at www.exmaple.org.',
  // Odd tokens.
  'x y qq zzzzzzzzzzzz naïve café résumé Zürich ﬁnance Straße',
  ''
]

describe('unknown words, as retext-spell finds them', () => {
  test('the build’s artefacts are there: npm run build', () => {
    expect(usableArtefacts('en-US', artefacts).lexicon).toBe(true)
    expect(usableArtefacts('en-GB', artefacts).lexicon).toBe(true)
  })

  test.each(edgeCases.map((text, index) => [index, text]))('edge case %i', (_index, text) => {
    expectSameFlags(text as string)
  })

  test('the edge cases flag what they should', () => {
    const flags = expectSameFlags(edgeCases.join('\n\n'))
    expect(flags.join(', ')).toContain('goverment')
    expect(flags.join(', ')).not.toMatch(/ (1990|2:41pm|11:05|21st|Qaida|QAIDA|state-owned)(,|$)/)
  })

  test.each([
    ['examples/story.txt', 'text'],
    ['examples/story.md', 'markdown'],
    ['examples/story.html', 'html'],
    ['test/fixtures/clean-story.txt', 'text'],
    ['test/fixtures/typos.txt', 'text']
  ] as const)('%s', async (name, format) => {
    await loadMarkup()
    const text = fs.readFileSync(new URL(`../${name}`, import.meta.url), 'utf8')
    expectSameFlags(text, format)
    expectSameFlags(withSlips(text), format)
  })

  test('en-GB, with its own dictionary', () => {
    const flags = expectSameFlags('The colour of the defence programme was organised; the color of the programm.', 'text', 'en-GB')
    expect(wordsOf(flags)).toEqual(['color', 'programm'])
  })

  test('personal words: plain, forbidden (`*said`) and none', () => {
    const text = 'He said the covfefe livestream Livestream LIVESTREAM was said to be Said.'
    expect(wordsOf(expectSameFlags(text, 'text', 'en-US', 'covfefe\n*said\n  livestream  \n'))).toEqual(['said', 'said', 'Said'])
    expect(wordsOf(expectSameFlags(text, 'text', 'en-US', ''))).toEqual(['covfefe', 'livestream', 'Livestream', 'LIVESTREAM'])
  })

  test('a personal word with a model (`walkx/walk`): from nspell, as retext-spell does', () => {
    const text = 'He walkxed and walkxing to walkx, not walkxz.'
    expect(wordsOf(expectSameFlags(text, 'text', 'en-US', 'walkx/walk'))).toEqual(['walkxz'])
    expect(wordsOf(expectSameFlags(text, 'text', 'en-US', 'walkx'))).toEqual(['walkxed', 'walkxing', 'walkxz'])
  })

  testCorpus('the news corpus, as written and with slips', () => {
    let flagged = 0
    for (const story of corpusStories()) {
      flagged += expectSameFlags(story.text).length
      flagged += expectSameFlags(withSlips(story.text)).length
    }
    // Names, mostly, and the slips: both sides found the same hundreds.
    expect(flagged).toBeGreaterThan(1000)
  })
})
