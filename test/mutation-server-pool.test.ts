/**
 * The worker pool's answers where test/server-pool.test.ts does not reach
 * (found by mutation testing, docs/mutation.md): a story whose worker posts
 * no critical finding before it is cut off is held with every check named,
 * the time it took said in seconds; a story dropped from the queue before a
 * worker started it is not counted as cut off, and a LanguageTool client is
 * told its results are incomplete; a worker cut off or failing after the
 * floor posted keeps the TK and the switch it overrode, the other checks
 * named in order; a story whose markup cannot be read is 422 from a worker
 * too, not held as a failure.
 */
import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, test} from 'vitest'
import {createServer} from '../src/faces/server.js'
import {buildWhenStale} from './util/build.js'

// The workers run dist/: build it when src/ is newer.
beforeAll(() => buildWhenStale(), 600_000)

const all = [
  'acronyms', 'confusables', 'courtesy-titles', 'dates', 'dialect', 'empty-story', 'house-forms', 'indefinite-article', 'leftovers',
  'money', 'name-consistency', 'numbers', 'percent', 'repeated-word', 'spelling', 'states', 'times', 'titles', 'word-collision'
]

const silentWorker = fileURLToPath(new URL('fixtures/server/silent-worker.mjs', import.meta.url))
const afterFloorWorker = fileURLToPath(new URL('fixtures/server/after-floor-worker.mjs', import.meta.url))

describe('the worker pool', () => {
  test('a story whose worker starts but posts no critical finding before the budget: hold, every check named, the seconds said', async () => {
    const app = createServer({workers: 1, timeoutMs: 100, workerFile: silentWorker})
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
    }
  }, 120_000)

  test('a story cut off while running counts in /health, one dropped from the queue before it started does not', async () => {
    const app = createServer({workers: 1, timeoutMs: 100, workerFile: silentWorker})
    try {
      await app.ready()
      // The first story holds the one worker about 6 s (2 s for its critical checks, and 20 ms per KB of its 200 KB);
      // the second waits behind it and is dropped from the queue about 2 s after its own budget.
      const running = app.inject({method: 'POST', url: '/v1/check', payload: {body: 'STALL. ' + 'The council met on Tuesday.\n\n'.repeat(7000)}})
      await new Promise((resolve) => setTimeout(resolve, 200))
      const queued = await app.inject({
        method: 'POST',
        url: '/v2/check',
        headers: {'content-type': 'application/x-www-form-urlencoded'},
        payload: 'language=en-US&text=The+mayor+said+TK.'
      })
      // A LanguageTool client is told the results are incomplete (there are none).
      expect(queued.statusCode).toBe(200)
      expect(queued.json()).toMatchObject({matches: [], warnings: {incompleteResults: true}})
      expect((await app.inject({method: 'GET', url: '/health'})).json()).toMatchObject({pending: 1, cutOff: 0})
      const result = (await running).json() as {verdict: string; incomplete: string[]}
      expect(result).toMatchObject({verdict: 'hold', incomplete: all})
      expect((await app.inject({method: 'GET', url: '/health'})).json()).toMatchObject({pending: 0, cutOff: 1})
    } finally {
      await app.close()
    }
  }, 180_000)

  test('a worker cut off, or failing, after the floor posted its findings: the TK, the switch the floor overrode, the rest named in order', async () => {
    const rest = all.filter((id) => id !== 'leftovers')
    const switched = (word: string) => ['<p>The council met on Monday.</p>', '<!-- copydesk disable -->', `<p>Casualties: TK. ${word}</p>`, '<!-- copydesk enable -->'].join('\n')
    // A 3 s budget: the floor's findings are posted well inside it even on a loaded machine (cut off about 1 s after them).
    const app = createServer({workers: 2, timeoutMs: 3000, workerFile: afterFloorWorker})
    try {
      await app.ready()
      const crashed = await app.inject({method: 'POST', url: '/v1/check', payload: {body: switched('CRASH'), format: 'html'}})
      expect(crashed.json()).toMatchObject({
        verdict: 'hold',
        complete: false,
        incomplete: rest,
        reason: 'copydesk failed while checking this story (the error is in the server log); hold it and check again.',
        overridden: ['story: <!-- copydesk disable --> at 2:1'],
        messages: [{ruleId: 'leftovers', actual: 'TK', line: 3, column: 16}]
      })
      // One after the other: the second story goes to the other worker while the first's is replaced.
      const cut = await app.inject({method: 'POST', url: '/v1/check', payload: {body: switched('STALL'), format: 'html'}})
      const result = cut.json() as Record<string, unknown>
      expect(result).toMatchObject({
        verdict: 'hold',
        complete: false,
        incomplete: rest,
        overridden: ['story: <!-- copydesk disable --> at 2:1'],
        messages: [{ruleId: 'leftovers', actual: 'TK', line: 3, column: 16}]
      })
      expect(result.reason).toMatch(/^copydesk stopped checking this story after \d+\.\d s, its time budget; the checks for copy that must never be published ran, the others did not: hold it and check again, or check it in parts\.$/)
      const lt = await app.inject({method: 'POST', url: '/v2/check', headers: {'content-type': 'application/x-www-form-urlencoded'}, payload: 'language=en-US&text=STALL.+The+mayor+said+TK.'})
      expect(lt.json()).toMatchObject({matches: [{offset: 22, length: 2, rule: {id: 'COPYDESK_LEFTOVERS'}}], warnings: {incompleteResults: true}})
      expect((await app.inject({method: 'GET', url: '/health'})).json()).toMatchObject({pending: 0, cutOff: 2})
    } finally {
      await app.close()
    }
  }, 180_000)

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
