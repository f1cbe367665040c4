/**
 * Accepted suggestions and `check(story, {decisions})` (src/decisions.ts):
 * an editor accepts a finding's suggestion; the decision is data that travels
 * with the story; while the copy still has the flagged words the finding
 * counts, once the copy reads the replacement the result lists the change as
 * done, by whom; when the words change otherwise it lapses. The library's
 * `check()` takes decisions like `prePublish` and `/v1/check`.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {check} from '../src/check.js'
import {prePublish} from '../src/faces/hook.js'
import {createServer} from '../src/faces/server.js'
import {decisionFor, type Decision, type DecisionReport} from '../src/decisions.js'
import type {ResultMessage} from '../src/result.js'
import {listen} from './util/listen.js'

const body = 'Officials walked towards the the river on Monday.\n\nCasualties: TK.'

const brief = (messages: ReadonlyArray<ResultMessage>) => messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.actual}`)

async function decisionOn(story: string, ruleId: string, author: Parameters<typeof decisionFor>[2]): Promise<Decision> {
  const result = await prePublish({body: story})
  const message = result.messages.find((item) => item.ruleId === ruleId)!
  return decisionFor({body: story}, message, author)
}

// The default checker is made on first use: make it here, with room for a loaded machine.
beforeAll(async () => {
  await prePublish({body})
}, 600_000)

describe('accept', () => {
  test('decisionFor: an accept takes the first suggestion, or the one named; a suggestion the finding does not make is a TypeError', async () => {
    const accept = await decisionOn(body, 'house-forms', {by: 'J. Editor', action: 'accept', reason: 'AP'})
    expect(accept).toEqual({action: 'accept', ruleId: 'house-forms', actual: 'towards', before: 'Officials walked ', after: ' the the river on Monday', field: 'body', by: 'J. Editor', reason: 'AP', replacement: 'toward'})
    await expect(decisionOn(body, 'house-forms', {by: 'J. Editor', action: 'accept', replacement: 'to'})).rejects.toThrow('copydesk: `towards` (house-forms) suggests `toward`, not "to"')
    await expect(decisionOn(body, 'leftovers', {by: 'J. Editor', action: 'accept'})).rejects.toThrow('copydesk: `TK` (leftovers) makes no suggestion to accept')
  })

  test('not yet carried out: the finding still counts, and the result says the change is pending', async () => {
    const accept = await decisionOn(body, 'house-forms', {by: 'J. Editor', action: 'accept'})
    const result = await prePublish({body}, {}, {decisions: [accept]})
    expect([result.verdict, result.counts, brief(result.messages)]).toEqual(['block', {error: 1, warning: 2, suggestion: 0}, ['1:18 house-forms towards', '1:26 repeated-word the the', '3:13 leftovers TK']])
    expect(result.decisions).toEqual({
      applied: [accept],
      dismissed: [],
      accepted: [{ruleId: 'house-forms', actual: 'towards', replacement: 'toward', field: 'body', done: false, line: 1, column: 18, offset: 17, endOffset: 24, acceptedBy: 'J. Editor', acceptReason: null}],
      lapsed: [],
      refused: []
    })
  })

  test('carried out: the copy reads the replacement; the change is listed as done where it now is, also after edits elsewhere', async () => {
    const accept = await decisionOn(body, 'repeated-word', {by: 'J. Editor', action: 'accept', reason: 'typo'})
    expect(accept.replacement).toBe('the')
    const fixed = 'BAMAKO (Reuters) -\n\n' + body.replace('the the river', 'the river')
    const result = await prePublish({body: fixed}, {}, {decisions: [accept]})
    expect(brief(result.messages)).toEqual(['3:18 house-forms towards', '5:13 leftovers TK'])
    expect(result.decisions!.accepted).toEqual([{ruleId: 'repeated-word', actual: 'the the', replacement: 'the', field: 'body', done: true, line: 3, column: 26, offset: 45, endOffset: 48, acceptedBy: 'J. Editor', acceptReason: 'typo'}])
    expect(fixed.slice(45, 48)).toBe('the')
    expect([result.decisions!.applied, result.decisions!.lapsed]).toEqual([[accept], []])
  })

  test('lapses when the words change another way', async () => {
    const accept = await decisionOn(body, 'house-forms', {by: 'J. Editor', action: 'accept'})
    const result = await prePublish({body: body.replace('walked towards', 'walked to')}, {}, {decisions: [accept]})
    expect([result.decisions!.applied, result.decisions!.accepted, result.decisions!.lapsed]).toEqual([[], [], [accept]])
  })

  test('a headline finding is anchored in the headline', async () => {
    const headline = 'Officials walk to the the river'
    const first = await prePublish({headline, body: 'The river rose.'})
    const message = first.messages.find((item) => item.ruleId === 'repeated-word')!
    expect(message.field).toBe('headline')
    const accept = decisionFor({headline, body: 'The river rose.'}, message, {by: 'J. Editor', action: 'accept'})
    expect([accept.field, accept.before, accept.after, accept.replacement]).toEqual(['headline', 'Officials walk to ', ' river', 'the'])
    // The body's own `the the` is not the headline's.
    const done = await prePublish({headline: 'Officials walk to the river', body: 'Officials walk to the the river.'}, {}, {decisions: [accept]})
    expect(brief(done.messages)).toEqual(['1:19 repeated-word the the'])
    expect(done.decisions!.accepted.map((change) => [change.field, change.done, change.line, change.column])).toEqual([['headline', true, 1, 19]])
  })

  test.each<[string, unknown, string]>([
    ['an accept without a replacement', {action: 'accept', ruleId: 'house-forms', actual: 'towards', before: '', after: '', by: 'J'}, 'decision 1: an accept needs `replacement`, the suggestion taken (text of at most 200 characters; "" to delete the words)'],
    ['a dismiss with one', {action: 'dismiss', ruleId: 'house-forms', actual: 'towards', before: '', after: '', by: 'J', replacement: 'toward'}, 'decision 1: a dismiss has no `replacement` (that is an accept)'],
    ['another action', {action: 'fix', ruleId: 'house-forms', actual: 'towards', before: '', after: '', by: 'J'}, 'decision 1: `action` must be "dismiss" or "accept"']
  ])('bad: %s is a TypeError', async (_name, decision, message) => {
    await expect(prePublish({body}, {}, {decisions: [decision as Decision]})).rejects.toThrow('copydesk: ' + message)
  })
})

describe('check(story, {decisions})', () => {
  test('dismissed findings leave file.messages; file.data.decisions lists them, the accepts, and what lapsed', async () => {
    const dismiss = await decisionOn(body, 'repeated-word', {by: 'J. Editor', reason: 'quoting a sign'})
    const accept = await decisionOn(body, 'house-forms', {by: 'A. Chief', action: 'accept'})
    const gone = {...dismiss, actual: 'a a'}
    const file = await check(body, {decisions: [dismiss, accept, gone]})
    expect(file.messages.map(String)).toEqual(['1:18-1:25: Use `toward`, not `towards`.', '3:13-3:15: Remove `TK` before publishing: it marks copy still to come'])
    const report = (file.data as {decisions?: DecisionReport}).decisions!
    expect(report.applied).toEqual([dismiss, accept])
    expect(report.dismissed.map((message) => `${brief([message])[0]} by ${message.dismissedBy}: ${message.dismissReason}`)).toEqual(['1:26 repeated-word the the by J. Editor: quoting a sign'])
    expect(report.accepted.map((change) => `${change.actual} -> ${change.replacement} by ${change.acceptedBy} done: ${change.done}`)).toEqual(['towards -> toward by A. Chief done: false'])
    expect([report.lapsed, report.refused]).toEqual([[gone], []])
  })

  test('a TK is refused unless allowed, and then dismissed with a reason; the headline is its own field', async () => {
    const tk = {...(await decisionOn(body, 'leftovers', {by: 'J. Editor'})), reason: 'TK is the ticker'}
    const refused = await check(body, {decisions: [tk]})
    expect(refused.messages.map((message) => message.ruleId)).toEqual(['house-forms', 'repeated-word', 'leftovers'])
    expect((refused.data as {decisions?: DecisionReport}).decisions!.refused.map((item) => item.why)).toEqual(['`TK` (leftovers) must never be published; this desk does not allow dismissing it: fix the copy'])
    const allowed = await check(body, {decisions: [tk], allowErrorDismissal: true})
    expect(allowed.messages.map((message) => message.ruleId)).toEqual(['house-forms', 'repeated-word'])
    // A decision for the body's `the the` does not cover the headline's.
    const dismiss = await decisionOn(body, 'repeated-word', {by: 'J. Editor'})
    const headed = await check(body, {headline: 'Officials walked towards the the river on Monday.', decisions: [dismiss]})
    expect(headed.messages.map((message) => `${(message as {data?: {field?: string}}).data?.field ?? 'body'} ${message.ruleId}`)).toEqual(['body house-forms', 'headline repeated-word', 'body leftovers'])
  })

  test('without decisions nothing changes; bad ones are a TypeError', async () => {
    const file = await check(body)
    expect([file.messages.length, 'decisions' in file.data]).toEqual([3, false])
    await expect(check(body, {decisions: {} as never})).rejects.toThrow('copydesk: `decisions` must be a list')
    await expect(check(body, {decisions: [], allowErrorDismissal: 'yes' as never})).rejects.toThrow('copydesk: option `allowErrorDismissal` must be true or false')
  })
})

describe('POST /v1/check with an accept', () => {
  let app: FastifyInstance
  let base: string
  beforeAll(async () => {
    app = createServer({workers: 0, timeoutMs: 60_000})
    base = await listen(app)
  }, 120_000)
  afterAll(async () => {
    await app.close()
  })

  test('reports it pending, then done once the copy reads the replacement', async () => {
    const accept = await decisionOn(body, 'house-forms', {by: 'J. Editor', action: 'accept'})
    const post = async (text: string) => {
      const response = await fetch(base + '/v1/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({body: text, decisions: [accept]})})
      expect(response.status).toBe(200)
      return ((await response.json()) as {decisions: DecisionReport}).decisions.accepted.map((change) => `${change.line}:${change.column} ${change.actual} -> ${change.replacement} done: ${change.done}`)
    }
    expect(await post(body)).toEqual(['1:18 towards -> toward done: false'])
    expect(await post(body.replace('towards', 'toward'))).toEqual(['1:18 towards -> toward done: true'])
  })
})
