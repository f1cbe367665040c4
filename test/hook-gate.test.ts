/**
 * The publish gate, `prePublish`, where test/hook.test.ts does not reach:
 * the path without a `checker` (headline, format and options must reach the
 * check there too), the guards on what a CMS sends, the editor's sentence
 * when a story is held, and how a policy turns findings into a verdict.
 * Found by mutation testing (docs/mutation.md).
 */
import {describe, expect, test} from 'vitest'
import {createChecker, normalizePolicy, prePublish, verdictFor} from '../src/index.js'
import {holdReason, resultFor} from '../src/faces/hook.js'
import type {ResultMessage} from '../src/index.js'
import {onlyChecks} from './util/messages.js'

/** `field line:column ruleId actual` of each message. */
function found(messages: ReadonlyArray<ResultMessage>): string[] {
  return messages.map((message) => `${message.field} ${message.line}:${message.column} ${message.ruleId} ${message.actual}`)
}

/** What `promise` was rejected with: the error's class and message. */
async function refused(promise: Promise<unknown>): Promise<[string, string]> {
  try {
    await promise
  } catch (error) {
    return [(error as Error).constructor.name, (error as Error).message]
  }
  return ['resolved', '']
}

const tk = 'Remove `TK` before publishing: it marks copy still to come'

describe('prePublish without a checker', () => {
  test('a TK in the headline blocks, reported in the headline', async () => {
    const result = await prePublish({headline: 'Council meets TK', body: 'The council met on Tuesday.'})
    expect(result.verdict).toBe('block')
    expect(found(result.messages)).toEqual(['headline 1:15 leftovers TK'])
    expect(result.messages[0].reason).toBe(tk)
  })

  test('the format reaches the check: Markdown markup is not copy, positions are in the source', async () => {
    // As text, `**` is copy and the TK is at column 15; as Markdown the markup is set aside.
    const story = {body: '# Storm\n\nCasualties: **TK**.'}
    expect(found((await prePublish({...story, format: 'markdown'})).messages)).toEqual(['body 3:15 leftovers TK'])
    const html = await prePublish({body: '<p>Casualties: <b>TK</b>.</p>', format: 'html'})
    expect(found(html.messages)).toEqual(['body 1:19 leftovers TK'])
    expect(html.verdict).toBe('block')
  })

  test('the checker options reach the check', async () => {
    const story = {body: 'Residents left the the town.'}
    expect((await prePublish(story)).verdict).toBe('warn')
    // The same story with `repeated-word` switched off passes.
    const off = await prePublish(story, undefined, {options: {checks: {'repeated-word': 'off'}}})
    expect(off).toEqual({verdict: 'pass', counts: {error: 0, warning: 0, suggestion: 0}, messages: [], complete: true, incomplete: []})
    // … and made an error, it blocks.
    const error = await prePublish(story, undefined, {options: {checks: {'repeated-word': 'error'}}})
    expect(error.verdict).toBe('block')
    expect(found(error.messages)).toEqual(['body 1:16 repeated-word the the'])
  })

  test('the dialect reaches the check', async () => {
    const us = await prePublish({body: 'The harbour reopened.'}, undefined, {options: {checks: onlyChecks('dialect').checks}})
    expect(found(us.messages)).toEqual(['body 1:5 dialect harbour'])
    const gb = await prePublish({body: 'The harbour reopened.'}, undefined, {options: {dialect: 'en-GB', checks: onlyChecks('dialect').checks}})
    expect(gb.messages).toEqual([])
  })
})

describe('prePublish refuses what a CMS should not send', () => {
  // Made in each test, not when the file loads (a static mutant otherwise: docs/mutation.md).
  const checker = () => createChecker(onlyChecks())
  const budget = 'copydesk: option `timeoutMs` must be a positive number of milliseconds'

  test.each<[string, unknown]>([
    ['zero', 0],
    ['negative', -5],
    ['NaN', Number.NaN],
    ['a string', '100'],
    ['null', null]
  ])('a `timeoutMs` that is %s is a TypeError', async (_name, timeoutMs) => {
    expect(await refused(prePublish({body: 'The council met.'}, undefined, {checker: checker(), timeoutMs: timeoutMs as number}))).toEqual(['TypeError', budget])
  })

  test('a positive budget, even a fraction of a millisecond, is accepted', async () => {
    const result = await prePublish({body: 'The council met.'}, undefined, {checker: checker(), timeoutMs: 60_000})
    expect(result.verdict).toBe('pass')
    await expect(prePublish({body: 'The council met.'}, undefined, {checker: checker(), timeoutMs: 0.5})).resolves.toMatchObject({messages: []})
  })

  test.each<[string, unknown, string]>([
    ['no story', undefined, 'copydesk: a story must be an object such as {headline: "…", body: "…"}'],
    ['a string for a story', 'The council met.', 'copydesk: a story must be an object such as {headline: "…", body: "…"}'],
    ['a null body', {body: null}, "copydesk: the story's `body` must be a string, got null"],
    ['a number for a body', {body: 42}, "copydesk: the story's `body` must be a string, got number"],
    ['a number for a headline', {headline: 42, body: 'x'}, "copydesk: the story's `headline` must be a string, got number"],
    ['an object for a headline', {headline: {text: 'x'}, body: 'x'}, "copydesk: the story's `headline` must be a string, got object"],
    ['a bad format', {body: 'x', format: 'docx'}, "copydesk: the story's `format` is \"docx\"; accepted: 'text', 'markdown', 'html'"]
  ])('%s is a TypeError saying what is wrong', async (_name, story, message) => {
    expect(await refused(prePublish(story as never, undefined, {checker: checker()}))).toEqual(['TypeError', message])
  })

  test('a null headline is no headline', async () => {
    const result = await prePublish({headline: null as never, body: 'Casualties: TK.'}, undefined, {checker: checker()})
    expect(found(result.messages)).toEqual(['body 1:13 leftovers TK'])
  })

  test.each<[string, unknown, string]>([
    ['a list', ['error'], 'copydesk: `policy` must be an object such as {"block": ["error"], "warn": ["warning"]}'],
    ['a string', 'error', 'copydesk: `policy` must be an object such as {"block": ["error"], "warn": ["warning"]}'],
    ['an unknown key', {blocks: ['error']}, 'copydesk: unknown policy key `blocks`; accepted: block, warn'],
    ['a severity that is not one', {warn: ['fatal']}, "copydesk: policy `warn` must be a list of severities ('suggestion', 'warning', 'error'), got [\"fatal\"]"],
    ['a string for a list', {block: 'error'}, "copydesk: policy `block` must be a list of severities ('suggestion', 'warning', 'error'), got \"error\""]
  ])('a policy that is %s is a TypeError', async (_name, policy, message) => {
    expect(await refused(prePublish({body: 'x'}, policy as never, {checker: checker()}))).toEqual(['TypeError', message])
  })
})

