/**
 * `applyFixes`: only safe fixes, nothing else touched; `formatDiff`: a
 * unified diff of them.
 */
import {describe, expect, test} from 'vitest'
import {applyFixes, check, formatDiff} from '../src/index.js'

/** A message as a check would make it, at `text.indexOf(actual, from)`. */
function at(text: string, actual: string, expected: string[], ruleId = 'repeated-word', extra: object = {}) {
  const offset = text.indexOf(actual)
  if (offset === -1) throw new Error(`no ${actual}`)
  return {ruleId, actual, expected, offset, endOffset: offset + actual.length, ...extra}
}

/** The text outside the edits, which must be unchanged. */
function outside(text: string, edits: ReadonlyArray<{start: number; end: number}>): string[] {
  const parts: string[] = []
  let last = 0
  for (const edit of edits) {
    parts.push(text.slice(last, edit.start))
    last = edit.end
  }
  parts.push(text.slice(last))
  return parts
}

describe('applyFixes', () => {
  test('applies a doubled word, a/an and a house form; leaves every other byte alone', () => {
    const text = 'Flooding the the harbor\r\nafter a earlier warning from US officials.\t\u00a0End.'
    const messages = [
      at(text, 'the the', ['the']),
      at(text, 'a earlier', ['an earlier'], 'indefinite-article'),
      at(text, 'US', ['U.S.'], 'house-forms')
    ]
    const result = applyFixes(text, messages)
    expect(result.text).toBe('Flooding the harbor\r\nafter an earlier warning from U.S. officials.\t\u00a0End.')
    expect(result.applied).toEqual(messages)
    // Byte for byte outside the fixed spans.
    const before = outside(text, result.edits)
    let shift = 0
    const after = outside(
      result.text,
      result.edits.map((edit) => {
        const start = edit.start + shift
        shift += edit.value.length - (edit.end - edit.start)
        return {start, end: start + edit.value.length}
      })
    )
    expect(Buffer.from(after.join('\0'))).toEqual(Buffer.from(before.join('\0')))
  })

  test.each<[string, string, object]>([
    ['a check not on the safe list', 'Flooding the the harbor.', at('Flooding the the harbor.', 'the the', ['the'], 'spelling')],
    ['more than one replacement', 'Flooding the the harbor.', at('Flooding the the harbor.', 'the the', ['the', 'then'])],
    ['no replacement', 'Flooding the the harbor.', at('Flooding the the harbor.', 'the the', [])],
    ['marked as quoted by the check', 'Flooding the the harbor.', at('Flooding the the harbor.', 'the the', ['the'], 'repeated-word', {data: {quoted: true}})],
    ['inside quotation marks', 'He said: “the the harbor.”', at('He said: “the the harbor.”', 'the the', ['the'])],
    ['inside straight quotes', 'He said: "the the harbor."', at('He said: "the the harbor."', 'the the', ['the'])],
    ['in the headline', 'Flooding the the harbor.', at('Flooding the the harbor.', 'the the', ['the'], 'repeated-word', {field: 'headline'})],
    ['text changed since the check', 'Flooding the the harbor.', {...at('Flooding the the harbor.', 'the the', ['the']), actual: 'a a'}]
  ])('skips %s', (_name, text, message) => {
    expect(applyFixes(text, [message])).toEqual({text, applied: [], edits: []})
  })

  test('skips fixes that overlap, keeps one that two checks agree on', () => {
    const text = 'It was a a earlier report of the the storm.'
    const overlapping = [at(text, 'a a', ['a']), at(text, 'a earlier', ['an earlier'], 'indefinite-article')]
    const same = [at(text, 'the the', ['the']), at(text, 'the the', ['the'], 'house-forms')]
    const result = applyFixes(text, [...overlapping, ...same])
    expect(result.text).toBe('It was a a earlier report of the storm.')
    expect(result.applied).toEqual([same[0]])
  })

  test('fixes a real check’s messages on a VFile', async () => {
    const text = 'Residents left the the town.\n'
    const file = await check(text, {checks: {spelling: 'off'}})
    const result = applyFixes(text, file.messages.filter((message) => message.ruleId === 'repeated-word'))
    expect(result.text).toBe('Residents left the town.\n')
  })

  test('HTML: fixes in text, never across markup', async () => {
    const text = '<p>Left the the town and <em>the</em> the harbor.</p>'
    const file = await check(text, {format: 'html'})
    const repeated = file.messages.filter((message) => message.ruleId === 'repeated-word')
    expect(repeated).toHaveLength(2)
    expect(applyFixes(text, repeated, {format: 'html'}).text).toBe('<p>Left the town and <em>the</em> the harbor.</p>')
  })
})

describe('formatDiff', () => {
  test('a unified diff with three lines of context', () => {
    const text = ['one', 'two', 'Flooding the the harbor.', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'after a earlier warning', 'end'].join('\n') + '\n'
    const {edits} = applyFixes(text, [at(text, 'the the', ['the']), at(text, 'a earlier', ['an earlier'], 'indefinite-article')])
    expect(formatDiff('story.txt', text, edits)).toBe(
      [
        '--- a/story.txt',
        '+++ b/story.txt',
        '@@ -1,6 +1,6 @@',
        ' one',
        ' two',
        '-Flooding the the harbor.',
        '+Flooding the harbor.',
        ' four',
        ' five',
        ' six',
        '@@ -8,5 +8,5 @@',
        ' eight',
        ' nine',
        ' ten',
        '-after a earlier warning',
        '+after an earlier warning',
        ' end',
        ''
      ].join('\n')
    )
  })

  test('a fix that joins lines, and no newline at the end', () => {
    const text = 'Left the\nthe town'
    const {edits} = applyFixes(text, [at(text, 'the\nthe', ['the'])])
    expect(formatDiff('s.txt', text, edits)).toBe(
      ['--- a/s.txt', '+++ b/s.txt', '@@ -1,2 +1,1 @@', '-Left the', '-the town', '\\ No newline at end of file', '+Left the town', '\\ No newline at end of file', ''].join('\n')
    )
  })
})
