/**
 * Instant re-checks (src/incremental.ts): a checker made with
 * `{incremental: true}` checks only changed paragraphs again, and its
 * findings must equal a full check's, field by field and in order. The
 * property: after each of a run of random edits (words inserted, deleted,
 * replaced; paragraphs split and merged; slips, names, British spellings and
 * curly apostrophes typed in), the incremental checker and a plain one agree,
 * with and without a time budget (the server's path).
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import type {VFile} from 'vfile'
import {VFile as File} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {createChecker} from '../src/index.js'
import {incrementalStatsOf} from '../src/check.js'
import {ByteLru, ParseCache} from '../src/incremental.js'
import {nlcstFor} from '../src/input/formats.js'
import {floorFor, runFloor} from '../src/faces/floor.js'
import {setDeadline} from '../src/deadline.js'
import {HtmlParseCache, htmlParseCache} from '../src/input/html-blocks.js'
import {loadMarkup} from '../src/input/formats.js'
import type {VisibleText} from '../src/nlcst/visible-text.js'
import {corpusAvailable, corpusStories, readShared} from './util/corpus.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')

/** Every field a face can show, places included (cause too). */
function shape(message: VFileMessage) {
  const cause = message.cause as VFileMessage | undefined
  return {
    name: message.name,
    file: message.file,
    ruleId: message.ruleId,
    source: message.source,
    reason: message.reason,
    fatal: message.fatal,
    line: message.line,
    column: message.column,
    place: message.place,
    actual: message.actual,
    expected: message.expected,
    url: message.url,
    note: message.note,
    data: (message as {data?: unknown}).data,
    quoted: (message as {quoted?: unknown}).quoted,
    cause: cause && typeof cause === 'object' ? {reason: cause.reason, place: cause.place, name: cause.name, file: cause.file} : cause
  }
}

function outcome(file: VFile) {
  // The budget's end differs from run to run; whatever else the checks record (skipped checks, what the cap left out) must agree.
  const {copydeskDeadline: _, ...data} = file.data as {copydeskDeadline?: number}
  return {messages: file.messages.map(shape), data}
}

const full = createChecker()
const incremental = createChecker({}, {incremental: true})

type Format = 'text' | 'markdown' | 'html'

/** Check `text` with both checkers, without and with a budget (critical phase first), and expect the same findings. */
async function agree(text: string, format: Format = 'text'): Promise<number> {
  const plain = outcome(await full.check(text, {format}))
  expect(outcome(await incremental.check(text, {format}))).toEqual(plain)
  const budgeted = async (checker: typeof full) => {
    const file = new File({value: text, path: 'story.txt'})
    setDeadline(file, 600_000)
    let critical = 0
    const checked = await checker.check(file, {format, onCritical: (messages) => (critical = messages.length)})
    return {...outcome(checked), critical}
  }
  expect(await budgeted(incremental)).toEqual(await budgeted(full))
  return plain.messages.length
}

const slips = ['the', 'teh', 'recieve', 'colour', 'Washington', 'Lyammouri', 'it’s', "it's", 'its', 'a', 'an', 'NATO', 'FBI', 'Mr.', 'TK', 'percent', '5%', 'Sept. 3', 'Calif.', 'U.S.', '“quote', 'said”', 'Smith', 'Smyth', 'hour', 'European', 'then', 'than']

type Edit =
  | {kind: 'insert' | 'replace'; at: number; word: string}
  | {kind: 'delete' | 'split' | 'merge' | 'newline'; at: number}

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({kind: fc.constantFrom('insert' as const, 'replace' as const), at: fc.nat(), word: fc.constantFrom(...slips)}),
  fc.record({kind: fc.constantFrom('delete' as const, 'split' as const, 'merge' as const, 'newline' as const), at: fc.nat()})
)

