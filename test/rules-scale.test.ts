/**
 * A big house style (issue 23) at speed, finding what it found before:
 *
 * - the `substitution` plugin looks every file's rules up in one index per
 *   scope; each file must still report exactly what an index of its own
 *   rules alone reported (the old way, and the plugin's path for one file):
 *   overlaps within a file (longest first, one finding per span) and across
 *   files (each file reports its own), case (smart, exact, ALL CAPS, the
 *   capital of a sentence start), phrases across a line break, apostrophes
 *   straight and curly, hyphenated words, scopes, on a generated big style;
 * - plain phrases (letters and single spaces: most of a big style) are cut
 *   into tokens without the parser, exactly as the parser cuts them.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {VFile} from 'vfile'
import type {Root} from 'nlcst'
import {loadStyle, defaultRulesFolder} from '../src/style.js'
import {substitution, type SubstitutionData} from '../src/house-style/kinds/substitution.js'
import type {CompiledRuleFile} from '../src/house-style/kind.js'
import {parsedTokens, plainTokens, tokenize} from '../src/house-style/sequence.js'
// @ts-expect-error: a plain JavaScript script
import {rulesFiles, writeRulesFolder} from '../scripts/rules-folder.js'

// Compiled here, not read from (or written to) the disk cache.
process.env.COPYDESK_CACHE = 'off'
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-rules-scale-'))
afterAll(() => fs.rmSync(work, {recursive: true, force: true}))

const rules = path.join(work, 'rules')
writeRulesFolder(rules, 3000)
// Two more files whose phrases overlap within each and across the two.
fs.writeFileSync(
  path.join(rules, 'overlap-a.yml'),
  [
    'kind: substitution',
    'message: Use `{expected}`, not `{actual}`.',
    'entries:',
    '  - {id: za-1, avoid: zorbel quenth, use: zemplinth}',
    '  - {id: za-2, avoid: quenth, use: plonth}',
    '  - {id: za-3, avoid: Vashti Cove, use: Vashti Zay}',
    "  - {id: za-4, avoid: \"o'brine\", use: obrine}",
    '  - {id: za-5, avoid: glimber, use: glamber, scope: headline}',
    '  - {id: za-6, avoid: snorvel, use: snarvel, scope: all}',
    ''
  ].join('\n')
)
fs.writeFileSync(
  path.join(rules, 'overlap-b.yml'),
  [
    'kind: substitution',
    'message: Use `{expected}`, not `{actual}`.',
    'entries:',
    '  - {id: zb-1, avoid: quenth dravel, use: dravelpath}',
    '  - {id: zb-2, avoid: zorbel, use: zarbel}',
    '  - {id: zb-3, avoid: Dravel, use: Drovel, case: exact}',
    '  - {id: zb-4, avoid: [plex, plex quorn, plex quorn tavel], use: plax}',
    ''
  ].join('\n')
)

const style = loadStyle([defaultRulesFolder, rules])
const files = style.files.filter((file) => file.kind === 'substitution') as Array<CompiledRuleFile<SubstitutionData>>

/** The avoided phrases of the generated files, as written. */
function generatedPhrases(): string[] {
  const phrases: string[] = []
  for (const name of fs.readdirSync(rules).filter((n) => n.startsWith('newsroom-forms-'))) {
    const text = fs.readFileSync(path.join(rules, name), 'utf8')
    for (const match of text.matchAll(/^ {4}avoid: (.+)$/gm)) phrases.push(...(JSON.parse(match[1]!.replace(/^"(.*)"$/, '["$1"]')) as string[]))
  }
  return phrases
}

/** A story of `phrases` in the shapes copy has them in. */
function storyOf(phrases: string[]): string {
  const shapes = [
    (p: string) => `Officials said the ${p} was new.`,
    (p: string) => `${p.charAt(0).toUpperCase() + p.slice(1)} came first, they said.`,
    (p: string) => `THE ${p.toUpperCase()} WAS NEW.`,
    (p: string) => `They saw the ${p.replace(/ /g, '\n')} today.`,
    (p: string) => `The ${p}'s rise and the ${p}’s fall were noted.`,
    (p: string) => `An anti-${p} group met in the ${p}.`,
    (p: string) => `"The ${p} is fine," she said of the ${p} ${p}.`
  ]
  const sentences = phrases.map((phrase, index) => shapes[index % shapes.length]!(phrase))
  const paragraphs: string[] = []
  for (let index = 0; index < sentences.length; index += 4) paragraphs.push(sentences.slice(index, index + 4).join(' '))
  return paragraphs.join('\n\n') + '\n'
}

const handmade = [
  'The zorbel quenth dravel rose, and the Zorbel\nquenth fell.',
  'QUENTH’s men and the quenth’s men met at Vashti Cove; vashti cove is another place.',
  "O'brine and o’brine, plex quorn tavel, plex quorn and plex, Dravel and dravel.",
  'A glimber and a snorvel; Snorvel said so.',
  'Quenth dravel was first.'
].join('\n\n')

