/**
 * rules/money.yml (kind `pattern`): AP money — `$5 million`, not
 * `$5,000,000`, `$5 Million` or `5 million dollars`; `5 cents`. Flag and
 * allow tables in our own words, and every hit on the news corpus.
 */
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {docsUrl} from '../src/message.js'
import {corpusHits as hitsOf, testCorpus} from './util/corpus.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'

const only = onlyChecks()

describe('money', () => {
  const flagged = flaggedBy('money', only)

  test('a whole message', async () => {
    const file = await check('The council paid $3,000,000 for the depot.', only)
    expect(file.messages.filter((message) => message.ruleId === 'money').map(fields)).toEqual([
      {
        reason: 'Use `$3 million`, not `$3,000,000`.',
        ruleId: 'money',
        source: 'copydesk',
        place: {start: {line: 1, column: 18, offset: 17}, end: {line: 1, column: 28, offset: 27}},
        actual: '$3,000,000',
        expected: ['$3 million'],
        // Its check's explanation, at the entry's row (which links the stylebook).
        url: docsUrl('money', 'round-millions'),
        note: 'AP writes round amounts of a million dollars or more with million or billion, up to two decimals ($5 million, $2.5 billion).',
        fatal: false,
        data: {entry: 'round-millions'}
      }
    ])
  })

  test.each([
    ['The team signed him for $40 Million.', '1:29-1:36: Use `million`, not `Million`.'],
    ['The agency lost $7 BILLION.', '1:20-1:27: Use `billion`, not `BILLION`.'],
    ['The loan was $1,500,000 at 4%.', '1:14-1:24: Use `$1.5 million`, not `$1,500,000`.'],
    ['Donors gave $12,750,000 last year.', '1:13-1:24: Use `$12.75 million`, not `$12,750,000`.'],
    ['The deficit hit $3,000,000,000.', '1:17-1:31: Use `$3 billion`, not `$3,000,000,000`.'],
    ['The debt tops $1,200,000,000,000.', '1:15-1:33: Use `$1.2 trillion`, not `$1,200,000,000,000`.'],
    ['The stadium cost 80 million dollars.', '1:18-1:36: Use `$80 million`, not `80 million dollars`.'],
    ['The stadium cost $80 million dollars.', '1:18-1:37: Use `$80 million`, not `$80 million dollars`.'],
    ['The stadium cost two billion dollars.', '1:18-1:37: Use `$2 billion`, not `two billion dollars`.'],
    ['Stamps went up nine cents.', '1:16-1:20: Use `9`, not `nine`.']
  ])('flags %j', async (text, line) => {
    expect(await flagged(text)).toEqual([line])
  })

  test.each([
    'The team signed him for $40 million.',
    // An exact amount is not rounded.
    'The estate was valued at $1,234,567.',
    'The house sold for $950,000.',
    'The loan was $1.5 million.',
    // A named currency keeps its name.
    'The deal was worth 30 million Canadian dollars.',
    'I would not do it for a million dollars.',
    'Stamps went up 9 cents.',
    'Nine cents was the old price.',
    'Fares rose by a few cents.',
    '"It cost $5,000,000," he said.'
  ])('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  /**
   * Every hit on ../shared/corpus/news, read in its story: both real (AP writes cents with
   * figures: "up 7 cents", "lost 2 cents"). Reuters writes round millions with `million`
   * already, so `round-millions` finds nothing there. Reproduce: `npm run precision`.
   */
  testCorpus('the news corpus: every hit read, all AP slips', async () => {
    const hits = await hitsOf('money', only, (message, story) => `${story.name}:${message.line}:${message.column} ${message.actual} → ${message.expected?.[0]}`)
    expect(hits).toEqual(['reuters/0015.txt:15:104 seven → 7', 'reuters/0079.txt:21:54 two → 2'])
  })
})
