/**
 * The index the `pattern` and `substitution` kinds look sentences up in
 * (src/house-style/sequence.ts `PatternIndex`): which token a pattern is
 * looked up by, and which sentences are passed over without being
 * tokenized. A prefilter may only pass over sentences no rule can match.
 */
import {ParseEnglish} from 'parse-english'
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {PatternIndex, anchorOf, compilePattern, streamOf} from '../src/house-style/sequence.js'
import {sentencesOf} from '../src/nlcst/tree.js'

const slots = {ampm: {'a.m.': 'a.m.', 'p.m.': 'p.m.', AM: 'a.m.'}, a: ['one', 'two', 'three']}
const rules = ['{ampm}', '{number} to {number}', '{a} to {b}'].map((text) => ({pattern: compilePattern(text, {...slots, b: slots.a})}))

function sentence(text: string) {
  const [first] = sentencesOf(new ParseEnglish().parse(text))
  return first!
}

describe('PatternIndex', () => {
  test('a pattern is looked up by a figure or a listed slot, not by `to`', () => {
    expect(anchorOf(rules[1]!.pattern)).toMatchObject({exact: [], lower: [], bucket: 'digit', min: 0, max: 0})
    expect(anchorOf(rules[2]!.pattern)).toMatchObject({exact: ['one', 'two', 'three'], min: 0, max: 0})
  })

  test('the article `a` does not make a sentence worth tokenizing; `a.m.`, `AM` and figures do', () => {
    const index = new PatternIndex(rules)
    expect(index.mayMatch(sentence('She bought a car to drive to work.'))).toBe(false)
    // A period touches this `a`: passed on to the matcher, which finds nothing.
    expect(index.mayMatch(sentence('She bought a.'))).toBe(true)
    expect(index.mayMatch(sentence('The shop opened at 9 a.m. on Monday.'))).toBe(true)
    expect(index.mayMatch(sentence('The shop opened at nine a.m. on Monday.'))).toBe(true)
    expect(index.mayMatch(sentence('The shop opened at nine AM on Monday.'))).toBe(true)
    expect(index.mayMatch(sentence('Between one to three people came.'))).toBe(true)
    const found = index.matches(streamOf(sentence('The shop opened at nine a.m. on Monday.')).tokens)
    expect(found.map(({match}) => [match.start, match.end])).toEqual([[10, 14]])
  })

  test('times and ranges are still found on copy', async () => {
    const file = await check('The shop opened at 9 AM. The board voted 7 to 2 against the plan. The justices voted five to four to hear it.')
    expect(file.messages.map(String)).toEqual([
      '1:22-1:24: Use `a.m.`, not `AM`.',
      '1:42-1:48: Use `7-2`, not `7 to 2`.',
      '1:86-1:98: Use `5-4`, not `five to four`.'
    ])
  })
})
