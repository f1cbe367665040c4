/**
 * Kind `acronym` and rules/acronyms.yml: acronyms on first reference, in
 * story order (AP `abbreviations and acronyms`), no parenthetical acronyms,
 * and the `pronounced` table the a/an check reads.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {loadStyle} from '../src/house-style/compile.js'
import type {AcronymData} from '../src/plugins/acronym.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'

const ruleId = 'acronyms'
const only = onlyChecks()
const seed = path.resolve(import.meta.dirname, '..', '..', 'shared', 'corpus', 'seed', 'mali.txt')

const flagged = flaggedBy(ruleId, only)

const parenthetical = (key: string) =>
  `AP does not put an acronym in parentheses or dashes after a name; use the full name, then a generic word (the group, the agency), or introduce it in words (“known as ${key}”).`

describe('acronyms', () => {
  test('a whole message: used first, spelled out later', async () => {
    const file = await check('The EPA said the water was safe. The Environmental Protection Agency later agreed.', only)
    expect(file.messages.filter((message) => message.ruleId === ruleId).map(fields)).toEqual([
      {
        reason: '`EPA`: spell it out (Environmental Protection Agency) on first reference; AP uses EPA only after that.',
        ruleId,
        source: 'copydesk',
        place: {start: {line: 1, column: 5, offset: 4}, end: {line: 1, column: 8, offset: 7}},
        actual: 'EPA',
        expected: ['Environmental Protection Agency'],
        url: 'https://www.apstylebook.com/ap_stylebook/abbreviations-and-acronyms',
        fatal: false,
        cause: {
          reason: 'spelled out here',
          place: {start: {line: 1, column: 38, offset: 37}, end: {line: 1, column: 69, offset: 68}}
        },
        data: {entry: 'epa'}
      }
    ])
  })

  test('the seed story: JNIM first appears as "(JNIM)", inside a quoted post', async () => {
    const file = await check(fs.readFileSync(seed, 'utf8'), only)
    const messages = file.messages.filter((message) => message.ruleId === ruleId)
    expect(messages.map(String)).toEqual([`11:96-11:102: \`(JNIM)\`: ${parenthetical('JNIM')}`])
    // AP does not alter quotations: a suggestion, marked quoted, never fixed.
    expect(messages.map((message) => [message.fatal, (message as {data?: unknown}).data])).toEqual([
      [undefined, {entry: 'parenthetical', quoted: true}]
    ])
  })

  test.each([
    ['Islamic extremist militants (JNIM) attacked a fuel convoy.', `1:29-1:35: \`(JNIM)\`: ${parenthetical('JNIM')}`],
    ['The Federal Emergency Management Agency (FEMA) sent trailers.', `1:41-1:47: \`(FEMA)\`: ${parenthetical('FEMA')}`],
    ['The Federal Emergency Management Agency — FEMA — sent trailers.', `1:41-1:49: \`— FEMA —\`: ${parenthetical('FEMA')}`],
    ['The GOP nominee campaigned in Texas.', '1:5-1:8: `GOP`: spell it out (Republican) on first reference; AP uses GOP only after that.'],
    ['WHO officials said cases rose.', '1:1-1:4: `WHO`: spell it out (World Health Organization) on first reference; AP uses WHO only after that.'],
    ["The EPA's report came out.", "1:5-1:10: `EPA's`: spell it out (Environmental Protection Agency) on first reference; AP uses EPA only after that."],
    [
      'The ODPM said so. The Office of the Deputy Prime Minister later denied it.',
      '1:5-1:9: `ODPM`: it is spelled out only later (Office of the Deputy Prime Minister); spell it out on first reference.'
    ]
  ])('flags %j', async (text, line) => {
    expect(await flagged(text)).toEqual([line])
  })

  test.each([
    'An FBI agent briefed a NATO ally and a U.N. official.',
    'The FBI and CIA declined to comment.',
    'The Environmental Protection Agency said the water was safe. The EPA later agreed.',
    'The Republican nominee campaigned in Texas; the GOP ticket won.',
    'Fighters from JNIM, an al-Qaida-linked group, attacked a fuel convoy.',
    'BAMAKO, Mali (AP) — The blockade went on.',
    'The meeting starts at 9 a.m. (EST).',
    // Company names and tickers are not acronyms to explain.
    'BHP shares rose. Shares of Acme Corp. (NYSE: ACM) fell 2%.',
    // Inside a name, or the start of one.
    'Japan Australia LNG Pty Ltd signed. Later, liquefied natural gas prices fell.',
    'ING Barings, the investment bank of Internationale Nederlanden Groep, agreed.',
    // Headlines and datelines in capitals, and Roman numerals.
    'WHO WILL PAY FOR THE EPA CLEANUP',
    'World War II ended. King Charles III spoke.'
  ])('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  test('`pronounced`: how each acronym is said, for the a/an check', () => {
    const [file] = loadStyle().files.filter((candidate) => candidate.kind === 'acronym')
    const {pronounced} = file.data as AcronymData
    expect(pronounced.get('NATO')).toBe('word')
    expect(pronounced.get('FBI')).toBe('letters')
    expect(pronounced.get('U.N.')).toBe('letters')
    expect(pronounced.get('UNESCO')).toBe('word')
    expect(pronounced.get('GOP')).toBe('letters')
  })
})

describe('kind acronym: data errors', () => {
  function load(lines: string[]): void {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-acronyms-'))
    fs.writeFileSync(path.join(folder, 'abbr.yml'), ['kind: acronym', "message: '`{actual}`: {why}.'", 'entries:', ...lines].join('\n') + '\n')
    try {
      loadStyle([folder])
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
    }
  }

  test('an acronym both allowed on first reference and second-only', () => {
    expect(() =>
      load([
        '  - {id: gop, acronym: GOP, first: second, pronounced: letters, expansion: Republican Party}',
        '  - {id: gop-ok, acronym: GOP, first: allowed, pronounced: letters}'
      ])
    ).toThrow(
      /abbr\.yml:5:27: acronym `GOP` is both allowed on first reference and second-reference only \(entry "gop" at .*abbr\.yml:4:24 says `first: second`\)\. Fix: decide which it is/
    )
  })

  test('an acronym listed twice', () => {
    expect(() =>
      load(['  - {id: fbi, acronym: FBI, pronounced: letters}', '  - {id: fbi-again, acronym: FBI, pronounced: letters}'])
    ).toThrow(/abbr\.yml:5:30: acronym `FBI` is listed twice \(also entry "fbi" at .*abbr\.yml:4:24\)\. Fix: keep one entry per acronym/)
  })

  test('an acronym without `pronounced`', () => {
    expect(() => load(['  - {id: fbi, acronym: FBI}'])).toThrow(/abbr\.yml:4:5: acronym `FBI` has no `pronounced`\. Fix: add `pronounced: letters`/)
  })

  test('an entry that is neither an acronym nor a check', () => {
    expect(() => load(['  - {id: nothing, note: empty}'])).toThrow(/abbr\.yml:4:5: entry "nothing" has neither `acronym` nor `check`\. Fix: /)
  })
})
