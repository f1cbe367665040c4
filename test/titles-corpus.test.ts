/**
 * The title rules on professionally edited copy (../shared/corpus/news): every
 * hit of rules/titles.yml read by hand, and a sample of rules/courtesy-titles.yml
 * (every fifth hit). Neither Reuters nor the BBC writes AP style, so a hit where
 * AP differs is right; the target is ≥97% right.
 */
import {describe, expect, test} from 'vitest'
import {corpusHits, corpusStories, testCorpus} from './util/corpus.js'
import {onlyChecks} from './util/messages.js'

const only = onlyChecks()
const describeHit = (message: {line: number | undefined; column: number | undefined; actual?: string | null; expected?: string[] | null}, story: {name: string}) =>
  `${story.name} ${message.line}:${message.column} ${message.actual} → ${message.expected?.[0]}`

let available = true
try {
  corpusStories()
} catch {
  available = false
}

describe.skipIf(!available)('title rules on the news corpus', () => {
  testCorpus('titles: every hit, read by hand', async () => {
    // Each is AP style (A1, A2, A7): false positives are listed apart (none today).
    const right = [
      // "U.S. Senators on Tuesday sharply criticized": plural, no names.
      'reuters/0001.txt 1:6 Senators → senators',
      // "SEC commissioner Steven Wallman".
      'reuters/0001.txt 25:117 commissioner → Commissioner',
      // "Representative Henry Gonzalez and Representative Jesse Jackson Jr.": Rep.
      'reuters/0002.txt 3:1 Representative → Rep.',
      'reuters/0002.txt 3:35 Representative → Rep.',
      // "outgoing Governor Chris Patten", "(CNB) Governor Josef Tosovsky" (AP: Bank of England Gov.).
      'reuters/0011.txt 17:87 Governor → Gov.',
      'reuters/0042.txt 3:56 Governor → Gov.',
      // "the Pope said:".
      'reuters/0112.txt 13:58 Pope → pope',
      // "the British governor Chris Patten".
      'reuters/0112.txt 25:60 governor → Gov.',
      // "the Chinese emperor Gao Zong".
      'reuters/0113.txt 55:62 emperor → Emperor',
      // "Western president Dave Wittig": a company's formal title before a name (A8).
      'reuters/0118.txt 15:35 president → President',
      'reuters/0129.txt 25:170 Governor → Gov.',
      'reuters/0130.txt 23:60 Governor → Gov.',
      'reuters/0131.txt 15:60 Governor → Gov.',
      'reuters/0137.txt 1:15 Governor → Gov.',
      // "former Senator John Tower".
      'reuters/0147.txt 29:174 Senator → Sen.',
      // "led by minority leader Tom Daschle".
      'reuters/0148.txt 27:38 minority leader → Minority Leader',
      'bbc/0007.txt 7:225 economy minister → Economy Minister',
      'bbc/0025.txt 5:656 foreign minister → Foreign Minister',
      // "Mr Blair said the Prime Minister expected".
      'bbc/0025.txt 7:865 Prime Minister → prime minister',
      // "given by the Attorney General".
      'bbc/0026.txt 5:92 Attorney General → attorney general',
      'bbc/0026.txt 15:266 Attorney General → attorney general',
      'bbc/0028.txt 5:192 housing minister → Housing Minister'
    ]
    const hits = await corpusHits('titles', only, describeHit)
    expect(hits).toEqual(right)
  }, 120_000)

  testCorpus('courtesy-titles: a sample of every fifth hit, read by hand', async () => {
    // BBC style uses Mr and Ms on second reference; AP does not (A1.9). Every one is right.
    const sample = [
      'bbc/0004.txt 5:147 Mr Sullivan → Sullivan',
      'bbc/0004.txt 9:1 Mr Ebbers → Ebbers',
      'bbc/0004.txt 9:656 Mr Ebbers → Ebbers',
      "bbc/0010.txt 9:41 Mr Glazer's → Glazer's",
      'bbc/0010.txt 13:528 Mr Magnier → Magnier',
      'bbc/0012.txt 7:304 Mr Mineta → Mineta',
      'bbc/0022.txt 37:126 Mr Williams → Williams',
      'bbc/0025.txt 7:695 Mr Straw → Straw',
      'bbc/0026.txt 11:1 Mr Mates → Mates',
      'bbc/0027.txt 5:249 Mr Milburn → Milburn',
      'bbc/0027.txt 7:938 Mr Milburn → Milburn',
      'bbc/0030.txt 5:677 Mr Blair → Blair',
      'bbc/0030.txt 9:45 Mr Blair → Blair',
      'bbc/0030.txt 13:382 Mr Blair → Blair',
      "bbc/0033.txt 7:71 Mr Kilroy-Silk's → Kilroy-Silk's",
      'bbc/0033.txt 9:94 Mr Houston → Houston',
      'bbc/0035.txt 9:169 Mr Clarke → Clarke',
      'bbc/0036.txt 5:552 Mr Howard → Howard',
      'bbc/0051.txt 13:454 Mr Graber → Graber',
      'bbc/0056.txt 9:394 Mr Romen → Romen',
      'bbc/0060.txt 9:1136 Mr Yoran → Yoran'
    ]
    const hits = await corpusHits('courtesy-titles', only, describeHit)
    expect(hits.filter((_, index) => index % 5 === 4)).toEqual(sample)
    // And the rest have the same shape: a courtesy title, then the name that is expected.
    const odd = hits.filter((hit) => !/ (?:Mr|Mrs|Ms|Messrs)\.? (\S.*) → \1$/.test(hit))
    expect(odd).toEqual([])
    expect(hits.length).toBe(106)
  }, 120_000)
})
