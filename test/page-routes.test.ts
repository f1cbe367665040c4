/**
 * The page's server side without a browser: `GET /` and its assets, and
 * `POST /page/check` (contract 1: a story whose checks did not all run is
 * `hold`, never `pass`).
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {createServer} from '../src/faces/server.js'
import {listen} from './util/listen.js'

let app: FastifyInstance
let base: string
// A budget so small that no check starts: every story comes back incomplete.
let starved: FastifyInstance
let starvedBase: string

beforeAll(async () => {
  app = createServer({timeoutMs: 60_000})
  base = await listen(app)
  starved = createServer({timeoutMs: 1})
  starvedBase = await listen(starved)
})

afterAll(async () => {
  await app.close()
  await starved.close()
})

function check(body: unknown, server = base) {
  return fetch(server + '/page/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)})
}

describe('GET / and the assets', () => {
  test.each([
    ['/', 'text/html; charset=utf-8', '<title>copydesk</title>'],
    ['/page/app.js', 'text/javascript; charset=utf-8', '/page/check'],
    ['/page/app.css', 'text/css; charset=utf-8', '::highlight(cd-error)']
  ])('%s', async (path, type, content) => {
    const response = await fetch(base + path)
    expect([response.status, response.headers.get('content-type')]).toEqual([200, type])
    expect(await response.text()).toContain(content)
  })

  test('the page loads nothing from elsewhere', async () => {
    const html = await (await fetch(base + '/')).text()
    expect(html.match(/(?:src|href)="[^"]*"/g)).toEqual(['href="/page/app.css"', 'src="/page/app.js"'])
  })

  test.each(['/', '/page/app.js', '/page/app.css', '/page/config.json'])('%s carries a strict Content-Security-Policy, nosniff and a frame ban', async (path) => {
    const response = await fetch(base + path)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })

  test('the page needs no inline script or style (so the policy can forbid them)', async () => {
    const html = await (await fetch(base + '/')).text()
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=/i)
  })

  test('every JSON reply says nosniff too', async () => {
    const response = await check({body: 'A clean sentence.'})
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  test('an unknown asset is a 404', async () => {
    expect((await fetch(base + '/page/other.js')).status).toBe(404)
  })

  test('config.json names the dialects', async () => {
    expect(await (await fetch(base + '/page/config.json')).json()).toMatchObject({dialect: 'en-US', dialects: ['en-US', 'en-GB'], formats: ['text', 'markdown', 'html']})
  })
})

describe('POST /page/check', () => {
  test('verdict, counts and messages with fields', async () => {
    const response = await check({headline: 'Storm hits the US', body: 'Residents left the the town. Casualties: TK.', dialect: 'en-GB'})
    expect(response.status).toBe(200)
    const result = (await response.json()) as {verdict: string; counts: object; complete: boolean; incomplete: string[]; messages: Array<{field: string; ruleId: string; offset: number; actual: string}>}
    expect(result.messages.map((message) => `${message.field} ${message.offset} ${message.ruleId} ${message.actual}`)).toEqual([
      'body 15 repeated-word the the',
      'body 41 leftovers TK'
    ])
    expect({...result, messages: undefined}).toEqual({verdict: 'block', counts: {error: 1, warning: 1, suggestion: 0}, complete: true, incomplete: [], messages: undefined})
  })

  test('the dialect choice reaches the checker', async () => {
    const ruleIds = async (dialect: string) =>
      ((await (await check({body: 'The colour of the sky.', dialect})).json()) as {messages: Array<{ruleId: string}>}).messages.map((message) => message.ruleId)
    expect(await ruleIds('en-US')).toEqual(['dialect'])
    expect(await ruleIds('en-GB')).toEqual([])
  })

  test('a story whose checks did not all run is hold, never pass', async () => {
    const result = (await (await check({body: 'A clean sentence.'}, starvedBase)).json()) as {verdict: string; complete: boolean; reason: string}
    expect(result).toMatchObject({verdict: 'hold', complete: false, reason: expect.stringContaining('ran out of time')})
  })

  test('decisions for this story, as /v1/check takes them: a dismissed warning leaves the verdict and is listed; a TK cannot be dismissed', async () => {
    const body = '<p>Residents left the the town. Casualties: TK.</p>'
    const decisions = [
      {action: 'dismiss', ruleId: 'repeated-word', actual: 'the the', before: '<p>Residents left ', after: ' town. Casualties: TK.</', field: 'body', by: 'J. Editor'},
      {action: 'dismiss', ruleId: 'leftovers', actual: 'TK', before: 'the town. Casualties: ', after: '.</p>', field: 'body', by: 'J. Editor'}
    ]
    const response = await check({body, format: 'html', decisions})
    expect(response.status).toBe(200)
    const result = (await response.json()) as {
      verdict: string
      counts: object
      messages: Array<{ruleId: string; actual: string}>
      decisions: {applied: Array<{ruleId: string}>; dismissed: Array<{actual: string; dismissedBy: string}>; lapsed: unknown[]; refused: Array<{why: string}>}
    }
    expect([result.verdict, result.counts, result.messages.map((message) => `${message.ruleId} ${message.actual}`)]).toEqual(['block', {error: 1, warning: 0, suggestion: 0}, ['leftovers TK']])
    expect(result.decisions.applied.map((decision) => decision.ruleId)).toEqual(['repeated-word'])
    expect(result.decisions.dismissed.map((message) => [message.actual, message.dismissedBy])).toEqual([['the the', 'J. Editor']])
    expect(result.decisions.refused.map((refusal) => refusal.why)).toEqual(['`TK` (leftovers) must never be published; this desk does not allow dismissing it: fix the copy'])
  })

  test('a malformed decision is a 400 saying what is wrong', async () => {
    const response = await check({body: 'x', decisions: [{action: 'ignore', ruleId: 'x', actual: 'x', before: '', after: '', by: 'me'}]})
    expect(response.status).toBe(400)
    expect(((await response.json()) as {message: string}).message).toBe('decision 1: `action` must be "dismiss" or "accept"')
  })

  test.each<[string, unknown, string]>([
    ['no body', {headline: 'x'}, 'body'],
    ['an unknown dialect', {body: 'x', dialect: 'en-AU'}, 'dialect'],
    ['an unknown field', {body: 'x', policy: {}}, 'policy']
  ])('%s → 400', async (_name, body, word) => {
    const response = await check(body)
    expect(response.status).toBe(400)
    expect(((await response.json()) as {message: string}).message).toContain(word)
  })
})
