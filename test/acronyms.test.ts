/**
 * Kind `acronym` and rules/acronyms.yml: acronyms on first reference, in
 * story order (AP `abbreviations and acronyms`), no parenthetical acronyms,
 * and the `pronounced` table the a/an check reads.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {docsUrl} from '../src/message.js'
import {loadStyle} from '../src/style.js'
import type {AcronymData} from '../src/house-style/kinds/acronym.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'
import {corpusAvailable, corpusHits, readShared, testCorpus} from './util/corpus.js'

const ruleId = 'acronyms'
const only = onlyChecks()

const flagged = flaggedBy(ruleId, only)

const parenthetical = (key: string) =>
  `AP does not put an acronym in parentheses or dashes after a name; use the full name, then a generic word (the group, the agency), or introduce it in words (“known as ${key}”).`

describe('acronyms', () => {
  test('a whole message: used first, spelled out later', async () => {
    const file = await check('The EPA said the water was safe. The Environmental Protection Agency later agreed.', only)
    expect(file.messages.filter((message) => message.ruleId === ruleId).map(fields)).toEqual([
      {
        reason: '`EPA`: spell it out (Environmental Protection Agency) on first reference; AP uses EPA only after that.',
        ruleId,
        source: 'copydesk',
        place: {start: {line: 1, column: 5, offset: 4}, end: {line: 1, column: 8, offset: 7}},
        actual: 'EPA',
        expected: ['Environmental Protection Agency'],
        // Its check's explanation, at the entry's row (which links the stylebook).
        url: docsUrl('acronyms', 'epa'),
        fatal: false,
        cause: {
          reason: 'spelled out here',
          place: {start: {line: 1, column: 38, offset: 37}, end: {line: 1, column: 69, offset: 68}}
        },
        data: {entry: 'epa'}
      }
    ])
  })

  testCorpus('the seed story: JNIM first appears as "(JNIM)", inside a quoted post', async () => {
    const file = await check(readShared('corpus/seed/mali.txt'), only)
    const messages = file.messages.filter((message) => message.ruleId === ruleId)
    expect(messages.map(String)).toEqual([`11:96-11:102: \`(JNIM)\`: ${parenthetical('JNIM')}`])
    // AP does not alter quotations: a suggestion, marked quoted, never fixed.
    expect(messages.map((message) => [message.fatal, (message as {data?: unknown}).data])).toEqual([
      [undefined, {entry: 'parenthetical', quoted: true}]
    ])
  })

  test.each([
    ['Islamic extremist militants (JNIM) attacked a fuel convoy.', `1:29-1:35: \`(JNIM)\`: ${parenthetical('JNIM')}`],
    ['The Federal Emergency Management Agency (FEMA) sent trailers.', `1:41-1:47: \`(FEMA)\`: ${parenthetical('FEMA')}`],
    ['The Federal Emergency Management Agency — FEMA — sent trailers.', `1:41-1:49: \`— FEMA —\`: ${parenthetical('FEMA')}`],
    ['The GOP nominee campaigned in Texas.', '1:5-1:8: `GOP`: spell it out (Republican) on first reference; AP uses GOP only after that.'],
    ['WHO officials said cases rose.', '1:1-1:4: `WHO`: spell it out (World Health Organization) on first reference; AP uses WHO only after that.'],
    ["The EPA's report came out.", "1:5-1:10: `EPA's`: spell it out (Environmental Protection Agency) on first reference; AP uses EPA only after that."],
    [
      'The ODPM said so. The Office of the Deputy Prime Minister later denied it.',
      '1:5-1:9: `ODPM`: it is spelled out only later (Office of the Deputy Prime Minister); spell it out on first reference.'
    ]
  ])('flags %j', async (text, line) => {
    expect(await flagged(text)).toEqual([line])
  })

  test.each([
    'An FBI agent briefed a NATO ally and a U.N. official.',
    'The FBI and CIA declined to comment.',
    'The Environmental Protection Agency said the water was safe. The EPA later agreed.',
    'The Republican nominee campaigned in Texas; the GOP ticket won.',
    'Fighters from JNIM, an al-Qaida-linked group, attacked a fuel convoy.',
    'BAMAKO, Mali (AP) — The blockade went on.',
    'The meeting starts at 9 a.m. (EST).',
    // Company names and tickers are not acronyms to explain.
    'BHP shares rose. Shares of Acme Corp. (NYSE: ACM) fell 2%.',
    // Companies known by their initials (the `unexplained` entry's `except`), and one introduced by what it is.
    'CVS and UPS said they would hire 5,000 workers; IBM, KPMG, BP, 3M and AT&T agreed.',
    'The courier DPD said deliveries would slow, and the drugstore chain CVS agreed.',
    // Inside a name, or the start of one.
    'Japan Australia LNG Pty Ltd signed. Later, liquefied natural gas prices fell.',
    'ING Barings, the investment bank of Internationale Nederlanden Groep, agreed.',
    // Headlines and datelines in capitals, and Roman numerals.
    'WHO WILL PAY FOR THE EPA CLEANUP',
    'World War II ended. King Charles III spoke.'
  ])('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  test('`pronounced`: how each acronym is said, for the a/an check', () => {
    const [file] = loadStyle().files.filter((candidate) => candidate.kind === 'acronym')
    const {pronounced} = file.data as AcronymData
    expect(pronounced.get('NATO')).toBe('word')
    expect(pronounced.get('FBI')).toBe('letters')
    expect(pronounced.get('U.N.')).toBe('letters')
    expect(pronounced.get('UNESCO')).toBe('word')
    expect(pronounced.get('GOP')).toBe('letters')
  })
})

const unexplained = (key: string) =>
  `the story never says what ${key} stands for; spell out the name on first reference (AP uses an acronym readers may not know only after that), or use a generic word such as the agency or the group.`

/**
 * Single-error wire sentences of our own (not from any corpus): an acronym the
 * story never spells out. Listed acronyms come back with their full name
 * first; unlisted ones with a message asking for it (no suggestion).
 */
