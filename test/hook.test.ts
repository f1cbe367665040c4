/**
 * `prePublish`: verdicts under policies, headline and body fields with their
 * own positions, the time budget; and the Strapi recipe in
 * examples/cms/strapi, run against a stand-in for Strapi's document service.
 */
import fs from 'node:fs'
import {describe, expect, test, vi} from 'vitest'
import {createChecker, prePublish} from '../src/index.js'
import {readShared, testCorpus} from './util/corpus.js'

const checker = createChecker()
const seed = readShared('corpus/seed/mali.txt')

/** `field line:column actual` of the messages of one check. */
function of(ruleId: string, messages: ReadonlyArray<{ruleId: string | null; field?: string; line: number | null; column: number | null; actual: string | null}>) {
  return messages.filter((message) => message.ruleId === ruleId).map((message) => `${message.field} ${message.line}:${message.column} ${message.actual}`)
}

describe('prePublish', () => {
  test('an error blocks; each message says its field and where in it', async () => {
    const result = await prePublish(
      {headline: 'Storm floods the the harbor', body: 'Residents left the the town.\n\nCasualties: TK.'},
      undefined,
      {checker}
    )
    expect(result.verdict).toBe('block')
    expect(result.complete).toBe(true)
    expect(of('repeated-word', result.messages)).toEqual(['headline 1:14 the the', 'body 1:16 the the'])
    expect(of('leftovers', result.messages)).toEqual(['body 3:13 TK'])
    expect(result.counts.error).toBeGreaterThanOrEqual(1)
    const leftover = result.messages.find((message) => message.ruleId === 'leftovers')
    expect(leftover).toMatchObject({severity: 'error', source: 'copydesk', field: 'body', offset: 42, endOffset: 44})
    expect(Object.keys(leftover ?? {}).sort()).toEqual(
      ['actual', 'column', 'endColumn', 'endLine', 'endOffset', 'expected', 'field', 'line', 'note', 'offset', 'reason', 'ruleId', 'severity', 'source', 'url'].sort()
    )
  })

  test('warnings warn', async () => {
    const result = await prePublish({body: 'Residents left the the town.'}, undefined, {checker})
    expect(of('repeated-word', result.messages)).toEqual(['body 1:16 the the'])
    expect(result.verdict).toBe('warn')
  })

  test('a policy decides what blocks', async () => {
    const story = {body: 'Residents left the the town.'}
    expect((await prePublish(story, {block: ['error', 'warning']}, {checker})).verdict).toBe('block')
    expect((await prePublish(story, {block: [], warn: []}, {checker})).verdict).toBe('pass')
  })

  test('HTML and Markdown bodies keep positions in the source', async () => {
    const html = await prePublish({body: '<p>Mali&#8217;s <em>the</em> the town.</p>', format: 'html'}, undefined, {checker})
    expect(of('repeated-word', html.messages)).toEqual(['body 1:21 the the'])
    const markdown = await prePublish({body: '> Quote\n> the the town.', format: 'markdown'}, undefined, {checker})
    expect(of('repeated-word', markdown.messages)).toEqual(['body 2:3 the the'])
  })

  test('without a checker, uses the default one', async () => {
    const result = await prePublish({body: 'Casualties: TK.'})
    expect(of('leftovers', result.messages)).toEqual(['body 1:13 TK'])
  })

  test.each([
    ['a long story', 60],
    ['a story over 256 KB (checked in sections)', 2700]
  ])('%s with a TK at its end and a 1 ms budget is held, the TK reported', async (_name, paragraphs) => {
    const para = 'The council met on Tuesday to discuss the budget for the coming year, and members agreed on most of it.\n\n'
    const body = para.repeat(paragraphs) + 'The mayor said TK people attended.'
    const result = await prePublish({headline: 'Council meets TK', body}, undefined, {checker, timeoutMs: 1})
    expect(result.verdict).toBe('hold')
    expect(result.complete).toBe(false)
    expect(result.incomplete).toEqual([
      'acronyms', 'confusables', 'courtesy-titles', 'dates', 'dialect', 'empty-story', 'house-forms', 'indefinite-article',
      'money', 'name-consistency', 'numbers', 'percent', 'repeated-word', 'spelling', 'states', 'times', 'titles',
      'word-collision'
    ])
    expect(result.reason).toBe(
      'copydesk ran out of time before it finished checking this story (acronyms, confusables, courtesy-titles, dates and 14 more did not run over all of it); hold it and check again, or check it in parts.'
    )
    expect(of('leftovers', result.messages)).toEqual(['headline 1:15 TK', `body ${paragraphs * 2 + 1}:16 TK`])
    expect(result.counts).toEqual({error: 2, warning: 0, suggestion: 0})
  })

  test('a complete check says so: no incomplete checks, no reason', async () => {
    const result = await prePublish({body: 'The council met on Tuesday.'}, undefined, {checker, timeoutMs: 60_000})
    expect(result).toEqual({verdict: 'pass', counts: {error: 0, warning: 0, suggestion: 0}, messages: [], complete: true, incomplete: []})
  })

  testCorpus('a time budget returns what was found, marked incomplete', async () => {
    const long = Array.from({length: 4}, () => seed).join('\n\n')
    const full = await prePublish({body: long}, undefined, {checker})
    expect(full.complete).toBe(true)
    const started = performance.now()
    const partial = await prePublish({body: long}, undefined, {checker, timeoutMs: 1})
    const elapsed = performance.now() - started
    expect(partial.complete).toBe(false)
    // What it did find is what a full check finds.
    const all = new Set(full.messages.map((message) => JSON.stringify(message)))
    for (const message of partial.messages) expect(all.has(JSON.stringify(message))).toBe(true)
    expect(partial.messages.length).toBeLessThan(full.messages.length)
    expect(elapsed).toBeLessThan(5000)
  })

  test.each<[string, unknown, unknown, string]>([
    ['no body', {headline: 'x'}, undefined, "the story's `body` must be a string, got undefined"],
    ['a bad format', {body: 'x', format: 'docx'}, undefined, "the story's `format` is \"docx\""],
    ['an unknown policy key', {body: 'x'}, {blocks: ['error']}, 'unknown policy key `blocks`'],
    ['a bad severity', {body: 'x'}, {block: ['fatal']}, 'policy `block` must be a list of severities']
  ])('%s is a TypeError', async (_name, story, policy, message) => {
    await expect(prePublish(story as never, policy as never, {checker})).rejects.toThrow(message)
  })
})

