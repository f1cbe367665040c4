/**
 * Inputs that crashed the markup bridges or put a message outside the text
 * or on the wrong characters (issues 7 and 12). Each row is one reproducer:
 * the exact messages, and the position contract (test/util/invariants.ts).
 */
import {describe, expect, test} from 'vitest'
import fc from 'fast-check'
import type {VFile} from 'vfile'
import {check} from '../src/index.js'
import type {Format} from '../src/index.js'
import {placeProblems} from './util/invariants.js'

function lines(file: VFile): string[] {
  return file.messages
    .filter((message) => message.ruleId !== 'empty-story')
    .map((message) => {
      const {start, end} = message.place as {start: {line: number; column: number; offset: number}; end: {line: number; column: number; offset: number}}
      return `${message.ruleId} ${start.line}:${start.column}-${end.line}:${end.column} ${start.offset}-${end.offset} ${JSON.stringify(message.actual)}`
    })
}

const cases: Array<[string, string, Format, string[]]> = [
  ['empty HTML', '', 'html', []],
  ['`<html>` alone', '<html>', 'html', []],
  ['a lone NUL as HTML', '\u0000', 'html', []],
  ['Markdown with a NUL', '\u0000 goverment', 'markdown', ['spelling 1:3-1:12 2-11 "goverment"']],
  [
    'HTML with a CR-only line end and an elision',
    "<p>\rThe group Jama'att attacked.</p>",
    'html',
    ['spelling 2:16-2:19 19-22 "att"']
  ],
  ['an unterminated control comment', '<!copydesk', 'html', ['control-comment 1:1-1:11 0-10 undefined']],
  ['`&`, a newline and an unterminated comment', '&\n<!copydesk', 'html', ['control-comment 2:1-2:11 2-12 undefined']],
  ['a BOM and an astral character before a comment', '\ufeff𠀀<!--copydesk-->', 'markdown', ['control-comment 1:4-1:19 3-18 undefined']],
  [
    'Markdown after a BOM',
    '\ufeffThe oil importats fell.\nThe the end.',
    'markdown',
    ['spelling 1:10-1:19 9-18 "importats"', 'repeated-word 2:1-2:8 25-32 "The the"']
  ],
  ['HTML text with no tags', 'The oil importats fell.', 'html', ['spelling 1:9-1:18 8-17 "importats"']],
  [
    'HTML after a BOM, CR-only',
    '\ufeff<p>Oil importats</p>\r<p>The the end.</p>',
    'html',
    ['spelling 1:9-1:18 8-17 "importats"', 'repeated-word 2:4-2:11 25-32 "The the"']
  ]
]

describe('reproducers', () => {
  test.each(cases)('%s', async (_name, text, format, expected) => {
    const file = await check(text, {format})
    expect(String(file.value)).toBe(text)
    expect(lines(file)).toEqual(expected)
    expect(placeProblems(text, file)).toEqual([])
  })
})

describe('the same story in every line-end and BOM form', () => {
  const body = ['The oil importats fell, the minister said.', '', 'The the blockade ended on Tuesday.']
  const forms: Array<[string, string]> = [
    ['LF', body.join('\n')],
    ['CRLF', body.join('\r\n')],
    ['CR', body.join('\r')],
    ['BOM and CR', '\ufeff' + body.join('\r')]
  ]
  test.each(forms)('text and Markdown, %s: same words flagged, places agree', async (_name, text) => {
    for (const format of ['text', 'markdown'] as const) {
      const file = await check(text, {format})
      expect(placeProblems(text, file)).toEqual([])
      expect(file.messages.map((message) => message.actual)).toEqual(['importats', 'The the'])
    }
  })
})