describe('the verdict under a policy', () => {
  const error = {severity: 'error'} as const
  const warning = {severity: 'warning'} as const
  const suggestion = {severity: 'suggestion'} as const

  test.each<[string, Array<{severity: 'error' | 'warning' | 'suggestion'}>, object | null | undefined, string]>([
    ['nothing passes', [], undefined, 'pass'],
    ['a suggestion passes', [suggestion], undefined, 'pass'],
    ['a warning warns', [suggestion, warning], undefined, 'warn'],
    ['an error blocks', [warning, error], undefined, 'block'],
    ['a null policy is the default', [error], null, 'block'],
    ['suggestions may warn', [suggestion], {warn: ['suggestion']}, 'warn'],
    ['a severity in both lists blocks', [warning], {block: ['warning'], warn: ['warning']}, 'block'],
    ['an empty block list never blocks', [error], {block: []}, 'pass'],
    ['an empty block list still warns', [error, warning], {block: []}, 'warn']
  ])('%s', (_name, messages, policy, verdict) => {
    expect(verdictFor(messages, policy as never)).toBe(verdict)
  })

  test('the default policy, filled in', () => {
    expect(normalizePolicy(undefined)).toEqual({block: ['error'], warn: ['warning']})
    expect(normalizePolicy({warn: []})).toEqual({block: ['error'], warn: []})
  })
})

describe('a held story says why', () => {
  const tkMessage = {severity: 'error'} as ResultMessage

  test('one check that did not finish is named', async () => {
    // Every check off but spelling (and the must-never-publish `leftovers`, which always runs).
    const checks = Object.fromEntries(
      ['acronyms', 'courtesy-titles', 'dates', 'house-forms', 'money', 'numbers', 'percent', 'states', 'times', 'titles', 'word-collision'].map((id) => [id, 'off'])
    )
    const checker = createChecker({checks: {...onlyChecks('spelling').checks, ...checks}})
    const body = 'The council met on Tuesday to discuss the budget for the coming year.\n\n'.repeat(80) + 'The mayor said TK.'
    const result = await prePublish({body}, undefined, {checker, timeoutMs: 1})
    expect(result.verdict).toBe('hold')
    expect(result.incomplete).toEqual(['spelling'])
    expect(result.reason).toBe(
      'copydesk ran out of time before it finished checking this story (spelling did not run over all of it); hold it and check again, or check it in parts.'
    )
    expect(found(result.messages)).toEqual(['body 161:16 leftovers TK'])
  })

  test.each<[string[], string]>([
    [['spelling', 'titles'], 'spelling, titles'],
    [['acronyms', 'dates', 'spelling', 'titles'], 'acronyms, dates, spelling, titles'],
    [['acronyms', 'dates', 'percent', 'spelling', 'titles'], 'acronyms, dates, percent, spelling and 1 more'],
    [[], 'some checks']
  ])('%j are named as %j', (incomplete, names) => {
    expect(holdReason(incomplete)).toBe(
      `copydesk ran out of time before it finished checking this story (${names} did not run over all of it); hold it and check again, or check it in parts.`
    )
  })

  test('an incomplete check holds whatever was found, and keeps the findings', () => {
    const result = resultFor([tkMessage], ['spelling'])
    expect(result).toEqual({
      verdict: 'hold',
      counts: {error: 1, warning: 0, suggestion: 0},
      messages: [tkMessage],
      complete: false,
      incomplete: ['spelling'],
      reason: holdReason(['spelling'])
    })
  })

  test('a reason given (a worker cut off) holds even with every check accounted for, and is kept as given', () => {
    const reason = 'copydesk could not check this story within 3.0 s and stopped; hold it and check again, or check it in parts.'
    expect(resultFor([], [], undefined, reason)).toEqual({
      verdict: 'hold',
      counts: {error: 0, warning: 0, suggestion: 0},
      messages: [],
      complete: false,
      incomplete: [],
      reason
    })
  })

  test('a complete check has no reason, and its verdict follows the policy', () => {
    const result = resultFor([{severity: 'warning'} as ResultMessage], [], {block: ['warning']})
    expect(result).toEqual({verdict: 'block', counts: {error: 0, warning: 1, suggestion: 0}, messages: [{severity: 'warning'}], complete: true, incomplete: []})
    expect('reason' in result).toBe(false)
  })

  test('the incomplete list is a copy', () => {
    const incomplete = ['spelling']
    const result = resultFor([], incomplete)
    incomplete.push('titles')
    expect(result.incomplete).toEqual(['spelling'])
  })
})
