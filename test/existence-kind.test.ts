/**
 * Kind `existence` (the kind behind `leftovers`) where test/leftovers.test.ts
 * does not reach: where a phrase must stand (`position: line`, `line-start`),
 * exceptions at the very start of a paragraph, patterns (`*` one word, the
 * limit on `…`), overlapping phrases (longest first, never two messages on
 * one span), and a truncated placeholder. Found by mutation testing
 * (docs/mutation.md).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test, vi} from 'vitest'
import {check, createChecker, type Checker, type Options} from '../src/index.js'
import {flaggedBy, onlyChecks} from './util/messages.js'
import {clearStyleCache, loadStyle} from '../src/style.js'
import {RulesError} from '../src/house-style/load.js'

const only = onlyChecks()
const leftovers = flaggedBy('leftovers', only)

/**
 * A checker whose rules are compiled now, in the calling test. `check()`
 * keeps its checkers, and a newsroom's compiled style is kept in memory and on
 * disk (src/house-style/cache.ts): a test reading a style compiled earlier
 * cannot see a change to how `compile` reads phrases (tokens, case folding, a
 * phrase listed twice, an exception's check), and under mutation testing a
 * style one mutant stored on disk would be read back by the next
 * (docs/mutation.md).
 */
function compiledNow(options: Options): Checker {
  vi.stubEnv('COPYDESK_CACHE', 'off')
  clearStyleCache()
  try {
    return createChecker(options)
  } finally {
    vi.unstubAllEnvs()
  }
}

const tk = 'Remove `TK` before publishing: it marks copy still to come'
const debris = (actual: string) => `Remove \`${actual}\` before publishing: it is web-page debris, not copy`
const related = 'Remove `Related:` before publishing: it introduces a link from the web page, not copy'
const placeholder = (actual: string) => `Remove \`${actual}\` before publishing: it is a note to an editor, not copy`

describe('position: line (ad-slot: `Advertisement`)', () => {
  test.each([
    ['Advertisement', ['1:1-1:14']],
    ['Advertisement.', ['1:1-1:14']],
    // Closing marks and white space may follow it on its line.
    ['Advertisement:  \nThe minister left.', ['1:1-1:14']],
    ['The talks ended.\nAdvertisement\nThe minister left.', ['2:1-2:14']],
    ['  Advertisement', ['1:3-1:16']],
    ['Advertisement ', ['1:1-1:14']]
  ])('flags %j', async (text, places) => {
    expect(await leftovers(text)).toEqual(places.map((place) => `${place}: ${debris('Advertisement')}`))
  })

  // Each closing mark, and several in one node (`...`, `!!`), may end the line.
  test.each([
    ['The talks ended.\nRead more…\nThe minister left.', '2:1-2:10: Remove `Read more` before publishing: it is a link widget from the web page, not copy'],
    ['Read more...', '1:1-1:10: Remove `Read more` before publishing: it is a link widget from the web page, not copy'],
    ['Must read!', '1:1-1:10: Remove `Must read` before publishing: it is a link widget from the web page, not copy'],
    ['Advertisement!!', `1:1-1:14: ${debris('Advertisement')}`],
    ['Post a comment?', "1:1-1:15: Remove `Post a comment` before publishing: it is the site's comment form, not copy"],
    ['Most popular;', '1:1-1:13: Remove `Most popular` before publishing: it is a link widget from the web page, not copy'],
    ['Trending now,', '1:1-1:13: Remove `Trending now` before publishing: it is a link widget from the web page, not copy']
  ])('flags %j, the closing marks left out of the span', async (text, message) => {
    expect(await leftovers(text)).toEqual([message])
  })

  test.each([
    'Advertisement revenue fell.',
    'Advertisement. Revenue fell.',
    'Advertisement, he said, pays the bills.',
    'The talks ended. Advertisement',
    'Advertisement - the word the site prints above each ad.',
    'Revenue from Advertisement fell.'
  ])('leaves alone %j', async (text) => {
    expect(await leftovers(text)).toEqual([])
  })
})

