/**
 * `applyFixes`: only safe fixes, nothing else touched; `formatDiff`: a
 * unified diff of them.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {spawn} from 'node:child_process'
import {PassThrough, Readable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {applyFixes, check, formatDiff} from '../src/index.js'
import {saveFixed, SaveError} from '../src/faces/fix.js'
import {main, type Io} from '../src/faces/cli.js'
import {buildIfStale} from './util/build.js'

/** A message as a check would make it, at `text.indexOf(actual, from)`. */
function at(text: string, actual: string, expected: string[], ruleId = 'repeated-word', extra: object = {}) {
  const offset = text.indexOf(actual)
  if (offset === -1) throw new Error(`no ${actual}`)
  return {ruleId, actual, expected, offset, endOffset: offset + actual.length, ...extra}
}

/** The text outside the edits, which must be unchanged. */
function outside(text: string, edits: ReadonlyArray<{start: number; end: number}>): string[] {
  const parts: string[] = []
  let last = 0
  for (const edit of edits) {
    parts.push(text.slice(last, edit.start))
    last = edit.end
  }
  parts.push(text.slice(last))
  return parts
}

describe('applyFixes', () => {
  test('applies a doubled word, a/an and a house form; leaves every other byte alone', () => {
    const text = 'Flooding the the harbor\r\nafter a earlier warning from US officials.\t\u00a0End.'
    const messages = [
      at(text, 'the the', ['the']),
      at(text, 'a earlier', ['an earlier'], 'indefinite-article'),
      at(text, 'US', ['U.S.'], 'house-forms')
    ]
    const result = applyFixes(text, messages)
    expect(result.text).toBe('Flooding the harbor\r\nafter an earlier warning from U.S. officials.\t\u00a0End.')
    expect(result.applied).toEqual(messages)
    // Byte for byte outside the fixed spans.
    const before = outside(text, result.edits)
    let shift = 0
    const after = outside(
      result.text,
      result.edits.map((edit) => {
        const start = edit.start + shift
        shift += edit.value.length - (edit.end - edit.start)
        return {start, end: start + edit.value.length}
      })
    )
    expect(Buffer.from(after.join('\0'))).toEqual(Buffer.from(before.join('\0')))
  })

  test.each<[string, string, object]>([
    ['a check not on the safe list', 'Flooding the the harbor.', at('Flooding the the harbor.', 'the the', ['the'], 'spelling')],
    ['more than one replacement', 'Flooding the the harbor.', at('Flooding the the harbor.', 'the the', ['the', 'then'])],
    ['no replacement', 'Flooding the the harbor.', at('Flooding the the harbor.', 'the the', [])],
    ['marked as quoted by the check', 'Flooding the the harbor.', at('Flooding the the harbor.', 'the the', ['the'], 'repeated-word', {data: {quoted: true}})],
    ['inside quotation marks', 'He said: “the the harbor.”', at('He said: “the the harbor.”', 'the the', ['the'])],
    ['inside straight quotes', 'He said: "the the harbor."', at('He said: "the the harbor."', 'the the', ['the'])],
    ['in the headline', 'Flooding the the harbor.', at('Flooding the the harbor.', 'the the', ['the'], 'repeated-word', {field: 'headline'})],
    ['text changed since the check', 'Flooding the the harbor.', {...at('Flooding the the harbor.', 'the the', ['the']), actual: 'a a'}]
  ])('skips %s', (_name, text, message) => {
    expect(applyFixes(text, [message])).toEqual({text, applied: [], edits: []})
  })

  test('skips fixes that overlap, keeps one that two checks agree on', () => {
    const text = 'It was a a earlier report of the the storm.'
    const overlapping = [at(text, 'a a', ['a']), at(text, 'a earlier', ['an earlier'], 'indefinite-article')]
    const same = [at(text, 'the the', ['the']), at(text, 'the the', ['the'], 'house-forms')]
    const result = applyFixes(text, [...overlapping, ...same])
    expect(result.text).toBe('It was a a earlier report of the storm.')
    expect(result.applied).toEqual([same[0]])
  })

  test('fixes a real check’s messages on a VFile', async () => {
    const text = 'Residents left the the town.\n'
    const file = await check(text, {checks: {spelling: 'off'}})
    const result = applyFixes(text, file.messages.filter((message) => message.ruleId === 'repeated-word'))
    expect(result.text).toBe('Residents left the town.\n')
  })

  test('HTML: fixes in text, never across markup', async () => {
    const text = '<p>Left the the town and <em>the</em> the harbor.</p>'
    const file = await check(text, {format: 'html'})
    const repeated = file.messages.filter((message) => message.ruleId === 'repeated-word')
    expect(repeated).toHaveLength(2)
    expect(applyFixes(text, repeated, {format: 'html'}).text).toBe('<p>Left the town and <em>the</em> the harbor.</p>')
  })
})