/** `text` after `change`: positions count words (or paragraph breaks, to merge). */
function apply(text: string, change: Edit): string {
  if (change.kind === 'merge') {
    const breaks = [...text.matchAll(/\n[ \t]*\n/g)]
    if (breaks.length === 0) return text
    const found = breaks[change.at % breaks.length]!
    return text.slice(0, found.index) + ' ' + text.slice(found.index! + found[0].length)
  }
  const words = [...text.matchAll(/\S+/g)]
  if (words.length === 0) return change.kind === 'insert' || change.kind === 'replace' ? change.word : text
  const word = words[change.at % words.length]!
  const start = word.index!
  const end = start + word[0].length
  switch (change.kind) {
    case 'insert':
      return text.slice(0, start) + change.word + ' ' + text.slice(start)
    case 'replace':
      return text.slice(0, start) + change.word + text.slice(end)
    case 'delete':
      return text.slice(0, start) + text.slice(end).replace(/^ /, '')
    case 'split':
      return text.slice(0, start) + '\n\n' + text.slice(start)
    default:
      return text.slice(0, start) + '\n' + text.slice(start)
  }
}

const stories: Array<[string, string]> = [
  ['examples/story.txt', read('examples/story.txt')],
  ['test/fixtures/typos.txt', read('test/fixtures/typos.txt')],
  ['test/fixtures/clean-story.txt', read('test/fixtures/clean-story.txt')],
  ['test/fixtures/golden/edge-cases.txt', read('test/fixtures/golden/edge-cases.txt')]
]
if (corpusAvailable) {
  const corpus = corpusStories()
  stories.push(['corpus: reuters and bbc, four stories joined', [corpus[0], corpus[7], corpus[corpus.length - 1], corpus[corpus.length - 9]].map((story) => story!.text).join('\n\n')])
  const mali = readShared('corpus/seed/mali.txt')
  if (mali) stories.push(['corpus/seed/mali.txt', mali])
}

describe('incremental re-checks equal full checks', () => {
  for (const [name, text] of stories) {
    test(`after random edits: ${name}`, async () => {
      let findings = 0
      await fc.assert(
        fc.asyncProperty(fc.array(edit, {minLength: 1, maxLength: 8}), async (edits) => {
          let story = text
          findings += await agree(story)
          for (const change of edits) {
            story = apply(story, change)
            findings += await agree(story)
          }
        }),
        {numRuns: 10, seed: 21, endOnFailure: true}
      )
      // The stories have findings to compare (an empty comparison proves nothing).
      expect(findings).toBeGreaterThan(0)
    }, 600_000)
  }
})

/** Markup an editor types: tags, entities, Markdown emphasis, links and reference definitions (a reference's words change with a definition elsewhere). */
const markupSlips: Record<'markdown' | 'html', string[]> = {
  html: ['<b>', '</b>', '<p>', '</p>', '<h2>', '<em>teh</em>', '<a href="https://example.com/TK">', '</a>', '&rsquo;', '&amp;', 'it&#8217;s', '<br>', '<blockquote>', '<code>TK</code>', '<!-- copydesk disable spelling -->', '<span class="copydesk-skip">', '</span>', '<li>'],
  markdown: ['**', '*teh*', '# ', '> ', '- ', '[Reuters]', '[Reuters]: https://example.com', '[link](https://example.com/TK)', '`TK`', '\\*', '&rsquo;', '<!-- copydesk disable spelling -->', '1.', '---', '```']
}

type MarkupEdit = Edit | {kind: 'markup'; at: number; markup: number}

/** A plain-text story as `format`: headings, bold, links, entities, a quote and a list. */
function asMarkup(text: string, format: 'markdown' | 'html'): string {
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '')
  return paragraphs
    .map((paragraph, index) => {
      const words = paragraph.split(' ')
      if (format === 'html') {
        const body = paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/’/g, '&#8217;')
        if (index % 7 === 3) return `<h2>${body}</h2>`
        if (index % 5 === 1) return `<p><b>${words[0]}</b> ${words.slice(1).join(' ').replace(/&/g, '&amp;').replace(/</g, '&lt;')} <a href="https://example.com/${index}">more</a></p>`
        if (index % 6 === 4) return `<blockquote><p>${body}</p></blockquote>`
        return `<p>${body}</p>`
      }
      if (index % 7 === 3) return `## ${paragraph}`
      if (index % 5 === 1) return `**${words[0]}** ${words.slice(1).join(' ')} [more][ref${index}]\n\n[ref${index}]: https://example.com/${index}`
      if (index % 6 === 4) return `> ${paragraph}`
      if (index % 8 === 5) return `- ${paragraph}`
      return paragraph
    })
    .join(format === 'html' ? '\n' : '\n\n')
}