describe('position: line-start (related-label: `Related:`)', () => {
  test.each([
    ['Related: Mali junta expels envoy', ['1:1-1:9']],
    ['   Related: Mali junta expels envoy', ['1:4-1:12']],
    ['Bamako\nRelated: Mali junta expels envoy', ['2:1-2:9']],
    ['The talks ended.\n  Related: Mali junta expels envoy', ['2:3-2:11']]
  ])('flags %j', async (text, places) => {
    expect(await leftovers(text)).toEqual(places.map((place) => `${place}: ${related}`))
  })

  test.each([
    'The talks ended. Related: Mali junta expels envoy',
    'The deaths were related: both men worked at the plant.',
    'Bamako — Related: junta',
    'Bamako Related: junta expels envoy'
  ])(
    'leaves alone %j',
    async (text) => {
      expect(await leftovers(text)).toEqual([])
    }
  )
})

// In HTML and Markdown the white space around a line break often comes in
// several nodes (` ` then the `<br>`'s line break, or a space in an inline
// element): `Advertisement <br>` is alone on its line all the same.
describe('position: line and line-start in HTML and Markdown', () => {
  test.each([
    ['html', '<p>Advertisement </p>', '1:4-1:17'],
    ['html', '<p>Advertisement <b> </b></p>', '1:4-1:17'],
    ['html', '<div>Advertisement <br>The minister left.</div>', '1:6-1:19'],
    ['html', '<p>Advertisement<br> The minister left.</p>', '1:4-1:17'],
    ['markdown', 'Advertisement \\\nThe minister left.', '1:1-1:14']
  ] as const)('%s: flags %j', async (format, text, place) => {
    expect(await leftovers(text, {format})).toEqual([`${place}: ${debris('Advertisement')}`])
  })

  test.each([
    ['html', '<p>The talks ended.<br> Related: Mali junta expels envoy</p>', '1:25-1:33'],
    ['html', '<p>The talks ended. <br>Related: Mali junta expels envoy</p>', '1:25-1:33'],
    ['html', '<p><b> </b> Related: Mali junta expels envoy</p>', '1:13-1:21'],
    ['markdown', 'The talks ended. \\\n Related: Mali junta expels envoy', '2:2-2:10']
  ] as const)('%s: flags a label at the start of a line: %j', async (format, text, place) => {
    expect(await leftovers(text, {format})).toEqual([`${place}: ${related}`])
  })

  test.each([
    ['html', '<p>Advertisement <b> </b>revenue fell.</p>'],
    ['html', '<p>The talks ended. <b> </b>Advertisement</p>'],
    ['html', '<p>The talks ended. <b> </b>Related: Mali junta expels envoy</p>']
  ] as const)('%s: leaves alone %j', async (format, text) => {
    expect(await leftovers(text, {format})).toEqual([])
  })
})

describe('exceptions', () => {
  test.each([
    'Super Bowl XXX was played in Arizona.',
    'TK Maxx opened a store in Leeds.',
    'XXX Corps crossed the Rhine.',
    'The talks ended.\n\nTK Maxx opened a store.',
    'He shopped at TK Maxx'
  ])('an exception anywhere in its paragraph, first word or last, leaves the match alone: %j', async (text) => {
    expect(await leftovers(text)).toEqual([])
  })

  test('an exception covers only its own match', async () => {
    expect(await leftovers('TK Maxx said TK people came.')).toEqual([`1:14-1:16: ${tk}`])
    expect(await leftovers('TK. Maxx said nothing.')).toEqual([`1:1-1:3: ${tk}`])
  })
})

