/**
 * The server's floor (on by default): the must-never-publish checks cannot
 * be switched off from inside a story (control comments, skip markers) or
 * from a request (policy, LanguageTool rule switches), and the result says
 * what was ignored; an ambiguous request (a JSON key or a form field given
 * twice) is refused with 400. Real sockets on 127.0.0.1; one server checks
 * in a worker thread (the built worker: `npm run build`), one in process.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {createServer} from '../src/faces/server.js'
import {duplicateKey} from '../src/faces/strict-json.js'
import {listen} from './util/listen.js'
import {buildWhenStale} from './util/build.js'

const html = [
  '<p>The council met on Monday.</p>',
  '<!-- copydesk disable -->',
  '<p>Casualties: TK.</p>',
  '<!-- copydesk enable -->',
  '<p data-copydesk="skip">Photo: lorem ipsum dolor.</p>'
].join('\n')

interface Result {
  verdict: string
  complete: boolean
  overridden?: string[]
  messages: Array<{ruleId: string; severity: string; line: number; column: number; actual: string}>
}

const leftovers = (result: Result) => result.messages.filter((message) => message.ruleId === 'leftovers').map((message) => `${message.line}:${message.column} ${message.severity} ${message.actual}`)

function post(base: string, path: string, body: string, type = 'application/json') {
  return fetch(base + path, {method: 'POST', headers: {'content-type': type}, body})
}

let worker: FastifyInstance
let workerBase: string
let lane: FastifyInstance
let laneBase: string
let open: FastifyInstance
let openBase: string

// The workers run dist/: build it when it is stale (test/util/build.ts).
beforeAll(() => buildWhenStale(), 600_000)

beforeAll(async () => {
  worker = createServer({workers: 1, timeoutMs: 60_000})
  workerBase = await listen(worker)
  lane = createServer({workers: 0, timeoutMs: 60_000, options: {checks: {leftovers: 'warning'}}})
  laneBase = await listen(lane)
  open = createServer({workers: 0, timeoutMs: 60_000, floor: false})
  openBase = await listen(open)
}, 180_000)

afterAll(async () => {
  await Promise.all([worker?.close(), lane?.close(), open?.close()])
})

describe('POST /v1/check with the floor (the default)', () => {
  test.each([['in a worker thread'], ['in process']])('%s: a control comment and a skip marker hide no TK and no lorem ipsum; the result names them', async (where) => {
    const base = where === 'in process' ? laneBase : workerBase
    const response = await post(base, '/v1/check', JSON.stringify({body: html, format: 'html'}))
    expect(response.status).toBe(200)
    const result = (await response.json()) as Result
    expect(leftovers(result)).toEqual(['3:16 error TK', '5:32 error lorem ipsum'])
    expect(result.verdict).toBe('block')
    expect(result.complete).toBe(true)
    const story = ['story: <!-- copydesk disable --> at 2:1', 'story: <p data-copydesk="skip"> at 5:1']
    // The in-process server was configured with leftovers at warning: overridden too.
    expect(result.overridden).toEqual(where === 'in process' ? [...story, 'options: checks.leftovers is "warning"'] : story)
  }, 60_000)

  test('a policy that blocks nothing cannot pass a TK', async () => {
    const response = await post(workerBase, '/v1/check', JSON.stringify({body: 'Casualties: TK.', policy: {block: [], warn: []}}))
    const result = (await response.json()) as Result
    expect([result.verdict, leftovers(result), result.overridden]).toEqual(['block', ['1:13 error TK'], ['policy: block is []']])
  }, 60_000)

  test('a clean story passes with nothing overridden', async () => {
    const result = (await (await post(workerBase, '/v1/check', JSON.stringify({body: 'The council met on Monday.'}))).json()) as Result
    expect(result).toMatchObject({verdict: 'pass', complete: true, messages: []})
    expect(result.overridden).toBeUndefined()
  }, 60_000)
})

test('with floor: false (serve --no-floor) the story may switch the checks off, as before', async () => {
  const result = (await (await post(openBase, '/v1/check', JSON.stringify({body: html, format: 'html'}))).json()) as Result
  expect([result.verdict, leftovers(result), result.overridden]).toEqual(['pass', [], undefined])
  const policy = (await (await post(openBase, '/v1/check', JSON.stringify({body: 'Casualties: TK.', policy: {block: [], warn: []}}))).json()) as Result
  expect(policy.verdict).toBe('pass')
}, 60_000)

describe('an ambiguous JSON body is refused (400), whatever the floor', () => {
  test.each([
    ['body twice', '{"body": "Casualties: TK.", "body": "Clean copy."}', '"body"'],
    ['body twice, once escaped', '{"body": "Casualties: TK.", "bo\\u0064y": "Clean copy."}', '"body"'],
    ['format twice', '{"body": "<p>TK</p>", "format": "html", "format": "text"}', '"format"'],
    ['headline twice', '{"headline": "A", "body": "B", "headline": "C"}', '"headline"'],
    ['policy twice', '{"body": "TK", "policy": {}, "policy": {"block": []}}', '"policy"'],
    ['a key twice inside policy', '{"body": "TK", "policy": {"block": ["error"], "block": []}}', '"policy.block"']
  ])('%s', async (_name, body, key) => {
    for (const base of [workerBase, openBase]) {
      const response = await post(base, '/v1/check', body)
      expect(response.status).toBe(400)
      expect(((await response.json()) as {message: string}).message).toBe(
        `The request body gives the key ${key} twice; send each field once (which one would count is ambiguous, so copydesk refuses the request).`
      )
    }
    const page = await post(workerBase, '/page/check', body)
    expect(page.status).toBe(400)
  })

  test('equal keys in different objects are fine; so are equal values in a list', async () => {
    const response = await post(laneBase, '/v1/check', '{"body": "The block.", "policy": {"block": ["error"], "warn": ["warning"]}}')
    expect(response.status).toBe(200)
  })

  test('malformed JSON is still the parser\'s 400, and a poisoned __proto__ is refused', async () => {
    expect((await post(laneBase, '/v1/check', '{"body": ')).status).toBe(400)
    expect((await post(laneBase, '/v1/check', '{"body": "x", "__proto__": {"polluted": true}}')).status).toBe(400)
  })
})

describe('duplicateKey', () => {
  test.each<[string, string | undefined]>([
    ['{"a": 1, "b": 2}', undefined],
    ['{"a": 1, "a": 2}', 'a'],
    ['{"a": {"b": 1}, "c": {"b": 2}}', undefined],
    ['{"a": {"b": 1, "b": 2}}', 'a.b'],
    ['{"a": [{"x": 1}, {"x": 1, "x": 2}]}', 'a.1.x'],
    ['{"a": "\\"a\\": 1, \\"a\\"", "b": "a"}', undefined],
    ['{"\\u0061": 1, "a": 2}', 'a'],
    ['[1, "a", {"a": [], "b": {}}, {"a": 2}]', undefined],
    ['"a"', undefined],
    ['{"a\\\\": 1, "a": 2}', undefined],
    // A string that ends in an escaped backslash, or holds an escaped quote after one.
    ['{"a": "x\\\\", "a": 2}', 'a'],
    ['{"a": "\\\\\\"", "b": "\\\\", "a": 2}', 'a'],
    ['{"body": "' + 'word \\"quoted\\" '.repeat(20) + '", "body": ""}', 'body']
  ])('%s → %s', (text, key) => {
    JSON.parse(text)
    expect(duplicateKey(text)).toBe(key)
  })
})

describe('LanguageTool /v2/check', () => {
  const form = (fields: string) => post(workerBase, '/v2/check', fields, 'application/x-www-form-urlencoded')

  test('with the floor, disabledRules, disabledCategories and enabledOnly cannot hide a TK', async () => {
    for (const fields of [
      'language=en-US&text=Casualties:+TK.&disabledRules=COPYDESK_LEFTOVERS',
      'language=en-US&text=Casualties:+TK.&enabledOnly=true&enabledRules=COPYDESK_SPELLING'
    ]) {
      const response = await form(fields)
      expect(response.status).toBe(200)
      const result = (await response.json()) as {matches: Array<{offset: number; length: number; rule: {id: string}}>}
      expect(result.matches.map((match) => `${match.offset}+${match.length} ${match.rule.id}`)).toEqual(['12+2 COPYDESK_LEFTOVERS'])
    }
  }, 60_000)

  test('without the floor, disabledRules still hides it', async () => {
    const response = await post(openBase, '/v2/check', 'language=en-US&text=Casualties:+TK.&disabledRules=COPYDESK_LEFTOVERS', 'application/x-www-form-urlencoded')
    expect(((await response.json()) as {matches: unknown[]}).matches).toEqual([])
  }, 60_000)

  test.each([
    ['a form field twice', '/v2/check', 'language=en-US&text=Casualties:+TK.&text=Clean.', 'Error: The parameter "text" is given twice with different values; send it once'],
    ['a query parameter twice', '/v2/check?language=en-US&text=TK&text=Clean', '', 'Error: The parameter "text" is given twice with different values; send it once'],
    ['query and form disagree', '/v2/check?text=TK', 'language=en-US&text=Clean.', 'Error: The parameter "text" is given in the query string and the form with different values; send it once']
  ])('%s: 400, LanguageTool style', async (_name, path, fields, message) => {
    const response = await post(workerBase, path, fields, 'application/x-www-form-urlencoded')
    expect(response.status).toBe(400)
    expect(await response.text()).toBe(message)
  })

  test('the same value twice is not ambiguous', async () => {
    const response = await form('language=en-US&language=en-US&text=The+council+met.')
    expect(response.status).toBe(200)
  }, 60_000)
})

test('the page route applies the floor too', async () => {
  const response = await post(workerBase, '/page/check', JSON.stringify({body: html, format: 'html'}))
  const result = (await response.json()) as Result
  expect([result.verdict, leftovers(result)]).toEqual(['block', ['3:16 error TK', '5:32 error lorem ipsum']])
  expect(result.overridden).toEqual(['story: <!-- copydesk disable --> at 2:1', 'story: <p data-copydesk="skip"> at 5:1'])
}, 60_000)

test('--no-floor goes with serve only', async () => {
  const {main} = await import('../src/faces/cli.js')
  const {PassThrough, Readable} = await import('node:stream')
  const stderr = new PassThrough()
  let text = ''
  stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
  const code = await main(['--no-floor', 'story.txt'], {stdin: Readable.from(['']), stdout: new PassThrough(), stderr, cwd: process.cwd(), env: {}})
  expect([code, text]).toEqual([2, 'copydesk: --no-floor goes with `copydesk serve`\n'])
})
