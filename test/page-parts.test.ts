/**
 * The page's parts on their own, without a browser: sanitizing pasted and
 * opened HTML, Markdown and plain text to the story's HTML (rich.ts), the
 * list's order and folding and its plain reasons (list.ts), the verdict line
 * (verdict.ts) and the keys (keys.ts).
 */
import {describe, expect, test} from 'vitest'
import {markdownToHtml, sanitizeHtml, textToHtml} from '../src/page/rich.js'
import {fixText, place, plainReason, rows} from '../src/page/list.js'
import {blockers, verdictLine} from '../src/page/verdict.js'
import {keyAction} from '../src/page/keys.js'
import type {FindingData} from '../src/page/types.js'

describe('sanitizeHtml: what a paste or an opened file keeps', () => {
  test.each([
    ['a script and its text', '<p>Hello</p><script>alert(1)</script>', '<p>Hello</p>'],
    ['event attributes', '<p onclick="steal()" onmouseover="x()">Hi <a href="https://apnews.com" onclick="x()">AP</a></p>', '<p>Hi <a href="https://apnews.com">AP</a></p>'],
    ['a remote image, and a tracking pixel', '<p>Photo <img src="https://evil.example/p.gif" width="1"> here</p>', '<p>Photo  here</p>'],
    ['a javascript: link keeps its words, loses its target', '<p><a href="javascript:alert(1)">click</a></p>', '<p><a>click</a></p>'],
    ['a data: link', '<p><a href="data:text/html,<script>x</script>">x</a></p>', '<p><a>x</a></p>'],
    ['styles, classes, ids', '<p style="color:red" class="c" id="i"><span style="color:blue">Text</span></p><style>p{}</style>', '<p>Text</p>'],
    ['an iframe, an object, a form control', '<p>A</p><iframe src="https://x"></iframe><object data="x"></object><textarea>t</textarea><p>B</p>', '<p>A</p>\n<p>B</p>'],
    ['headings, bold, italic, links and lists', '<h2>Head</h2><p><b>bold</b> <i>it</i> <strong>s</strong> <em>e</em></p><ul><li>one</li></ul>', '<h2>Head</h2>\n<p><b>bold</b> <i>it</i> <strong>s</strong> <em>e</em></p>\n<ul><li>one</li></ul>'],
    [
      'Google Docs: bold and italic as styled spans, the whole paste in a not-bold <b>',
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">Bold</span> and <span style="font-style:italic">it</span></p></b>',
      '<p><strong>Bold</strong> and <em>it</em></p>'
    ],
    ['Word: div paragraphs and Office tags', '<div class="WordSection1"><div>One<o:p></o:p></div><div>Two</div></div><!--[if gte mso 9]><xml>x</xml><![endif]-->', '<p>One</p>\n<p>Two</p>'],
    ['copydesk control comments stay, other comments go', '<p>A</p><!-- copydesk ignore --><p>B</p><!-- a note --><!--StartFragment-->', '<p>A</p>\n<!-- copydesk ignore -->\n<p>B</p>'],
    ['a whole document: only the body', '<!doctype html><html><head><title>T</title><style>p{}</style></head><body><p>Story</p></body></html>', '<p>Story</p>']
  ])('%s', (_name, html, expected) => {
    expect(sanitizeHtml(html)).toBe(expected)
  })
})

describe('Markdown and plain text as the story HTML', () => {
  test('Markdown: headings, emphasis, links; raw HTML in it is not kept as markup', () => {
    expect(markdownToHtml('# Storm\n\nSome **bold**, *no one* and [AP](https://apnews.com).\n\n<script>x()</script>\n\nTK')).toBe(
      '<h1>Storm</h1>\n<p>Some <strong>bold</strong>, <em>no one</em> and <a href="https://apnews.com">AP</a>.</p>\n<p>TK</p>'
    )
  })
  test('Markdown: a copydesk control comment is kept for the checks, other HTML comments are not', () => {
    expect(markdownToHtml('One.\n\n<!-- copydesk ignore -->\nPhoto: TK.\n\n<!-- editor: check -->\n\nTwo.')).toBe('<p>One.</p>\n<!-- copydesk ignore -->\n<p>Photo: TK.</p>\n<p>Two.</p>')
  })
  test('plain text: a paragraph per blank line, a <br> per single line break, escaped', () => {
    expect(textToHtml('One\nline\n\n\nTwo & <three>\r\n\r\nFour')).toBe('<p>One<br>line</p>\n<p>Two &amp; &lt;three&gt;</p>\n<p>Four</p>')
  })
})

function finding(id: number, start: number, data: Partial<FindingData> = {}): FindingData {
  return {
    id,
    field: 'body',
    start,
    end: start + 2,
    ruleId: 'leftovers',
    severity: 'error',
    reason: 'Remove `TK` before publishing: it marks copy still to come',
    actual: 'TK',
    expected: null,
    url: null,
    note: null,
    paragraph: 1 + Math.floor(start / 100),
    before: 'about ',
    after: ' days',
    ...data
  }
}

