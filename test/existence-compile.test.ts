/**
 * What `compile` of kind `existence` (src/house-style/kinds/existence.ts)
 * makes of a newsroom's rules file, seen on stories checked in the same test
 * that loads the file. A style is compiled once and cached, so a test that
 * checks a story against a file an earlier test loaded never runs `compile`:
 * these load a file of their own (a fresh folder each) and check with it at
 * once. Found by mutation testing (`npm run mutate -- existence-compile`,
 * docs/mutation.md): a file with no figure pattern still held one, and the
 * check crashed on the first figure in a story, went unnoticed.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, test} from 'vitest'
import {flaggedBy, onlyChecks} from './util/messages.js'

const only = onlyChecks()
const folders: string[] = []

/** A newsroom's rules folder holding one file `name.yml` of kind `existence` at level `warning`, new for each test. */
function newsroom(name: string, message: string, entries: string[]): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-compile-'))
  folders.push(folder)
  fs.writeFileSync(path.join(folder, `${name}.yml`), ['kind: existence', `message: "${message}"`, 'level: warning', 'entries:', ...entries, ''].join('\n'))
  return folder
}

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, {recursive: true, force: true})
})

describe('a newsroom file of phrases only, on copy full of figures', () => {
  test('the figures are copy: only its phrases are flagged', async () => {
    const folder = newsroom('desk-promo', 'Cut `{actual}`: {note}', ['  - id: promo', '    match: [Sponsored content, Subscribe now]', '    note: a promotion from the web page'])
    const desk = flaggedBy('desk-promo', {...only, defaultRules: false, rules: [folder]})
    expect(
      await desk('The Dow rose 21 points to 38,000 on Tuesday, and 3.8 million shares changed hands.\nSponsored content\nOil fell 2 percent.')
    ).toEqual(['2:1-2:18: Cut `Sponsored content`: a promotion from the web page'])
    expect(await desk('Turnout was 61.2 percent, up from 58 in 2019.')).toEqual([])
  })

  test('next to the shipped leftovers, which do hold figure patterns (the weather widget)', async () => {
    const folder = newsroom('desk-promo', 'Cut `{actual}`: {note}', ['  - id: promo', '    match: [Subscribe now]', '    note: a promotion from the web page'])
    const desk = flaggedBy('desk-promo', {...only, rules: [folder]})
    expect(await desk('It was 21 degrees in Bamako on Monday.\nSubscribe now')).toEqual(['2:1-2:14: Cut `Subscribe now`: a promotion from the web page'])
  })
})

describe('a newsroom file with a figure pattern, loaded and used at once', () => {
  test('the figure and its unit on a line of their own, and no figure in a sentence', async () => {
    const folder = newsroom('desk-widget', 'Cut `{actual}`: {note}', [
      '  - id: temperature',
      '    patterns: ["# C", "# F"]',
      '    position: line',
      '    note: the site’s weather widget',
      '  - id: promo',
      '    match: [Subscribe now]',
      '    note: a promotion from the web page'
    ])
    const desk = flaggedBy('desk-widget', {...only, defaultRules: false, rules: [folder]})
    expect(await desk('The talks ended on Monday.\n31 C\nSubscribe now\nIt was 31 C in Bamako.')).toEqual([
      '2:1-2:5: Cut `31 C`: the site’s weather widget',
      '3:1-3:14: Cut `Subscribe now`: a promotion from the web page'
    ])
  })
})

describe('what an entry needs, and what its exceptions are', () => {
  test('a message shared with other kinds may name `{expected}`: the kind gives it (empty: a leftover has no replacement), the entry need not', async () => {
    const folder = newsroom('desk-shared', 'Remove `{actual}`{expected}: {note}', ['  - id: hold', '    match: [HOLD FOR RELEASE]', '    note: the desk has not cleared it'])
    const desk = flaggedBy('desk-shared', {...only, defaultRules: false, rules: [folder]})
    expect(await desk('HOLD FOR RELEASE\nThe minister resigned on Monday.')).toEqual(['1:1-1:17: Remove `HOLD FOR RELEASE`: the desk has not cleared it'])
  })

  test('an exception is words and marks as written: `#` in `except` is the hash sign, not a figure', async () => {
    const folder = newsroom('desk-labels', 'Cut `{actual}`: {note}', [
      '  - id: sponsored',
      '    match: [Sponsored]',
      '    except: ["#Sponsored"]',
      '    note: a label from the web page'
    ])
    const desk = flaggedBy('desk-labels', {...only, defaultRules: false, rules: [folder]})
    expect(await desk('Influencers must tag paid posts #Sponsored, the regulator said.\nSponsored')).toEqual(['2:1-2:10: Cut `Sponsored`: a label from the web page'])
  })
})