const neverSpelledOut: Array<[string, string, string]> = [
    ['The WFP said it would cut rations for 1.2 million refugees in Chad next month.', 'WFP', 'World Food Program'],
    ['Officials at the ECB signaled another rate cut in June.', 'ECB', 'European Central Bank'],
    ['FEMA trailers began arriving in the flooded county on Saturday.', 'FEMA', 'Federal Emergency Management Agency'],
    ['AFRICOM said the airstrike near Jilib killed four al-Shabab fighters.', 'AFRICOM', 'U.S. Africa Command'],
    ['UNHCR staff registered 3,000 new arrivals at the Adre crossing.', 'UNHCR', 'U.N. refugee agency'],
    ['The NTSB will send a team to the crash site in Alaska.', 'NTSB', 'National Transportation Safety Board'],
    ['The CDC reported 41 new measles cases in Texas this week.', 'CDC', 'Centers for Disease Control and Prevention'],
    ['IAEA inspectors were denied access to the Fordo site.', 'IAEA', 'International Atomic Energy Agency'],
    ['The TSA screened a record 3.1 million travelers on Sunday.', 'TSA', 'Transportation Security Administration'],
    ['ICE agents detained 12 people at a car wash in Pasadena.', 'ICE', 'Immigration and Customs Enforcement'],
    ['The IMF cut its growth forecast for sub-Saharan Africa.', 'IMF', 'International Monetary Fund'],
    ['The EPA proposed new limits on methane from oil wells.', 'EPA', 'Environmental Protection Agency'],
    ['The FDA approved the first pill for postpartum depression.', 'FDA', 'Food and Drug Administration'],
    ['ECOWAS leaders gave the junta a month to set an election date.', 'ECOWAS', 'Economic Community of West African States'],
    ['The GOP majority passed the bill 218-214.', 'GOP', 'Republican'],
    ['WHO officials warned that cholera was spreading in Sudan.', 'WHO', 'World Health Organization'],
    ['The DEA said the fentanyl was pressed into fake pills.', 'DEA', 'Drug Enforcement Administration'],
    ['The company\'s IPO raised $1.8 billion on Thursday.', 'IPO', 'initial public offering'],
    ['NOAA forecasters expect an above-normal hurricane season.', 'NOAA', 'National Oceanic and Atmospheric Administration'],
    ['The SEC charged the fund\'s founder with fraud.', 'SEC', 'Securities and Exchange Commission'],
    ['The FAA ordered inspections of 171 Boeing 737 Max 9 jets.', 'FAA', 'Federal Aviation Administration'],
    ['The OPCW said chlorine was used in the attack on Douma.', 'OPCW', 'Organization for the Prohibition of Chemical Weapons'],
    ['The CBO estimated the plan would cost $400 billion over a decade.', 'CBO', 'Congressional Budget Office'],
    ['The IOC stripped the team of its relay medals.', 'IOC', 'International Olympic Committee'],
    ['MINUSMA peacekeepers handed the camp to Malian troops on Sunday.', 'MINUSMA', ''],
    ['The SADC summit ended without agreement on sending troops.', 'SADC', ''],
    ['A spokesman for the KNPC said the refinery would restart next week.', 'KNPC', ''],
    ['The CNRP boycotted the vote, calling it a sham.', 'CNRP', ''],
    ['Aid groups said the RSF blocked convoys heading to El Fasher.', 'RSF', ''],
    ['The ANC lost its majority for the first time since 1994.', 'ANC', ''],
    ['Troops from the SNA retook the town after two days of fighting.', 'SNA', ''],
    ['The NLRB ordered the company to rehire the fired workers.', 'NLRB', ''],
    ['The PKK announced it would lay down its weapons.', 'PKK', ''],
    ['A UNRWA school in Gaza was hit overnight.', 'UNRWA', 'U.N. agency for Palestinian refugees'],
    ['The USDA said the bird flu outbreak had spread to a seventh state.', 'USDA', 'Agriculture Department'],
    ['The ASEAN summit opened in Kuala Lumpur on Sunday.', 'ASEAN', 'Association of Southeast Asian Nations'],
    ['Shares rose 4% on the NYSE after the earnings report.', 'NYSE', 'New York Stock Exchange'],
    ['The CENTCOM commander visited the carrier on Monday.', 'CENTCOM', 'U.S. Central Command'],
    ['The FDIC took over the failed lender late Friday.', 'FDIC', 'Federal Deposit Insurance Corp.'],
    ['The FTC sued to block the grocery merger.', 'FTC', 'Federal Trade Commission'],
]

