/**
 * The `--fix` writer (src/faces/fix.ts) where test/fix.test.ts does not
 * reach: which messages are never applied (a stale or empty span, a
 * headline message, a replacement that changes nothing), edits side by side,
 * the safe list for a house style, and diffs whose hunks merge or shift.
 * Found by mutation testing (docs/mutation.md).
 */
import {describe, expect, test} from 'vitest'
import {applyFixes, check, fixableChecks, formatDiff, loadStyle, defaultRulesFolder} from '../src/index.js'

/** A message as a check would make it, at `text.indexOf(actual)`. */
function at(text: string, actual: string, expected: unknown[], ruleId = 'repeated-word', extra: object = {}) {
  const offset = text.indexOf(actual)
  if (offset === -1) throw new Error(`no ${actual}`)
  return {ruleId, actual, expected: expected as string[], offset, endOffset: offset + actual.length, ...extra}
}

const text = 'Flooding the the harbor.'

describe('applyFixes never applies', () => {
  test.each<[string, object]>([
    ['a message with no ruleId', {...at(text, 'the the', ['the']), ruleId: null}],
    ['a headline message (VFile data)', at(text, 'the the', ['the'], 'repeated-word', {data: {field: 'headline'}})],
    ['a replacement that is not text', at(text, 'the the', [42])],
    ['a null replacement list', {...at(text, 'the the', ['the']), expected: null}],
    ['an empty span', {...at(text, 'the the', ['the']), endOffset: 9}],
    ['a span that ends before it starts', {...at(text, 'the the', ['the']), offset: 16, endOffset: 9}],
    ['a span past the end of the story', {...at(text, 'the the', ['the']), actual: null, endOffset: text.length + 1}],
    ['a message with no place', {ruleId: 'repeated-word', actual: 'the the', expected: ['the']}],
    ['a message with only a start', {ruleId: 'repeated-word', actual: 'the the', expected: ['the'], place: {line: 1, column: 10, offset: 9}}],
    ['a replacement equal to the text', at(text, 'harbor', ['harbor'], 'house-forms')]
  ])('%s', (_name, message) => {
    expect(applyFixes(text, [message])).toEqual({text, applied: [], edits: []})
  })
})

describe('applyFixes applies', () => {
  test('a message without `actual` when its span is in the story', () => {
    const message = {...at(text, 'the the', ['the']), actual: undefined}
    expect(applyFixes(text, [message])).toEqual({text: 'Flooding the harbor.', applied: [message], edits: [{start: 9, end: 16, value: 'the'}]})
  })

  test('a VFile-style place (start and end points)', () => {
    const message = {ruleId: 'repeated-word', actual: 'the the', expected: ['the'], place: {start: {line: 1, column: 10, offset: 9}, end: {line: 1, column: 17, offset: 16}}}
    expect(applyFixes(text, [message]).text).toBe('Flooding the harbor.')
  })

  test('a span that ends at the end of the story', () => {
    const story = 'They left the the'
    expect(applyFixes(story, [at(story, 'the the', ['the'])]).text).toBe('They left the')
  })

  test('edits side by side (one ends where the next starts), in story order whatever the order of the messages', () => {
    const story = 'It was a a earlier US report.'
    const first = at(story, 'a a', ['a'])
    const second = {...at(story, ' earlier', [' later'], 'house-forms'), actual: ' earlier'}
    const third = at(story, 'US', ['U.S.'], 'house-forms')
    const result = applyFixes(story, [third, second, first])
    expect(result.text).toBe('It was a later U.S. report.')
    expect(result.applied).toEqual([first, second, third])
    expect(result.edits).toEqual([
      {start: 7, end: 10, value: 'a'},
      {start: 10, end: 18, value: ' later'},
      {start: 19, end: 21, value: 'U.S.'}
    ])
  })

  test('two checks agreeing on one fix apply it once; three messages where two overlap apply only the third', () => {
    const story = 'The the vote, a a earlier one.'
    const agreed = [at(story, 'The the', ['The']), at(story, 'The the', ['The'], 'house-forms')]
    const clash = [at(story, 'a a', ['a']), at(story, 'a earlier', ['an earlier'], 'indefinite-article')]
    const result = applyFixes(story, [...clash, ...agreed])
    expect(result.text).toBe('The vote, a a earlier one.')
    expect(result.applied).toEqual([agreed[0]])
  })

  test('the same span fixed two ways is not fixed', () => {
    const story = 'Flooding the the harbor.'
    const result = applyFixes(story, [at(story, 'the the', ['the']), at(story, 'the the', ['then'], 'house-forms')])
    expect(result).toEqual({text: story, applied: [], edits: []})
  })

  test('quotations in Markdown are found in the Markdown', async () => {
    const story = '> He said "the the harbor."\n\nThey left the the town.\n'
    const file = await check(story, {format: 'markdown', checks: {spelling: 'off'}})
    const repeated = file.messages.filter((message) => message.ruleId === 'repeated-word')
    expect(repeated).toHaveLength(2)
    expect(applyFixes(story, repeated, {format: 'markdown'}).text).toBe('> He said "the the harbor."\n\nThey left the town.\n')
  })

  test('the safe list can be given', () => {
    const story = 'The harbour reopened.'
    const message = at(story, 'harbour', ['harbor'], 'dialect')
    expect(applyFixes(story, [message]).text).toBe(story)
    expect(applyFixes(story, [message], {checks: ['dialect']}).text).toBe('The harbor reopened.')
  })
})

