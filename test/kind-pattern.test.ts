/**
 * Kind `pattern` (src/house-style/kinds/pattern.ts): what a rules file of
 * this kind may say, and the errors, with file, place and fix, when it is wrong.
 * The rules files of this kind have their own tests: dates, states, percent.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {loadStyle} from '../src/style.js'

describe('kind pattern: data errors', () => {
  function load(lines: string[]): void {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-pattern-'))
    fs.writeFileSync(path.join(folder, 'when.yml'), ['kind: pattern', 'message: Use `{expected}`.', 'entries:', ...lines].join('\n') + '\n')
    try {
      loadStyle([folder])
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
    }
  }

  test('a slot that is neither listed nor built in', () => {
    expect(() => load(["  - {id: a, match: '{month} {day}', expected: '{month} {day}'}"])).toThrow(
      /when\.yml:4:20: `\{month\} \{day\}`: unknown slot `\{month\}`; define it under `slots`, or use a built-in class: \{number\}, \{day\}, \{year\}, \{Name\}, \{word\}\. Fix: /
    )
  })

  test('a template that uses a slot the pattern does not have', () => {
    expect(() => load(["  - {id: a, match: '{day}', expected: '{month} {day}'}"])).toThrow(
      /when\.yml:4:39: `expected` uses `\{month\}`, which `\{day\}` does not have\. Fix: use the slots of the pattern: \{day\}/
    )
  })

  test('`flag` naming no slot', () => {
    expect(() => load(["  - {id: a, match: '{day}', expected: '{day}', flag: month}"])).toThrow(
      /when\.yml:4:54: `flag: month` names no slot of `\{day\}` \(slots: day\)\. Fix: /
    )
  })
})
