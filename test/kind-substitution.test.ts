/**
 * Kind `substitution` (src/house-style/kinds/substitution.ts): what a rules
 * file of this kind may say, and the errors, with file, place and fix, when
 * it is wrong. Its shipped file has its own test: house-forms.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {kind} from '../src/house-style/kinds/substitution.js'
import {loadStyle} from '../src/style.js'
import {kinds} from '../src/house-style/kinds/index.js'

describe('kind substitution: data errors', () => {
  // A rules folder of one file, loaded the way a newsroom's would be.
  function load(lines: string[]): void {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-forms-'))
    fs.writeFileSync(path.join(folder, 'forms.yml'), lines.join('\n') + '\n')
    try {
      loadStyle([folder])
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
    }
  }
  const header = ['kind: substitution', 'message: Use `{expected}`, not `{actual}`.', 'entries:']

  test('a replacement that another entry flags', () => {
    expect(() => load([...header, '  - {id: a, avoid: towards, use: toward}', '  - {id: b, avoid: toward, use: to}'])).toThrow(
      /forms\.yml:4:34: replacement `toward` is itself flagged by entry "b" \(.*forms\.yml:5:20\), which avoids `toward`\. Fix: change the replacement/
    )
  })

  test('an exception that contains no avoided phrase', () => {
    expect(() => load([...header, '  - {id: a, avoid: Kiev, use: Kyiv, exceptions: [chicken Kyiv]}'])).toThrow(
      /forms\.yml:4:50: exception `chicken Kyiv` does not contain any avoided phrase of entry "a" \(`Kiev`\)\. Fix: /
    )
  })

  test('the same phrase avoided twice', () => {
    expect(() => load([...header, '  - {id: a, avoid: towards, use: toward}', '  - {id: b, avoid: towards, use: toward}'])).toThrow(
      /forms\.yml:5:20: `towards` is already avoided by entry "a" \(.*forms\.yml:4:20\)\. Fix: keep one entry/
    )
  })

  test('a phrase with slots', () => {
    expect(() => load([...header, '  - {id: a, avoid: "{number} per cent", use: percent}'])).toThrow(
      /forms\.yml:4:20: `\{number\} per cent` has braces; substitutions are literal phrases\. Fix: /
    )
  })

  test('an entry with nothing to use', () => {
    expect(() => load([...header, '  - {id: a, avoid: towards}'])).toThrow(/forms\.yml:4:5: entry "a" has no `use`\. Fix: /)
  })

  test('the kind is registered under its name', () => {
    expect(kinds.get('substitution')).toBe(kind)
  })
})
