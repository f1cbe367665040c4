/**
 * LanguageTool clients' settings and links against copydesk: LanguageTool's
 * own rule ids in `enabledRules`/`disabledRules` (MORFOLOGIK_RULE_EN_US,
 * EN_A_VS_AN, IT_IS …) switch copydesk's equivalents, and `rule.urls` are
 * absolute links to the served HTML explanation. Then LTeX+ (ltex-ls-plus)
 * as its source sends a request to a LanguageTool server
 * (`LanguageToolHttpInterface.createRequestBody`: a form body labelled
 * `application/json`, `language`, `data` annotation, `motherTongue`,
 * `level=picky`, `enabledRules`), replayed here since ltex-ls-plus (a JVM
 * program) is not on npm, and read back the way it reads matches
 * (`LanguageToolRuleMatch.fromLanguageTool`, and its client-side
 * `ltex.disabledRules` filter on `rule.id`).
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {createServer} from '../src/faces/server.js'
import {languageToolEquivalents, languageToolIdsOf} from '../src/faces/languagetool.js'
import {listen} from './util/listen.js'

interface Match {
  message: string
  offset: number
  length: number
  replacements: Array<{value: string}>
  sentence: string
  rule: {id: string; urls?: Array<{value: string}>}
  copydesk: {ruleId: string; severity: string}
}

let app: FastifyInstance
let base: string
let published: FastifyInstance
let publishedBase: string

beforeAll(async () => {
  app = createServer({timeoutMs: 60_000, workers: 0})
  base = await listen(app)
  published = createServer({timeoutMs: 60_000, workers: 0, publicUrl: 'https://copydesk.example.com/'})
  publishedBase = await listen(published)
})

afterAll(async () => {
  await app.close()
  await published.close()
})

async function check(fields: Record<string, string>, server = base): Promise<Match[]> {
  const response = await fetch(server + '/v2/check', {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams(fields).toString()
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as {matches: Match[]}).matches
}

const ids = (matches: Match[]) => matches.map((match) => `${match.copydesk.ruleId} ${match.message}`)

// One finding from each mapped check, and two confusables of different pairs.
const story =
  'Oil importats fell. The defence budget rose. Residents left the the town. A FBI agent spoke. ' +
  'The plan won approval for to build a dam. The company cut it\'s forecast for next year. Sales rose faster then expected.'

describe("LanguageTool's own rule ids", () => {
  test('without settings: every finding', async () => {
    expect(ids(await check({text: story, language: 'en-US'}))).toEqual([
      'spelling `importats` is not in the dictionary; did you mean `imports`?',
      'dialect `defence` is British spelling; use `defense`',
      'repeated-word Remove the repeated `the`',
      'indefinite-article Use `An`, not `A`, before `FBI`: it is said letter by letter, starting “ef”',
      'word-collision Keep `for` or `to`, not both: a preposition cannot be followed by `to` here',
      "confusables Use `its` (belonging to it), not `it's` (it is)",
      'confusables Use `than` (in comparisons), not `then` (at that time, or next)'
    ])
  })

  test.each<[string, Record<string, string>, string[]]>([
    ['disabledRules=MORFOLOGIK_RULE_EN_US: no spelling, and no British spelling (LanguageTool’s speller reports both)', {disabledRules: 'MORFOLOGIK_RULE_EN_US'}, ['repeated-word', 'indefinite-article', 'word-collision', 'confusables', 'confusables']],
    ['disabledRules=EN_US_SIMPLE_REPLACE: no dialect', {disabledRules: 'EN_US_SIMPLE_REPLACE'}, ['spelling', 'repeated-word', 'indefinite-article', 'word-collision', 'confusables', 'confusables']],
    ['disabledRules=ENGLISH_WORD_REPEAT_RULE,EN_A_VS_AN,DT_DT', {disabledRules: 'ENGLISH_WORD_REPEAT_RULE,EN_A_VS_AN,DT_DT'}, ['spelling', 'dialect', 'confusables', 'confusables']],
    ['disabledRules=IT_IS: only the its/it’s confusable goes', {disabledRules: 'IT_IS'}, ['spelling', 'dialect', 'repeated-word', 'indefinite-article', 'word-collision', 'confusables']],
    ['enabledOnly with EN_A_VS_AN', {enabledRules: 'EN_A_VS_AN', enabledOnly: 'true'}, ['indefinite-article']],
    ['enabledOnly with THAN_THEN and MORFOLOGIK_RULE_EN_US', {enabledRules: 'THAN_THEN,MORFOLOGIK_RULE_EN_US', enabledOnly: 'true'}, ['spelling', 'dialect', 'confusables']],
    ['an id copydesk has no equivalent for changes nothing', {disabledRules: 'UPPERCASE_SENTENCE_START,WHITESPACE_RULE'}, ['spelling', 'dialect', 'repeated-word', 'indefinite-article', 'word-collision', 'confusables', 'confusables']]
  ])('%s', async (_name, fields, expected) => {
    const matches = await check({text: story, language: 'en-US', ...fields})
    expect(matches.map((match) => match.copydesk.ruleId)).toEqual(expected)
  })

  test('enabledOnly=THAN_THEN keeps the then/than finding, not the its/it’s one', async () => {
    expect(ids(await check({text: story, language: 'en-US', enabledRules: 'THAN_THEN', enabledOnly: 'true'}))).toEqual([
      'confusables Use `than` (in comparisons), not `then` (at that time, or next)'
    ])
  })

  test('a confusable rule id covers only its own words, curly apostrophe or straight', () => {
    expect(languageToolIdsOf({ruleId: 'confusables', actual: 'it’s', expected: ['its']})).toEqual(['IT_IS', 'ITS_TO_IT_S', 'ITS_JJ_NNSNN'])
    expect(languageToolIdsOf({ruleId: 'confusables', actual: 'there', expected: ['their']})).toEqual(['THERE_THEIR', 'THEYRE_THEIR'])
    expect(languageToolIdsOf({ruleId: 'confusables', actual: 'whose', expected: ["who's"]})).toEqual(['WHOS'])
    expect(languageToolIdsOf({ruleId: 'confusables', actual: 'could of', expected: ['could have']})).toEqual([])
    expect(languageToolIdsOf({ruleId: 'spelling', actual: 'importats', expected: ['imports']})).toEqual([
      'MORFOLOGIK_RULE_EN_US',
      'MORFOLOGIK_RULE_EN_GB',
      'MORFOLOGIK_RULE_EN_CA',
      'MORFOLOGIK_RULE_EN_AU',
      'MORFOLOGIK_RULE_EN_NZ',
      'MORFOLOGIK_RULE_EN_ZA'
    ])
    expect(languageToolIdsOf({ruleId: 'titles', actual: 'Pope', expected: ['pope']})).toEqual([])
  })

  test('the table in docs/languagetool.md is the one the server uses', async () => {
    const fs = await import('node:fs')
    const doc = fs.readFileSync(new URL('../docs/languagetool.md', import.meta.url), 'utf8')
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \| (.+?) \|/gm)].map(([, id, checks]) => [id, [...checks!.matchAll(/`([a-z-]+)`/g)].map((match) => match[1])])
    const used = Object.entries(languageToolEquivalents).map(([id, targets]) => [id, [...new Set(targets.map((target) => target.ruleId))]])
    expect(documented).toEqual(used)
  })
})

describe('rule.urls', () => {
  test('absolute, on the address the client used, and they open the HTML explanation', async () => {
    const [match] = await check({text: 'Residents left the the town.', language: 'en-US'})
    expect(match?.rule.urls).toEqual([{value: `${base}/docs/checks/repeated-word`}])
    const page = await fetch(match!.rule.urls![0]!.value)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toContain('<h2 id="what-it-catches">What it catches</h2>')
  })

  test('on the configured public address when there is one', async () => {
    const [match] = await check({text: 'Casualties: TK.', language: 'en-US'}, publishedBase)
    expect(match?.rule.urls).toEqual([{value: 'https://copydesk.example.com/docs/checks/leftovers#entry-tk'}])
  })
})

describe('LTeX+ (its request replayed)', () => {
  // `\textbf{Residents} left the the town, and a FBI agent spoke.` as LTeX+'s LaTeX parser annotates it.
  const annotation = [
    {markup: '\\textbf{'},
    {text: 'Residents'},
    {markup: '}'},
    {text: ' left the the town, and a FBI agent spoke. The company cut it\'s forecast for next year.'},
    {markup: '\n\n', interpretAs: '\n\n'},
    {text: 'Oil importats fell.'}
  ]
  const source = annotation.map((part) => part.markup ?? part.text).join('')

  /** The request ltex-ls-plus builds: a form, labelled application/json, fields in its HashMap's order. */
  async function ltex(entries: Record<string, string>): Promise<Match[]> {
    const body = Object.entries(entries)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&')
    const response = await fetch(base + '/v2/check', {method: 'POST', headers: {'content-type': 'application/json'}, body})
    expect(response.status).toBe(200)
    return ((await response.json()) as {matches: Match[]}).matches
  }

  /** What LTeX+ keeps of a match (`fromLanguageTool`), after its `ltex.disabledRules` filter on `rule.id`. */
  function asLtex(matches: Match[], disabledRules: string[] = []) {
    return matches
      .filter((match) => !disabledRules.includes(match.rule.id))
      .map((match) => ({
        ruleId: match.rule.id,
        covered: source.slice(match.offset, match.offset + match.length),
        replacements: match.replacements.map((replacement) => replacement.value).slice(0, 1),
        sentence: match.sentence
      }))
  }

  const data = JSON.stringify({annotation})

  test('language, data and motherTongue: matches on the LaTeX source', async () => {
    const matches = await ltex({motherTongue: 'de-DE', data, language: 'en-US'})
    expect(asLtex(matches)).toEqual([
      {ruleId: 'COPYDESK_REPEATED_WORD', covered: 'the the', replacements: ['the'], sentence: 'Residents left the the town, and a FBI agent spoke.'},
      {ruleId: 'COPYDESK_INDEFINITE_ARTICLE', covered: 'a', replacements: ['an'], sentence: 'Residents left the the town, and a FBI agent spoke.'},
      {ruleId: 'COPYDESK_CONFUSABLES', covered: "it's", replacements: ['its'], sentence: "The company cut it's forecast for next year."},
      {ruleId: 'COPYDESK_SPELLING', covered: 'importats', replacements: ['imports'], sentence: 'Oil importats fell.'}
    ])
  })

  test('ltex.enabledRules travel as enabledRules; with level=picky as ltex.additionalRules.enablePickyRules sends it', async () => {
    const matches = await ltex({level: 'picky', motherTongue: 'de-DE', data, language: 'en-US', enabledRules: 'EN_A_VS_AN'})
    expect(asLtex(matches).map((match) => match.ruleId)).toEqual(['COPYDESK_REPEATED_WORD', 'COPYDESK_INDEFINITE_ARTICLE', 'COPYDESK_CONFUSABLES', 'COPYDESK_SPELLING'])
  })

  test('ltex.disabledRules is applied by LTeX+ itself, on the match’s rule.id: copydesk’s ids work there, LanguageTool’s do not', async () => {
    const matches = await ltex({data, language: 'en-US'})
    expect(asLtex(matches, ['COPYDESK_SPELLING', 'COPYDESK_REPEATED_WORD']).map((match) => match.ruleId)).toEqual(['COPYDESK_INDEFINITE_ARTICLE', 'COPYDESK_CONFUSABLES'])
    expect(asLtex(matches, ['MORFOLOGIK_RULE_EN_US']).map((match) => match.ruleId)).toContain('COPYDESK_SPELLING')
  })
})