describe('fixableChecks', () => {
  test('the code checks and every substitution rules file of the style', () => {
    expect(fixableChecks(loadStyle([defaultRulesFolder]))).toEqual(['repeated-word', 'indefinite-article', 'house-forms'])
  })

  test('a real story: the fixable findings are fixed, the others are left', async () => {
    const story = 'Residents left the the town after a earlier warning from US officials. Casualties: TK.\n'
    const file = await check(story, {checks: {spelling: 'off'}})
    const result = applyFixes(story, file.messages, {checks: fixableChecks(loadStyle([defaultRulesFolder]))})
    expect(result.text).toBe('Residents left the town after an earlier warning from U.S. officials. Casualties: TK.\n')
    expect(result.applied.map((message) => message.ruleId)).toEqual(['repeated-word', 'indefinite-article', 'house-forms'])
  })
})

describe('formatDiff', () => {
  const lines = (count: number) => Array.from({length: count}, (_, index) => `line ${index + 1}`)

  test('no edits, no diff', () => {
    expect(formatDiff('story.txt', 'The harbor.\n', [])).toBe('')
  })

  test('two changes six lines apart share a hunk (their context touches); seven apart do not', () => {
    const story = [...lines(3), 'the the one', ...lines(6), 'the the two', ...lines(3)].join('\n') + '\n'
    const first = story.indexOf('the the one')
    const second = story.indexOf('the the two')
    const edits = [
      {start: first, end: first + 7, value: 'the'},
      {start: second, end: second + 7, value: 'the'}
    ]
    const diff = formatDiff('s.txt', story, edits)
    expect(diff.split('\n').filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,14 +1,14 @@'])
    const apart = [...lines(3), 'the the one', ...lines(7), 'the the two', ...lines(3)].join('\n') + '\n'
    const edits2 = [
      {start: apart.indexOf('the the one'), end: apart.indexOf('the the one') + 7, value: 'the'},
      {start: apart.indexOf('the the two'), end: apart.indexOf('the the two') + 7, value: 'the'}
    ]
    expect(formatDiff('s.txt', apart, edits2).split('\n').filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,7 +1,7 @@', '@@ -9,7 +9,7 @@'])
  })

  test('a hunk after a change that joined lines starts where the new file has it', () => {
    const story = ['Left the', 'the town', ...lines(8), 'a a end'].join('\n') + '\n'
    const join = story.indexOf('the\nthe')
    const last = story.indexOf('a a end')
    const diff = formatDiff('s.txt', story, [
      {start: join, end: join + 7, value: 'the'},
      {start: last, end: last + 3, value: 'a'}
    ])
    expect(diff).toBe(
      [
        '--- a/s.txt',
        '+++ b/s.txt',
        '@@ -1,5 +1,4 @@',
        '-Left the',
        '-the town',
        '+Left the town',
        ' line 1',
        ' line 2',
        ' line 3',
        '@@ -8,4 +7,4 @@',
        ' line 6',
        ' line 7',
        ' line 8',
        '-a a end',
        '+a end',
        ''
      ].join('\n')
    )
  })

  test('two changes on one line are one change of that line; a custom context', () => {
    const story = ['one', 'two', 'the the and a a', 'four', 'five'].join('\n') + '\n'
    const first = story.indexOf('the the')
    const second = story.indexOf('a a')
    const diff = formatDiff('s.txt', story, [
      {start: first, end: first + 7, value: 'the'},
      {start: second, end: second + 3, value: 'a'}
    ], 1)
    expect(diff).toBe(['--- a/s.txt', '+++ b/s.txt', '@@ -2,3 +2,3 @@', ' two', '-the the and a a', '+the and a', ' four', ''].join('\n'))
  })

  test('a change on the first line of a story without a final newline', () => {
    const story = 'the the harbor\nsecond'
    expect(formatDiff('s.txt', story, [{start: 0, end: 7, value: 'the'}])).toBe(
      ['--- a/s.txt', '+++ b/s.txt', '@@ -1,2 +1,2 @@', '-the the harbor', '+the harbor', ' second', '\\ No newline at end of file', ''].join('\n')
    )
  })
})
