/**
 * LanguageTool's protocol (`/v2/...`) over a real socket, as its clients use
 * it: GET and POST, rule and category filters, `level=picky`, `language=auto`
 * with `preferredVariants`, plain-text `Error: …` answers, issue types, and
 * offsets through `data` markup. Then clients nobody here wrote: npm
 * `languagetool-api` (pointed at this server) and the `annotatedtext`,
 * `annotatedtext-remark` and `annotatedtext-rehype` packages editor plugins
 * use to build `data`.
 */
import {createRequire} from 'node:module'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {createServer} from '../src/faces/server.js'
import {listen} from './util/listen.js'
import {classify, fromAnnotation} from '../src/faces/languagetool.js'

const require = createRequire(import.meta.url)

interface Match {
  message: string
  offset: number
  length: number
  replacements: Array<{value: string}>
  context: {text: string; offset: number; length: number}
  sentence: string
  type: {typeName: string}
  rule: {id: string; issueType: string; category: {id: string; name: string}}
  copydesk: {ruleId: string; severity: string}
}

interface Answer {
  software: {name: string; apiVersion: number}
  language: {code: string; detectedLanguage: {code: string; confidence: number}}
  warnings: {incompleteResults: boolean}
  matches: Match[]
}

let app: FastifyInstance
let base: string
// A server where repeated words are only a suggestion, for `level=picky`.
let picky: FastifyInstance
let pickyBase: string

beforeAll(async () => {
  // A budget generous enough that a loaded test machine still runs every check.
  app = createServer({timeoutMs: 60_000})
  base = await listen(app)
  picky = createServer({timeoutMs: 60_000, options: {checks: {'repeated-word': 'suggestion'}}})
  pickyBase = await listen(picky)
})

afterAll(async () => {
  await app.close()
  await picky.close()
})

function form(fields: Record<string, string>, server = base) {
  return fetch(server + '/v2/check', {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams(fields).toString()
  })
}

function get(fields: Record<string, string>, server = base) {
  return fetch(server + '/v2/check?' + new URLSearchParams(fields).toString())
}

async function matches(response: Response | Promise<Response>): Promise<string[]> {
  const answer = (await (await response).json()) as Answer
  return answer.matches.map((match) => `${match.offset}+${match.length} ${match.rule.id} ${match.rule.issueType} ${match.type.typeName}`)
}

const story = 'Left the the town. Casualties: TK. Oil importats fell in the US.'

