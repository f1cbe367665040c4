/**
 * Rules from a newsroom are untrusted input: no entry may make a check's cost
 * grow faster than the story (gaps in `existence` patterns, ambiguous slot
 * lists in `pattern` entries, regex-looking text), a link must be http(s),
 * and a YAML alias bomb is a located error like every other broken file.
 * See docs/rules-safety.md.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {createChecker} from '../src/index.js'
import {loadStyle, defaultRulesFolder} from '../src/style.js'
import {RulesError} from '../src/house-style/load.js'
import {ConfigError, readConfig} from '../src/faces/config.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-rules-safety-'))
afterAll(() => fs.rmSync(root, {recursive: true, force: true}))

const only = {
  checks: {spelling: 'off', dialect: 'off', 'name-consistency': 'off', 'repeated-word': 'off', 'indefinite-article': 'off'}
} as const

/** A folder holding one rules file. */
function folder(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(root, 'rules-'))
  fs.writeFileSync(path.join(dir, name), text)
  return dir
}

/**
 * Check `text` with a newsroom folder: the messages of that folder's rule,
 * and the milliseconds the folder added to the check (the same text checked
 * without it is the baseline, so parsing and our own rules do not count).
 */
async function timed(rules: string, text: string, ruleId: string): Promise<{lines: string[]; ms: number}> {
  const base = createChecker(only)
  const checker = createChecker({...only, rules})
  await base.check(text) // load, compile and warm up outside the timing
  await checker.check('Ready.')
  let started = performance.now()
  await base.check(text)
  const baseline = performance.now() - started
  started = performance.now()
  const file = await checker.check(text)
  const ms = performance.now() - started - baseline
  return {lines: file.messages.filter((message) => message.ruleId === ruleId).map(String), ms}
}

// About 50 KB of story. The bound on what the entry adds is generous (the
// fixed matchers add 100–500 ms here); before the fix each ran for minutes.
const fiftyKb = 'a '.repeat(25_000)
const bound = 2000

describe('matching stays linear in the story whatever the entry says', () => {
  const gaps = folder(
    'gaps.yml',
    `kind: existence
message: Remove \`{actual}\`.
level: error
entries:
  - id: three-gaps
    patterns: ['a … a … a … !']
  - id: four-gaps
    patterns: ['b … b … b … b … !']
`
  )

  test('`a … a … a … !` over 50 KB of `a a a …`', async () => {
    const {lines, ms} = await timed(gaps, fiftyKb, 'gaps')
    expect(lines).toEqual([])
    expect(ms).toBeLessThan(bound)
  })

  test('one more gap over 50 KB of `b b b …`', async () => {
    const {lines, ms} = await timed(gaps, 'b '.repeat(25_000), 'gaps')
    expect(lines).toEqual([])
    expect(ms).toBeLessThan(bound)
  })

  test('gaps still take the shortest run that lets the rest match', async () => {
    const {lines} = await timed(gaps, 'Then a x a y y a z ! ok.\n\nAnd b b b b ! ok.\n\nAnd b x b x b x b x ! ok.', 'gaps')
    // Each `…` stands for one token or more: `b b b b !` has none between.
    expect(lines).toEqual(['1:6-1:21: Remove `a x a y y a z !`.', '5:5-5:22: Remove `b x b x b x b x !`.'])
    // A gap is at most 60 tokens: no match across a longer run.
    expect((await timed(gaps, 'a ' + 'x '.repeat(70) + 'a a !', 'gaps')).lines).toEqual([])
  })

  const slots = folder(
    'slots.yml',
    `kind: pattern
message: Use \`{expected}\`, not \`{actual}\`.
entries:
  - id: ambiguous
    match: '{s} {s} {s} {s} {s} !'
    slots:
      s: [${Array.from({length: 8}, (_, index) => `'${Array(index + 1).fill('a').join(' ')}'`).join(', ')}]
    expected: 'b'
`
  )

  test('slot lists of every length (`{s} {s} {s} {s} {s} !`, `s: [a, a a, … 8 a]`) over 50 KB of `a a a …`', async () => {
    const {lines, ms} = await timed(slots, fiftyKb, 'slots')
    expect(lines).toEqual([])
    expect(ms).toBeLessThan(bound)
  })

  test('and still matches', async () => {
    const {lines} = await timed(slots, 'So a a a a a a ! now.', 'slots')
    expect(lines).toEqual(['1:4-1:17: Use `b`, not `a a a a a a !`.'])
  })

  const regex = folder(
    'regex.yml',
    `kind: pattern
message: Use \`{expected}\`, not \`{actual}\`.
entries:
  - id: evil
    match: '(a+)+$'
    expected: 'b'
`
  )

  test('a catastrophic regex (`(a+)+$`) is no regex: patterns are words and marks, matched literally', async () => {
    const {lines, ms} = await timed(regex, 'a'.repeat(25_000) + '! ' + '(a+'.repeat(8000) + ' (a+)+$ end', 'regex')
    expect(lines).toEqual(['1:49004-1:49010: Use `b`, not `(a+)+$`.'])
    expect(ms).toBeLessThan(bound)
  })
})

