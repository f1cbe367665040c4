/**
 * rules/house-forms.yml (kind `substitution`): preferred AP forms, one
 * phrase and one drop-in replacement (`US` → `U.S.`, `per cent` →
 * `percent`, `al Qaeda` → `al-Qaida`), on word tokens, with case handling,
 * headline scope and quotations left alone.
 */
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {docsUrl} from '../src/message.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'

const ruleId = 'house-forms'
const only = onlyChecks()
const flagged = flaggedBy(ruleId, only)

describe('house-forms', () => {
  test('a whole message', async () => {
    const file = await check('US officials met in Bamako.', only)
    expect(file.messages.filter((message) => message.ruleId === ruleId).map(fields)).toEqual([
      {
        reason: 'Use `U.S.`, not `US`.',
        ruleId,
        source: 'copydesk',
        place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 3, offset: 2}},
        actual: 'US',
        expected: ['U.S.'],
        // Its check's explanation, at the entry's row (which links the stylebook).
        url: docsUrl('house-forms', 'us'),
        note: 'AP writes U.S. (noun or adjective) with periods in text, US in headlines.',
        fatal: false,
        data: {entry: 'us'}
      }
    ])
  })

  test.each([
    ['US officials said the talks would resume.', ['1:1-1:3: Use `U.S.`, not `US`.']],
    ['The US-led coalition withdrew.', ['1:5-1:7: Use `U.S.`, not `US`.']],
    // The sentence's period is the abbreviation's: a drop-in fix needs both.
    ['The convoy left the US.', ['1:21-1:24: Use `U.S.`, not `US.`.']],
    ['The UN Security Council met.', ['1:5-1:7: Use `U.N.`, not `UN`.']],
    ['Talks with the E.U. stalled.', ['1:16-1:20: Use `EU`, not `E.U.`.']],
    // That period also ends the sentence: the fix keeps it, never "the EU The officials".
    ['Talks with the E.U. The officials said nothing.', ['1:16-1:20: Use `EU.`, not `E.U.`.']],
    ['Talks with the E.U. Commission stalled.', ['1:16-1:20: Use `EU`, not `E.U.`.']],
    ['Exports rose in the UK. The pound fell.', ['1:21-1:24: Use `U.K.`, not `UK.`.']],
    // A title or a government body after it is no name.
    ['US President Joe Biden spoke by phone with the emir.', ['1:1-1:3: Use `U.S.`, not `US`.']],
    ['UK Prime Minister Keir Starmer met the king.', ['1:1-1:3: Use `U.K.`, not `UK`.']],
    ['The US Army Corps of Engineers rebuilt the levee.', ['1:5-1:7: Use `U.S.`, not `US`.']],
    ['A few per cent of voters stayed home.', ['1:7-1:15: Use `percent`, not `per cent`.']],
    ['The convoy moved towards Bamako.', ['1:18-1:25: Use `toward`, not `towards`.']],
    // Case follows the text: capital at the start of a sentence, capitals in capitals.
    ['Towards evening the firing stopped.', ['1:1-1:8: Use `Toward`, not `Towards`.']],
    ['MARCH TOWARDS BAMAKO', ['1:7-1:14: Use `TOWARD`, not `TOWARDS`.']],
    // A capital inside a sentence is the old style, not a name.
    ['It is on the ministry Web site.', ['1:23-1:31: Use `website`, not `Web site`.']],
    ['The al Qaeda-linked group has besieged the capital.', ['1:5-1:13: Use `al-Qaida`, not `al Qaeda`.']],
    ['Since September, Al-Qaida-affiliated fighters have blocked roads.', ['1:18-1:26: Use `al-Qaida`, not `Al-Qaida`.']],
    ['Access to the Internet was cut.', ['1:15-1:23: Use `internet`, not `Internet`.']],
    ['Talks were held in Kiev.', ['1:20-1:24: Use `Kyiv`, not `Kiev`.']],
    ["Kiev's mayor spoke.", ['1:1-1:5: Use `Kyiv`, not `Kiev`.']],
    ['Fighters of the Islamic State seized the town.', ['1:13-1:30: Use `the Islamic State group`, not `the Islamic State`.']],
    ['He e-mailed the embassy.', ['1:4-1:12: Use `emailed`, not `e-mailed`.']],
    ['The curfew begins at 12 noon.', ['1:22-1:29: Use `noon`, not `12 noon`.']],
    ['The talks moved to Washington D.C. on Monday.', ['1:20-1:35: Use `Washington`, `Washington, D.C.,`, not `Washington D.C.`.']],
    // The sentence's period is also D.C.'s: an alternative set off by commas ends with it.
    ['The talks moved to Washington D.C.', ['1:20-1:35: Use `Washington.`, `Washington, D.C.`, not `Washington D.C.`.']],
    ['She flew to Washington, DC, on Monday.', ['1:13-1:27: Use `Washington, D.C.`, `Washington`, not `Washington, DC`.']],
    ['Prices rose whilst wages fell.', ['1:13-1:19: Use `while`, not `whilst`.']]
  ])('flags %j', async (text, expected) => {
    expect(await flagged(text)).toEqual(expected)
  })

  test.each([
    'U.S. officials said the talks would resume.',
    'Let us go to the market.',
    'The loan came from US Bank.',
    // Inside a proper name the name's own form stays.
    'US Airways canceled 40 flights because of the storm.',
    'She reached the final of the US Open in 2019.',
    'UK Coal closed its last deep mine.',
    'The UK Independence Party won two seats.',
    'Shares in UK Coal fell. UK Coal said output dropped.',
    'The deal was worth US$455 million (A$602 million).',
    'The region is us-east-1.',
    'The UNHCR opened a camp.',
    'Sales rose 5 per cent.',
    'The menu offered chicken Kiev.',
    'He still uses Internet Explorer.',
    'He invented the World Wide Web.',
    'Al-Qaida claimed the attack.',
    'Fighters of the Islamic State group seized the town.',
    'Tsar Nicholas II abdicated in 1917.',
    'She read an e-book.',
    // AP does not alter quotations.
    '“Towards the end we had no fuel,” a driver said.',
    '"The US will not leave," he said.'
  ])('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  test('headlines: US, not U.S.; body text: U.S., not US', async () => {
    const file = await check('U.S. officials said the blockade eased.', {...only, headline: 'U.S. envoy visits Bamako'})
    const messages = file.messages.filter((message) => message.ruleId === ruleId)
    expect(messages.map(String)).toEqual(['1:1-1:5: Use `US`, not `U.S.`.'])
    expect((messages[0] as {data?: unknown}).data).toEqual({entry: 'us-headline', field: 'headline'})
    expect(await flagged('Body text.', {headline: 'US, Mali discuss security as blockade drags on'})).toEqual([])
  })

  test('`headline: true`: the first line is the headline', async () => {
    const file = await check('U.S. envoy visits Bamako\n\nUS officials said the blockade eased.', {...only, headline: true})
    expect(file.messages.filter((message) => message.ruleId === ruleId).map(String)).toEqual([
      '1:1-1:5: Use `US`, not `U.S.`.',
      '3:1-3:3: Use `U.S.`, not `US`.'
    ])
  })

  test('a rule can be switched off or made a suggestion', async () => {
    expect((await check('US officials met.', {...only, checks: {...only.checks, [ruleId]: 'off'}})).messages).toEqual([])
    const file = await check('US officials met.', {...only, checks: {...only.checks, [ruleId]: 'suggestion'}})
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([[ruleId, undefined]])
  })
})