describe('/v2/check', () => {
  test('text: matches with offsets, replacements, context, sentence and rule', async () => {
    const text = 'The storm hit. Residents left the the town on Tuesday.'
    const response = await form({text, language: 'en-US'})
    expect(response.status).toBe(200)
    const result = (await response.json()) as Answer
    expect(result.software).toMatchObject({name: 'copydesk', apiVersion: 1})
    expect(result.language.code).toBe('en-US')
    expect(result.warnings.incompleteResults).toBe(false)
    expect(result.matches).toEqual([
      {
        message: 'Remove the repeated `the`',
        shortMessage: 'Repeated word',
        replacements: [{value: 'the'}],
        offset: text.indexOf('the the'),
        length: 7,
        context: {text: 'The storm hit. Residents left the the town on Tuesday.', offset: 30, length: 7},
        sentence: 'Residents left the the town on Tuesday.',
        type: {typeName: 'Other'},
        rule: {
          id: 'COPYDESK_REPEATED_WORD',
          description: 'Repeated word',
          issueType: 'duplication',
          category: {id: 'REPETITIONS', name: 'Repetitions'},
          urls: [{value: `${base}/docs/checks/repeated-word`}]
        },
        ignoreForIncompleteSentence: false,
        contextForSureMatch: 0,
        copydesk: {ruleId: 'repeated-word', severity: 'warning'}
      }
    ])
  })

  test('GET with query parameters answers the same as POST', async () => {
    const expected = [
      '5+7 COPYDESK_REPEATED_WORD duplication Other',
      '31+2 COPYDESK_LEFTOVERS omission Other',
      '39+9 COPYDESK_SPELLING misspelling UnknownWord',
      '61+3 COPYDESK_HOUSE_FORMS style Hint'
    ]
    expect(await matches(get({text: story, language: 'en-US'}))).toEqual(expected)
    expect(await matches(form({text: story, language: 'en-US'}))).toEqual(expected)
  })

  test('a blocking leftover is error-level, not a Hint', async () => {
    const answer = (await (await get({text: 'Casualties: TK.', language: 'en-US'})).json()) as Answer
    expect(answer.matches.map((match) => [match.rule.issueType, match.rule.category.id, match.type.typeName, match.copydesk.severity])).toEqual([
      ['omission', 'LEFTOVERS', 'Other', 'error']
    ])
  })

  test.each<[string, Record<string, string>, string[]]>([
    ['disabledRules (LanguageTool id)', {disabledRules: 'COPYDESK_REPEATED_WORD,COPYDESK_SPELLING'}, ['LEFTOVERS', 'HOUSE_FORMS']],
    // The floor (on by default): a request cannot switch off the must-never-publish checks (test/server-floor.test.ts).
    ['disabledRules (copydesk name): not the floor\'s leftovers', {disabledRules: 'leftovers'}, ['REPEATED_WORD', 'LEFTOVERS', 'SPELLING', 'HOUSE_FORMS']],
    ['enabledRules alone changes nothing: every check is on', {enabledRules: 'COPYDESK_SPELLING'}, ['REPEATED_WORD', 'LEFTOVERS', 'SPELLING', 'HOUSE_FORMS']],
    ['enabledOnly with enabledRules', {enabledRules: 'COPYDESK_SPELLING,leftovers', enabledOnly: 'true'}, ['LEFTOVERS', 'SPELLING']],
    ['enabledOnly with enabledCategories (and the floor\'s leftovers)', {enabledCategories: 'STYLE', enabledOnly: 'true'}, ['LEFTOVERS', 'HOUSE_FORMS']],
    ['disabledCategories', {disabledCategories: 'TYPOS,STYLE'}, ['REPEATED_WORD', 'LEFTOVERS']]
  ])('%s', async (_name, fields, ids) => {
    const answer = (await (await get({text: story, language: 'en-US', ...fields})).json()) as Answer
    expect(answer.matches.map((match) => match.rule.id.replace('COPYDESK_', ''))).toEqual(ids)
  })

  test('level=picky adds suggestion-level findings, left out by default', async () => {
    const text = 'Residents left the the town.'
    expect(await matches(get({text, language: 'en-US'}, pickyBase))).toEqual([])
    expect(await matches(get({text, language: 'en-US', level: 'picky'}, pickyBase))).toEqual(['15+7 COPYDESK_REPEATED_WORD duplication Hint'])
    // A rule asked for by name comes back without picky.
    expect(await matches(get({text, language: 'en-US', enabledRules: 'repeated-word'}, pickyBase))).toEqual([
      '15+7 COPYDESK_REPEATED_WORD duplication Hint'
    ])
  })

  test.each<[string, Record<string, string>, string, number]>([
    ['auto is the server dialect, not a detection', {language: 'auto'}, 'en-US', 0],
    ['auto with preferredVariants picks the English one', {language: 'auto', preferredVariants: 'de-AT,en-GB'}, 'en-GB', 0],
    ['en-GB', {language: 'en-GB'}, 'en-GB', 1],
    ['en-AU spells as Britain', {language: 'en-AU'}, 'en-GB', 1],
    ['en is the server dialect', {language: 'en'}, 'en-US', 1]
  ])('%s', async (_name, fields, code, confidence) => {
    const answer = (await (await get({text: 'The colour of the sky.', ...fields})).json()) as Answer
    expect(answer.language).toMatchObject({code, detectedLanguage: {code, confidence}})
    expect(answer.matches.map((match) => match.rule.id)).toEqual(code === 'en-GB' ? [] : ['COPYDESK_DIALECT'])
  })

  test('data: offsets count the markup too, as LanguageTool', async () => {
    const data = {annotation: [{markup: '<p>'}, {text: 'Left '}, {markup: '<em>', interpretAs: ''}, {text: 'the'}, {markup: '</em>'}, {text: ' the town.'}, {markup: '</p>'}]}
    const original = data.annotation.map((item) => ('text' in item ? item.text : item.markup)).join('')
    const answer = (await (await form({data: JSON.stringify(data), language: 'en-US'})).json()) as Answer
    const match = answer.matches.find((item) => item.rule.id === 'COPYDESK_REPEATED_WORD')
    expect(match && original.slice(match.offset, match.offset + match.length)).toBe('the</em> the')
  })

  test('data: a finding on interpretAs text covers the whole markup (LaTeX `\\%`)', async () => {
    // What LTeX sends for "It rose 5 \% on the year."
    const data = {annotation: [{text: 'It rose 5 '}, {markup: '\\%', interpretAs: '%'}, {text: ' on the year.'}]}
    const original = 'It rose 5 \\% on the year.'
    const answer = (await (await form({data: JSON.stringify(data), language: 'en-US'})).json()) as Answer
    expect(answer.matches.map((match) => [original.slice(match.offset, match.offset + match.length), match.replacements[0].value])).toEqual([
      ['5 \\%', '5%']
    ])
    // Applying the replacement as an editor does gives "5%", not "5%%".
    const [match] = answer.matches
    expect(original.slice(0, match.offset) + match.replacements[0].value + original.slice(match.offset + match.length)).toBe('It rose 5% on the year.')
  })

  test.each<[string, () => Promise<Response>, number, string]>([
    ['no text or data', () => form({language: 'en-US'}), 400, "Error: Missing 'text' or 'data' parameter"],
    ['no language', () => get({text: 'Hello.'}), 400, "Error: Missing 'language' parameter. Use language=auto, en-US or en-GB."],
    [
      'a language copydesk does not check',
      () => form({text: 'Hallo', language: 'de-DE'}),
      400,
      'Error: "de-DE" is not a language code copydesk checks: it checks English only. Supported language codes are: auto, en, en-US, en-GB'
    ],
    ['preferredVariants without auto', () => get({text: 'x', language: 'en-US', preferredVariants: 'en-GB'}), 400, "Error: You specified 'preferredVariants' but you didn't specify 'language=auto'"],
    ['enabledOnly with nothing enabled', () => get({text: 'x', language: 'en-US', enabledOnly: 'true'}), 400, "Error: You cannot specify 'enabledOnly=true' when 'enabledRules' and 'enabledCategories' are empty"],
    ['an unknown level', () => get({text: 'x', language: 'en-US', level: 'strict'}), 400, 'Error: \'level\' must be \'default\' or \'picky\', not "strict"'],
    ['data that is not JSON', () => form({data: '{annotation', language: 'en-US'}), 400, "Error: Parameter 'data' is not valid JSON"],
    ['data without annotation', () => form({data: '{"text": "x"}', language: 'en-US'}), 400, 'Error: Parameter \'data\' must be JSON such as {"annotation"'],
    [
      'JSON instead of a form (read as a form, as LanguageTool)',
      () => fetch(base + '/v2/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: '{"text": "x"}'}),
      400,
      "Error: Missing 'text' or 'data' parameter"
    ]
  ])('%s → %d and a plain-text Error', async (_name, request, status, message) => {
    const response = await request()
    expect(response.status).toBe(status)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await response.text()).toContain(message)
  })

  test('a form labelled application/json is read as a form (LTeX 16 sends that)', async () => {
    const data = JSON.stringify({annotation: [{markup: '\\textbf{'}, {text: 'the'}, {markup: '}'}, {text: ' the town'}]})
    const body = new URLSearchParams({language: 'en-US', data}).toString()
    const response = await fetch(base + '/v2/check', {method: 'POST', headers: {'content-type': 'application/json; charset=UTF-8'}, body})
    expect(await matches(response)).toEqual(['8+8 COPYDESK_REPEATED_WORD duplication Other'])
  })

  test('still answers after bad requests', async () => {
    expect((await get({text: 'x'})).status).toBe(400)
    expect(await matches(get({text: 'Left the the town.', language: 'en-US'}))).toEqual(['5+7 COPYDESK_REPEATED_WORD duplication Other'])
  })
})

