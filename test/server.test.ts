/**
 * The HTTP server over a real socket (127.0.0.1, port 0): each endpoint,
 * each error code, a burst of concurrent requests, and still answering after
 * bad requests.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {createServer} from '../src/faces/server.js'
import {buildWhenStale} from './util/build.js'

let app: FastifyInstance
let base: string

// The workers run dist/: build it when it is stale (test/util/build.ts).
beforeAll(() => buildWhenStale(), 600_000)

beforeAll(async () => {
  // A budget no loaded test machine runs out of: these tests are about the
  // endpoints (a story past its budget is held: test/server-pool.test.ts).
  app = createServer({timeoutMs: 60_000})
  await app.listen({port: 0, host: '127.0.0.1'})
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  base = `http://127.0.0.1:${address.port}`
})

afterAll(async () => {
  await app.close()
})

function post(path: string, body: string, type = 'application/json') {
  return fetch(base + path, {method: 'POST', headers: {'content-type': type}, body})
}

const story = {headline: 'Storm floods the the harbor', body: 'Residents left the the town.\n\nCasualties: TK.'}

describe('GET /health', () => {
  test('answers', async () => {
    const response = await fetch(base + '/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({status: 'ok', name: 'copydesk', dialect: 'en-US'})
  })
})

describe('GET /docs', () => {
  test('messages link to the docs page of their check, which the server answers', async () => {
    const result = (await (await post('/v1/check', JSON.stringify(story))).json()) as {messages: Array<{ruleId: string; url: string}>}
    const repeated = result.messages.find((message) => message.ruleId === 'repeated-word')
    // The HTML explanation (src/faces/docs-routes.ts); the Markdown as shipped is at …/repeated-word.md.
    expect(repeated?.url).toBe('/docs/checks/repeated-word')
    const page = await fetch(base + repeated?.url)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('<h1 id="repeated-word">repeated-word</h1>')
  })

  test('answers only its own pages', async () => {
    for (const page of ['/docs/checks/nope.md', '/docs/..%2Fpackage.json', '/docs/checks/..%2F..%2Fpackage.json', '/docs/page.png']) {
      expect((await fetch(base + page)).status, page).toBe(404)
    }
  })
})

describe('POST /v1/check', () => {
  test('returns the verdict, counts and messages with fields and positions', async () => {
    const response = await post('/v1/check', JSON.stringify(story))
    expect(response.status).toBe(200)
    const result = (await response.json()) as {verdict: string; complete: boolean; counts: object; messages: Array<{ruleId: string; field: string; line: number; column: number; actual: string}>}
    expect(result.verdict).toBe('block')
    expect(result.complete).toBe(true)
    expect(Object.keys(result.counts).sort()).toEqual(['error', 'suggestion', 'warning'])
    const mine = result.messages
      .filter((message) => message.ruleId === 'repeated-word' || message.ruleId === 'leftovers')
      .map((message) => `${message.field} ${message.line}:${message.column} ${message.ruleId} ${message.actual}`)
    expect(mine).toEqual(['headline 1:14 repeated-word the the', 'body 1:16 repeated-word the the', 'body 3:13 leftovers TK'])
  })

  test('takes a format and a policy', async () => {
    const response = await post(
      '/v1/check',
      JSON.stringify({body: '<p>Left <em>the</em> the town.</p>', format: 'html', policy: {block: [], warn: []}})
    )
    const result = (await response.json()) as {verdict: string; messages: Array<{ruleId: string; column: number}>}
    expect(result.verdict).toBe('pass')
    expect(result.messages.filter((message) => message.ruleId === 'repeated-word').map((message) => message.column)).toEqual([13])
  })

  test.each<[string, string, string, number, string]>([
    ['malformed JSON', '{"body": "x",', 'application/json', 400, 'not valid JSON'],
    ['an empty body', '', 'application/json', 400, 'empty'],
    ['no body field', JSON.stringify({headline: 'x'}), 'application/json', 400, 'is missing `body`'],
    ['body not a string', JSON.stringify({body: 42}), 'application/json', 400, 'field body must be string'],
    ['an unknown field', JSON.stringify({body: 'x', headlne: 'y'}), 'application/json', 400, 'unknown field `headlne`'],
    ['a bad format', JSON.stringify({body: 'x', format: 'docx'}), 'application/json', 400, 'field format must be one of "text", "markdown", "html"'],
    ['a bad policy', JSON.stringify({body: 'x', policy: {block: ['fatal']}}), 'application/json', 400, 'policy.block.0 must be one of'],
    ['plain text', 'Residents left.', 'text/plain', 415, 'application/json'],
    ['a form', 'body=Residents', 'application/x-www-form-urlencoded', 415, 'application/json']
  ])('%s → %d', async (_name, body, type, status, message) => {
    const response = await post('/v1/check', body, type)
    expect(response.status).toBe(status)
    const error = (await response.json()) as {statusCode: number; message: string}
    expect(error.statusCode).toBe(status)
    expect(error.message).toContain(message)
  })

  test('a body over 1 MB → 413', async () => {
    const response = await post('/v1/check', JSON.stringify({body: 'word '.repeat(220_000)}))
    expect(response.status).toBe(413)
    expect(((await response.json()) as {message: string}).message).toContain('larger than the limit')
  })
})

describe('robustness', () => {
  test('an unknown route → 404 saying what exists', async () => {
    const response = await fetch(base + '/v1/chek', {method: 'POST'})
    expect(response.status).toBe(404)
    expect(((await response.json()) as {message: string}).message).toContain('POST /v1/check')
  })

  test('a burst of 50 concurrent requests all succeed', async () => {
    const responses = await Promise.all(
      Array.from({length: 50}, (_, index) => post('/v1/check', JSON.stringify({body: `Story ${index}: residents left the the town.`})))
    )
    expect(responses.map((response) => response.status)).toEqual(Array.from({length: 50}, () => 200))
    const results = (await Promise.all(responses.map((response) => response.json()))) as Array<{verdict: string}>
    expect(new Set(results.map((result) => result.verdict))).toEqual(new Set(['warn']))
  })

  test('still answers after bad requests', async () => {
    await post('/v1/check', '{oops')
    await post('/v1/check', 'x'.repeat(2 * 1024 * 1024))
    await post('/v1/check', '<p>', 'text/html')
    const response = await post('/v1/check', JSON.stringify({body: 'Casualties: TK.'}))
    expect(response.status).toBe(200)
    expect(((await response.json()) as {verdict: string}).verdict).toBe('block')
  })
})