describe('sections', () => {
  // These count every finding: `maxFindings` (default 1,000) keeps them all.
  test('text over a section with CR-only line ends: places agree in every section', async () => {
    const paragraph = 'The minister said the the blockade had eased.\r\r'
    const text = '\ufeff' + paragraph.repeat(Math.ceil((300 * 1024) / paragraph.length))
    const file = await check(text, {maxFindings: Number.POSITIVE_INFINITY})
    const repeated = file.messages.filter((message) => message.ruleId === 'repeated-word')
    expect(repeated.length).toBe(Math.ceil((300 * 1024) / paragraph.length))
    expect(placeProblems(text, file)).toEqual([])
    expect(repeated.at(-1)!.line).toBe(2 * repeated.length - 1)
  }, 120_000)

  test('Markdown over a section: cut at blank lines, never inside fenced code', async () => {
    // A fence holding blank lines and "the the" sits across every likely cut.
    const block = 'The minister said the the blockade had eased.\n\n```\nthe the\n\nthe the\n```\n\n'
    const text = block.repeat(Math.ceil((200 * 1024) / block.length))
    const file = await check(text, {format: 'markdown', maxFindings: Number.POSITIVE_INFINITY})
    const repeated = file.messages.filter((message) => message.ruleId === 'repeated-word')
    expect(repeated.length).toBe(Math.ceil((200 * 1024) / block.length))
    for (const message of repeated) expect(message.column).toBe(19)
    expect(placeProblems(text, file)).toEqual([])
  }, 120_000)
})

describe('HTML in parts', () => {
  test('a long story in one <article> is checked part by part: every paragraph once, skips and comments kept', async () => {
    const paragraph = '<p>The minister said the the blockade had eased.</p>\n'
    const count = Math.ceil((200 * 1024) / paragraph.length)
    const html =
      '<article>\n' +
      paragraph.repeat(count) +
      '<div class="copydesk-skip"><p>Skipped the the credit.</p></div>\n' +
      '<!-- copydesk disable repeated-word -->\n' +
      paragraph.repeat(3) +
      '<!-- copydesk enable repeated-word -->\n' +
      paragraph +
      '</article>\n'
    const file = await check(html, {format: 'html', maxFindings: Number.POSITIVE_INFINITY})
    const repeated = file.messages.filter((message) => message.ruleId === 'repeated-word')
    expect(repeated.length).toBe(count + 1)
    for (const message of repeated) expect(message.actual).toBe('the the')
    expect(repeated.at(-1)!.line).toBe(count + 8)
    expect(placeProblems(html, file)).toEqual([])
  }, 120_000)
})

describe('slow shapes of issue 12 finish', () => {
  // Not a speed test (scripts/bench-scale.js measures that): each took from
  // 7 s to forever before; the bound only catches a super-linear stall.
  const story = 'The minister said the the blockade had eased. '
  test.each([
    ['HTML, <dt> 8,000 deep around a story', 'html', '<dt>'.repeat(8000) + story + '</dt>'.repeat(8000)],
    ['Markdown, `- ` × 4,000', 'markdown', '- '.repeat(4000)],
    ['Markdown, `>` × 64,000', 'markdown', '>'.repeat(64_000)],
    ['Markdown, `>` × 300,000', 'markdown', '>'.repeat(300_000)],
    // Found by `npm run fuzz` (seed 7): parse-latin's paragraph regex backtracks 2^n on CRLF runs ending in a form feed.
    ['text, 60 blank CRLF lines then a form feed', 'text', 'The minister said.' + '\r\n'.repeat(60) + '\fThe the blockade had eased. qz/ qz/'],
    ['HTML, 60 CRLF line ends then a form feed', 'html', '<p>The minister said.' + '\r\n'.repeat(60) + '\fThe the blockade had eased.</p>']
  ] as Array<[string, Format, string]>)('%s', async (_name, format, text) => {
    const start = performance.now()
    const file = await check(text, {format})
    expect(performance.now() - start).toBeLessThan(10_000 + 200 * (text.length / 1024))
    expect(placeProblems(text, file)).toEqual([])
  }, 300_000)
})

