/**
 * `POST /v1/check` in process (a caller's checker): the whole answer for a
 * clean story, a headline finding, a policy from the request, and the exact
 * reason a story out of time is held with. Found by mutation testing
 * (docs/mutation.md).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {createChecker} from '../src/index.js'
import {createServer} from '../src/faces/server.js'

let app: FastifyInstance
let late: FastifyInstance
const checker = createChecker()

beforeAll(async () => {
  app = createServer({checker, timeoutMs: 60_000})
  late = createServer({checker, timeoutMs: 1})
  await Promise.all([app.ready(), late.ready()])
})

afterAll(async () => {
  await Promise.all([app.close(), late.close()])
})

async function post(server: FastifyInstance, body: object): Promise<Record<string, unknown>> {
  const response = await server.inject({method: 'POST', url: '/v1/check', payload: body})
  expect(response.statusCode).toBe(200)
  return response.json() as Record<string, unknown>
}

/** `field line:column ruleId actual` of each message. */
function found(result: Record<string, unknown>): string[] {
  return (result.messages as Array<Record<string, unknown>>).map((message) => `${message.field} ${message.line}:${message.column} ${message.ruleId} ${message.actual}`)
}

describe('POST /v1/check, in process', () => {
  test('a clean story: pass, complete, nothing else', async () => {
    expect(await post(app, {body: 'The council met on Tuesday.'})).toEqual({
      verdict: 'pass',
      counts: {error: 0, warning: 0, suggestion: 0},
      messages: [],
      complete: true,
      incomplete: []
    })
  })

  test('a TK in the headline blocks, reported in the headline with a link the server answers', async () => {
    const result = await post(app, {headline: 'Council meets TK', body: 'The council met on Tuesday.'})
    expect(result.verdict).toBe('block')
    expect(found(result)).toEqual(['headline 1:15 leftovers TK'])
    const url = (result.messages as Array<{url: string}>)[0].url
    // Its check's explanation, at the entry that fired.
    expect(url).toBe('/docs/checks/leftovers#entry-tk')
    expect((await app.inject({method: 'GET', url: url.split('#')[0]!})).statusCode).toBe(200)
  })

  test('the format and the policy of the request decide', async () => {
    const body = '# Storm\n\nResidents left the the town.'
    expect(await post(app, {body, format: 'markdown'})).toMatchObject({verdict: 'warn', complete: true})
    expect(found(await post(app, {body, format: 'markdown'}))).toEqual(['body 3:16 repeated-word the the'])
    expect(await post(app, {body, format: 'markdown', policy: {block: ['warning']}})).toMatchObject({verdict: 'block'})
    expect(await post(app, {body, format: 'markdown', policy: {warn: []}})).toMatchObject({verdict: 'pass'})
  })

  test('a story out of time is held with the reason, the checks that did not run, and the TK it found', async () => {
    const body = 'The council met on Tuesday to discuss the budget for the coming year.\n\n'.repeat(60) + 'The mayor said TK.'
    const result = await post(late, {body})
    expect(result.verdict).toBe('hold')
    expect(result.complete).toBe(false)
    expect(result.incomplete).toEqual([
      'acronyms', 'confusables', 'courtesy-titles', 'dates', 'dialect', 'empty-story', 'house-forms', 'indefinite-article',
      'money', 'name-consistency', 'numbers', 'percent', 'repeated-word', 'spelling', 'states', 'times', 'titles', 'word-collision'
    ])
    expect(result.reason).toBe(
      'copydesk ran out of time before it finished checking this story (acronyms, confusables, courtesy-titles, dates and 14 more did not run over all of it); hold it and check again, or check it in parts.'
    )
    expect(found(result)).toEqual(['body 121:16 leftovers TK'])
  })

  test('a story whose markup cannot be read is answered 422 with what is wrong, not held as a failure', async () => {
    const response = await app.inject({method: 'POST', url: '/v1/check', payload: {body: '<div>'.repeat(20_000) + 'TK', format: 'html'}})
    expect(response.statusCode).toBe(422)
    expect(response.json()).toMatchObject({
      statusCode: 422,
      message:
        'copydesk: the story’s markup is nested too deeply to read (thousands of elements inside one another), which is usually broken CMS output. Fix the markup, or check the story as plain text (format `text`).'
    })
  })

  test('one story at a time and none queued (maxQueue 0): a second story at once is answered 503, retry after the budget', async () => {
    const busy = createServer({checker, timeoutMs: 60_000, maxQueue: 0})
    await busy.ready()
    try {
      const story = {body: 'The council met on Tuesday.'}
      const responses = await Promise.all([1, 2].map(() => busy.inject({method: 'POST', url: '/v1/check', payload: story})))
      expect(responses.map((response) => [response.statusCode, response.headers['retry-after']])).toEqual([
        [200, undefined],
        [503, '60']
      ])
      // The queue is free again afterwards.
      expect((await busy.inject({method: 'POST', url: '/v1/check', payload: story})).statusCode).toBe(200)
    } finally {
      await busy.close()
    }
  })

  test('a checker that fails on a story holds it: with the floor, the TK the floor found is kept; without, nothing is', async () => {
    const rest = [
      'acronyms', 'confusables', 'courtesy-titles', 'dates', 'dialect', 'empty-story', 'house-forms', 'indefinite-article',
      'money', 'name-consistency', 'numbers', 'percent', 'repeated-word', 'spelling', 'states', 'times', 'titles', 'word-collision'
    ]
    const failing = createChecker()
    failing.check = async () => {
      throw new Error('a plugin of the newsroom failed')
    }
    const reason = 'copydesk failed while checking this story (the error is in the server log); hold it and check again.'
    const story = {body: 'The mayor said TK.'}
    for (const [floor, incomplete, messages] of [
      [true, rest, ['body 1:16 leftovers TK']],
      [false, [...rest, 'leftovers'].sort(), []]
    ] as const) {
      const server = createServer({checker: failing, timeoutMs: 60_000, floor})
      try {
        const result = await post(server, story)
        expect(result).toMatchObject({verdict: 'hold', complete: false, incomplete, reason})
        expect(found(result)).toEqual(messages)
      } finally {
        await server.close()
      }
    }
  })

  test('an editor may dismiss a TK only on a server that allows it (allowErrorDismissal), with a reason', async () => {
    const story = {body: 'The mayor said TK.'}
    const dismiss = {action: 'dismiss', ruleId: 'leftovers', actual: 'TK', before: 'The mayor said ', after: '.', by: 'J. Editor', reason: 'a ticker symbol'}
    const refused = await post(app, {...story, decisions: [dismiss]})
    expect([refused.verdict, found(refused)]).toEqual(['block', ['body 1:16 leftovers TK']])
    expect((refused.decisions as {refused: Array<{why: string}>}).refused.map((item) => item.why)).toEqual([
      '`TK` (leftovers) must never be published; this desk does not allow dismissing it: fix the copy'
    ])
    const allowing = createServer({checker, timeoutMs: 60_000, allowErrorDismissal: true})
    try {
      const dismissed = await post(allowing, {...story, decisions: [dismiss]})
      expect([dismissed.verdict, found(dismissed)]).toEqual(['pass', []])
      expect((dismissed.decisions as {dismissed: Array<{actual: string; dismissedBy: string}>}).dismissed.map((message) => [message.actual, message.dismissedBy])).toEqual([
        ['TK', 'J. Editor']
      ])
    } finally {
      await allowing.close()
    }
  })

  test('the format and the headline of the request reach the checker: a double in HTML and one in the headline', async () => {
    const result = await post(app, {headline: 'Storm floods the the harbor', body: '<p>Residents left <b>the</b> the town.</p>', format: 'html'})
    expect(found(result)).toEqual(['headline 1:14 repeated-word the the', 'body 1:22 repeated-word the the'])
    expect((await app.inject({method: 'GET', url: '/health'})).json()).toMatchObject({workers: 0, pending: 0, cutOff: 0})
  })

  test("a caller's checker decides the dialect, and without the floor its own findings are the answer", async () => {
    const british = createServer({checker: createChecker({dialect: 'en-GB'}), timeoutMs: 60_000, floor: false})
    try {
      expect((await british.inject({method: 'GET', url: '/health'})).json()).toMatchObject({dialect: 'en-GB', workers: 0})
      const result = await post(british, {body: 'Residents left the the harbour.'})
      expect(result).toMatchObject({verdict: 'warn', complete: true, incomplete: []})
      expect(found(result)).toEqual(['body 1:16 repeated-word the the'])
    } finally {
      await british.close()
    }
  })
})