describe('patterns', () => {
  test('`…` stands for up to 60 tokens, no more', async () => {
    const words = (count: number) => Array.from({length: count}, (_, index) => `w${index}`).join(' ')
    const sixty = `[INSERT ${words(60)}]`
    expect(await leftovers(`The mayor said ${sixty} on Tuesday.`)).toEqual([`1:16-1:${16 + sixty.length}: ${placeholder(sixty)}`])
    expect(await leftovers(`The mayor said [INSERT ${words(61)}] on Tuesday.`)).toEqual([])
  })

  test('`…` takes the shortest run that lets the pattern end', async () => {
    expect(await leftovers('He said [INSERT QUOTE] and [ADD FIGURE] today.')).toEqual([
      `1:9-1:23: ${placeholder('[INSERT QUOTE]')}`,
      `1:28-1:40: ${placeholder('[ADD FIGURE]')}`
    ])
  })

  // Issue 18 (found by mutation testing): a placeholder cut off before its `]` passed.
  test('a placeholder cut off before its closing bracket is matched to its paragraph’s end', async () => {
    expect(await leftovers('The mayor said [INSERT QUOTE')).toEqual([`1:16-1:29: ${placeholder('[INSERT QUOTE')}`])
    expect(await leftovers('The mayor said [INSERT QUOTE\n\nThe vote is on Friday.')).toEqual([`1:16-1:29: ${placeholder('[INSERT QUOTE')}`])
    expect(await leftovers('The mayor said [INSERT')).toEqual([`1:16-1:23: ${placeholder('[INSERT')}`])
    expect(await leftovers('The mayor said [insert quote here.  \n\n[ADD FIGURE] later.')).toEqual([
      `1:16-1:35: ${placeholder('[insert quote here.')}`,
      `3:1-3:13: ${placeholder('[ADD FIGURE]')}`
    ])
    expect(await leftovers('Police named [[Bamako')).toEqual([
      '1:14-1:22: Remove `[[Bamako` before publishing: it is template or wiki markup from the content system'
    ])
  })

  test('…but not when its bracket closes later in the paragraph, nor past what `…` may hold', async () => {
    const words = (count: number) => Array.from({length: count}, (_, index) => `w${index}`).join(' ')
    // Closed after 61 tokens: too long for `…`, and closed, so not cut off.
    expect(await leftovers(`The mayor said [INSERT ${words(61)}] on Tuesday.`)).toEqual([])
    expect(await leftovers(`The mayor said [INSERT ${words(61)}`)).toEqual([])
  })
})

describe('a newsroom rules file of kind existence', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-kind-'))
  fs.writeFileSync(
    path.join(folder, 'desk-notes.yml'),
    [
      'kind: existence',
      'message: "Remove `{actual}`: {note}"',
      'level: warning',
      'scope: all',
      'quotes: apply',
      'entries:',
      '  - id: source',
      '    patterns: ["[SOURCE *]"]',
      '    note: name the source in the copy',
      '  - id: alpha-beta',
      '    match: [alpha beta]',
      '    note: first',
      '  - id: beta-gamma',
      '    match: [beta gamma, beta gamma delta]',
      '    note: second',
      '  - id: figure',
      '    patterns: ["# *"]',
      '    position: line',
      '    note: a widget',
      ''
    ].join('\n')
  )
  const notes = flaggedBy('desk-notes', {...only, defaultRules: false, rules: [folder]})

  test('`*` is exactly one word', async () => {
    expect(await notes('He said [SOURCE Reuters] today.')).toEqual(['1:9-1:25: Remove `[SOURCE Reuters]`: name the source in the copy'])
    expect(await notes('He said [SOURCE Reuters AP] today.')).toEqual([])
    expect(await notes('He said [SOURCE] today.')).toEqual([])
    expect(await notes('He said [SOURCE ,] today.')).toEqual([])
  })

  test('overlapping phrases: the longest at each start, and nothing that starts inside a reported one', async () => {
    expect(await notes('alpha beta gamma')).toEqual(['1:1-1:11: Remove `alpha beta`: first'])
    expect(await notes('beta gamma delta')).toEqual(['1:1-1:17: Remove `beta gamma delta`: second'])
    expect(await notes('alpha beta gamma delta, then beta gamma, then alpha beta')).toEqual([
      '1:1-1:11: Remove `alpha beta`: first',
      '1:30-1:40: Remove `beta gamma`: second',
      '1:47-1:57: Remove `alpha beta`: first'
    ])
    // Not at the paragraph's start either: the shorter phrase is listed first, the longer is reported.
    expect(await notes('The memo read beta gamma delta.')).toEqual(['1:15-1:31: Remove `beta gamma delta`: second'])
  })

  test('a figure pattern whose second token is any word', async () => {
    expect(await notes('21 degrees')).toEqual(['1:1-1:11: Remove `21 degrees`: a widget'])
    expect(await notes('The talks ended.\n3.8 knots\nMunich')).toEqual(['2:1-2:10: Remove `3.8 knots`: a widget'])
    expect(await notes('It was 21 degrees in Bamako.')).toEqual([])
  })

  test('the level of the file is the level reported', async () => {
    const file = await check('He said [SOURCE Reuters] today.', {...only, defaultRules: false, rules: [folder]})
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([['desk-notes', false]])
  })
})