describe('a paragraph with no break', () => {
  // 130 KB in one paragraph: the bridges spread each text node's tokens into
  // its parent and overflowed the stack ("Maximum call stack size exceeded").
  const run = 'a '.repeat(65_000) + 'the the end.'
  test.each([
    ['Markdown', 'markdown', run],
    ['HTML, in a <span> in a <p>', 'html', '<p><span>' + run + '</span></p>']
  ] as Array<[string, Format, string]>)('%s: checked to the end, places exact', async (_name, format, text) => {
    const file = await check(text, {format})
    const repeated = file.messages.filter((message) => message.ruleId === 'repeated-word')
    expect(repeated.map((message) => text.slice(message.place!.start.offset, (message.place as {end: {offset: number}}).end.offset))).toEqual(['the the'])
    expect(placeProblems(text, file)).toEqual([])
  }, 300_000)
})

describe('sections and the deadline', () => {
  test('a story checked in sections (here: after a BOM) that runs out of time says so', async () => {
    const {createChecker} = await import('../src/index.js')
    const {setDeadline, skippedChecks} = await import('../src/deadline.js')
    const {VFile} = await import('vfile')
    const checker = createChecker()
    for (const value of ['\ufeffThe the end.', 'The the end.']) {
      const file = new VFile({value})
      setDeadline(file, -1)
      await checker.check(file)
      expect(skippedChecks(file)).toBeGreaterThan(0)
    }
  })
})

describe('Markdown of many blocks: the same trees, faster (issue 18)', () => {
  // Lines of every kind a block can start with; stories of 60 to 400 of them.
  const lines = [
    'The council met on Tuesday.', 'a', 'b c', 'Rates rose 2% in May', 'x  ', 'Text *em* and `code` here.', '# Head', 'Title', '=====', '---',
    '- item', '* item', '1. one', '2) two', '> quote', '  indented', '    code', '```', '~~~', '<div>', '<!-- note -->', '[ref]: https://example.com',
    'See [ref].', 'A&amp;B', 'back\\slash', 'tab\there', '', '', '', ''
  ]
  const markdown = fc.array(fc.constantFrom(...lines), {minLength: 60, maxLength: 400}).map((chosen) => chosen.join('\n'))

  test('plain paragraphs made without micromark: the mdast micromark makes', async () => {
    const {unified} = await import('unified')
    const {default: remarkParse} = await import('remark-parse')
    const {parsePlainParagraphs} = await import('../src/input/markup.js')
    const parser = unified().use(remarkParse)
    fc.assert(
      fc.property(markdown, (doc) => {
        expect(parsePlainParagraphs(doc, (value) => parser.parse(value))).toEqual(parser.parse(doc))
      }),
      {numRuns: 300, seed: 18}
    )
  }, 120_000)

  test('nlcst made some blocks at a time: the tree remark-retext makes whole', async () => {
    const {unified} = await import('unified')
    const {default: remarkParse} = await import('remark-parse')
    const {default: remarkRetext} = await import('remark-retext')
    const {ParseEnglish} = await import('parse-english')
    const {VFile} = await import('vfile')
    const {toNlcstInParts} = await import('../src/input/markup.js')
    fc.assert(
      fc.property(fc.array(markdown, {minLength: 1, maxLength: 3}).map((docs) => docs.join('\n\n')), (doc) => {
        const whole = unified().use(remarkParse).use(remarkRetext, new ParseEnglish() as never)
        const file = new VFile({value: doc})
        const mdast = unified().use(remarkParse).parse(doc)
        expect(toNlcstInParts(mdast as never, file, new ParseEnglish() as never)).toEqual(whole.runSync(whole.parse(file), file))
      }),
      {numRuns: 150, seed: 18}
    )
  }, 300_000)

  test('40 KB of `a\\n\\nb\\n\\n…`: checked, places exact', async () => {
    const text = 'a\n\nb\n\nTeh end.\n\n'.repeat(2600)
    const file = await check(text, {format: 'markdown', maxFindings: Number.POSITIVE_INFINITY})
    expect(file.messages.filter((message) => message.ruleId === 'spelling')).toHaveLength(2600)
    expect(placeProblems(text, file)).toEqual([])
  }, 300_000)
})
