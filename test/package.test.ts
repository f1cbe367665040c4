/**
 * What `npm pack` ships: the built library, the CLI, the rules, the docs its
 * messages link to, the license; no source maps pointing at files it does not
 * ship, no tests or scripts.
 */
import {execFileSync} from 'node:child_process'
import {beforeAll, expect, test} from 'vitest'
import {buildWhenStale} from './util/build.js'

// What is packed is dist/ as built: build it when it is stale (test/util/build.ts).
beforeAll(() => buildWhenStale(), 600_000)

test('npm pack ships what a user needs and nothing that points outside it', () => {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: new URL('..', import.meta.url),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  })
  const files: string[] = JSON.parse(output)[0].files.map((file: {path: string}) => file.path)
  for (const needed of ['LICENSE', 'README.md', 'CHANGELOG.md', 'bin/copydesk.js', 'dist/index.js', 'dist/index.d.ts', 'rules/house-forms.yml', 'rules/schema.json', 'docs/checks/spelling.md']) {
    expect(files).toContain(needed)
  }
  expect(files.filter((file) => file.endsWith('.map'))).toEqual([])
  expect(files.filter((file) => /^(src|test|scripts|examples)\//.test(file))).toEqual([])
})
