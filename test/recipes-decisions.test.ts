/**
 * The CMS recipes keep the editors' decisions with the story and send them on
 * every check (docs/desk.md, docs/cms.md): webhook.sh reads them from a JSON
 * file beside the story (a real `sh` process against a real server) and
 * prints what they did; the Strapi recipe reads them from a JSON field of the
 * document and logs what they did. A dismissed warning stays dismissed across
 * saves and edits elsewhere, lapses when its words change; a `TK` can be
 * dismissed only where the desk allows it.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test, vi} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {createServer} from '../src/faces/server.js'
import {prePublish} from '../src/faces/hook.js'
import {decisionFor, type Decision, type DecisionAuthor} from '../src/decisions.js'
import {listen} from './util/listen.js'
import {runProcess, type Run} from './util/run.js'

// The Strapi recipe imports the package by name; here it is src/ (as in test/recipes.test.ts).
vi.mock('copydesk', () => import('../src/index.js'))

const repo = path.resolve(import.meta.dirname, '..')
const webhook = path.join(repo, 'examples/cms/webhook.sh')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-recipes-decisions-'))

const body = 'Residents left the the town on Monday.\n\nCasualties: TK.\n'
const repeated = 'body 1:16 warning Remove the repeated `the`'
const tk = 'body 3:13 error Remove `TK` before publishing: it marks copy still to come'

async function decisionOn(story: string, ruleId: string, author: DecisionAuthor): Promise<Decision> {
  const result = await prePublish({body: story})
  return decisionFor({body: story}, result.messages.find((message) => message.ruleId === ruleId)!, author)
}

let strict: FastifyInstance
let lenient: FastifyInstance
const urls = {strict: '', lenient: ''}
let dismissWord: Decision
let dismissTk: Decision

beforeAll(async () => {
  strict = createServer({workers: 0, timeoutMs: 60_000})
  lenient = createServer({workers: 0, timeoutMs: 60_000, allowErrorDismissal: true})
  urls.strict = await listen(strict)
  urls.lenient = await listen(lenient)
  dismissWord = await decisionOn(body, 'repeated-word', {by: 'J. Editor', reason: 'quoting a sign'})
  dismissTk = await decisionOn(body, 'leftovers', {by: 'A. Chief', reason: 'TK is the company ticker'})
}, 180_000)

afterAll(async () => {
  await strict.close()
  await lenient.close()
  fs.rmSync(tmp, {recursive: true, force: true})
})

function run(args: string[], env: Record<string, string>, input = ''): Promise<Run> {
  return runProcess('sh', [webhook, ...args], {env: {...process.env, COPYDESK_TIMEOUT: '60', ...env}, input})
}

/** A story file, and its decisions file beside it (`undefined`: none). */
function story(name: string, text: string, decisions?: unknown): string {
  const file = path.join(tmp, name)
  fs.writeFileSync(file, text)
  if (decisions !== undefined) fs.writeFileSync(file + '.decisions.json', typeof decisions === 'string' ? decisions : JSON.stringify(decisions, null, 2))
  return file
}

const hasJq = spawnSync('sh', ['-c', 'command -v jq']).status === 0

