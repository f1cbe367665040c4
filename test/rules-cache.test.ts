/**
 * A newsroom's rules, compiled once and kept on disk (src/house-style/cache.ts):
 * a style read from the cache finds exactly what a fresh compile finds; an
 * edited rules file makes a new one; a damaged cache file is ignored and
 * rebuilt; two processes building the same style at once both succeed.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, afterEach, beforeAll, describe, expect, test} from 'vitest'
import {createChecker} from '../src/index.js'
import {clearStyleCache, loadStyle, defaultRulesFolder} from '../src/style.js'
import {lastCacheOutcome, styleCacheDir} from '../src/house-style/cache.js'
import {sameData} from '../src/house-style/pack.js'
import {buildIfStale} from './util/build.js'
// @ts-expect-error: a plain JavaScript script
import {writeRulesFolder} from '../scripts/rules-folder.js'

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-rules-cache-'))
const rules = path.join(work, 'rules')
writeRulesFolder(rules, 600)

/** Phrases the generated folder flags: the first avoided form of a few substitutions, an existence match, a pattern. */
function flaggedPhrases(): string[] {
  const forms = fs.readFileSync(path.join(rules, 'newsroom-forms-01.yml'), 'utf8')
  const avoids = [...forms.matchAll(/^ {4}avoid: "([^"]+)"$/gm)].slice(0, 3).map((match) => match[1]!)
  const never = fs.readFileSync(path.join(rules, 'newsroom-never.yml'), 'utf8')
  const match = /^ {4}match: \["([^"]+)"/m.exec(never)![1]!
  return [...avoids, match]
}

const phrases = flaggedPhrases()
const story = phrases.map((phrase) => `The council said ${phrase} was on the agenda for Tuesday.`).join(' ') + ' The the minister left.\n'

const saved = {dir: process.env.COPYDESK_CACHE_DIR, off: process.env.COPYDESK_CACHE}
function useCache(dir: string | undefined): void {
  delete process.env.COPYDESK_CACHE
  if (dir === undefined) process.env.COPYDESK_CACHE = 'off'
  else process.env.COPYDESK_CACHE_DIR = dir
}
afterEach(() => {
  for (const [key, value] of [['COPYDESK_CACHE_DIR', saved.dir], ['COPYDESK_CACHE', saved.off]] as const) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  clearStyleCache()
})
afterAll(() => fs.rmSync(work, {recursive: true, force: true}))

async function findings(): Promise<string[]> {
  const file = await createChecker({rules: [rules]}).check(story)
  return file.messages.map((message) => `${message.ruleId} ${String(message)}`)
}

const data = (style: ReturnType<typeof loadStyle>) => ({files: style.files, dictionary: style.dictionary})