describe('several findings in one paragraph, in order', () => {
  test('each is reported once, where it is', async () => {
    expect(await leftovers('TK and XXX, then [ADD NAME], then TKTK.')).toEqual([
      `1:1-1:3: ${tk}`,
      '1:8-1:11: Remove `XXX` before publishing: it is a placeholder, not a fact',
      `1:18-1:28: ${placeholder('[ADD NAME]')}`,
      '1:35-1:39: Remove `TKTK` before publishing: it marks copy still to come'
    ])
  })

  test('dummy text: one message for the longest phrase, not one per phrase inside it', async () => {
    expect(await leftovers('Lorem ipsum dolor sit amet, then dolor sit amet.')).toEqual([
      '1:1-1:27: Remove `Lorem ipsum dolor sit amet` before publishing: it is dummy text',
      '1:34-1:48: Remove `dolor sit amet` before publishing: it is dummy text'
    ])
  })
})

describe('a rules file of kind existence that cannot work fails with a located error', () => {
  function error(entries: string[], message = 'Remove `{actual}`'): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-bad-'))
    const file = path.join(folder, 'bad.yml')
    fs.writeFileSync(file, ['kind: existence', `message: "${message}"`, 'level: warning', 'entries:', ...entries, ''].join('\n'))
    // Compiled now: a file one mutant let load would otherwise be stored on disk and read back by the next run.
    vi.stubEnv('COPYDESK_CACHE', 'off')
    try {
      loadStyle([file])
    } catch (caught) {
      expect(caught).toBeInstanceOf(RulesError)
      return (caught as Error).message.replace(file, 'bad.yml')
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
      clearStyleCache()
      vi.unstubAllEnvs()
    }
    throw new Error('loaded without an error')
  }

  test.each([
    [
      ['  - id: nothing', '    note: x'],
      'bad.yml:5:5: entry "nothing" has neither `match` nor `patterns`, so it flags nothing. Fix: add `match: [phrase, …]` (words as written) or `patterns: ["[INSERT …]"]`'
    ],
    [
      ['  - id: blank', '    match: [" "]'],
      'bad.yml:6:13: match " " in entry "blank" is empty. Fix: write the words to flag, or remove the item'
    ],
    [
      ['  - id: one', '    match: [TK]', '  - id: two', '    match: [TK]'],
      'bad.yml:8:13: "TK" is listed twice (entries "one" and "two"). Fix: keep it in one entry'
    ],
    [
      ['  - id: stray', '    match: [TK]', '    except: [TK Maxx, Super Bowl]'],
      'bad.yml:7:23: except "Super Bowl" in entry "stray" contains none of its matches, so it never applies. Fix: write the whole phrase that is fine, including the flagged words (`Super Bowl XXX` for `XXX`)'
    ],
    // A case-sensitive entry's exception holds the match as written: `tk maxx` never covers `TK`.
    [
      ['  - id: tk', '    match: [TK]', '    except: [tk maxx]'],
      'bad.yml:7:14: except "tk maxx" in entry "tk" contains none of its matches, so it never applies. Fix: write the whole phrase that is fine, including the flagged words (`Super Bowl XXX` for `XXX`)'
    ],
    // An insensitive entry's exception may hold it in any case, but must hold all of it, not one word.
    [
      ['  - id: dummy', '    match: [lorem ipsum]', '    case: insensitive', '    except: [Lorem Ipsum Society, the lorem generator]'],
      'bad.yml:8:35: except "the lorem generator" in entry "dummy" contains none of its matches, so it never applies. Fix: write the whole phrase that is fine, including the flagged words (`Super Bowl XXX` for `XXX`)'
    ],
    [
      ['  - id: open', '    patterns: ["… ]"]'],
      'bad.yml:6:16: pattern "… ]" in entry "open" starts with `…`, which would be tried at every word. Fix: start the pattern with a word, a mark or `#` (`[INSERT …]`, not `… ]`)'
    ],
    [
      ['  - id: star', '    patterns: ["* ]"]'],
      'bad.yml:6:16: pattern "* ]" in entry "star" starts with `*`, which would be tried at every word. Fix: start the pattern with a word, a mark or `#` (`[INSERT …]`, not `… ]`)'
    ],
    [
      ['  - id: endless', '    patterns: ["[INSERT …"]'],
      'bad.yml:6:16: pattern "[INSERT …" in entry "endless" ends with `…`, so it has no end. Fix: end the pattern with a word or mark (`[INSERT …]`)'
    ],
    [
      ['  - id: twice', '    patterns: ["[INSERT … … ]"]'],
      'bad.yml:6:16: pattern "[INSERT … … ]" in entry "twice" has `… …`. Fix: use one `…`'
    ],
    [
      ['  - id: dummy', '    match: [Lorem ipsum, lorem ipsum]', '    case: insensitive'],
      'bad.yml:6:26: "lorem ipsum" is listed twice (entries "dummy" and "dummy"). Fix: keep it in one entry'
    ],
    [
      ['  - id: slot', '    patterns: ["[INSERT …]", "[INSERT *]", "[INSERT * …]", "[INSERT …]"]'],
      'bad.yml:6:60: "[INSERT …]" is listed twice (entries "slot" and "slot"). Fix: keep it in one entry'
    ],
    [
      ['  - id: quiet', '    match: [TK]'],
      'bad.yml:5:5: entry "quiet" has no `note`, which the message uses as {note}. Fix: add `note:` to the entry, or take {note} out of the message',
      'Remove `{actual}`: {note}'
    ]
  ])('%j', (entries, expected, message?: string) => {
    expect(error(entries, message)).toBe(expected)
  })
})

