/**
 * rules/times.yml (kind `pattern`): AP times of day — `3 p.m.`, `10:30
 * a.m.`, no `:00`, no `AM`/`PM`/`3pm`, no `10 a.m. this morning`. Flag and
 * allow tables in our own words, and every hit on the news corpus.
 */
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {docsUrl} from '../src/message.js'
import {corpusHits as hitsOf, testCorpus} from './util/corpus.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'

const only = onlyChecks()

describe('times', () => {
  const flagged = flaggedBy('times', only)

  test('a whole message', async () => {
    const file = await check('The market opens at 9:00 AM.', only)
    expect(file.messages.filter((message) => message.ruleId === 'times').map(fields)).toEqual([
      {
        reason: 'Use `9 a.m.`, not `9:00 AM`.',
        ruleId: 'times',
        source: 'copydesk',
        place: {start: {line: 1, column: 21, offset: 20}, end: {line: 1, column: 28, offset: 27}},
        actual: '9:00 AM',
        expected: ['9 a.m.'],
        // Its check's explanation, at the entry's row (which links the stylebook).
        url: docsUrl('times', 'on-the-hour'),
        note: 'AP leaves out :00 on the hour (3 p.m., not 3:00 p.m.).',
        fatal: false,
        data: {entry: 'on-the-hour'}
      }
    ])
  })

  test.each([
    ['Doors open at 7 PM sharp.', '1:17-1:19: Use `p.m.`, not `PM`.'],
    ['The ferry sails at 5:15 am daily.', '1:25-1:27: Use `a.m.`, not `am`.'],
    ['The ferry sails at 6 A.M. daily.', '1:22-1:26: Use `a.m.`, not `A.M.`.'],
    ['The march starts at 11am in the square.', '1:21-1:25: Use `11 a.m.`, not `11am`.'],
    ['The march starts at 2:00 p.m. on Friday.', '1:21-1:30: Use `2 p.m.`, not `2:00 p.m.`.'],
    ['The march starts at 6.00 pm on Friday.', '1:21-1:28: Use `6 p.m.`, not `6.00 pm`.'],
    ['The polls open at 7 a.m. this morning.', '1:21-1:38: Use `a.m. today`, not `a.m. this morning`.'],
    ['The results come at 11 p.m. tonight.', '1:24-1:36: Use `p.m. today`, not `p.m. tonight`.'],
    ['The results came at 11 p.m. Tuesday night.', '1:24-1:42: Use `p.m. Tuesday`, not `p.m. Tuesday night`.']
  ])('flags %j', async (text, line) => {
    expect(await flagged(text)).toEqual([line])
  })

  test.each([
    'Doors open at 7 p.m. sharp.',
    'The ferry sails at 5:15 a.m. daily.',
    'The march starts at noon on Friday.',
    'The polls open at 7 a.m. today.',
    'I am sure the polls open early.',
    'PM Tony Blair will speak at 10 a.m.',
    'The results came at 11 p.m. Tuesday.',
    'The team met this morning.',
    '"We start at 9 AM," she said.'
  ])('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  /**
   * Every hit on ../shared/corpus/news, read in its story: one, and real ("every evening at
   * 8.00 p.m." → 8 p.m.). BBC copy writes "3pm" in places the quotation rule leaves alone.
   * Reproduce: `npm run precision`.
   */
  testCorpus('the news corpus: every hit read, all AP slips', async () => {
    const hits = await hitsOf('times', only, (message, story) => `${story.name}:${message.line}:${message.column} ${message.actual} → ${message.expected?.[0]}`)
    expect(hits).toEqual(['reuters/0044.txt:5:185 8.00 p.m. → 8 p.m.'])
  })
})
