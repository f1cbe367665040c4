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
import {spawnSync} from 'node:child_process'
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

/** Build dist/ when it is missing or stale (see above). Give the calling hook a few minutes (`600_000`). */
export function buildIfStale(): void {
  if (isFresh()) return
  const deadline = Date.now() + 15 * 60_000
  for (;;) {
    try {
      fs.mkdirSync(lock)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      // Another test process is building: wait for it (a lock left by a killed run is taken after 15 min).
      if (Date.now() > deadline || Date.now() - fs.statSync(lock).mtimeMs > 15 * 60_000) {
        fs.rmSync(lock, {recursive: true, force: true})
        continue
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
    }
  }
  try {
    if (!isFresh()) build()
  } finally {
    fs.rmSync(lock, {recursive: true, force: true})
  }
}

/**
 * `npm run build`'s steps, one by one. A type error (tsc still emits) does
 * not stop the build: the tests then say what is wrong; any other failing
 * step throws, with its output.
 */
function build(): void {
  // As `npm run` does: the package's own tools (tsc) first on the PATH.
  const bin = path.join(root, 'node_modules', '.bin')
  const script = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {scripts: {build: string}}).scripts.build
  for (const step of script.split('&&').map((part) => part.trim())) {
    const run = spawnSync(step, {cwd: root, shell: true, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, PATH: bin + path.delimiter + process.env.PATH}})
    if (run.status !== 0 && !/^tsc\b/.test(step)) {
      throw new Error(`buildIfStale: \`${step}\` failed (exit ${run.status}):\n${(run.stdout + run.stderr).slice(-4000)}`)
    }
  }
}
