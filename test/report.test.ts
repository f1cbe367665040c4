/**
 * The CLI's readable report (src/faces/report.ts): exact lines, and nothing from a
 * story, a rules file or a file name that a terminal would obey.
 */
import {describe, expect, test} from 'vitest'
import {formatReport, safeJson, visible} from '../src/faces/report.js'
import type {FileResult, ResultMessage} from '../src/result.js'

function message(fields: Partial<ResultMessage>): ResultMessage {
  return {
    ruleId: 'leftovers',
    source: 'copydesk',
    severity: 'error',
    reason: 'Remove `TK` before publishing: it marks copy still to come',
    actual: 'TK',
    expected: [],
    url: null,
    note: null,
    line: 1,
    column: 5,
    endLine: 1,
    endColumn: 7,
    offset: 4,
    endOffset: 6,
    ...fields
  }
}

function result(path: string, messages: ResultMessage[]): FileResult {
  return {path, counts: {error: messages.length, warning: 0, suggestion: 0}, messages}
}

describe('formatReport', () => {
  test('a story with findings, and the total', () => {
    expect(formatReport([result('story.txt', [message({})]), result('clean.txt', [])])).toBe(
      ['story.txt', '  1:5  error  TK  Remove `TK` before publishing: it marks copy still to come  leftovers', '', '1 error in 2 stories', ''].join('\n')
    )
  })

  test('no empty change column when no finding has a change', () => {
    const empty = message({ruleId: 'empty-story', reason: 'The story is empty', actual: null, expected: null, column: 1})
    expect(formatReport([result('<stdin>', [empty])])).toBe('<stdin>\n  1:1  error  The story is empty  empty-story\n\n1 error in 1 story\n')
  })

  test('control characters in a story, a message or a file name are shown, not obeyed', () => {
    const hostile = message({
      actual: '\u001B[2JTK',
      expected: ['\u009B31m'],
      reason: 'Remove \u001B]0;owned\u0007 now\u202E',
      ruleId: 'house\u001B[8m'
    })
    const report = formatReport([result('a\u001B[31m.txt', [hostile])], {color: true})
    // Only the report's own colours remain.
    expect(report.replace(/\u001B\[(?:4|24|2|22|31|39)m/g, '')).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202E]/)
    expect(formatReport([result('a\u001B[31m.txt', [hostile])])).toBe(
      [
        'a\\x1b[31m.txt',
        '  1:5  error  \\x1b[2JTK → \\x9b31m  Remove \\x1b]0;owned\\x07 now\\u202e  house\\x1b[8m',
        '',
        '1 error in 1 story',
        ''
      ].join('\n')
    )
  })

  test('visible leaves text, tabs and line breaks alone', () => {
    expect(visible('Café “TK”\tnext\nline — 東京')).toBe('Café “TK”\tnext\nline — 東京')
    expect(visible('\u0000\u007F\u0085\u2066')).toBe('\\x00\\x7f\\x85\\u2066')
  })

  test('safeJson escapes what JSON.stringify leaves raw, and parses back the same', () => {
    const value = {reason: 'a\u001B[31m\u009B\u202Eb', path: 'café'}
    const json = safeJson(value)
    expect(json).toBe('{\n  "reason": "a\\u001b[31m\\u009b\\u202eb",\n  "path": "café"\n}')
    expect(JSON.parse(json)).toEqual(value)
  })
})
