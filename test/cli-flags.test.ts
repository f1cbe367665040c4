/**
 * The CLI's flags copy desks and CI reach for (docs/cli.md): settings from a
 * named file, an ignore file, colour, a report file, standard input by name,
 * a warning budget, dialect and per-check levels on the command line, `-`,
 * and `--fix` on standard input as a filter. Runs the built CLI.
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildIfStale} from './util/build.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')
let temp: string

interface Run {
  code: number | null
  stdout: string
  bytes: Buffer
  stderr: string
}

function copydesk(args: string[], options: {cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv} = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? temp,
      env: {...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env}
    })
    const chunks: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout: Buffer.concat(chunks).toString('utf8'), bytes: Buffer.concat(chunks), stderr}))
    child.stdin.end(options.input ?? '')
  })
}

/** The report's finding lines, spaces squeezed. */
function findings(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /^\s+\d+:\d+\s/.test(line))
    .map((line) => line.replace(/\s{2,}/g, '  ').trim())
}

const story = 'The the colour of the town hall was TK.\n'
const repeated = '1:1  warning  The the → The  Remove the repeated `the`  repeated-word'
const colour = '1:9  warning  colour → color  `colour` is British spelling; use `color`  dialect'
const tk = '1:37  error  TK  Remove `TK` before publishing: it marks copy still to come  leftovers'

beforeAll(() => {
  buildIfStale()
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-flags-'))
  fs.writeFileSync(path.join(temp, 'story.txt'), story)
}, 600_000)

afterAll(() => {
  fs.rmSync(temp, {recursive: true, force: true})
})

