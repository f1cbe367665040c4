/**
 * The CLI over many stories and odd inputs: folders of 1 to 200 stories in
 * every mix of clean, warning, error and unreadable; globs and
 * .copydeskignore; FIFOs, links to devices and link loops; encodings; empty
 * and closed standard input; terminal escapes. Every story is reported once,
 * the exit code is right, and every run ends in bounded time.
 *
 * Most mixes run `main()` in process (the same engine and code path as the
 * bin, without a Node start-up per case); the large and odd cases spawn the
 * real bin.
 */
import {spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {PassThrough, Readable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test, vi} from 'vitest'
import {main} from '../src/faces/cli.js'
import {buildIfStale} from './util/build.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')
/** Generous: a run that takes longer than this has hung. */
const bound = 120_000
let temp: string

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Spawn the bin; kills it and fails if it has not exited within `bound`. */
function spawned(args: string[], options: {cwd: string; input?: string | Buffer; shell?: string}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = options.shell
      ? spawn('/bin/sh', ['-c', options.shell], {cwd: options.cwd, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COPYDESK_BIN: bin}})
      : spawn(process.execPath, [bin, ...args], {cwd: options.cwd, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: undefined}})
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`copydesk ${args.join(' ')} did not finish in ${bound / 1000} s`))
    }, bound)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, stdout, stderr})
    })
    child.stdin?.on('error', () => {})
    child.stdin?.end(options.input ?? '')
  })
}

/** Run `main()` in process with captured streams. */
async function inProcess(args: string[], cwd: string, input = ''): Promise<Run> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let error = ''
  stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  stderr.setEncoding('utf8').on('data', (chunk: string) => (error += chunk))
  let timer: NodeJS.Timeout | undefined
  const code = await Promise.race([
    main(args, {stdin: Readable.from([input]), stdout, stderr, cwd, env: {NO_COLOR: '1'}}),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`copydesk ${args.join(' ')} did not finish in ${bound / 1000} s`)), bound)
    })
  ])
  clearTimeout(timer)
  return {code, stdout: out, stderr: error}
}

type Kind = 'clean' | 'warning' | 'error' | 'unreadable'
const kinds: Kind[] = ['clean', 'warning', 'error', 'unreadable']
const copy: Record<Exclude<Kind, 'unreadable'>, string> = {
  clean: 'The council met on Monday.',
  warning: 'Residents left the the town.',
  error: 'The mayor said TK on Monday.'
}
const extensions = ['txt', 'md', 'html']

/** A folder of `count` stories whose kinds cycle through `mix`; returns it and each story's kind. */
function stories(count: number, mix: Kind[]): {base: string; kinds: Map<string, Kind>} {
  const base = fs.mkdtempSync(path.join(temp, `mix-${count}-`))
  const made = new Map<string, Kind>()
  for (let index = 0; index < count; index++) {
    const kind = mix[index % mix.length]
    const extension = extensions[index % extensions.length]
    // Some stories one folder down, so the walk is tested too.
    const name = `${index % 5 === 4 ? 'desk/' : ''}s${String(index).padStart(3, '0')}.${extension}`
    const file = path.join(base, name)
    fs.mkdirSync(path.dirname(file), {recursive: true})
    // A link to itself cannot be read, even by root.
    if (kind === 'unreadable') fs.symlinkSync(path.basename(file), file)
    else fs.writeFileSync(file, extension === 'html' ? `<p>${copy[kind]}</p>\n` : copy[kind] + '\n')
    made.set(name, kind)
  }
  return {base, kinds: made}
}

interface Json {
  files: Array<{path: string; counts: {error: number; warning: number; suggestion: number}}>
}

/** What a run over `made` must print and return. */
function expectRun(run: Run, made: Map<string, Kind>, output: 'json' | 'report'): void {
  const checked = [...made].filter(([, kind]) => kind !== 'unreadable')
  const unreadable = [...made].filter(([, kind]) => kind === 'unreadable').map(([name]) => name)
  const errors = checked.filter(([, kind]) => kind === 'error').length
  const warnings = checked.filter(([, kind]) => kind === 'warning').length
  expect(run.code).toBe(unreadable.length > 0 ? 2 : errors > 0 ? 1 : 0)
  // One line for each story that could not be read, and nothing else.
  expect(run.stderr.split('\n').filter(Boolean).sort()).toEqual(unreadable.map((name) => `copydesk: ${name} is a link that loops back on itself; not checked`).sort())
  if (checked.length === 0) {
    expect(run.stdout).toBe('')
    return
  }
  if (output === 'json') {
    const result = JSON.parse(run.stdout) as Json
    // Each story once, with its own counts.
    expect(Object.fromEntries(result.files.map((file) => [file.path, [file.counts.error, file.counts.warning]]))).toEqual(
      Object.fromEntries(checked.map(([name, kind]) => [name, [kind === 'error' ? 1 : 0, kind === 'warning' ? 1 : 0]]))
    )
    expect(result.files).toHaveLength(checked.length)
  } else {
    const headers = run.stdout.split('\n').filter((line) => made.has(line))
    expect(headers.sort()).toEqual(checked.filter(([, kind]) => kind !== 'clean').map(([name]) => name).sort())
    const parts = [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean)
    const stories = `${checked.length} ${checked.length === 1 ? 'story' : 'stories'}`
    expect(run.stdout.endsWith(`\n${parts.length > 0 ? `${parts.join(', ')} in ${stories}` : `No problems in ${stories}`}\n`) || run.stdout === `No problems in ${stories}\n`).toBe(true)
  }
}

