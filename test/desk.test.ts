/**
 * The desk dictionary as a library (src/desk/): what it accepts and refuses,
 * the files it writes, a running checker that sees a new word without being
 * made again, name-consistency that prefers the desk's spelling, the lock
 * (stale locks broken), and many writers in two OS processes losing nothing.
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {createChecker} from '../src/check.js'
import {deskDictionary, deskFileName, deskLogName, maxWordsPerCall} from '../src/desk/dictionary.js'
import {deskIntervalMs} from '../src/desk/live.js'
import {withLock} from '../src/desk/lock.js'

const root = fileURLToPath(new URL('..', import.meta.url))
let temp: string

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-desk-'))
})

afterAll(() => {
  fs.rmSync(temp, {recursive: true, force: true})
})

/** A fresh empty rules folder. */
function rulesFolder(): string {
  return fs.mkdtempSync(path.join(temp, 'rules-'))
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('add, list, remove, trail', () => {
  test('writes a readable sorted word list and a JSON Lines trail', async () => {
    const folder = rulesFolder()
    const desk = deskDictionary(folder)
    expect(desk.list()).toEqual([])
    const first = await desk.add(['Okafor', 'soymeal'], {by: 'J. Editor', note: 'confirmed with writer'})
    expect(first.added.map((entry) => entry.word)).toEqual(['Okafor', 'soymeal'])
    expect(first.already).toEqual([])
    const second = await desk.add(['Kotek', 'Okafor'], {by: 'A. Chief'})
    expect([second.added.map((entry) => entry.word), second.already]).toEqual([['Kotek'], ['Okafor']])

    const text = fs.readFileSync(path.join(folder, deskFileName), 'utf8')
    const at = (word: string) => desk.list().find((entry) => entry.word === word)!.at
    expect(text.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      `Kotek # ${at('Kotek')} "A. Chief"`,
      `Okafor # ${at('Okafor')} "J. Editor" "confirmed with writer"`,
      `soymeal # ${at('soymeal')} "J. Editor" "confirmed with writer"`,
      ''
    ])
    expect(desk.list()).toEqual([
      {word: 'Kotek', at: at('Kotek'), by: 'A. Chief'},
      {word: 'Okafor', at: at('Okafor'), by: 'J. Editor', note: 'confirmed with writer'},
      {word: 'soymeal', at: at('soymeal'), by: 'J. Editor', note: 'confirmed with writer'}
    ])

    const gone = await desk.remove(['Kotek', 'Kotex'], {by: 'A. Chief', note: 'wrong story'})
    expect(gone).toEqual({removed: ['Kotek'], missing: ['Kotex']})
    expect(desk.list().map((entry) => entry.word)).toEqual(['Okafor', 'soymeal'])
    const trail = desk.history().map((event) => `${event.action} ${event.word} by ${event.by}${event.note ? ': ' + event.note : ''}`)
    expect(trail).toEqual([
      'add Okafor by J. Editor: confirmed with writer',
      'add soymeal by J. Editor: confirmed with writer',
      'add Kotek by A. Chief',
      'remove Kotek by A. Chief: wrong story'
    ])
    expect(fs.readFileSync(path.join(folder, deskLogName), 'utf8').trim().split('\n').map((line) => Object.keys(JSON.parse(line)).join(','))).toEqual([
      'at,action,word,by,note',
      'at,action,word,by,note',
      'at,action,word,by',
      'at,action,word,by,note'
    ])
    // No lock or temporary file left behind.
    expect(fs.readdirSync(folder).sort()).toEqual([deskLogName, deskFileName].sort())
  })

  test('a word typed into the file by hand counts, without who or when', async () => {
    const folder = rulesFolder()
    fs.writeFileSync(path.join(folder, deskFileName), 'Lyammouri\n# a comment\nOkafor # by hand, no quotes\n')
    const desk = deskDictionary(folder)
    expect(desk.list()).toEqual([{word: 'Lyammouri'}, {word: 'Okafor'}])
    await desk.add('Kotek', {by: 'J. Editor'})
    expect(desk.list().map((entry) => entry.word)).toEqual(['Kotek', 'Lyammouri', 'Okafor'])
  })

  test('curly apostrophes are stored straight; spaces around a word are dropped', async () => {
    const desk = deskDictionary(rulesFolder())
    await desk.add(['O’Keeffe', '  Kotek  '], {by: 'J. Editor'})
    expect(desk.list().map((entry) => entry.word)).toEqual(["Kotek", "O'Keeffe"])
  })
})

