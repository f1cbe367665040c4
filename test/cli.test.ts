/**
 * The CLI as a user runs it: spawn `node bin/copydesk.js` on files, folders
 * and standard input; assert report lines, JSON, exit codes, configuration
 * files, and `--fix` byte for byte. Runs the built CLI (dist/): `npm test`
 * builds first; a stale or missing build is rebuilt here.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildIfStale} from './util/build.js'
import {runProcess, type Run} from './util/run.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')
const story = fs.readFileSync(path.join(root, 'examples', 'story.txt'), 'utf8')
let temp: string


/** Run the bin; resolves when it exits. */
function copydesk(args: string[], options: {cwd?: string; input?: string; env?: NodeJS.ProcessEnv} = {}): Promise<Run> {
  return runProcess(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env},
    input: options.input ?? ''
  })
}

/** Lines of a report that belong to the given checks (others may fire too). */
function lines(output: string, ruleIds: string[]): string[] {
  return output
    .split('\n')
    .filter((line) => ruleIds.some((ruleId) => line.endsWith('  ' + ruleId)))
    .map((line) => line.replace(/\s{2,}/g, '  ').trim())
}

/** Write files under a fresh temp folder; returns its path. */
function folder(files: Record<string, string>): string {
  const base = fs.mkdtempSync(path.join(temp, 'case-'))
  for (const [name, value] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(base, name)), {recursive: true})
    fs.writeFileSync(path.join(base, name), value)
  }
  return base
}

beforeAll(() => {
  buildIfStale()
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-cli-'))
})

afterAll(() => {
  fs.rmSync(temp, {recursive: true, force: true})
})

describe('the bundle', () => {
  test('is what bin/copydesk.js runs: every module it was made from carries its id', async () => {
    // bin/copydesk.js falls back to dist/faces/cli.js when one lacks it; these tests would then miss the bundle.
    const {id, inputs} = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'bundle', 'inputs.json'), 'utf8')) as {id: string; inputs: string[]}
    expect(inputs).toContain('faces/cli.js')
    const stale = inputs.filter((input) => !fs.readFileSync(path.join(root, 'dist', input), 'utf8').endsWith(`\n//# copydesk-bundle=${id}\n`))
    expect(stale).toEqual([])
    const run = await copydesk(['--version'], {env: {COPYDESK_DEBUG: '1'}})
    expect(run.stderr).toBe('copydesk: running dist/bundle/cli.js\n')
  })
})

