/**
 * `dialect`: correct British spelling in American copy (and American in
 * British), with the story dialect's form as `expected`.
 */
import fs from 'node:fs'
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {spellerFor} from '../src/spell/dictionaries.js'
import {fields, flaggedBy, onlyChecks} from './util/messages.js'
import {docsUrl} from '../src/message.js'
import {corpusFileNames, describeCorpus, readShared} from './util/corpus.js'

const ruleId = 'dialect'
const only = onlyChecks(ruleId)
const flagged = flaggedBy(ruleId, only)

describe('dialect', () => {
  test('a whole message', async () => {
    const file = await check('The ministry raised defence spending.', only)
    const messages = file.messages.filter((message) => message.ruleId === ruleId)
    expect(messages.map(fields)).toEqual([
      {
        reason: '`defence` is British spelling; use `defense`',
        ruleId: 'dialect',
        source: 'copydesk',
        place: {
          start: {line: 1, column: 21, offset: 20},
          end: {line: 1, column: 28, offset: 27}
        },
        actual: 'defence',
        expected: ['defense'],
        url: docsUrl('dialect'),
        fatal: false,
        note: 'The story is checked as en-US (American spelling); set `dialect` to change it.',
        data: undefined
      }
    ])
  })

  test.each([
    [
      'The defence programme of the organisation, the centre of labour privatisation.',
      [
        '1:5-1:12: `defence` is British spelling; use `defense`',
        '1:13-1:22: `programme` is British spelling; use `program`',
        '1:30-1:42: `organisation` is British spelling; use `organization`',
        '1:48-1:54: `centre` is British spelling; use `center`',
        '1:58-1:64: `labour` is British spelling; use `labor`',
        '1:65-1:78: `privatisation` is British spelling; use `privatization`'
      ]
    ],
    [
      'They travelled to analyse the catalogue of paediatric ageing.',
      [
        '1:6-1:15: `travelled` is British spelling; use `traveled`',
        '1:19-1:26: `analyse` is British spelling; use `analyze`',
        '1:31-1:40: `catalogue` is British spelling; use `catalog`',
        '1:44-1:54: `paediatric` is British spelling; use `pediatric`',
        '1:55-1:61: `ageing` is British spelling; use `aging`'
      ]
    ],
    // Two rewrites at once, inflections, and the few irregular pairs.
    [
      'Troops manoeuvred; centred, fulfil, grey cheques.',
      [
        '1:8-1:18: `manoeuvred` is British spelling; use `maneuvered`',
        '1:20-1:27: `centred` is British spelling; use `centered`',
        '1:29-1:35: `fulfil` is British spelling; use `fulfill`',
        '1:37-1:41: `grey` is British spelling; use `gray`',
        '1:42-1:49: `cheques` is British spelling; use `checks`'
      ]
    ],
    // Known to the British word list only (each list keeps to its dialect).
    [
      'The foetus weighed a gramme, the caesarean report said.',
      [
        '1:5-1:11: `foetus` is British spelling; use `fetus`',
        '1:22-1:28: `gramme` is British spelling; use `gram`',
        '1:34-1:43: `caesarean` is British spelling; use `cesarean`'
      ]
    ],
    // Opening a sentence, and nowhere a name: a word.
    ['Organisation matters.', ['1:1-1:13: `Organisation` is British spelling; use `Organization`']],
    // Compound parts; possessives keep their apostrophe.
    [
      'A labour-intensive plan for the programme’s future.',
      [
        '1:3-1:9: `labour` is British spelling; use `labor`',
        '1:33-1:44: `programme’s` is British spelling; use `program’s`'
      ]
    ]
  ])('flags (en-US): %s', async (text, expected) => {
    expect(await flagged(text)).toEqual(expected)
  })

  test.each([
    [
      'The color of the center; they organize a defense and traveled.',
      [
        '1:5-1:10: `color` is American spelling; use `colour`',
        '1:18-1:24: `center` is American spelling; use `centre`',
        '1:31-1:39: `organize` is American spelling; use `organise`',
        '1:42-1:49: `defense` is American spelling; use `defence`',
        '1:54-1:62: `traveled` is American spelling; use `travelled`'
      ]
    ]
  ])('flags (en-GB): %s', async (text, expected) => {
    expect(await flagged(text, {dialect: 'en-GB'})).toEqual(expected)
  })

  test('in quotation marks: reported, and marked `quoted`', async () => {
    const file = await check('He said: “Our defence is strong.”', only)
    const messages = file.messages.filter((message) => message.ruleId === ruleId)
    expect(messages.map((message) => [String(message), (message as {data?: unknown}).data])).toEqual([
      ['1:15-1:22: `defence` is British spelling; use `defense`', {quoted: true}]
    ])
  })

  test.each([
    // Names keep their spelling.
    'The Labour Party and the Defence Secretary met at the Centre for Policy Studies.',
    'Labour said so, and Labour leader Tony Blair agreed.',
    'Labour Party officials said so.',
    'He watched the soap “Neighbours” every night.',
    // ALL-CAPS, and words both dialects accept.
    'THE CENTRE HELD. The program and the license are fine.',
    // American spelling under en-US.
    'The defense program of the organization, the center of labor.',
    // Words of the American list that a rewrite would make another word.
    'The femme fatale was borne along the bourne by ampullae of ballers.'
  ])('silent (en-US): %s', async (text) => {
    expect(await flagged(text)).toEqual([])
  })

  test.each([
    'The defence programme of the organisation, the centre of labour.',
    // Both dialects accept `program` (computer programs).
    'The computer program crashed.'
  ])('silent (en-GB): %s', async (text) => {
    expect(await flagged(text, {dialect: 'en-GB'})).toEqual([])
  })

  test('`spelling` never reports what `dialect` does', async () => {
    const file = await check('The defence programme of the organisation.')
    expect(file.messages.filter((message) => message.ruleId === 'spelling').map(String)).toEqual([])
    expect(file.messages.filter((message) => message.ruleId === ruleId)).toHaveLength(3)
  })

  test('words in the `dictionary` option are never reported', async () => {
    expect(await flagged('The centre held.', {dictionary: ['centre']})).toEqual([])
  })
})

/**
 * The news corpus under en-US: Reuters' London and Asian bureaus and the BBC
 * write British spelling, so every `dialect` finding there should be a word
 * en-GB accepts and en-US does not, with an en-US word as the fix.
 */
describeCorpus('dialect: corpus', () => {
  const files = corpusFileNames()

  test('every finding is a British spelling with an American fix', async () => {
    const us = spellerFor('en-US')
    const gb = spellerFor('en-GB')
    const wrong: string[] = []
    let count = 0
    for (const name of files) {
      const file = await check(readShared('corpus/news/' + name), only)
      for (const message of file.messages) {
        if (message.ruleId !== ruleId) continue
        count++
        const actual = String(message.actual).replace(/’/g, "'")
        const fix = String(message.expected?.[0]).replace(/’/g, "'")
        if (us.correct(actual) || !gb.correct(actual) || !us.correct(fix)) {
          wrong.push(`${name}:${message.line}:${message.column} ${actual} → ${fix}`)
        }
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([])
    // Measured: 379 (285 Reuters, 94 BBC). A big drop means names or words went missing.
    expect(count).toBeGreaterThan(340)
  }, 120_000)
})