/** Copy that introduces its acronyms properly, or uses ones AP accepts everywhere, or has no acronym at all. */
const introduced: string[] = [
    'The World Food Program said it would cut rations. The WFP blamed a funding shortfall.',
    'Jama\'at Nusrat al-Islam wal-Muslimin, an al-Qaida-linked group known as JNIM, has blockaded fuel convoys. JNIM fighters burned 40 tankers.',
    'The United Nations High Commissioner for Refugees opened a third camp. UNHCR said 400 families arrived in a day.',
    'U.S. Africa Command said the strike was near Jilib. AFRICOM gave no casualty figures.',
    'Prices of liquefied natural gas, or LNG, rose 12% in a week.',
    'The Federal Emergency Management Agency sent 200 trailers. FEMA said more were on the way.',
    'The FBI and the CIA declined to comment on the report.',
    'NATO allies agreed to raise defense spending to 5% of GDP.',
    'A U.N. envoy met the junta leader in Bamako on Tuesday.',
    'The U.S. and the EU imposed new sanctions on the militia.',
    'BAMAKO, Mali (AP) — Fuel trucks reached the capital for the first time in weeks.',
    'WASHINGTON (AP) — The Senate voted 51-49 to confirm the nominee.',
    'King Charles III and Queen Camilla visited the flood zone.',
    'The World War II veteran turned 100 on Sunday.',
    'The turbine produces 15 MW at full speed.',
    'Shares of Acme Corp. (NYSE: ACM) fell 2% in early trading.',
    'She was named MVP after scoring 31 points.',
    'He told CNN the ceasefire was holding.',
    'The plant\'s output rose to 450 megawatts.',
    'The AIDS clinic in Kampala lost its U.S. funding.',
    'The Securities and Exchange Commission fined the broker $2 million. The SEC said the firm misled clients.',
    'The CEO said the company would not cut jobs.',
    'LEAVE A REPLY',
    'The Czech news agency CTK said the talks had collapsed.',
    'The Economic Community of West African States, known as ECOWAS, suspended the country.',
    'The group, called SOS Sahel, trains farmers in Niger.',
    'Dutch bank ABN AMRO cut 1,000 jobs.',
    'The contract was worth $40 million, or about €37 million.',
    'Fighters from the Rapid Support Forces, or RSF, shelled the camp.',
]