const markupEdit = (format: 'markdown' | 'html'): fc.Arbitrary<MarkupEdit> =>
  fc.oneof(edit, fc.record({kind: fc.constant('markup' as const), at: fc.nat(), markup: fc.nat({max: markupSlips[format].length - 1})}))

function applyMarkup(text: string, change: MarkupEdit, format: 'markdown' | 'html'): string {
  if (change.kind !== 'markup') return apply(text, change)
  // Anywhere: inside a word, a tag or an entity too.
  const at = text.length === 0 ? 0 : change.at % text.length
  return text.slice(0, at) + markupSlips[format][change.markup] + text.slice(at)
}

const markupStories: Array<[string, 'markdown' | 'html', string]> = [
  ['examples/story.html', 'html', read('examples/story.html')],
  ['examples/story.md', 'markdown', read('examples/story.md')],
  ['test/fixtures/typos.txt as HTML', 'html', asMarkup(read('test/fixtures/typos.txt'), 'html')],
  ['test/fixtures/typos.txt as Markdown', 'markdown', asMarkup(read('test/fixtures/typos.txt'), 'markdown')],
  ['test/fixtures/golden/edge-cases.txt as HTML', 'html', asMarkup(read('test/fixtures/golden/edge-cases.txt'), 'html')]
]
if (corpusAvailable) {
  const corpus = corpusStories()
  const joined = [corpus[2], corpus[corpus.length - 3]].map((story) => story!.text).join('\n\n')
  markupStories.push(['corpus: two stories as HTML', 'html', asMarkup(joined, 'html')], ['corpus: two stories as Markdown', 'markdown', asMarkup(joined, 'markdown')])
}

describe('incremental re-checks of HTML and Markdown equal full checks', () => {
  for (const [name, format, text] of markupStories) {
    test(`after random edits: ${name}`, async () => {
      let findings = 0
      let cases = 0
      await fc.assert(
        fc.asyncProperty(fc.array(markupEdit(format), {minLength: 1, maxLength: 6}), async (edits) => {
          let story = text
          findings += await agree(story, format)
          for (const change of edits) {
            story = applyMarkup(story, change, format)
            findings += await agree(story, format)
            cases++
          }
        }),
        {numRuns: 10, seed: 21, endOnFailure: true}
      )
      expect(findings).toBeGreaterThan(0)
      expect(cases).toBeGreaterThanOrEqual(10)
    }, 600_000)
  }

  test('a paragraph of HTML is reused, moved, and its spans stay on the markup', async () => {
    const checker = createChecker({}, {incremental: true})
    const story = '<p>Teh mayor spoke on <b>Tuesday</b>.</p>\n<p>The the council met &amp; adjourned.</p>\n'
    const before = (await checker.check(story, {format: 'html'})).messages.map(String)
    expect(before).toEqual(['1:4-1:7: `Teh` is not in the dictionary; did you mean `The`?', '2:4-2:11: Remove the repeated `the`'])
    expect(incrementalStatsOf(checker)).toMatchObject({reused: 0, checked: 2})
    const after = (await checker.check('<h1>A new <i>heading</i> first</h1>\n' + story, {format: 'html'})).messages.map(String)
    expect(after).toEqual(['2:4-2:7: `Teh` is not in the dictionary; did you mean `The`?', '3:4-3:11: Remove the repeated `the`'])
    expect(incrementalStatsOf(checker)).toMatchObject({reused: 2, checked: 3})
  })

  test('a Markdown reference defined elsewhere changes a paragraph with the same source', async () => {
    const checker = createChecker({}, {incremental: true})
    const paragraph = 'The mayor read [teh report] on Tuesday.\n'
    const alone = (await checker.check(paragraph, {format: 'markdown'})).messages.map(String)
    const defined = paragraph + '\n[teh report]: https://example.com\n'
    const linked = (await checker.check(defined, {format: 'markdown'})).messages.map(String)
    expect(alone).toEqual((await full.check(paragraph, {format: 'markdown'})).messages.map(String))
    expect(linked).toEqual((await full.check(defined, {format: 'markdown'})).messages.map(String))
    // A link's words are `teh report`, the literal text's `[teh report]`: the paragraph's key tells them apart.
    expect(incrementalStatsOf(checker)).toMatchObject({reused: 0, checked: 2})
  })
})