describe('links are http(s) only', () => {
  function error(text: string): string {
    const dir = folder('links.yml', text)
    try {
      loadStyle([defaultRulesFolder, dir])
    } catch (caught) {
      expect(caught).toBeInstanceOf(RulesError)
      return (caught as Error).message.split(dir + path.sep).join('')
    }
    throw new Error('loaded without an error')
  }

  test('in the header', () => {
    expect(error('kind: existence\nmessage: Remove `{actual}`.\nlink: "javascript:alert(2)"\nentries:\n  - id: zzz\n    match: [ZZZ]\n')).toBe(
      'links.yml:3:7: `link` is "javascript:alert(2)", which is not an http(s) address. Fix: link to the stylebook or your own guide with an address that starts with `https://`.'
    )
  })

  test('in an entry', () => {
    expect(
      error('kind: existence\nmessage: Remove `{actual}`.\nentries:\n  - id: zzz\n    match: [ZZZ]\n    link: "data:text/html,<script>alert(1)</script>"\n')
    ).toBe(
      'links.yml:6:11 (entry "zzz"): `link` is "data:text/html,<script>alert(1)</script>", which is not an http(s) address. Fix: link to the stylebook or your own guide with an address that starts with `https://`.'
    )
  })

  test('an https link is kept as the message url', async () => {
    const dir = folder('links.yml', 'kind: existence\nmessage: Remove `{actual}`.\nlink: https://desk.example/style#zzz\nentries:\n  - id: zzz\n    match: [ZZZ]\n')
    const file = await createChecker({...only, rules: dir}).check('ZZZ here.')
    expect(file.messages.map((message) => [String(message), message.url])).toEqual([['1:1-1:4: Remove `ZZZ`.', 'https://desk.example/style#zzz']])
  })
})

/** Nine anchors, each a list of ten of the one before: 10^9 values if expanded. */
function bomb(prefix: string): string {
  const lines = [`${prefix}a: &a [x, x, x, x, x, x, x, x, x, x]`]
  for (const [previous, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) {
    lines.push(`${prefix}${name}: &${name} [${Array(10).fill('*' + previous).join(', ')}]`)
  }
  return lines.join('\n') + '\n'
}

describe('a YAML alias bomb is a located error with a fix', () => {
  const fix =
    'Fix: write the values out instead of repeating them with anchors (`&name`) and aliases (`*name`); a rules or settings file never needs them.'

  test('in a rules file', () => {
    const dir = folder('bomb.yml', 'kind: existence\nmessage: Remove `{actual}`.\nentries:\n  - id: q\n    match: [QQQ]\n' + bomb('x'))
    expect(() => loadStyle([defaultRulesFolder, dir])).toThrow(RulesError)
    expect(() => loadStyle([defaultRulesFolder, dir])).toThrow(
      `${path.join(dir, 'bomb.yml')}:8:9: this is not valid YAML for copydesk: the alias \`*b\` repeats a value that repeats others, which would expand past yaml's limit of 100 copies. ${fix}`
    )
  })

  test('in .copydeskrc', () => {
    const file = path.join(root, '.copydeskrc')
    const text = 'dialect: en-US\n' + bomb('')
    expect(() => readConfig(file, text)).toThrow(ConfigError)
    expect(() => readConfig(file, text)).toThrow(
      `${path.relative(process.cwd(), file)}:4:8: cannot read settings: the alias \`*b\` repeats a value that repeats others, which would expand past yaml's limit of 100 copies. ${fix}`
    )
  })

  test('a few aliases are still fine', () => {
    expect(readConfig(path.join(root, '.copydeskrc'), 'dialect: &d en-US\n')).toEqual({dialect: 'en-US'})
  })
})