describe('acronyms: never spelled out', () => {
  test('a whole message: an unlisted acronym the story never explains', async () => {
    const file = await check('MINUSMA peacekeepers handed the camp to Malian troops on Sunday.', only)
    expect(file.messages.filter((message) => message.ruleId === ruleId).map(fields)).toEqual([
      {
        reason: '`MINUSMA`: ' + unexplained('MINUSMA'),
        ruleId,
        source: 'copydesk',
        place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 8, offset: 7}},
        actual: 'MINUSMA',
        expected: [],
        // Its check's explanation, at the entry's row (which links the stylebook).
        url: docsUrl('acronyms', 'unexplained'),
        note: 'AP does not use an acronym readers would not quickly recognize. Spell out the name first, or use a generic second reference (the agency, the group).',
        fatal: false,
        data: {entry: 'unexplained'}
      }
    ])
  })

  test('recall on our wire sentences: every one caught, with the right first suggestion', async () => {
    const missed: string[] = []
    for (const [text, actual, expected] of neverSpelledOut) {
      const file = await check(text, only)
      const found = file.messages.find((message) => message.ruleId === ruleId && message.actual?.startsWith(actual))
      if (!found || (found.expected?.[0] ?? '') !== expected) missed.push(`${text} → ${JSON.stringify(found?.expected)}`)
    }
    expect(missed).toEqual([])
    expect(neverSpelledOut.length).toBeGreaterThanOrEqual(40)
  })

  test.each(introduced)('leaves %j alone', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  test.each([
    // Spelled out only later: still the first use that counts (the `spelled-out-later` check).
    [
      "JNIM said it held 20 soldiers. Jama'at Nusrat al-Islam wal-Muslimin is linked to al-Qaida.",
      ["1:1-1:5: `JNIM`: it is spelled out only later (Jama'at Nusrat al-Islam wal-Muslimin); spell it out on first reference."]
    ],
    // Only the first use, once.
    ['The NTSB sent investigators. The NTSB said the pilot survived.', [`1:5-1:9: \`NTSB\`: spell it out (National Transportation Safety Board) on first reference; AP uses NTSB only after that.`]],
    ['Aid flights stopped. The SADC said so. SADC leaders met.', [`1:26-1:30: \`SADC\`: ${unexplained('SADC')}`]],
    // After a dateline, the first word of the story is no name.
    ['WASHINGTON (AP) — The CNRP said it would boycott the vote.', [`1:23-1:27: \`CNRP\`: ${unexplained('CNRP')}`]],
    // A title after it does not make it a company's name.
    ['SNA Commander Odowaa Yusuf said the town was retaken.', [`1:1-1:4: \`SNA\`: ${unexplained('SNA')}`]],
    // A lowercase expansion takes a capital at the start of a sentence.
    ['IPO plans were shelved.', ['1:1-1:4: `IPO`: spell it out (initial public offering) on first reference; AP uses IPO only after that.']],
    ["The ECB's decision surprised markets.", ["1:5-1:10: `ECB's`: spell it out (European Central Bank) on first reference; AP uses ECB only after that."]]
  ])('flags %j', async (text, lines) => {
    expect(await flagged(text)).toEqual(lines)
  })

  test('expected text keeps the name\'s own capitals; a sentence start capitalizes a lowercase one', async () => {
    const expectedOf = async (text: string) =>
      (await check(text, only)).messages.filter((message) => message.ruleId === ruleId).map((message) => message.expected?.[0])
    expect(await expectedOf('The ECB cut rates.')).toEqual(['European Central Bank'])
    expect(await expectedOf('The IPO raised $2 billion.')).toEqual(['initial public offering'])
    expect(await expectedOf('IPOs slowed this year.')).toEqual(['Initial public offerings'])
  })

  test('spelled-out names are recognised by their initials anywhere in the story', async () => {
    // Particles and small words (al-, wal-, for, and), letters from hyphenated parts, and more than one letter of a word.
    for (const text of [
      'Jama\'at Nusrat al-Islam wal-Muslimin claimed the attack. JNIM said it held 20 soldiers.',
      'The U.N. High Commissioner for Refugees sent tents. UNHCR said more were coming.',
      'U.S. Africa Command confirmed the strike. AFRICOM gave no names.',
      'The Organisation for Economic Co-operation and Development cut its forecast; the OECD said so.',
      'The Economic Community of West African States met in Abuja. ECOWAS leaders agreed.',
      'The Southern African Development Community met; SADC leaders agreed.',
      'Fighters of the Rapid Support Forces, known as the RSF, shelled the camp.',
      'The militants, known by their acronym KDLM, fled.',
      'The Department of Justice opened an inquiry. The DOJ said so.'
    ]) {
      expect(await flagged(text), text).toEqual([])
    }
  })

  test('a quoted acronym is a suggestion, and an unlisted one in quotes is left alone', async () => {
    const file = await check('"The WFP is doing what it can," the governor said. "SADC must act," she said.', only)
    const messages = file.messages.filter((message) => message.ruleId === ruleId)
    expect(messages.map((message) => [message.actual, message.fatal, (message as {data?: unknown}).data])).toEqual([
      ['WFP', undefined, {entry: 'wfp', quoted: true}]
    ])
  })
})