describe.skipIf(!hasJq && !process.env.CI)('webhook.sh: decisions in STORY.decisions.json', () => {
  test('none: the warning and the TK are printed, blocked', async () => {
    expect(await run(['Storm', story('plain.txt', body)], {COPYDESK_URL: urls.strict})).toEqual({
      code: 1,
      stdout: `${repeated}\n${tk}\n`,
      stderr: 'copydesk: BLOCK: fix the errors above before publishing.\n'
    })
  })

  test('a dismissed warning is listed as dismissed; a TK dismissal is refused on a strict desk, and blocks', async () => {
    expect(await run(['Storm', story('strict.txt', body, [dismissWord, dismissTk])], {COPYDESK_URL: urls.strict})).toEqual({
      code: 1,
      stdout: [
        tk,
        `dismissed ${repeated} by J. Editor: quoting a sign`,
        'refused dismiss `TK` by A. Chief: `TK` (leftovers) must never be published; this desk does not allow dismissing it: fix the copy',
        ''
      ].join('\n'),
      stderr: 'copydesk: BLOCK: fix the errors above before publishing.\n'
    })
  })

  test('on a desk that allows it, both are dismissed, by name, and the story publishes', async () => {
    expect(await run(['Storm', story('lenient.txt', body, [dismissWord, dismissTk])], {COPYDESK_URL: urls.lenient})).toEqual({
      code: 0,
      stdout: `dismissed ${repeated} by J. Editor: quoting a sign\ndismissed ${tk} by A. Chief: TK is the company ticker\n`,
      stderr: ''
    })
  })

  test('edited elsewhere the dismissal holds; with its words changed it lapses and the finding is back', async () => {
    const edited = 'BAMAKO (Reuters) - A storm hit.\n\n' + body.replace('Casualties: TK.', 'No casualties were reported.')
    expect(await run(['Storm', story('edited.txt', edited, [dismissWord])], {COPYDESK_URL: urls.strict})).toEqual({
      code: 0,
      stdout: 'dismissed body 3:16 warning Remove the repeated `the` by J. Editor: quoting a sign\n',
      stderr: ''
    })
    const changed = body.replace('Casualties: TK.', 'No casualties.').replace('left the the town', 'left the the village')
    expect(await run(['Storm', story('changed.txt', changed, [dismissWord])], {COPYDESK_URL: urls.strict})).toEqual({
      code: 0,
      stdout: `${repeated}\nlapsed dismiss \`the the\` (repeated-word) by J. Editor: it no longer matches the story\n`,
      stderr: ''
    })
  })

  test('an accepted suggestion: pending while the copy has the words, done once it reads the replacement', async () => {
    const accept = await decisionOn(body, 'repeated-word', {by: 'J. Editor', action: 'accept'})
    const clean = body.replace('Casualties: TK.', 'No casualties.')
    expect((await run(['Storm', story('accept.txt', clean, [accept])], {COPYDESK_URL: urls.strict})).stdout).toBe(`${repeated}\naccepted body 1:16 \`the the\` -> \`the\` by J. Editor (not yet in the copy)\n`)
    expect(await run(['Storm', story('accepted.txt', clean.replace('the the', 'the'), [accept])], {COPYDESK_URL: urls.strict})).toEqual({
      code: 0,
      stdout: 'accepted body 1:16 `the the` -> `the` by J. Editor\n',
      stderr: ''
    })
  })

  test('COPYDESK_DECISIONS names the file (a story on standard input); a missing file is no decisions yet', async () => {
    const file = path.join(tmp, 'elsewhere.json')
    fs.writeFileSync(file, JSON.stringify([dismissWord, dismissTk]))
    expect((await run(['Storm', '-'], {COPYDESK_URL: urls.lenient, COPYDESK_DECISIONS: file}, body)).code).toBe(0)
    expect((await run(['Storm', '-'], {COPYDESK_URL: urls.lenient, COPYDESK_DECISIONS: path.join(tmp, 'none-yet.json')}, body)).code).toBe(1)
  })

  test.each<[string, string, string]>([
    ['not JSON', '[{"action": "dismiss",', 'is not a JSON list of decisions (docs/desk.md)'],
    ['not a list', '{"action": "dismiss"}', 'is not a JSON list of decisions (docs/desk.md)'],
    ['a decision the server refuses', '[{"action": "dismiss", "ruleId": "leftovers"}]', 'copydesk answered HTTP 400: decision 1: `actual` must be non-empty text']
  ])('a bad decisions file (%s) holds the story', async (name, text, why) => {
    const file = story(`bad-${name.replace(/\W/g, '')}.txt`, body, text)
    const outcome = await run(['Storm', file], {COPYDESK_URL: urls.strict})
    expect([outcome.code, outcome.stdout]).toEqual([2, ''])
    expect(outcome.stderr).toContain(why.startsWith('copydesk') ? why : `the decisions file ${file}.decisions.json ${why}`)
  })
})

