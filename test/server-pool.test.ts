/**
 * The server fails closed and holds up: checks in worker threads cut off at
 * their budget (answered `hold`, the leftovers already found still
 * reported), a full queue answered 503, a bearer token, browser origins
 * refused, slow clients cut off, one log line per request without story
 * text, request ids, short error replies. Real sockets on 127.0.0.1.
 */
import net from 'node:net'
import {Writable} from 'node:stream'
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {createServer, type ServerOptions} from '../src/faces/server.js'
import {buildWhenStale} from './util/build.js'

const stallWorker = fileURLToPath(new URL('fixtures/server/stall-worker.mjs', import.meta.url))
const bin = fileURLToPath(new URL('../bin/copydesk.js', import.meta.url))
const para = 'The council met on Tuesday to discuss the budget for the coming year, and members agreed on most of it.\n\n'

// The workers (and bin/copydesk.js) run dist/: build it when it is stale (test/util/build.ts).
beforeAll(() => buildWhenStale(), 600_000)

async function start(options: ServerOptions): Promise<{app: FastifyInstance; base: string}> {
  const app = createServer(options)
  await app.listen({port: 0, host: '127.0.0.1'})
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return {app, base: `http://127.0.0.1:${address.port}`}
}

function postJson(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(base + '/v1/check', {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify(body)})
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await run()
  return [value, performance.now() - started]
}

describe('a story that runs out of time is held, never passed', () => {
  let app: FastifyInstance
  let base: string
  beforeAll(async () => ({app, base} = await start({workers: 1, timeoutMs: 1, workerFile: stallWorker})), 120_000)
  afterAll(async () => app?.close())

  test('a 300 KB story with a TK at its end and a 1 ms budget: hold, the TK reported', async () => {
    const body = para.repeat(2900) + 'The mayor said TK people attended.\n'
    expect(body.length).toBeGreaterThan(256 * 1024)
    const response = await postJson(base, {body})
    expect(response.status).toBe(200)
    const result = (await response.json()) as {verdict: string; complete: boolean; incomplete: string[]; reason: string; messages: Array<{ruleId: string; actual: string; line: number}>}
    expect(result.verdict).toBe('hold')
    expect(result.complete).toBe(false)
    expect(result.incomplete).toContain('spelling')
    expect(result.incomplete).not.toContain('leftovers')
    expect(result.reason).toMatch(/^copydesk ran out of time before it finished checking this story/)
    expect(result.messages.map((message) => `${message.ruleId} ${message.line} ${message.actual}`)).toEqual(['leftovers 5801 TK'])
  }, 60_000)
})

test('in process (a caller-supplied checker, or workers: 0) a story out of time is held too', async () => {
  const {app, base} = await start({workers: 0, timeoutMs: 1})
  try {
    const body = para.repeat(60) + 'The mayor said TK people attended.\n'
    const result = (await (await postJson(base, {body})).json()) as {verdict: string; complete: boolean; incomplete: string[]; messages: Array<{ruleId: string; line: number}>}
    expect(result.verdict).toBe('hold')
    expect(result.complete).toBe(false)
    expect(result.incomplete).toContain('spelling')
    expect(result.messages.map((message) => `${message.ruleId} ${message.line}`)).toEqual(['leftovers 121'])
    expect(((await (await fetch(base + '/health')).json()) as {workers: number}).workers).toBe(0)
  } finally {
    await app.close()
  }
}, 60_000)