describe('examples/cms/strapi (in process)', () => {
  /** A stand-in for Strapi 5's document service and logger. */
  function fakeStrapi(draft: Record<string, unknown> | null) {
    const middlewares: Array<(context: unknown, next: () => Promise<unknown>) => Promise<unknown>> = []
    const findOne = vi.fn(async () => draft)
    const strapi = {
      documents: Object.assign(() => ({findOne}), {use: (middleware: (typeof middlewares)[number]) => middlewares.push(middleware)}),
      log: {warn: vi.fn()}
    }
    const publish = (context: object) => {
      const next = vi.fn(async () => 'published')
      return {next, result: middlewares[0]({uid: 'api::article.article', action: 'publish', params: {documentId: 'd1'}, ...context}, next)}
    }
    return {strapi, findOne, publish}
  }

  test('blocks publishing a story with errors', async () => {
    const {registerCopydesk} = await import('../examples/cms/strapi/copydesk.js')
    const {strapi, publish, findOne} = fakeStrapi({title: 'Storm floods harbor', body: 'Casualties: **TK**.'})
    registerCopydesk(strapi)
    const {next, result} = publish({})
    await expect(result).rejects.toMatchObject({name: 'ApplicationError', message: expect.stringContaining('Remove `TK` before publishing: it marks copy still to come (body 1:15)') as unknown})
    expect(findOne).toHaveBeenCalledWith({documentId: 'd1', locale: undefined, status: 'draft'})
    expect(next).not.toHaveBeenCalled()
  })

  test('lets a clean story through, and other actions alone', async () => {
    const {registerCopydesk} = await import('../examples/cms/strapi/copydesk.js')
    const {strapi, publish, findOne} = fakeStrapi({title: 'Storm floods harbor', body: 'Residents left the the town.'})
    registerCopydesk(strapi, {policy: {block: ['error'], warn: []}})
    const published = publish({})
    await expect(published.result).resolves.toBe('published')
    expect(published.next).toHaveBeenCalledOnce()
    const updated = publish({action: 'update'})
    await expect(updated.result).resolves.toBe('published')
    expect(findOne).toHaveBeenCalledOnce()
  })
})