/** The messages of the substitution plugin with `list` over `text` (a headline story when `headline`), as lines. */
function run(list: ReadonlyArray<CompiledRuleFile<SubstitutionData>>, text: string, headline = false): string[] {
  const tree = unified().use(retextEnglish).parse(text) as Root
  const file = new VFile(text)
  if (headline) (file.data as {headline?: boolean}).headline = true
  const transformer = (substitution as unknown as (options: {files: typeof list}) => (tree: Root, file: VFile) => void)({files: list})
  transformer(tree, file)
  return file.messages.map((message) =>
    [message.place && 'start' in message.place ? `${message.place.start.offset}-${message.place.end.offset}` : '', message.ruleId, `[${message.actual}]`, message.expected?.join('|'), String(message)].join(' ')
  )
}

/** Each file alone (an index of its own rules: what the plugin did before it indexed every file's rules together). */
function eachAlone(text: string, headline = false): string[] {
  return files.flatMap((file) => run([file], text, headline))
}

const sorted = (lines: string[]) => [...lines].sort()
/** Span, file and text of each finding. */
const brief = (lines: string[]) => lines.map((line) => /^\S+ \S+ \[[^\]]*\]/.exec(line)![0])

describe('one index over every substitution file', () => {
  test('the generated style has many files of substitutions', () => {
    expect(files.map((file) => file.ruleId)).toEqual(expect.arrayContaining(['house-forms', 'newsroom-forms-01', 'newsroom-forms-02', 'overlap-a', 'overlap-b']))
    expect(files.reduce((sum, file) => sum + file.data.rules.length, 0)).toBeGreaterThan(3000)
  })

  test('overlaps within a file and across files, case, line breaks, apostrophes: each file finds what it found alone', () => {
    const together = run(files, handmade)
    expect(sorted(together)).toEqual(sorted(eachAlone(handmade)))
    // Within a file, the longest phrase at a start wins and a phrase inside it is not reported again
    // (overlap-a: `zorbel quenth`, not its `quenth`); another file reports its own (overlap-b: `zorbel`,
    // `quenth dravel`). Capitals as written (`Vashti Cove`, not `vashti cove`; `Dravel`, not `dravel`).
    expect(brief(together)).toEqual([
      // One sentence: overlap-a's findings, then overlap-b's (files in load order, per sentence).
      '4-17 overlap-a [zorbel quenth]',
      '39-52 overlap-a [Zorbel\nquenth]',
      '4-10 overlap-b [zorbel]',
      '11-24 overlap-b [quenth dravel]',
      '39-45 overlap-b [Zorbel]',
      '60-66 overlap-a [QUENTH]',
      '81-87 overlap-a [quenth]',
      '101-112 overlap-a [Vashti Cove]',
      "145-152 overlap-a [O'brine]",
      '157-164 overlap-a [o’brine]',
      '166-182 overlap-b [plex quorn tavel]',
      '184-194 overlap-b [plex quorn]',
      '199-203 overlap-b [plex]',
      '205-211 overlap-b [Dravel]',
      '241-248 overlap-a [snorvel]',
      '250-257 overlap-a [Snorvel]',
      '268-274 overlap-a [Quenth]',
      '268-281 overlap-b [Quenth dravel]'
    ])
  })

  test('a headline: the headline-only and all-scope entries, as each file alone', () => {
    const together = run(files, 'Glimber and snorvel\n', true)
    expect(sorted(together)).toEqual(sorted(eachAlone('Glimber and snorvel\n', true)))
    expect(brief(together)).toEqual(['0-7 overlap-a [Glimber]', '12-19 overlap-a [snorvel]'])
  })

  test('thousands of generated phrases in copy: each file finds what it found alone', () => {
    const phrases = generatedPhrases()
    expect(phrases.length).toBeGreaterThan(2000)
    // Every third phrase, in every shape (a story of ~900 sentences).
    const text = storyOf(phrases.filter((_, index) => index % 3 === 0))
    const together = run(files, text)
    expect(together.length).toBeGreaterThan(1000)
    expect(sorted(together)).toEqual(sorted(eachAlone(text)))
  }, 120_000)
})

describe('plain phrases are tokenized without the parser', () => {
  test('as the parser cuts them, for every phrase of a generated style', () => {
    const phrases = new Set<string>(['I', 'a', 'US', 'Per Cent', 'per cent', 'AP Stylebook', 'x y z'])
    // Patterns with slots, as compilePattern marks them (`{number} {unit}`, `said {a} to {b}`).
    for (const marked of ['zqslotaqz zqslotbqz', 'said zqslotaqz to zqslotbqz', 'zqslotbbqz']) phrases.add(marked)
    for (const [, text] of rulesFiles(2000) as Array<[string, string]>) {
      for (const match of text.matchAll(/"([^"]+)"/g)) if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(match[1]!)) phrases.add(match[1]!)
    }
    expect(phrases.size).toBeGreaterThan(2000)
    const shape = (tokens: ReturnType<typeof tokenize>) =>
      tokens.map((token) => ({value: token.value, lower: token.lower, type: token.type, word: token.word, first: token.first, last: token.last, text: (token.node as {value?: string}).value}))
    for (const phrase of phrases) expect(shape(plainTokens(phrase)), phrase).toEqual(shape(parsedTokens(phrase)))
  })

  test('anything else goes to the parser', () => {
    for (const phrase of ['e-mail', "al-Qaeda's", 'per cent.', 'U.S.', 'two  spaces', ' lead', 'naïve', 'Kiev’s']) {
      expect(tokenize(phrase)).toEqual(parsedTokens(phrase))
    }
  })
})