describe('case, apostrophes and figures in a newsroom rules file', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-case-'))
  fs.writeFileSync(
    path.join(folder, 'desk-case.yml'),
    [
      'kind: existence',
      'message: "Cut `{actual}`: {note}"',
      'level: warning',
      'entries:',
      // The same phrase, once as written and once in any case, is not listed twice.
      '  - id: upper',
      '    match: [ZZ, zz]',
      '    note: as written',
      '  - id: any-case',
      '    match: [zz, editor’s note]',
      '    case: insensitive',
      '    except: [ZZ Top]',
      '    note: any case',
      '  - id: figure',
      '    patterns: ["# *"]',
      '    position: line',
      '    note: a widget',
      ''
    ].join('\n')
  )
  const options = {...only, defaultRules: false, rules: [folder]}
  const desk = flaggedBy('desk-case', options)

  test('a case-sensitive entry takes its phrase as written; an insensitive one in any case', async () => {
    expect(await desk('ZZ and zz and Zz.')).toEqual(['1:1-1:3: Cut `ZZ`: as written', '1:8-1:10: Cut `zz`: as written', '1:15-1:17: Cut `Zz`: any case'])
  })

  test('an exception applies in any case to an insensitive entry, and only to its own entry', async () => {
    expect(await desk('Zz Top played. Zz TOP too.')).toEqual([])
    // Only where it covers the match: `Zz Top` two words before does not.
    expect(await desk('Zz Top met Zz fans.')).toEqual(['1:12-1:14: Cut `Zz`: any case'])
    expect(await desk('ZZ Top played.')).toEqual(['1:1-1:3: Cut `ZZ`: as written'])
  })

  test('a curly apostrophe in the rules or the story matches a straight one', async () => {
    expect(await desk("Editor's note: x. EDITOR’S NOTE")).toEqual(["1:1-1:14: Cut `Editor's note`: any case", '1:19-1:32: Cut `EDITOR’S NOTE`: any case'])
  })

  test('a figure is digits, dots and commas, from its first character to its last', async () => {
    expect(await desk('3.8.1 units')).toEqual(['1:1-1:12: Cut `3.8.1 units`: a widget'])
    expect(await desk('A21 road')).toEqual([])
    expect(await desk('21st century')).toEqual([])
  })

  test('a note the message already holds is not given again', async () => {
    const file = await check('ZZ', options)
    expect(file.messages.map((message) => [String(message), message.note])).toEqual([['1:1-1:3: Cut `ZZ`: as written', undefined]])
  })
})

test('a possessive of an exception is the exception (`TK Maxx’s`), in either apostrophe', async () => {
  expect(await leftovers('TK Maxx’s shares rose. TK Maxx\'s shares fell.')).toEqual([])
  expect(await leftovers('TK’s shares rose.')).toEqual(['1:1-1:5: Remove `TK’s` before publishing: it marks copy still to come'])
})

