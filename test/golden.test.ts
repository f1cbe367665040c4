/**
 * Golden outputs: every message check() makes on the repo's own texts (the
 * examples, the fixtures, every rules entry's examples, generated fuzz text,
 * a long story checked in sections) and on the shared corpus, compared field
 * by field with a snapshot taken before a change. Speed work (issue 10) must
 * not change any message, span, order or verdict; this test is the proof.
 *
 * The snapshot of our own texts is test/fixtures/golden/messages.json. The
 * corpus is not ours to copy, so for it test/fixtures/golden/corpus.json
 * keeps only a count and a hash of the messages per story.
 *
 * After a change that is meant to alter messages, refresh both with
 * `GOLDEN_UPDATE=1 npx vitest run test/golden.test.ts` and review the diff.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {createChecker, type Checker} from '../src/index.js'
import {incompleteChecks} from '../src/deadline.js'
import type {CheckOptions, Options} from '../src/index.js'
import {defaultRulesFolder} from '../src/house-style/compile.js'
import {kinds} from '../src/house-style/kinds/index.js'
import {loadRules} from '../src/house-style/load.js'
import {story as fuzzStory} from '../scripts/fuzz-lib.js'
import {corpusStories, testCorpus} from './util/corpus.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rootUrl = new URL('../', import.meta.url).href
const folder = path.join(root, 'test', 'fixtures', 'golden')
const update = Boolean(process.env.GOLDEN_UPDATE)

/** A node's type and span, for `ancestors` (nodes themselves are circular). */
function nodeSummary(node: {type?: string; position?: {start: {offset?: number}; end: {offset?: number}}}) {
  return [node.type, node.position?.start.offset, node.position?.end.offset]
}

/** Every own field of a message as JSON data, `url`s relative to the repo. */
function serialize(message: VFileMessage): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(message).sort()) {
    const value = (message as unknown as Record<string, unknown>)[key]
    if (value === undefined) continue
    if (key === 'ancestors') out[key] = (value as Array<Parameters<typeof nodeSummary>[0]>).map(nodeSummary)
    else if (key === 'cause') out[key] = value instanceof Error && 'reason' in value ? serialize(value as VFileMessage) : String(value)
    else if (key === 'url' && typeof value === 'string') out[key] = value.replace(rootUrl, '<root>/')
    else out[key] = value
  }
  return out
}

function outcome(file: VFile) {
  return {messages: file.messages.map(serialize), incomplete: incompleteChecks(file)}
}

/** Checkers by configuration: made once, like a server's. */
const configurations: Record<string, Options> = {
  default: {},
  'en-GB': {dialect: 'en-GB'},
  newsroom: {rules: [path.join(root, 'test', 'fixtures', 'newsroom')]}
}
const checkers = new Map<string, Checker>()
function checkerFor(name: string): Checker {
  let checker = checkers.get(name)
  if (!checker) {
    // Every finding kept (`maxFindings`, default 1,000): the long story has more.
    checker = createChecker({...configurations[name], maxFindings: Number.POSITIVE_INFINITY})
    checkers.set(name, checker)
  }
  return checker
}

interface Case {
  name: string
  text: string
  configuration: string
  options?: CheckOptions & {onCritical?: () => void}
  /** Keep only a count and hash in the snapshot (long outputs, or ones mostly like another case's). */
  hashed?: boolean
}

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')

function ownCases(): Case[] {
  const cases: Case[] = []
  const texts = ['examples/story.txt', 'test/fixtures/clean-story.txt', 'test/fixtures/typos.txt', 'test/fixtures/golden/edge-cases.txt']
  for (const file of texts) {
    for (const configuration of Object.keys(configurations)) {
      // typos.txt is a list of ~500 misspellings: its messages are mostly spelling's, kept as a hash.
      cases.push({name: `${file} ${configuration}`, text: read(file), configuration, hashed: file.includes('typos')})
    }
  }
  const story = read('examples/story.txt')
  const [headline, ...rest] = story.split('\n')
  cases.push({name: 'examples/story.txt headline: true', text: story, configuration: 'default', options: {headline: true}})
  // A headline given apart, and a caller waiting for the critical findings: the two-phase path.
  cases.push({
    name: 'examples/story.txt headline string, two phases',
    text: rest.join('\n'),
    configuration: 'default',
    options: {headline, onCritical() {}}
  })
  cases.push({name: 'examples/story.md', text: read('examples/story.md'), configuration: 'default', options: {format: 'markdown'}})
  cases.push({name: 'examples/story.html', text: read('examples/story.html'), configuration: 'default', options: {format: 'html'}})
  // Blank and almost blank stories (empty-story).
  const blanks = ['', ' ', '\n\n', '\ufeff', '\u200b \u0000', '\ufffd\t', 'x', ' —', '\ud83d\ude00', '\u00a0.', '<p></p>', '<!-- c -->']
  blanks.forEach((text, index) => {
    for (const format of ['text', 'markdown', 'html'] as const) cases.push({name: `blank ${index} ${format}`, text, configuration: 'default', options: {format}})
  })
  cases.push({name: 'edge-cases.txt markdown', text: read('test/fixtures/golden/edge-cases.txt'), configuration: 'default', options: {format: 'markdown'}})
  cases.push({name: 'examples/story.md two phases', text: read('examples/story.md'), configuration: 'default', options: {format: 'markdown', onCritical() {}}})

  // Every rules entry's examples, one story per rules file (so story-wide
  // checks such as first reference see them together), and each alone.
  for (const file of loadRules([defaultRulesFolder], kinds)) {
    const examples = file.entries.flatMap((entry) => [...(entry.examples?.flag || []), ...(entry.examples?.allow || [])])
    for (const configuration of ['default', 'en-GB']) {
      cases.push({
        name: `rules/${file.ruleId}.yml all examples ${configuration}`,
        text: examples.join('\n\n') + '\n',
        configuration,
        hashed: configuration !== 'default'
      })
    }
    examples.forEach((text, index) => {
      cases.push({name: `rules/${file.ruleId}.yml example ${index}`, text, configuration: 'default'})
      cases.push({name: `rules/${file.ruleId}.yml example ${index} as headline`, text, configuration: 'default', options: {headline: true}, hashed: true})
    })
  }

  // Generated text that hits odd tokens (as `npm run fuzz` makes), fixed seed.
  const generated = fc.sample(fuzzStory(60), {seed: 20261127, numRuns: 150})
  generated.forEach((text, index) => {
    const format = (['text', 'markdown', 'html'] as const)[index % 3]
    cases.push({name: `fuzz ${index} ${format}`, text, configuration: 'default', options: {format}})
  })

  // Longer than a section (256 KB): checked in pieces cut at blank lines.
  const long = Array.from({length: 24}, () => story + '\n\n' + read('test/fixtures/typos.txt')).join('\n\n')
  cases.push({name: 'long story in sections', text: long, configuration: 'default', hashed: true})
  return cases
}