describe('prePublish with the floor: the must-never-publish checks cannot be switched off', () => {
  const html = [
    '<p>The council met on Monday.</p>',
    '<!-- copydesk disable -->',
    '<p>Casualties: TK.</p>',
    '<!-- copydesk enable -->',
    '<p data-copydesk="skip">Photo: lorem ipsum dolor.</p>',
    '<p class="copydesk-skip">Credit: TK</p>'
  ].join('\n')

  test('without the floor the story hides its TK and lorem ipsum (today\'s behaviour, kept by default)', async () => {
    const result = await prePublish({body: html, format: 'html'}, undefined, {checker})
    expect(of('leftovers', result.messages)).toEqual([])
    expect(result.verdict).toBe('pass')
    expect(result.overridden).toBeUndefined()
  })

  test('a control comment and skip markers do not hide them: block, and the result names each switch ignored', async () => {
    for (const options of [{checker, floor: true}, {floor: true}]) {
      const result = await prePublish({body: html, format: 'html'}, undefined, options)
      expect(of('leftovers', result.messages)).toEqual(['body 3:16 TK', 'body 5:32 lorem ipsum', 'body 6:34 TK'])
      expect(result.messages.find((message) => message.ruleId === 'leftovers')).toMatchObject({severity: 'error', offset: html.indexOf('TK'), endOffset: html.indexOf('TK') + 2})
      expect(result).toMatchObject({verdict: 'block', complete: true, incomplete: []})
      expect(result.overridden).toEqual([
        'story: <!-- copydesk disable --> at 2:1',
        'story: <p data-copydesk="skip"> at 5:1',
        'story: <p class="copydesk-skip"> at 6:1'
      ])
    }
  })

  test('Markdown: `ignore leftovers` before a paragraph does not hide its TK', async () => {
    const body = 'The council met.\n\n<!-- copydesk ignore leftovers -->\nCasualties: TK.\n'
    const result = await prePublish({body, format: 'markdown'}, undefined, {floor: true})
    expect(of('leftovers', result.messages)).toEqual(['body 4:13 TK'])
    expect(result.verdict).toBe('block')
    expect(result.overridden).toEqual(['story: <!-- copydesk ignore leftovers --> at 3:1'])
  })

  test('a comment that names other checks only is not the floor\'s business: nothing overridden', async () => {
    const body = '<!-- copydesk disable spelling -->\n<p>Casualties: TK.</p>'
    const result = await prePublish({body, format: 'html'}, undefined, {floor: true})
    expect(of('leftovers', result.messages)).toEqual(['body 2:16 TK'])
    expect(result.overridden).toBeUndefined()
  })

  test('a policy that blocks nothing, and checks that turn leftovers off or down, cannot stop the TK from blocking', async () => {
    const story = {body: 'Residents left the the town.\n\nCasualties: TK.'}
    const before = await prePublish(story, {block: [], warn: []}, {options: {checks: {leftovers: 'off'}}})
    expect([before.verdict, of('leftovers', before.messages)]).toEqual(['pass', []])
    const off = await prePublish(story, {block: [], warn: []}, {options: {checks: {leftovers: 'off'}}, floor: true})
    expect(off.verdict).toBe('block')
    expect(of('leftovers', off.messages)).toEqual(['body 3:13 TK'])
    expect(off.overridden).toEqual(['options: checks.leftovers is "off"', 'policy: block is []'])
    const down = await prePublish(story, {block: ['error']}, {options: {checks: {leftovers: 'suggestion'}}, floor: true})
    expect(down.messages.filter((message) => message.ruleId === 'leftovers').map((message) => message.severity)).toEqual(['error'])
    expect(down.verdict).toBe('block')
    expect(down.overridden).toEqual(['options: checks.leftovers is "suggestion"'])
  })

  test('with the floor, a clean story still passes and a warning still only warns (the floor adds nothing else)', async () => {
    expect(await prePublish({body: seed}, undefined, {checker, floor: true})).toEqual(await prePublish({body: seed}, undefined, {checker}))
    const warned = await prePublish({body: 'Residents left the the town.'}, undefined, {checker, floor: true})
    expect([warned.verdict, warned.overridden]).toEqual(['warn', undefined])
  })
})