describe('checking stories', () => {
  test('a file: a readable report, exit 1 for an error', async () => {
    const run = await copydesk(['examples/story.txt'])
    expect(run.code).toBe(1)
    expect(run.stdout.split('\n')[0]).toBe('examples/story.txt')
    expect(lines(run.stdout, ['repeated-word', 'leftovers'])).toEqual([
      '3:124  warning  the the → the  Remove the repeated `the`  repeated-word',
      '13:170  error  TK  Remove `TK` before publishing: it marks copy still to come  leftovers'
    ])
    expect(run.stdout).toMatch(/\n\d+ errors?, \d+ warnings?(, \d+ suggestions?)? in 1 story\n$/)
    // Never echoes the story.
    expect(run.stdout).not.toContain('PORT MERIDIAN')
  })

  test('HTML and Markdown by extension, with positions in the source', async () => {
    const html = await copydesk(['examples/story.html'])
    expect(lines(html.stdout, ['repeated-word'])).toEqual(['3:135  warning  the the → the  Remove the repeated `the`  repeated-word'])
    const markdown = await copydesk(['examples/story.md'])
    expect(lines(markdown.stdout, ['repeated-word'])).toEqual(['3:124  warning  the the → the  Remove the repeated `the`  repeated-word'])
  })

  test('standard input when no path is given', async () => {
    const run = await copydesk([], {input: 'Residents left the the town.\n'})
    expect(run.stdout.split('\n')[0]).toBe('<stdin>')
    expect(lines(run.stdout, ['repeated-word'])).toEqual(['1:16  warning  the the → the  Remove the repeated `the`  repeated-word'])
    expect(run.stdout).not.toContain('Residents left')
  })

  test('--headline: the first line is checked as a headline', async () => {
    const input = 'US envoy visits Bamako\n\nUS officials said the blockade had eased.\n'
    const plain = await copydesk([], {input})
    expect(lines(plain.stdout, ['house-forms'])).toEqual([
      '1:1  warning  US → U.S.  Use `U.S.`, not `US`.  house-forms',
      '3:1  warning  US → U.S.  Use `U.S.`, not `US`.  house-forms'
    ])
    const headline = await copydesk(['--headline'], {input})
    expect(lines(headline.stdout, ['house-forms'])).toEqual(['3:1  warning  US → U.S.  Use `U.S.`, not `US`.  house-forms'])
  })

  test('--format-in for standard input', async () => {
    const run = await copydesk(['--format-in', 'html', '--format', 'json'], {input: '<p>Left <em>the</em> the town.</p>'})
    const result = JSON.parse(run.stdout) as {files: Array<{messages: Array<{ruleId: string; column: number}>}>}
    expect(result.files[0].messages.filter((message) => message.ruleId === 'repeated-word').map((message) => message.column)).toEqual([13])
  })

  test('--format json: the shared result shape', async () => {
    const run = await copydesk(['--format', 'json', 'examples/story.txt'])
    expect(run.code).toBe(1)
    const result = JSON.parse(run.stdout) as {files: Array<{path: string; counts: Record<string, number>; messages: Array<Record<string, unknown>>}>}
    expect(result.files.map((file) => file.path)).toEqual(['examples/story.txt'])
    const leftover = result.files[0].messages.find((message) => message.ruleId === 'leftovers')
    expect(leftover).toMatchObject({
      ruleId: 'leftovers',
      source: 'copydesk',
      severity: 'error',
      actual: 'TK',
      line: 13,
      column: 170,
      endLine: 13,
      endColumn: 172,
      offset: story.indexOf('TK'),
      endOffset: story.indexOf('TK') + 2
    })
    expect(Object.keys(leftover ?? {}).sort()).toEqual(
      ['actual', 'column', 'endColumn', 'endLine', 'endOffset', 'expected', 'line', 'note', 'offset', 'reason', 'ruleId', 'severity', 'source', 'url'].sort()
    )
    expect(result.files[0].counts.error).toBeGreaterThanOrEqual(1)
  })

  test('--quiet shows errors only', async () => {
    const run = await copydesk(['--quiet', 'examples/story.txt'])
    expect(lines(run.stdout, ['repeated-word', 'leftovers'])).toEqual([
      '13:170  error  TK  Remove `TK` before publishing: it marks copy still to come  leftovers'
    ])
    expect(run.stdout).not.toMatch(/ warning /)
  })

  test('exit 0 without errors; --strict fails on warnings', async () => {
    const base = folder({'story.txt': 'Residents left the the town.\n'})
    expect((await copydesk(['--format', 'json', 'story.txt'], {cwd: base})).code).toBe(0)
    expect((await copydesk(['--strict', 'story.txt'], {cwd: base})).code).toBe(1)
  })

  test('folders and globs, and .copydeskignore', async () => {
    const base = folder({
      'a.txt': 'Casualties: TK.\n',
      'b.md': 'Casualties: TK.\n',
      'drafts/c.html': '<p>Casualties: TK.</p>\n',
      'notes.json': '{}',
      '.copydeskignore': 'drafts/\n'
    })
    const all = await copydesk(['--format', 'json', '.'], {cwd: base})
    expect((JSON.parse(all.stdout) as {files: Array<{path: string}>}).files.map((file) => file.path).sort()).toEqual(['a.txt', 'b.md'])
    const glob = await copydesk(['--format', 'json', '*.md'], {cwd: base})
    expect((JSON.parse(glob.stdout) as {files: Array<{path: string}>}).files.map((file) => file.path)).toEqual(['b.md'])
  })
})