test('an exception written with a possessive (`Billboard’s Top 10`) is taken as written', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-possessive-'))
  fs.writeFileSync(
    path.join(folder, 'desk-lists.yml'),
    [
      'kind: existence',
      'message: "Cut `{actual}`: a list widget from the web page"',
      'level: warning',
      'entries:',
      '  - id: top-ten',
      '    match: [Top 10]',
      '    except: ["Billboard’s Top 10"]',
      ''
    ].join('\n')
  )
  const desk = flaggedBy('desk-lists', {...only, defaultRules: false, rules: [folder]})
  expect(await desk("The song reached Billboard's Top 10 in May. Billboard’s Top 10 is out.")).toEqual([])
  expect(await desk('The song reached the Top 10 in May.')).toEqual(['1:22-1:28: Cut `Top 10`: a list widget from the web page'])
})

describe('a figure pattern whose second token is a word, in any case', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-figure-'))
  fs.writeFileSync(
    path.join(folder, 'desk-km.yml'),
    ['kind: existence', 'message: "Cut `{actual}`"', 'level: warning', 'entries:', '  - id: km', '    patterns: ["# Km"]', '    case: insensitive', ''].join('\n')
  )
  const desk = flaggedBy('desk-km', {...only, defaultRules: false, rules: [folder]})

  test('the word after the figure is matched in any case', async () => {
    expect(await desk('It ran 3 KM, then 4 km, then 5 Km.')).toEqual(['1:8-1:12: Cut `3 KM`', '1:19-1:23: Cut `4 km`', '1:30-1:34: Cut `5 Km`'])
    // Each alone in its story, so no other token lets the paragraph through.
    expect(await desk('It ran 3 KM.')).toEqual(['1:8-1:12: Cut `3 KM`'])
    expect(await desk('It ran 4 km.')).toEqual(['1:8-1:12: Cut `4 km`'])
    expect(await desk('It ran 3 miles.')).toEqual([])
  })
})

test('a figure that ends a sentence or a paragraph, with nothing after it', async () => {
  expect(await leftovers('The score was 21')).toEqual([])
  expect(await leftovers('The score was 21\n\n3.8 C')).toEqual(["3:1-3:6: Remove `3.8 C` before publishing: it is the site's weather widget, not copy"])
})

describe('a one-token figure pattern (`#`): a figure alone on its line', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-counter-'))
  fs.writeFileSync(
    path.join(folder, 'desk-counter.yml'),
    [
      'kind: existence',
      'message: "Cut `{actual}`: a comment counter from the web page"',
      'level: warning',
      'entries:',
      '  - id: counter',
      '    patterns: ["#"]',
      '    position: line',
      ''
    ].join('\n')
  )
  const desk = flaggedBy('desk-counter', {...only, defaultRules: false, rules: [folder]})

  test('flags the figure on a line of its own, and no figure in a sentence', async () => {
    expect(await desk('The talks ended.\n12\nThe minister left.')).toEqual(['2:1-2:3: Cut `12`: a comment counter from the web page'])
    expect(await desk('It was 12 degrees in Bamako, and 1,200 people came.')).toEqual([])
  })
})