describe('bad input: a TypeError that says what is wrong, and nothing changes', () => {
  test.each<[string, unknown, unknown, RegExp]>([
    ['an empty word', '', {by: 'J'}, /^copydesk: the word is empty; nothing was changed$/],
    ['blank', '   ', {by: 'J'}, /the word is empty/],
    ['two words', 'Ngozi Okonjo-Iweala', {by: 'J'}, /"Ngozi Okonjo-Iweala" is more than one word; add each word of a name on its own \(`Ngozi`, `Okonjo-Iweala`\)/],
    ['a control character', 'Ko\u0007tek', {by: 'J'}, /holds a control or invisible character/],
    ['an invisible character', 'Ko\u200btek', {by: 'J'}, /holds a control or invisible character/],
    ['a hash', 'Kotek#1', {by: 'J'}, /is not a word: use letters, digits/],
    ['too long', 'K' + 'o'.repeat(80), {by: 'J'}, /is longer than 64 characters/],
    ['not a string', 42, {by: 'J'}, /a word must be a string, not number/],
    ['no list', {word: 'Kotek'}, {by: 'J'}, /give a word, or a list of words/],
    ['an empty list', [], {by: 'J'}, /give at least one word/],
    ['too many', Array.from({length: 10_000}, (_, index) => `Name${index}`), {by: 'J'}, /10000 words in one call; the limit is 100/],
    ['no author', 'Kotek', {}, /say who makes the change \(`by`/],
    ['a blank author', 'Kotek', {by: '  '}, /say who makes the change/],
    ['a line break in the note', 'Kotek', {by: 'J', note: 'one\ntwo'}, /`note` holds a line break/],
    ['a house rule avoids it', 'towards', {by: 'J'}, /`towards` is a form the house rule `house-forms` \(.*rules\/house-forms\.yml\) says to avoid \(use `toward`\)/],
    ['a must-never-publish marker', 'TK', {by: 'J'}, /^copydesk: `TK` is flagged by the house rule `leftovers` \(.*rules\/leftovers\.yml, entry `tk`\) as copy that must not be published; the desk dictionary cannot allow it\. Nothing was changed\.$/],
    ['another, in a list', ['Kotek', 'XXX'], {by: 'J'}, /`XXX` is flagged by the house rule `leftovers` \(.*, entry `xxx`\)/]
  ])('%s', async (_name, words, author, message) => {
    const folder = rulesFolder()
    const desk = deskDictionary(folder)
    await desk.add('Kotek', {by: 'A. Chief'})
    const before = fs.readFileSync(path.join(folder, deskFileName), 'utf8')
    const error = await desk.add(words as string, author as {by: string}).catch((caught: Error) => caught)
    expect(error).toBeInstanceOf(TypeError)
    expect((error as Error).message).toMatch(message)
    expect(fs.readFileSync(path.join(folder, deskFileName), 'utf8')).toBe(before)
    expect(desk.history()).toHaveLength(1)
  })

  test('one bad word in a list: none of the list is added', async () => {
    const desk = deskDictionary(rulesFolder())
    await expect(desk.add(['Kotek', 'Okafor', 'two words'], {by: 'J'})).rejects.toThrow(/"two words" is more than one word/)
    expect(desk.list()).toEqual([])
  })

  test('a marker only in another case, or only inside a phrase, is a word like any other', async () => {
    // `leftovers` flags `TK` (case-sensitive) and `lorem ipsum` (a phrase), not `Tk` or `Lorem` alone.
    const desk = deskDictionary(rulesFolder())
    expect((await desk.add(['Tk', 'Lorem'], {by: 'J'})).added.map((entry) => entry.word)).toEqual(['Tk', 'Lorem'])
  })

  test(`the cap is ${maxWordsPerCall} words a call`, async () => {
    const desk = deskDictionary(rulesFolder())
    const words = Array.from({length: maxWordsPerCall}, (_, index) => `Name${index}`)
    expect((await desk.add(words, {by: 'J'})).added).toHaveLength(maxWordsPerCall)
  })

  test("a house rule in the newsroom's own folder, named with its file", async () => {
    const folder = rulesFolder()
    fs.writeFileSync(
      path.join(folder, 'local-forms.yml'),
      'kind: substitution\nmessage: Use `{expected}`, not `{actual}`.\nlevel: warning\nentries:\n  - id: kathmandu-typo\n    avoid: Kathmando\n    use: [Kathmandu]\n    examples:\n      flag: [He flew to Kathmando.]\n      allow: [He flew to Kathmandu.]\n'
    )
    await expect(deskDictionary(folder).add('Kathmando', {by: 'J'})).rejects.toThrow(`\`Kathmando\` is a form the house rule \`local-forms\` (${path.join(folder, 'local-forms.yml')}) says to avoid (use \`Kathmandu\`)`)
  })

  test('a folder that does not exist', async () => {
    await expect(deskDictionary(path.join(temp, 'nope')).add('Kotek', {by: 'J'})).rejects.toThrow(/the rules folder .*nope does not exist/)
  })
})

describe('a running checker sees the desk dictionary', () => {
  const story = 'The soymeal shipment arrived, said Adaeze Okafor.\n\nLater Okafer said the Kotek plan was fine. Okafer left.'

  test('a new word is accepted by the very next check, with no new checker and no wait', async () => {
    const folder = rulesFolder()
    const checker = createChecker({rules: folder})
    const lines = async () => (await checker.check(story)).messages.filter((message) => message.ruleId !== 'name-consistency').map(String)
    expect(await lines()).toEqual(['1:5-1:12: `soymeal` is not in the dictionary; did you mean `soy meal`?'])
    await deskDictionary(folder).add('soymeal', {by: 'J. Editor'})
    expect(await lines()).toEqual([])
    await deskDictionary(folder).remove('soymeal', {by: 'J. Editor'})
    expect(await lines()).toEqual(['1:5-1:12: `soymeal` is not in the dictionary; did you mean `soy meal`?'])
  })

  test('name-consistency: the desk spelling wins, even when the slip is used more often', async () => {
    const folder = rulesFolder()
    const checker = createChecker({rules: folder})
    const names = async () => (await checker.check(story)).messages.filter((message) => message.ruleId === 'name-consistency').map(String)
    // Without the desk: `Okafer` is used twice, so `Okafor` looks like the slip.
    expect(await names()).toEqual(['1:43-1:49: `Okafor` is spelled `Okafer` elsewhere in the story; use one spelling'])
    await deskDictionary(folder).add('Okafor', {by: 'J. Editor', note: 'confirmed with writer'})
    await wait(deskIntervalMs + 20)
    expect(await names()).toEqual([
      '3:7-3:13: `Okafer` is spelled `Okafor` elsewhere in the story; use one spelling',
      '3:44-3:50: `Okafer` is spelled `Okafor` elsewhere in the story; use one spelling'
    ])
  })

  test('`desk: false` leaves the desk dictionary out', async () => {
    const folder = rulesFolder()
    await deskDictionary(folder).add('soymeal', {by: 'J. Editor'})
    const lines = async (desk: boolean) =>
      (await createChecker({rules: folder, desk}).check('The soymeal shipment arrived.')).messages.map(String)
    expect(await lines(true)).toEqual([])
    expect(await lines(false)).toEqual(['1:5-1:12: `soymeal` is not in the dictionary; did you mean `soy meal`?'])
  })
})

describe('the lock', () => {
  test("a lock left by a process that died is broken at once", async () => {
    const folder = rulesFolder()
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'})
    fs.writeFileSync(path.join(folder, 'desk-dictionary.lock'), JSON.stringify({pid: Number(dead.stdout), host: os.hostname(), at: new Date().toISOString()}))
    const added = await deskDictionary(folder, {waitMs: 2000}).add('Kotek', {by: 'J'})
    expect(added.added.map((entry) => entry.word)).toEqual(['Kotek'])
    expect(fs.existsSync(path.join(folder, 'desk-dictionary.lock'))).toBe(false)
  })

  test('a lock from another machine is broken once it is older than staleMs', async () => {
    const folder = rulesFolder()
    const lock = path.join(folder, 'desk-dictionary.lock')
    fs.writeFileSync(lock, JSON.stringify({pid: 1, host: 'another-machine', at: 'then'}))
    const old = new Date(Date.now() - 60_000)
    fs.utimesSync(lock, old, old)
    expect((await deskDictionary(folder, {waitMs: 2000}).add('Kotek', {by: 'J'})).added).toHaveLength(1)
  })

  test('a live lock is waited for, then the wait gives up with a clear error', async () => {
    const folder = rulesFolder()
    const lock = path.join(folder, 'desk-dictionary.lock')
    fs.writeFileSync(lock, JSON.stringify({pid: process.pid, host: os.hostname(), at: 'now'}))
    await expect(deskDictionary(folder, {waitMs: 200}).add('Kotek', {by: 'J'})).rejects.toThrow(/another editor has held the desk dictionary's lock/)
    fs.rmSync(lock)
    // Released: the next writer gets it.
    expect(await withLock(lock, () => 'ran')).toBe('ran')
  })
})

describe('concurrent writers', () => {
  test('changes made at once in one process go in together, each answered in order', async () => {
    const desk = deskDictionary(rulesFolder())
    const [first, gone, again, twice] = await Promise.all([
      desk.add('Kotek', {by: 'A'}),
      desk.remove('Kotek', {by: 'B'}),
      desk.add('Kotek', {by: 'C'}),
      desk.add('Kotek', {by: 'D'})
    ])
    expect([first.added.map((entry) => entry.by), gone, again.added.map((entry) => entry.by), twice.already]).toEqual([['A'], {removed: ['Kotek'], missing: []}, ['C'], ['Kotek']])
    expect(desk.list().map((entry) => `${entry.word} ${entry.by}`)).toEqual(['Kotek C'])
    expect(desk.history().map((event) => `${event.action} ${event.by}`)).toEqual(['add A', 'remove B', 'add C'])
  })

  test('two OS processes, each adding 60 words 20 at a time (120 writes at once): none lost', async () => {
    ensureBuilt()
    const folder = rulesFolder()
    const script = `
      const {deskDictionary} = await import(${JSON.stringify(path.join(root, 'dist', 'desk', 'dictionary.js'))})
      const desk = deskDictionary(process.argv[1], {checkRules: false})
      const tag = process.argv[2]
      const words = Array.from({length: 60}, (_, index) => tag + index)
      for (let start = 0; start < words.length; start += 20) {
        await Promise.all(words.slice(start, start + 20).map((word) => desk.add(word, {by: 'Writer ' + tag})))
      }
    `
    const run = (tag: string) =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, ['--input-type=module', '-e', script, folder, tag], {stdio: ['ignore', 'ignore', 'inherit']})
        child.on('error', reject)
        child.on('close', resolve)
      })
    expect(await Promise.all([run('Alpha'), run('Beta')])).toEqual([0, 0])
    const desk = deskDictionary(folder)
    const words = desk.list().map((entry) => entry.word)
    expect(words).toHaveLength(120)
    expect(new Set(words)).toEqual(new Set(['Alpha', 'Beta'].flatMap((tag) => Array.from({length: 60}, (_, index) => tag + index))))
    expect(desk.history().filter((event) => event.action === 'add')).toHaveLength(120)
    expect(fs.readdirSync(folder).sort()).toEqual([deskLogName, deskFileName].sort())
  }, 180_000)
})

/** The concurrency test's child processes import dist/: rebuild it when a src/desk file is newer. */
function ensureBuilt(): void {
  const built = path.join(root, 'dist', 'desk', 'dictionary.js')
  const newest = Math.max(...fs.readdirSync(path.join(root, 'src', 'desk')).map((name) => fs.statSync(path.join(root, 'src', 'desk', name)).mtimeMs))
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < newest) {
    spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {cwd: root, stdio: 'ignore'})
  }
}
