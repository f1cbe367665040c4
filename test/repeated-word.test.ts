/**
 * `repeated-word`: the same word twice in a row, an edit slip spell-checkers pass.
 */
import fs from 'node:fs'
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'
import {corpusHits, readShared, testCorpus} from './util/corpus.js'
import {docsUrl} from '../src/message.js'

const ruleId = 'repeated-word'
const only = onlyChecks(ruleId)
const flagged = flaggedBy(ruleId, only)

describe('repeated-word', () => {
  test('a whole message', async () => {
    const file = await check('Senators questioned whether the the recent rule proposals went far enough.', only)
    const messages = file.messages.filter((message) => message.ruleId === ruleId)
    expect(messages.map(fields)).toEqual([
      {
        reason: 'Remove the repeated `the`',
        ruleId: 'repeated-word',
        source: 'copydesk',
        place: {
          start: {line: 1, column: 29, offset: 28},
          end: {line: 1, column: 36, offset: 35}
        },
        actual: 'the the',
        expected: ['the'],
        url: docsUrl('repeated-word'),
        fatal: false,
        data: undefined
      }
    ])
  })

  test.each([
    ['The the president spoke.', ['1:1-1:8: Remove the repeated `the`']],
    ['Markets may recover, though maybe not not before year-end.', ['1:35-1:42: Remove the repeated `not`']],
    ['A unit had been set up to to investigate abuses.', ['1:24-1:29: Remove the repeated `to`']],
    ['The number who voted is is pretty low.', ['1:22-1:27: Remove the repeated `is`']],
    // The pronoun, which retext-repeated-words passes as a capitalised name.
    ['I I think the plan works, he said.', ['1:1-1:4: Remove the repeated `I`']],
    ['“When I I got there, it was over,” she said.', ['1:7-1:10: Remove the repeated `I`']],
    // Degree words before a function word, and interjections mid-phrase: slips.
    ['He said so so the plan went ahead.', ['1:9-1:14: Remove the repeated `so`']],
    ['There was no no longer any doubt.', ['1:11-1:16: Remove the repeated `no`']],
    ['There there are three options.', ['1:1-1:12: Remove the repeated `there`']],
    ['In an an unusual move, the bank held rates.', ['1:4-1:9: Remove the repeated `an`']],
    // A line break between the two is the commonest way this slips through.
    ['The ministry said the\nthe blockade had eased.', ['1:19-2:4: Remove the repeated `the`']],
    ['THE THE BAND', ['1:1-1:8: Remove the repeated `THE`']]
  ])('flags %j', async (text, expected) => {
    expect(await flagged(text)).toEqual(expected)
  })

  test('keeps the first word’s capital in the fix', async () => {
    const file = await check('The the president spoke.', only)
    const [message] = file.messages.filter((item) => item.ruleId === ruleId)
    expect([message.actual, message.expected]).toEqual(['The the', ['The']])
  })

  test.each([
    'The best exhibition they had had since the war.',
    'He said that that was the end of it.',
    'Walla Walla is in Washington state.',
    'Bora Bora lies northwest of Tahiti.',
    'Duran Duran played in Birmingham.',
    'He gave her her passport back.',
    'What they do do is talk.',
    'She screamed "no no no no no" until someone came.',
    'D. D. will pop up later.',
    'The talks, the talks, always the talks.',
    'It was over. Over the years, it changed.',
    'They fought, fought again, and lost.',
    // Emphatic doubles: degree words before what they modify, interjections as speech.
    '“It was very very good,” she said.',
    'It happened in a galaxy far far away, so so much farther than anyone thought.',
    'Prices rose much much faster, a long long time after the war.',
    '“Wait wait!” he shouted. “No no, not that one.”',
    'She waved and said bye bye. “Oh oh.” “Yes yes,” he said. “There there.”',
    // `I` once, and a Roman numeral after a name.
    'I think I can. World War I ended in 1918.'
  ])('leaves alone %j', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  testCorpus('the seed story has no repeated words', async () => {
    const text = readShared('corpus/seed/mali.txt')
    expect(await flagged(text)).toEqual([])
  })

  testCorpus('edited news copy: every hit is a real slip', async () => {
    // The corpus README lists these slips; each was checked by hand.
    const slips = [
      'reuters/0001.txt 17:29 the the',
      'reuters/0005.txt 25:234 not not',
      'reuters/0030.txt 39:111 an an',
      'reuters/0045.txt 3:63 to to',
      'reuters/0057.txt 17:211 up up',
      'reuters/0057.txt 25:183 to to',
      'reuters/0061.txt 21:54 come come',
      'reuters/0126.txt 5:13 a a',
      'reuters/0128.txt 51:26 the the',
      'bbc/0022.txt 31:265 is is'
    ]
    const hits = await corpusHits(ruleId, only)
    const falsePositives = hits.filter((hit) => !slips.includes(hit))
    // Ceiling: no false positives on ~104,000 words of edited copy.
    expect(falsePositives, `hits:\n${hits.join('\n')}`).toEqual([])
    expect(hits, 'every known slip is caught').toEqual(slips)
  }, 120_000)
})
