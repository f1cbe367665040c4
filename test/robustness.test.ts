/**
 * Bad input: every input gets a VFile (possibly with no messages), no check
 * throws, and the text is never changed. Bad options are TypeErrors naming
 * the option and the accepted values.
 */
import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {check, createChecker, StoryError} from '../src/index.js'

const story =
  'BAMAKO, Mali (AP) — The the president said on Tuesday that oil importats had fallen. ' +
  '“We will not surrender,” said Mali’s Foreign Minister. TK\n\n'

function junk(length: number, seed: number): string {
  // Deterministic bytes 0–255 read as Latin-1: what a binary file looks like as text.
  let state = seed
  let out = ''
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    out += String.fromCharCode(state & 0xff)
  }
  return out
}

const inputs: Array<[string, string]> = [
  ['empty', ''],
  ['whitespace only', ' \n\t\n   \r\n'],
  ['binary junk', junk(20_000, 7)],
  ['lone surrogates', 'The \uD800 minister \uDC00said \uD83D the the.'],
  ['control characters', 'The\u0000 minister\u0007 said\u001b[31m the\u0008 the.\u000c'],
  ['no sentence punctuation', 'the minister said the blockade had eased and the talks went on '.repeat(500)],
  ['one enormous word', 'a'.repeat(100_000)],
  ['only punctuation', '!?.,;:—–"“”‘’()[]{}'.repeat(1000)],
  ['emoji and combining marks', 'The mayor 👩🏽‍⚖️ said café naïve e\u0301 Zürich Ωmega.'],
  ['right-to-left text', 'The group, known in Arabic as جماعة نصرة الإسلام والمسلمين, attacked.']
]

describe('bad input', () => {
  test.each(inputs)('%s: returns a VFile and leaves the text alone', async (_name, text) => {
    const file = await check(text)
    expect(file).toBeInstanceOf(VFile)
    expect(String(file.value)).toBe(text)
    for (const message of file.messages) {
      expect(message.source).toBe('copydesk')
      expect(typeof message.ruleId).toBe('string')
    }
  })

  test('a 5 MB story is checked, not refused, and not changed', async () => {
    const text = story.repeat(Math.ceil((5 * 1024 * 1024) / story.length))
    // Every finding kept (`maxFindings`, default 1,000), to count them.
    const file = await check(text, {maxFindings: Number.POSITIVE_INFINITY})
    expect(String(file.value)).toBe(text)
    const repeated = file.messages.filter((message) => message.ruleId === 'repeated-word')
    // One "The the" per copy of the paragraph: every copy was checked.
    expect(repeated.length).toBe(Math.ceil((5 * 1024 * 1024) / story.length))
    // ~15 s here: linear time is shown by `npm run bench`, not asserted; this only needs room on a slow CI machine.
  }, 180_000)

  test('a story longer than a section keeps exact places in every section', async () => {
    // Long input is checked in sections (src/check.ts `sectionSize`); each
    // message must still point at its words in the whole story.
    const text = story.repeat(Math.ceil((600 * 1024) / story.length))
    const file = await check(text, {maxFindings: Number.POSITIVE_INFINITY})
    const lineStarts = [0]
    for (let index = 0; index < text.length; index++) if (text[index] === '\n') lineStarts.push(index + 1)
    const checked = file.messages.filter((message) => message.actual && message.ruleId !== 'spelling')
    expect(checked.length).toBeGreaterThan(1000)
    for (const message of checked) {
      const place = message.place as {start: {line: number; column: number; offset: number}; end: {offset: number}}
      expect(text.slice(place.start.offset, place.end.offset)).toBe(message.actual)
      expect(lineStarts[place.start.line - 1] + place.start.column - 1).toBe(place.start.offset)
    }
    expect(file.messages.at(-1)!.line).toBeGreaterThan(8000)
  })

  test('a VFile input is returned with its path and value intact', async () => {
    const input = new VFile({path: 'story.txt', value: story})
    const file = await check(input)
    expect(file.path).toBe('story.txt')
    expect(String(file.value)).toBe(story)
  })

  test('a Buffer-valued VFile is checked as UTF-8', async () => {
    const input = new VFile({path: 'story.txt', value: Buffer.from('The the end.')})
    const file = await check(input)
    const repeated = file.messages.filter((message) => message.ruleId === 'repeated-word')
    expect(repeated.map((message) => [message.line, message.column, message.actual])).toEqual([[1, 1, 'The the']])
  })
})

describe('broken markup', () => {
  test.each([
    ['unclosed tags', '<p>The the <em>blockade <b>eased</p><div><p>TK'],
    ['tag soup', '<<<>>><p>>the the</p></div></span><script>var x = "the the"</script><p>ok'],
    ['nested 800 deep', '<div>'.repeat(800) + 'The the end' + '</div>'.repeat(10)]
  ])('HTML, %s: checked, words in place', async (_name, html) => {
    const file = await check(html, {format: 'html'})
    const repeated = file.messages.filter((message) => message.ruleId === 'repeated-word')
    expect(repeated.length).toBe(1)
    const place = repeated[0].place as {start: {offset: number}; end: {offset: number}}
    expect(html.slice(place.start.offset, place.end.offset)).toMatch(/^the the$/i)
  })

  test('Markdown quoted 3,000 deep: checked', async () => {
    const file = await check('>'.repeat(3000) + ' The the end', {format: 'markdown'})
    expect(file.messages.filter((message) => message.ruleId === 'repeated-word').map((message) => message.column)).toEqual([3002])
  })

  test('HTML nested too deep to parse: a clear StoryError, not a stack overflow', async () => {
    await expect(check('<div>'.repeat(20_000) + 'The the end', {format: 'html'})).rejects.toThrowError(
      /^copydesk: the story’s markup is nested too deeply to read/
    )
    await expect(check('<div>'.repeat(20_000), {format: 'html'})).rejects.toBeInstanceOf(StoryError)
  })
})

describe('bad options', () => {
  test.each([
    [{dialect: 'en-AU'}, "copydesk: option `dialect` is \"en-AU\"; accepted: 'en-US', 'en-GB'"],
    [{checks: {speling: 'off'}}, 'copydesk: unknown check `speling` in option `checks`; accepted: '],
    [{checks: {spelling: 'loud'}}, "copydesk: option `checks.spelling` is \"loud\"; accepted: 'off', 'suggestion', 'warning', 'error', true, false"],
    [{colour: true}, 'copydesk: unknown option `colour`; accepted: '],
    [{dictionary: 'Bamako'}, 'copydesk: option `dictionary` must be a list of words (strings)']
  ])('%j', (options, message) => {
    expect(() => createChecker(options as never)).toThrowError(TypeError)
    expect(() => createChecker(options as never)).toThrowError(message)
  })

  test('a bad format is a TypeError from check()', async () => {
    await expect(check('Text.', {format: 'docx' as never})).rejects.toThrowError(
      "copydesk: option `format` is \"docx\"; accepted: 'text', 'markdown', 'html'"
    )
  })

  test('a non-string input is a TypeError', async () => {
    await expect(check(42 as never)).rejects.toThrowError('copydesk: input must be a string or a VFile, got number')
  })
})
