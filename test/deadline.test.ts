/**
 * The time budget (src/deadline.ts): a check starts while its story's
 * deadline has not passed, and a check that does not start is named; the
 * must-never-publish checks run whatever the clock says. Found by mutation
 * testing (docs/mutation.md).
 */
import {unified, type Plugin} from 'unified'
import {VFile} from 'vfile'
import {afterEach, describe, expect, test, vi} from 'vitest'
import {retext} from 'retext'
import {codePlugins, createChecker} from '../src/index.js'
import {deadlineOf, incompleteChecks, markSkipped, pastDeadline, setDeadline, skippedChecks, withDeadlines} from '../src/deadline.js'

// Made in each test, not when the file loads: a checker builds its pipelines (withDeadlines) at once, and
// code run while a test file loads is a "static" mutant to Stryker: a mutant that broke it would stop the
// file loading, which Stryker 9.6 counts as survived (docs/mutation.md).
const checker = () => createChecker()
const rest = [
  'acronyms', 'confusables', 'courtesy-titles', 'dates', 'dialect', 'empty-story', 'house-forms', 'indefinite-article',
  'money', 'name-consistency', 'numbers', 'percent', 'repeated-word', 'spelling', 'states', 'times', 'titles', 'word-collision'
]
const story = 'Residents left the the town.\n\nCasualties: TK.'

