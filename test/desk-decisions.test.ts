/**
 * Per-story decisions (src/decisions.ts): an editor dismisses a finding for
 * this story; the decision survives edits elsewhere, lapses when its words
 * change, never hides what it dismissed, and cannot wave through copy that
 * must never be published unless the desk allows it, by name, with a reason.
 * In process (`prePublish`) and over HTTP (`POST /v1/check`).
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {prePublish} from '../src/faces/hook.js'
import {createServer} from '../src/faces/server.js'
import {decisionFor, type Decision} from '../src/decisions.js'
import type {ResultMessage} from '../src/result.js'
import {listen} from './util/listen.js'

const body = 'Residents left the the town on Monday.\n\nCasualties: TK.'

const brief = (messages: ReadonlyArray<ResultMessage>) => messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.actual}`)

async function decisionOn(story: string, ruleId: string, author: {by: string; reason?: string}): Promise<Decision> {
  const result = await prePublish({body: story})
  const message = result.messages.find((item) => item.ruleId === ruleId)!
  return decisionFor({body: story}, message, author)
}

describe('prePublish with decisions', () => {
  test('a dismissed warning leaves the count and the verdict, and is listed with who and why', async () => {
    const dismiss = await decisionOn(body, 'repeated-word', {by: 'J. Editor', reason: 'quoting a sign'})
    expect(dismiss).toEqual({action: 'dismiss', ruleId: 'repeated-word', actual: 'the the', before: 'Residents left ', after: ' town on Monday.', field: 'body', by: 'J. Editor', reason: 'quoting a sign'})
    const plain = await prePublish({body: 'Residents left the the town on Monday.'})
    expect([plain.verdict, plain.counts.warning]).toEqual(['warn', 1])
    const decided = await prePublish({body: 'Residents left the the town on Monday.'}, {}, {decisions: [dismiss]})
    expect([decided.verdict, decided.counts, brief(decided.messages)]).toEqual(['pass', {error: 0, warning: 0, suggestion: 0}, []])
    expect(decided.decisions?.dismissed.map((message) => `${brief([message])[0]} by ${message.dismissedBy}: ${message.dismissReason}`)).toEqual(['1:16 repeated-word the the by J. Editor: quoting a sign'])
    expect([decided.decisions?.applied.length, decided.decisions?.lapsed, decided.decisions?.refused]).toEqual([1, [], []])
  })

  test('it survives an edit elsewhere and lapses when its words change', async () => {
    const dismiss = await decisionOn(body, 'repeated-word', {by: 'J. Editor'})
    const edited = 'BAMAKO (Reuters) - A storm hit.\n\n' + body
    const kept = await prePublish({body: edited}, {}, {decisions: [dismiss]})
    expect([brief(kept.messages), brief(kept.decisions!.dismissed)]).toEqual([['5:13 leftovers TK'], ['3:16 repeated-word the the']])
    // The next paragraph is elsewhere too, however close (the context stops at the line break).
    const next = await prePublish({body: body.replace('Casualties: TK.', 'No one was hurt.')}, {}, {decisions: [dismiss]})
    expect([brief(next.messages), brief(next.decisions!.dismissed)]).toEqual([[], ['1:16 repeated-word the the']])
    const changed = await prePublish({body: body.replace('left the the town', 'left the the village')}, {}, {decisions: [dismiss]})
    expect(brief(changed.messages)).toEqual(['1:16 repeated-word the the', '3:13 leftovers TK'])
    expect([changed.decisions!.applied, changed.decisions!.lapsed]).toEqual([[], [dismiss]])
  })

  test('the same slip twice: only the one decided about is dismissed', async () => {
    const twice = 'Residents left the the town.\n\nThen the the bus left.'
    const dismiss = await decisionOn(twice, 'repeated-word', {by: 'J. Editor'})
    const result = await prePublish({body: twice}, {}, {decisions: [dismiss]})
    expect([brief(result.messages), brief(result.decisions!.dismissed)]).toEqual([['3:6 repeated-word the the'], ['1:16 repeated-word the the']])
  })

  test('must-never-publish (`leftovers`): refused unless allowed, and then only with a reason', async () => {
    const noReason = await decisionOn(body, 'leftovers', {by: 'J. Editor'})
    const withReason = {...noReason, reason: 'TK is the company ticker here'}
    const refused = await prePublish({body}, {}, {decisions: [withReason]})
    expect([refused.verdict, brief(refused.messages)]).toEqual(['block', ['1:16 repeated-word the the', '3:13 leftovers TK']])
    expect(refused.decisions!.refused).toEqual([{decision: withReason, why: '`TK` (leftovers) must never be published; this desk does not allow dismissing it: fix the copy'}])
    const unexplained = await prePublish({body}, {}, {decisions: [noReason], allowErrorDismissal: true})
    expect(unexplained.decisions!.refused.map((item) => item.why)).toEqual(['`TK` (leftovers) must never be published; dismissing it needs a reason'])
    const allowed = await prePublish({body}, {}, {decisions: [withReason], allowErrorDismissal: true})
    expect([allowed.verdict, brief(allowed.messages), allowed.decisions!.dismissed.map((message) => `${message.actual} by ${message.dismissedBy}: ${message.dismissReason}`)]).toEqual([
      'warn',
      ['1:16 repeated-word the the'],
      ['TK by J. Editor: TK is the company ticker here']
    ])
  })

  test.each<[string, unknown, RegExp]>([
    ['not a list', {}, /`decisions` must be a list/],
    ['an unknown action', [{action: 'ignore', ruleId: 'spelling', actual: 'x', before: '', after: '', by: 'J'}], /decision 1: `action` must be "dismiss" or "accept"/],
    ['no author', [{action: 'dismiss', ruleId: 'spelling', actual: 'x', before: '', after: ''}], /decision 1: `by` must be non-empty text/],
    ['too much context', [{action: 'dismiss', ruleId: 'spelling', actual: 'x', before: 'x'.repeat(25), after: '', by: 'J'}], /`before` must be text of at most 24 characters/]
  ])('bad decisions: %s is a TypeError', async (_name, decisions, message) => {
    await expect(prePublish({body}, {}, {decisions: decisions as Decision[]})).rejects.toThrow(message)
  })
})

describe('POST /v1/check with decisions', () => {
  let app: FastifyInstance
  let base: string
  beforeAll(async () => {
    app = createServer({workers: 0, timeoutMs: 60_000})
    base = await listen(app)
  }, 120_000)
  afterAll(async () => {
    await app.close()
  })

  const post = (payload: unknown) => fetch(base + '/v1/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(payload)})

  test('applies them and reports them; refuses dismissing a TK (not allowed on this server)', async () => {
    const dismissWord = await decisionOn(body, 'repeated-word', {by: 'J. Editor'})
    const dismissTk = await decisionOn(body, 'leftovers', {by: 'J. Editor', reason: 'ticker'})
    const response = await post({body, decisions: [dismissWord, dismissTk, {...dismissWord, actual: 'a a'}]})
    expect(response.status).toBe(200)
    const result = (await response.json()) as {verdict: string; messages: ResultMessage[]; decisions: {applied: Decision[]; dismissed: ResultMessage[]; lapsed: Decision[]; refused: Array<{why: string}>}}
    expect([result.verdict, brief(result.messages), brief(result.decisions.dismissed)]).toEqual(['block', ['3:13 leftovers TK'], ['1:16 repeated-word the the']])
    expect(result.decisions.lapsed.map((decision) => decision.actual)).toEqual(['a a'])
    expect(result.decisions.refused.map((item) => item.why)).toEqual(['`TK` (leftovers) must never be published; this desk does not allow dismissing it: fix the copy'])
  })

  test('a bad decision is 400 saying what is wrong', async () => {
    const response = await post({body, decisions: [{action: 'dismiss'}]})
    expect(response.status).toBe(400)
    expect(((await response.json()) as {message: string}).message).toBe('decision 1: `ruleId` must be non-empty text')
  })
})
