/**
 * `copydesk serve` lets decisions dismiss a must-never-publish finding
 * (`leftovers`' `TK`) only when the operator says so: `--allow-error-dismissal`
 * or `allowErrorDismissal: true` in the newsroom's .copydeskrc; then only by
 * a named editor with a reason, and the result lists it as dismissed. Real
 * server processes (the built CLI, dist/, rebuilt here when stale).
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildIfStale} from './util/build.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')
let temp: string
const children: ChildProcess[] = []

/** A newsroom folder with this .copydeskrc (none: `undefined`). */
function newsroom(name: string, rc?: string): string {
  const folder = path.join(temp, name)
  fs.mkdirSync(folder, {recursive: true})
  if (rc !== undefined) fs.writeFileSync(path.join(folder, '.copydeskrc'), rc)
  return folder
}

/** Start `copydesk serve` in `cwd`; resolves to its URL. */
function serve(cwd: string, flags: string[] = []): Promise<string> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--workers', '1', '--log-level', 'silent', ...flags], {cwd, stdio: ['ignore', 'ignore', 'pipe']})
  children.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    child.stderr!.on('data', (chunk: Buffer) => {
      output += String(chunk)
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) resolve(match[1]!)
    })
    child.on('exit', () => reject(new Error(output)))
  })
}

const body = 'The storm hit the coast on Monday.\n\nCasualties: TK.'
const dismissTk = {action: 'dismiss', ruleId: 'leftovers', actual: 'TK', before: 'on Monday.\n\nCasualties: ', after: '.', by: 'J. Editor', reason: 'TK is the company ticker here'}

interface Answer {
  verdict: string
  messages: Array<{ruleId: string; actual: string}>
  decisions: {dismissed: Array<{actual: string; dismissedBy: string; dismissReason: string}>; refused: Array<{why: string}>}
}

async function checkWith(url: string, decision: object): Promise<Answer> {
  const response = await fetch(url + '/v1/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({body, decisions: [decision]})})
  expect(response.status).toBe(200)
  return (await response.json()) as Answer
}

const outcome = (answer: Answer) => ({
  verdict: answer.verdict,
  flagged: answer.messages.map((message) => `${message.ruleId} ${message.actual}`),
  dismissed: answer.decisions.dismissed.map((message) => `${message.actual} by ${message.dismissedBy}: ${message.dismissReason}`),
  refused: answer.decisions.refused.map((item) => item.why)
})

const urls: Record<'plain' | 'flag' | 'config', string> = {plain: '', flag: '', config: ''}

beforeAll(async () => {
  buildIfStale()
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-serve-decisions-'))
  // One after another: three servers starting at once on a loaded machine time out.
  urls.plain = await serve(newsroom('plain'))
  urls.flag = await serve(newsroom('flag'), ['--allow-error-dismissal'])
  urls.config = await serve(newsroom('config', 'allowErrorDismissal: true\ndialect: en-US\n'))
}, 600_000)

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  fs.rmSync(temp, {recursive: true, force: true})
})

describe('copydesk serve and error dismissal', () => {
  test('by default a TK cannot be dismissed: refused, and the story is blocked', async () => {
    expect(outcome(await checkWith(urls.plain, dismissTk))).toEqual({
      verdict: 'block',
      flagged: ['leftovers TK'],
      dismissed: [],
      refused: ['`TK` (leftovers) must never be published; this desk does not allow dismissing it: fix the copy']
    })
  })

  test.each(['flag', 'config'] as const)('allowed (%s): dismissed by name with a reason, and listed', async (which) => {
    expect(outcome(await checkWith(urls[which], dismissTk))).toEqual({verdict: 'pass', flagged: [], dismissed: ['TK by J. Editor: TK is the company ticker here'], refused: []})
    const {reason: _reason, ...unexplained} = dismissTk
    expect(outcome(await checkWith(urls[which], unexplained))).toEqual({verdict: 'block', flagged: ['leftovers TK'], dismissed: [], refused: ['`TK` (leftovers) must never be published; dismissing it needs a reason']})
  })

  test('a setting that is not true or false stops the server with the file and the fix; the flag goes with serve only', () => {
    const folder = newsroom('bad', '{"allowErrorDismissal": "yes"}\n')
    const bad = spawnSync(process.execPath, [bin, 'serve', '--port', '0'], {cwd: folder, encoding: 'utf8', timeout: 60_000})
    expect([bad.status, bad.stderr.trim().replace(/^copydesk: .*?\.copydeskrc/, 'copydesk: .copydeskrc')]).toEqual([
      2,
      'copydesk: .copydeskrc: `allowErrorDismissal` must be true or false (whether `copydesk serve` lets a named editor dismiss a must-never-publish finding with a reason).'
    ])
    const misplaced = spawnSync(process.execPath, [bin, '--allow-error-dismissal', 'story.txt'], {cwd: folder, encoding: 'utf8', timeout: 60_000})
    expect([misplaced.status, misplaced.stderr]).toEqual([2, 'copydesk: --allow-error-dismissal goes with `copydesk serve`\n'])
  })

  test('the setting does not disturb checking stories with the CLI', () => {
    const folder = newsroom('config')
    fs.writeFileSync(path.join(folder, 'story.txt'), 'The storm hit the coast on Monday.\n')
    const run = spawnSync(process.execPath, [bin, 'story.txt'], {cwd: folder, encoding: 'utf8', timeout: 60_000})
    expect([run.status, run.stderr]).toEqual([0, ''])
  })
})
