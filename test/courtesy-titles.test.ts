/**
 * rules/courtesy-titles.yml (kind `title`, class `courtesy`): AP uses no
 * courtesy titles (Mr., Mrs., Ms.) outside direct quotations; the name alone
 * is expected, which is the last name on second reference.
 */
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {docsUrl} from '../src/message.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'

const ruleId = 'courtesy-titles'
const only = onlyChecks()
const flagged = flaggedBy(ruleId, only)
const why = 'AP uses courtesy titles only in direct quotations'

describe('courtesy-titles', () => {
  test('a whole message', async () => {
    const file = await check('The order was signed by Mr. Pritzker on Friday.', only)
    expect(file.messages.filter((message) => message.ruleId === ruleId).map(fields)).toEqual([
      {
        reason: `Use \`Pritzker\`, not \`Mr. Pritzker\`: ${why}.`,
        ruleId,
        source: 'copydesk',
        place: {start: {line: 1, column: 25, offset: 24}, end: {line: 1, column: 37, offset: 36}},
        actual: 'Mr. Pritzker',
        expected: ['Pritzker'],
        // Its check's explanation, at the entry's row (which links the stylebook).
        url: docsUrl('courtesy-titles', 'mr'),
        note: undefined,
        fatal: undefined,
        data: {entry: 'mr'}
      }
    ])
  })

  test.each([
    ['Mr. Okafor told reporters the plant would reopen.', `1:1-1:11: Use \`Okafor\`, not \`Mr. Okafor\`: ${why}.`],
    ['The council backed Mr. Daniel Ruiz for the post.', `1:20-1:35: Use \`Daniel Ruiz\`, not \`Mr. Daniel Ruiz\`: ${why}.`],
    ['Messrs. Lopez and Chen left the board.', `1:1-1:23: Use \`Lopez and Chen\`, not \`Messrs. Lopez and Chen\`: ${why}.`],
    ["Mrs. Delgado's lawyer spoke.", `1:1-1:15: Use \`Delgado's\`, not \`Mrs. Delgado's\`: ${why}.`],
    ['Ms. Nakamura declined to comment.', `1:1-1:13: Use \`Nakamura\`, not \`Ms. Nakamura\`: ${why}.`],
    ['Mr. de Klerk met Mandela.', `1:1-1:13: Use \`de Klerk\`, not \`Mr. de Klerk\`: ${why}.`],
    ['Mr Blair said so.', `1:1-1:9: Use \`Blair\`, not \`Mr Blair\`: ${why}.`],
    ['The bill was signed by Mr. JB Pritzker.', `1:24-1:39: Use \`JB Pritzker\`, not \`Mr. JB Pritzker\`: ${why}.`],
    // A title and then a name: a courtesy title before a name after all.
    ['Mr. Vice President Mike Pence spoke first.', `1:1-1:30: Use \`Vice President Mike Pence\`, not \`Mr. Vice President Mike Pence\`: ${why}.`],
    // A title that is also a surname is not a form of address ("Mr. Major" is John Major).
    ['Mr. Major said the vote was close.', `1:1-1:10: Use \`Major\`, not \`Mr. Major\`: ${why}.`]
  ])('flags %j', async (text, line) => {
    expect(await flagged(text)).toEqual([line])
  })

  test.each([
    // Direct quotations keep them (AP).
    '"Mr. Okafor is innocent," his lawyer said.',
    '“Mrs. Delgado was always kind to us,” a neighbor said.',
    // Not courtesy titles.
    'The cricket team was led by MS Dhoni.',
    'Patients with MS may qualify for the trial.',
    'MR. SMITH GOES TO WASHINGTON',
    'Okafor told reporters the plant would reopen.',
    // A form of address, not a name.
    'He opened with Mr. President, then read the statement.',
    // Salutations: a courtesy title before a title and no name (the entry's `address`).
    'Mr. Speaker, Mr. Vice President, members of Congress, my fellow Americans.',
    'Thank you, Mr. Prime Minister, and thank you, Mrs. Chairwoman.',
    'The hearing opened with Mr. Chairman, then Ms. Secretary read the minutes.'
  ])('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })
})