describe('kind acronym: data errors', () => {
  function load(lines: string[]): void {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-acronyms-'))
    fs.writeFileSync(path.join(folder, 'abbr.yml'), ['kind: acronym', "message: '`{actual}`: {why}.'", 'entries:', ...lines].join('\n') + '\n')
    try {
      loadStyle([folder])
    } finally {
      fs.rmSync(folder, {recursive: true, force: true})
    }
  }

  test('an acronym both allowed on first reference and second-only', () => {
    expect(() =>
      load([
        '  - {id: gop, acronym: GOP, first: second, pronounced: letters, expansion: Republican Party}',
        '  - {id: gop-ok, acronym: GOP, first: allowed, pronounced: letters}'
      ])
    ).toThrow(
      /abbr\.yml:5:27: acronym `GOP` is both allowed on first reference and second-reference only \(entry "gop" at .*abbr\.yml:4:24 says `first: second`\)\. Fix: decide which it is/
    )
  })

  test('an acronym listed twice', () => {
    expect(() =>
      load(['  - {id: fbi, acronym: FBI, pronounced: letters}', '  - {id: fbi-again, acronym: FBI, pronounced: letters}'])
    ).toThrow(/abbr\.yml:5:30: acronym `FBI` is listed twice \(also entry "fbi" at .*abbr\.yml:4:24\)\. Fix: keep one entry per acronym/)
  })

  test('an acronym without `pronounced`', () => {
    expect(() => load(['  - {id: fbi, acronym: FBI}'])).toThrow(/abbr\.yml:4:5: acronym `FBI` has no `pronounced`\. Fix: add `pronounced: letters`/)
  })

  test('an entry that is neither an acronym nor a check', () => {
    expect(() => load(['  - {id: nothing, note: empty}'])).toThrow(/abbr\.yml:4:5: entry "nothing" has neither `acronym` nor `check`\. Fix: /)
  })
})


/**
 * Every acronym message on ../shared/corpus/news (Reuters 1996–97, BBC
 * 2004–05: not AP copy), each read by hand in its story and judged against
 * the AP Stylebook. `npm run build && node scripts/precision.js` prints them
 * too. Of 70: 50 parenthetical acronyms (`the National Science Foundation
 * (NSF)`: AP does not use that crutch, BBC and Reuters do), 6 used before
 * they are spelled out, 2 listed second-reference acronyms never spelled out
 * (NYSE, IAAF) and 12 unlisted ones never explained.
 *
 * No longer flagged (Nov 2026), all judged false before: names known by their
 * initials, told by what they name — goods (`which makes CEMOI brands`, `new
 * EMC machines`, `The RCA tapes`) and a market (`gold prices on COMEX`) — and
 * a word put into a quote after an article, which is no acronym after a name
 * (`in the (MGAM) division`, `throughout the (PC) sector`; unexplained
 * acronyms in quotes are skipped, and AP accepts PC).
 */