/** Every non-empty subset of the kinds. */
const mixes: Kind[][] = Array.from({length: 15}, (_, bits) => kinds.filter((_, index) => ((bits + 1) >> index) & 1))

beforeAll(() => {
  buildIfStale()
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-stories-'))
})

afterAll(() => {
  fs.rmSync(temp, {recursive: true, force: true})
})

describe('every story reported once, with the right exit code', () => {
  const cases = [1, 2, 10].flatMap((count) =>
    mixes
      // One story cannot hold a mix: keep each distinct folder once.
      .filter((mix) => mix.length <= count || mix.length === 1)
      .map((mix) => ({count, mix: mix.join('+')}))
  )
  test.each(cases)('$count stories: $mix', async ({count, mix}) => {
    const {base, kinds: made} = stories(count, mix.split('+') as Kind[])
    expectRun(await inProcess(['--format', 'json', '.'], base), made, 'json')
    expectRun(await inProcess(['.'], base), made, 'report')
    // Named one by one rather than found in a folder.
    expectRun(await inProcess(['--format', 'json', ...made.keys()], base), made, 'json')
  }, 4 * bound)

  test('200 stories of every kind, the real bin, report and JSON', async () => {
    const {base, kinds: made} = stories(200, kinds)
    expectRun(await spawned(['--format', 'json', '.'], {cwd: base}), made, 'json')
    expectRun(await spawned(['.'], {cwd: base}), made, 'report')
  }, 3 * bound)

  test('the real bin on a clean and an error story (exit 13 with nothing printed before the fix)', async () => {
    // The layout that hung: the Markdown and HTML parsers load while the text stories are checked.
    const base = fs.mkdtempSync(path.join(temp, 'hang-'))
    const made = new Map<string, Kind>([['a.txt', 'clean'], ['b.txt', 'error'], ['c.md', 'warning'], ['d.html', 'error']])
    for (const [name, kind] of made) fs.writeFileSync(path.join(base, name), copy[kind as Exclude<Kind, 'unreadable'>] + '\n')
    expectRun(await spawned(['--format', 'json', '.'], {cwd: base}), made, 'json')
    expectRun(await spawned(['c.md', 'a.txt', 'd.html', 'b.txt'], {cwd: base}), made, 'report')
  }, 2 * bound)

  test('globs and .copydeskignore: ignored stories are left out quietly, unless named', async () => {
    const {base, kinds: made} = stories(10, ['clean', 'warning', 'error'])
    fs.writeFileSync(path.join(base, '.copydeskignore'), 's001.md\ndesk/\n')
    const kept = new Map([...made].filter(([name]) => name !== 's001.md' && !name.startsWith('desk/')))
    expectRun(await inProcess(['--format', 'json', '.'], base), kept, 'json')
    const markdown = new Map([...kept].filter(([name]) => name.endsWith('.md')))
    expectRun(await inProcess(['--format', 'json', '**/*.md'], base), markdown, 'json')
    const named = await inProcess(['s001.md'], base)
    expect([named.code, named.stderr]).toEqual([2, 'copydesk: s001.md: this file is listed in a .copydeskignore file; take it out there to check it\n'])
  }, 4 * bound)
})