describe('formatDiff', () => {
  test('a unified diff with three lines of context', () => {
    const text = ['one', 'two', 'Flooding the the harbor.', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'after a earlier warning', 'end'].join('\n') + '\n'
    const {edits} = applyFixes(text, [at(text, 'the the', ['the']), at(text, 'a earlier', ['an earlier'], 'indefinite-article')])
    expect(formatDiff('story.txt', text, edits)).toBe(
      [
        '--- a/story.txt',
        '+++ b/story.txt',
        '@@ -1,6 +1,6 @@',
        ' one',
        ' two',
        '-Flooding the the harbor.',
        '+Flooding the harbor.',
        ' four',
        ' five',
        ' six',
        '@@ -8,5 +8,5 @@',
        ' eight',
        ' nine',
        ' ten',
        '-after a earlier warning',
        '+after an earlier warning',
        ' end',
        ''
      ].join('\n')
    )
  })

  test('a fix that joins lines, and no newline at the end', () => {
    const text = 'Left the\nthe town'
    const {edits} = applyFixes(text, [at(text, 'the\nthe', ['the'])])
    expect(formatDiff('s.txt', text, edits)).toBe(
      ['--- a/s.txt', '+++ b/s.txt', '@@ -1,2 +1,1 @@', '-Left the', '-the town', '\\ No newline at end of file', '+Left the town', '\\ No newline at end of file', ''].join('\n')
    )
  })
})

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')
let temp = ''

beforeAll(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-fix-'))
})
afterAll(() => fs.rmSync(temp, {recursive: true, force: true}))

/** A story of `size` bytes with one doubled word ("the the") in its first paragraph, the rest clean. */
function storyOf(size: number): string {
  let text = 'The council met on Monday and approved the the budget for the harbor.\n\n'
  const paragraph = 'Residents asked the council to repair the sea wall before the winter storms arrive.\n\n'
  while (text.length + paragraph.length <= size) text += paragraph
  return text + '\n'.repeat(size - text.length)
}

/** Files in `folder` other than `keep` (a temporary file left behind would show here). */
function others(folder: string, keep: string): string[] {
  return fs.readdirSync(folder).filter((name) => name !== keep)
}

/** Run `main()` in process with captured streams and an optional hook before the fixed story replaces the old. */
async function inProcess(args: string[], cwd: string, beforeSave?: Io['beforeSave']): Promise<{code: number; stdout: string; stderr: string}> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let error = ''
  stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  stderr.setEncoding('utf8').on('data', (chunk: string) => (error += chunk))
  const code = await main(args, {stdin: Readable.from(['']), stdout, stderr, cwd, env: {NO_COLOR: '1'}, beforeSave})
  return {code, stdout: out, stderr: error}
}