const corpusVerdicts: Array<[string, 'real' | 'false', string]> = [
  ['reuters/0003.txt:17:51 parenthetical (NSF)', 'real', 'after National Science Foundation'],
  ['reuters/0005.txt:13:168 parenthetical (SCP)', 'real', 'after the Securities Registry'],
  ['reuters/0006.txt:13:158 parenthetical (SCP)', 'real', 'after the Securities Registry'],
  ['reuters/0009.txt:21:343 parenthetical (EBRD)', 'real', 'after its full name'],
  ['reuters/0009.txt:27:145 unexplained IRA', 'real', 'attacks by IRA guerillas: never spelled out'],
  ['reuters/0014.txt:1:54 parenthetical (CBA)', 'real', 'after Commonwealth Bank of Australia'],
  ['reuters/0015.txt:1:78 parenthetical (CBA)', 'real', 'after Commonwealth Bank of Australia'],
  ['reuters/0020.txt:23:52 parenthetical (WHA)', 'real', 'after Western Hockey League (and a slip for WHL)'],
  ['reuters/0028.txt:25:109 unexplained VSLI', 'real', 'a slip for VLSI, and never spelled out'],
  ['reuters/0029.txt:19:110 unexplained VSLI', 'real', 'the same story, refiled'],
  ['reuters/0029.txt:21:100 parenthetical (ASICs)', 'real', 'after Application Specific Integrated Circuits'],
  ['reuters/0031.txt:17:173 parenthetical (CCPC)', 'real', 'after its full name'],
  ['reuters/0033.txt:1:113 parenthetical (LDP)', 'real', 'after Liberal Democratic Party'],
  ['reuters/0042.txt:3:50 parenthetical (CNB)', 'real', 'after Czech National Bank'],
  ['reuters/0044.txt:3:84 parenthetical (CCTV)', 'real', 'after China Central Television'],
  ['reuters/0045.txt:3:40 parenthetical (SCIS)', 'real', 'after its full name'],
  ['reuters/0046.txt:7:200 spelled-out-later CAD', 'real', 'CAD in a quote, spelled out only later: a suggestion'],
  ['reuters/0061.txt:11:160 parenthetical (FARC)', 'real', 'after Revolutionary Armed Forces (of Colombia)'],
  ['reuters/0062.txt:3:98 parenthetical (FARC)', 'real', 'after Revolutionary Armed Forces (of Colombia)'],
  ['reuters/0063.txt:5:59 parenthetical (FARC)', 'real', 'after Revolutionary Armed Forces (of Colombia)'],
  ['reuters/0065.txt:1:41 parenthetical (ITV)', 'real', 'after British commercial television'],
  ['reuters/0070.txt:3:54 parenthetical (PBL)', 'real', 'after Publishing and Broadcasting Ltd'],
  ['reuters/0070.txt:3:171 parenthetical (SHC)', 'real', 'after Sydney Harbour Casino Holdings Ltd'],
  ['reuters/0070.txt:15:167 parenthetical (NSW)', 'real', 'after New South Wales'],
  ['reuters/0071.txt:3:46 parenthetical (SHC)', 'real', 'after Sydney Harbour Casino Holdings Ltd'],
  ['reuters/0071.txt:3:127 parenthetical (PBL)', 'real', 'after Publishing and Broadcasting Ltd'],
  ['reuters/0071.txt:13:136 parenthetical (NSW)', 'real', 'after New South Wales'],
  ['reuters/0072.txt:7:201 parenthetical (IPC)', 'real', 'after Indicative Planning Council'],
  ['reuters/0072.txt:9:105 parenthetical (MBA)', 'real', 'after Master Builders Association'],
  ['reuters/0072.txt:31:89 parenthetical (HIA)', 'real', 'after Housing Industry Association'],
  ['reuters/0089.txt:33:12 unexplained RPR', 'real', 'the ruling RPR party: a French party never named'],
  ['reuters/0090.txt:23:88 parenthetical (NATO)', 'real', 'after North Atlantic Treaty Organisation: the crutch, though NATO needs none'],
  ['reuters/0097.txt:45:132 parenthetical (CFD)', 'real', 'after Caisse Francaise de Developpement'],
  ['reuters/0103.txt:7:163 parenthetical (WTO)', 'real', 'after World Trade Organisation'],
  ['reuters/0103.txt:11:188 parenthetical (IMF)', 'real', "after International Monetary Fund's"],
  ['reuters/0104.txt:3:70 parenthetical (GMS)', 'real', 'after Greater Mekong Sub-region'],
  ['reuters/0104.txt:3:216 parenthetical (ADB)', 'real', 'after Asian Development Bank'],
  ['reuters/0104.txt:31:227 parenthetical (ASEAN)', 'real', 'after its full name'],
  ['reuters/0115.txt:35:70 parenthetical (LCR)', 'real', 'after London & Continental Railways'],
  ['reuters/0116.txt:25:56 parenthetical (DASA)', 'real', 'after Daimler-Benz Aerospace'],
  ['reuters/0119.txt:13:228 nyse NYSE', 'real', 'New York Stock Exchange on second reference only'],
  ['reuters/0121.txt:5:111 parenthetical (DARS)', 'real', 'after Digital Audio Radio Service'],
  ['reuters/0135.txt:3:55 parenthetical (OPRA)', 'real', 'after its full name'],
  ['reuters/0138.txt:7:98 parenthetical (SAR)', 'real', 'after Special Administrative Region'],
  ['reuters/0144.txt:25:79 parenthetical (CCSB)', 'real', 'after Coca-Cola & Schweppes Beverages'],
  ['bbc/0002.txt:15:891 parenthetical (SAIC)', 'real', 'after Shanghai Automotive Industry Corporation'],
  ['bbc/0003.txt:9:201 unexplained STMC', 'real', 'a slip for STMA; never spelled out'],
  ['bbc/0005.txt:1:21 spelled-out-later LSE', 'real', 'LSE in the headline, spelled out only after it'],
  ['bbc/0005.txt:3:71 parenthetical (LSE)', 'real', 'after London Stock Exchange'],
  ['bbc/0006.txt:7:477 parenthetical (ODPM)', 'real', 'after Office of the Deputy Prime Minister'],
  ['bbc/0009.txt:3:32 parenthetical (ICBC)', 'real', 'after Industrial and Commercial Bank'],
  ['bbc/0013.txt:5:57 parenthetical (FCC)', 'real', 'after Federal Communications Commission'],
  ['bbc/0017.txt:5:46 parenthetical (RAD)', 'real', 'after Royal Academy of Dance'],
  ['bbc/0025.txt:5:167 parenthetical (PA)', 'real', 'after Palestinian Authority'],
  ['bbc/0029.txt:15:132 unexplained RSPCA', 'real', 'a charity never named in full'],
  ['bbc/0033.txt:1:5 spelled-out-later UKIP', 'real', 'UKIP in the headline, spelled out only after it'],
  ['bbc/0034.txt:1:25 unexplained TUC', 'real', 'Trades Union Congress never named'],
  ['bbc/0037.txt:5:786 unexplained EPO', 'real', 'erythropoietin never named'],
  ['bbc/0041.txt:5:49 iaaf IAAF', 'real', 'athletics federation never named'],
  ['bbc/0042.txt:5:175 parenthetical (HKRFU)', 'real', 'after Hong Kong Rugby Football Union'],
  ['bbc/0042.txt:5:313 parenthetical (JRFU)', 'real', 'after Japanese Rugby Football Union'],
  ['bbc/0047.txt:1:1 spelled-out-later SFA', 'real', 'SFA in the headline, spelled out only after it'],
  ['bbc/0050.txt:7:117 unexplained RSS', 'real', 'a technology never explained'],
  ['bbc/0053.txt:3:111 parenthetical (RPG)', 'real', 'after role-playing game'],
  ['bbc/0053.txt:5:482 parenthetical (MMORPGs)', 'real', 'after its full name'],
  ['bbc/0053.txt:9:506 spelled-out-later PED', 'real', 'PED first, then (Project Entropia Dollars): the name belongs first'],
  ['bbc/0057.txt:5:56 parenthetical (IAEA)', 'real', 'after International Atomic Energy Agency'],
  ['bbc/0058.txt:5:125 parenthetical (IETF)', 'real', 'after Internet Engineering Task Force'],
  ['bbc/0058.txt:11:188 spelled-out-later DSL', 'real', 'DSL first, then (Digital Subscriber Line): the name belongs first'],
  ['bbc/0059.txt:7:598 parenthetical (NFL)', 'real', 'after National Football League'],
]

describe.skipIf(!corpusAvailable)('acronyms on the news corpus', () => {
  testCorpus(
    'every message read by hand: 70 in 103,733 words, none false; ≥97% right',
    async () => {
      const hits = await corpusHits(ruleId, only, (message, story) => {
        const entry = (message as {data?: {entry?: string}}).data?.entry
        return `${story.name}:${message.line}:${message.column} ${entry} ${message.actual}`
      })
      // Exactly the hits read: a new one must be read and judged, a lost one is a recall loss to look at.
      expect(hits).toEqual(corpusVerdicts.map(([line]) => line))
      const right = corpusVerdicts.filter(([, verdict]) => verdict === 'real').length / corpusVerdicts.length
      expect(right).toBeGreaterThanOrEqual(0.97)
      expect(corpusVerdicts.filter(([, verdict]) => verdict === 'false')).toEqual([])
    },
    180_000
  )
})