describe('odd folder entries: never hang, one line each, fail closed', () => {
  test('a link loop, a FIFO named x.txt, a link to /dev/zero, a broken link', async () => {
    const base = fs.mkdtempSync(path.join(temp, 'odd-'))
    fs.mkdirSync(path.join(base, 'desk'))
    fs.writeFileSync(path.join(base, 'a.txt'), 'The council met on Monday.\n')
    fs.writeFileSync(path.join(base, 'desk', 'b.md'), 'The mayor said TK on Monday.\n')
    // Two links back up the tree: walked naively, 2^40 folders.
    fs.symlinkSync('..', path.join(base, 'desk', 'up'))
    fs.symlinkSync('.', path.join(base, 'loop'))
    expect(spawnSync('mkfifo', [path.join(base, 'x.txt')]).status).toBe(0)
    fs.symlinkSync('/dev/zero', path.join(base, 'z.txt'))
    fs.symlinkSync('nowhere.txt', path.join(base, 'gone.txt'))
    const run = await spawned(['.'], {cwd: base})
    expect(run.stdout).toBe(
      'desk/b.md\n  1:16  error  TK  Remove `TK` before publishing: it marks copy still to come  leftovers\n\n1 error in 2 stories\n'
    )
    expect(run.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'copydesk: desk/up: is a link to a folder already checked (a loop?); skipped',
      'copydesk: gone.txt does not exist (a broken link?); not checked',
      'copydesk: loop: is a link to a folder already checked (a loop?); skipped',
      'copydesk: x.txt is a pipe (FIFO), not a story file; not checked',
      'copydesk: z.txt is a device, not a story file; not checked'
    ])
    // Stories were left unchecked: never "ready to publish".
    expect(run.code).toBe(2)
  }, 2 * bound)

  test('a folder whose only oddity is a loop still passes when its stories do', async () => {
    const base = fs.mkdtempSync(path.join(temp, 'loop-'))
    fs.writeFileSync(path.join(base, 'a.txt'), 'The council met on Monday.\n')
    fs.symlinkSync('.', path.join(base, 'loop'))
    const run = await inProcess(['.'], base)
    expect(run).toEqual({code: 0, stdout: 'No problems in 1 story\n', stderr: 'copydesk: loop: is a link to a folder already checked (a loop?); skipped\n'})
  }, bound)
})

describe('bytes: encodings and --fix', () => {
  test('--fix on Latin-1 keeps every byte outside the fix (é was turned into U+FFFD)', async () => {
    const base = fs.mkdtempSync(path.join(temp, 'latin1-'))
    const file = path.join(base, 'l.txt')
    fs.writeFileSync(file, Buffer.from('The caf\xe9 owner said the the price.\n', 'latin1'))
    const run = await spawned(['--fix', 'l.txt'], {cwd: base})
    expect(fs.readFileSync(file).equals(Buffer.from('The caf\xe9 owner said the price.\n', 'latin1'))).toBe(true)
    expect(run.stderr).toBe('Fixed 1 in l.txt: the the → the\ncopydesk: l.txt: read as Windows-1252 (Latin-1)\n')
  }, bound)

  test.each<[string, Buffer]>([
    ['UTF-16LE', Buffer.from('\uFEFFThe caf\u00e9 owner said TK.\n', 'utf16le')],
    ['UTF-16BE', Buffer.from('\uFEFFThe caf\u00e9 owner said TK.\n', 'utf16le').swap16()]
  ])('%s with a byte-order mark is checked, not read as garbage ("No problems", exit 0)', async (name, bytes) => {
    const base = fs.mkdtempSync(path.join(temp, 'utf16-'))
    fs.writeFileSync(path.join(base, 's.txt'), bytes)
    const run = await inProcess(['--format', 'json', 's.txt'], base)
    const result = JSON.parse(run.stdout) as {files: Array<{messages: Array<{ruleId: string; actual: string; line: number; column: number; severity: string}>}>}
    expect(result.files[0].messages.filter((message) => message.ruleId === 'leftovers').map(({actual, line, column, severity}) => ({actual, line, column, severity}))).toEqual([
      {actual: 'TK', line: 1, column: 22, severity: 'error'}
    ])
    expect([run.code, run.stderr]).toEqual([1, `copydesk: s.txt: read as ${name}\n`])
  }, bound)

  test('--fix on UTF-16 writes UTF-16 back, byte-order mark and all', async () => {
    const base = fs.mkdtempSync(path.join(temp, 'utf16fix-'))
    const file = path.join(base, 's.txt')
    fs.writeFileSync(file, Buffer.from('\uFEFFThe caf\u00e9 owner said the the price.\n', 'utf16le').swap16())
    await inProcess(['--fix', 's.txt'], base)
    expect(fs.readFileSync(file).equals(Buffer.from('\uFEFFThe caf\u00e9 owner said the price.\n', 'utf16le').swap16())).toBe(true)
  }, bound)

  test('a file that is not text is refused in one line and never rewritten', async () => {
    const base = fs.mkdtempSync(path.join(temp, 'binary-'))
    const bytes = Buffer.from([0x00, 0x01, 0xff, 0x74, 0x68, 0x65, 0x20, 0x74, 0x68, 0x65])
    fs.writeFileSync(path.join(base, 'b.txt'), bytes)
    fs.writeFileSync(path.join(base, 'ok.txt'), 'Residents left the the town.\n')
    const run = await inProcess(['--fix', 'b.txt', 'ok.txt'], base)
    expect(run).toEqual({
      code: 2,
      stdout: 'No problems in 1 story\n',
      stderr: 'Fixed 1 in ok.txt: the the → the\ncopydesk: b.txt is neither UTF-8, UTF-16 nor Windows-1252 (Latin-1) text; save it as UTF-8 and check it again\n'
    })
    expect(fs.readFileSync(path.join(base, 'b.txt')).equals(bytes)).toBe(true)
  }, bound)

  test('--fix on a file it cannot write still prints the report, then says so in one line', async () => {
    const base = fs.mkdtempSync(path.join(temp, 'readonly-'))
    fs.writeFileSync(path.join(base, 's.txt'), 'Residents left the the town. TK\n')
    const denied = Object.assign(new Error("EACCES: permission denied, open 's.txt'"), {code: 'EACCES'})
    // --fix writes a temporary file beside the story, then renames it over (src/faces/fix.ts `saveFixed`): deny that open.
    const open = fs.openSync
    const write = vi.spyOn(fs, 'openSync').mockImplementation((file, ...rest) => {
      if (String(file).includes('.copydesk-')) throw denied
      return open(file, ...(rest as [never]))
    })
    try {
      const run = await inProcess(['--fix', 's.txt'], base)
      expect(run).toEqual({
        code: 2,
        stdout: [
          's.txt',
          '  1:16  warning  the the → the  Remove the repeated `the`  repeated-word',
          '  1:30  error    TK             Remove `TK` before publishing: it marks copy still to come  leftovers',
          '',
          '1 error, 1 warning in 1 story',
          ''
        ].join('\n'),
        stderr: 'copydesk: s.txt: could not save the fixes (permission denied); the story is unchanged\n'
      })
      expect(fs.readFileSync(path.join(base, 's.txt'), 'utf8')).toBe('Residents left the the town. TK\n')
      expect(fs.readdirSync(base)).toEqual(['s.txt'])
    } finally {
      write.mockRestore()
    }
  }, bound)
})

