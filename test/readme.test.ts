/**
 * The README documents what ships: its table of rules entries is generated
 * from rules/ and must match the data; every check has its section, under
 * the name that is its ruleId (the anchor its messages link to).
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import {expect, test} from 'vitest'
import {codeChecks} from '../src/types.js'
import {defaultRulesFolder} from '../src/house-style/compile.js'
import {kinds} from '../src/house-style/kinds.js'
import {loadRules} from '../src/house-style/load.js'

const readme = fs.readFileSync(new URL('../README.md', import.meta.url), 'utf8')

test('the table of shipped rules matches rules/ (npm run readme)', () => {
  // Uses dist/: `npm test` builds first.
  execFileSync(process.execPath, ['scripts/readme.js', '--check'], {cwd: new URL('..', import.meta.url)})
})

test('every check has a README section named after its ruleId', () => {
  const names = [...Object.keys(codeChecks), ...loadRules([defaultRulesFolder], kinds).map((file) => file.ruleId)]
  const missing = names.filter((name) => !readme.includes(`\n### ${name}\n`))
  expect(missing).toEqual([])
})

test('the quick start is the two commands CI and a fresh clone use', () => {
  expect(readme).toContain('npm ci && npx copydesk examples/story.txt')
  expect(readme).toContain('npm test ')
  const ci = fs.readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')
  expect(ci).toMatch(/^npm ci$/m)
  expect(ci).toMatch(/^npm test$/m)
})