describe('configuration', () => {
  test.each<[string, Record<string, string>]>([
    ['.copydeskrc in YAML', {'.copydeskrc': 'checks:\n  leftovers: off\n'}],
    ['.copydeskrc in JSON', {'.copydeskrc': '{"checks": {"leftovers": "off"}}'}],
    ['.copydeskrc.json', {'.copydeskrc.json': '{"checks": {"leftovers": false}}'}],
    ['.copydeskrc.yml', {'.copydeskrc.yml': 'checks: {leftovers: "off"}'}],
    ['package.json', {'package.json': '{"name": "desk", "copydesk": {"checks": {"leftovers": "off"}}}'}]
  ])('%s, found from the story’s folder upward', async (_name, files) => {
    const base = folder({...files, 'stories/today/story.txt': 'Casualties: TK.\n'})
    const run = await copydesk(['--format', 'json', 'stories/today/story.txt'], {cwd: base})
    const result = JSON.parse(run.stdout) as {files: Array<{messages: Array<{ruleId: string}>}>}
    expect(result.files[0].messages.map((message) => message.ruleId)).not.toContain('leftovers')
  })

  test('the nearest settings win', async () => {
    const base = folder({
      '.copydeskrc': 'checks:\n  leftovers: off\n',
      'wire/.copydeskrc.json': '{"checks": {"leftovers": "error"}}',
      'wire/story.txt': 'Casualties: TK.\n',
      'local/story.txt': 'Casualties: TK.\n'
    })
    const run = await copydesk(['--format', 'json', 'wire/story.txt', 'local/story.txt'], {cwd: base})
    const result = JSON.parse(run.stdout) as {files: Array<{path: string; messages: Array<{ruleId: string}>}>}
    const byPath = Object.fromEntries(result.files.map((file) => [file.path, file.messages.some((message) => message.ruleId === 'leftovers')]))
    expect(byPath).toEqual({'wire/story.txt': true, 'local/story.txt': false})
  })

  test('`rules` is resolved from the settings file', async () => {
    const base = folder({
      'desk/.copydeskrc': 'rules: ../house\n',
      'house/leftovers.yml': fs.readFileSync(path.join(root, 'rules', 'leftovers.yml'), 'utf8'),
      'desk/story.txt': 'Casualties: TK.\n'
    })
    const run = await copydesk(['desk/story.txt'], {cwd: base})
    expect(run.stderr).toBe('')
    expect(lines(run.stdout, ['leftovers'])).toHaveLength(1)
  })
})

