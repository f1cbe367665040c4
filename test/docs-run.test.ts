/**
 * The docs' examples run as written, so docs and behaviour cannot drift:
 *
 * - docs/library.md: every `js` and `ts` block compiles against the
 *   published types (dist/index.d.ts, through the package's own name) under
 *   `strict` and `exactOptionalPropertyTypes`; a `js` block followed by a
 *   `text` block runs, and prints exactly that text.
 * - docs/cli.md: every `console` block runs line by line in a folder holding
 *   examples/ (`npx copydesk` is this clone's bin), and prints exactly what
 *   the block shows after each `$` line.
 *
 * Runs the build (dist/); a stale build is rebuilt first.
 */
import {execFile, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {buildIfStale} from './util/build.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')

interface Block {
  lang: string
  code: string
  /** 1-based line of the opening fence. */
  line: number
}

/** The fenced code blocks of a Markdown file, list indentation taken off. */
function blocks(file: string): Block[] {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n')
  const found: Block[] = []
  for (let index = 0; index < lines.length; index++) {
    const open = /^( *)```(\w*)\s*$/.exec(lines[index]!)
    if (!open) continue
    const indent = open[1]!.length
    const body: string[] = []
    let end = index + 1
    while (end < lines.length && !/^ *```\s*$/.test(lines[end]!)) body.push(lines[end++]!.slice(indent))
    found.push({lang: open[2]!, code: body.join('\n') + '\n', line: index + 1})
    index = end
  }
  return found
}

let temp: string

beforeAll(() => {
  buildIfStale()
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-docs-'))
}, 600_000)

afterAll(() => {
  if (temp) fs.rmSync(temp, {recursive: true, force: true})
})

describe('docs/library.md', () => {
  const all = blocks('docs/library.md')
  const code = all.filter((block) => block.lang === 'js' || block.lang === 'ts')

  test('has examples to run', () => {
    expect(code.length).toBeGreaterThanOrEqual(4)
  })

  test('every js and ts example compiles under strict and exactOptionalPropertyTypes', async () => {
    // Inside the clone, so `import … from 'copydesk'` is the package itself (its `exports`, its dist/ types).
    const folder = fs.mkdtempSync(path.join(root, 'test', '.docs-examples-'))
    try {
      const files = code.map((block) => {
        const file = path.join(folder, `library-${block.line}.mts`)
        // The examples' free names: a story to check.
        fs.writeFileSync(file, `declare const story: string\n${block.code}export {}\n`)
        return file
      })
      const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
      const args = ['--noEmit', '--strict', '--exactOptionalPropertyTypes', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', ...files]
      const result = await promisify(execFile)(process.execPath, [tsc, ...args], {cwd: root}).catch((error: {stdout: string}) => ({stdout: error.stdout}))
      expect(result.stdout.replaceAll(folder + path.sep, '')).toBe('')
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
    }
  }, 300_000)

  test('an example followed by its output prints that output', () => {
    const pairs = all.flatMap((block, index) => (block.lang === 'js' && all[index + 1]?.lang === 'text' ? [[block, all[index + 1]!] as const] : []))
    expect(pairs.length).toBeGreaterThanOrEqual(1)
    for (const [example, output] of pairs) {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', example.code], {cwd: root, encoding: 'utf8'})
      expect(run.stderr, `docs/library.md:${example.line}`).toBe('')
      expect(run.stdout, `docs/library.md:${example.line}`).toBe(output.code)
    }
  })
})

describe('docs/cli.md', () => {
  const consoles = blocks('docs/cli.md').filter((block) => block.lang === 'console')

  test('has sessions to replay', () => {
    expect(consoles.length).toBeGreaterThanOrEqual(3)
  })

  test.each(consoles.map((block) => [block.line, block] as const))('the session at line %i prints what it shows', (_line, block) => {
    const folder = fs.mkdtempSync(path.join(temp, 'session-'))
    fs.cpSync(path.join(root, 'examples'), path.join(folder, 'examples'), {recursive: true})
    // A transcript: each `$` line echoed, then run with its output merged as a terminal shows it.
    const script = ['rc=0']
    for (const line of block.code.split('\n')) {
      if (!line.startsWith('$ ')) continue
      const command = line.slice(2).replaceAll('npx copydesk', `node ${JSON.stringify(bin)}`)
      script.push(`printf '%s\\n' ${shellQuote(line)}`, `(exit $rc); ${command} 2>&1; rc=$?`)
    }
    const run = spawnSync('bash', ['-c', script.join('\n')], {cwd: folder, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', FORCE_COLOR: undefined}})
    expect(run.stdout).toBe(block.code)
  }, 120_000)
})

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`
}
