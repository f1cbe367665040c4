/**
 * The rules engine (src/house-style/{load,schema,compile}.ts): a newsroom's
 * folder layered over copydesk's rules — add, override by id, `enabled:
 * false`, `level: off` — and broken files failing loudly with
 * `file:line:column`, the offending value, what is accepted and the fix.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {check, createChecker} from '../src/index.js'
import {clearStyleCache, defaultRulesFolder, fillTemplate, loadStyle} from '../src/style.js'
import {kinds} from '../src/house-style/kinds/index.js'
import {loadRules, RulesError} from '../src/house-style/load.js'

const fixtures = path.resolve(import.meta.dirname, 'fixtures')
const newsroom = path.join(fixtures, 'newsroom')
const bad = path.join(fixtures, 'rules-bad')

/** Line (1-based) of `text` in one of our rules files, so errors that cite our data survive edits to it. */
function lineOf(ruleId: string, text: string): number {
  const lines = fs.readFileSync(path.join(defaultRulesFolder, ruleId + '.yml'), 'utf8').split('\n')
  const index = lines.findIndex((line) => line.trim() === text)
  if (index === -1) throw new Error(`no line \`${text}\` in rules/${ruleId}.yml`)
  return index + 1
}
const only = {
  checks: {spelling: 'off', dialect: 'off', 'name-consistency': 'off', 'repeated-word': 'off', 'indefinite-article': 'off'}
} as const

function relative(message: string): string {
  return message.split(path.resolve(import.meta.dirname, '..') + path.sep).join('')
}

async function messages(text: string, rules?: string): Promise<string[]> {
  const file = await check(text, {...only, ...(rules ? {rules} : {})})
  return file.messages.map((message) => `${message.ruleId} ${String(message)}${message.fatal === undefined ? ' (suggestion)' : ''}`)
}

describe('layering a newsroom folder over ours', () => {
  test('the loaded files: ours in order, then the newsroom\'s new ones', () => {
    const style = loadStyle([defaultRulesFolder, newsroom])
    expect(style.files.map((file) => file.ruleId)).toContain('local')
    expect(style.files.find((file) => file.ruleId === 'titles')).toMatchObject({off: true})
    const house = loadRules([defaultRulesFolder, newsroom], kinds).find((file) => file.ruleId === 'house-forms')!
    expect(house.paths.map((item) => relative(item))).toEqual(['rules/house-forms.yml', 'test/fixtures/newsroom/house-forms.yml'])
  })

  test('add: a new entry in one of our files, and a new file', async () => {
    expect(await messages('The army will utilize drones.', newsroom)).toEqual([
      'house-forms 1:15-1:22: Use `use`, not `utilize`.'
    ])
    expect(await messages('They reached Timbuctoo.', newsroom)).toEqual([
      'local 1:14-1:23: Sahel desk style: use `Timbuktu`, not `Timbuctoo`.'
    ])
    expect(await messages('ECOWAS leaders met in Abuja.', newsroom)).toEqual([
      'acronyms 1:1-1:7: `ECOWAS`: spell it out (Economic Community of West African States) on first reference; AP uses ECOWAS only after that.'
    ])
  })

  test('override by id: only the fields given change', async () => {
    // `toward` keeps our avoid/use but is a suggestion at this desk.
    expect(await messages('The convoy moved towards Bamako.', newsroom)).toEqual([
      'house-forms 1:18-1:25: Use `toward`, not `towards`. (suggestion)'
    ])
    expect(await messages('The convoy moved towards Bamako.')).toEqual(['house-forms 1:18-1:25: Use `toward`, not `towards`.'])
  })

  test('`enabled: false` and `level: off` remove one of ours', async () => {
    expect(await messages('The talks resumed amidst the blockade.')).toHaveLength(1)
    expect(await messages('The talks resumed amidst the blockade.', newsroom)).toEqual([])
    expect(await messages('The GOP nominee campaigned.')).toHaveLength(1)
    expect(await messages('The GOP nominee campaigned.', newsroom)).toEqual([])
  })

  test('`level: off` on a file switches the rule off; options can switch it back on', async () => {
    expect(await messages('The Pope urged a cease-fire.', newsroom)).toEqual([])
    const file = await check('The Pope urged a cease-fire.', {rules: newsroom, checks: {...only.checks, titles: 'warning'}})
    expect(file.messages.map(String)).toEqual(['1:5-1:9: Use `pope`, not `Pope`: a title is capitalized only directly before a name.'])
  })

  test('options switch a file off or change its level', async () => {
    expect(await messages('The Pope urged a cease-fire.')).toHaveLength(1)
    const off = await check('The Pope urged a cease-fire.', {checks: {...only.checks, titles: 'off'}})
    expect(off.messages).toEqual([])
    const checker = createChecker({checks: {...only.checks, titles: 'error'}})
    const file = await checker.check('The Pope urged a cease-fire.')
    expect(file.messages.map((message) => message.fatal)).toEqual([true])
  })

  test('an edited rules file is picked up by the next checker', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-layer-'))
    const file = path.join(folder, 'local.yml')
    const write = (use: string) =>
      fs.writeFileSync(file, `kind: substitution\nmessage: Use \`{expected}\`.\nentries:\n  - {id: a, avoid: Timbuctoo, use: ${use}}\n`)
    try {
      write('Timbuktu')
      const first = loadStyle([folder])
      expect(loadStyle([folder])).toBe(first)
      write('Tombouctou')
      fs.utimesSync(file, new Date(), new Date(Date.now() + 5000))
      expect(loadStyle([folder])).not.toBe(first)
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
      clearStyleCache()
    }
  })
})

