/**
 * Types a consumer can lean on. test/types/consumer.ts is compiled against
 * the published types (dist/*.d.ts, through the package's `exports`): its
 * plain lines must compile and each `@ts-expect-error` line must fail to,
 * so the test fails when the types loosen (`checks: {titels: 'off'}`
 * compiling) as well as when they break (`retext().use(spelling)` not
 * compiling). The rest checks what the types promise at run time.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import {retext} from 'retext'
import {beforeAll, describe, expect, test} from 'vitest'
import {check} from '../src/check.js'
import {dialect} from '../src/checks/dialect.js'
import {indefiniteArticle} from '../src/checks/indefinite-article.js'
import {nameConsistency} from '../src/checks/name-consistency.js'
import {repeatedWord} from '../src/checks/repeated-word.js'
import {spelling} from '../src/checks/spelling.js'
import {copydesk} from '../src/preset.js'
import {codeChecks, defaultRuleIds, levels} from '../src/types.js'
import {buildWhenStale} from './util/build.js'

const root = new URL('..', import.meta.url)

// The published types are dist/*.d.ts: build it when it is stale (test/util/build.ts).
beforeAll(() => buildWhenStale(), 600_000)

test('test/types/consumer.ts compiles against the published types, its @ts-expect-error lines failing', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const run = spawnSync(process.execPath, [tsc, '-p', 'test/types/tsconfig.json'], {cwd: root, encoding: 'utf8'})
  expect(run.stdout + run.stderr).toBe('')
  expect(run.status).toBe(0)
}, 120_000)

test('`defaultRuleIds` (the `CheckName` type) lists exactly the rules files in rules/', () => {
  const files = fs
    .readdirSync(new URL('rules/', root))
    .filter((name) => name.endsWith('.yml'))
    .map((name) => name.slice(0, -'.yml'.length))
    .sort()
  expect([...defaultRuleIds]).toEqual(files)
})

describe('each check plugin runs with no options, at its defaults', () => {
  const story = 'Keir Starmer said the the colour of teh report was a FBI matter. Later, Kier Starmer agreed.'
  test.each([
    ['spelling', spelling, ['1:37-1:40: `teh` is not in the dictionary; did you mean `the`?']],
    ['dialect', dialect, ['1:27-1:33: `colour` is British spelling; use `color`']],
    ['name-consistency', nameConsistency, ['1:73-1:77: `Kier` is spelled `Keir` elsewhere in the story; use one spelling']],
    ['repeated-word', repeatedWord, ['1:19-1:26: Remove the repeated `the`']],
    ['indefinite-article', indefiniteArticle, ['1:52-1:53: Use `an`, not `a`, before `FBI`: it is said letter by letter, starting “ef”']]
  ] as const)('%s', async (ruleId, plugin, expected) => {
    const file = await retext().use(plugin).process(story)
    expect(file.messages.map(String)).toEqual(expected)
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual(expected.map(() => [ruleId, false]))
  })

  test('copydesk (the preset)', async () => {
    const file = await retext().use(copydesk).process(story)
    expect(file.messages.map((message) => message.ruleId)).toEqual(['spelling', 'dialect', 'name-consistency', 'repeated-word', 'indefinite-article'])
  })
})

test('every ruleId a story gets is a `RuleId`, and every severity a level', async () => {
  const known = new Set<string>([...Object.keys(codeChecks), ...defaultRuleIds, 'control-comment'])
  const story = [
    '<!-- copydesk disable titels -->',
    '',
    'The President said the the US envoy, Mr. Smith, arrived Jan 5 2024 at 50 percent of TK. Teh end.'
  ].join('\n')
  const file = await check(story, {format: 'markdown'})
  const ruleIds = file.messages.map((message) => message.ruleId)
  expect(ruleIds).toEqual(['control-comment', 'titles', 'repeated-word', 'house-forms', 'courtesy-titles', 'dates', 'percent', 'leftovers', 'spelling'])
  expect(ruleIds.filter((ruleId) => !known.has(ruleId ?? ''))).toEqual([])
  const {toResultMessage} = await import('../src/result.js')
  expect(file.messages.map((message) => toResultMessage(message).severity).every((severity) => levels.includes(severity))).toBe(true)
})
