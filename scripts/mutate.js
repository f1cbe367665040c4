/**
 * `npm run mutate [-- name …] [-- --force]`: mutation testing (StrykerJS) of
 * the modules that decide whether a story is published or changed
 * (scripts/mutation-modules.js), one Stryker run per module against the test
 * files that cover it, so each module has its own floor. Prints a table of
 * score and time per module; exits 1 when any module is under the floor or a
 * run failed.
 *
 * Incremental: each module keeps its results in
 * reports/mutation/<name>.incremental.json (out of git), and a later run
 * retests only the mutants whose code or covering tests changed. `--force`
 * retests everything (and rewrites those files).
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {floor, modules} from './mutation-modules.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const force = args.includes('--force')
const names = args.filter((arg) => !arg.startsWith('--'))
// A group's name (`existence`) stands for all its parts.
const matches = (module, name) => module.name === name || module.group === name
const unknown = names.filter((name) => !modules.some((module) => matches(module, name)))
if (unknown.length > 0) {
  console.error(`mutate: no module ${unknown.join(', ')}; modules: ${[...new Set(modules.flatMap((module) => [module.group ?? module.name, module.name]))].join(', ')}`)
  process.exit(2)
}
const chosen = names.length > 0 ? modules.filter((module) => names.some((name) => matches(module, name))) : modules

// The server's tests run the worker threads from dist/: build it when it is
// missing or older than src/ (as test/util/build.ts does for the test files),
// so no mutant is tested against stale code. The spelling artefacts in
// dist/spell/ (npm run build) also spare every test run minutes of work.
if (chosen.some((module) => module.name === 'server')) {
  const worker = path.join(root, 'dist', 'faces', 'worker.js')
  const newest = Math.max(...fs.readdirSync(path.join(root, 'src'), {recursive: true}).map((name) => fs.statSync(path.join(root, 'src', String(name))).mtimeMs))
  if (!fs.existsSync(worker) || fs.statSync(worker).mtimeMs < newest) {
    console.log('mutate: dist/ is missing or older than src/: building it (the server tests run the built worker)')
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {cwd: root, stdio: 'inherit'})
    if (build.status !== 0 || !fs.existsSync(worker)) {
      console.error('mutate: the build failed; run npm run build')
      process.exit(2)
    }
  }
}
if (!fs.existsSync(path.join(root, 'dist', 'spell'))) {
  console.warn('mutate: no dist/spell/ (npm run build): every test run works the spelling data out again, several times slower')
}

const rows = []
for (const module of chosen) {
  fs.rmSync(path.join(root, 'reports', 'mutation', `${module.name}.json`), {force: true})
  const started = Date.now()
  console.log(`\nmutate: ${module.name} (${module.tests.join(', ')})`)
  const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...(force ? ['--force'] : [])], {
    cwd: root,
    stdio: 'inherit',
    env: {...process.env, COPYDESK_MUTATE_MODULE: module.name}
  })
  const seconds = Math.round((Date.now() - started) / 1000)
  rows.push({name: module.name, seconds, ...scoreOf(module.name), exit: run.status})
}

console.log('\nmodule              score  killed  survived  no cov  ignored  time')
let failed = false
for (const row of rows) {
  const ok = row.score !== undefined && row.score >= floor
  failed ||= !ok
  const score = row.score === undefined ? '  n/a' : row.score.toFixed(1).padStart(5)
  console.log(
    `${row.name.padEnd(18)} ${score}%  ${String(row.killed ?? '').padStart(6)}  ${String(row.survived ?? '').padStart(8)}  ${String(row.noCoverage ?? '').padStart(6)}  ${String(row.ignored ?? '').padStart(7)}  ${row.seconds} s${ok ? '' : `  under the floor of ${floor}%`}`
  )
}
process.exit(failed ? 1 : 0)

/** The module's score from its JSON report (killed and timed out over all valid mutants, Stryker's own measure). */
function scoreOf(name) {
  const file = path.join(root, 'reports', 'mutation', `${name}.json`)
  if (!fs.existsSync(file)) return {}
  const report = JSON.parse(fs.readFileSync(file, 'utf8'))
  const count = {Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0}
  for (const entry of Object.values(report.files)) {
    for (const mutant of entry.mutants) if (mutant.status in count) count[mutant.status]++
  }
  const valid = count.Killed + count.Timeout + count.Survived + count.NoCoverage
  return {
    score: valid === 0 ? 100 : (100 * (count.Killed + count.Timeout)) / valid,
    killed: count.Killed + count.Timeout,
    survived: count.Survived,
    noCoverage: count.NoCoverage,
    // Static mutants left out (ignoreStatic) and lines marked equivalent: not in the score.
    ignored: count.Ignored
  }
}
