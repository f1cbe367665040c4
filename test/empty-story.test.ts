/**
 * `empty-story`: a story with no text in it (a failed export or fetch) is an
 * error, so no face can call it ready to publish.
 */
import {describe, expect, test} from 'vitest'
import {check, createChecker} from '../src/index.js'
import {toResultMessage} from '../src/result.js'
import {fields, onlyChecks} from './util/messages.js'
import type {Format} from '../src/types.js'
import {docsUrl} from '../src/message.js'

const ruleId = 'empty-story'
const only = onlyChecks('empty-story')
const reason = 'The story is empty: there is no text to check. Make sure the whole story was sent (a failed export or download sends nothing)'

async function flagged(text: string, format: Format = 'text'): Promise<string[]> {
  const file = await check(text, {...only, format})
  return file.messages.filter((message) => message.ruleId === ruleId).map(String)
}

describe('empty-story', () => {
  test('a whole message', async () => {
    const file = await check('  \n', only)
    expect(file.messages.map(fields)).toEqual([
      {
        reason,
        ruleId,
        source: 'copydesk',
        place: {start: {line: 1, column: 1, offset: 0}, end: {line: 2, column: 1, offset: 3}},
        actual: undefined,
        expected: undefined,
        url: docsUrl('empty-story'),
        note: undefined,
        fatal: true,
        cause: undefined,
        data: undefined
      }
    ])
    // As JSON (CLI, hook, server): error level.
    expect(toResultMessage(file.messages[0])).toMatchObject({ruleId, severity: 'error', line: 1, column: 1, endLine: 2, endColumn: 1, offset: 0, endOffset: 3})
  })

  test.each<[string, Format, string]>([
    ['', 'text', '1:1-1:1'],
    [' \n\t', 'text', '1:1-2:2'],
    ['\r\n\r\n', 'text', '1:1-3:1'],
    ['\uFEFF', 'text', '1:1-1:2'],
    ['\u0000', 'text', '1:1-1:2'],
    ['\u200B \u200B', 'text', '1:1-1:4'],
    ['', 'markdown', '1:1-1:1'],
    ['  \n\n', 'markdown', '1:1-3:1'],
    ['<!-- copy to come -->\n', 'markdown', '1:1-2:1'],
    ['', 'html', '1:1-1:1'],
    ['<p></p>', 'html', '1:1-1:8'],
    ['<html>', 'html', '1:1-1:7'],
    ['\u0000', 'html', '1:1-1:2'],
    ['<p> &nbsp; </p>\n<!-- TK -->', 'html', '1:1-2:12'],
    ['<script>track()</script><p>\n</p>', 'html', '1:1-2:5']
  ])('flags %j as %s', async (text, format, place) => {
    expect(await flagged(text, format)).toEqual([`${place}: ${reason}`])
  })

  test.each<[string, Format]>([
    ['—', 'text'],
    ['Casualties: TK.', 'text'],
    ['\n\n  The council met on Monday.\n', 'text'],
    ['# Storm closes port\n', 'markdown'],
    ['<p>Hi.</p>', 'html'],
    ['<h1>Storm closes port</h1><p></p>', 'html']
  ])('leaves %j (%s) alone', async (text, format) => {
    expect(await flagged(text, format)).toEqual([])
  })

  test('is switchable like any check', async () => {
    expect((await check('', {checks: {'empty-story': 'off'}})).messages.map(String)).toEqual([])
    const warning = await check('', {checks: {'empty-story': 'warning'}})
    expect(warning.messages.map((message) => [message.ruleId, message.fatal])).toEqual([[ruleId, false]])
  })

  test('a headline with no body is an empty story; a body with no headline is not', async () => {
    expect((await createChecker(only).check('', {headline: 'Storm closes port'})).messages.map(String)).toEqual([`1:1-1:1: ${reason}`])
    expect((await createChecker(only).check('The port closed.', {headline: ''})).messages.map(String)).toEqual([])
  })

  test('a long story with a blank stretch is not empty', async () => {
    const text = 'The port closed on Monday.\n\n' + ' '.repeat(300 * 1024) + '\n\nIt reopened on Tuesday.\n'
    expect(await flagged(text)).toEqual([])
  })
})
