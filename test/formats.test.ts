/**
 * HTML and Markdown input: positions point into the original source through
 * entities, inline tags, links, line breaks and Markdown escapes; what is
 * not copy is never checked; `<!-- copydesk … -->` comments switch checks
 * off and on. Uses stable checks only (`repeated-word`, `leftovers`) and
 * filters by `ruleId`, so other checks firing does not matter.
 */
import {describe, expect, test} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {check, nlcstFor} from '../src/index.js'
import {visit} from 'unist-util-visit'
import {toString} from 'nlcst-to-string'
import type {Format} from '../src/types.js'

/** `ruleId slice` for each message of the given checks, the slice cut from the source by offsets. */
async function flagged(source: string, format: Format, ruleIds = ['repeated-word', 'leftovers']): Promise<string[]> {
  const file = await check(source, {format})
  return file.messages.filter((message) => ruleIds.includes(message.ruleId ?? '')).map((message) => show(source, message))
}

function show(source: string, message: VFileMessage): string {
  const place = message.place as {start: {offset: number; line: number; column: number}; end: {offset: number}}
  return `${message.ruleId} ${place.start.line}:${place.start.column} ${JSON.stringify(source.slice(place.start.offset, place.end.offset))}`
}

describe('HTML positions', () => {
  test.each<[string, string, string[]]>([
    ['plain paragraph', '<p>Flooding the the harbor.</p>', ['repeated-word 1:13 "the the"']],
    ['after an entity', '<p>Mali&#8217;s ministry &amp; the the harbor.</p>', ['repeated-word 1:32 "the the"']],
    ['named and hex entities', '<p>Caf&eacute; &#x2014; the the end.</p>', ['repeated-word 1:25 "the the"']],
    ['across an inline tag', '<p>Flooding <em>the</em> the harbor.</p>', ['repeated-word 1:17 "the</em> the"']],
    ['inside a link', '<p>See <a href="/x">the the report</a>.</p>', ['repeated-word 1:21 "the the"']],
    ['on a later line', '<article>\n  <h1>Storm</h1>\n  <p>Residents\n  left the the town.</p>\n</article>', ['repeated-word 4:8 "the the"']],
    ['after CRLF line breaks', '<p>Residents\r\nleft&nbsp;the\r\nthe town.</p>', ['repeated-word 2:11 "the\\r\\nthe"']],
    ['after a <br>', '<p>One line<br>the the next.</p>', ['repeated-word 1:16 "the the"']],
    ['leftover', '<p>Casualties: <strong>TK</strong>.</p>', ['leftovers 1:24 "TK"']]
  ])('%s', async (_name, source, expected) => {
    expect(await flagged(source, 'html')).toEqual(expected)
  })
})

describe('Markdown positions', () => {
  test.each<[string, string, string[]]>([
    ['plain paragraph', 'Flooding the the harbor.', ['repeated-word 1:10 "the the"']],
    ['after an entity', 'AT&amp;T and the the harbor.', ['repeated-word 1:14 "the the"']],
    ['after escapes', 'A \\*starred\\* note on the the harbor.', ['repeated-word 1:23 "the the"']],
    ['emphasis', 'Flooding *the* the harbor.', ['repeated-word 1:11 "the* the"']],
    ['link text', 'See [the the report](https://example.com).', ['repeated-word 1:6 "the the"']],
    ['block quote, second line', '> Residents said\n> the the town flooded.', ['repeated-word 2:3 "the the"']],
    ['list item, continuation line', '* Residents said\n  the the town flooded.', ['repeated-word 2:3 "the the"']],
    ['heading', '# Storm floods the the town', ['repeated-word 1:16 "the the"']],
    ['leftover', 'Casualties: **TK**.', ['leftovers 1:15 "TK"']]
  ])('%s', async (_name, source, expected) => {
    expect(await flagged(source, 'markdown')).toEqual(expected)
  })
})

describe('not copy: never checked', () => {
  test.each<[string, string]>([
    ['<pre>', '<pre>the the TK</pre>'],
    ['<code>', '<p>Run <code>the the TK</code> now.</p>'],
    ['<script>', '<script>var s = "the the TK"</script>'],
    ['<style>', '<style>/* the the TK */</style>'],
    ['attributes', '<p title="the the TK"><img alt="the the TK" src="x.jpg"></p>'],
    ['comments', '<p>Fine.<!-- the the TK --></p>'],
    ['class="copydesk-skip"', '<p class="byline copydesk-skip">By the the TK</p>'],
    ['data-copydesk="skip"', '<figure><figcaption>Fine. <span data-copydesk="skip">(AP Photo/TK) the the</span></figcaption></figure>'],
    ['<del>', '<p>Fine <del>the the TK</del>.</p>']
  ])('HTML %s', async (_name, source) => {
    expect(await flagged(source, 'html')).toEqual([])
  })

  test.each<[string, string]>([
    ['fenced code', '```\nthe the TK\n```'],
    ['indented code', '    the the TK'],
    ['inline code', 'Run `the the TK` now.'],
    ['raw HTML', '<div class="credit">the the TK</div>']
  ])('Markdown %s', async (_name, source) => {
    expect(await flagged(source, 'markdown')).toEqual([])
  })

  test('the same copy outside the skipped element is still checked', async () => {
    const source = '<p class="copydesk-skip">TK</p>\n<p>TK</p>'
    expect(await flagged(source, 'html')).toEqual(['leftovers 2:4 "TK"'])
  })
})

