/**
 * Issue 18: HTML longer than `htmlSectionSize` is checked in sections cut
 * before parsing (src/input/html-cuts.ts), so its memory stays bounded;
 * the cuts fall only where the sections parse as the whole story does, every
 * finding keeps its place in the story, a marker next to a cut still blocks,
 * and inline control comments hold past a cut.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import {check, prePublish} from '../src/index.js'
import {htmlSectionSize} from '../src/check.js'
import {htmlCuts} from '../src/input/html-cuts.js'
import {buildIfStale} from './util/build.js'
import {runProcess} from './util/run.js'

const root = fileURLToPath(new URL('..', import.meta.url))

describe('htmlCuts', () => {
  test('cuts right after a block’s end tag, each piece within the size', () => {
    const html = '<p>One two three.</p>\n'.repeat(40)
    const ends = htmlCuts(html, 100)
    expect(ends.at(-1)).toBe(html.length)
    let start = 0
    for (const end of ends.slice(0, -1)) {
      expect(html.slice(end - 4, end)).toBe('</p>')
      expect(end - start).toBeLessThanOrEqual(100)
      start = end
    }
    expect(ends.length).toBe(Math.ceil(html.length / (4 * 22)))
  })

  test('inside plain containers, not inside a skipped one, a table, or an open formatting element', () => {
    const paragraphs = '<p>One two three.</p>'.repeat(20)
    const wrapped = `<div class="story"><section>${paragraphs}</section></div>`
    expect(htmlCuts(wrapped, 100).length).toBeGreaterThan(3)
    for (const html of [
      `<div class="copydesk-skip">${paragraphs}</div>`,
      `<div data-copydesk="skip">${paragraphs}</div>`,
      `<table><tr><td>${paragraphs}</td></tr></table>`,
      `<b>${paragraphs}</b>`,
      `<blockquote>${paragraphs}</blockquote>`,
      `<svg><foreignObject>${paragraphs}</foreignObject></svg>`
    ]) {
      expect(htmlCuts(html + paragraphs, 100)[0], html.slice(0, 30)).toBeGreaterThanOrEqual(html.length)
    }
  })

  test('never after inline markup or a stray end tag: `<b>T</b>K` stays whole', () => {
    const inline = 'Lorem <b>T</b>K <span>ipsum</span> dolor<br> '.repeat(20)
    expect(htmlCuts(inline, 100)).toEqual([inline.length])
    const stray = 'Lorem T</div>K ipsum dolor '.repeat(20)
    expect(htmlCuts(stray, 100)).toEqual([stray.length])
  })
})

// Silent copy (test/spans-agree.test.ts), and a paragraph with a typo and a `TK` split by markup, padded to the same length.
const clean = '<p>The council met on Tuesday and agreed the budget for the coming year after a long debate.</p>\n'
const slipText = '<p>Officals said the death toll was <b>T</b>K on Tuesday, the ministry said.'
const slip = slipText + ' '.repeat(clean.length - slipText.length - 5) + '</p>\n'

/** A story over three sections long: `<div>`, clean paragraphs, and slips just before and after every cut. */
function longStory(head = ''): {text: string; slips: number[]} {
  const count = Math.ceil((3.5 * htmlSectionSize) / clean.length)
  const open = head + '<div class="story">\n'
  const paragraphs = Array.from({length: count}, () => clean)
  const plain = open + paragraphs.join('') + '</div>\n'
  const ends = htmlCuts(plain, htmlSectionSize).slice(0, -1)
  expect(ends.length).toBe(3)
  for (const end of ends) {
    // The paragraph ending at the cut, and the next one.
    const index = Math.round((end - open.length) / clean.length)
    paragraphs[index - 1] = slip
    paragraphs[index] = slip
  }
  paragraphs[0] = slip
  paragraphs[count - 1] = slip
  const text = open + paragraphs.join('') + '</div>\n'
  // Same lengths: the cuts did not move.
  expect(htmlCuts(text, htmlSectionSize).slice(0, -1)).toEqual(ends)
  const slips: number[] = []
  for (let at = text.indexOf(slip); at !== -1; at = text.indexOf(slip, at + 1)) slips.push(at)
  return {text, slips}
}

/** `[ruleId, start offset, end offset]` of every finding. */
function spans(file: Awaited<ReturnType<typeof check>>): Array<[string, number, number]> {
  return file.messages.map((message) => [message.ruleId ?? '', message.place!.start.offset!, message.place!.end.offset!] as [string, number, number])
}

/** The findings a slip at `at` makes. */
function slipFindings(at: number, leftovers = true): Array<[string, number, number]> {
  const typo = at + '<p>'.length
  const marker = at + slipText.indexOf('<b>T') + 3
  return [['spelling', typo, typo + 'Officals'.length], ...(leftovers ? [['leftovers', marker, marker + 'T</b>K'.length] as [string, number, number]] : [])]
}

describe('long HTML in sections', () => {
  test('every finding at its place, a `TK` beside every cut found', async () => {
    const {text, slips} = longStory()
    expect(slips.length).toBe(8)
    const file = await check(text, {format: 'html'})
    expect(spans(file)).toEqual(slips.flatMap((at) => slipFindings(at)))
    const result = await prePublish({body: text, format: 'html'})
    expect(result.verdict).toBe('block')
  }, 600_000)

  test('a `disable` comment holds past the cuts, until its `enable`', async () => {
    const {text, slips} = longStory('<!-- copydesk disable leftovers -->\n')
    // Enabled again after the second cut's slips.
    const enableAt = slips[5]! + slip.length
    const story = text.slice(0, enableAt) + '<!-- copydesk enable leftovers -->' + text.slice(enableAt)
    const file = await check(story, {format: 'html'})
    const shifted = slips.map((at) => (at >= enableAt ? at + '<!-- copydesk enable leftovers -->'.length : at))
    expect(spans(file)).toEqual(shifted.flatMap((at) => slipFindings(at, at > enableAt)))
  }, 600_000)
})

describe('memory', () => {
  // Before sections, 2 MB of HTML needed more than a 64 MB heap (it failed: the
  // whole hast tree, and the gate's per-character tables of the visible text);
  // now 32 MB is enough (`node --max-old-space-size=32 scripts/html-memory.js 2`).
  test('2 MB of HTML, a `TK` near its end, in a 64 MB heap', async () => {
    buildIfStale()
    const run = await runProcess(process.execPath, ['--max-old-space-size=64', path.join(root, 'scripts', 'html-memory.js'), '2'], {cwd: root})
    expect(run.stderr.slice(-500)).toBe('')
    expect(run.code).toBe(0)
    const result = JSON.parse(run.stdout.trim()) as {tk: number; found: number[]}
    expect(result.found).toEqual([result.tk])
  }, 600_000)
})
