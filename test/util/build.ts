/**
 * Tests that spawn the built CLI (bin/copydesk.js, dist/) or start workers
 * from dist/ must not run stale code: build when dist/ is missing or older
 * than any file in src/.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** Rebuild dist/ (tsc, then the CLI bundle) when src/ has a newer file than dist/faces/cli.js. Give the calling hook a few minutes. */
export function buildIfStale(): void {
  const built = path.join(root, 'dist', 'faces', 'cli.js')
  const newest = Math.max(...fs.readdirSync(path.join(root, 'src'), {recursive: true}).map((name) => fs.statSync(path.join(root, 'src', String(name))).mtimeMs))
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newest) return
  // Emits even if someone else's file has a type error; the tests then say what is wrong.
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {cwd: root, stdio: 'ignore'})
  // The bundle bin/copydesk.js runs (it falls back to dist/faces/cli.js when stale).
  spawnSync(process.execPath, ['scripts/build-cli.js'], {cwd: root, stdio: 'ignore'})
}