describe('inline control comments', () => {
  test.each<[string, Format, string, string[]]>([
    [
      'HTML: ignore one check in the next element',
      'html',
      '<!-- copydesk ignore repeated-word -->\n<p>the the TK</p>\n<p>the the</p>',
      ['leftovers 2:12 "TK"', 'repeated-word 3:4 "the the"']
    ],
    [
      'HTML: ignore everything in the next element',
      'html',
      '<!-- copydesk ignore -->\n<p>the the TK</p>\n<p>TK</p>',
      ['leftovers 3:4 "TK"']
    ],
    [
      'HTML: disable … enable',
      'html',
      '<p>TK one</p>\n<!-- copydesk disable leftovers -->\n<p>TK two the the</p>\n<!-- copydesk enable leftovers -->\n<p>TK three</p>',
      ['leftovers 1:4 "TK"', 'repeated-word 3:11 "the the"', 'leftovers 5:4 "TK"']
    ],
    [
      'HTML: a comment inside a paragraph',
      'html',
      '<p>Fine. <!-- copydesk disable --> TK the the</p>',
      []
    ],
    [
      'Markdown: ignore the next paragraph',
      'markdown',
      '<!-- copydesk ignore leftovers -->\nTK in a credit.\n\nTK in copy.',
      ['leftovers 4:1 "TK"']
    ],
    [
      'Markdown: disable … enable',
      'markdown',
      'TK one.\n\n<!-- copydesk disable repeated-word leftovers -->\n\nTK the the two.\n\n<!-- copydesk enable repeated-word -->\n\nTK the the three.',
      ['leftovers 1:1 "TK"', 'repeated-word 9:4 "the the"']
    ]
  ])('%s', async (_name, format, source, expected) => {
    expect(await flagged(source, format)).toEqual(expected)
  })

  test('an unknown verb or check name is reported, not ignored', async () => {
    const source = '<!-- copydesk disabel leftovers -->\n<p>TK</p>\n<!-- copydesk ignore titels -->\n<p>Fine.</p>'
    const file = await check(source, {format: 'html'})
    const control = file.messages.filter((message) => message.ruleId === 'control-comment')
    expect(control.map((message) => `${message.line}:${message.column} ${message.reason.split(';')[0]}`)).toEqual([
      '1:1 Use `<!-- copydesk ignore|disable|enable [checks] -->`, not `<!-- copydesk disabel leftovers -->`',
      '3:1 Unknown check `titels` in a copydesk comment'
    ])
    expect(control[1].reason).toContain('`repeated-word`')
    // The bad comment does not switch anything off.
    expect(file.messages.filter((message) => message.ruleId === 'leftovers')).toHaveLength(1)
  })
})

describe('same findings in every format', () => {
  const text = 'Residents said the the town flooded. Mr. Okafor said TK.'
  test.each<[Format, string]>([
    ['text', text],
    ['markdown', text],
    ['html', `<p>${text}</p>`]
  ])('%s', async (format, source) => {
    const file = await check(source, {format})
    const mine = file.messages.filter((message) => ['repeated-word', 'leftovers'].includes(message.ruleId ?? ''))
    expect(mine.map((message) => `${message.ruleId} ${message.actual}`)).toEqual(['repeated-word the the', 'leftovers TK'])
  })
})

describe('English sentence rules in every format', () => {
  // The bridges tokenize with parse-latin; parse-english's steps are added so
  // "Mr. Okafor" does not end a sentence in HTML and Markdown either.
  test.each<[Format, string]>([
    ['text', 'Mr. Okafor left at 5 p.m. Tuesday. Mrs. Varga stayed.'],
    ['markdown', 'Mr. Okafor left at 5 p.m. Tuesday. Mrs. Varga stayed.'],
    ['html', '<p>Mr. Okafor left at 5 p.m. Tuesday. Mrs. Varga stayed.</p>']
  ])('%s', (format, source) => {
    const sentences: string[] = []
    visit(nlcstFor(source, format), 'SentenceNode', (node) => {
      sentences.push(toString(node))
    })
    expect(sentences).toEqual(['Mr. Okafor left at 5 p.m. Tuesday.', 'Mrs. Varga stayed.'])
  })
})