describe('exit 2: the command could not run, said plainly', () => {
  test.each<[string, string[], Record<string, string>, RegExp]>([
    ['an unknown flag', ['--fixx', 'story.txt'], {}, /^copydesk: unknown option `--fixx`\. See `copydesk --help`\.\n$/],
    ['a bad --format', ['--format', 'xml', 'story.txt'], {}, /--format is "xml"; use json, sarif, checkstyle, junit, github/],
    ['a bad --format-in', ['--format-in', 'docx', 'story.txt'], {}, /--format-in is "docx"; use text, markdown or html/],
    ['a missing file', ['nope.txt'], {}, /nope\.txt: No such file or folder/],
    ['a broken .copydeskrc', ['story.txt'], {'.copydeskrc': 'checks: [leftovers\n'}, /^copydesk: \.copydeskrc: cannot read settings: .*Fix: write JSON or YAML/m],
    ['an unknown setting', ['story.txt'], {'.copydeskrc': 'check:\n  leftovers: off\n'}, /\.copydeskrc: unknown setting `check`; accepted: dialect, checks, dictionary, rules, defaultRules/],
    ['an unknown check name', ['story.txt'], {'.copydeskrc': 'checks:\n  leftover: off\n'}, /\.copydeskrc: unknown check `leftover` in option `checks`; accepted: .*leftovers/],
    ['a bad dialect', ['story.txt'], {'.copydeskrc.json': '{"dialect": "en-AU"}'}, /\.copydeskrc\.json: option `dialect` is "en-AU"; accepted: 'en-US', 'en-GB'/],
    ['a broken rules file', ['story.txt'], {'.copydeskrc': 'rules: house\n', 'house/leftovers.yml': 'kind: existence\nmessage: [oops\n'}, /house\/leftovers\.yml:\d+:\d+: /],
    ['--port without serve', ['--port', '80', 'story.txt'], {}, /--port goes with `copydesk serve`/],
    ['a folder without stories', ['empty'], {'empty/notes.json': '{}'}, /no stories found in `empty`/],
    ['a file in .copydeskignore', ['story.txt'], {'.copydeskignore': 'story.txt\n'}, /story\.txt: this file is listed in a \.copydeskignore file/],
    ['HTML nested too deep to read', ['deep.html'], {'deep.html': '<div>'.repeat(20_000) + 'TK'}, /^copydesk: deep\.html: the story’s markup is nested too deeply to read/m]
  ])('%s', async (_name, args, files, message) => {
    const base = folder({'story.txt': 'Casualties: TK.\n', ...files})
    const run = await copydesk(args, {cwd: base})
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  test('a broken settings file is reported once for all its stories', async () => {
    const base = folder({'.copydeskrc': '{"checks": ', 'a.txt': 'x\n', 'b.txt': 'y\n'})
    const run = await copydesk(['a.txt', 'b.txt'], {cwd: base})
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })
})

describe('--fix', () => {
  test('fixes a copy in place; every other byte stays the same', async () => {
    const base = folder({'story.txt': story})
    const file = path.join(base, 'story.txt')
    const run = await copydesk(['--fix', 'story.txt'], {cwd: base})
    expect(run.stderr).toMatch(/^Fixed \d+ in story\.txt: /)
    const fixed = fs.readFileSync(file)
    const original = Buffer.from(story)
    // The fixes this story needs that are safe: the doubled word and the article.
    expect(fixed.toString()).toContain('flooding the harbor district')
    expect(fixed.toString()).toContain('had issued an earlier warning')
    // Outside the fixed spans, byte for byte.
    const changes = [
      ['flooding the the harbor', 'flooding the harbor'],
      ['issued a earlier', 'issued an earlier'],
      ['with US officials', 'with U.S. officials']
    ]
    let expected = original.toString()
    for (const [from, to] of changes) if (fixed.toString().includes(to)) expected = expected.replace(from, to)
    expect(fixed.equals(Buffer.from(expected))).toBe(true)
    // Not fixed: the misspelling (several suggestions), the leftover, the quotes.
    expect(fixed.toString()).toContain('residnets')
    expect(fixed.toString()).toContain('about TK days')
    // The fixed findings are gone from the report; the rest remain.
    expect(lines(run.stdout, ['repeated-word'])).toEqual([])
    expect(lines(run.stdout, ['leftovers'])).toHaveLength(1)
    expect(run.code).toBe(1)
  })

  test('keeps CRLF line endings and a byte-order mark', async () => {
    const text = '\uFEFFResidents left the the town.\r\nIt was a earlier flood.\r\n'
    const base = folder({'story.txt': text})
    await copydesk(['--fix', 'story.txt'], {cwd: base})
    expect(fs.readFileSync(path.join(base, 'story.txt'))).toEqual(Buffer.from('\uFEFFResidents left the town.\r\nIt was an earlier flood.\r\n'))
  })

  test('--dry-run prints a unified diff and writes nothing', async () => {
    const base = folder({'story.txt': 'One.\n\nResidents left the the town.\n\nTwo.\n'})
    const run = await copydesk(['--fix', '--dry-run', 'story.txt'], {cwd: base})
    expect(run.stdout).toBe(
      ['--- a/story.txt', '+++ b/story.txt', '@@ -1,5 +1,5 @@', ' One.', ' ', '-Residents left the the town.', '+Residents left the town.', ' ', ' Two.', ''].join('\n')
    )
    expect(fs.readFileSync(path.join(base, 'story.txt'), 'utf8')).toBe('One.\n\nResidents left the the town.\n\nTwo.\n')
  })

  test('--fix on standard input writes the fixed story to standard output (test/cli-flags.test.ts has more)', async () => {
    const run = await copydesk(['--fix'], {input: 'the the'})
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('the')
  })
})

describe('help, version, serve', () => {
  test('--help is short and for an editor', async () => {
    const run = await copydesk(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('copydesk story.txt')
    expect(run.stdout.split('\n').length).toBeLessThan(30)
  })

  test('--version', async () => {
    const run = await copydesk(['--version'])
    const {version} = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string}
    expect(run).toEqual({code: 0, stdout: version + '\n', stderr: ''})
  })

  test('serve: starts, answers, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {cwd: root, stdio: ['ignore', 'ignore', 'pipe']})
    const url = await new Promise<string>((resolve, reject) => {
      let output = ''
      child.stderr.on('data', (chunk: Buffer) => {
        output += String(chunk)
        const match = /listening on (http:\/\/\S+)/.exec(output)
        if (match) resolve(match[1])
      })
      child.on('exit', () => reject(new Error(output)))
    })
    const response = await fetch(url + '/health')
    expect(((await response.json()) as {status: string}).status).toBe('ok')
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve)
      child.kill('SIGTERM')
    })
    expect(code).toBe(0)
  })
})
