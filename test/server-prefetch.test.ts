/**
 * The pool keeps every worker busy while stories wait (src/faces/pool.ts):
 * each worker is handed its next story while it checks one, so it never
 * waits for the server's thread between two stories. Counted, not timed:
 * which worker took each story and what it already held. A story waiting
 * in a worker is never the reason that worker is cut off, and goes back to
 * the queue when the story ahead of it is.
 */
import {BroadcastChannel} from 'node:worker_threads'
import {fileURLToPath} from 'node:url'
import {beforeAll, expect, test} from 'vitest'
import {createPool} from '../src/faces/pool.js'
import {buildIfStale} from './util/build.js'

const laneWorker = fileURLToPath(new URL('fixtures/server/lane-worker.mjs', import.meta.url))
const stallWorker = fileURLToPath(new URL('fixtures/server/stall-worker.mjs', import.meta.url))
const clean = 'The council met on Tuesday to discuss the budget for the coming year.'
const story = (body: string) => ({body, format: 'text' as const, dialect: 'en-US' as const})

beforeAll(() => buildIfStale(), 600_000)

test('two workers and a backlog of 8 stories: both check stories, each handed its next while it checks one', async () => {
  const pool = createPool({workers: 2, workerFile: laneWorker})
  const handed: Array<{worker: number; held: number}> = []
  const channel = new BroadcastChannel('copydesk-lane-test')
  channel.onmessage = (event) => handed.push((event as MessageEvent).data as {worker: number; held: number})
  try {
    // Both workers loaded and idle.
    await Promise.all([pool.run(story(clean), 120_000, true), pool.run(story(clean), 120_000, true)])
    handed.length = 0
    const outcomes = await Promise.all(Array.from({length: 8}, (_, index) => pool.run(story(`${clean} Story ${index + 1}.`), 120_000)))
    expect(outcomes.map((outcome) => outcome.complete)).toEqual(Array(8).fill(true))
    const perWorker = new Map<number, number>()
    for (const outcome of outcomes) perWorker.set(outcome.worker!, (perWorker.get(outcome.worker!) ?? 0) + 1)
    // Both check stories (how many each is the scheduler's and the machine's load: one worker got 1 of 8 beside other test files).
    expect(perWorker.size).toBe(2)
    // The third and fourth stories went to a worker already checking one (no worker ever held more than two).
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(handed).toHaveLength(8)
    expect(handed.filter((entry) => entry.held === 1).length).toBeGreaterThanOrEqual(2)
    expect(handed.every((entry) => entry.held <= 1)).toBe(true)
  } finally {
    channel.close()
    await pool.close()
  }
}, 180_000)

test('a story waiting behind one that is cut off goes back to the queue and is checked in full', async () => {
  const pool = createPool({workers: 1, workerFile: stallWorker, grace: 200})
  try {
    await pool.run(story(clean), 120_000, true)
    const stalled = pool.run(story('STALL: the council said TK people came.'), 300)
    const next = pool.run(story('The the council met.'), 120_000)
    const [cut, checked] = await Promise.all([stalled, next])
    expect(cut).toMatchObject({complete: false, messages: [{ruleId: 'leftovers', actual: 'TK'}]})
    expect(checked.complete).toBe(true)
    expect(checked.messages.map((message) => `${message.ruleId} ${message.actual}`)).toEqual(['repeated-word The the'])
    expect(pool.cutOff).toBe(1)
  } finally {
    await pool.close()
  }
}, 180_000)

test('a story whose allowance runs out while it waits in a worker is answered without cutting off the story ahead', async () => {
  const pool = createPool({workers: 1, workerFile: stallWorker})
  try {
    await pool.run(story(clean), 120_000, true)
    // Keeps the worker 4 s; the story behind it is given up at its 1 ms budget + the 2 s allowance.
    const slow = pool.run(story('SLOW 4000:' + clean), 120_000)
    const late = await pool.run(story('The the council met.'), 1)
    expect(late).toMatchObject({complete: false, messages: []})
    expect(late.reason).toMatch(/^copydesk could not check this story within \d+\.\d s and stopped/)
    expect(await slow).toMatchObject({complete: true, messages: []})
    expect(pool.cutOff).toBe(0)
    // The same worker checks the next story (the one given up was skipped, not checked).
    expect((await pool.run(story('The the council met.'), 120_000)).messages.map((message) => message.ruleId)).toEqual(['repeated-word'])
  } finally {
    await pool.close()
  }
}, 180_000)

test('a worker holds no memory per story: its heap after 3,000 stories is what it was after 500', async () => {
  // (Each story once carried a MessagePort of its own, and each left about 1 KB in the worker's heap.)
  const pool = createPool({workers: 1, workerFile: fileURLToPath(new URL('fixtures/server/heap-worker.mjs', import.meta.url))})
  const heap = async () => (await pool.run(story('HEAP?'), 120_000)).worker!
  const stories = async (count: number) => {
    for (let done = 0; done < count; done += 20) await Promise.all(Array.from({length: 20}, () => pool.run(story(clean), 120_000)))
  }
  try {
    await stories(500)
    const before = await heap()
    await stories(2500)
    const after = await heap()
    expect(after - before).toBeLessThan(1024 * 1024)
  } finally {
    await pool.close()
  }
}, 300_000)
