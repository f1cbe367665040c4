/**
 * Kind `pattern` and its rules files: rules/dates.yml (months with dates
 * and years), rules/states.yml (state names after a city, party
 * affiliations) and rules/percent.yml (5% with figures). The lists are data;
 * these tables pin what the patterns flag and what they leave alone.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {loadStyle} from '../src/style.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'

const only = onlyChecks()

describe('dates', () => {
  const flagged = flaggedBy('dates', only)

  test('a whole message', async () => {
    const file = await check('The attack came on January 6.', only)
    expect(file.messages.filter((message) => message.ruleId === 'dates').map(fields)).toEqual([
      {
        reason: 'Use `Jan. 6`, not `January 6`.',
        ruleId: 'dates',
        source: 'copydesk',
        place: {start: {line: 1, column: 20, offset: 19}, end: {line: 1, column: 29, offset: 28}},
        actual: 'January 6',
        expected: ['Jan. 6'],
        url: 'https://www.apstylebook.com/ap_stylebook/dates',
        note: 'With a specific date AP abbreviates Jan., Feb., Aug., Sept., Oct., Nov., Dec., spells out March to July, and uses figures without st, nd, rd, th.',
        fatal: false,
        data: {entry: 'month-day'}
      }
    ])
  })

  test.each([
    ['The attack came on January 6.', '1:20-1:29: Use `Jan. 6`, not `January 6`.'],
    ['Talks resume Sep. 12 in Dakar.', '1:14-1:21: Use `Sept. 12`, not `Sep. 12`.'],
    ['The vote is Mar. 3.', '1:13-1:19: Use `March 3`, not `Mar. 3`.'],
    ['The deadline is Nov. 5th.', '1:17-1:25: Use `Nov. 5`, not `Nov. 5th`.'],
    ['The deadline is Oct. 4th.', '1:17-1:25: Use `Oct. 4`, not `Oct. 4th`.'],
    ['It began on September 11, 2001, and went on.', '1:13-1:25: Use `Sept. 11`, not `September 11`.'],
    ['The junta took power in Aug. 2020.', '1:25-1:34: Use `August 2020`, not `Aug. 2020`.'],
    ['Elections were set for Sept. 2025.', '1:24-1:34: Use `September 2025`, not `Sept. 2025`.']
  ])('flags %j', async (text, line) => {
    expect(await flagged(text)).toEqual([line])
  })

  test.each([
    'The attack came on Jan. 6.',
    'The vote is March 3.',
    'The vote is May 5.',
    'It began in September 2001.',
    'Talks resume Sept. 12, 2025, in Dakar.',
    'In August 15 percent of the crop failed.',
    'They may 5 times a day.',
    // AP does not alter quotations.
    '"We met on January 6," he said.'
  ])('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })
})

describe('states', () => {
  const flagged = flaggedBy('states', only)

  test.each([
    ['He was born in Springfield, Ill., in 1961.', '1:29-1:33: Use `Illinois`, not `Ill.`.'],
    // The abbreviation's period also ends the sentence: it stays.
    ['The company is based in Tampa, Fla.', '1:32-1:35: Use `Florida`, not `Fla`.'],
    ['The plant in Georgetown, Ky. The facility is new.', '1:26-1:28: Use `Kentucky`, not `Ky`.'],
    ['The governor spoke in Austin, TX, on Monday.', '1:31-1:33: Use `Texas`, not `TX`.'],
    ['The candidate campaigned in Austin, Tex.', '1:37-1:40: Use `Texas`, not `Tex`.'],
    ['A Lake Forest, Ill.-based maker cut jobs.', '1:16-1:20: Use `Illinois`, not `Ill.`.'],
    ['Sen. Tim Scott, R-South Carolina, voted no.', '1:19-1:33: Use `S.C.`, not `South Carolina`.'],
    ['Rep. Jane Doe, D-CA, spoke.', '1:18-1:20: Use `Calif.`, not `CA`.'],
    // Postal codes after a city in body text.
    ['The plant is in Reno, NV, near the lake.', '1:23-1:25: Use `Nevada`, not `NV`.'],
    ['She grew up in Sacramento, CA, and moved east.', '1:28-1:30: Use `California`, not `CA`.'],
    ['Police in Boise, ID, arrested two men.', '1:18-1:20: Use `Idaho`, not `ID`.'],
    // Codes that are also credentials count only after a place.
    ['The company moved to Baltimore, MD, last year.', '1:33-1:35: Use `Maryland`, not `MD`.']
  ])('flags %j', async (text, line) => {
    expect(await flagged(text)).toEqual([line])
  })

  test.each([
    'SPRINGFIELD, Ill. (AP) — The governor signed the bill.',
    'Springfield, Ill. (AP) — The governor signed the bill.',
    'He was born in Springfield, Illinois, in 1961.',
    'Sen. Jon Tester, D-Mont., voted no.',
    'Sen. Ted Cruz, R-Texas, objected.',
    'Miss. Smith was not there. The Ind. team won. Wash. your hands.',
    'Jane Doe, MD, treated the patients in Perth, WA.',
    'John Smith, PA, assisted in the surgery.',
    'Traffic on I-95 was heavy.'
  ])('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })
})

describe('percent', () => {
  const flagged = flaggedBy('percent', only)

  test.each([
    ['Inflation rose 5 percent in March.', '1:16-1:25: Use `5%`, not `5 percent`.'],
    ['Sales rose 4.4 per cent.', '1:12-1:24: Use `4.4%`, not `4.4 per cent`.'],
    ['The stake is 12 %.', '1:14-1:18: Use `12%`, not `12 %`.'],
    ['Turnout fell five percent.', '1:14-1:26: Use `5%`, not `five percent`.'],
    ['Costs rose 1,000 percent.', '1:12-1:25: Use `1,000%`, not `1,000 percent`.'],
    // A spelled-out number becomes one figure, never "forty%" or "forty-5%".
    ['About forty percent of the harvest was lost.', '1:7-1:20: Use `40%`, not `forty percent`.'],
    ['Nearly forty-five percent of the vote went to the governor.', '1:8-1:26: Use `45%`, not `forty-five percent`.'],
    ['Prices rose twelve per cent in a year.', '1:13-1:28: Use `12%`, not `twelve per cent`.']
  ])('flags %j', async (text, line) => {
    expect(await flagged(text)).toEqual([line])
  })

  test.each([
    'Inflation rose 5% in March.',
    'Five percent of voters stayed home.',
    // The start of a sentence keeps the number and percent spelled out.
    'Forty percent of the harvest was lost.',
    'Forty-five percent of the vote went to the governor.',
    'The bank offered a zero percent rate.',
    'The rate rose 2 percentage points.',
    'A large percentage of voters stayed home.'
  ])('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  test('one finding per span: "5 per cent" is the percent rule\'s, not house-forms\'', async () => {
    const file = await check('Sales rose 5 per cent.', only)
    expect(file.messages.map((message) => `${message.ruleId}: ${String(message)}`)).toEqual([
      'percent: 1:12-1:22: Use `5%`, not `5 per cent`.'
    ])
    const words = await check('Prices rose twenty-five per cent in a year.', only)
    expect(words.messages.map((message) => `${message.ruleId}: ${String(message)}`)).toEqual([
      'percent: 1:13-1:33: Use `25%`, not `twenty-five per cent`.'
    ])
  })
})

describe('kind pattern: data errors', () => {
  function load(lines: string[]): void {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-pattern-'))
    fs.writeFileSync(path.join(folder, 'when.yml'), ['kind: pattern', 'message: Use `{expected}`.', 'entries:', ...lines].join('\n') + '\n')
    try {
      loadStyle([folder])
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
    }
  }

  test('a slot that is neither listed nor built in', () => {
    expect(() => load(["  - {id: a, match: '{month} {day}', expected: '{month} {day}'}"])).toThrow(
      /when\.yml:4:20: `\{month\} \{day\}`: unknown slot `\{month\}`; define it under `slots`, or use a built-in class: \{number\}, \{day\}, \{year\}, \{Name\}, \{word\}\. Fix: /
    )
  })

  test('a template that uses a slot the pattern does not have', () => {
    expect(() => load(["  - {id: a, match: '{day}', expected: '{month} {day}'}"])).toThrow(
      /when\.yml:4:39: `expected` uses `\{month\}`, which `\{day\}` does not have\. Fix: use the slots of the pattern: \{day\}/
    )
  })

  test('`flag` naming no slot', () => {
    expect(() => load(["  - {id: a, match: '{day}', expected: '{day}', flag: month}"])).toThrow(
      /when\.yml:4:54: `flag: month` names no slot of `\{day\}` \(slots: day\)\. Fix: /
    )
  })
})
