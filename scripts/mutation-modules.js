/**
 * The modules `npm run mutate` measures: the code that decides whether a
 * story is published (the gate's verdict and hold paths, the must-never-publish
 * checks, the time budget) or changed (`--fix`). One Stryker run per module,
 * each against the test files that cover it, each with its own floor.
 *
 * `mutate` entries are files, or parts of files given by anchors (the first
 * line holding `from` to the first line after it holding `to`, or to the line
 * before the one holding `until`, or to the end of the file), turned into
 * Stryker's `file:start-end` ranges when the run starts, so an edit elsewhere
 * in the file does not shift the range.
 */
import fs from 'node:fs'
import path from 'node:path'

/** The floor: a module whose mutation score is below it fails the run. */
export const floor = 90

/** @type {Array<{name: string, group?: string, ignoreStatic?: boolean, mutate: Array<string | {file: string, from: string, to?: string, until?: string}>, tests: string[]}>} */
export const modules = [
  {
    name: 'hook',
    // The publish gate (`prePublish`, `resultFor`, `verdictFor`, the policy) and the JSON shape of its messages.
    mutate: ['src/faces/hook.ts', 'src/result.ts'],
    tests: ['test/hook.test.ts', 'test/hook-gate.test.ts', 'test/result-json.test.ts', 'test/empty-story.test.ts']
  },
  // The kind behind `leftovers` (TK, [INSERT …], page debris): what must never
  // be published. ~700 mutants, too many for one run on a small machine: four
  // parts, each its own run with its own incremental file and floor
  // (`npm run mutate -- existence` runs all four).
  ...[
    ['compile', {from: 'export const kind', until: 'function tokenize('}],
    ['match', {from: 'function tokenize(', until: 'Whether any phrase can start'}],
    ['filter', {from: 'function mayHit(', until: "/** A paragraph's nodes"}],
    ['tokens', {from: 'const maxRun', until: '/** The `existence` kind. */'}, {from: 'function flatten('}]
  ].map(([part, ...ranges]) => ({
    name: `existence-${part}`,
    group: 'existence',
    mutate: ranges.map((range) => ({file: 'src/house-style/kinds/existence.ts', ...range})),
    // schema.test: the kind's entry schema is what rules/schema.json (editors' autocompletion) says;
    // rules-engine.test: rules files layered and broken. Both load rules (`compile`) but check
    // no story the other two do not: only the `compile` part runs them (docs/mutation.md).
    // existence-compile.test: files compiled and used in one test (a style is compiled once and
    // cached, so most tests never reach `compile`).
    tests: [
      'test/leftovers.test.ts',
      'test/existence-kind.test.ts',
      ...(part === 'compile' ? ['test/rules-engine.test.ts', 'test/schema.test.ts', 'test/existence-compile.test.ts'] : [])
    ]
  })),
  {
    name: 'empty-story',
    mutate: ['src/checks/empty-story.ts'],
    tests: ['test/empty-story.test.ts', 'test/empty-story-plugin.test.ts']
  },
  {
    name: 'repeated-word',
    // Its fix is applied by `--fix` without an editor.
    mutate: ['src/checks/repeated-word.ts'],
    tests: ['test/repeated-word.test.ts', 'test/repeated-word-doubles.test.ts']
  },
  {
    name: 'fix',
    mutate: ['src/faces/fix.ts'],
    tests: ['test/fix.test.ts', 'test/fix-writer.test.ts']
  },
  {
    name: 'deadline',
    mutate: ['src/deadline.ts'],
    tests: ['test/deadline.test.ts', 'test/hook-gate.test.ts']
  },
  {
    name: 'server',
    // The verdict and hold paths only: the budget, `POST /v1/check`, and the
    // pool's answers for a story cut off or checked in process.
    mutate: [
      {file: 'src/faces/server.ts', from: 'const timeoutMs = options.timeoutMs', to: 'const dialect ='},
      {file: 'src/faces/server.ts', from: 'const remaining = ', to: 'return outcome'},
      {file: 'src/faces/server.ts', from: "v1.post<{Body: CheckRequest}>('/v1/check'", to: 'return result'},
      {file: 'src/faces/pool.ts', from: '} catch (error) {', to: '} finally {'},
      {file: 'src/faces/pool.ts', from: 'export function inProcess(', to: '} finally {'},
      {file: 'src/faces/pool.ts', from: 'function failed(', to: 'failure: error'}
    ],
    tests: ['test/server.test.ts', 'test/server-pool.test.ts', 'test/server-verdict.test.ts', 'test/desk-decisions.test.ts', 'test/mutation-server-pool.test.ts', 'test/server-prefetch.test.ts', 'test/server-floor.test.ts'],
    // The servers of these tests start (and check a warm-up story) in
    // beforeAll, so createServer's set-up and the in-process lane run outside
    // any test too: 32 static mutants, each a rerun of every file (about 2 min
    // each here). With ignoreStatic they are tested with the tests that reach
    // them only (all 32 are reached by tests as well; docs/mutation.md).
    ignoreStatic: true
  }
]

/** Stryker's `mutate` list for a module, with anchored parts as line ranges. */
export function mutateList(module, root = process.cwd()) {
  return module.mutate.map((item) => {
    if (typeof item === 'string') return item
    const lines = fs.readFileSync(path.join(root, item.file), 'utf8').split('\n')
    const start = lines.findIndex((line) => line.includes(item.from))
    const last = lines.at(-1) === '' ? lines.length - 2 : lines.length - 1
    const bound = item.to ?? item.until
    const found = bound === undefined ? last : lines.findIndex((line, index) => index > start && line.includes(bound))
    const end = start === -1 || found === -1 ? -1 : item.until !== undefined ? found - 1 : found
    if (start === -1 || end === -1) {
      throw new Error(`mutate: cannot find ${JSON.stringify(start === -1 ? item.from : bound)} in ${item.file}; update scripts/mutation-modules.js`)
    }
    return `${item.file}:${start + 1}-${end + 1}`
  })
}
