/**
 * `copydesk words` as an editor runs it: spawn `node bin/copydesk.js words
 * add …`, then check a story in the same newsroom folder and see the word
 * no longer flagged. Runs the built CLI (dist/), rebuilt here when stale.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildIfStale} from './util/build.js'
import {runProcess, type Run} from './util/run.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')
let temp: string


function copydesk(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runProcess(process.execPath, [bin, ...args], {cwd, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COPYDESK_EDITOR: undefined, ...env}})
}

/** A newsroom folder: `.copydeskrc` naming `rules/`, an empty rules folder, and a story. */
function newsroom(): string {
  const base = fs.mkdtempSync(path.join(temp, 'newsroom-'))
  fs.mkdirSync(path.join(base, 'rules'))
  fs.writeFileSync(path.join(base, '.copydeskrc'), '{"rules": "rules"}\n')
  fs.writeFileSync(path.join(base, 'story.txt'), 'The soymeal shipment arrived at the port, Kotek said.\n')
  return base
}

beforeAll(() => {
  buildIfStale()
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-desk-cli-'))
}, 180_000)

afterAll(() => {
  fs.rmSync(temp, {recursive: true, force: true})
})

describe('copydesk words', () => {
  test('add, then a later check no longer flags the word; list and log show who, when and why', async () => {
    const base = newsroom()
    const before = await copydesk(['story.txt'], base)
    expect(before.stdout).toContain('`soymeal` is not in the dictionary')

    const added = await copydesk(['words', 'add', 'soymeal', '--by', 'J. Editor', '--note', 'confirmed with writer'], base)
    expect(added).toEqual({code: 0, stdout: 'Added `soymeal` to the desk dictionary (rules/desk-dictionary.txt).\n', stderr: ''})
    const again = await copydesk(['words', 'add', 'soymeal', '--by', 'J. Editor'], base)
    expect(again).toEqual({code: 0, stdout: 'Already in the desk dictionary: `soymeal`.\n', stderr: ''})

    const after = await copydesk(['story.txt'], base)
    expect(after.code).toBe(0)
    expect(after.stdout).not.toContain('soymeal')

    const list = await copydesk(['words', 'list', '--format', 'json'], base)
    const words = JSON.parse(list.stdout) as Array<{word: string; by: string; note: string; at: string}>
    expect(words.map(({word, by, note}) => ({word, by, note}))).toEqual([{word: 'soymeal', by: 'J. Editor', note: 'confirmed with writer'}])
    expect(Date.now() - Date.parse(words[0]!.at)).toBeLessThan(10 * 60_000)
    const shown = await copydesk(['words', 'list'], base)
    expect(shown.stdout).toBe(`soymeal  added by J. Editor, ${words[0]!.at}: confirmed with writer\n`)

    const removed = await copydesk(['words', 'remove', 'soymeal', '--rules', 'rules'], base, {COPYDESK_EDITOR: 'A. Chief'})
    expect(removed).toEqual({code: 0, stdout: 'Removed `soymeal` from the desk dictionary (rules/desk-dictionary.txt).\n', stderr: ''})
    const log = await copydesk(['words', 'log'], base)
    expect(log.stdout.split('\n').map((line) => line.replace(/^\S+ {2}/, ''))).toEqual([
      'added soymeal  by J. Editor: confirmed with writer',
      'removed soymeal  by A. Chief',
      ''
    ])
    expect((await copydesk(['story.txt'], base)).stdout).toContain('`soymeal` is not in the dictionary')
  }, 120_000)

  test.each<[string, string[], RegExp]>([
    ['two words at once as one', ['add', 'Ngozi Okonjo-Iweala', '--by', 'J'], /^copydesk words: "Ngozi Okonjo-Iweala" is more than one word; add each word of a name on its own \(`Ngozi`, `Okonjo-Iweala`\); nothing was changed\n$/],
    ['no --by', ['add', 'Kotek'], /^copydesk words: say who makes the change: --by "J. Editor" \(or set COPYDESK_EDITOR\)\n$/],
    ['no word', ['add', '--by', 'J'], /^copydesk words: give the words to add: copydesk words add Kotek --by "J. Editor"\n$/],
    ['a house rule avoids it', ['add', 'towards', '--by', 'J'], /^copydesk words: `towards` is a form the house rule `house-forms` \(.*house-forms\.yml\) says to avoid \(use `toward`\)/],
    ['an unknown action', ['ad', 'Kotek'], /^copydesk words: unknown action `ad`; use add, remove, list or log\./],
    ['an unknown option', ['add', 'Kotek', '--who', 'J'], /^copydesk words: Unknown option '--who'/]
  ])('%s: exit 2, one line, nothing written', async (_name, args, message) => {
    const base = newsroom()
    const run = await copydesk(['words', ...args], base)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(fs.readdirSync(path.join(base, 'rules'))).toEqual([])
  }, 60_000)

  test('no rules folder: says how to give one', async () => {
    const base = fs.mkdtempSync(path.join(temp, 'bare-'))
    const run = await copydesk(['words', 'add', 'Kotek', '--by', 'J'], base)
    expect(run).toEqual({code: 2, stdout: '', stderr: 'copydesk words: no rules folder: give --rules DIR, or set `rules` in .copydeskrc (docs/desk.md)\n'})
  }, 60_000)
})
