/**
 * Tests that read dist/ (the built CLI, the pool's worker threads, the
 * precompiled rules, the spelling artefacts, the CLI bundle, the published
 * types) must not check stale code: `buildIfStale()` makes the whole build
 * (`npm run build`'s steps) when dist/ was not built from the files as they
 * are now.
 *
 * Fresh means dist/build-id.json (the build's last step, scripts/build-id.js)
 * holds the hash of the build's inputs (src/, rules/, the build scripts, the
 * TypeScript settings, package-lock.json). The hash is only worked out when
 * an input is newer than that file, so a call on a fresh build costs a few
 * stat calls: under `npm test` (which builds first) every call returns at
 * once, and in a bare `vitest run` the first file to call builds and the
 * others find it fresh (a lock keeps two test processes from building at
 * once; the second waits and finds the first's build).
 */
import {spawn, spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
// @ts-expect-error a plain .js script without types
import {buildId, buildInputs, builtId} from '../../scripts/build-id.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const idFile = path.join(root, 'dist', 'build-id.json')
const lock = path.join(os.tmpdir(), `copydesk-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`)

/**
 * Under StrykerJS (npm run mutate) src/ holds instrumented copies of the
 * sources, and scripts/mutate.js has built dist/ from the real ones before
 * the run: building the copies would cost a whole build per run and change
 * nothing the workers do (a mutant is switched on in the test process only).
 */
const underStryker = process.env.STRYKER_MUTATOR_WORKER !== undefined

/** Whether dist/ was built from the build's inputs as they are now. */
export function isFresh(): boolean {
  if (!fs.existsSync(idFile)) return false
  const built = fs.statSync(idFile).mtimeMs
  if ((buildInputs() as string[]).every((file) => fs.statSync(path.join(root, file)).mtimeMs <= built)) return true
  // Newer files (an edit, or a checkout that only touched them): compare contents.
  if (buildId() !== builtId()) return false
  const now = new Date()
  fs.utimesSync(idFile, now, now)
  return true
}

/**
 * Build dist/ when it is missing or stale (see above), blocking. Give the
 * calling hook a few minutes (`600_000`). In a hook prefer
 * {@link buildWhenStale}, which leaves the event loop free while it builds.
 */
export function buildIfStale(): void {
  if (underStryker || isFresh()) return
  while (!takeLock()) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
  try {
    if (isFresh()) return
    for (const step of buildSteps()) {
      const run = spawnSync(step, {cwd: root, shell: true, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: stepEnv()})
      checkStep(step, run.status, run.stdout + run.stderr)
    }
  } finally {
    fs.rmSync(lock, {recursive: true, force: true})
  }
}

/**
 * `buildIfStale` without blocking: the build's steps (and the wait for
 * another process's build) run while this process's event loop stays free,
 * so a minutes-long build does not time out vitest's messages between its
 * worker and the main process. `beforeAll(() => buildWhenStale(), 600_000)`.
 */
export async function buildWhenStale(): Promise<void> {
  if (underStryker || isFresh()) return
  while (!takeLock()) await new Promise((resolve) => setTimeout(resolve, 500))
  try {
    if (isFresh()) return
    for (const step of buildSteps()) {
      const [status, output] = await new Promise<[number | null, string]>((resolve, reject) => {
        const child = spawn(step, {cwd: root, shell: true, stdio: ['ignore', 'pipe', 'pipe'], env: stepEnv()})
        let output = ''
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
        child.on('error', reject)
        child.on('close', (code) => resolve([code, output]))
      })
      checkStep(step, status, output)
    }
  } finally {
    fs.rmSync(lock, {recursive: true, force: true})
  }
}

/** Take the build lock (another test process may be building); a lock left by a killed run is taken after 15 minutes. */
function takeLock(): boolean {
  try {
    fs.mkdirSync(lock)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    let age = 0
    try {
      age = Date.now() - fs.statSync(lock).mtimeMs
    } catch {
      // Released meanwhile: try again at once.
      return false
    }
    if (age > 15 * 60_000) fs.rmSync(lock, {recursive: true, force: true})
    return false
  }
}

/** `npm run build`'s steps (package.json), run one by one. */
function buildSteps(): string[] {
  const script = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {scripts: {build: string}}).scripts.build
  return script.split('&&').map((part) => part.trim())
}

/** As `npm run` does: the package's own tools (tsc) first on the PATH. */
function stepEnv(): NodeJS.ProcessEnv {
  return {...process.env, PATH: path.join(root, 'node_modules', '.bin') + path.delimiter + process.env.PATH}
}

/** A type error (tsc still emits) does not stop the build: the tests then say what is wrong. Any other failing step throws, with its output. */
function checkStep(step: string, status: number | null, output: string): void {
  if (status !== 0 && !/^tsc\b/.test(step)) throw new Error(`buildIfStale: \`${step}\` failed (exit ${status}):\n${output.slice(-4000)}`)
}
