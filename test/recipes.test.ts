/**
 * The CMS recipes in examples/cms fail closed: they publish only when
 * copydesk answered HTTP 200 with a result it could parse, `complete: true`
 * and verdict `pass` or `warn`. Everything else (unreachable, timeout, 4xx,
 * 5xx, garbage, `hold`, an incomplete check, an unknown verdict) holds the
 * story with a reason the editor sees. Run against the real server
 * (`createServer` on 127.0.0.1:0) and a stub server for the failures the real
 * one does not produce on demand. See docs/cms.md.
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import vm from 'node:vm'
import path from 'node:path'
import type {AddressInfo} from 'node:net'
import {afterAll, beforeAll, describe, expect, test, vi} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {createServer} from '../src/faces/server.js'
import {buildWhenStale} from './util/build.js'

// The Strapi recipe imports the package by name, which Node resolves to
// dist/ (the package's own `exports`); here it is src/, so these tests see a
// change in src/ without a build.
vi.mock('copydesk', () => import('../src/index.js'))

const repo = path.resolve(import.meta.dirname, '..')
const webhook = path.join(repo, 'examples/cms/webhook.sh')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-recipes-'))

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Run a command without blocking the event loop (the servers answer from this process). */
function run(command: string, args: string[], options: {env?: Record<string, string>; input?: string} = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {env: {...process.env, ...options.env}, stdio: ['pipe', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
    child.stdin.on('error', () => {})
    child.stdin.end(options.input ?? '')
  })
}

function storyFile(name: string, text: string): string {
  const file = path.join(tmp, name)
  fs.writeFileSync(file, text)
  return file
}

// The real server, with a budget large enough for a 1 MB story on a loaded machine
// (made in beforeAll: its workers run dist/, built first when stale).
let real: FastifyInstance
let realUrl = ''

// A stub for answers the real server does not give on demand: the first path
// segment names the answer (`/413/v1/check`).
let received: {path: string; contentType: string; body: string} | undefined
const result = (fields: Record<string, unknown>) =>
  JSON.stringify({verdict: 'pass', counts: {error: 0, warning: 0, suggestion: 0}, messages: [], complete: true, incomplete: [], ...fields})
const answers: Record<string, [number, string, number?]> = {
  pass: [200, result({})],
  warn: [
    200,
    result({
      verdict: 'warn',
      counts: {error: 0, warning: 1, suggestion: 0},
      messages: [{field: 'body', line: 1, column: 5, severity: 'warning', reason: 'Use `toward`, not `towards`.'}]
    })
  ],
  400: [400, JSON.stringify({statusCode: 400, error: 'Bad Request', message: "body must have required property 'body'"})],
  413: [413, JSON.stringify({statusCode: 413, error: 'Payload Too Large', message: 'Request body is too large'})],
  500: [500, 'Internal Server Error'],
  503: [503, JSON.stringify({statusCode: 503, error: 'Service Unavailable', message: 'Too many stories in the queue; try again'})],
  garbage: [200, '<html>upstream proxy error</html>'],
  truncated: [200, result({}).slice(0, 40)],
  hold: [
    200,
    result({
      verdict: 'hold',
      complete: false,
      incomplete: ['spelling'],
      reason: 'copydesk ran out of time before spelling finished; check again before publishing.'
    })
  ],
  'incomplete-pass': [200, result({complete: false, incomplete: ['spelling']})],
  'no-complete': [200, JSON.stringify({verdict: 'pass', counts: {error: 0, warning: 0, suggestion: 0}, messages: []})],
  unknown: [200, result({verdict: 'publish-anyway'})],
  slow: [200, result({}), 5000]
}
const stub = http.createServer((request, response) => {
  let body = ''
  request.setEncoding('utf8')
  request.on('data', (chunk: string) => (body += chunk))
  request.on('end', () => {
    const name = (request.url || '').split('/')[1]
    received = {path: request.url || '', contentType: String(request.headers['content-type']), body}
    const [status, text, delay] = answers[name] || [404, 'no such stub answer']
    const send = () => response.writeHead(status, {'content-type': 'application/json'}).end(text)
    if (delay) setTimeout(send, delay).unref()
    else send()
  })
})
let stubUrl = ''
let closedUrl = ''

beforeAll(() => buildWhenStale(), 600_000)

