/**
 * The desk dictionary over HTTP, on real processes: two `copydesk serve`
 * processes (two worker threads each) share one newsroom folder; a word
 * added through one is accepted by every worker of both, with no restart;
 * LanguageTool clients add and delete through `/v2/words`; writes need the
 * token; bad input is 400 and changes nothing. Runs the built CLI (dist/),
 * rebuilt here when stale.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildIfStale} from './util/build.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')
const token = 'desk-test-token'
let temp: string
let base: string
const servers: Array<{child: ChildProcess; url: string}> = []

/** Start `copydesk serve` in `cwd`; resolves to its URL. */
function serve(cwd: string): Promise<{child: ChildProcess; url: string}> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--workers', '2', '--token', token, '--log-level', 'silent'], {cwd, stdio: ['ignore', 'ignore', 'pipe']})
  return new Promise((resolve, reject) => {
    let output = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      output += String(chunk)
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) resolve({child, url: match[1]!})
    })
    child.on('exit', () => reject(new Error(output)))
  })
}

const auth = {authorization: `Bearer ${token}`}

function json(url: string, method: string, body: unknown, headers: Record<string, string> = auth) {
  return fetch(url, {method, headers: {'content-type': 'application/json', ...headers}, body: JSON.stringify(body)})
}

function form(url: string, body: string) {
  return fetch(url, {method: 'POST', headers: {'content-type': 'application/x-www-form-urlencoded', ...auth}, body})
}

/** What `/v1/check` flags in `body` (ruleId and words). */
async function flagged(url: string, body: string): Promise<string[]> {
  const result = (await (await json(url + '/v1/check', 'POST', {body})).json()) as {messages: Array<{ruleId: string; actual: string}>}
  return result.messages.map((message) => `${message.ruleId} ${message.actual}`)
}

beforeAll(async () => {
  buildIfStale()
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-desk-server-'))
  base = path.join(temp, 'newsroom')
  fs.mkdirSync(path.join(base, 'rules'), {recursive: true})
  fs.writeFileSync(path.join(base, '.copydeskrc'), '{"rules": "rules"}\n')
  servers.push(...(await Promise.all([serve(base), serve(base)])))
}, 180_000)

afterAll(async () => {
  for (const {child} of servers) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  fs.rmSync(temp, {recursive: true, force: true})
})