describe('a newsroom file whose phrases hold `#`, `*` and `…`', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-marks-'))
  fs.writeFileSync(
    path.join(folder, 'desk-marks.yml'),
    [
      'kind: existence',
      'message: "Cut `{actual}`: {note}"',
      'level: warning',
      'entries:',
      // In `match` they are the marks as written: the end of a press release, a dinkus.
      '  - id: end-mark',
      '    match: ["# # #", "* * *", "Continue reading …"]',
      '    position: line',
      '    note: press-release furniture',
      // In `patterns`, `...` is `…`.
      '  - id: source',
      '    patterns: ["[SOURCE ...]"]',
      '    note: name the source',
      '  - id: choice',
      '    patterns: ["[CHECK … OR … ]"]',
      '    note: a choice left to the desk',
      '  - id: toll',
      '    patterns: ["[TOLL #]"]',
      '    note: a figure to confirm',
      // Written with and without a space: two phrases, not one listed twice.
      '  - id: tk',
      '    match: [TKTK, TK TK]',
      '    note: copy to come',
      ''
    ].join('\n')
  )
  const desk = flaggedBy('desk-marks', {...only, defaultRules: false, rules: [folder]})

  test('in `match`, `#`, `*` and `…` are the marks themselves', async () => {
    expect(await desk('The talks ended.\n# # #\n* * *\nContinue reading …')).toEqual([
      '2:1-2:6: Cut `# # #`: press-release furniture',
      '3:1-3:6: Cut `* * *`: press-release furniture',
      '4:1-4:19: Cut `Continue reading …`: press-release furniture'
    ])
    expect(await desk('The talks ended.\n1 2 3\nContinue reading here')).toEqual([])
  })

  test('in `patterns`, three dots are `…`, for up to 60 tokens (a file at level warning: the gate does not back it up)', async () => {
    expect(await desk('He said [SOURCE Reuters and AP] today.')).toEqual(['1:9-1:32: Cut `[SOURCE Reuters and AP]`: name the source'])
    const words = (count: number) => Array.from({length: count}, (_, index) => `w${index}`).join(' ')
    const sixty = `[SOURCE ${words(60)}]`
    expect(await desk(`He said ${sixty} today.`)).toEqual([`1:9-1:${9 + sixty.length}: Cut \`${sixty}\`: name the source`])
    expect(await desk(`He said [SOURCE ${words(61)}] today.`)).toEqual([])
  })

  test('`#` after the first token: a figure, nothing else', async () => {
    expect(await desk('The toll rose to [TOLL 21] on Monday.')).toEqual(['1:18-1:27: Cut `[TOLL 21]`: a figure to confirm'])
    expect(await desk('The toll rose to [TOLL TK] on Monday, [TOLL] or [TOLL 2 1].')).toEqual([])
  })

  // Each start of `[CHECK` works the pattern out again; what the rest matches from a token is kept for the paragraph.
  test('a pattern with two gaps, tried at several starts in one paragraph', async () => {
    expect(
      await desk('[CHECK the toll] was [CHECK 21 OR 22] on [CHECK Monday OR Tuesday OR Wednesday], [CHECK OR] or [CHECK x OR y OR] today.')
    ).toEqual([
      // `…` is any run, `]` included: from the first `[CHECK` to the first `OR … ]` after it.
      '1:1-1:38: Cut `[CHECK the toll] was [CHECK 21 OR 22]`: a choice left to the desk',
      '1:42-1:80: Cut `[CHECK Monday OR Tuesday OR Wednesday]`: a choice left to the desk',
      '1:82-1:113: Cut `[CHECK OR] or [CHECK x OR y OR]`: a choice left to the desk'
    ])
    expect(await desk('The toll was [CHECK 21 OR 22] on Monday.')).toEqual(['1:14-1:30: Cut `[CHECK 21 OR 22]`: a choice left to the desk'])
    expect(await desk('[CHECK 21 OR 22]')).toEqual(['1:1-1:17: Cut `[CHECK 21 OR 22]`: a choice left to the desk'])
    // A gap with no `OR` after it before the paragraph ends is no match (`…` stops at the paragraph's end).
    expect(await desk('[CHECK a OR b] then [CHECK c d.')).toEqual(['1:1-1:15: Cut `[CHECK a OR b]`: a choice left to the desk'])
  })

  test('a phrase with and without a space is two phrases', async () => {
    expect(await desk('The toll was TKTK, or TK TK.')).toEqual(['1:14-1:18: Cut `TKTK`: copy to come', '1:23-1:28: Cut `TK TK`: copy to come'])
  })
})

test('an entry left alone in a quotation does not hide a shorter phrase inside it', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-quotes-'))
  fs.writeFileSync(
    path.join(folder, 'desk-quotes.yml'),
    [
      'kind: existence',
      'message: "Cut `{actual}`: {note}"',
      'level: warning',
      'quotes: apply',
      'entries:',
      // A reader may quote the site's button; `TK` is residue even in a quote.
      '  - id: button',
      '    match: [Click here for TK]',
      '    quotes: skip',
      '    note: a button',
      '  - id: tk',
      '    match: [TK]',
      '    note: copy to come',
      ''
    ].join('\n')
  )
  const desk = flaggedBy('desk-quotes', {...only, defaultRules: false, rules: [folder]})
  expect(await desk('The site said "Click here for TK" on Tuesday.')).toEqual(['1:31-1:33: Cut `TK`: copy to come'])
  expect(await desk('The site said Click here for TK on Tuesday.')).toEqual(['1:15-1:32: Cut `Click here for TK`: a button'])
})