describe('empty and closed standard input', () => {
  const empty = '<stdin>\n  1:1  error  The story is empty: there is no text to check. Make sure the whole story was sent (a failed export or download sends nothing)  empty-story\n\n1 error in 1 story\n'
  test.each<[string, string[], string | undefined, string | undefined]>([
    ['an empty pipe', [], '', undefined],
    ['only white space', [], ' \n\t\n', undefined],
    ['an empty pipe read as HTML', ['--format-in', 'html'], '', undefined],
    ['HTML with no text', ['--format-in', 'html'], '<p></p>\n', undefined],
    ['closed standard input', [], undefined, '"$COPYDESK_BIN" <&-'],
    ['closed standard input read as HTML', [], undefined, '"$COPYDESK_BIN" --format-in html <&-']
  ])('%s is an error, never "No problems" (exit 0)', async (_name, args, input, shell) => {
    const run = await spawned(args, {cwd: temp, input, shell: shell?.replace('"$COPYDESK_BIN"', `"${process.execPath}" "$COPYDESK_BIN"`)})
    expect(run).toEqual({code: 1, stdout: empty, stderr: ''})
  }, bound)

  test('switched off in .copydeskrc, an empty story passes', async () => {
    const base = fs.mkdtempSync(path.join(temp, 'off-'))
    fs.writeFileSync(path.join(base, '.copydeskrc'), 'checks:\n  empty-story: off\n')
    fs.writeFileSync(path.join(base, 'e.txt'), '')
    expect(await inProcess(['e.txt'], base)).toEqual({code: 0, stdout: 'No problems in 1 story\n', stderr: ''})
  }, bound)
})

describe('terminal escapes', () => {
  test('a file name and a rules message with escapes reach the terminal escaped', async () => {
    const base = fs.mkdtempSync(path.join(temp, 'escape-'))
    fs.mkdirSync(path.join(base, 'house'))
    fs.writeFileSync(path.join(base, '.copydeskrc'), 'rules: house\ndefaultRules: false\n')
    fs.writeFileSync(
      path.join(base, 'house', 'debris.yml'),
      'kind: existence\nmessage: "Remove \\e[2J`{actual}`\\e]0;owned\\a"\nlevel: error\nentries:\n  - id: tk\n    match: [TK]\n    examples:\n      flag: ["Said TK."]\n'
    )
    fs.writeFileSync(path.join(base, 'a\u001B[31m.txt'), 'The mayor said TK \u001B[8mhidden.\n')
    const run = await spawned(['.'], {cwd: base})
    expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/)
    expect(run.stdout.split('\n').slice(0, 2)).toEqual(['a\\x1b[31m.txt', '  1:16  error  TK  Remove \\x1b[2J`TK`\\x1b]0;owned\\x07  debris'])
  }, bound)
})