async function run(one: Case): Promise<unknown> {
  const file = await checkerFor(one.configuration).check(one.text, one.options)
  return one.hashed ? hashOf(outcome(file)) : outcome(file)
}

/** A count and a hash of an outcome, for the snapshot. */
function hashOf(result: ReturnType<typeof outcome>): string {
  return `${result.messages.length} ${crypto.createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 16)}`
}

/** The snapshot as JSON with one message a line, so a change reads as a short diff. */
function format(value: Record<string, unknown>): string {
  const lines = Object.entries(value).map(([name, result]) => {
    if (typeof result === 'string') return `${JSON.stringify(name)}: ${JSON.stringify(result)}`
    const {messages, incomplete} = result as ReturnType<typeof outcome>
    const list = messages.map((message) => '   ' + JSON.stringify(message)).join(',\n')
    return `${JSON.stringify(name)}: {"incomplete": ${JSON.stringify(incomplete)}, "messages": [${list ? '\n' + list + '\n  ' : ''}]}`
  })
  return '{\n ' + lines.join(',\n ') + '\n}\n'
}

describe('golden outputs', () => {
  test('our own texts: every message as before', async () => {
    const cases = ownCases()
    const actual: Record<string, unknown> = {}
    for (const one of cases) actual[one.name] = await run(one)
    const file = path.join(folder, 'messages.json')
    if (update) {
      fs.mkdirSync(folder, {recursive: true})
      fs.writeFileSync(file, format(actual))
    }
    const expected = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(Object.keys(actual)).toEqual(Object.keys(expected))
    for (const name of Object.keys(expected)) expect(actual[name], name).toEqual(expected[name])
    // The snapshot is not empty: it holds findings of every kind of check.
    const full = Object.values(actual).filter((value): value is ReturnType<typeof outcome> => typeof value !== 'string')
    const ruleIds = new Set(full.flatMap((value) => value.messages.map((message) => message.ruleId)))
    expect([...ruleIds].sort()).toEqual(expect.arrayContaining(['acronyms', 'dialect', 'indefinite-article', 'repeated-word', 'spelling', 'titles']))
  })

  testCorpus('the corpus: the same messages per story (count and hash)', async () => {
    const actual: Record<string, Record<string, string>> = {}
    for (const configuration of ['default', 'en-GB']) {
      const hashes: Record<string, string> = {}
      for (const story of corpusStories()) {
        hashes[story.name] = hashOf(outcome(await checkerFor(configuration).check(story.text)))
      }
      actual[configuration] = hashes
    }
    // The first line as headline, as the CMS hook sends it.
    const headlines: Record<string, string> = {}
    for (const story of corpusStories()) {
      headlines[story.name] = hashOf(outcome(await checkerFor('default').check(story.text, {headline: true})))
    }
    actual['headline: true'] = headlines
    const file = path.join(folder, 'corpus.json')
    if (update) {
      fs.mkdirSync(folder, {recursive: true})
      fs.writeFileSync(file, JSON.stringify(actual, null, 1) + '\n')
    }
    const expected = JSON.parse(fs.readFileSync(file, 'utf8'))
    for (const configuration of Object.keys(expected)) {
      const changed = Object.keys(expected[configuration]).filter((name) => actual[configuration]?.[name] !== expected[configuration][name])
      expect(changed, `${configuration}: stories whose messages changed`).toEqual([])
    }
    expect(Object.keys(actual['default']).length).toBe(corpusStories().length)
  })
})