beforeAll(async () => {
  real = createServer({timeoutMs: 120_000})
  await real.listen({port: 0, host: '127.0.0.1'})
  realUrl = `http://127.0.0.1:${(real.server.address() as AddressInfo).port}`
  await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve))
  stubUrl = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`
  // A port nothing listens on: listen, note it, close.
  const closed = http.createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`
  await new Promise((resolve) => closed.close(resolve))
}, 60_000)

afterAll(async () => {
  await real?.close()
  stub.closeAllConnections()
  await new Promise((resolve) => stub.close(resolve))
  fs.rmSync(tmp, {recursive: true, force: true})
})

const hasJq = spawnSync('sh', ['-c', 'command -v jq']).status === 0
if (!hasJq && !process.env.CI) console.log('recipes: jq not found, webhook.sh tests skipped (apt-get install -y jq)')

describe.skipIf(!hasJq && !process.env.CI)('webhook.sh', () => {
  const clean = storyFile('clean.txt', 'The council approved the budget on Tuesday.\n')

  function webhookRun(url: string, args: string[], input?: string, env: Record<string, string> = {}): Promise<Run> {
    return run('sh', [webhook, ...args], {env: {COPYDESK_URL: url, ...env}, input})
  }

  test('a clean story against the real server: publish (exit 0), nothing printed', async () => {
    expect(await webhookRun(realUrl, ['Council passes budget', clean])).toEqual({code: 0, stdout: '', stderr: ''})
  })

  test('a story with an error against the real server: blocked (exit 1), with the finding', async () => {
    const story = storyFile('tk.txt', 'The mayor said TK when asked about the budget.\n')
    expect(await webhookRun(realUrl, ['Council passes budget', story])).toEqual({
      code: 1,
      stdout: 'body 1:16 error Remove `TK` before publishing: it marks copy still to come\n',
      stderr: 'copydesk: BLOCK: fix the errors above before publishing.\n'
    })
  })

  test('a 1 MB story is sent whole (no "Argument list too long") and its last line is checked', async () => {
    const sentence = 'The council approved the budget on Tuesday after a long debate. '
    const text = sentence.repeat(Math.floor(1_000_000 / sentence.length)) + '\n\nThe mayor said TK.\n'
    expect(text.length).toBeGreaterThan(1_000_000)
    const story = storyFile('big.txt', text)
    const outcome = await webhookRun(realUrl, ['Budget', story], undefined, {COPYDESK_TIMEOUT: '120'})
    expect(outcome.stderr).not.toMatch(/Argument list too long/)
    expect(outcome).toEqual({
      code: 1,
      stdout: `body ${text.split('\n').length - 1}:16 error Remove \`TK\` before publishing: it marks copy still to come\n`,
      stderr: 'copydesk: BLOCK: fix the errors above before publishing.\n'
    })
  }, 180_000)

  test('the JSON is built by jq: quotes, backslashes, newlines and `$(…)` arrive as written; the story can come on stdin', async () => {
    const headline = 'Mayor: "No $(rm -rf /) here" \\ café'
    const body = 'Line one with "quotes" and a back\\slash.\n\tTabbed line, `backticks` and $(whoami).\n'
    expect(await webhookRun(`${stubUrl}/pass`, [headline, '-', 'markdown'], body)).toEqual({code: 0, stdout: '', stderr: ''})
    expect(received?.contentType).toBe('application/json')
    expect(JSON.parse(received!.body)).toEqual({headline, body, format: 'markdown'})
  })

  test('warn publishes and prints the warning', async () => {
    expect(await webhookRun(`${stubUrl}/warn`, ['Headline', clean])).toEqual({
      code: 0,
      stdout: 'body 1:5 warning Use `toward`, not `towards`.\n',
      stderr: ''
    })
  })

  const hold = (reason: string) => `copydesk: HOLD: ${reason}. Do not publish; check again, or ask the desk.\n`

  test.each([
    ['400', "copydesk answered HTTP 400: body must have required property 'body'"],
    ['413', 'copydesk answered HTTP 413: Request body is too large'],
    ['500', 'copydesk answered HTTP 500'],
    ['503', 'copydesk answered HTTP 503: Too many stories in the queue; try again'],
    ['garbage', "copydesk's answer is not a result it understands"],
    ['truncated', "copydesk's answer is not a result it understands"],
    ['hold', 'copydesk did not finish checking this story: copydesk ran out of time before spelling finished; check again before publishing.'],
    ['incomplete-pass', 'copydesk did not finish checking this story'],
    ['no-complete', 'copydesk did not finish checking this story'],
    ['unknown', 'copydesk answered verdict "publish-anyway", which this script does not know']
  ])('%s: held (exit 2) with the reason', async (name, reason) => {
    expect(await webhookRun(`${stubUrl}/${name}`, ['Headline', clean])).toEqual({code: 2, stdout: '', stderr: hold(reason)})
  })

  test('a reply slower than COPYDESK_TIMEOUT: held', async () => {
    const outcome = await webhookRun(`${stubUrl}/slow`, ['Headline', clean], undefined, {COPYDESK_TIMEOUT: '1'})
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toMatch(/^copydesk: HOLD: copydesk did not answer \(http:\/\/127\.0\.0\.1:\d+\/slow\/v1\/check: curl: \(28\) Operation timed out after \d+ milliseconds with 0 bytes received\)\. Do not publish/)
  })

  test('nothing listening: held', async () => {
    const outcome = await webhookRun(closedUrl, ['Headline', clean])
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toMatch(/^copydesk: HOLD: copydesk did not answer \(http:\/\/127\.0\.0\.1:\d+\/v1\/check: curl: \(7\) Failed to connect to 127\.0\.0\.1 port \d+.*\)\. Do not publish/)
  })

  test('a request that cannot be built (the story is a folder): held, nothing sent', async () => {
    received = undefined
    const outcome = await webhookRun(`${stubUrl}/pass`, ['Headline', tmp])
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toMatch(/^copydesk: HOLD: cannot build the request: jq: .*\. Do not publish/)
    expect(received).toBeUndefined()
  })

  test('a story file that cannot be read: held', async () => {
    expect(await webhookRun(`${stubUrl}/pass`, ['Headline', path.join(tmp, 'missing.txt')])).toEqual({
      code: 2,
      stdout: '',
      stderr: hold(`cannot read the story file ${path.join(tmp, 'missing.txt')}`)
    })
  })
})

