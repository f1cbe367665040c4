/**
 * `spelling`: words the dictionary does not know, with a names policy so the
 * names in a story do not bury its one real typo.
 */
import fs from 'node:fs'
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'
import {docsUrl} from '../src/message.js'
import {corpusFileNames, describeCorpus, readShared} from './util/corpus.js'

const ruleId = 'spelling'
const only = onlyChecks(ruleId)
const flagged = flaggedBy(ruleId, only)

describe('spelling', () => {
  test('a whole message', async () => {
    const file = await check('The news added some uncertainty but was unlikely to signficantly hurt prices.', only)
    const messages = file.messages.filter((message) => message.ruleId === ruleId)
    expect(messages.map(fields)).toEqual([
      {
        reason: '`signficantly` is not in the dictionary; did you mean `significantly`?',
        ruleId: 'spelling',
        source: 'copydesk',
        place: {
          start: {line: 1, column: 53, offset: 52},
          end: {line: 1, column: 65, offset: 64}
        },
        actual: 'signficantly',
        expected: ['significantly'],
        url: docsUrl('spelling'),
        fatal: false,
        note: undefined,
        data: undefined
      }
    ])
  })

  test('a whole message for a slip of a known name, with why in `note`', async () => {
    const file = await check('The talks resume in Wahsington next week.', only)
    const messages = file.messages.filter((message) => message.ruleId === ruleId)
    expect(messages.map(fields)).toEqual([
      {
        reason: '`Wahsington` is not in the dictionary; did you mean `Washington`?',
        ruleId: 'spelling',
        source: 'copydesk',
        place: {
          start: {line: 1, column: 21, offset: 20},
          end: {line: 1, column: 31, offset: 30}
        },
        actual: 'Wahsington',
        expected: ['Washington'],
        url: docsUrl('spelling'),
        fatal: false,
        note: 'A capitalized word the dictionary does not know is taken for a name, unless it is one letter from a common name the dictionary knows.',
        data: undefined
      }
    ])
  })

  test('level follows the options', async () => {
    const file = await check('Oil importats fell.', {...only, checks: {...only.checks, spelling: 'error'}})
    const [message] = file.messages.filter((message) => message.ruleId === ruleId)
    expect(message.fatal).toBe(true)
    const info = await check('Oil importats fell.', {...only, checks: {...only.checks, spelling: 'suggestion'}})
    expect(info.messages.filter((message) => message.ruleId === ruleId)[0].fatal).toBe(undefined)
    const off = await check('Oil importats fell.', {...only, checks: {...only.checks, spelling: 'off'}})
    expect(off.messages.filter((message) => message.ruleId === ruleId)).toEqual([])
  })

  test.each([
    // Lower-case unknown words are misspellings, suggestions best first.
    [
      'Since September, JNIM had enforced a blockade on oil importats into Mali.',
      ['1:54-1:63: `importats` is not in the dictionary; did you mean `imports`?']
    ],
    ['The soliders quickly ran out of ammunition.', ['1:5-1:13: `soliders` is not in the dictionary; did you mean `soldiers`?']],
    ['He spoke to parliament’s budget committtee on Wednesday.', ['1:33-1:43: `committtee` is not in the dictionary; did you mean `committee`?']],
    ['Nothing matches xyzzq here.', ['1:17-1:22: `xyzzq` is not in the dictionary; check the spelling']],
    // Two words run together: the split is a suggestion.
    ['The newsdesk said so.', ['1:5-1:13: `newsdesk` is not in the dictionary; did you mean `news desk`?']],
    // Nothing within two edits: a short second word, or three edits away.
    ['The firm took a chargeoff on the plant.', ['1:17-1:26: `chargeoff` is not in the dictionary; did you mean `charge off`?']],
    ['It is a global phenonmon, the minister said.', ['1:16-1:25: `phenonmon` is not in the dictionary; did you mean `phenomenon`?']],
    // Capitalized inside a sentence: a name, unless a slip of a common name.
    ['The talks resume on Tuesdy in Geneva.', ['1:21-1:27: `Tuesdy` is not in the dictionary; did you mean `Tuesday`?']],
    ['The office in Chicgo closed.', ['1:15-1:21: `Chicgo` is not in the dictionary; did you mean `Chicago`?']],
    ['Talks between Isreal and Venzuela stalled.', [
      '1:15-1:21: `Isreal` is not in the dictionary; did you mean `Israel`?',
      '1:26-1:34: `Venzuela` is not in the dictionary; did you mean `Venezuela`?'
    ]],
    // Opening a sentence: a slip of a common word is a misspelling.
    ['Goverment officials declined to comment.', ['1:1-1:10: `Goverment` is not in the dictionary; did you mean `Government`?']],
    ['Teh ministry declined to comment.', ['1:1-1:4: `Teh` is not in the dictionary; did you mean `The`?']],
    ['Recieve it in writing, he said.', ['1:1-1:8: `Recieve` is not in the dictionary; did you mean `Receive`?']],
    // Compounds are spelled by their parts, and the part is reported.
    ['Al-Qaida-affilated groups moved in.', ['1:10-1:19: `affilated` is not in the dictionary; did you mean `affiliated`?']],
    ['A well-knwon figure spoke.', ['1:8-1:13: `knwon` is not in the dictionary; did you mean `known`?']],
    // Possessives are reported whole, with the suggestion in the same form.
    ['The goverment’s plan failed.', ['1:5-1:16: `goverment’s` is not in the dictionary; did you mean `government’s`?']],
    // Between commas, dashes or parentheses: an ordinary word (retext-spell
    // took these for literals and skipped them).
    ['They bombed ports, airfeilds, and railways.', ['1:20-1:29: `airfeilds` is not in the dictionary; did you mean `airfields`?']],
    ['Ports, airfeilds and railways were hit.', ['1:8-1:17: `airfeilds` is not in the dictionary; did you mean `airfields`?']],
    ['The targets (airfeilds) were hit.', ['1:14-1:23: `airfeilds` is not in the dictionary; did you mean `airfields`?']],
    ['Goverment: the plan failed.', ['1:1-1:10: `Goverment` is not in the dictionary; did you mean `Government`?']],
    // A prefix or suffix on a known word is a word, unless the whole is a
    // slip of a common word: `re` + `pubic`, `happy` + `ness`, `-icly`.
    ['The repubic was founded in 1960.', ['1:5-1:12: `repubic` is not in the dictionary; did you mean `republic`?']],
    ['A sense of happyness returned.', ['1:12-1:21: `happyness` is not in the dictionary; did you mean `happiness`?']],
    ['The officials spoke basicly and dramaticly.', [
      '1:21-1:28: `basicly` is not in the dictionary; did you mean `basically`?',
      '1:33-1:43: `dramaticly` is not in the dictionary; did you mean `dramatically`?'
    ]],
    // Regularised irregular verbs: the irregular form first, from the table.
    ['He bringed the papers and thinked it over.', [
      '1:4-1:11: `bringed` is not in the dictionary; did you mean `brought`?',
      '1:27-1:34: `thinked` is not in the dictionary; did you mean `thought`?'
    ]],
    ['She teached there and catched the bus. They goed home.', [
      '1:5-1:12: `teached` is not in the dictionary; did you mean `taught`?',
      '1:23-1:30: `catched` is not in the dictionary; did you mean `caught`?',
      '1:45-1:49: `goed` is not in the dictionary; did you mean `went`?'
    ]],
    ['Teached by elders, he throwed it.', [
      '1:1-1:8: `Teached` is not in the dictionary; did you mean `Taught`?',
      '1:23-1:30: `throwed` is not in the dictionary; did you mean `threw`?'
    ]],
    // Suggestion order: one edit before two (`county`), a common word before
    // a name for a lower-case typo (`Jude`).
    ['The communty gathered.', ['1:5-1:13: `communty` is not in the dictionary; did you mean `community`?']],
    ['The jude ruled on Tuesday.', ['1:5-1:9: `jude` is not in the dictionary; did you mean `judge`?']],
    // Known misspellings the larger word lists carried as rare variants
    // (cspell's common-misspellings dictionaries leave them out).
    ['The dessicated fields and the unwieldly plan drew new monickers.', [
      '1:5-1:15: `dessicated` is not in the dictionary; did you mean `desiccated`?',
      '1:31-1:40: `unwieldly` is not in the dictionary; did you mean `unwieldy`?',
      '1:55-1:64: `monickers` is not in the dictionary; did you mean `monikers`?'
    ]],
    ['He said, incidently, that the accessability of the site was poor.', [
      '1:10-1:20: `incidently` is not in the dictionary; did you mean `incidentally`?',
      '1:31-1:44: `accessability` is not in the dictionary; did you mean `accessibility`?'
    ]],
    // Accents the dictionaries do not write: the bare word first.
    ['The élite unit ran the cafè on a naîve plan.', [
      '1:5-1:10: `élite` is not in the dictionary; did you mean `elite`?',
      '1:24-1:28: `cafè` is not in the dictionary; did you mean `cafe`?',
      '1:34-1:39: `naîve` is not in the dictionary; did you mean `naive`?'
    ]],
    // Inside quotation marks: still a typo (AP fixes spelling in quotes).
    ['“I had to come here to really beleive it,” she said.', ['1:31-1:38: `beleive` is not in the dictionary; did you mean `believe`?']]
  ])('flags: %s', async (text, expected) => {
    expect(await flagged(text)).toEqual(expected)
  })

  test('a typo inside quotation marks is marked `quoted`', async () => {
    const file = await check('“I had to come here to really beleive it,” she said.', only)
    const [message] = file.messages.filter((message) => message.ruleId === ruleId)
    expect((message as {data?: unknown}).data).toEqual({quoted: true})
  })

  test.each([
    // Names inside a sentence.
    'Rida Lyammouri, Sahel expert at Morocco-based Policy Center for the New South, said.',
    'said James Barnett, a research fellow at Hudson Institute.',
    'shipping tycoon Tung Chee-hwa and the troops of Chiang Kai-shek’s Nationalists',
    'chief executive Jeroen van der Veer and Walter van der Vijver',
    'Societe Shell Tchadienne de Recherches et d’Exploitation',
    'Al-Qaida-affiliated Jama’at Nusrat al-Islam wal-Muslimin',
    'said Christophe Hollande and Viktor Salomon of Marino Inc.',
    'Hasan bought a 50 percent stake, Muhammad "Bob" Hasan said.',
    // A name opening a sentence, written inside one elsewhere.
    'Lyammouri said so. The analyst, Rida Lyammouri, declined.',
    // A name opening a sentence, nowhere else: a name.
    'Masao Yuki, executive vice president at the bank, said.',
    'Pascuale has been flooded with offers.',
    // A term held up in quotation marks is a term, not a typo.
    'He coined the word “covfefe” on Tuesday.',
    'The so-called "fauxbama" ad ran, and ‘flexitarian’ too.',
    // Datelines and wire furniture.
    'BAMAKO, Mali (AP) — Days after American diplomats were told to leave.',
    'LONDON, Jan 5 (Reuter) - Shares rose.',
    // Possessives, straight and curly.
    "Mali's ministry and Mali’s junta, Landau’s comments.",
    // ALL-CAPS, mixed case, digits, single letters.
    'JNIM, NATO and the UN; iPhone, eBay and McCain; 2nd, G7, 3.8 C, 1990s; a x-ray.',
    // URLs, e-mail addresses, handles, hashtags, code-like tokens.
    'See https://example.com/importats or www.exmaple.org, write to jdoe@exmaple.org.',
    'Follow @importats and #importats today. Sponsored Adspot_img',
    // Prefixes and hyphenated dictionary words.
    'Pre-tax profit rose on a pre-emptive, co-ordinated, socio-economic plan after the mis-selling.',
    // Productive affixes hunspell lacks.
    'The shares were rerated on outperformance, congressionally mandated.',
    // The larger word list (src/spell/wordlist.ts) and current vocabulary.
    'Operating cashflow reached breakeven in primetime, despite deepfakes and microplastics.',
    'Telehealth and rideshare firms, esports and telemedicine.',
    // Closed forms of the dictionaries' `e-` and clipped compounds (`e-commerce`, `WiFi`).
    'Free wifi drew shoppers; ecommerce sales rose, and the store emailed receipts from its hifi section.',
    // Other dialect: left to the `dialect` check.
    'The defence programme of the organisation.',
    // Loanwords with their accents, as the dictionaries write them.
    'We met at the café with a naïve fiancée; her résumé, a cliché about a protégé.',
    'The façade hid his rôle. Café owners and the café’s exposé.',
    // House dictionary (rules/dictionary.txt).
    'The bourse fell as whistleblowers and gamers saw the rollout of cybersecurity.',
    'GDP per capita on a pro forma basis; a fait accompli.'
  ])('silent: %s', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  test('`protestor`: one message, the AP form first, whichever check gives it', async () => {
    // Spelling and house-forms agree on the fix; the story gets it once (src/preset.ts `dedupe`).
    const file = await check('Police detained a protestor.')
    expect(file.messages.map((message) => [message.ruleId, message.actual, message.expected?.[0]])).toEqual([
      ['spelling', 'protestor', 'protester']
    ])
  })

  test('`dictionary` option adds words, with their capitalized and possessive forms', async () => {
    const text = 'Prices for soymeal fell. The SOYMEAL index and soymeal’s price rose.'
    expect(await flagged(text)).toEqual([
      '1:12-1:19: `soymeal` is not in the dictionary; did you mean `soy meal`?',
      '1:48-1:57: `soymeal’s` is not in the dictionary; did you mean `soy meal’s`?'
    ])
    expect(await flagged(text, {dictionary: ['soymeal']})).toEqual([])
  })

  test('en-GB spells British and leaves American to `dialect`', async () => {
    expect(await flagged('The defence programme of the organisation.', {dialect: 'en-GB'})).toEqual([])
    expect(await flagged('The defense program of the organization.', {dialect: 'en-GB'})).toEqual([])
    expect(await flagged('Oil importats fell.', {dialect: 'en-GB'})).toEqual([
      '1:5-1:14: `importats` is not in the dictionary; did you mean `imports`?'
    ])
  })
})

describe('spelling: cost grows linearly with a long sentence of unknown words', () => {
  // Issue 12: `'qz/ '.repeat(2500)` (10 KB, one sentence) took 4.1 s and
  // 20 KB 18.5 s, because each unknown word searched its whole sentence
  // again; 40 KB would have taken over a minute. Now about 100 ms per KB
  // under load; the bound only proves there is no quadratic path left.
  test('40 KB of `qz/ ` in one sentence', async () => {
    const text = 'qz/ '.repeat(10_000)
    const start = performance.now()
    // Every finding kept (`maxFindings`, default 1,000), to count them.
    const file = await check(text, {...only, maxFindings: Infinity})
    const seconds = (performance.now() - start) / 1000
    expect(file.messages.filter((message) => message.ruleId === ruleId).length).toBe(10_000)
    expect(seconds).toBeLessThan(30)
  }, 60_000)
})

describeCorpus('spelling: the seed story', () => {
  const text = readShared('corpus/seed/mali.txt')

  test('flags `importats` with `imports` first, and nothing else', async () => {
    const file = await check(text, only)
    const messages = file.messages.filter((message) => message.ruleId === ruleId)
    expect(messages.map((message) => [String(message), message.expected?.[0]])).toEqual([
      ['31:115-31:124: `importats` is not in the dictionary; did you mean `imports`?', 'imports']
    ])
  })

  test.each([
    'Bamako',
    'Landau',
    'Moussa',
    'Acharatoumane',
    'Rida',
    'Lyammouri',
    'James',
    'Barnett',
    'Ope',
    'Adetayo',
    'Jama',
    'Nusrat',
    'Muslimin',
    'Qaida',
    'Sahelian',
    'Burkina',
    'Faso',
    'Hudson',
    'JNIM'
  ])('does not flag %s', async (name) => {
    const file = await check(text, only)
    const actual = file.messages.filter((message) => message.ruleId === ruleId).map((message) => message.actual)
    expect(actual.filter((word) => String(word).includes(name))).toEqual([])
  })
})

/**
 * Precision over ../shared/corpus/news (Reuters and BBC, ~104,000 words of
 * edited copy): what `spelling` flags there is either one of the real slips
 * below, read and confirmed one by one, or a false positive. The ceiling is
 * what we measured plus a little headroom; when it fails, it prints the words.
 */
describeCorpus('spelling: corpus precision', () => {
  const files = corpusFileNames()

  /** Misspellings in the corpus, each checked in context (see README.md, section spelling). */
  const slips = new Set([
    // Reuters
    'agressive', 'aquisition', 'aquisitions', 'asets', 'authoritiarian', 'beleive', 'brough', 'busines',
    'cames', 'capcity', 'capitalisaiton', 'chidren', 'commbined', 'commerical', 'committtee', 'cooly',
    // (`guerillas` is not here: a variant spelling the larger word list holds.)
    'delgates', 'difficulity', 'diouble', 'earnied', 'embarassing', 'expectaions', 'forcasts',
    'maratime', 'maxiumum', 'newroom', 'occuring', 'officialy', 'particualrly', 'patern', 'pedastal',
    'permanment', 'phalynx', 'phenomenona', 'phenonmon', 'poeple', 'preceeding', 'prgram', 'procesing',
    'profitablity', 'provisons', 'reasonaly', 'recapitalistion', 'recenly', 'relaistic', 'seaking',
    'serveral', 'settlememnt', 'signficantly', 'similiar', 'soliders', 'sufficent', 'targetted', 'tesify',
    'themseves', 'transfering', 'varible', 'Venzuela', 'wholesaleing',
    // BBC (0022.txt is a page of readers' comments)
    'achilles', 'agio', 'appelas', 'artisic', 'british', 'catergory', 'currentily', 'discisions',
    'embarassment', 'goodlooks', 'presneted', 'probem', 'redifining', 'ridiculuous'
  ])

  /**
   * False positives per 1,000 words: measured 0.92 (95 in 103,733 words;
   * 1.13 before the larger word list, 1.26 once words between commas were checked).
   */
  const ceiling = 1.0

  test(`spelling false positives stay under ${ceiling} per 1,000 words, and every known slip is found`, async () => {
    let words = 0
    const found: string[] = []
    const falsePositives: string[] = []
    for (const name of files) {
      const text = readShared('corpus/news/' + name)
      words += (text.match(/[A-Za-z0-9][A-Za-z0-9'’.-]*/g) || []).length
      const file = await check(text)
      for (const message of file.messages) {
        if (message.ruleId !== ruleId) continue
        const actual = String(message.actual)
        if (slips.has(actual)) found.push(actual)
        else falsePositives.push(`${name}:${message.line}:${message.column} ${actual}`)
      }
    }
    const rate = (falsePositives.length / words) * 1000
    expect(rate, `${falsePositives.length} false positives in ${words} words:\n${falsePositives.join('\n')}`).toBeLessThanOrEqual(ceiling)
    expect([...slips].filter((slip) => !found.includes(slip)), 'known slips no longer flagged').toEqual([])
  }, 120_000)
})