describe('saveFixed', () => {
  test('replaces the story atomically, keeping its mode, and leaves no temporary file', () => {
    const folder = fs.mkdtempSync(path.join(temp, 'mode-'))
    const file = path.join(folder, 's.txt')
    fs.writeFileSync(file, 'Old copy.\n')
    fs.chmodSync(file, 0o640)
    saveFixed(file, Buffer.from('Old copy.\n'), Buffer.from('New copy.\n'))
    expect(fs.readFileSync(file, 'utf8')).toBe('New copy.\n')
    expect(fs.statSync(file).mode & 0o777).toBe(0o640)
    expect(others(folder, 's.txt')).toEqual([])
  })

  test('a story changed on disk since it was read is left as the other writer left it', () => {
    const folder = fs.mkdtempSync(path.join(temp, 'changed-'))
    const file = path.join(folder, 's.txt')
    fs.writeFileSync(file, 'Old copy.\n')
    let error: unknown
    try {
      saveFixed(file, Buffer.from('Old copy.\n'), Buffer.from('New copy.\n'), {
        beforeReplace: (target) => fs.appendFileSync(target, '\nA late paragraph.\n')
      })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(SaveError)
    expect((error as SaveError).changed).toBe(true)
    expect(fs.readFileSync(file, 'utf8')).toBe('Old copy.\n\nA late paragraph.\n')
    expect(others(folder, 's.txt')).toEqual([])
  })

  test('a link is followed: the file it points to gets the fix, the link stays a link', () => {
    const folder = fs.mkdtempSync(path.join(temp, 'link-'))
    fs.writeFileSync(path.join(folder, 'real.txt'), 'Old copy.\n')
    fs.symlinkSync('real.txt', path.join(folder, 'link.txt'))
    saveFixed(path.join(folder, 'link.txt'), Buffer.from('Old copy.\n'), Buffer.from('New copy.\n'))
    expect(fs.lstatSync(path.join(folder, 'link.txt')).isSymbolicLink()).toBe(true)
    expect(fs.readFileSync(path.join(folder, 'real.txt'), 'utf8')).toBe('New copy.\n')
  })
})

describe('copydesk --fix never loses copy', () => {
  test('a paragraph appended while --fix ran is kept: exit 2, one line, nothing saved over it', async () => {
    const folder = fs.mkdtempSync(path.join(temp, 'append-'))
    const file = path.join(folder, 'story.txt')
    const story = storyOf(2000)
    fs.writeFileSync(file, story)
    const late = '\nA paragraph the reporter added while copydesk was checking.\n'
    const run = await inProcess(['--fix', 'story.txt'], folder, (target) => fs.appendFileSync(target, late))
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      'copydesk: story.txt: changed on disk while copydesk was checking it; the fixes were not saved and the story is as the other writer left it: check it again\n'
    )
    expect(fs.readFileSync(file, 'utf8')).toBe(story + late)
    expect(others(folder, 'story.txt')).toEqual([])
  }, 30_000)

  test('without a concurrent writer the same story is fixed (the hook sees the story path)', async () => {
    const folder = fs.mkdtempSync(path.join(temp, 'plain-'))
    const file = path.join(folder, 'story.txt')
    const story = storyOf(2000)
    fs.writeFileSync(file, story)
    const seen: string[] = []
    const run = await inProcess(['--fix', 'story.txt'], folder, (target) => seen.push(target))
    expect(run).toEqual({code: 0, stdout: 'No problems in 1 story\n', stderr: 'Fixed 1 in story.txt: the the → the\n'})
    expect(seen).toEqual([fs.realpathSync(file)])
    expect(fs.readFileSync(file, 'utf8')).toBe(story.replace('the the', 'the'))
  }, 30_000)

  describe('under a file-size limit (`ulimit -f`, a full disk stand-in)', () => {
    beforeAll(() => {
      buildIfStale()
    }, 240_000)

    test('a 13,833-byte story under a 4 KiB limit is left whole, and the run says it was not saved (exit 2)', async () => {
      const folder = fs.mkdtempSync(path.join(temp, 'ulimit-'))
      const file = path.join(folder, 'story.txt')
      const story = storyOf(13_833)
      expect(Buffer.byteLength(story)).toBe(13_833)
      fs.writeFileSync(file, story)
      const run = await new Promise<{code: number | null; signal: string | null; stderr: string}>((resolve, reject) => {
        const child = spawn('bash', ['-c', `ulimit -f 4; exec "${process.execPath}" "${bin}" --fix story.txt`], {cwd: folder, env: {...process.env, NO_COLOR: '1'}})
        let stderr = ''
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
        child.stdout.resume()
        child.on('error', reject)
        child.on('close', (code, signal) => resolve({code, signal, stderr}))
      })
      // Before: cut to 4,096 bytes, with "the story is unchanged".
      expect(fs.statSync(file).size).toBe(13_833)
      expect(fs.readFileSync(file, 'utf8')).toBe(story)
      expect(run).toEqual({
        code: 2,
        signal: null,
        stderr: 'copydesk: story.txt: could not save the fixes (the file is larger than this process may write (a file-size limit)); the story is unchanged\n'
      })
      expect(others(folder, 'story.txt')).toEqual([])
    }, 60_000)
  })
})