describe('a check that overruns is cut off in its worker', () => {
  let app: FastifyInstance
  let base: string
  const lines: string[] = []
  const logs = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      done()
    }
  })
  beforeAll(
    async () => ({app, base} = await start({workers: 1, maxQueue: 0, timeoutMs: 1500, workerFile: stallWorker, logger: {level: 'info', stream: logs}})),
    120_000
  )
  afterAll(async () => app?.close())

  test('a crash in a worker is hold with a reason (never a 500), logged with its stack, without the story text', async () => {
    lines.length = 0
    const response = await postJson(base, {body: 'CRASH secret-story-words'})
    expect(response.status).toBe(200)
    const id = response.headers.get('x-request-id')
    expect(id).toMatch(/^[0-9a-f]{12}$/)
    const result = (await response.json()) as {verdict: string; complete: boolean; incomplete: string[]; reason: string; messages: unknown[]}
    expect(result).toMatchObject({
      verdict: 'hold',
      complete: false,
      messages: [],
      reason: 'copydesk failed while checking this story (the error is in the server log); hold it and check again.'
    })
    expect(result.incomplete).toContain('leftovers')
    expect(result.incomplete).toContain('spelling')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const logged = lines.map((line) => JSON.parse(line) as Record<string, any>).filter((line) => line.reqId === id)
    expect(logged.map((line) => [line.level, line.msg])).toEqual([
      [50, 'copydesk failed on a request; answered hold'],
      [30, 'request']
    ])
    expect(logged[0]!.err.message).toBe('a forced failure in the worker')
    expect(logged[0]!.err.stack).toMatch(/stall-worker\.mjs/)
    expect(logged[1]).toMatchObject({method: 'POST', path: '/v1/check', status: 200, size: 24, verdict: 'hold'})
    expect(lines.join('\n')).not.toContain('secret-story-words')
  }, 60_000)

  test('a crash in a worker on the LanguageTool route: 200 with what was found and warnings.incompleteResults, as for time', async () => {
    const response = await fetch(base + '/v2/check', {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: 'language=en-US&text=CRASH+words'})
    expect(response.status).toBe(200)
    const result = (await response.json()) as {matches: unknown[]; warnings?: {incompleteResults: boolean}}
    expect(result.matches).toEqual([])
    expect(result.warnings).toEqual({incompleteResults: true})
  }, 60_000)

  test('a crash on the page route is hold too', async () => {
    const response = await fetch(base + '/page/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({body: 'CRASH words'})})
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({verdict: 'hold', complete: false, reason: 'copydesk failed while checking this story (the error is in the server log); hold it and check again.'})
  }, 60_000)

  test('log lines for a 200 and a 400: method, path, status, time, size, verdict, never the text', async () => {
    lines.length = 0
    const ok = await postJson(base, {body: 'The the secret-story-words.'})
    const bad = await postJson(base, {body: 'secret-story-words', format: 'rtf'})
    expect([ok.status, bad.status]).toEqual([200, 400])
    await new Promise((resolve) => setTimeout(resolve, 50))
    const logged = lines.map((line) => JSON.parse(line) as Record<string, any>)
    expect(logged.map(({reqId, method, path, status, size, verdict, msg, level}) => ({reqId, method, path, status, size, verdict, msg, level}))).toEqual([
      {reqId: ok.headers.get('x-request-id'), method: 'POST', path: '/v1/check', status: 200, size: 27, verdict: 'warn', msg: 'request', level: 30},
      {reqId: bad.headers.get('x-request-id'), method: 'POST', path: '/v1/check', status: 400, size: 44, verdict: undefined, msg: 'request', level: 30}
    ])
    expect(logged.every((line) => typeof line.ms === 'number')).toBe(true)
    expect(lines.join('\n')).not.toContain('secret-story-words')
  }, 60_000)
  test('hold with a reason, the TK it had found, /health answering meanwhile; a full queue gets 503', async () => {
    const stalled = timed(() => postJson(base, {body: 'STALL: the council said TK people came.'}))
    await new Promise((resolve) => setTimeout(resolve, 100))
    const [health, healthMs] = await timed(() => fetch(base + '/health'))
    expect(health.status).toBe(200)
    expect(healthMs).toBeLessThan(1000)
    // One worker, no queue: the next story is refused at once.
    const busy = await postJson(base, {body: 'Another story.'})
    expect(busy.status).toBe(503)
    expect(busy.headers.get('retry-after')).toBe('2')
    expect(((await busy.json()) as {message: string}).message).toBe('copydesk is checking as many stories as it can queue; try again in a moment.')

    const [response, ms] = await stalled
    expect(ms).toBeLessThan(8000)
    const result = (await response.json()) as {verdict: string; complete: boolean; incomplete: string[]; reason: string; messages: Array<{ruleId: string; actual: string; column: number}>}
    expect(result.verdict).toBe('hold')
    expect(result.complete).toBe(false)
    expect(result.incomplete).toContain('spelling')
    expect(result.incomplete).not.toContain('leftovers')
    expect(result.reason).toMatch(/^copydesk stopped checking this story after \d+\.\d s, its time budget/)
    expect(result.messages.map((message) => `${message.ruleId} ${message.column} ${message.actual}`)).toEqual(['leftovers 25 TK'])
    // The story cut off is counted; the crash before it (answered hold, worker not cut off) is not.
    expect(((await (await fetch(base + '/health')).json()) as {cutOff: number}).cutOff).toBe(1)
  }, 60_000)

  test('the worker is replaced: the next story is checked in full', async () => {
    // Until the new worker has loaded its checker, stories are held (never passed).
    let result: {verdict: string; complete: boolean} | undefined
    for (let attempt = 0; attempt < 20 && !result?.complete; attempt++) {
      result = (await (await postJson(base, {body: 'The the cat sat.'})).json()) as {verdict: string; complete: boolean}
      expect(['warn', 'hold']).toContain(result.verdict)
    }
    expect(result).toMatchObject({verdict: 'warn', complete: true})
  }, 60_000)

})

