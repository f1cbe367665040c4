/**
 * src/nlcst/break-sentences.ts: parse-latin's sentence break at a blank line,
 * done without a string and an array per white space. The trees must be the
 * very trees parse-latin makes.
 */
import {ParseEnglish} from 'parse-english'
import {describe, expect, test} from 'vitest'
import {breakImplicitSentences, fastParagraphPlugins} from '../src/nlcst/break-sentences.js'
import {check} from '../src/index.js'
import {corpusFileNames, readShared, testCorpus} from './util/corpus.js'

function parsers() {
  const fast = new ParseEnglish()
  fastParagraphPlugins(fast.tokenizeParagraphPlugins)
  return {plain: new ParseEnglish(), fast}
}

// A run of line breaks and spaces alone ends a paragraph; with other white space in it (a no-break space, a form feed) it stays inside one and breaks the sentence.
const shapes = [
  'One sentence\n\u00a0\nand a second after a blank line.',
  'One\n\f\ntwo and\n\n\fthree, then\r\n\u00a0\r\nfour and\r\u00a0\rfive.',
  'One sentence\n\nand a second after a blank line.',
  'Line one\nline two stays one sentence.',
  'CRLF\r\n\r\nbreaks too, and so does\r\rCR alone.',
  'A CRLF\r\nalone does not break.',
  'Three\n\n\nbreaks\n \n \nand spaces between them\n\nand more\n\nparts.',
  'Ends with space \n\n',
  '\n\nStarts with a blank line.',
  'Quote “open\n\nclose” and (paren\n\nclose).'
]

describe('breakImplicitSentences', () => {
  test('takes parse-latin’s place in a parser’s paragraph plugins, once', () => {
    const {plain, fast} = parsers()
    expect(fast.tokenizeParagraphPlugins).toHaveLength(plain.tokenizeParagraphPlugins.length)
    expect(fast.tokenizeParagraphPlugins.filter((plugin, index) => plugin !== plain.tokenizeParagraphPlugins[index])).toEqual([breakImplicitSentences])
  })

  test('makes parse-latin’s trees on blank lines, CRLF, CR and white space between', () => {
    const {plain, fast} = parsers()
    for (const text of shapes) expect(fast.parse(text)).toEqual(plain.parse(text))
    const [paragraph] = fast.parse(shapes[1]!).children as Array<{children: Array<{type: string}>}>
    expect(paragraph!.children.map((child) => child.type).join(' ')).toBe(Array(5).fill('SentenceNode').join(' WhiteSpaceNode '))
  })

  testCorpus('makes parse-latin’s trees on every story of the news corpus', () => {
    const {plain, fast} = parsers()
    const names = corpusFileNames()
    expect(names.length).toBeGreaterThan(200)
    for (const name of names) {
      const text = readShared('corpus/news/' + name)
      expect(fast.parse(text), name).toEqual(plain.parse(text))
    }
  })

  test('copy checked with it: a blank line still ends a sentence for the checks', async () => {
    // `Goverment` opens a sentence only after the break (a capitalized word inside one is a name).
    const file = await check('Officials met\n\u00a0\nGoverment officials.')
    expect(file.messages.map(String)).toEqual(['3:1-3:10: `Goverment` is not in the dictionary; did you mean `Government`?'])
  })
})
