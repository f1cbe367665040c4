/**
 * `leftovers` (rules/leftovers.yml, kind `existence`): edit residue and
 * web-page debris that must never be published.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {loadStyle} from '../src/style.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'
import {corpusHits, readShared, testCorpus} from './util/corpus.js'
import {docsUrl} from '../src/message.js'

const ruleId = 'leftovers'
const only = onlyChecks()
const flagged = flaggedBy(ruleId, only)

describe('leftovers', () => {
  test('a whole message', async () => {
    const file = await check('The minister said TK people had died.', only)
    const messages = file.messages.filter((message) => message.ruleId === ruleId)
    expect(messages.map(fields)).toEqual([
      {
        reason: 'Remove `TK` before publishing: it marks copy still to come',
        ruleId: 'leftovers',
        source: 'copydesk',
        place: {
          start: {line: 1, column: 19, offset: 18},
          end: {line: 1, column: 21, offset: 20}
        },
        actual: 'TK',
        expected: [],
        url: docsUrl('leftovers'),
        note: undefined,
        fatal: true,
        data: {entry: 'tk'}
      }
    ])
  })

  test('TK in a quote is still flagged, and says it is quoted', async () => {
    const file = await check('“We will TK,” he said.', only)
    const [message] = file.messages.filter((item) => item.ruleId === ruleId)
    expect([String(message), message.fatal, (message as {data?: unknown}).data]).toEqual([
      '1:10-1:12: Remove `TK` before publishing: it marks copy still to come',
      true,
      {entry: 'tk', quoted: true}
    ])
  })

  test.each([
    ['Officials put the damage at TKTK.', '1:29-1:33: Remove `TKTK` before publishing: it marks copy still to come'],
    ['The vote is expected on [TK].', '1:26-1:28: Remove `TK` before publishing: it marks copy still to come'],
    ['Sales rose XXX percent.', '1:12-1:15: Remove `XXX` before publishing: it is a placeholder, not a fact'],
    ['Lorem ipsum dolor sit amet.', '1:1-1:27: Remove `Lorem ipsum dolor sit amet` before publishing: it is dummy text'],
    ['The caption read lorem ipsum.', '1:18-1:29: Remove `lorem ipsum` before publishing: it is dummy text'],
    [
      'The mayor said [INSERT QUOTE HERE] on Tuesday.',
      '1:16-1:35: Remove `[INSERT QUOTE HERE]` before publishing: it is a note to an editor, not copy'
    ],
    ['Police named him as [name to come].', '1:21-1:35: Remove `[name to come]` before publishing: it is a note to an editor, not copy'],
    [
      'The blockade hit [[Bamako]] hardest.',
      '1:18-1:28: Remove `[[Bamako]]` before publishing: it is template or wiki markup from the content system'
    ],
    ['FIXME check the toll.', '1:1-1:6: Remove `FIXME` before publishing: it is a note to an editor, not copy'],
    ['TODO: add the reply.', '1:1-1:6: Remove `TODO:` before publishing: it is a note to an editor, not copy'],
    ['Sponsored Adspot_img', '1:1-1:21: Remove `Sponsored Adspot_img` before publishing: it is web-page debris, not copy'],
    ['The talks ended.\n\nAdvertisement\n\nThe minister left.', '3:1-3:14: Remove `Advertisement` before publishing: it is web-page debris, not copy'],
    ['LEAVE A REPLY', "1:1-1:14: Remove `LEAVE A REPLY` before publishing: it is the site's comment form, not copy"],
    ['Must read', '1:1-1:10: Remove `Must read` before publishing: it is a link widget from the web page, not copy'],
    ['  Read more.', '1:3-1:12: Remove `Read more` before publishing: it is a link widget from the web page, not copy'],
    ['Share this article', '1:1-1:19: Remove `Share this article` before publishing: it is a share button from the web page, not copy'],
    ['Click here to read the report.', '1:1-1:14: Remove `Click here to` before publishing: it is a link from the web page, not copy'],
    [
      'Related: Mali junta expels envoy',
      '1:1-1:9: Remove `Related:` before publishing: it introduces a link from the web page, not copy'
    ],
    ['21°C\nBamako', "1:1-1:5: Remove `21°C` before publishing: it is the site's weather widget, not copy"],
    // A paragraph full of other figures: only the widget's is one.
    [
      'Bamako, 12 March 2025, 14 dead\n3.8 C\nMunich',
      "2:1-2:6: Remove `3.8 C` before publishing: it is the site's weather widget, not copy"
    ],
    ['The vote was 52 to 48.\n21\u00a0°F', "2:1-2:6: Remove `21\u00a0°F` before publishing: it is the site's weather widget, not copy"]
  ])('flags %j', async (text, expected) => {
    expect(await flagged(text)).toEqual([expected])
  })

  test('a headline is checked too', async () => {
    const file = await check('The story.', {...only, headline: 'TK: Mali junta praised'})
    expect(file.messages.filter((message) => message.ruleId === ruleId).map(String)).toEqual([
      '1:1-1:3: Remove `TK` before publishing: it marks copy still to come'
    ])
  })

  test.each([
    'He won by TKO in the third round.',
    'She shopped at TK Maxx on Saturday.',
    'Dallas won Super Bowl XXX in 1996.',
    'Officials must read the report before they vote.',
    'Must read: the deal, he said, was a bad one.',
    'The most read story of the year was about the war.',
    'The bank did not leave a reply to the letter.',
    'Please enter your name here, the form said, and he did.',
    'The advertisement ran on Tuesday.',
    'Readers can share this article with friends.',
    'The deaths were related: both men worked at the plant.',
    '“The [police] told us nothing,” she said.',
    'He said the talks were […] difficult.',
    'Temperatures reached 40 C on Tuesday.',
    'The index rose 3.8 points.',
    'Todo va bien, said the coach.',
    'The scam emails urge people to click on a link.'
  ])('leaves alone %j', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  testCorpus('the seed story: every piece of scraped page furniture, nothing else', async () => {
    const text = readShared('corpus/seed/mali.txt')
    expect(await flagged(text)).toEqual([
      "1:1-1:6: Remove `3.8 C` before publishing: it is the site's weather widget, not copy",
      '7:1-7:10: Remove `Must read` before publishing: it is a link widget from the web page, not copy',
      '39:1-39:21: Remove `Sponsored Adspot_img` before publishing: it is web-page debris, not copy',
      '41:1-41:14: Remove `More articles` before publishing: it is a link widget from the web page, not copy',
      "43:1-43:14: Remove `LEAVE A REPLY` before publishing: it is the site's comment form, not copy",
      "45:1-45:27: Remove `Please enter your comment!` before publishing: it is the site's comment form, not copy",
      "46:1-46:28: Remove `Please enter your name here` before publishing: it is the site's comment form, not copy",
      '48:1-48:21: Remove `Sponsored Adspot_img` before publishing: it is web-page debris, not copy',
      '50:1-50:15: Remove `Latest article` before publishing: it is a link widget from the web page, not copy'
    ])
  })

  testCorpus('edited news copy: nothing flagged', async () => {
    const hits = await corpusHits(ruleId, only, (message, story) => `${story.name} ${String(message)}`)
    // Ceiling: zero. Real prose never holds these.
    expect(hits, `hits:\n${hits.join('\n')}`).toEqual([])
  }, 120_000)
})

describe('a broken existence rules file fails loudly', () => {
  test.each([
    [
      'an empty phrase',
      'entries:\n  - id: empty\n    match: ["TK", ""]\n    note: x\n',
      'leftovers.yml:9:19: match "" in entry "empty" is empty. Fix: write the words to flag, or remove the item'
    ],
    [
      'an entry that flags nothing',
      'entries:\n  - id: nothing\n    note: x\n',
      'leftovers.yml:8:5: entry "nothing" has neither `match` nor `patterns`, so it flags nothing. Fix: add `match: [phrase, …]` (words as written) or `patterns: ["[INSERT …]"]`'
    ],
    [
      'a pattern that starts with a wildcard',
      'entries:\n  - id: open\n    patterns: ["… ]"]\n    note: x\n',
      'leftovers.yml:9:16: pattern "… ]" in entry "open" starts with `…`, which would be tried at every word. Fix: start the pattern with a word, a mark or `#` (`[INSERT …]`, not `… ]`)'
    ],
    [
      'a pattern with no end',
      'entries:\n  - id: open\n    patterns: ["[INSERT …"]\n    note: x\n',
      'leftovers.yml:9:16: pattern "[INSERT …" in entry "open" ends with `…`, so it has no end. Fix: end the pattern with a word or mark (`[INSERT …]`)'
    ],
    [
      'an exception that never applies',
      'entries:\n  - id: tk\n    match: [TK]\n    except: [TKO]\n    note: x\n',
      'leftovers.yml:10:14: except "TKO" in entry "tk" contains none of its matches, so it never applies. Fix: write the whole phrase that is fine, including the flagged words (`Super Bowl XXX` for `XXX`)'
    ],
    [
      'a phrase in two entries',
      'entries:\n  - id: one\n    match: [TK]\n    note: x\n  - id: two\n    match: [XXX, TK]\n    note: x\n',
      'leftovers.yml:12:18: "TK" is listed twice (entries "one" and "two"). Fix: keep it in one entry'
    ],
    [
      'a message field an entry lacks',
      'entries:\n  - id: bare\n    match: [TK]\n',
      'leftovers.yml:8:5: entry "bare" has no `note`, which the message uses as {note}. Fix: add `note:` to the entry, or take {note} out of the message'
    ]
  ])('%s', (_name, entries, expected) => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-existence-'))
    const header = [
      'kind: existence',
      'message: "Remove `{actual}`: {note}"',
      'level: error',
      'scope: all',
      'quotes: apply',
      '# entries follow',
      ''
    ].join('\n')
    fs.writeFileSync(path.join(folder, 'leftovers.yml'), header + entries)
    expect(() => loadStyle([folder])).toThrow(path.join(folder, expected))
  })
})
