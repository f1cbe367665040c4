/**
 * copydesk as a user installs it: `npm pack` (its own prepack/postpack), the
 * tarball installed into a fresh project, then the installed CLI and library.
 * The install must print no warning (no engine mismatch on Node 20, no
 * install script for npm 11 to flag), leave out what only the server and the
 * build need, and the installed CLI must start from its bundle (decided by
 * the build id its modules carry, which an install keeps; not by file times,
 * which it resets).
 *
 * Needs the npm registry or npm's cache for the dependencies; slow (an
 * install), so it runs once, in beforeAll.
 */
import {execFile, execFileSync, spawnSync} from 'node:child_process'
import {promisify} from 'node:util'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {buildIfStale} from './util/build.js'

const root = fileURLToPath(new URL('..', import.meta.url))
let temp: string
let project: string
let installLog: string
let packedManifest: {scripts?: Record<string, string>}
const manifestBefore = fs.readFileSync(path.join(root, 'package.json'), 'utf8')

/** Run a command without blocking (vitest's worker must keep answering): its exit status and output. */
async function run(command: string, args: string[], cwd: string): Promise<{status: number; stdout: string; output: string}> {
  try {
    const {stdout, stderr} = await promisify(execFile)(command, args, {cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: {...process.env, COPYDESK_DEBUG: ''}})
    return {status: 0, stdout, output: stdout + stderr}
  } catch (error) {
    const failed = error as {code?: number; stdout?: string; stderr?: string}
    return {status: failed.code ?? 1, stdout: failed.stdout ?? '', output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`}
  }
}

beforeAll(async () => {
  buildIfStale()
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-install-'))
  // With its scripts: prepack builds if dist/ is stale and takes `prepare` out, postpack puts it back.
  const pack = await run('npm', ['pack', '--json', '--pack-destination', temp], root)
  if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.output}`)
  const tarball = path.join(temp, JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0].filename)
  packedManifest = JSON.parse(execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], {encoding: 'utf8'}))
  project = path.join(temp, 'newsroom')
  fs.mkdirSync(project)
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({name: 'newsroom', version: '1.0.0', private: true, type: 'module'}))
  // npm's cache first (offline when it holds everything), the registry for the rest.
  const install = await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], project)
  installLog = install.output
  if (install.status !== 0) throw new Error(`npm install failed:\n${install.output}`)
  fs.copyFileSync(path.join(root, 'examples', 'story.txt'), path.join(project, 'story.txt'))
}, 900_000)

afterAll(() => {
  if (temp) fs.rmSync(temp, {recursive: true, force: true})
})

test('npm pack leaves package.json as it was, and the package it makes has no prepare script', () => {
  expect(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).toBe(manifestBefore)
  expect(fs.existsSync(path.join(root, '.package.json.packing'))).toBe(false)
  expect(packedManifest.scripts?.prepare).toBeUndefined()
  expect(JSON.parse(manifestBefore).scripts.prepare).toBe('node scripts/build-id.js prepare')
})

test('installing the tarball prints no warning', () => {
  expect(installLog.split('\n').filter((line) => /warn/i.test(line))).toEqual([])
  expect(installLog).toMatch(/added \d+ packages?/)
})

test('a library install leaves out the server and the build tools', () => {
  const modules = path.join(project, 'node_modules')
  for (const name of ['fastify', '@fastify/formbody', 'piscina', 'esbuild', 'typescript', 'cookie']) {
    expect(fs.existsSync(path.join(modules, name)), name).toBe(false)
  }
  expect(fs.existsSync(path.join(modules, 'copydesk', 'dist', 'index.js'))).toBe(true)
})

test('the installed CLI starts from its bundle and reports as the repository does', () => {
  const bin = path.join(project, 'node_modules', '.bin', 'copydesk')
  const installed = spawnSync(bin, ['story.txt'], {cwd: project, encoding: 'utf8', env: {...process.env, COPYDESK_DEBUG: '1', NO_COLOR: '1'}})
  expect(installed.stderr).toBe('copydesk: running dist/bundle/cli.js\n')
  expect(installed.status).toBe(1)
  const here = spawnSync(process.execPath, [path.join(root, 'bin', 'copydesk.js'), 'story.txt'], {cwd: project, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  expect(installed.stdout).toBe(here.stdout)
  expect(installed.stdout).toContain('13:170  error    TK')
})

test('the installed library checks a story', () => {
  const script = "import {check} from 'copydesk'; const file = await check('Residents left the the town.'); console.log(file.messages.map(String).join('\\n'))"
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: project, encoding: 'utf8'})
  expect(run.stderr).toBe('')
  expect(run.stdout).toBe('1:16-1:23: Remove the repeated `the`\n')
})

test('the installed types compile without the server packages, library checks included (skipLibCheck off)', async () => {
  fs.writeFileSync(path.join(project, 'use.mts'), "import {check, applyFixes, type ResultMessage} from 'copydesk'\nconst file = await check('x')\nconst fixed = applyFixes('x', file.messages)\nexport const first: ResultMessage | undefined = undefined\nconsole.log(fixed.text)\n")
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const types = path.join(root, 'node_modules', '@types')
  const result = await run(process.execPath, [tsc, '--noEmit', '--strict', '--exactOptionalPropertyTypes', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--typeRoots', types, '--types', 'node', 'use.mts'], project)
  expect(result.output).toBe('')
}, 120_000)

test('`copydesk serve` without the server packages says what to install', () => {
  const run = spawnSync(path.join(project, 'node_modules', '.bin', 'copydesk'), ['serve', '--port', '0'], {cwd: project, encoding: 'utf8'})
  expect(run.status).toBe(2)
  expect(run.stderr).toBe('copydesk: `copydesk serve` needs fastify, which is not installed: npm install fastify@^5.12.8 @fastify/formbody@^9.0.1 piscina@^5.3.2\n')
})
