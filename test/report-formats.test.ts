/**
 * The reports CI systems read (src/faces/ci-report.ts): SARIF 2.1.0 checked
 * against the OASIS schema (test/fixtures/sarif/), checkstyle and JUnit XML
 * and GitHub Actions commands as exact text, from real findings on real copy,
 * and `copydesk --format …` writing each.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Ajv} from 'ajv'
import addFormatsModule from 'ajv-formats'
import {beforeAll, describe, expect, test} from 'vitest'
import {check} from '../src/check.js'
import {toFileResult, type FileResult} from '../src/result.js'
import {checkstyle, formatCi, github, junit, sarif} from '../src/faces/ci-report.js'
import {buildIfStale} from './util/build.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const {id, $schema: _draft04, ...schema} = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'))
// The schema is draft-04, whose only keyword ajv 8 lacks is the top-level
// `id` (its `$id`); nothing else in it differs from draft-07.
// Its `language` pattern has a stray `]`, valid only in a regular expression without the u flag.
const ajv = new Ajv({strict: false, allErrors: true, unicodeRegExp: false})
const addFormats = addFormatsModule as unknown as (instance: Ajv) => Ajv
addFormats(ajv)
const validateSarif = ajv.compile({$id: id, ...schema})

let files: FileResult[]

beforeAll(async () => {
  // Two real stories: one with findings at every level the CLI shows, one clean.
  const story = await check('BAMAKO, Mali (AP) — The the blockade on oil importats put pressure on of the capital & TK.', {checks: {titles: 'suggestion'}})
  const clean = await check('The council met on Tuesday.')
  files = [toFileResult(story, {path: 'news/mali story.txt'}), toFileResult(clean, {path: 'news/clean.txt'})]
}, 60_000)

describe('SARIF', () => {
  test('is valid SARIF 2.1.0, with a result per finding at its place', () => {
    const log = sarif(files, {version: '9.9.9'}) as {runs: Array<{tool: {driver: {name: string; rules: Array<{id: string}>}}; results: Array<Record<string, unknown>>}>}
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true)
    const run = log.runs[0]!
    expect(run.tool.driver.name).toBe('copydesk')
    expect(run.results.map((result) => `${result.ruleId} ${result.level}`)).toEqual(files[0]!.messages.map((message) => `${message.ruleId} ${{error: 'error', warning: 'warning', suggestion: 'note'}[message.severity]}`))
    const first = run.results[0] as {ruleId: string; message: {text: string}; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: object}}>}
    expect(first).toMatchObject({ruleId: 'repeated-word', message: {text: 'Remove the repeated `the`'}})
    expect(first.locations[0]!.physicalLocation).toEqual({artifactLocation: {uri: 'news/mali%20story.txt'}, region: {startLine: 1, startColumn: 21, endLine: 1, endColumn: 28}})
    expect(new Set(run.tool.driver.rules.map((rule) => rule.id)).size).toBe(run.tool.driver.rules.length)
  })

  test('a broken log fails the schema (the validation is real)', () => {
    const log = sarif(files, {version: '9.9.9'}) as {runs: Array<{results: Array<{level: string}>}>}
    log.runs[0]!.results[0]!.level = 'severe'
    expect(validateSarif(log)).toBe(false)
  })
})

describe('checkstyle, JUnit and GitHub Actions', () => {
  test('checkstyle XML: a file element per story, an error element per finding, text escaped', () => {
    const out = checkstyle(files)
    expect(out.split('\n').slice(0, 4)).toEqual([
      '<?xml version="1.0" encoding="utf-8"?>',
      '<checkstyle version="4.3">',
      '  <file name="news/mali story.txt">',
      '    <error line="1" column="21" severity="warning" message="Remove the repeated `the` (The the → The)" source="copydesk.repeated-word"/>'
    ])
    expect(out).toContain('  <file name="news/clean.txt">\n  </file>\n</checkstyle>\n')
    expect(out.split('\n').filter((line) => line.includes('<error')).length).toBe(files[0]!.messages.length)
  })

  test('JUnit XML: failures for errors and warnings, a passing case for a clean story', () => {
    const out = junit(files)
    const failures = files[0]!.messages.filter((message) => message.severity !== 'suggestion').length
    expect(out).toContain(`<testsuites name="copydesk" tests="${files[0]!.messages.length + 1}" failures="${failures}" errors="0" time="0">`)
    expect(out).toContain('    <testcase classname="news/mali story.txt" name="1:21 repeated-word" time="0">\n      <failure type="warning" message="Remove the repeated `the`">')
    expect(out).toContain('  <testsuite name="news/clean.txt" tests="1" failures="0" errors="0" skipped="0" time="0">\n    <testcase classname="news/clean.txt" name="copydesk" time="0"/>')
  })

  test('GitHub Actions: one workflow command per finding, properties escaped', () => {
    const lines = github(files).trimEnd().split('\n')
    expect(lines.length).toBe(files[0]!.messages.length)
    expect(lines[0]).toBe('::warning file=news/mali story.txt,line=1,endLine=1,col=21,endColumn=28,title=copydesk repeated-word::Remove the repeated `the` (The the → The)')
    const odd: FileResult = {path: 'a,b:c.txt', counts: {error: 1, warning: 0, suggestion: 0}, messages: [{...files[0]!.messages[0]!, severity: 'error', reason: '50% done\nnext'}]}
    expect(github([odd])).toMatch(/^::error file=a%2Cb%3Ac\.txt,.*::50%25 done%0Anext/)
  })

  test('XML holds what a story can hold: markup characters, control characters, lone surrogates', () => {
    const odd: FileResult = {path: '<b>&"\'.txt', counts: {error: 1, warning: 0, suggestion: 0}, messages: [{...files[0]!.messages[0]!, reason: 'x\u0007y\ud800z'}]}
    expect(checkstyle([odd])).toContain('<file name="&lt;b&gt;&amp;&quot;&apos;.txt">')
    expect(checkstyle([odd])).toContain('message="x\\u0007y\\ud800z')
  })
})

describe('copydesk --format', () => {
  beforeAll(() => buildIfStale(), 600_000)

  const run = (args: string[]) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'copydesk.js'), ...args], {cwd: root, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})

  test('sarif: valid, one result per finding of the story', () => {
    const json = run(['--format', 'json', 'examples/story.txt'])
    const out = run(['--format', 'sarif', 'examples/story.txt'])
    expect(out.status).toBe(1)
    const log = JSON.parse(out.stdout)
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true)
    expect(log.runs[0].results.length).toBe(JSON.parse(json.stdout).files[0].messages.length)
    expect(log.runs[0].tool.driver.version).toBe(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version)
  })

  test('checkstyle, junit and github: the same text as the formatters give', () => {
    const json = JSON.parse(run(['--format', 'json', 'examples/story.txt']).stdout) as {files: FileResult[]}
    for (const format of ['checkstyle', 'junit', 'github'] as const) {
      const out = run(['--format', format, 'examples/story.txt'])
      expect(out.status).toBe(1)
      expect(out.stdout).toBe(formatCi(format, json.files, {version: 'unused'}))
    }
  })

  test('an unknown format says which there are', () => {
    const out = run(['--format', 'xml', 'examples/story.txt'])
    expect(out.status).toBe(2)
    expect(out.stderr).toBe('copydesk: --format is "xml"; use json, sarif, checkstyle, junit, github (or leave it out for the report)\n')
  })
})