describe('the list', () => {
  test('plain reasons: no Markdown syntax', () => {
    expect(
      ['Use `U.S.`, not `US`.', 'See **AP** on [titles](https://example.org/titles)', 'A _real_ slip, not snake_case', 'Remove ``the`` twice'].map(plainReason)
    ).toEqual(['Use “U.S.”, not “US”.', 'See AP on titles', 'A real slip, not snake_case', 'Remove “the” twice'])
  })

  test('story order: headline first, then by place; identical findings fold into one row at the first', () => {
    const us = {ruleId: 'house-forms', severity: 'warning' as const, reason: 'Use `U.S.`, not `US`.', actual: 'US', expected: ['U.S.']}
    const findings = [finding(1, 500), finding(2, 20, us), finding(3, 100), finding(4, 5, {field: 'headline', ...us}), finding(5, 300), finding(6, 250, us)]
    const [group, ...rest] = rows(findings, 'story')
    expect(rest).toEqual([])
    expect(group.ruleId).toBe(null)
    expect(group.rows.map((row) => [place(row.items[0]), row.items.map((item) => item.id), fixText(row.items[0])])).toEqual([
      ['Headline', [4], '→ U.S.'],
      ['¶ 1', [2, 6], '→ U.S.'],
      ['¶ 2', [3, 5, 1], '']
    ])
  })

  test('a finding the page could not place reads "Story"', () => {
    expect(place(finding(1, 0, {paragraph: 0}))).toBe('Story')
  })

  test('a different reason or fix is a different row', () => {
    const findings = [finding(1, 0), finding(2, 10, {reason: 'Other'}), finding(3, 20, {expected: ['x']}), finding(4, 30)]
    expect(rows(findings, 'story')[0].rows.map((row) => row.items.map((item) => item.id))).toEqual([[1, 4], [2], [3]])
  })

  test('by check: errors’ checks first, then by name; rows in story order within', () => {
    const findings = [
      finding(1, 50, {ruleId: 'titles', severity: 'warning', actual: 'Mayor'}),
      finding(2, 40, {ruleId: 'house-forms', severity: 'warning', actual: 'US'}),
      finding(3, 90),
      finding(4, 10, {ruleId: 'titles', severity: 'warning', actual: 'Governor'})
    ]
    expect(rows(findings, 'check').map((group) => [group.ruleId, group.rows.map((row) => row.items[0].id)])).toEqual([
      ['leftovers', [3]],
      ['house-forms', [2]],
      ['titles', [4, 1]]
    ])
  })
})

describe('the verdict line', () => {
  const counts = (error: number, warning: number, suggestion: number) => ({error, warning, suggestion})
  test.each<[string, Parameters<typeof verdictLine>[0], string]>([
    ['block names what blocks', {verdict: 'block', counts: counts(1, 6, 0), findings: [finding(1, 0)], complete: true, reason: '', dismissed: 0}, '✖ Block: 1 TK to replace · 6 warnings to review'],
    [
      'several blockers, a long one by its check',
      {verdict: 'block', counts: counts(3, 0, 1), findings: [finding(1, 0), finding(2, 9), finding(3, 20, {actual: '[[check this figure with the desk]]'})], complete: true, reason: '', dismissed: 2},
      '✖ Block: 2 TK, 1 leftovers to replace · 1 suggestion · 2 dismissed'
    ],
    ['warn', {verdict: 'warn', counts: counts(0, 1, 2), findings: [], complete: true, reason: '', dismissed: 0}, '! Warn: 1 warning to review · 2 suggestions'],
    ['pass', {verdict: 'pass', counts: counts(0, 0, 0), findings: [], complete: true, reason: '', dismissed: 0}, '✔ Pass: no findings'],
    ['hold says why', {verdict: 'hold', counts: counts(0, 0, 0), findings: [], complete: false, reason: 'The time budget ran out.', dismissed: 0}, '⏸ Hold: incomplete: The time budget ran out.'],
    ['not checked says nothing more', {verdict: 'not-checked', counts: null, findings: [], complete: true, reason: '', dismissed: 0}, '? Not checked']
  ])('%s', (_name, input, expected) => {
    const line = verdictLine(input)
    expect(`${line.icon} ${line.word}${line.detail ? `: ${line.detail}` : ''}`).toBe(expected)
  })

  test('blockers count only errors', () => {
    expect(blockers([finding(1, 0), finding(2, 5, {severity: 'warning', actual: 'US'})])).toBe('1 TK')
  })
})

describe('the keys', () => {
  const press = (key: string, extra: Partial<KeyboardEvent> = {}) =>
    keyAction({key, code: key.length === 1 ? `Key${key.toUpperCase()}` : key, altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...extra})
  test.each<[string, ReturnType<typeof press>, ReturnType<typeof keyAction>]>([
    ['F8', press('F8'), 'next'],
    ['Shift+F8', press('F8', {shiftKey: true}), 'previous'],
    ['Alt+↓', press('ArrowDown', {altKey: true}), 'next'],
    ['Alt+↑', press('ArrowUp', {altKey: true}), 'previous'],
    ['↓ alone moves the caret', press('ArrowDown'), null],
    ['Alt+Enter', press('Enter', {altKey: true}), 'accept'],
    ['Alt+D', press('d', {altKey: true}), 'dismiss'],
    ['Alt+Z', press('z', {altKey: true}), 'undo'],
    ['Ctrl+Z is the browser’s own undo', press('z', {ctrlKey: true}), null],
    ['Esc', press('Escape'), 'escape']
  ])('%s', (_name, action, expected) => {
    expect(action).toBe(expected)
  })
})
