/**
 * rules/percent.yml (kind `pattern`): `5%` with figures, a spelled-out
 * number made one figure, sentence starts left spelled out.
 */
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {flaggedBy, onlyChecks} from './util/messages.js'

const only = onlyChecks()

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