describe('start-up calls', () => {
  test('GET /v2/languages', async () => {
    expect(await (await fetch(base + '/v2/languages')).json()).toEqual([
      {name: 'English (US)', code: 'en', longCode: 'en-US'},
      {name: 'English (GB)', code: 'en', longCode: 'en-GB'}
    ])
  })

  test('/v2/words: a server without a rules folder lists no words and says why it cannot add one (test/desk-server.test.ts: with one)', async () => {
    expect(await (await fetch(base + '/v2/words?username=a&apiKey=b')).json()).toEqual({words: []})
    const added = await fetch(base + '/v2/words', {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body: 'word=Okafor&username=a&apiKey=b'
    })
    expect([added.status, (await added.text()).slice(0, 52)]).toEqual([404, 'Error: This server has no desk dictionary: start it '])
  })
})

describe('mapping', () => {
  test.each<[string, string, string, string, string]>([
    ['spelling', 'warning', 'misspelling', 'TYPOS', 'UnknownWord'],
    ['name-consistency', 'warning', 'misspelling', 'TYPOS', 'UnknownWord'],
    ['repeated-word', 'warning', 'duplication', 'REPETITIONS', 'Other'],
    ['word-collision', 'warning', 'grammar', 'GRAMMAR', 'Other'],
    ['indefinite-article', 'warning', 'grammar', 'GRAMMAR', 'Other'],
    ['leftovers', 'error', 'omission', 'LEFTOVERS', 'Other'],
    ['titles', 'warning', 'style', 'STYLE', 'Hint'],
    ['titles', 'error', 'style', 'STYLE', 'Other'],
    ['house-forms', 'suggestion', 'style', 'STYLE', 'Hint']
  ])('%s at %s → %s, %s, %s', (ruleId, severity, issueType, category, typeName) => {
    const result = classify(ruleId, severity as 'warning')
    expect([result.issueType, result.category.id, result.typeName]).toEqual([issueType, category, typeName])
  })

  test('interpretAs spans map as a whole, text spans character by character', () => {
    const annotated = fromAnnotation(JSON.stringify({annotation: [{text: 'ab '}, {markup: '\\%', interpretAs: '%'}, {markup: '<x>'}, {text: 'cd'}]}))
    expect(annotated.plain).toBe('ab %cd')
    expect([0, 1, 3, 4, 5].map((offset) => annotated.toOriginal(offset))).toEqual([0, 1, 3, 8, 9])
    expect([1, 3, 4, 5, 6].map((offset) => annotated.toOriginalEnd(offset))).toEqual([1, 3, 5, 9, 10])
  })
})