describe('story-wide checks and facts follow edits elsewhere', () => {
  // The first paragraph never changes and comes from the cache, yet its
  // findings change with edits to the second: a word written inside a
  // sentence elsewhere is a name (spelling, dialect), the story's apostrophes
  // (confusables); acronyms and name-consistency run over the whole story.
  const kept = 'Goverment spoke on Tuesday. Colour was the theme, but its not clear when the NTSB will meet. Officials spoke to Anna Kowalczyk.'
  const steps = [
    'The council met later.',
    'It heard from Goverment.',
    'It heard from Goverment and Colour.',
    'It heard from Colour at the mayor’s office.',
    'The National Transportation Safety Board (NTSB) met. Officials spoke to Anna Kowalcyzk.',
    'The council met later.'
  ].map((second) => kept + '\n\n' + second + '\n')
  const expectedKept = [
    ['spelling 1:1-1:10 Government', 'dialect 1:29-1:35 Color', "confusables 1:55-1:58 it's", 'acronyms 1:78-1:82 National Transportation Safety Board'],
    ['dialect 1:29-1:35 Color', "confusables 1:55-1:58 it's", 'acronyms 1:78-1:82 National Transportation Safety Board'],
    ["confusables 1:55-1:58 it's", 'acronyms 1:78-1:82 National Transportation Safety Board'],
    ['spelling 1:1-1:10 Government', 'confusables 1:55-1:58 it’s', 'acronyms 1:78-1:82 National Transportation Safety Board'],
    ['spelling 1:1-1:10 Government', 'dialect 1:29-1:35 Color', "confusables 1:55-1:58 it's", 'acronyms 1:78-1:82 National Transportation Safety Board'],
    ['spelling 1:1-1:10 Government', 'dialect 1:29-1:35 Color', "confusables 1:55-1:58 it's", 'acronyms 1:78-1:82 National Transportation Safety Board']
  ]

  test('each step equals a full check, the cached paragraph’s findings included', async () => {
    const checker = createChecker({}, {incremental: true})
    const seen: string[][] = []
    for (const text of steps) {
      const expected = (await full.check(text)).messages
      expect((await checker.check(text)).messages.map(shape)).toEqual(expected.map(shape))
      seen.push(expected.filter((message) => message.line === 1).map((message) => `${message.ruleId} ${message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}-${message.place.end.line}:${message.place.end.column}` : ''} ${message.expected?.[0]}`))
    }
    expect(seen).toEqual(expectedKept)
    // The first paragraph is checked again when one of its words starts or stops being written as a name elsewhere; else reused.
    expect(incrementalStatsOf(checker)).toMatchObject({reused: 3, checked: 9})
  })
})

describe('the parse cache', () => {
  /** The tree as data (points shared or not). */
  const plain = (tree: unknown) => JSON.parse(JSON.stringify(tree)) as unknown
  const texts = [
    ...stories.map(([, text]) => text),
    'One.\n\nTwo.',
    '\n\nLeading blank lines.\n\n\n\nThree blank lines.  \n \t\n  Indented after spaces.\n\n',
    'CRLF.\r\n\r\nAfter it.\r\n\r\n\r\n\fForm feed.\r\rCR only.\n\n\u00a0No-break space first.\n\n\u2003Em space.',
    'A line.\nNot a paragraph break.\n\n“Quoted,” he said.\n\n- A list?\n\n😀 Emoji first.\n\n\n'
  ]

  test('parses as the whole text is parsed, from the cache too', () => {
    const cache = new ParseCache(64 * 1024 * 1024)
    const parse = (text: string) => nlcstFor(text)
    let cut = 0
    for (const text of texts) {
      // A story of one paragraph (no blank line before more text) is parsed whole.
      if (!/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*\S/.test(text)) {
        expect(cache.parse(text, parse, 32 * 1024)).toBeUndefined()
        continue
      }
      cut++
      const whole = plain(nlcstFor(text))
      expect(plain(cache.parse(text, parse, 32 * 1024))).toEqual(whole)
      // Again, every paragraph from the cache, and after an edit to the first.
      expect(plain(cache.parse(text, parse, 32 * 1024))).toEqual(whole)
      const edited = 'Inserted words. ' + text
      expect(plain(cache.parse(edited, parse, 32 * 1024))).toEqual(plain(nlcstFor(edited)))
      // Paragraphs where they were last (their copies given again), then moved back, then kept with one after them.
      for (const next of [edited + '\n\nAdded at the end.', text, text + '\n\nAdded at the end.']) {
        expect(plain(cache.parse(next, parse, 32 * 1024))).toEqual(plain(nlcstFor(next)))
      }
    }
    expect(cut).toBeGreaterThanOrEqual(6)
    expect(cache.bytes).toBeGreaterThan(0)
  })

  test('one paragraph, or one longer than the limit, is not cut', () => {
    const cache = new ParseCache(1024 * 1024)
    expect(cache.parse('One paragraph.\nTwo lines.\n', nlcstFor, 1000)).toBeUndefined()
    expect(cache.parse('Short.\n\n' + 'Long '.repeat(100), nlcstFor, 100)).toBeUndefined()
  })
})

describe('the floor, incremental', () => {
  test('finds what a full floor finds after edits, in text and HTML', async () => {
    const plainFloor = floorFor({dialect: 'en-US'})
    const fastFloor = floorFor({dialect: 'en-US'}, {incremental: true})
    expect(fastFloor).not.toBe(plainFloor)
    let found = 0
    for (const [format, story] of [['text', read('examples/story.txt')], ['html', read('examples/story.html')]] as const) {
      let body = story
      for (const word of ['TK', 'lorem ipsum', 'TKTK', 'the']) {
        const words = [...body.matchAll(/[a-z]{5,}/g)]
        const at = words[(body.length * 7) % words.length]!
        body = body.slice(0, at.index) + word + body.slice(at.index! + at[0].length)
        const expected = await runFloor(plainFloor, {body, format})
        expect(await runFloor(fastFloor, {body, format})).toEqual(expected)
        found += expected.messages.length
      }
    }
    expect(found).toBeGreaterThan(0)
    expect(incrementalStatsOf(fastFloor.checker)?.reused).toBeGreaterThan(0)
  })
})

describe('the incremental checker', () => {
  test('reuses unchanged paragraphs and moves their findings', async () => {
    const checker = createChecker({}, {incremental: true})
    const first = 'Teh mayor spoke on Tuesday.\n\nThe the council met later.\n'
    const before = (await checker.check(first)).messages.map(String)
    expect(before).toEqual(['1:1-1:4: `Teh` is not in the dictionary; did you mean `The`?', '3:1-3:8: Remove the repeated `the`'])
    expect(incrementalStatsOf(checker)).toMatchObject({reused: 0, checked: 2, entries: 2})
    const after = (await checker.check('A new paragraph comes first.\n\n' + first)).messages.map(String)
    expect(after).toEqual(['3:1-3:4: `Teh` is not in the dictionary; did you mean `The`?', '5:1-5:8: Remove the repeated `the`'])
    // Only the new paragraph was checked again.
    expect(incrementalStatsOf(checker)).toMatchObject({reused: 2, checked: 3, entries: 3})
    expect(incrementalStatsOf(full)).toBeUndefined()
  })

  test('a name written later in the story changes a cached paragraph’s finding', async () => {
    const checker = createChecker({}, {incremental: true})
    const opener = 'Goverment spoke on Tuesday.\n\nThe council met later.\n'
    expect((await checker.check(opener)).messages.map(String)).toEqual(['1:1-1:10: `Goverment` is not in the dictionary; did you mean `Government`?'])
    // Written inside a sentence elsewhere, the opener is taken for a name: no finding, as in a full check.
    expect((await checker.check(opener + '\nIt heard from Goverment.\n')).messages.map(String)).toEqual([])
    expect((await full.check(opener + '\nIt heard from Goverment.\n')).messages.map(String)).toEqual([])
    // The opener edited and checked alone: the name is still read from the cached paragraph.
    expect((await checker.check('Goverment spoke on Monday.\n\nThe council met later.\n\nIt heard from Goverment.\n')).messages.map(String)).toEqual([])
    expect(incrementalStatsOf(checker)).toMatchObject({reused: 3, checked: 5})
  })

  test('a changed paragraph follows the apostrophes of the cached ones', async () => {
    const checker = createChecker({}, {incremental: true})
    const mayor = '\n\nThe mayor’s office said so.\n'
    await checker.check('The council said it would meet, but its not clear when.' + mayor)
    // Only the first paragraph is checked again; the story's curly apostrophe is in the other.
    const edited = (await checker.check('The council said it would meet soon, but its not clear when.' + mayor)).messages
    expect(edited.map((message) => [String(message), message.expected])).toEqual([['1:42-1:45: Use `it’s` (it is), not `its` (belonging to it)', ['it’s']]])
  })

  test('the cache stays within its bytes, dropping the least recently used', () => {
    const lru = new ByteLru(1000)
    lru.set('a', {messages: [], bytes: 400})
    lru.set('b', {messages: [], bytes: 400})
    lru.get('a')
    lru.set('c', {messages: [], bytes: 400})
    expect({size: lru.size, bytes: lru.bytes, a: Boolean(lru.get('a')), b: Boolean(lru.get('b')), c: Boolean(lru.get('c'))}).toEqual({size: 2, bytes: 800, a: true, b: false, c: true})
    lru.set('huge', {messages: [], bytes: 5000})
    expect(lru.get('huge')).toBeUndefined()
  })
})

/** The story as the copy-desk page sends it (src/page/editor.ts `serialize`): one block a line, bold, italic and links inside. */
function asPage(text: string): string {
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph, index) => {
      const words = paragraph.split(' ').map(escape)
      if (index % 9 === 4) return `<h2>${words.join(' ')}</h2>`
      if (index % 4 === 1 && words.length > 3) return `<p>${words[0]} <strong>${words[1]}</strong> <em>${words[2]}</em> ${words.slice(3).join(' ')} <a href="https://example.com/${index}">more</a></p>`
      if (index % 11 === 7) return `<ul><li>${words.join(' ')}</li><li>Second item.</li></ul>`
      return `<p>${words.join(' ')}</p>`
    })
    .join('\n')
}

/** Paragraphs of the stories above, to about `count` words, as the page sends them. */
function pageStory(count: number): string {
  const paragraphs: string[] = []
  let words = 0
  for (let turn = 0; words < count; turn++) {
    for (const [, text] of stories) {
      // A line is a paragraph, as the page makes it (our typo lists are one line a word).
      for (const paragraph of text.split(/\n\s*/)) {
        if (paragraph.trim() === '' || words >= count) continue
        const sentences = paragraph.trim().split(/(?<=[.!?]”?) /)
        paragraphs.push([...sentences.slice(turn % sentences.length), ...sentences.slice(0, turn % sentences.length)].join(' '))
        words += paragraph.split(/\s+/).length
      }
    }
  }
  return asPage(paragraphs.join('\n\n'))
}

describe('HTML parsed by blocks (src/input/html-blocks.ts)', () => {
  /** The tree as data (points shared or not). */
  const plain = (tree: unknown) => JSON.parse(JSON.stringify(tree)) as unknown
  const visibleData = (visible: VisibleText) => {
    const starts: number[] = []
    const ends: number[] = []
    for (let index = 0; index <= visible.text.length; index++) {
      starts.push(visible.start(index))
      ends.push(visible.end(index))
    }
    return {text: visible.text, starts, ends}
  }
  /** What the whole parse gives: the nlcst tree the checks are handed, and the gate's visible text. */
  async function wholeParse(value: string) {
    const markup = await loadMarkup()
    let tree: unknown
    const processor = markup.markupProcessor('html', {}, async (each) => {
      tree = each
    })
    const file = new File({value})
    await processor.run(processor.parse(file), file)
    return {tree: plain(tree), visible: visibleData(markup.visibleOfMarkup(value, 'html'))}
  }

  test('gives the tree and visible text of a whole parse after random edits, typed markup included', async () => {
    const markup = await loadMarkup()
    const cache = new HtmlParseCache(64 * 1024 * 1024)
    let compared = 0
    let declined = 0
    const texts = [...markupStories.filter(([, format]) => format === 'html').map(([, , text]) => text), pageStory(1500)]
    for (const text of texts) {
      await fc.assert(
        fc.asyncProperty(fc.array(markupEdit('html'), {minLength: 1, maxLength: 8}), async (edits) => {
          let story = text
          for (const change of [undefined, ...edits]) {
            if (change) story = applyMarkup(story, change, 'html')
            const parsed = await cache.parse(story, markup, markup.htmlPartSize)
            if (!parsed) {
              declined++
              continue
            }
            // Asked again (the floor, then the checker): the very same parse.
            expect(await cache.parse(story, markup, markup.htmlPartSize)).toBe(parsed)
            expect({tree: plain(parsed.tree), visible: visibleData(parsed.visible)}).toEqual(await wholeParse(story))
            compared++
          }
        }),
        {numRuns: 6, seed: 21, endOnFailure: true}
      )
    }
    // Six runs per story, each compared at least before its edits (more with the corpus's stories).
    expect(compared).toBeGreaterThan(texts.length * 4)
    // Stories with a control comment or a skip switch typed in are parsed whole.
    expect(declined).toBeGreaterThan(0)
    expect(cache.stats.reused).toBeGreaterThan(cache.stats.parsed)
  }, 600_000)

  test('a one-word edit scans and parses only the block it is in', async () => {
    const markup = await loadMarkup()
    const cache = new HtmlParseCache(64 * 1024 * 1024)
    let story = pageStory(5000)
    const first = await cache.parse(story, markup, markup.htmlPartSize)
    // Blocks of the story: parsed, or reused when the same paragraph came earlier (without the corpus it repeats ours).
    const blocks = cache.stats.parsed + cache.stats.reused
    expect(first).toBeDefined()
    expect(blocks).toBeGreaterThan(40)
    for (const [round, word] of ['teh', 'residents', '<b>TK</b>', 'it&#8217;s'].entries()) {
      const words = [...story.matchAll(/(?<=[ >])[a-z]{6,}(?=[ <,.])/g)]
      const at = words[Math.floor(words.length / 3) + round * 97]!
      story = story.slice(0, at.index) + word + story.slice(at.index! + at[0].length)
      const before = {...cache.stats}
      const parsed = await cache.parse(story, markup, markup.htmlPartSize)
      expect({parsed: cache.stats.parsed - before.parsed, reused: cache.stats.reused - before.reused, whole: cache.stats.whole - before.whole}).toEqual({parsed: 1, reused: blocks - 1, whole: 0})
      // The scan for block ends stops at the first end past the edit where the last story had one.
      expect(cache.stats.scanned - before.scanned).toBeLessThan(story.length / 10)
      expect({tree: plain(parsed!.tree), visible: visibleData(parsed!.visible)}).toEqual(await wholeParse(story))
    }
  }, 120_000)

  test('the first HTML story a processor converts is tokenized as the next ones are (English abbreviations, initials)', async () => {
    const markup = await loadMarkup()
    const story = '<p>Mr. Diallo met D. D. Smith on Jan. 5.</p>'
    const sentences = async () => {
      let tree: unknown
      const processor = markup.markupProcessor('html', {}, async (each) => {
        tree = each
      })
      const file = new File({value: story})
      await processor.run(processor.parse(file), file)
      return (plain(tree) as {children: Array<{children: Array<{type: string}>}>}).children[0]!.children.filter((child) => child.type === 'SentenceNode').length
    }
    // A new processor each time: each is its first story.
    expect(await sentences()).toBe(1)
    const fresh = createChecker({dialect: 'en-US'})
    const first = (await fresh.check(story, {format: 'html'})).messages.map(String)
    expect((await fresh.check(story, {format: 'html'})).messages.map(String)).toEqual(first)
  })

  test('a story with a comment, a skip switch, text outside any block or one block is parsed whole', async () => {
    const markup = await loadMarkup()
    const cache = new HtmlParseCache(1024 * 1024)
    const story = '<p>One teh.</p>\n<p>Two TK.</p>\n'
    expect(await cache.parse(story, markup, markup.htmlPartSize)).toBeDefined()
    for (const text of ['<p>One teh.</p>\n<!-- copydesk disable spelling -->\n<p>Two TK.</p>', '<p>One teh.</p>\n<p class="copydesk-skip">Two TK.</p>', '<p>One teh.</p>\n<p data-copydesk="skip">Two TK.</p>', '<div><p>One teh.</p>\n<p>Two TK.</p></div>', '\ufeff' + story, story + '<p>Long.</p>'.repeat(10), '<p>One teh.</p>\nMr. Two TK.</p>\n<p>Three.</p>', '<p>One teh.</p>\n<b>Two</b> TK.\n<p>Three.</p>']) {
      expect(await cache.parse(text, markup, text.length > 100 ? 100 : markup.htmlPartSize)).toBeUndefined()
    }
  })

  test('the checker and the floor of a server worker share one parse, and a re-check equals a full check', async () => {
    const floor = floorFor({dialect: 'en-US'}, {incremental: true})
    // No cap on findings: without the corpus the story is our typo fixtures over and over (over 1,000 findings).
    const checker = createChecker({dialect: 'en-US', maxFindings: 100_000, checks: Object.fromEntries(floor.ruleIds.map((id) => [id, 'off' as const]))}, {incremental: true})
    const reference = createChecker({dialect: 'en-US', maxFindings: 100_000})
    let story = pageStory(3000)
    let findings = 0
    for (const [round, word] of ['TK', 'teh', 'recieve', 'lorem ipsum', '<em>Washington</em>'].entries()) {
      const words = [...story.matchAll(/(?<=[ >])[a-z]{6,}(?=[ <,.])/g)]
      const at = words[(round * 131) % words.length]!
      story = story.slice(0, at.index) + word + story.slice(at.index! + at[0].length)
      const before = {...htmlParseCache.stats}
      const floorRun = await runFloor(floor, {body: story, format: 'html'})
      const file = new File({value: story, path: 'story.html'})
      setDeadline(file, 600_000)
      const checked = await checker.check(file, {format: 'html', onCritical() {}})
      // One parse for both, one block parsed again after the first story.
      expect(htmlParseCache.stats.whole).toBe(before.whole)
      if (round > 0) expect(htmlParseCache.stats.parsed - before.parsed).toBe(1)
      const whole = await reference.check(new File({value: story, path: 'story.html'}), {format: 'html'})
      const key = (message: VFileMessage) => `${message.ruleId} ${message.name} ${message.reason}`
      const own = (message: VFileMessage) => floor.ruleIds.includes(message.ruleId ?? '')
      expect(checked.messages.map(key)).toEqual(whole.messages.filter((message) => !own(message)).map(key))
      expect(floorRun.messages.map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.reason}`)).toEqual(
        whole.messages.filter(own).map((message) => `${message.ruleId} ${message.line}:${message.column} ${message.reason}`)
      )
      findings += floorRun.messages.length
    }
    expect(findings).toBeGreaterThan(0)
  }, 120_000)
})