/** `POST /v2/check` (LanguageTool) with `text`: the reply's JSON. */
async function v2(server: FastifyInstance, text: string): Promise<{matches: Array<{rule: {id: string}; offset: number; length: number}>; warnings: {incompleteResults: boolean}}> {
  const response = await server.inject({
    method: 'POST',
    url: '/v2/check',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    payload: new URLSearchParams({language: 'en-US', text}).toString()
  })
  expect(response.statusCode).toBe(200)
  return response.json()
}

describe('POST /v2/check in process: a LanguageTool client is told when the check did not finish', () => {
  const long = 'The council met on Tuesday to discuss the budget for the coming year.\n\n'.repeat(60) + 'The mayor said TK.'

  test('with the floor: a story checked to its end is complete, one out of time is not (its TK still reported)', async () => {
    const done = await v2(app, 'The mayor said TK.')
    expect(done.warnings).toEqual({incompleteResults: false})
    expect(done.matches.map((match) => `${match.offset} ${match.rule.id}`)).toEqual(['15 COPYDESK_LEFTOVERS'])
    const cut = await v2(late, long)
    expect(cut.warnings).toEqual({incompleteResults: true})
    expect(cut.matches.map((match) => match.rule.id)).toEqual(['COPYDESK_LEFTOVERS'])
  })

  test('without the floor: the same', async () => {
    const open = createServer({checker, timeoutMs: 60_000, floor: false})
    const openLate = createServer({checker, timeoutMs: 1, floor: false})
    try {
      expect((await v2(open, 'The council met on Tuesday.')).warnings).toEqual({incompleteResults: false})
      expect((await v2(openLate, long)).warnings).toEqual({incompleteResults: true})
    } finally {
      await Promise.all([open.close(), openLate.close()])
    }
  })

  test('a checker that fails: incomplete, with the floor and without', async () => {
    const failing = createChecker()
    failing.check = async () => {
      throw new Error('a plugin of the newsroom failed')
    }
    for (const floor of [true, false]) {
      const server = createServer({checker: failing, timeoutMs: 60_000, floor})
      try {
        const result = await v2(server, 'The mayor said TK.')
        expect(result.warnings).toEqual({incompleteResults: true})
        expect(result.matches.map((match) => match.rule.id)).toEqual(floor ? ['COPYDESK_LEFTOVERS'] : [])
      } finally {
        await server.close()
      }
    }
  })
})