describe('real clients', () => {
  test('languagetool-api (its GET request pointed at this server)', async () => {
    // The package hard-codes languagetool.org; send its request here instead.
    const requestPath = require.resolve('request', {paths: [require.resolve('languagetool-api')]})
    const request = require(requestPath) as (url: string, callback: (...parameters: unknown[]) => void) => void
    const cached = require.cache[requestPath]
    if (!cached) throw new Error('request is not cached')
    cached.exports = (url: string, callback: (...parameters: unknown[]) => void) => request(url.replace('https://languagetool.org/api', base), callback)
    delete require.cache[require.resolve('languagetool-api')]
    const api = require('languagetool-api') as {
      check(query: Record<string, string>, callback: (error: unknown, result: Answer) => void): void
      showMistakes(result: Answer, callback: (mistakes: string[]) => void): void
      bestSuggestion(result: Answer, callback: (suggestions: Array<{mistake: string; bestSuggestion: string}>) => void): void
    }
    try {
      const result = await new Promise<Answer>((resolve, reject) =>
        api.check({language: 'en-US', text: 'Residents left the the town in the US on Tuesday.'}, (error, value) => (error ? reject(error) : resolve(value)))
      )
      const mistakes = await new Promise<string[]>((resolve) => api.showMistakes(result, resolve))
      const best = await new Promise<Array<{mistake: string; bestSuggestion: string}>>((resolve) => api.bestSuggestion(result, resolve))
      expect(mistakes).toEqual(['the the', 'US'])
      expect(best).toEqual([
        {mistake: 'the the', bestSuggestion: 'the'},
        {mistake: 'US', bestSuggestion: 'U.S.'}
      ])
      expect(result.matches.map((match) => [match.rule.issueType, match.copydesk.severity])).toEqual([
        ['duplication', 'warning'],
        ['style', 'warning']
      ])
    } finally {
      cached.exports = request
    }
  })

  test('annotatedtext-remark: Markdown offsets land on the source', async () => {
    const remark = require('annotatedtext-remark') as {build(text: string, options: unknown): unknown; defaults: unknown}
    const markdown = '# Storm\n\nResidents left *the* the town. Casualties: **TK**.\n'
    const data = remark.build(markdown, remark.defaults)
    const answer = (await (await form({data: JSON.stringify(data), language: 'en-US'})).json()) as Answer
    expect(answer.matches.map((match) => `${match.rule.id} ${markdown.slice(match.offset, match.offset + match.length)}`)).toEqual([
      'COPYDESK_REPEATED_WORD the* the',
      'COPYDESK_LEFTOVERS TK'
    ])
    expect(answer.matches.map((match) => match.copydesk.severity)).toEqual(['warning', 'error'])
  })

  test('annotatedtext-rehype: HTML offsets land on the source', async () => {
    const rehype = (await import('annotatedtext-rehype')) as unknown as {build(text: string, options: unknown): unknown; defaults: unknown}
    const html = '<h1>Storm</h1><p>Residents left <b>the</b> the town.</p><p>Oil importats fell in the US.</p>'
    const data = rehype.build(html, rehype.defaults)
    const answer = (await (await form({data: JSON.stringify(data), language: 'en-US'})).json()) as Answer
    expect(answer.matches.map((match) => `${match.rule.id} ${match.rule.issueType} ${html.slice(match.offset, match.offset + match.length)}`)).toEqual([
      'COPYDESK_REPEATED_WORD duplication the</b> the',
      'COPYDESK_SPELLING misspelling importats',
      'COPYDESK_HOUSE_FORMS style US.'
    ])
  })

  test('annotatedtext with a current remark parser (as LTeX-style plugins build `data`)', async () => {
    const annotatedtext = (await import('annotatedtext')) as unknown as {build(text: string, parse: (text: string) => unknown, options: unknown): unknown; defaults: unknown}
    const {unified} = await import('unified')
    const {default: remarkParse} = await import('remark-parse')
    const processor = unified().use(remarkParse)
    // Its default keeps inline markup such as `*` in the checked text, so only block markup is left out.
    const markdown = '## Update TK\n\n> Oil importats fell.\n\nIt rose 5 percent in the US, and the fleet waits.\n'
    const data = annotatedtext.build(markdown, (text) => processor.parse(text), annotatedtext.defaults)
    const answer = (await (await form({data: JSON.stringify(data), language: 'en-US'})).json()) as Answer
    expect(answer.matches.map((match) => `${match.rule.id} ${markdown.slice(match.offset, match.offset + match.length)}`)).toEqual([
      'COPYDESK_LEFTOVERS TK',
      'COPYDESK_SPELLING importats',
      'COPYDESK_PERCENT 5 percent',
      'COPYDESK_HOUSE_FORMS US'
    ])
  })
})
