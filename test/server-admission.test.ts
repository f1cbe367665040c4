/**
 * The server queues rather than refuses (src/faces/pool.ts, `Admission`): a
 * story is admitted while its expected wait (stories ahead per worker × the
 * recent cost of a story) fits its budget, and while the text queued stays
 * under the byte bound; beyond, 503 with `Retry-After`. A story whose budget
 * runs out while it waits is held, never passed. Real sockets on
 * 127.0.0.1; costs from a worker that keeps busy a set time (`SLOW <ms>:`).
 */
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {createServer, type ServerOptions} from '../src/faces/server.js'
import {Admission, BusyError} from '../src/faces/pool.js'
import {buildIfStale} from './util/build.js'

const stallWorker = fileURLToPath(new URL('fixtures/server/stall-worker.mjs', import.meta.url))

async function start(options: ServerOptions): Promise<{app: FastifyInstance; base: string}> {
  const app = createServer(options)
  await app.listen({port: 0, host: '127.0.0.1'})
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return {app, base: `http://127.0.0.1:${address.port}`}
}

function postJson(base: string, body: unknown) {
  return fetch(base + '/v1/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)})
}

const clean = 'The council met on Tuesday to discuss the budget for the coming year.'

describe('Admission', () => {
  test('a free worker admits any story; a busy one admits while the expected wait fits the budget', () => {
    const admission = new Admission(1, 1000)
    // No cost measured yet: every story fits.
    admission.admit(10, 1)
    admission.admit(10, 1)
    expect(admission.pending).toBe(2)
    admission.release(10, 1000)
    admission.release(10, 1000)
    expect(admission.costMs).toBe(1000)
    // A free worker: no wait.
    admission.admit(10, 1)
    // One running, 1,000 ms a story: the next waits about 1,000 ms and takes 1,000 ms.
    expect(admission.expectedWait()).toBe(1000)
    admission.admit(10, 2000)
    expect(admission.expectedWait()).toBe(2000)
    expect(() => admission.admit(10, 2999)).toThrow(BusyError)
    try {
      admission.admit(10, 2500)
      expect.unreachable()
    } catch (error) {
      // 2,000 ms ahead + 1,000 ms its own, 500 ms over its budget: try again in 1 s.
      expect(error).toBeInstanceOf(BusyError)
      expect((error as BusyError).retryAfter).toBe(1)
      expect((error as BusyError).message).toBe(
        'copydesk would not check this story within its time budget (about 2.0 s of stories are queued ahead of it); try again in a moment.'
      )
    }
    expect(admission.pending).toBe(2)
    admission.admit(10, 3000)
    expect(admission.pending).toBe(3)
  })

  test('two workers halve the wait; the cost is a moving average of recent stories', () => {
    const admission = new Admission(2, 1000)
    admission.admit(1, 1)
    admission.release(1, 1000)
    admission.admit(1, 1)
    admission.release(1, 2000)
    expect(admission.costMs).toBe(1200)
    admission.admit(1, 1)
    admission.admit(1, 1)
    // Two running: the next starts when one of them is done, about half a story's cost on average.
    expect(admission.expectedWait()).toBe(600)
    expect(() => admission.admit(1, 1700)).toThrow(BusyError)
    admission.admit(1, 1800)
    expect(admission.expectedWait()).toBe(1200)
  })

  test('memory is bounded by bytes queued, not a count', () => {
    const admission = new Admission(1, 100)
    // A worker free: admitted whatever its size (the body limit bounds it).
    admission.admit(500, 3000)
    expect(() => admission.admit(1, 3000)).toThrow(BusyError)
    admission.release(500)
    admission.admit(60, 3000)
    admission.admit(40, 3000)
    expect(() => admission.admit(1, 3000)).toThrow(BusyError)
    expect(admission.pendingBytes).toBe(100)
    admission.release(40)
    // Thousands of small stories fit where one big one does not.
    for (let index = 0; index < 40; index++) admission.admit(1, 3000)
    expect(admission.pending).toBe(41)
  })

  test('maxQueue stays a hard cap when given', () => {
    const admission = new Admission(1, 1000, 1)
    admission.admit(1, 3000)
    admission.admit(1, 3000)
    expect(() => admission.admit(1, 3000)).toThrow(BusyError)
  })
})

describe('the server, one worker', () => {
  let app: FastifyInstance
  let base: string
  beforeAll(async () => {
    buildIfStale()
    ;({app, base} = await start({workers: 1, timeoutMs: 3000, workerFile: stallWorker}))
  }, 600_000)
  afterAll(async () => app?.close())

  test('a story whose budget the queue cannot meet gets 503 with Retry-After; one that fits is checked', async () => {
    // A story that costs 1.6 s in the worker: the recent cost.
    const first = (await (await postJson(base, {body: 'SLOW 1600:' + clean})).json()) as {verdict: string; complete: boolean}
    expect(first).toMatchObject({verdict: 'pass', complete: true})
    expect(((await (await fetch(base + '/health')).json()) as {pending: number}).pending).toBe(0)
    // Another such story running: one arriving now would wait about 1.6 s and take 1.6 s, over its 3 s.
    const running = postJson(base, {body: 'SLOW 1600:' + clean})
    await new Promise((resolve) => setTimeout(resolve, 200))
    const refused = await postJson(base, {body: clean})
    expect(refused.status).toBe(503)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(((await refused.json()) as {message: string}).message).toMatch(/^copydesk would not check this story within its time budget/)
    expect((await running).status).toBe(200)
    // The worker free again: admitted and checked in full.
    const after = (await (await postJson(base, {body: clean})).json()) as {verdict: string; complete: boolean}
    expect(after).toMatchObject({verdict: 'pass', complete: true})
  }, 120_000)

})

describe('the server, one worker, 4,000 bytes of text at most', () => {
  let app: FastifyInstance
  let base: string
  beforeAll(async () => {
    buildIfStale()
    ;({app, base} = await start({workers: 1, timeoutMs: 10_000, maxQueueBytes: 4000, workerFile: stallWorker}))
  }, 600_000)
  afterAll(async () => app?.close())

  test('a story that would pass the bound is refused while another is queued; a small one is admitted', async () => {
    const running = postJson(base, {body: 'SLOW 1000:' + clean})
    await new Promise((resolve) => setTimeout(resolve, 200))
    const big = await postJson(base, {body: (clean + ' ').repeat(60)})
    expect(big.status).toBe(503)
    expect(Number(big.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(((await big.json()) as {message: string}).message).toBe('copydesk is checking as many stories as it can queue; try again in a moment.')
    const small = await postJson(base, {body: clean})
    expect(small.status).toBe(200)
    expect((await running).status).toBe(200)
  }, 120_000)
})

describe('a story whose budget runs out while it waits', () => {
  let app: FastifyInstance
  let base: string
  beforeAll(async () => {
    buildIfStale()
    ;({app, base} = await start({workers: 1, timeoutMs: 1500, workerFile: stallWorker}))
  }, 600_000)
  afterAll(async () => app?.close())

  test('is held, never passed, though a full check would pass it', async () => {
    const stalled = postJson(base, {body: 'STALL: the council said TK people came.'})
    await new Promise((resolve) => setTimeout(resolve, 100))
    // No cost measured (warm-up stories are not; the stalled one never finishes): admitted, and waits past its budget.
    const queued = await postJson(base, {body: clean})
    expect(queued.status).toBe(200)
    const result = (await queued.json()) as {verdict: string; complete: boolean; incomplete: string[]; reason: string}
    expect(result.verdict).toBe('hold')
    expect(result.complete).toBe(false)
    expect(result.incomplete).toContain('spelling')
    expect(result.reason).toMatch(/^copydesk (could not check|stopped checking|ran out of time)/)
    expect(((await (await stalled).json()) as {verdict: string}).verdict).toBe('hold')
    // The same story, checked in time, passes: the hold was the queue's.
    let later: {verdict: string; complete: boolean} | undefined
    for (let attempt = 0; attempt < 20 && !later?.complete; attempt++) {
      later = (await (await postJson(base, {body: clean})).json()) as {verdict: string; complete: boolean}
      expect(['pass', 'hold']).toContain(later.verdict)
    }
    expect(later).toMatchObject({verdict: 'pass', complete: true})
  }, 120_000)
})
