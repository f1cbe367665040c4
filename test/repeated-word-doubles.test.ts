/**
 * `repeated-word`: every double copydesk accepts on top of
 * retext-repeated-words' own list stays silent (and would be flagged
 * without it), the configured level is the level reported, and runs of a
 * word split by punctuation. Found by mutation testing (docs/mutation.md).
 */
import {retext} from 'retext'
import {describe, expect, test} from 'vitest'
import {check, codePlugins} from '../src/index.js'
import {flaggedBy, onlyChecks} from './util/messages.js'

const ruleId = 'repeated-word'
const only = onlyChecks(ruleId)
const flagged = flaggedBy(ruleId, only)

describe('repeated-word: doubles that are English', () => {
  // One sentence per word of the list in src/checks/repeated-word.ts.
  test.each([
    'He gave her her passport back.',
    'What they do do is talk.',
    'The fans waved and sang bye bye to the coach.',
    'Bye bye, the fans sang as the coach left.',
    'He laughed, ha ha, and walked off.',
    'The mall Santa gave a tired ho ho and waved.',
    'The crowd shouted hip hip hooray.',
    'Every joke began with knock knock.',
    'The judge said tut tut and moved on.',
    'Her aunt said tsk tsk at the mess.',
    'The coach yelled chop chop at the players.',
    'The deal was kept hush hush for months.',
    'The toddler showed everyone his boo boo.',
    'The critic called the dessert yum yum and little else.',
    'The speech was bla bla about growth.'
  ])('leaves alone %j', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  test('the list is of those words only: a slip beside them is still flagged', async () => {
    expect(await flagged('The fans sang bye bye to the the coach.')).toEqual(['1:26-1:33: Remove the repeated `the`'])
    expect(await flagged('The fans sang by by the river.')).toEqual(['1:15-1:20: Remove the repeated `by`'])
  })
})

describe('repeated-word: the level', () => {
  /** `[ruleId, fatal]` of the messages: `true` error, `false` warning, `undefined` suggestion. */
  async function severity(options: object): Promise<Array<[string | undefined, boolean | null | undefined]>> {
    const file = await check('Residents left the the town.', {...options})
    return file.messages.map((message) => [message.ruleId, message.fatal])
  }

  test('a warning by default', async () => {
    expect(await severity(only)).toEqual([[ruleId, false]])
  })

  test('a configured level is the level reported', async () => {
    expect(await severity({checks: {...only.checks, 'repeated-word': 'error'}})).toEqual([[ruleId, true]])
    expect(await severity({checks: {...only.checks, 'repeated-word': 'suggestion'}})).toEqual([[ruleId, undefined]])
  })

  test('the plugin on its own, without options, warns', async () => {
    const file = await retext().use(codePlugins['repeated-word']).process('Residents left the the town.')
    expect(file.messages.map((message) => [String(message), message.fatal])).toEqual([['1:16-1:23: Remove the repeated `the`', false]])
  })
})

describe('repeated-word: runs and punctuation', () => {
  test.each([
    // Three in a row is emphasis, wherever the pair sits in it.
    'She screamed no no no until someone came.',
    'No no no, the minister said.',
    'The crowd chanted out, out, out out out.',
    // Punctuation between two words: not a double.
    'It was over. Over the years, it changed.',
    'They fought, fought again, and lost.',
    'He said it was true; true, but late.'
  ])('leaves alone %j', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  test.each([
    // Punctuation breaks a run: the pair after it is a double on its own.
    ['The talks, the the talks went on.', ['1:12-1:19: Remove the repeated `the`']],
    ['It was late, it it was late.', ['1:14-1:19: Remove the repeated `it`']],
    // A pair before punctuation, and the same word after it.
    ['He said it it, it.', ['1:9-1:14: Remove the repeated `it`']],
    // A sentence that is nothing but the double.
    ['Very very.', ['1:1-1:10: Remove the repeated `very`']],
    // A third word after a comma with no space is not part of a run.
    ['It was very very,very late.', ['1:8-1:17: Remove the repeated `very`']],
    // Two doubles in one sentence are two findings.
    ['The the mayor said that the the vote failed.', ['1:1-1:8: Remove the repeated `the`', '1:25-1:32: Remove the repeated `the`']],
    // Two sentences, each with its double.
    ['It is is late. We we left.', ['1:4-1:9: Remove the repeated `is`', '1:16-1:21: Remove the repeated `we`']]
  ])('flags %j', async (text, expected) => {
    expect(await flagged(text)).toEqual(expected)
  })

  test('the fix keeps the first word as written', async () => {
    const file = await check('It was late, It it was late.', only)
    expect(file.messages.map((message) => [message.actual, message.expected])).toEqual([['It it', ['It']]])
  })
})
