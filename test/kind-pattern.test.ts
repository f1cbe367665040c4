/**
 * Kind `pattern` (src/house-style/kinds/pattern.ts): what a rules file of
 * this kind may say, and the errors, with file, place and fix, when it is wrong.
 * The rules files of this kind have their own tests: dates, states, percent.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {loadStyle} from '../src/style.js'
import {onlyChecks} from './util/messages.js'

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
      /when\.yml:4:20: `\{month\} \{day\}`: unknown slot `\{month\}`; define it under `slots`, or use a built-in class: \{number\}, \{day\}, \{year\}, \{Name\}, \{plural\}, \{word\}\. Fix: /
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

describe('kind pattern: sentenceStart, number formats, class slots', () => {
  /** Check `text` with one extra rules file `when.yml` of kind pattern (ruleId `when`). */
  async function flag(lines: string[], text: string): Promise<string[]> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-pattern-'))
    fs.writeFileSync(path.join(folder, 'when.yml'), ['kind: pattern', 'message: Use `{expected}`, not `{actual}`.', 'entries:', ...lines].join('\n') + '\n')
    try {
      // Our numbers, money and times rules would claim these spans first (one finding per span).
      const file = await check(text, {rules: [folder], checks: {...onlyChecks().checks, numbers: 'off', money: 'off', times: 'off'}})
      return file.messages.filter((message) => message.ruleId === 'when').map(String)
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
    }
  }

  const words = ["  - {id: a, match: '{n} {word}', flag: n, expected: '{n.Words}', sentenceStart: true, slots: {n: ['3', '12', '21', '150']}}"]

  test('`sentenceStart: true`: only the first word of a sentence, after opening quotes or brackets', async () => {
    expect(await flag(words, '12 rangers set out. Then 3 more came. (21 boats sank.)')).toEqual([
      '1:1-1:3: Use `Twelve`, not `12`.',
      '1:40-1:42: Use `Twenty-one`, not `21`.'
    ])
    expect(await flag(words, '150 cows escaped.')).toEqual(['1:1-1:4: Use `One hundred fifty`, not `150`.'])
  })

  test('`sentenceStart: true`: not after an abbreviation the parser took for a sentence end', async () => {
    expect(await flag(words, 'She was seeded No. 3 again.')).toEqual([])
  })

  test('`sentenceStart: false`: never at a sentence start', async () => {
    const lines = ["  - {id: a, match: '{n} dogs', flag: n, expected: '{n.words}', sentenceStart: false, slots: {n: ['3']}}"]
    expect(await flag(lines, '3 dogs barked. We saw 3 dogs.')).toEqual(['1:23-1:24: Use `three`, not `3`.'])
  })

  test('`{slot.millions}`: round amounts only, up to two decimals', async () => {
    const lines = ["  - {id: a, match: '${number}', expected: '${number.millions}'}"]
    expect(await flag(lines, 'It cost $4,000,000, then $4,250,000, then $4,255,000, then $900,000, then $7,000,000,000.')).toEqual([
      '1:9-1:19: Use `$4 million`, not `$4,000,000`.',
      '1:26-1:36: Use `$4.25 million`, not `$4,250,000`.',
      '1:75-1:89: Use `$7 billion`, not `$7,000,000,000`.'
    ])
  })

  test('a slot that is a built-in class under another name: two figures in one pattern', async () => {
    const lines = ["  - {id: a, match: '{a} to {b}', expected: '{a}-{b}', after: [voted], slots: {a: '{number}', b: '{number}'}}"]
    expect(await flag(lines, 'The board voted 12 to 3 on Monday.')).toEqual(['1:17-1:24: Use `12-3`, not `12 to 3`.'])
  })

  test('two entries with one pattern text are both tried (each with its own context)', async () => {
    const lines = [
      "  - {id: a, match: '{a} to {b}', expected: '{a}-{b}', after: [voted], slots: {a: '{number}', b: '{number}'}}",
      "  - {id: b, match: '{a} to {b}', expected: '{a}-{b}', before: [vote], slots: {a: '{number}', b: '{number}'}}"
    ]
    expect(await flag(lines, 'It was a 12 to 3 vote.')).toEqual(['1:10-1:17: Use `12-3`, not `12 to 3`.'])
  })

  test('`{plural}`: a whole lowercase word shaped like a plural noun, for counts', async () => {
    const lines = ["  - {id: a, match: '{n}', before: ['{plural}'], expected: '{n.words}', slots: {n: ['3']}}"]
    const flagged = async (noun: string) => (await flag(lines, `They saw 3 ${noun} there.`)).length > 0
    for (const noun of ['cars', 'people', 'children', 'awards', 'lawsuits', 'buses', 'years']) expect(await flagged(noun), noun).toBe(true)
    for (const noun of ['was', 'this', 'across', 'status', 'politics', 'towards', 'always', 'news', 'Cars', 'car', 'car-parks']) expect(await flagged(noun), noun).toBe(false)
  })

  test('a class slot naming no class, and one no pattern uses', async () => {
    await expect(flag(["  - {id: a, match: '{a} to 5', expected: '{a}-5', slots: {a: '{figure}'}}"], 'x')).rejects.toThrow(
      /when\.yml:4:\d+: slot `a` is `\{figure\}`, which is not a built-in class\. Fix: use one of '\{number\}'/
    )
    await expect(flag(["  - {id: a, match: '5 to 6', expected: '5-6', slots: {a: '{number}'}}"], 'x')).rejects.toThrow(
      /slot `a` is defined but no pattern uses it/
    )
  })
})