test('an exception with a hyphen (`XXX-rated`) holds its match, in a newsroom file loaded fresh', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-hyphen-'))
  fs.writeFileSync(
    path.join(folder, 'desk-xxx.yml'),
    ['kind: existence', 'message: "Cut `{actual}`: a placeholder"', 'level: warning', 'entries:', '  - id: xxx', '    match: [XXX]', '    except: [XXX-rated]', ''].join('\n')
  )
  const desk = flaggedBy('desk-xxx', {...only, defaultRules: false, rules: [folder]})
  expect(await desk('The XXX-rated film took XXX.')).toEqual(['1:25-1:28: Cut `XXX`: a placeholder'])
})

// How `compile` reads a newsroom's phrases, seen in what the checker then flags. Compiled in each test
// (compiledNow): a style kept from an earlier compile would hide a change to that code.
describe('a newsroom file compiled in the test: case, spacing, hyphens', () => {
  function desk(entries: string[]): Checker {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-now-'))
    fs.writeFileSync(path.join(folder, 'desk-now.yml'), ['kind: existence', 'message: "Cut `{actual}`"', 'level: warning', 'entries:', ...entries, ''].join('\n'))
    return compiledNow({...only, defaultRules: false, rules: [folder]})
  }
  const flagged = async (checker: Checker, text: string) => (await checker.check(text)).messages.filter((message) => message.ruleId === 'desk-now').map(String)

  test('an insensitive entry takes its exception in any case (`TBC Bank` for `tbc`)', async () => {
    const checker = desk(['  - id: tbc', '    match: [tbc]', '    case: insensitive', '    except: [TBC Bank]'])
    expect(await flagged(checker, 'Profits at TBC Bank rose by a figure still tbc. The date is TBC.')).toEqual(['1:44-1:47: Cut `tbc`', '1:61-1:64: Cut `TBC`'])
  })

  // Text pasted from a PDF keeps its ligatures: `ﬁ` is not `fi` to the matcher, so the newsroom lists both.
  test('two spellings an insensitive match tells apart are two phrases, not one listed twice (`ﬁ` and `fi`)', async () => {
    const checker = desk(['  - id: watermark', '    match: [for official use only, for ofﬁcial use only]', '    case: insensitive'])
    expect(await flagged(checker, 'FOR OFFICIAL USE ONLY\n\nThe ministry’s report was leaked.\n\nFor ofﬁcial use only')).toEqual([
      '1:1-1:22: Cut `FOR OFFICIAL USE ONLY`',
      '5:1-5:21: Cut `For ofﬁcial use only`'
    ])
  })

  test('a phrase with and without a space is two phrases (`TKTK`, `TK TK`)', async () => {
    const checker = desk(['  - id: tk', '    match: [TKTK, TK TK]'])
    expect(await flagged(checker, 'The toll was TKTK, or TK TK.')).toEqual(['1:14-1:18: Cut `TKTK`', '1:23-1:28: Cut `TK TK`'])
  })

  test('in a pattern, three dots are `…` (`[SOURCE ...]`)', async () => {
    const checker = desk(['  - id: source', '    patterns: ["[SOURCE ...]"]'])
    expect(await flagged(checker, 'He said [SOURCE Reuters and AP] today.')).toEqual(['1:9-1:32: Cut `[SOURCE Reuters and AP]`'])
  })

  // `non-sponsored` is one word to the tokenizer; the gate reads `non`, `-`, `sponsored`, so the exception holds the match.
  test('an exception whose hyphenated word holds the match’s first word (`non-sponsored content`)', async () => {
    const checker = desk(['  - id: sponsored', '    match: [sponsored content]', '    case: insensitive', '    except: [non-sponsored content]'])
    expect(await flagged(checker, 'The site labels its non-sponsored content.\n\nSponsored content')).toEqual(['3:1-3:18: Cut `Sponsored content`'])
  })
})