describe('hardening', () => {
  let app: FastifyInstance
  let base: string
  let port: number
  beforeAll(async () => {
    ;({app, base} = await start({workers: 1, token: 's3cret', cors: 'https://cms.example.com', requestTimeout: 1000}))
    port = Number(new URL(base).port)
  }, 120_000)
  afterAll(async () => app?.close())

  const auth = {authorization: 'Bearer s3cret'}

  test('a token is required for checks, not for /health', async () => {
    expect((await fetch(base + '/health')).status).toBe(200)
    const none = await postJson(base, {body: 'Fine.'})
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toBe('Bearer')
    expect((await none.json()) as object).toMatchObject({statusCode: 401, message: 'Send the copydesk token as Authorization: Bearer <token>.'})
    expect((await postJson(base, {body: 'Fine.'}, {authorization: 'Bearer s3creT'})).status).toBe(401)
    expect((await postJson(base, {body: 'Fine.'}, auth)).status).toBe(200)
  }, 30_000)

  test('browser requests from an origin not allowed are refused, form posts included; no Origin is fine', async () => {
    const form = (headers: Record<string, string>) =>
      fetch(base + '/v2/check', {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded', ...auth, ...headers}, body: 'text=Fine.&language=en-US'})
    const evil = await form({origin: 'https://evil.example'})
    expect(evil.status).toBe(403)
    expect(((await evil.json()) as {message: string}).message).toBe('This origin may not call copydesk; start it with --cors ORIGIN to allow a CMS page.')
    const allowed = await form({origin: 'https://cms.example.com'})
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://cms.example.com')
    const same = await form({origin: `http://127.0.0.1:${port}`})
    expect(same.status).toBe(200)
    expect((await form({})).status).toBe(200)
  }, 30_000)

  test('a client that sends a body a byte at a time is cut off', async () => {
    const started = performance.now()
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      let received = ''
      socket.on('data', (chunk) => (received += String(chunk)))
      socket.on('error', () => {})
      socket.on('close', () => {
        clearInterval(drip)
        resolve(received)
      })
      socket.write(`POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer s3cret\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`)
      const drip = setInterval(() => socket.write(' '), 300)
    })
    expect(reply).toMatch(/^HTTP\/1\.1 408/)
    expect(performance.now() - started).toBeLessThan(5000)
  }, 30_000)

  test('an error reply quotes a short, escaped prefix of what was sent', async () => {
    const language = '"<' + 'a'.repeat(900_000)
    const response = await fetch(base + '/v2/check', {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded', ...auth},
      body: new URLSearchParams({text: 'Fine.', language}).toString()
    })
    expect(response.status).toBe(400)
    const text = await response.text()
    expect(text.length).toBeLessThan(400)
    // LanguageTool's plain-text error, with at most 40 characters of what was sent, escaped.
    expect(text).toBe(
      `Error: "\\"<${'a'.repeat(38)}"… is not a language code copydesk checks: it checks English only. Supported language codes are: auto, en, en-US, en-GB`
    )
  }, 30_000)
})

test('serve refuses to listen beyond loopback without a token', () => {
  const result = spawnSync(process.execPath, [bin, 'serve', '--host', '0.0.0.0', '--port', '0'], {encoding: 'utf8', env: {...process.env, COPYDESK_TOKEN: ''}, timeout: 30_000})
  expect(result.status).toBe(2)
  expect(result.stderr).toBe(
    'copydesk: --host 0.0.0.0 lets other machines in: set a token with --token or COPYDESK_TOKEN (clients send Authorization: Bearer <token>)\n'
  )
}, 30_000)
