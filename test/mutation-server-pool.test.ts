/**
 * The worker pool's answers where test/server-pool.test.ts does not reach
 * (found by mutation testing, docs/mutation.md): a story whose worker posts
 * no critical finding before it is cut off is held with every check named,
 * the time it took said in seconds; a story whose markup cannot be read is
 * 422 from a worker too, not held as a failure.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {beforeAll, describe, expect, test} from 'vitest'
import {createServer} from '../src/faces/server.js'
import {buildIfStale} from './util/build.js'

// The workers run dist/: build it when src/ is newer.
beforeAll(() => buildIfStale(), 600_000)

const all = [
  'acronyms', 'confusables', 'courtesy-titles', 'dates', 'dialect', 'empty-story', 'house-forms', 'indefinite-article', 'leftovers',
  'money', 'name-consistency', 'numbers', 'percent', 'repeated-word', 'spelling', 'states', 'times', 'titles', 'word-collision'
]

describe('the worker pool', () => {
  test('a story whose worker starts but posts no critical finding before the budget: hold, every check named, the seconds said', async () => {
    // copydesk's worker, except that a story holding STALL is started and never finished (until the pool terminates it).
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-mutation-pool-'))
    const workerFile = path.join(folder, 'silent-worker.mjs')
    const real = pathToFileURL(path.resolve(import.meta.dirname, '../dist/faces/worker.js')).href
    fs.writeFileSync(
      workerFile,
      `import {threadId} from 'node:worker_threads'\nimport checkStory, {note} from ${JSON.stringify(real)}\nexport default async function (task) {\n  if (!task.body.includes('STALL')) return checkStory(task)\n  note(task, {started: true, worker: threadId})\n  for (;;) {}\n}\n`
    )
    const app = createServer({workers: 1, timeoutMs: 100, workerFile})
    try {
      await app.ready()
      const response = await app.inject({method: 'POST', url: '/v1/check', payload: {body: 'STALL. The mayor said TK.'}})
      expect(response.statusCode).toBe(200)
      const result = response.json() as {verdict: string; complete: boolean; incomplete: string[]; messages: unknown[]; reason: string}
      expect(result).toMatchObject({verdict: 'hold', complete: false, incomplete: all, messages: []})
      const [, seconds] = /^copydesk could not check this story within (\d+\.\d) s and stopped; hold it and check again, or check it in parts\.$/.exec(result.reason) ?? []
      // Cut off about 2 s after it started (the critical checks' own allowance): said in seconds, not milliseconds.
      expect(Number(seconds)).toBeGreaterThanOrEqual(1.9)
      expect(Number(seconds)).toBeLessThan(60)
      expect((await app.inject({method: 'GET', url: '/health'})).json()).toMatchObject({workers: 1, pending: 0, cutOff: 1})
    } finally {
      await app.close()
      fs.rmSync(folder, {recursive: true, force: true})
    }
  }, 120_000)

  test('a story whose markup cannot be read is 422 from a worker too', async () => {
    const app = createServer({workers: 1, timeoutMs: 60_000})
    try {
      const response = await app.inject({method: 'POST', url: '/v1/check', payload: {body: '<div>'.repeat(20_000) + 'TK', format: 'html'}})
      expect(response.statusCode).toBe(422)
      expect(response.json()).toMatchObject({statusCode: 422, message: expect.stringMatching(/^copydesk: the story’s markup is nested too deeply to read/)})
    } finally {
      await app.close()
    }
  }, 120_000)
})
