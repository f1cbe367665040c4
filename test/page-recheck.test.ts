/**
 * Instant re-checks seen from the page (issue 21, item 5): a 5,000-word
 * story pasted into the copy-desk page in headless Chromium, then a one-word
 * edit typed over a word in its middle. The page sends the story again as
 * HTML; the server's workers check only the changed paragraph
 * (src/incremental.ts). Asserted: the re-check was sent and answered, it
 * flags the word typed, and its findings equal those of a server that checks
 * every story whole (COPYDESK_INCREMENTAL=0) for the very request the page
 * sent. Printed, not asserted (no timed tests): the browser's own timings of
 * each request (fetch start to response end, from the Resource Timing API),
 * for `docs/page.md`, beside the same requests to the server that checks whole.
 *
 *     npx vitest run test/page-recheck.test.ts
 */
import {mkdtempSync, readFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import type {HTTPResponse} from 'puppeteer-core'
import {createServer} from '../src/faces/server.js'
import {chromium, openPage, root, type PageHarness} from './util/page-harness.js'

/** The example story's paragraphs, sentences rotated each time round (no two paragraphs alike), to 5,000 words. */
function longStory(): {text: string; words: number} {
  const own = readFileSync(path.join(root, 'examples', 'story.txt'), 'utf8').split(/\n\s*\n/).slice(1).map((paragraph) => paragraph.trim()).filter(Boolean)
  const paragraphs: string[] = []
  let words = 0
  for (let turn = 0; words < 5000; turn++) {
    for (const paragraph of own) {
      const sentences = paragraph.split(/(?<=[.!?]”?) /)
      const rotated = [...sentences.slice(turn % sentences.length), ...sentences.slice(0, turn % sentences.length)].join(' ')
      paragraphs.push(rotated)
      words += rotated.split(/\s+/).length
      if (words >= 5000) break
    }
  }
  return {text: paragraphs.join('\n\n'), words}
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!

describe.skipIf(!chromium)('instant re-checks from the page in Chromium', () => {
  let harness: PageHarness
  let whole: FastifyInstance
  let wholeBase: string

  beforeAll(async () => {
    harness = await openPage()
    // A server whose workers check every story whole: the reference. (Workers read the switch when they start, all at once.)
    const before = process.env.COPYDESK_INCREMENTAL
    process.env.COPYDESK_INCREMENTAL = '0'
    try {
      whole = createServer({timeoutMs: 60_000, options: {rules: [mkdtempSync(path.join(os.tmpdir(), 'copydesk-recheck-rules-'))]}})
      await whole.listen({port: 0, host: '127.0.0.1'})
    } finally {
      if (before === undefined) delete process.env.COPYDESK_INCREMENTAL
      else process.env.COPYDESK_INCREMENTAL = before
    }
    const address = whole.server.address()
    if (!address || typeof address === 'string') throw new Error('no port')
    wholeBase = `http://127.0.0.1:${address.port}`
  }, 120_000)

  afterAll(async () => {
    await harness?.close()
    await whole?.close()
  })

  test('a one-word edit in a 5,000-word story is checked again, with the findings of a whole check; timings printed', async () => {
    const {page} = harness
    const story = longStory()
    // Every answer to /page/check with the request that asked for it.
    const answers: Array<{request: string; answer: {verdict: string; counts: unknown; messages: Array<{ruleId: string; actual?: string}>}}> = []
    const pending: Array<Promise<void>> = []
    page.on('response', (response: HTTPResponse) => {
      if (!response.url().endsWith('/page/check') || response.request().method() !== 'POST') return
      pending.push(response.json().then((answer) => void answers.push({request: response.request().postData() ?? '', answer})))
    })
    const timings = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.endsWith('/page/check'))
          .map((entry) => (entry as PerformanceResourceTiming).responseEnd - entry.startTime)
      )

    await harness.paste({text: story.text})
    await harness.idle()
    await Promise.all(pending)
    expect(answers).toHaveLength(1)
    const first = (await timings())[0]!

    // One word replaced at a time, each in another paragraph of the story's middle, as an editor types it over a selected word.
    const edits = ['teh', 'residents', 'officials', 'recieve', 'harbor']
    const typedToDrawn: number[] = []
    const wholeTimes: number[] = []
    for (const [round, word] of edits.entries()) {
      const selected = await page.evaluate((round) => {
        const paragraphs = [...document.querySelectorAll('#story > p')]
        const paragraph = paragraphs[Math.floor(paragraphs.length / 2) + round * 3]!
        const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const found = /\b[a-z]{6,}\b/.exec((node as Text).data)
          if (!found) continue
          const range = document.createRange()
          range.setStart(node, found.index)
          range.setEnd(node, found.index + found[0].length)
          const selection = window.getSelection()!
          selection.removeAllRanges()
          selection.addRange(range)
          return found[0]
        }
        return null
      }, round)
      expect(selected).not.toBeNull()
      await page.keyboard.type(word)
      const typed = Date.now()
      await harness.idle()
      typedToDrawn.push(Date.now() - typed)
      await Promise.all(pending)
      expect(answers).toHaveLength(round + 2)
      // The same request to the server that checks whole, right after (so load falls on both alike); timed from here, not the browser.
      const started = performance.now()
      await (await fetch(wholeBase + '/page/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: answers.at(-1)!.request})).json()
      wholeTimes.push(performance.now() - started)
    }
    const all = await timings()
    expect(all).toHaveLength(edits.length + 1)
    const again = all.slice(1)

    // Each re-check carried the edit: the slip typed is flagged where it stands.
    expect(answers[1]!.answer.messages.some((message) => message.ruleId === 'spelling' && message.actual === 'teh')).toBe(true)
    expect(answers[4]!.answer.messages.some((message) => message.ruleId === 'spelling' && message.actual === 'recieve')).toBe(true)
    // And equals what a server checking every story whole answers to the very same request.
    for (const {request, answer} of answers) {
      const response = await fetch(wholeBase + '/page/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: request})
      const reference = (await response.json()) as typeof answer
      expect({verdict: answer.verdict, counts: answer.counts, messages: answer.messages}).toEqual({verdict: reference.verdict, counts: reference.counts, messages: reference.messages})
    }
    expect(answers[1]!.answer.messages.length).toBeGreaterThan(10)

    console.log(
      [
        `page re-checks: a ${story.words}-word story (${story.text.split('\n\n').length} paragraphs) as HTML, Chromium's Resource Timing of POST /page/check (fetch start to response end), this machine under its load (${os.loadavg().map((value) => value.toFixed(1)).join(' ')}):`,
        `  first check (every paragraph new): ${first.toFixed(0)} ms`,
        `  one-word edit, checked again: median ${median(again).toFixed(0)} ms of ${again.map((ms) => ms.toFixed(0)).join(', ')}`,
        `  the same requests to a server checking every story whole (COPYDESK_INCREMENTAL=0), each right after, from Node: median ${median(wholeTimes).toFixed(0)} ms`,
        `  last key typed to answer drawn (the page waits 700 ms for typing to pause): median ${median(typedToDrawn)} ms`
      ].join('\n')
    )
  }, 600_000)
})
