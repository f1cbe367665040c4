/**
 * The JSON every face returns (src/result.ts) for messages that are not
 * the usual whole-span finding: a point, a line only, no place; a field the
 * message carries; a file's path. Found by mutation testing (docs/mutation.md).
 */
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {describe, expect, test} from 'vitest'
import {check, countMessages, toFileResult, toResultMessage} from '../src/index.js'

const empty = {actual: null, expected: null, url: null, note: null, source: null, ruleId: null}

describe('toResultMessage', () => {
  test('a message at a point: a start, no end', () => {
    const message = new VFileMessage('Control comment not understood', {place: {line: 3, column: 5, offset: 20}})
    expect(toResultMessage(message)).toEqual({
      ...empty,
      severity: 'suggestion',
      reason: 'Control comment not understood',
      line: 3,
      column: 5,
      endLine: null,
      endColumn: null,
      offset: 20,
      endOffset: null
    })
  })

  test('a message with only a line and column (no place): a start without an offset', () => {
    const message = new VFileMessage('x')
    message.line = 4
    message.column = 2
    expect(toResultMessage(message)).toMatchObject({line: 4, column: 2, endLine: null, endColumn: null, offset: null, endOffset: null})
    const lineOnly = new VFileMessage('x')
    lineOnly.line = 4
    lineOnly.column = undefined
    expect(toResultMessage(lineOnly)).toMatchObject({line: 4, column: 1, offset: null})
  })

  test('a message with no place at all', () => {
    expect(toResultMessage(new VFileMessage('x'))).toMatchObject({line: null, column: null, endLine: null, endColumn: null, offset: null, endOffset: null})
  })

  test('a field the message carries wins over the one given; anything else there is ignored', () => {
    const headline = Object.assign(new VFileMessage('x'), {data: {field: 'headline'}})
    expect(toResultMessage(headline, 'body').field).toBe('headline')
    const odd = Object.assign(new VFileMessage('x'), {data: {field: 'caption'}})
    expect(toResultMessage(odd, 'body').field).toBe('body')
    expect('field' in toResultMessage(odd)).toBe(false)
    const body = Object.assign(new VFileMessage('x'), {data: {field: 'body'}})
    expect(toResultMessage(body, 'headline').field).toBe('body')
  })

  test('fields a check sets are copied as they are; `expected` as a new list', () => {
    const message = new VFileMessage('Use `U.S.`', {ruleId: 'house-forms', source: 'copydesk', place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 3, offset: 2}}})
    message.actual = 'US'
    message.expected = ['U.S.']
    message.url = 'https://example.org/house-forms'
    message.note = 'AP style'
    message.fatal = true
    const result = toResultMessage(message)
    expect(result).toEqual({
      ruleId: 'house-forms',
      source: 'copydesk',
      severity: 'error',
      reason: 'Use `U.S.`',
      actual: 'US',
      expected: ['U.S.'],
      url: 'https://example.org/house-forms',
      note: 'AP style',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 3,
      offset: 0,
      endOffset: 2
    })
    expect(result.expected).not.toBe(message.expected)
  })
})

describe('toFileResult and countMessages', () => {
  test('a checked story as the CLI prints it: path, counts, messages', async () => {
    const file = await check(new VFile({value: 'Residents left the the town. Casualties: TK.', path: 'story.txt'}), {checks: {spelling: 'off'}})
    const result = toFileResult(file)
    expect(result.path).toBe('story.txt')
    expect(result.counts).toEqual({error: 1, warning: 1, suggestion: 0})
    expect(result.messages.map((message) => `${message.ruleId} ${message.severity}`)).toEqual(['repeated-word warning', 'leftovers error'])
    expect(toFileResult(file, {path: 'given.txt', field: 'body'}).path).toBe('given.txt')
    expect(toFileResult(file, {field: 'body'}).messages.every((message) => message.field === 'body')).toBe(true)
  })

  test('standard input has no path', async () => {
    expect(toFileResult(await check('The council met.')).path).toBe('<stdin>')
  })

  test('counts each severity', () => {
    expect(countMessages([{severity: 'error'}, {severity: 'suggestion'}, {severity: 'suggestion'}])).toEqual({error: 1, warning: 0, suggestion: 2})
    expect(countMessages([])).toEqual({error: 0, warning: 0, suggestion: 0})
  })
})
