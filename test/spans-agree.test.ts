/**
 * Issue 18: one story, one set of places, whichever face checks it.
 * `check()`, `prePublish` without and with a budget (the critical checks
 * first, then the rest), the CLI's JSON and the server's `/v1/check` must
 * give every finding the same span, in text, Markdown and HTML, with a
 * byte-order mark, CR-only lines, CRLF, and stories long enough to be
 * checked in sections (text and HTML over 256 KB, Markdown over 64 KB, HTML
 * turned into nlcst in 64 KB parts).
 * Then a few hundred random stories through the same property
 * (scripts/fuzz-spans.js, which `npm run fuzz` runs too).
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import fc from 'fast-check'
import type {FastifyInstance} from 'fastify'
import {check, prePublish, toResultMessage} from '../src/index.js'
import {createServer} from '../src/faces/server.js'
// @ts-expect-error: plain JavaScript modules shared with `npm run fuzz`.
import {disagreements, spanKeys, spanProblems, spansEveryWay} from '../scripts/fuzz-spans.js'
// @ts-expect-error: as above.
import {placeProblems, story as randomStory} from '../scripts/fuzz-lib.js'
import {buildIfStale} from './util/build.js'
import {listen} from './util/listen.js'

type Format = 'text' | 'markdown' | 'html'
const api = {check, prePublish, toResultMessage}
const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')

// Findings that share a point (`Lorem ipsum`: leftovers and spelling end on
// one word) were shifted twice after a byte-order mark or in a later section.
const slips = 'The mayor said TK the the recieve plan would go ahead. Officals said Lorem ipsum'
const clean = 'The council met on Tuesday and agreed the budget for the coming year after a long debate.'

/** `count` paragraphs, every 40th with slips, joined by `separators` in turn. */
function paragraphs(count: number, separators: string[], wrap = (paragraph: string) => paragraph): string {
  let out = ''
  for (let index = 0; index < count; index++) {
    if (index > 0) out += separators[index % separators.length]
    out += wrap(index % 40 === 7 ? slips : clean)
  }
  return out
}

const html = (paragraph: string) => `<p>${paragraph}</p>`
const mixed = ['\n\n', '\r\r', '\r\n\r\n']

const stories: Array<[string, Format, string]> = [
  ['BOM', 'text', '\uFEFFLorem ipsum'],
  ['BOM', 'markdown', '\uFEFFLorem ipsum'],
  ['BOM', 'html', '\uFEFF<p>Lorem ipsum</p>'],
  ['CR-only lines', 'text', paragraphs(12, ['\r', '\r\r'])],
  ['CR-only lines', 'markdown', paragraphs(12, ['\r\r'])],
  ['CR-only lines', 'html', paragraphs(12, ['\r'], html)],
  ['CRLF and a BOM', 'text', '\uFEFF' + paragraphs(12, ['\r\n', '\r\n\r\n'])],
  ['CRLF and a BOM', 'markdown', '\uFEFF' + paragraphs(12, ['\r\n\r\n'])],
  ['CRLF and a BOM', 'html', '\uFEFF' + paragraphs(12, ['\r\n'], html)],
  // Past the section sizes of src/check.ts and src/input/markup.ts, with every line ending and a BOM.
  ['long (> 256 KB)', 'text', '\uFEFF' + paragraphs(3000, mixed)],
  ['long (> 64 KB)', 'markdown', '\uFEFF' + paragraphs(800, mixed)],
  ['long (> 64 KB)', 'html', '\uFEFF' + paragraphs(800, mixed, html)],
  // HTML over 256 KB is cut into sections before it is parsed (src/input/html-cuts.ts).
  ['long (> 256 KB)', 'html', '\uFEFF' + paragraphs(3000, mixed, html)]
]

let app: FastifyInstance
let base: string

beforeAll(async () => {
  buildIfStale()
  app = createServer({timeoutMs: 600_000, workers: 1})
  base = await listen(app)
}, 300_000)

afterAll(async () => {
  await app?.close()
})

/** The CLI's JSON for `text` read from standard input as `format`. */
function cli(text: string, format: Format): Promise<{messages: unknown[]}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--format', 'json', '--format-in', format], {cwd: root})
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.on('error', reject)
    child.on('close', () => {
      try {
        resolve((JSON.parse(stdout) as {files: Array<{messages: unknown[]}>}).files[0]!)
      } catch (error) {
        reject(error)
      }
    })
    child.stdin.end(text)
  })
}

async function server(text: string, format: Format): Promise<{verdict: string; messages: unknown[]}> {
  const post = () => fetch(base + '/v1/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({body: text, format})})
  // A kept-alive connection the server closed as it was reused (ECONNRESET) is tried once more on a new one.
  const response = await post().catch(post)
  expect(response.status).toBe(200)
  return (await response.json()) as {verdict: string; messages: unknown[]}
}

describe('every face places every finding alike', () => {
  test.each(stories)('%s, %s', async (_name, format, text) => {
    const {file, ways} = await spansEveryWay(api, text, format)
    expect(placeProblems(text, file)).toEqual([])
    expect(ways.budgeted, 'the budgeted check finished').toBeDefined()
    const served = await server(text, format)
    expect(served.verdict).not.toBe('hold')
    const all = {...ways, cli: spanKeys((await cli(text, format)).messages), server: spanKeys(served.messages)}
    expect(disagreements(all)).toEqual([])
    // The story's slips are all found, at their places.
    const lorem = text.indexOf('Lorem ipsum')
    expect(ways.check).toContain(JSON.stringify(['spelling', ...where(text, lorem + 6, lorem + 11), 'ipsum']))
  }, 600_000)

  test('a byte-order mark counts as one character, once (issue 18)', async () => {
    const file = await check('\uFEFFLorem ipsum')
    expect(file.messages.map((message) => [message.ruleId, message.place])).toEqual([
      ['leftovers', {start: {line: 1, column: 2, offset: 1}, end: {line: 1, column: 13, offset: 12}}],
      ['spelling', {start: {line: 1, column: 8, offset: 7}, end: {line: 1, column: 13, offset: 12}}]
    ])
  })
})

/** Line, column, end line, end column, offset and end offset of `start`..`end` in `text` (lines end at LF, CR or CRLF). */
function where(text: string, start: number, end: number): number[] {
  const point = (offset: number) => {
    const before = text.slice(0, offset)
    const lines = before.split(/\r\n|\r|\n/)
    return [lines.length, lines[lines.length - 1]!.length + 1]
  }
  return [...point(start), ...point(end), start, end]
}

describe.each(['text', 'markdown', 'html'] as const)('random stories, %s', (format) => {
  const runs = Number(process.env.FUZZ_RUNS ?? 100)
  test(`${runs} stories: check() and prePublish with and without a budget place findings alike`, async () => {
    await fc.assert(
      fc.asyncProperty(randomStory(), async (text: string) => {
        expect(await spanProblems(api, text, format)).toEqual([])
      }),
      {numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 18)}
    )
  }, 600_000)
})