describe('the disk cache of compiled rules', () => {
  test('a style read from the cache finds what a fresh compile finds', async () => {
    const dir = path.join(work, 'cache-hit')
    useCache(undefined)
    const fresh = await findings()
    expect(lastCacheOutcome()).toEqual({status: 'uncached'})
    // The story trips every newsroom phrase (and copydesk's own repeated word).
    for (const phrase of phrases) expect(fresh.join('\n')).toContain(phrase)
    expect(fresh.some((line) => line.includes('repeated-word'))).toBe(true)

    clearStyleCache()
    useCache(dir)
    expect(await findings()).toEqual(fresh)
    expect(lastCacheOutcome()?.status).toBe('built')
    const built = lastCacheOutcome()!.file!
    expect(fs.readdirSync(dir)).toEqual([path.basename(built)])

    clearStyleCache()
    expect(await findings()).toEqual(fresh)
    expect(lastCacheOutcome()).toEqual({status: 'hit', file: built})
    // The data too, not only this story's findings.
    clearStyleCache()
    const stored = loadStyle([defaultRulesFolder, rules])
    useCache(undefined)
    clearStyleCache()
    const compiled = loadStyle([defaultRulesFolder, rules])
    expect(sameData(data(stored), data(compiled))).toBe(true)
    expect(stored.sources).toEqual([defaultRulesFolder, rules])
  }, 120_000)

  test('an edited rules file makes a new key: the edit is found, never the old style', async () => {
    const dir = path.join(work, 'cache-edit')
    useCache(dir)
    await findings()
    const first = lastCacheOutcome()!.file!
    const file = path.join(rules, 'newsroom-forms-01.yml')
    const text = fs.readFileSync(file, 'utf8')
    const avoid = phrases[0]!
    // The first entry's replacement becomes `Qzxwords`.
    const edited = text.replace(/^( {4}avoid: "[^"]+"\n {4}use: )"[^"]+"$/m, '$1"Qzxwords"')
    expect(edited).not.toBe(text)
    try {
      fs.writeFileSync(file, edited)
      clearStyleCache()
      const after = await findings()
      expect(lastCacheOutcome()?.status).toBe('built')
      expect(lastCacheOutcome()!.file).not.toBe(first)
      expect(after.find((line) => line.includes(avoid))).toContain('Qzxwords')
      // Back as it was: the first file is used again, unchanged.
      fs.writeFileSync(file, text)
      clearStyleCache()
      const back = await findings()
      expect(lastCacheOutcome()).toEqual({status: 'hit', file: first})
      expect(back.join('\n')).not.toContain('Qzxwords')
    } finally {
      fs.writeFileSync(file, text)
    }
  }, 120_000)

  test('a damaged cache file is ignored and rebuilt, never trusted', async () => {
    const dir = path.join(work, 'cache-damaged')
    useCache(undefined)
    const fresh = await findings()
    useCache(dir)
    clearStyleCache()
    await findings()
    const file = lastCacheOutcome()!.file!
    const good = fs.readFileSync(file)
    const damages: Array<[string, Buffer]> = [
      ['empty', Buffer.alloc(0)],
      ['truncated', good.subarray(0, good.length >> 1)],
      ['one byte changed in the data', Buffer.from(good.map((byte, index) => (index === good.length - 40 ? byte ^ 0x20 : byte)))],
      ['not a cache file', Buffer.from('kind: substitution\n')]
    ]
    for (const [what, bytes] of damages) {
      fs.writeFileSync(file, bytes)
      clearStyleCache()
      expect(await findings(), what).toEqual(fresh)
      expect(lastCacheOutcome()?.status, what).toBe('built')
      expect(fs.readFileSync(file).equals(good), what).toBe(true)
    }
  }, 120_000)

  test('COPYDESK_CACHE=off stores nothing; COPYDESK_CACHE_DIR moves the cache', () => {
    expect(styleCacheDir({COPYDESK_CACHE: 'off'})).toBeUndefined()
    expect(styleCacheDir({COPYDESK_CACHE: '0', COPYDESK_CACHE_DIR: '/x'})).toBeUndefined()
    expect(styleCacheDir({COPYDESK_CACHE_DIR: '/srv/cache'})).toBe(path.resolve('/srv/cache'))
    expect(styleCacheDir({XDG_CACHE_HOME: '/home/a/.cache'})).toBe(path.join('/home/a/.cache', 'copydesk'))
  })
})

describe('two processes building one style at once', () => {
  const bin = fileURLToPath(new URL('../bin/copydesk.js', import.meta.url))
  beforeAll(() => buildIfStale(), 600_000)

  test('both succeed with the same findings, leaving one whole cache file', async () => {
    const dir = path.join(work, 'cache-race')
    const folder = path.join(work, 'race-story')
    fs.mkdirSync(folder, {recursive: true})
    fs.writeFileSync(path.join(folder, 'story.txt'), story)
    fs.writeFileSync(path.join(folder, '.copydeskrc.json'), JSON.stringify({rules: [rules]}))
    const env = {...process.env, COPYDESK_CACHE_DIR: dir, COPYDESK_CACHE: ''}
    const runCli = () =>
      new Promise<{code: number | null; out: string; err: string}>((resolve) => {
        const child = spawn(process.execPath, [bin, 'story.txt'], {cwd: folder, env})
        let out = ''
        let err = ''
        child.stdout.on('data', (chunk) => (out += chunk))
        child.stderr.on('data', (chunk) => (err += chunk))
        child.on('close', (code) => resolve({code, out, err}))
      })
    const [a, b] = await Promise.all([runCli(), runCli()])
    // Exit 0: the story's findings are warnings.
    expect([a.code, b.code]).toEqual([0, 0])
    expect(a.err).toBe(b.err)
    expect(a.out).toBe(b.out)
    for (const phrase of phrases) expect(a.out + a.err).toContain(phrase)
    const names = fs.readdirSync(dir)
    expect(names).toHaveLength(1)
    expect(names[0]).toMatch(/^style-[0-9a-f]{64}\.bin$/)
    // A third run reads it and says the same.
    const c = await runCli()
    expect([c.code, c.out, c.err]).toEqual([a.code, a.out, a.err])
  }, 240_000)
})