/** `ruleId line:column` of each message. */
function found(file: VFile): string[] {
  return file.messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`)
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the deadline of a story', () => {
  test('a story without one is checked in full', async () => {
    const file = new VFile({value: story})
    expect(deadlineOf(file)).toBeUndefined()
    expect(pastDeadline(file)).toBe(false)
    const checked = await checker().check(file)
    expect(incompleteChecks(checked)).toEqual([])
    expect(skippedChecks(checked)).toBe(0)
    expect(found(checked)).toEqual(['repeated-word 1:16', 'leftovers 3:13'])
  })

  test('checks start until the deadline has passed: at the deadline itself they still run', async () => {
    vi.useFakeTimers({toFake: ['Date']})
    vi.setSystemTime(new Date('2026-03-12T09:00:00Z'))
    const file = new VFile({value: story})
    setDeadline(file, 0)
    expect(deadlineOf(file)).toBe(Date.now())
    expect(pastDeadline(file)).toBe(false)
    const checked = await checker().check(file)
    expect(incompleteChecks(checked)).toEqual([])
    expect(found(checked)).toEqual(['repeated-word 1:16', 'leftovers 3:13'])
  })

  test.each(['text', 'markdown', 'html'] as const)('past the deadline, only the must-never-publish checks run (%s), and the others are named', async (format) => {
    vi.useFakeTimers({toFake: ['Date']})
    vi.setSystemTime(new Date('2026-03-12T09:00:00Z'))
    const file = new VFile({value: story})
    setDeadline(file, -1)
    expect(pastDeadline(file)).toBe(true)
    const checked = await checker().check(file, {format, headline: 'Storm floods the the harbor TK'})
    expect(incompleteChecks(checked)).toEqual(rest)
    expect(skippedChecks(checked)).toBe(rest.length)
    expect(checked.messages.map((message) => `${(message.data as {field?: string} | undefined)?.field ?? 'body'} ${message.ruleId} ${message.actual}`)).toEqual([
      'headline leftovers TK',
      'body leftovers TK'
    ])
  })

  test('the list of incomplete checks is a copy', async () => {
    const file = new VFile({value: story})
    markSkipped(file, ['spelling'])
    incompleteChecks(file).push('titles')
    expect(incompleteChecks(file)).toEqual(['spelling'])
  })

  test('checks skipped twice (two sections, or headline and body) are named once, sorted', () => {
    const file = new VFile({value: story})
    markSkipped(file, ['titles', 'spelling'])
    markSkipped(file, new Set(['spelling', 'acronyms']))
    expect(incompleteChecks(file)).toEqual(['acronyms', 'spelling', 'titles'])
    expect(skippedChecks(file)).toBe(3)
  })
})

describe('withDeadlines: which plugins a deadline stops', () => {
  /** A processor over a tiny tree, past its deadline or not, recording which transformers ran. */
  async function runWith(plugins: Array<[Plugin<any[], any>, ...unknown[]]>, past: boolean): Promise<{ran: string[]; skipped: string[]}> {
    const ran: string[] = []
    const processor = withDeadlines(unified())
    for (const [plugin, ...options] of plugins) processor.use(plugin as never, ...(options as never[]))
    const file = new VFile({value: 'x', data: {ran}})
    if (past) setDeadline(file, -1000)
    await processor.run({type: 'root'} as never, file)
    return {ran, skipped: incompleteChecks(file)}
  }

  const helper: Plugin<[], any> = function () {
    return (_tree, file) => {
      ;(file.data.ran as string[]).push('helper')
    }
  }
  const kindPlugin: Plugin<[{files: Array<{ruleId: unknown}>}], any> = function () {
    return (_tree, file) => {
      ;(file.data.ran as string[]).push('kind')
    }
  }
  const callbackStyle: Plugin<[], any> = function () {
    return (tree: unknown, file: VFile, next: (error?: Error | null, tree?: unknown) => void) => {
      ;(file.data.ran as string[]).push('callback')
      setTimeout(() => next(null, tree), 1)
    }
  }
  const failing: Plugin<[], any> = function () {
    return (_tree: unknown, _file: VFile, next: (error?: Error) => void) => {
      setTimeout(() => next(new Error('the dictionary did not load')), 1)
    }
  }
  const noTransformer: Plugin<[], any> = function () {}

  test('in time, every plugin runs, a callback-style one to its end', async () => {
    expect(await runWith([[helper], [kindPlugin, {files: [{ruleId: 'desk-notes'}]}], [callbackStyle], [noTransformer]], false)).toEqual({
      ran: ['helper', 'kind', 'callback'],
      skipped: []
    })
  })

  test('past the deadline, a kind plugin with rules files does not run and names them; helpers run', async () => {
    const files = [{ruleId: 'desk-notes'}, {ruleId: 'local-names'}, {ruleId: 42}]
    expect(await runWith([[helper], [kindPlugin, {files}], [callbackStyle]], true)).toEqual({
      ran: ['helper', 'callback'],
      skipped: ['desk-notes', 'local-names']
    })
  })

  test('a plugin given no rules files is a helper', async () => {
    expect(await runWith([[kindPlugin, {files: 'desk-notes'}]], true)).toEqual({ran: ['kind'], skipped: []})
    expect(await runWith([[kindPlugin]], true)).toEqual({ran: ['kind'], skipped: []})
  })

  test('an error a callback-style check passes on fails the run', async () => {
    await expect(runWith([[failing]], false)).rejects.toThrow('the dictionary did not load')
  })

  test('a deadline that passes between two checks stops the code checks after it, named as the check', async () => {
    // check() skips every check of a story already out of time before they start; here the time runs out
    // while one runs (a helper that takes 10 ms), so the code check after it finds its slip only in time.
    vi.useFakeTimers({toFake: ['Date']})
    vi.setSystemTime(new Date('2026-03-12T09:00:00Z'))
    const slow: Plugin<[], any> = function () {
      return () => {
        vi.setSystemTime(Date.now() + 10)
      }
    }
    const run = async (budget: number) => {
      const file = new VFile({value: 'Residents left the the town.'})
      setDeadline(file, budget)
      await withDeadlines(retext()).use(slow).use(codePlugins['repeated-word']).process(file)
      return {messages: file.messages.map(String), skipped: incompleteChecks(file)}
    }
    expect(await run(60_000)).toEqual({messages: ['1:16-1:23: Remove the repeated `the`'], skipped: []})
    expect(await run(5)).toEqual({messages: [], skipped: ['repeated-word']})
  })

  test('a preset (an object, not a plugin) is used as given', async () => {
    expect(await runWith([[{plugins: [helper]} as never]], true)).toEqual({ran: ['helper'], skipped: []})
  })

  test('the same plugin used on two processors keeps its name', () => {
    const named: Plugin<[], any> = function retextNamed() {
      return () => {}
    }
    const first = withDeadlines(unified()).use(named)
    const second = withDeadlines(unified()).use(named)
    const attached = (processor: typeof first) => (processor as unknown as {attachers: Array<[{name: string}]>}).attachers.map(([plugin]) => plugin)
    expect(attached(first)[0].name).toBe('retextNamed')
    expect(attached(first)[0]).toBe(attached(second)[0])
  })
})