describe('settings on the command line', () => {
  test('without flags: every finding at its level', async () => {
    const run = await copydesk(['story.txt'])
    expect(findings(run.stdout)).toEqual([repeated, colour, tk])
    expect(run.code).toBe(1)
  })

  test('--config FILE: its settings, not the nearest .copydeskrc', async () => {
    fs.mkdirSync(path.join(temp, 'desk'), {recursive: true})
    fs.writeFileSync(path.join(temp, 'desk', 'settings.yml'), 'checks:\n  leftovers: off\n')
    fs.writeFileSync(path.join(temp, '.copydeskrc'), '{"checks": {"repeated-word": "off"}}')
    try {
      const nearest = await copydesk(['story.txt'])
      expect(findings(nearest.stdout)).toEqual([colour, tk])
      const named = await copydesk(['--config', 'desk/settings.yml', 'story.txt'])
      expect(findings(named.stdout)).toEqual([repeated, colour])
      expect(named.code).toBe(0)
    } finally {
      fs.rmSync(path.join(temp, '.copydeskrc'))
    }
  })

  test('--config with a file that is not there: exit 2, one line', async () => {
    const run = await copydesk(['--config', 'nowhere.yml', 'story.txt'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('copydesk: nowhere.yml: cannot read settings: no such file\n')
  })

  test('--dialect and --rule ID=LEVEL', async () => {
    const run = await copydesk(['--dialect', 'en-GB', '--rule', 'repeated-word=error', '--rule', 'leftovers=off', 'story.txt'])
    expect(findings(run.stdout)).toEqual(['1:1  error  The the → The  Remove the repeated `the`  repeated-word'])
    expect(run.code).toBe(1)
  })

  test('--rule without a level says how to write it', async () => {
    const run = await copydesk(['--rule', 'titles', 'story.txt'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('copydesk: --rule is "titles"; use ID=LEVEL with a level of off, suggestion, warning, error, such as --rule titles=off\n')
  })

  test('--max-warnings N: more warnings than N fail, N or fewer pass', async () => {
    const args = ['--rule', 'leftovers=off', 'story.txt']
    expect((await copydesk(args)).code).toBe(0)
    expect((await copydesk(['--max-warnings', '2', ...args])).code).toBe(0)
    expect((await copydesk(['--max-warnings', '1', ...args])).code).toBe(1)
    const bad = await copydesk(['--max-warnings', 'many', ...args])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe('copydesk: --max-warnings is "many"; use a number of warnings such as 0\n')
  })
})

describe('which stories', () => {
  test('--ignore-path FILE: the stories it lists are left out', async () => {
    const folder = fs.mkdtempSync(path.join(temp, 'ignore-'))
    fs.writeFileSync(path.join(folder, 'a.txt'), story)
    fs.writeFileSync(path.join(folder, 'b.txt'), story)
    fs.writeFileSync(path.join(folder, 'skip.list'), 'b.txt\n')
    const all = await copydesk(['.'], {cwd: folder})
    expect(all.stdout).toContain('in 2 stories')
    const run = await copydesk(['--ignore-path', 'skip.list', '.'], {cwd: folder})
    expect(run.stdout.split('\n')[0]).toBe('a.txt')
    expect(run.stdout).toContain('in 1 story')
  })

  test('`-` is standard input', async () => {
    const run = await copydesk(['-'], {input: story})
    expect(run.stdout.split('\n')[0]).toBe('<stdin>')
    expect(findings(run.stdout)).toEqual([repeated, colour, tk])
  })

  test('--stdin-filename NAME: the name, the format and the settings of standard input', async () => {
    const input = 'Run `the the` here, and the the rest.\n'
    const text = await copydesk([], {input})
    expect(findings(text.stdout).map((line) => line.split('  ')[0])).toEqual(['1:6', '1:25'])
    const markdown = await copydesk(['--stdin-filename', 'notes/story.md'], {input})
    expect(markdown.stdout.split('\n')[0]).toBe('notes/story.md')
    // Markdown: the code span is not prose.
    expect(findings(markdown.stdout).map((line) => line.split('  ')[0])).toEqual(['1:25'])
  })
})

describe('output', () => {
  test('-o FILE: the report goes to the file, nothing to standard output', async () => {
    const run = await copydesk(['-o', 'report.txt', 'story.txt'])
    expect(run.stdout).toBe('')
    expect(run.code).toBe(1)
    expect(findings(fs.readFileSync(path.join(temp, 'report.txt'), 'utf8'))).toEqual([repeated, colour, tk])
  })

  test('colour: --color, --no-color, NO_COLOR and FORCE_COLOR', async () => {
    const escape = '\u001B['
    expect((await copydesk(['story.txt'])).stdout).not.toContain(escape)
    expect((await copydesk(['--color', 'story.txt'])).stdout).toContain(escape)
    expect((await copydesk(['story.txt'], {env: {FORCE_COLOR: '1'}})).stdout).toContain(escape)
    expect((await copydesk(['story.txt'], {env: {FORCE_COLOR: '1', NO_COLOR: '1'}})).stdout).not.toContain(escape)
    expect((await copydesk(['--color', 'story.txt'], {env: {NO_COLOR: '1'}})).stdout).toContain(escape)
    expect((await copydesk(['--no-color', 'story.txt'], {env: {FORCE_COLOR: '1'}})).stdout).not.toContain(escape)
  })

  test('--fix on standard input: the fixed story on standard output, the report on standard error', async () => {
    const run = await copydesk(['--fix', '-'], {input: 'Residents left the the town an hour ago.\n'})
    expect(run.stdout).toBe('Residents left the town an hour ago.\n')
    expect(run.stderr).toBe('Fixed 1 in <stdin>: the the → the\nNo problems in 1 story\n')
    expect(run.code).toBe(0)
  })

  test('--fix on standard input with nothing to fix passes the story through, byte for byte', async () => {
    const latin1 = Buffer.from('Caf\u00e9 owners met on Tuesday.\n', 'latin1')
    const run = await copydesk(['--fix'], {input: latin1})
    expect(run.bytes.equals(latin1)).toBe(true)
    expect(run.code).toBe(0)
  })
})