describe('two servers sharing one rules folder', () => {
  test('a word added through one is accepted by every worker of both, without a restart', async () => {
    const [a, b] = servers as [{url: string}, {url: string}]
    const story = 'The soymeal shipment arrived at the port.'
    expect(await flagged(b.url, story)).toEqual(['spelling soymeal'])

    const response = await json(a.url + '/v1/words', 'POST', {word: 'soymeal', by: 'J. Editor', note: 'feed industry term'})
    expect(response.status).toBe(200)
    const answer = (await response.json()) as {added: Array<{word: string; by: string; note: string}>; already: string[]}
    expect(answer.added.map(({word, by, note}) => ({word, by, note}))).toEqual([{word: 'soymeal', by: 'J. Editor', note: 'feed industry term'}])
    const added = Date.now()

    // Four stories at once on each server: both workers of each answer.
    let seenAfter = -1
    for (let round = 0; round < 100; round++) {
      const results = await Promise.all(servers.flatMap(({url}) => [1, 2, 3, 4].map(() => flagged(url, story))))
      if (results.every((messages) => messages.length === 0)) {
        seenAfter = Date.now() - added
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(seenAfter).toBeGreaterThanOrEqual(0)
    console.log(`desk-server: a new word reached every worker of both servers ${seenAfter} ms after it was added`)

    const list = (await (await fetch(b.url + '/v1/words', {headers: auth})).json()) as {folder: string; words: Array<{word: string}>}
    expect([list.folder, list.words.map((entry) => entry.word)]).toEqual([fs.realpathSync(path.join(base, 'rules')), ['soymeal']])
  }, 120_000)

  test('LanguageTool clients add and delete through /v2/words', async () => {
    const [a, b] = servers as [{url: string}, {url: string}]
    expect([(await form(b.url + '/v2/words/add', 'word=Kotek&username=lt-user&apiKey=x')).status]).toEqual([200])
    expect(await (await form(b.url + '/v2/words/add', 'word=Kotek&username=lt-user&apiKey=x')).json()).toEqual({added: false})
    expect(await (await fetch(a.url + '/v2/words?username=lt-user&apiKey=x&limit=50', {headers: auth})).json()).toEqual({words: ['Kotek', 'soymeal']})
    const bad = await form(b.url + '/v2/words/add', 'word=two+words&username=lt-user')
    expect([bad.status, await bad.text()]).toEqual([400, 'Error: copydesk: "two words" is more than one word; add each word of a name on its own (`two`, `words`); nothing was changed'])
    const anonymous = await form(b.url + '/v2/words/add', 'word=Okafor&apiKey=x')
    expect([anonymous.status, await anonymous.text()]).toEqual([400, "Error: Missing 'username' parameter: the desk dictionary records who added each word"])
    expect(await (await form(a.url + '/v2/words/delete', 'word=Kotek&username=lt-user')).json()).toEqual({deleted: true})
    const trail = (await (await fetch(a.url + '/v1/words/log', {headers: auth})).json()) as {events: Array<{action: string; word: string; by: string}>}
    expect(trail.events.map((event) => `${event.action} ${event.word} ${event.by}`)).toEqual(['add soymeal J. Editor', 'add Kotek lt-user', 'remove Kotek lt-user'])
  }, 60_000)

  test('writes need the token', async () => {
    const response = await json(servers[0]!.url + '/v1/words', 'POST', {word: 'Okafor', by: 'J'}, {})
    expect(response.status).toBe(401)
    expect(fs.readFileSync(path.join(base, 'rules', 'desk-dictionary.txt'), 'utf8')).not.toContain('Okafor')
  })

  test.each<[string, unknown, string]>([
    ['an empty word', {word: '', by: 'J'}, 'the word is empty; nothing was changed'],
    ['whitespace inside', {word: 'Ngozi Okonjo', by: 'J'}, '"Ngozi Okonjo" is more than one word; add each word of a name on its own (`Ngozi`, `Okonjo`); nothing was changed'],
    ['a control character', {word: 'Ko\u0000tek', by: 'J'}, '"Ko\\u0000tek" holds a control or invisible character; type the word again; nothing was changed'],
    ['10,000 words', {words: Array.from({length: 10_000}, (_, index) => `N${index}`), by: 'J'}, '10000 words in one call; the limit is 100. Add them in smaller batches, or put a long list in the rules folder\'s dictionary.txt under review.'],
    ['a house form to avoid', {word: 'towards', by: 'J'}, `\`towards\` is a form the house rule \`house-forms\` (${path.join(root, 'rules', 'house-forms.yml')}) says to avoid (use \`toward\`); change that rule first if the desk now accepts it. Nothing was changed.`],
    ['no author', {word: 'Okafor'}, "say who makes the change (`by`: a person's name); the desk dictionary keeps a trail"],
    ['an unknown field', {word: 'Okafor', by: 'J', who: 'K'}, 'The request has an unknown field `who`; send word (or words), by and note.'],
    ['both word and words', {word: 'Okafor', words: ['Kotek'], by: 'J'}, 'Send either `word` (one word) or `words` (a list), and `by`.']
  ])('%s: 400, nothing changed', async (_name, body, message) => {
    const file = path.join(base, 'rules', 'desk-dictionary.txt')
    const before = fs.readFileSync(file, 'utf8')
    const response = await json(servers[1]!.url + '/v1/words', 'POST', body)
    expect(response.status).toBe(400)
    expect(((await response.json()) as {message: string}).message).toBe(message)
    expect(fs.readFileSync(file, 'utf8')).toBe(before)
  }, 60_000)

  test('DELETE /v1/words removes; a word not there is reported missing', async () => {
    const [a] = servers as [{url: string}]
    await json(a.url + '/v1/words', 'POST', {words: ['Okafor', 'Lyammouri'], by: 'J'})
    const response = await json(a.url + '/v1/words', 'DELETE', {words: ['Okafor', 'Okafer'], by: 'A. Chief', note: 'wrong spelling'})
    expect(await response.json()).toEqual({removed: ['Okafor'], missing: ['Okafer']})
  })
})