describe('broken rules files fail with a located error', () => {
  function error(name: string): string {
    try {
      loadStyle([defaultRulesFolder, path.join(bad, name)])
    } catch (caught) {
      expect(caught).toBeInstanceOf(RulesError)
      return relative((caught as Error).message)
    }
    throw new Error(`${name} loaded without an error`)
  }

  test.each([
    [
      'unknown-kind.yml',
      'test/fixtures/rules-bad/unknown-kind.yml:1:7: unknown kind "subsitution"; accepted: existence, collision, substitution, title, acronym, pattern. Fix: set `kind:` to one of those (it decides which fields entries have).'
    ],
    [
      'missing-field.yml',
      'test/fixtures/rules-bad/missing-field.yml:4:5 (entry "envoy"): the entry is missing `forms`. Fix: add `forms:` there.'
    ],
    [
      'wrong-type.yml',
      'test/fixtures/rules-bad/wrong-type.yml:7:17 (entry "kyiv"): `exceptions` is "chicken Kiev", which is not an array. Fix: write it as an array (e.g. `[one, two]`).'
    ],
    [
      'wrong-level.yml',
      'test/fixtures/rules-bad/wrong-level.yml:3:8: `level` is "loud"; accepted: "suggestion", "warning", "error", "off". Fix: use one of those.'
    ],
    [
      'unknown-field.yml',
      'test/fixtures/rules-bad/unknown-field.yml:6:5 (entry "a"): unknown field `replace`. Fix: remove it or check its spelling against rules/schema.json.'
    ],
    [
      'not-yaml.yml',
      'test/fixtures/rules-bad/not-yaml.yml:5:3: this is not valid YAML: Flow map in block collection must be sufficiently indented and end with a }. Fix: check the indentation and quoting on that line (quote values that contain `: ` or start with `{`, `[`, `*`, `&`, `!` or `%`).'
    ],
    [
      'duplicate-id.yml',
      `test/fixtures/rules-bad/duplicate-id.yml:5:9: entry id "toward" is already used in house-forms (rules/house-forms.yml:${lineOf('house-forms', '- id: toward')}:9), a substitution file of an earlier layer. Fix: to override that entry, put it in a file named "house-forms.yml"; to add a separate rule, give it a new id.`
    ],
    [
      'replacement-flagged.yml',
      `test/fixtures/rules-bad/replacement-flagged.yml:6:10: replacement \`go towards\` is itself flagged by entry "toward" of house-forms (rules/house-forms.yml:${lineOf('house-forms', '- id: toward') + 1}:5), which avoids \`towards\`. Fix: change the replacement, or narrow the other entry (an exception, \`case: exact\`, or another scope)`
    ],
    [
      'acronym-conflict.yml',
      `test/fixtures/rules-bad/acronym-conflict.yml:6:14: acronym \`GOP\` is both allowed on first reference and second-reference only (entry "gop" at rules/acronyms.yml:${lineOf('acronyms', '- id: gop') + 1}:14 says \`first: second\`). Fix: decide which it is and keep one entry`
    ],
    [
      'house-forms.yml',
      'test/fixtures/rules-bad/house-forms.yml:4:9: entry "towards" switches off an entry that rules/house-forms.yml does not have. Fix: check the id (the ids of "house-forms" are: us, us-headline, un, un-headline, uk, uk-headline, eu, percent, toward, amid, ok, all-right, …), or remove this entry.'
    ],
    [
      'titles.yml',
      'test/fixtures/rules-bad/titles.yml:2:7: this file overrides rules/titles.yml, which is kind "title", but says kind "substitution". Fix: use kind "title", or rename the file to make a new rule.'
    ]
  ])('%s', (name, expected) => {
    expect(error(name)).toBe(expected)
  })

  test('every bad fixture is covered above', () => {
    expect(fs.readdirSync(bad).sort()).toEqual([
      'acronym-conflict.yml',
      'duplicate-id.yml',
      'house-forms.yml',
      'missing-field.yml',
      'not-yaml.yml',
      'replacement-flagged.yml',
      'titles.yml',
      'unknown-field.yml',
      'unknown-kind.yml',
      'wrong-level.yml',
      'wrong-type.yml'
    ])
  })

  test('an override entry with a new id must be complete', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-partial-'))
    try {
      fs.writeFileSync(path.join(folder, 'house-forms.yml'), 'kind: substitution\nentries:\n  - id: utilise\n    use: use\n')
      expect(() => loadStyle([defaultRulesFolder, folder])).toThrow(
        /house-forms\.yml:3:5 \(entry "utilise"\): the entry is missing `avoid`\. \(No entry "utilise" in .*rules\/house-forms\.yml to merge with, so this entry must be complete\.\) Fix: add `avoid:` there\./
      )
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
    }
  })

  test('a missing folder', () => {
    expect(() => loadStyle(['/nonexistent/rules'])).toThrow(
      '/nonexistent/rules: no such rules folder or file. Fix: check the `rules` path in your options or .copydeskrc (relative paths are resolved from the config file\'s folder).'
    )
  })
})

describe('fillTemplate', () => {
  test('fills fields and lists', () => {
    expect(fillTemplate('Use `{expected}`, not `{actual}`: {why}.', {expected: ['a', 'b'], actual: 'c', why: 'because'})).toBe(
      'Use `a`, `b`, not `c`: because.'
    )
    expect(fillTemplate('Keep {unknown}.', {})).toBe('Keep {unknown}.')
  })
})