const hasPhp = spawnSync('sh', ['-c', 'command -v php']).status === 0
if (!hasPhp && !process.env.CI) console.log('recipes: php not found, WordPress recipe tests skipped (apt-get install -y php-cli)')

describe.skipIf(!hasPhp && !process.env.CI)('WordPress: copydesk.php', () => {
  interface Outcome {
    results: Array<{id?: number; error?: {code: string; message: string; status: number}; html?: string}>
    posts: Record<string, {ID: number; post_title: string; post_content: string; post_status: string; post_type: string}>
    meta: Record<string, Record<string, any>>
    requests: number
  }

  async function wordpress(endpoint: string, scenario: object, env: Record<string, string> = {}): Promise<Outcome> {
    const outcome = await run('php', [path.join(repo, 'test/fixtures/wordpress/run.php')], {
      env: {COPYDESK_ENDPOINT: endpoint + '/v1/check', ...env},
      input: JSON.stringify(scenario)
    })
    if (outcome.code !== 0) throw new Error(`php exited ${outcome.code}: ${outcome.stderr}${outcome.stdout}`)
    return JSON.parse(outcome.stdout) as Outcome
  }

  /** The `_copydesk_held` meta of each post (the recipe also keeps `_copydesk_last_check`, the result's summary). */
  const held = (outcome: Outcome) =>
    Object.fromEntries(Object.entries(outcome.meta).flatMap(([id, meta]) => ('_copydesk_held' in meta ? [[id, {_copydesk_held: meta._copydesk_held}]] : [])))

  const clean = {post_title: 'Council passes budget', post_content: '<p>The council approved the budget on Tuesday.</p>'}
  const tk = {post_title: 'Council passes budget', post_content: '<p>The mayor said TK when asked.</p>'}
  const tkReason = 'copydesk found errors: Remove `TK` before publishing: it marks copy still to come (body 1:19)'

  test.each(['publish', 'future'])('a story with an error saved as `%s` (classic editor, Quick Edit, WP-CLI) is kept as Pending, with the reason', async (status) => {
    const outcome = await wordpress(realUrl, {steps: [{do: 'insert', post: {...tk, post_status: status}}, {do: 'notices'}]})
    expect(outcome.posts['1'].post_status).toBe('pending')
    expect(held(outcome)).toEqual({1: {_copydesk_held: tkReason}})
    expect(outcome.results[1].html).toBe(
      `<div class="notice notice-error"><p>copydesk: not published, kept as Pending: ${tkReason.replace(/`/g, '`')}.</p></div>`
    )
  })

  test('a clean story publishes; drafts and other post types are not checked', async () => {
    const outcome = await wordpress(realUrl, {
      steps: [
        {do: 'insert', post: {...clean, post_status: 'publish'}},
        {do: 'insert', post: {...tk, post_status: 'draft'}},
        {do: 'insert', post: {...tk, post_status: 'publish', post_type: 'page'}},
        {do: 'notices'}
      ]
    })
    expect(Object.values(outcome.posts).map((post) => [post.post_type, post.post_status])).toEqual([
      ['post', 'publish'],
      ['post', 'draft'],
      ['page', 'publish']
    ])
    expect(held(outcome)).toEqual({})
    expect(outcome.meta).toEqual({1: {_copydesk_last_check: expect.objectContaining({verdict: 'pass', dismissed: []})}})
    expect(outcome.requests).toBe(1)
    expect(outcome.results[3].html).toBe('')
  })

  test('slashed content is unslashed before it is sent', async () => {
    received = undefined
    const story = {post_title: 'O\'Brien: "No"', post_content: '<p>A back\\slash and O\'Brien\'s "quote".</p>'}
    const outcome = await wordpress(`${stubUrl}/pass`, {steps: [{do: 'insert', post: {...story, post_status: 'publish'}}]})
    expect(outcome.posts['1'].post_status).toBe('publish')
    expect(JSON.parse(received!.body)).toEqual({headline: story.post_title, body: story.post_content, format: 'html'})
  })

  test('REST (the block editor): the save is refused with the reason, and nothing changes', async () => {
    const outcome = await wordpress(realUrl, {
      posts: {7: {...tk, post_status: 'draft'}},
      steps: [
        {do: 'rest', post: {ID: 7, post_status: 'publish'}},
        {do: 'rest', post: {...tk, post_status: 'future'}},
        {do: 'rest', post: {ID: 7, ...clean, post_status: 'publish'}}
      ]
    })
    const refused = {error: {code: 'copydesk_held', message: `Not published: ${tkReason}.`, status: 409}}
    expect(outcome.results).toEqual([refused, refused, {id: 7}])
    expect(outcome.posts['7'].post_status).toBe('publish')
    expect(outcome.posts['7'].post_content).toBe(clean.post_content)
    expect(Object.keys(outcome.posts)).toEqual(['7'])
    // The check made for the REST step is reused when wp_insert_post_data runs on the same save.
    expect(outcome.requests).toBe(2)
  })

  test('a scheduled post is checked again when cron publishes it', async () => {
    const outcome = await wordpress(realUrl, {
      posts: {3: {...tk, post_status: 'future'}, 4: {...clean, post_status: 'future'}},
      steps: [
        {do: 'cron', id: 3},
        {do: 'cron', id: 4}
      ]
    })
    expect([outcome.posts['3'].post_status, outcome.posts['4'].post_status]).toEqual(['pending', 'publish'])
    expect(held(outcome)).toEqual({3: {_copydesk_held: tkReason}})
    expect(outcome.meta['3']._copydesk_last_check).toMatchObject({verdict: 'block', counts: {error: 1}})
  })

  test.each([
    ['400', "copydesk answered HTTP 400: body must have required property 'body'"],
    ['413', 'copydesk answered HTTP 413: Request body is too large'],
    ['500', 'copydesk answered HTTP 500'],
    ['garbage', "copydesk's answer is not a result it understands"],
    ['hold', 'copydesk did not finish checking this story: copydesk ran out of time before spelling finished; check again before publishing.'],
    ['incomplete-pass', 'copydesk did not finish checking this story'],
    ['no-complete', 'copydesk did not finish checking this story'],
    ['unknown', 'copydesk answered verdict "publish-anyway", which this plugin does not know']
  ])('%s: held as Pending with the reason', async (name, reason) => {
    const outcome = await wordpress(`${stubUrl}/${name}`, {steps: [{do: 'insert', post: {...clean, post_status: 'publish'}}]})
    expect(outcome.posts['1'].post_status).toBe('pending')
    expect(held(outcome)).toEqual({1: {_copydesk_held: reason}})
  })

  test("a reason that ends in a period gets no second one in the editor's message", async () => {
    const outcome = await wordpress(`${stubUrl}/hold`, {steps: [{do: 'rest', post: {...clean, post_status: 'publish'}}]})
    expect(outcome.results[0].error!.message).toBe(
      'Not published: copydesk did not finish checking this story: copydesk ran out of time before spelling finished; check again before publishing.'
    )
  })

  test('a slow copydesk (past COPYDESK_TIMEOUT) or none at all: held', async () => {
    const slow = await wordpress(`${stubUrl}/slow`, {steps: [{do: 'insert', post: {...clean, post_status: 'publish'}}]}, {COPYDESK_TIMEOUT: '1'})
    expect(slow.posts['1'].post_status).toBe('pending')
    expect(slow.meta['1']._copydesk_held).toMatch(/^copydesk could not be reached \(.*\/slow\/v1\/check.*\)$/)
    const none = await wordpress(closedUrl, {steps: [{do: 'insert', post: {...clean, post_status: 'publish'}}]})
    expect(none.posts['1'].post_status).toBe('pending')
    expect(none.meta['1']._copydesk_held).toMatch(/^copydesk could not be reached \(.*Connection refused\)$/)
  })
})

describe('WordPress: copydesk-panel.js', () => {
  type Panel = {
    decisionOf: (answer: unknown) => {publish: boolean; reason?: string; result?: unknown}
    anchorFor: (checked: {title: string; content: string}, message: object) => object | undefined
  }
  const window: {copydeskPanel?: Panel} = {}
  vm.runInNewContext(fs.readFileSync(path.join(repo, 'examples/cms/wordpress/copydesk-panel.js'), 'utf8'), {window})
  const panel = window.copydeskPanel!

  test('publishes only on what copydesk.php passed; anything else holds with a reason', () => {
    const passed = {verdict: 'warn', messages: [], complete: true}
    const tkReason = 'copydesk found errors: Remove `TK` before publishing: it marks copy still to come (body 1:19)'
    expect(panel.decisionOf({publish: true, reason: '', result: passed})).toEqual({publish: true, result: passed})
    expect(panel.decisionOf({publish: false, reason: tkReason, result: {verdict: 'block', messages: []}})).toEqual({
      publish: false,
      reason: tkReason,
      result: {verdict: 'block', messages: []}
    })
    expect(panel.decisionOf({publish: false, reason: 'copydesk could not be reached (timeout)', result: null})).toEqual({
      publish: false,
      reason: 'copydesk could not be reached (timeout)',
      result: undefined
    })
    for (const garbage of [null, 'pass', {}, {publish: 'yes'}, []]) {
      expect(panel.decisionOf(garbage)).toEqual({publish: false, reason: "WordPress's answer is not a check it understands"})
    }
    // `publish` without a result to show: held.
    expect(panel.decisionOf({publish: true, reason: ''})).toEqual({publish: false, reason: 'copydesk did not pass this story', result: undefined})
  })

  test("anchors a dismissal as copydesk's decisionFor does, in HTML with curly quotes and an emoji before the finding", async () => {
    const {prePublish, decisionFor} = await import('../src/index.js')
    const story = {
      headline: 'Harbor “reopens” 🚢 after the the storm',
      body: '<!-- wp:paragraph -->\n<p>“Boats 🚢 wait,” she said — after the the storm passed.</p>\n<!-- /wp:paragraph -->',
      format: 'html' as const
    }
    const result = await prePublish(story)
    const repeated = result.messages.filter((message) => message.ruleId === 'repeated-word')
    expect(repeated.map((message) => message.field ?? 'body')).toEqual(['headline', 'body'])
    for (const message of repeated) {
      const {by, ...anchor} = decisionFor(story, message, {by: 'J. Editor'})
      expect(by).toBe('J. Editor')
      const {action, ...expected} = anchor
      expect(action).toBe('dismiss')
      expect(panel.anchorFor({title: story.headline, content: story.body}, message)).toEqual({...expected, field: message.field ?? 'body'})
    }
    expect(panel.anchorFor({title: '', content: ''}, {ruleId: 'x', actual: 'y', offset: null, endOffset: null})).toBeUndefined()
  })
})

describe('Strapi 5: strapi/copydesk.js', async () => {
  const {registerCopydesk, blocksToText, decide} = (await import('../examples/cms/strapi/copydesk.js')) as {
    registerCopydesk: (strapi: unknown, options?: object) => void
    blocksToText: (blocks: unknown[]) => string
    decide: (result: unknown) => {publish: boolean; reason?: string}
  }

  test('runs the copydesk of src/, not a build that may be stale', async () => {
    const {prePublish} = (await import('../src/index.js')) as {prePublish: unknown}
    expect(((await import('copydesk' as string)) as {prePublish: unknown}).prePublish).toBe(prePublish)
  })

  // Strapi 5's default rich-text field: Blocks JSON.
  const blocks = (...sentences: string[]) => [
    {type: 'heading', level: 2, children: [{type: 'text', text: 'Budget vote'}]},
    {
      type: 'paragraph',
      children: [
        {type: 'text', text: 'The council '},
        {type: 'text', text: 'approved', bold: true},
        {type: 'text', text: ' the budget, the '},
        {type: 'link', url: 'https://example.com', children: [{type: 'text', text: 'city clerk'}]},
        {type: 'text', text: ' said.'}
      ]
    },
    {
      type: 'list',
      format: 'unordered',
      children: [
        {type: 'list-item', children: [{type: 'text', text: 'Roads get more money.'}]},
        {type: 'list', format: 'ordered', children: [{type: 'list-item', children: [{type: 'text', text: 'Parks get less.'}]}]}
      ]
    },
    {type: 'quote', children: [{type: 'text', text: '"It is a fair budget," the mayor said.'}]},
    {type: 'code', children: [{type: 'text', text: 'total = 42'}]},
    {type: 'image', image: {url: '/uploads/x.jpg', alternativeText: 'Council chamber', caption: 'The council chamber.'}, children: [{type: 'text', text: ''}]},
    ...sentences.map((text) => ({type: 'paragraph', children: [{type: 'text', text}]}))
  ]

  test('blocksToText: every kind of block, one per paragraph', () => {
    expect(blocksToText(blocks())).toBe(
      [
        'Budget vote',
        'The council approved the budget, the city clerk said.',
        'Roads get more money.\nParks get less.',
        '"It is a fair budget," the mayor said.',
        'total = 42',
        'The council chamber.'
      ].join('\n\n')
    )
  })

  /** A fake Strapi 5: the document service with middlewares, drafts in memory. */
  function fakeStrapi(draftAndPublish = true) {
    const middlewares: Array<(context: object, next: () => Promise<unknown>) => Promise<unknown>> = []
    const drafts = new Map<string, Record<string, unknown>>()
    const published = new Map<string, Record<string, unknown>>()
    const logs: string[] = []
    const contentType = {kind: 'collectionType', options: {draftAndPublish}}
    const call = (uid: string, action: string, params: Record<string, unknown>, last: () => unknown) => {
      const context = {uid, action, params, contentType}
      const at = (index: number): Promise<unknown> =>
        index === middlewares.length ? Promise.resolve(last()) : Promise.resolve(middlewares[index](context, () => at(index + 1)))
      return at(0)
    }
    let count = 0
    const documents = Object.assign(
      (uid: string) => ({
        findOne: (params: {documentId: string}) => call(uid, 'findOne', params, () => drafts.get(params.documentId) ?? null),
        findMany: (params: object) => call(uid, 'findMany', params, () => [...drafts.values()]),
        create: (params: {data: Record<string, unknown>; status?: string}) =>
          call(uid, 'create', params, () => {
            const documentId = `doc${++count}`
            drafts.set(documentId, {documentId, ...params.data})
            if (params.status === 'published' || !draftAndPublish) published.set(documentId, {documentId, ...params.data})
            return {documentId}
          }),
        update: (params: {documentId: string; data: Record<string, unknown>; status?: string}) =>
          call(uid, 'update', params, () => {
            const next = {...drafts.get(params.documentId), ...params.data}
            drafts.set(params.documentId, next)
            if (params.status === 'published' || !draftAndPublish) published.set(params.documentId, next)
            return next
          }),
        publish: (params: {documentId: string}) =>
          call(uid, 'publish', params, () => {
            published.set(params.documentId, drafts.get(params.documentId)!)
            return {documentId: params.documentId}
          })
      }),
      {use: (middleware: (typeof middlewares)[number]) => middlewares.push(middleware)}
    )
    const strapi = {documents, log: {warn: (message: string) => logs.push(message), info() {}}}
    return {strapi, drafts, published, logs}
  }

  const uid = 'api::article.article'
  const tkReason =
    'copydesk: not published: fix before publishing: Remove `TK` before publishing: it marks copy still to come (body 14:16)'

  test('publish: a Blocks story with an error is refused with the reason; a clean one publishes', async () => {
    const {strapi, drafts, published} = fakeStrapi()
    registerCopydesk(strapi, {timeoutMs: 60_000})
    drafts.set('a', {documentId: 'a', title: 'Council passes budget', body: blocks('The mayor said TK.')})
    drafts.set('b', {documentId: 'b', title: 'Council passes budget', body: blocks('The mayor agreed.')})
    await expect(strapi.documents(uid).publish({documentId: 'a'})).rejects.toThrow(tkReason)
    await expect(strapi.documents(uid).publish({documentId: 'b'})).resolves.toEqual({documentId: 'b'})
    expect([...published.keys()]).toEqual(['b'])
  })

  test('create and update with `status: published` are checked too; drafts save as usual', async () => {
    const {strapi, drafts, published} = fakeStrapi()
    registerCopydesk(strapi, {timeoutMs: 60_000})
    const articles = strapi.documents(uid)
    await expect(articles.create({data: {title: 'Budget', body: 'The mayor said TK.'}, status: 'published'})).rejects.toThrow(
      'copydesk: not published: fix before publishing: Remove `TK` before publishing: it marks copy still to come (body 1:16)'
    )
    const {documentId} = (await articles.create({data: {title: 'Budget', body: 'The mayor said TK.'}})) as {documentId: string}
    expect(drafts.get(documentId)).toMatchObject({body: 'The mayor said TK.'})
    // The update gives only the title: the body comes from the draft.
    await expect(articles.update({documentId, data: {title: 'Budget passes'}, status: 'published'})).rejects.toThrow(
      'copydesk: not published: fix before publishing: Remove `TK` before publishing: it marks copy still to come (body 1:16)'
    )
    await articles.update({documentId, data: {body: 'The mayor agreed.'}, status: 'published'})
    expect(published.get(documentId)).toMatchObject({title: 'Budget', body: 'The mayor agreed.'})
  })

  test('without Draft & Publish every save is checked', async () => {
    const {strapi, published} = fakeStrapi(false)
    registerCopydesk(strapi, {timeoutMs: 60_000})
    await expect(strapi.documents(uid).create({data: {title: 'Budget', body: blocks('The mayor said TK.')}})).rejects.toThrow(tkReason)
    expect(published.size).toBe(0)
    await strapi.documents('api::page.page').create({data: {title: 'About', body: 'Edited by TK.'}})
    expect(published.size).toBe(1)
  })

  test('a check that does not finish holds the story', async () => {
    const {strapi, drafts, published, logs} = fakeStrapi()
    registerCopydesk(strapi, {timeoutMs: 1})
    const sentence = 'The council approved the budget on Tuesday after a long debate. '
    drafts.set('long', {documentId: 'long', title: 'Budget', body: sentence.repeat(4000)})
    await expect(strapi.documents(uid).publish({documentId: 'long'})).rejects.toThrow(/^copydesk: not published: copydesk did not finish checking this story/)
    expect(published.size).toBe(0)
    expect(logs).toEqual([expect.stringMatching(/^copydesk: long: not published: copydesk did not finish checking this story/)])
  })

  test('a body it cannot read, or no draft, holds the story', async () => {
    const {strapi, drafts} = fakeStrapi()
    registerCopydesk(strapi)
    drafts.set('odd', {documentId: 'odd', title: 'Budget', body: {some: 'object'}})
    await expect(strapi.documents(uid).publish({documentId: 'odd'})).rejects.toThrow(
      'copydesk: not published: copydesk cannot read the `body` field (object); it reads Blocks, Markdown and text fields'
    )
    await expect(strapi.documents(uid).publish({documentId: 'gone'})).rejects.toThrow(
      'copydesk: not published: copydesk could not read the story to check it (no draft of gone)'
    )
  })

  test('decide: publish only on complete pass or warn', () => {
    for (const [name, [, text]] of Object.entries(answers)) {
      if (answers[name][0] !== 200 || name === 'garbage' || name === 'truncated') continue
      expect([name, decide(JSON.parse(text)).publish]).toEqual([name, name === 'pass' || name === 'warn' || name === 'slow'])
    }
    expect(decide(undefined)).toEqual({publish: false, reason: "copydesk's answer is not a result it understands"})
  })
})