test("a caller's checker with a newsroom's own must-never-publish rules: the floor is that newsroom's, a control comment does not hide its phrase", async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-server-floor-style-'))
  fs.writeFileSync(
    path.join(folder, 'embargo.yml'),
    ['kind: existence', 'message: "Remove `{actual}` before publishing: {note}"', 'level: error', 'entries:', '  - id: embargoed', '    match: [EMBARGOED]', '    note: the story is not cleared', ''].join('\n')
  )
  const server = createServer({checker: createChecker({rules: [folder]}), timeoutMs: 60_000})
  try {
    const body = ['<p>The council met on Monday.</p>', '<!-- copydesk disable -->', '<p>EMBARGOED until noon.</p>', '<!-- copydesk enable -->'].join('\n')
    const result = await post(server, {body, format: 'html'})
    expect(result.verdict).toBe('block')
    expect(found(result)).toEqual(['body 3:4 embargo EMBARGOED'])
    expect(result.overridden).toEqual(['story: <!-- copydesk disable --> at 2:1'])
  } finally {
    await server.close()
    fs.rmSync(folder, {recursive: true, force: true})
  }
})

test('in process, the lane learns what a story costs (warm-up stories aside): one that would not be checked in time behind another is answered 503', async () => {
  // A checker whose stories starting SLOW cost 1.5 s more: the server's warm-up stories ("Ready.") stay cheap.
  const slow = createChecker()
  const check = slow.check.bind(slow)
  slow.check = async (input, options) => {
    if (String(typeof input === 'string' ? input : input.value).startsWith('SLOW')) {
      const until = Date.now() + 1500
      while (Date.now() < until) {}
    }
    return check(input, options)
  }
  const server = createServer({checker: slow, timeoutMs: 2500, floor: false})
  try {
    await server.ready()
    const story = {method: 'POST' as const, url: '/v1/check', payload: {body: 'SLOW. The council met on Tuesday.'}}
    // The first is checked (the lane was free) and measured.
    expect((await server.inject(story)).statusCode).toBe(200)
    // Then two at once: the second would wait about 1.5 s and cost as much again, past its 2.5 s.
    const responses = await Promise.all([server.inject(story), server.inject(story)])
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 503])
    const refused = responses.find((response) => response.statusCode === 503)!
    expect(refused.json().message).toMatch(/^copydesk would not check this story within its time budget \(about \d+\.\d s of stories are queued ahead of it\); try again in a moment\.$/)
    // When the queue ahead will have drained: seconds, not the age of the epoch.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    expect(Number(refused.headers['retry-after'])).toBeLessThan(120)
  } finally {
    await server.close()
  }
}, 60_000)

test('a request the schema refuses is 400 saying which field', async () => {
  // Made here, not in beforeAll: the route's set-up is then pinned to this test (docs/mutation.md, static mutants).
  const server = createServer({checker, timeoutMs: 60_000})
  try {
    const refused = await server.inject({method: 'POST', url: '/v1/check', payload: {body: 'The council met.', byline: 'J. Reporter'}})
    expect(refused.statusCode).toBe(400)
    expect(refused.json().message).toBe('request body has an unknown field `byline`. Send JSON such as {"headline": "…", "body": "…", "format": "text"}.')
  } finally {
    await server.close()
  }
})
