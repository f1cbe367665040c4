/**
 * rules/states.yml (kind `pattern`): a state's name after a city, AP's
 * abbreviations for party affiliations. Flag and allow tables.
 */
import {describe, expect, test} from 'vitest'
import {flaggedBy, onlyChecks} from './util/messages.js'

const only = onlyChecks()

describe('states', () => {
  const flagged = flaggedBy('states', only)

  test.each([
    ['He was born in Springfield, Ill., in 1961.', '1:29-1:33: Use `Illinois`, not `Ill.`.'],
    // The abbreviation's period also ends the sentence: it stays.
    ['The company is based in Tampa, Fla.', '1:32-1:35: Use `Florida`, not `Fla`.'],
    ['The plant in Georgetown, Ky. The facility is new.', '1:26-1:28: Use `Kentucky`, not `Ky`.'],
    ['The governor spoke in Austin, TX, on Monday.', '1:31-1:33: Use `Texas`, not `TX`.'],
    ['The candidate campaigned in Austin, Tex.', '1:37-1:40: Use `Texas`, not `Tex`.'],
    ['A Lake Forest, Ill.-based maker cut jobs.', '1:16-1:20: Use `Illinois`, not `Ill.`.'],
    ['Sen. Tim Scott, R-South Carolina, voted no.', '1:19-1:33: Use `S.C.`, not `South Carolina`.'],
    ['Rep. Jane Doe, D-CA, spoke.', '1:18-1:20: Use `Calif.`, not `CA`.'],
    // Postal codes after a city in body text.
    ['The plant is in Reno, NV, near the lake.', '1:23-1:25: Use `Nevada`, not `NV`.'],
    ['She grew up in Sacramento, CA, and moved east.', '1:28-1:30: Use `California`, not `CA`.'],
    ['Police in Boise, ID, arrested two men.', '1:18-1:20: Use `Idaho`, not `ID`.'],
    // Codes that are also credentials count only after a place.
    ['The company moved to Baltimore, MD, last year.', '1:33-1:35: Use `Maryland`, not `MD`.']
  ])('flags %j', async (text, line) => {
    expect(await flagged(text)).toEqual([line])
  })

  test.each([
    'SPRINGFIELD, Ill. (AP) — The governor signed the bill.',
    'Springfield, Ill. (AP) — The governor signed the bill.',
    'He was born in Springfield, Illinois, in 1961.',
    'Sen. Jon Tester, D-Mont., voted no.',
    'Sen. Ted Cruz, R-Texas, objected.',
    'Miss. Smith was not there. The Ind. team won. Wash. your hands.',
    'Jane Doe, MD, treated the patients in Perth, WA.',
    'John Smith, PA, assisted in the surgery.',
    'Traffic on I-95 was heavy.'
  ])('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })
})