describe('Strapi 5: decisions in a JSON field', async () => {
  const {registerCopydesk, decisionsOf} = (await import('../examples/cms/strapi/copydesk.js')) as {
    registerCopydesk: (strapi: unknown, options?: object) => void
    decisionsOf: (value: unknown, field?: string) => unknown[] | undefined
  }
  const uid = 'api::article.article'

  /** A fake Strapi 5 document service (as in test/recipes.test.ts): drafts in memory, middlewares, a log. */
  function fakeStrapi() {
    const middlewares: Array<(context: object, next: () => Promise<unknown>) => Promise<unknown>> = []
    const drafts = new Map<string, Record<string, unknown>>()
    const published = new Map<string, Record<string, unknown>>()
    const logs: string[] = []
    const contentType = {kind: 'collectionType', options: {draftAndPublish: true}}
    const call = (action: string, params: Record<string, unknown>, last: () => unknown) => {
      const context = {uid, action, params, contentType}
      const at = (index: number): Promise<unknown> => (index === middlewares.length ? Promise.resolve(last()) : Promise.resolve(middlewares[index]!(context, () => at(index + 1))))
      return at(0)
    }
    const documents = Object.assign(
      () => ({
        findOne: (params: {documentId: string}) => call('findOne', params, () => drafts.get(params.documentId) ?? null),
        update: (params: {documentId: string; data: Record<string, unknown>; status?: string}) =>
          call('update', params, () => {
            const next = {...drafts.get(params.documentId), ...params.data}
            drafts.set(params.documentId, next)
            if (params.status === 'published') published.set(params.documentId, next)
            return next
          }),
        publish: (params: {documentId: string}) =>
          call('publish', params, () => {
            published.set(params.documentId, drafts.get(params.documentId)!)
            return {documentId: params.documentId}
          })
      }),
      {use: (middleware: (typeof middlewares)[number]) => middlewares.push(middleware)}
    )
    const strapi = {documents, log: {warn: (message: string) => logs.push(`warn ${message}`), info: (message: string) => logs.push(`info ${message}`)}}
    return {strapi, drafts, published, logs}
  }

  test('the dismissals in `copydeskDecisions` are sent: the warning is dismissed and logged; the TK dismissal refused', async () => {
    const {strapi, drafts, published, logs} = fakeStrapi()
    registerCopydesk(strapi, {timeoutMs: 60_000, format: 'text'})
    drafts.set('a', {documentId: 'a', title: 'Storm', body, copydeskDecisions: [dismissWord, dismissTk]})
    const held = 'copydesk: not published: fix before publishing: Remove `TK` before publishing: it marks copy still to come (body 3:13); `TK` (leftovers) must never be published; this desk does not allow dismissing it: fix the copy'
    await expect(strapi.documents(uid).publish({documentId: 'a'})).rejects.toThrow(held)
    expect(published.size).toBe(0)
    expect(logs).toEqual([
      'info copydesk: a: dismissed `the the` (repeated-word, body 1:16) by J. Editor: quoting a sign',
      'info copydesk: a: decision refused: `TK` (leftovers) must never be published; this desk does not allow dismissing it: fix the copy',
      `warn ${held.replace('copydesk: not published', 'copydesk: a: not published')}`
    ])
  })

  test('where the desk allows it, the TK dismissal publishes; a save that does not send the field keeps the draft\'s decisions', async () => {
    const {strapi, drafts, published, logs} = fakeStrapi()
    registerCopydesk(strapi, {timeoutMs: 60_000, format: 'text', allowErrorDismissal: true})
    drafts.set('a', {documentId: 'a', title: 'Storm', body, copydeskDecisions: JSON.stringify([dismissTk])})
    // The update sends the title and body only: the decisions come from the draft.
    await strapi.documents(uid).update({documentId: 'a', data: {title: 'Storm hits', body: 'A storm hit.\n\n' + body}, status: 'published'})
    expect(published.get('a')).toMatchObject({title: 'Storm hits'})
    expect(logs).toEqual(['info copydesk: a: dismissed `TK` (leftovers, body 5:13) by A. Chief: TK is the company ticker', 'warn copydesk: a: 1 warning(s); published'])
  })

  test('a field copydesk cannot read holds the story; another field name, or none', async () => {
    const {strapi, drafts} = fakeStrapi()
    registerCopydesk(strapi, {timeoutMs: 60_000, format: 'text'})
    drafts.set('bad', {documentId: 'bad', title: 'Storm', body: 'A calm day.', copydeskDecisions: '{"not": "a list"'})
    await expect(strapi.documents(uid).publish({documentId: 'bad'})).rejects.toThrow(
      'copydesk: not published: copydesk cannot read the `copydeskDecisions` field: it is not JSON (a list of decisions, see docs/desk.md)'
    )
    drafts.set('odd', {documentId: 'odd', title: 'Storm', body: 'A calm day.', copydeskDecisions: [{action: 'dismiss'}]})
    await expect(strapi.documents(uid).publish({documentId: 'odd'})).rejects.toThrow('copydesk: not published: copydesk could not check this story (copydesk: decision 1: `ruleId` must be non-empty text)')
    expect([decisionsOf(undefined), decisionsOf(null), decisionsOf(''), decisionsOf('[]'), decisionsOf([dismissWord])]).toEqual([undefined, undefined, undefined, [], [dismissWord]])
    expect(() => decisionsOf({}, 'desk')).toThrow('copydesk cannot read the `desk` field: it must be a list of decisions (see docs/desk.md)')
  })
})
