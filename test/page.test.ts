/**
 * The copy-desk page in a real browser: headless Chromium (Debian's
 * `chromium`) driven by puppeteer-core against the real server on
 * 127.0.0.1. Paste the example story, read the list in story order, open
 * the card at the word by mouse and by keyboard, fix, dismiss for this
 * story, survive a failed answer and a reload, pass axe-core.
 * test/page-rich.test.ts covers rich text, the long story and narrow/dark.
 *
 * Without a Chromium binary these tests are skipped with one line, unless
 * `CI` is set: then they fail. `COPYDESK_SCREENSHOT=1` writes docs/page.png.
 */
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {body, chromium, headline, openPage, root, type PageHarness} from './util/page-harness.js'

describe.skipIf(!chromium)('the copy-desk page in Chromium', () => {
  let harness: PageHarness

  beforeAll(async () => {
    harness = await openPage()
  })

  afterAll(async () => {
    await harness?.close()
  })

  test('serves the page and its assets from the server, with no network', async () => {
    const {page, base} = harness
    expect(await page.title()).toBe('copydesk')
    const response = await fetch(base + '/page/app.js')
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8'])
  })

  test('paste the example story: the list in story order with place, context, plain reason and fix; the verdict names what blocks', async () => {
    const {page} = harness
    await page.type('#headline', headline)
    await harness.paste({text: body})
    await harness.idle()
    expect(await harness.verdict()).toBe('✖ Block: 1 TK to replace · 6 warnings to review')
    expect(await harness.rows()).toEqual([
      {place: '¶ 1', context: '…town on Tuesday, flooding [the the] harbor district and…', reason: 'Remove the repeated “the”', fix: '→ the', count: null},
      {place: '¶ 3', context: 'The [Mayor] said crews would begin…', reason: 'Use “mayor”, not “Mayor”: a title is capitalized only directly before a name.', fix: '→ mayor', count: null},
      {place: '¶ 3', context: '…at the middle school for [residnets] whose homes were without…', reason: '“residnets” is not in the dictionary; did you mean “residents”?', fix: '→ residents, resides, resident', count: null},
      {place: '¶ 4', context: '…surge put more pressure [on of] the seawall than any storm…', reason: 'Keep “on” or “of”, not both: a preposition cannot be followed by “of” here', fix: '→ on, of', count: null},
      {place: '¶ 5', context: '…Weather Service had issued [a] earlier warning for…', reason: 'Use “an”, not “a”, before “earlier”: it starts with a vowel sound', fix: '→ an', count: null},
      {place: '¶ 6', context: '…said the fleet lost about [TK] days of fishing, and some…', reason: 'Remove “TK” before publishing: it marks copy still to come', fix: '', count: null},
      {place: '¶ 7', context: '…and expected to speak with [US] officials about federal…', reason: 'Use “U.S.”, not “US”.', fix: '→ U.S.', count: null}
    ])
    // Each highlight covers exactly its words, with its severity.
    expect(await harness.highlights()).toEqual({error: ['TK'], warning: ['the the', 'Mayor', 'residnets', 'on of', 'a', 'US'], suggestion: []})
    // Checked as HTML: paragraphs kept.
    expect(await page.$$eval('#story > p', (items) => items.length)).toBe(9)
  })

  test('the list switches to by-check order', async () => {
    const {page} = harness
    await page.select('#order', 'check')
    expect(await page.$$eval('#groups .group h3', (items) => items.map((item) => item.textContent))).toEqual([
      'Leftovers (1)',
      'House forms (1)',
      'Indefinite article (1)',
      'Repeated word (1)',
      'Spelling (1)',
      'Titles (1)',
      'Word collision (1)'
    ])
    await page.select('#order', 'story')
    expect(await page.$$eval('#groups .group h3', (items) => items.length)).toBe(0)
  })

  test('the card by mouse: click a highlight, read the reason, use a fix; only those words change', async () => {
    const {page} = harness
    const before = await harness.text()
    await harness.clickWords('residnets')
    expect(await harness.card()).toEqual({
      title: 'Warning · Spelling',
      reason: '“residnets” is not in the dictionary; did you mean “residents”?',
      buttons: ['residents', 'resides', 'resident', 'Dismiss', 'Add to desk dictionary', 'Close'],
      link: 'About this rule'
    })
    expect(await page.$eval('#card', (element) => [element.getAttribute('role'), document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent])).toEqual(['dialog', 'Warning · Spelling'])
    expect(await page.$eval('#card a', (element) => (element as HTMLAnchorElement).href)).toContain('spelling')
    // Typing stays in the story: a click opens the card without moving the focus.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('story')
    if (process.env.COPYDESK_SCREENSHOT) await page.screenshot({path: path.join(root, 'docs', 'page.png') as `${string}.png`})
    await page.click('#card button[aria-label="Replace “residnets” with “residents”"]')
    expect(await harness.text()).toBe(before.replace('for residnets whose', 'for residents whose'))
    expect((await harness.highlights()).warning).toEqual(['the the', 'Mayor', 'on of', 'a', 'US'])
    await harness.idle()
    expect(await harness.verdict()).toBe('✖ Block: 1 TK to replace · 5 warnings to review')
  })

  test('the card by keyboard: F8 onto a finding opens its card, Tab reaches its fixes, Esc goes back to the words', async () => {
    const {page} = harness
    await page.focus('#story')
    await page.keyboard.press('Escape')
    await harness.caretAt(0)
    await page.keyboard.press('F8')
    expect([await harness.selection(), (await harness.card())?.title]).toEqual(['the the', 'Warning · Repeated word'])
    await page.keyboard.press('F8')
    expect([await harness.selection(), (await harness.card())?.title]).toEqual(['Mayor', 'Warning · Titles'])
    await page.keyboard.down('Shift')
    await page.keyboard.press('F8')
    await page.keyboard.up('Shift')
    expect(await harness.selection()).toBe('the the')
    await page.keyboard.down('Alt')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.up('Alt')
    expect(await harness.selection()).toBe('Mayor')
    // Tab: into the card, its first fix; Esc: back to the words, card closed.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Replace “Mayor” with “mayor”')
    await page.keyboard.press('Escape')
    // (A frame for the selection to settle: the card must stay closed on the same words.)
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))))
    expect([await page.evaluate(() => document.activeElement?.id), await harness.selection(), await harness.card()]).toEqual(['story', 'Mayor', null])
    // Moving the caret onto a highlight opens its card too.
    await harness.caretIn('on of', 1)
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => document.querySelector('#card h3')?.textContent === 'Warning · Word collision', {timeout: 5000})
    // Alt+Enter accepts the first fix of the current finding.
    await page.keyboard.press('F8')
    expect(await harness.selection()).toBe('a')
    const before = await harness.text()
    await page.keyboard.down('Alt')
    await page.keyboard.press('Enter')
    await page.keyboard.up('Alt')
    expect(await harness.text()).toBe(before.replace('issued a earlier', 'issued an earlier'))
    await harness.idle()
  })

  test('dismiss for this story: needs a name, sent as a decision, counted in the verdict, kept across a reload', async () => {
    const {page} = harness
    await harness.clickWords('Mayor', 'The Mayor said')
    await page.click('#card .dismiss')
    // No name yet: the page asks for it and dismisses nothing.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor-name')
    expect((await harness.highlights()).warning).toContain('Mayor')
    await page.type('#editor-name', 'J. Editor')
    await harness.clickWords('Mayor', 'The Mayor said')
    const sent = page.waitForRequest((request) => request.url().endsWith('/page/check'))
    await page.click('#card .dismiss')
    const decisions = JSON.parse((await sent).postData() ?? '{}').decisions
    expect(decisions).toEqual([{action: 'dismiss', ruleId: 'titles', actual: 'Mayor', before: '<p>The ', after: ' said crews would begin ', field: 'body', by: 'J. Editor'}])
    await harness.idle()
    expect((await harness.highlights()).warning).not.toContain('Mayor')
    expect(await harness.verdict()).toBe('✖ Block: 1 TK to replace · 3 warnings to review · 1 dismissed')
    // A TK cannot be dismissed: its card says so and has no Dismiss button.
    await harness.clickWords('TK')
    expect(await harness.card()).toEqual({title: 'Error · Leftovers', reason: 'Remove “TK” before publishing: it marks copy still to come', buttons: ['Close'], link: 'About this rule'})
    await page.reload()
    await harness.idle()
    expect(await harness.verdict()).toBe('✖ Block: 1 TK to replace · 3 warnings to review · 1 dismissed')
    expect(await page.$eval('#editor-name', (element) => (element as HTMLInputElement).value)).toBe('J. Editor')
    // Undo takes the dismissal back.
    await harness.clickWords('US', 'with US officials')
    await page.click('#card .dismiss')
    await harness.idle()
    expect((await harness.highlights()).warning).not.toContain('US')
    await page.click('#undo')
    await harness.idle()
    expect((await harness.highlights()).warning).toContain('US')
  })

  test('add a spelling to the desk dictionary from the card (POST /v1/words): gone from the story', async () => {
    const {page} = harness
    await harness.caretAt(0)
    await page.keyboard.type('The harbr flooded. ')
    await harness.idle()
    await harness.clickWords('harbr')
    await page.click('#card .add-word')
    await harness.idle()
    expect((await harness.highlights()).warning).not.toContain('harbr')
    const words = (await (await fetch(harness.base + '/v1/words')).json()) as {words: Array<{word: string; by: string}>}
    expect(words.words.map((entry) => [entry.word, entry.by])).toEqual([['harbr', 'J. Editor']])
  })

  test('ignore nothing by accident: accept all safe fixes changes only the safe ones', async () => {
    const {page} = harness
    const before = await harness.text()
    await page.click('#accept-all')
    // US → U.S. and the repeated "the" are safe; a spelling guess, a choice of two and a TK are not.
    expect(await harness.text()).toBe(before.replace('with US officials', 'with U.S. officials').replace('flooding the the harbor', 'flooding the harbor'))
    await harness.idle()
    expect(await harness.highlights()).toEqual({error: ['TK'], warning: ['on of'], suggestion: []})
  })

  test('a failed answer shows an error, the verdict is "not checked", and nothing typed is lost', async () => {
    const {page} = harness
    const answer500 = await harness.answerWith({status: 500, body: '{"message": "boom"}'})
    try {
      await harness.caretAt(-1)
      await page.keyboard.type(' Added line.')
      await harness.idle()
      expect(await harness.verdict()).toBe('? Not checked')
      expect(await page.$eval('#error', (element) => [(element as HTMLElement).hidden, element.getAttribute('role'), element.textContent])).toEqual([
        false,
        'alert',
        'Could not check the story: the server answered 500: boom. Your text is safe in this browser; the page tries again when you edit, or press “Check now”.'
      ])
      expect((await harness.text()).endsWith(' Added line.')).toBe(true)
    } finally {
      await answer500()
    }
    const typed = await harness.text()
    await page.reload()
    await harness.idle()
    expect(await harness.text()).toBe(typed)
    expect(await page.$eval('#headline', (element) => (element as HTMLInputElement).value)).toBe(headline)
    expect(await page.$eval('#error', (element) => (element as HTMLElement).hidden)).toBe(true)
    expect(await harness.verdict()).toBe('✖ Block: 1 TK to replace · 1 warning to review · 1 dismissed')
  })

  test.each<[string, object, string]>([
    [
      'an incomplete check is hold, never pass',
      {verdict: 'pass', counts: {error: 0, warning: 0, suggestion: 0}, messages: [], complete: false, incomplete: ['spelling'], reason: 'The time budget ran out.'},
      '⏸ Hold: incomplete: The time budget ran out.'
    ],
    [
      'an incomplete block says it is incomplete',
      {verdict: 'block', counts: {error: 1, warning: 0, suggestion: 0}, messages: [], complete: false, incomplete: ['spelling'], reason: 'The time budget ran out.'},
      '✖ Block: 1 error to replace · incomplete: The time budget ran out.'
    ],
    ['an answer that is not a result', {hello: 'world'}, '? Not checked']
  ])('%s', async (_name, answer, expected) => {
    const {page} = harness
    const done = await harness.answerWith({status: 200, body: JSON.stringify(answer)})
    try {
      await page.click('#recheck')
      await harness.idle()
      expect(await harness.verdict()).toBe(expected)
    } finally {
      await done()
    }
    await page.click('#recheck')
    await harness.idle()
  })

  test('a finding the page cannot place on words (its offsets fall on a tag) is still listed, and its fix changes nothing', async () => {
    const {page} = harness
    const message = {ruleId: 'house-forms', severity: 'warning', reason: 'Use `U.S.`', actual: '<p', expected: ['U.S.'], url: null, note: null, offset: 0, endOffset: 2, field: 'body'}
    const done = await harness.answerWith({status: 200, body: JSON.stringify({verdict: 'warn', counts: {error: 0, warning: 1, suggestion: 0}, messages: [message], complete: true, incomplete: []})})
    try {
      await page.click('#recheck')
      await harness.idle()
      expect([await harness.verdict(), await harness.rows()]).toEqual(['! Warn: 1 warning to review', [{place: 'Story', context: '[<p]', reason: 'Use “U.S.”', fix: '→ U.S.', count: null}]])
      const before = await harness.text()
      await page.click('#accept-all')
      await page.click('#groups .finding')
      await page.click('#card .accept')
      expect([await harness.text(), await page.$eval('#status', (element) => element.textContent)]).toEqual([before, 'This finding has no place on the page to fix: fix it by hand.'])
    } finally {
      await done()
    }
    await page.click('#recheck')
    await harness.idle()
  })

  test('open a Markdown file: the formatted story, not its source; undo takes it back', async () => {
    const {page} = harness
    const before = await harness.text()
    const sent = page.waitForRequest((request) => request.url().endsWith('/page/check'))
    await harness.upload(path.join(root, 'examples', 'story.md'))
    await page.waitForSelector('#story h1')
    // Its copydesk control comment comes along, and still steers the checks.
    expect((JSON.parse((await sent).postData() ?? '{}') as {body: string}).body).toContain('</p>\n<!-- copydesk ignore -->\n<p>Photo: Jon Smithh / AP Photo. TK caption to come.</p>')
    expect(await page.$eval('#story h1', (element) => element.textContent)).toBe('Storm floods harbor town as fishing fleet waits out the tide')
    expect(await page.$eval('#story em', (element) => element.textContent)).toBe('no one')
    expect(await harness.text()).not.toContain('# Storm')
    await harness.idle()
    expect((await harness.highlights()).error).toEqual(['TK', 'TK'])
    await page.click('#undo')
    expect(await harness.text()).toBe(before)
    await harness.idle()
  })

  test('passes axe-core with a card open: no serious or critical violations', async () => {
    await harness.clickWords('TK')
    expect(await harness.axe()).toEqual([])
  })

  test('no script errors, and no request went anywhere but this server', () => {
    expect({outside: harness.outside, scriptErrors: harness.scriptErrors}).toEqual({outside: [], scriptErrors: []})
  })
})

