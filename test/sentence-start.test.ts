/**
 * Where a sentence starts, for the checks that read a capital there as no
 * name (src/nlcst/words.ts `isSentenceStart`): parse-latin does not split a
 * sentence after a figure's period (`The vote was 12 to 3. There …` is one
 * sentence node), so the word after such a figure starts a sentence too.
 */
import {describe, expect, test} from 'vitest'
import {ParseEnglish} from 'parse-english'
import type {Root, Sentence} from 'nlcst'
import {check} from '../src/index.js'
import {endsWithStop, isSentenceStart} from '../src/nlcst/words.js'
import {sentencesOf, wordString} from '../src/nlcst/tree.js'
import {flaggedBy, onlyChecks} from './util/messages.js'

/** The words of `text` that start a sentence, by the helper. */
function starts(text: string): string[] {
  const tree = new ParseEnglish().parse(text) as Root
  return sentencesOf(tree).flatMap((sentence: Sentence) =>
    sentence.children.flatMap((child, index) => (child.type === 'WordNode' && isSentenceStart(sentence, index) ? [wordString(child)] : []))
  )
}

describe('sentence starts after a figure’s period', () => {
  test('the parser keeps "3." inside one sentence ("No." it splits after); the helper starts a sentence after it', () => {
    expect(starts('The vote was 12 to 3. There homes were lost. He is No. 12. Their team won.')).toEqual(['The', 'There', 'He', '12.', 'Their'])
  })

  test('a figure without its period, or a decimal, ends nothing', () => {
    expect(starts('It fell 3.5 percent to 12 points in 1996 and 2,000.5 shares traded.')).toEqual(['It'])
    expect([endsWithStop('3.'), endsWithStop('1,000.'), endsWithStop('3.5'), endsWithStop('U.S.'), endsWithStop('.'), endsWithStop(',5.')]).toEqual([true, true, false, false, false, false])
  })

  test('spelling reads a capital after it as a sentence’s, not a name’s', async () => {
    const flagged = flaggedBy('spelling', onlyChecks('spelling'))
    expect(await flagged('The vote was 12 to 3. Becuase of rain it ended.')).toEqual(['1:23-1:30: `Becuase` is not in the dictionary; did you mean `Because`?'])
  })

  test('numbers: a figure that starts the second sentence is spelled out as a sentence\'s first word', async () => {
    const file = await check('The vote was 12 to 3. 9 people were hurt.', onlyChecks())
    expect(file.messages.filter((message) => message.ruleId === 'numbers').map((message) => `${String(message)} [${(message as {data?: {entry?: string}}).data?.entry}]`)).toEqual([
      '1:14-1:21: Use `12-3`, not `12 to 3`. [votes-scores]',
      '1:23-1:24: Use `Nine`, not `9`. [start-of-sentence]'
    ])
  })

  test('numbers: the rule\'s own contexts still apply there: a list of figures ("1. 2. 3.") is no count to spell out', async () => {
    const file = await check('The items were 1. 2. 3. 4. 5 more came later. The vote was 3 to 1. 1 man abstained.', onlyChecks())
    expect(file.messages.filter((message) => message.ruleId === 'numbers').map((message) => `${String(message)} [${(message as {data?: {entry?: string}}).data?.entry}]`)).toEqual([
      '1:28-1:29: Use `Five`, not `5`. [start-of-sentence]',
      '1:60-1:66: Use `3-1`, not `3 to 1`. [votes-scores]',
      '1:68-1:69: Use `One`, not `1`. [start-of-sentence]'
    ])
  })

  test('confusables: a slip that starts the second sentence', async () => {
    const file = await check('The board voted 5 to 4. Who\'s car was it?', onlyChecks('confusables'))
    expect(file.messages.filter((message) => message.ruleId === 'confusables').map(String)).toEqual(['1:25-1:30: Use `Whose` (belonging to whom), not `Who\'s` (who is)'])
  })
})
