/**
 * rules/dates.yml (kind `pattern`): months with dates and years, AP
 * abbreviations, figures without st/nd/rd/th. Flag and allow tables.
 */
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {docsUrl} from '../src/message.js'
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
        // Its check's explanation, at the entry's row (which links the stylebook).
        url: docsUrl('dates', 'month-day'),
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
