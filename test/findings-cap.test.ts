/**
 * Issue 18, bounded replies: a story of 300,000 `TK`s made a 93.5 MB reply
 * and took the server's memory from 483 MB to 1.6 GB. At most `maxFindings`
 * findings (default 1,000) are kept per story, the most important first; the
 * counts and the verdict still cover every finding, and every face says how
 * many were left out.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {check, createChecker, prePublish, toFileResult} from '../src/index.js'
import {createServer} from '../src/faces/server.js'
import {buildWhenStale} from './util/build.js'
import {listen} from './util/listen.js'

const leftover = 'Remove `TK` before publishing: it marks copy still to come'

describe('check()', () => {
  test('keeps 1,000 findings by default; toFileResult counts them all and says how many were left out', async () => {
    const file = await check('TK '.repeat(3000))
    expect(file.messages).toHaveLength(1000)
    // The first 1,000 in story order.
    expect(file.messages.slice(0, 2).map(String)).toEqual([`1:1-1:3: ${leftover}`, `1:4-1:6: ${leftover}`])
    expect(String(file.messages[999])).toBe(`1:2998-1:3000: ${leftover}`)
    const result = toFileResult(file)
    expect(result.counts).toEqual({error: 3000, warning: 0, suggestion: 0})
    expect(result.omitted).toBe(2000)
    expect(result.omittedRules).toEqual({leftovers: 2000})
    expect(result.messages).toHaveLength(1000)
  }, 120_000)

  test('keeps errors before warnings, whatever their place in the story', async () => {
    // 20 misspellings (warnings), one repeated word (warning), then two TKs (errors) at the end.
    const story = 'Teh cat sat.\n\n'.repeat(20) + 'TK TK'
    const file = await check(story, {maxFindings: 5})
    expect(file.messages.map(String)).toEqual([
      '1:1-1:4: `Teh` is not in the dictionary; did you mean `The`?',
      '3:1-3:4: `Teh` is not in the dictionary; did you mean `The`?',
      '5:1-5:4: `Teh` is not in the dictionary; did you mean `The`?',
      `41:1-41:3: ${leftover}`,
      `41:4-41:6: ${leftover}`
    ])
    expect(toFileResult(file)).toMatchObject({counts: {error: 2, warning: 21, suggestion: 0}, omitted: 18, omittedRules: {spelling: 17, 'repeated-word': 1}})
  }, 60_000)

  test('a long story in sections keeps the cap between sections and counts every finding', async () => {
    // Past the 256 KB section size: findings are capped as each section is done.
    const story = ('TK. ' + 'The council met. '.repeat(4) + '\n\n').repeat(4000)
    expect(story.length).toBeGreaterThan(256 * 1024)
    const file = await check(story, {maxFindings: 10})
    expect(file.messages).toHaveLength(10)
    expect(file.messages.every((message) => message.ruleId === 'leftovers')).toBe(true)
    expect(file.messages.map((message) => message.line)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19])
    expect(toFileResult(file)).toMatchObject({counts: {error: 4000}, omitted: 3990, omittedRules: {leftovers: 3990}})
  }, 300_000)

  test('maxFindings: Infinity keeps them all; a bad value is a TypeError', async () => {
    const file = await check('TK '.repeat(1500), {maxFindings: Number.POSITIVE_INFINITY})
    expect(file.messages).toHaveLength(1500)
    expect(toFileResult(file).omitted).toBeUndefined()
    for (const value of [0, -1, 2.5, '10', Number.NaN]) {
      expect(() => createChecker({maxFindings: value as number})).toThrowError(/option `maxFindings` must be a whole number of at least 1, or Infinity/)
    }
  }, 120_000)
})

describe('prePublish', () => {
  const story = {body: 'Teh cat sat.\n\n'.repeat(20) + 'TK TK'}

  test.each([
    ['without a budget', {}],
    ['with a budget (critical checks first)', {timeoutMs: 600_000}]
  ])('%s: exact counts, the blocking finding kept, omitted said', async (_name, extra) => {
    const result = await prePublish(story, {}, {options: {maxFindings: 5}, ...extra})
    expect(result).toMatchObject({verdict: 'block', counts: {error: 2, warning: 21, suggestion: 0}, complete: true, omitted: 18, omittedRules: {spelling: 17, 'repeated-word': 1}})
    expect(result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual([
      '1:1 spelling',
      '3:1 spelling',
      '5:1 spelling',
      '41:1 leftovers',
      '41:4 leftovers'
    ])
  }, 120_000)

  test('the verdict counts findings the cap left out (a policy that blocks on warnings)', async () => {
    // Five errors fill the cap; the warnings are all left out, and still block.
    const result = await prePublish({body: 'TK TK TK TK TK.\n\nTeh cat sat.'}, {block: ['warning'], warn: []}, {options: {maxFindings: 5, checks: {'repeated-word': 'off'}}})
    expect(result.messages.map((message) => message.severity)).toEqual(['error', 'error', 'error', 'error', 'error'])
    expect(result).toMatchObject({verdict: 'block', counts: {error: 5, warning: 1}, omitted: 1, omittedRules: {spelling: 1}})
  }, 60_000)
})

describe('the server', () => {
  let app: FastifyInstance
  let base: string

  // Its worker runs dist/: build it when it is stale (test/util/build.ts).
  beforeAll(() => buildWhenStale(), 600_000)

  beforeAll(async () => {
    app = createServer({timeoutMs: 600_000, workers: 1, options: {maxFindings: 50}})
    base = await listen(app)
  }, 300_000)

  afterAll(async () => {
    await app?.close()
  })

  test('/v1/check: the worker sends at most maxFindings; counts exact; omitted said', async () => {
    const post = () => fetch(base + '/v1/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({body: 'TK '.repeat(2000)})})
    // A kept-alive connection the server closed as it was reused is tried once more.
    const response = await post().catch(post)
    const text = await response.text()
    const result = JSON.parse(text) as {verdict: string; counts: object; messages: unknown[]; omitted: number; omittedRules: object}
    expect(result).toMatchObject({verdict: 'block', counts: {error: 2000, warning: 0, suggestion: 0}, omitted: 1950, omittedRules: {leftovers: 1950}})
    expect(result.messages).toHaveLength(50)
    // 50 findings of about 300 bytes each, not 2,000.
    expect(text.length).toBeLessThan(50 * 1000)
  }, 300_000)
})
