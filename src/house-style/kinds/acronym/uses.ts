/**
 * Deciding what is an acronym use worth judging: an all-caps word as used
 * (set off by parentheses or dashes, inside a capitalized name, in a
 * dateline, a stock ticker or a shouted headline), and whether an unlisted
 * one is a company's name or a body introduced by what it is.
 */
import type {Sentence, SentenceContent, Word} from 'nlcst'
import {isAllCaps, isCapitalized, isSentenceStart, wordText} from '../../../nlcst/words.js'
import {adjacentWord, neighbor, textOf, upper, valueOf} from './nodes.js'

/** One use of an all-caps word. */
export interface Use {
  node: Word
  /** As written (`EPA's`). */
  text: string
  /** The acronym (`EPA`). */
  key: string
  /** What follows the acronym in the word (`'s`, `s`). */
  rest: string
  index: number
  sentence: Sentence
  childIndex: number
  /** The parenthetical or dashes around it, if set off like that. */
  setOff?: {start: SentenceContent; end: SentenceContent}
  /** Part of a capitalized name ("Japan Australia LNG"): not a use to judge. */
  inName: boolean
  /** Followed by a capitalized word ("ING Barings"). */
  startsName: boolean
  /** The word right after it, if any ("shares", "President"). */
  next?: string
  /** The word right before it, if any ("bank" in "Dutch bank ABN AMRO"). */
  previous?: string
  /** The first thing after it that is not white space (`(`, `/`, `251`, a word). */
  after?: string
  /** A dateline ("BAMAKO, Mali (AP) —") or a stock ticker ("(NYSE: IBM)"): not an acronym in the copy. */
  ignored: boolean
}

const dashes = new Set(['—', '–', '--', '―'])

// "ECB President Christine Lagarde", "FEMA Administrator": a title after an acronym does not make it a name.
const titleWords = new Set([
  'President', 'Vice', 'Director', 'Chief', 'Chairman', 'Chairwoman', 'Chair', 'Commander', 'Administrator',
  'Secretary', 'Secretary-General', 'Spokesman', 'Spokeswoman', 'Spokesperson', 'Head', 'Governor', 'Deputy',
  'Executive', 'Ambassador', 'Envoy', 'Commissioner', 'Minister', 'Chancellor', 'Acting', 'Interim', 'Gen.',
  'Adm.', 'Col.', 'Lt.', 'Maj.', 'Capt.', 'Sgt.'
])

// "BHP shares rose": a company's name, which AP does not spell out.
const companyWords = new Set([
  'shares', 'share', 'stock', 'stocks', 'stockholders', 'shareholders', 'index', 'Inc', 'Corp', 'Co', 'Ltd', 'Plc', 'PLC',
  'Group', 'Holdings', 'a.s', 'S.A', 'N.V', 'GmbH', 'SpA', 'Oyj'
])

// "Dutch bank ABN AMRO", "tank builder GIAT", "the Czech news agency CTK": a
// company or body introduced by what it is, the way wire copy names companies.
const descriptors = new Set([
  'company', 'firm', 'group', 'bank', 'lender', 'insurer', 'broker', 'brokers', 'brokerage', 'agency', 'operator',
  'carrier', 'airline', 'maker', 'builder', 'manufacturer', 'automaker', 'carmaker', 'chipmaker', 'drugmaker',
  'provider', 'supplier', 'exporter', 'importer', 'producer', 'retailer', 'distributor', 'developer', 'utility',
  'monopoly', 'conglomerate', 'subsidiary', 'unit', 'rival', 'partner', 'giant', 'brand', 'label', 'network',
  'broadcaster', 'channel', 'newspaper', 'daily', 'magazine', 'club', 'team', 'party', 'exchange', 'index', 'shipper',
  'refiner', 'miner', 'trader', 'publisher', 'studio', 'consultancy', 'consultant', 'regulator', 'watchdog',
  'chain', 'pharmacy', 'courier', 'accountant', 'auditor', 'lab', 'laboratory'
])

// "which makes CEMOI brands", "new EMC machines", "the RCA tapes": goods carry
// their maker's or brand's name, which AP does not spell out (IBM computers).
const goodsWords = new Set([
  'brand', 'brands', 'product', 'products', 'machine', 'machines', 'computer', 'computers', 'chip', 'chips', 'phone',
  'phones', 'handset', 'handsets', 'tape', 'tapes', 'car', 'cars', 'truck', 'trucks', 'software', 'printer',
  'printers', 'server', 'servers', 'console', 'consoles', 'store', 'stores', 'dealers', 'dealership', 'dealerships',
  'franchise', 'franchises'
])

// "gold prices on COMEX", "shares traded on the TASE": a market where prices
// are made is named, like a ticker, not spelled out.
const marketWords = new Set([
  'price', 'prices', 'futures', 'share', 'shares', 'stock', 'stocks', 'traded', 'trading', 'trade', 'listed',
  'listing', 'quoted', 'bonds', 'options', 'contract', 'contracts'
])

// "in the (MGAM) division", "throughout the (PC) sector": a word put into a
// sentence or a quote after an article, not an acronym after a name.
const determiners = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'my'])

/** The first use of an acronym that counts: not inside a name, not a dateline or ticker. */
export function firstUse(list: Use[]): Use | undefined {
  return list.find((use) => !use.inName && !use.ignored)
}

/**
 * Whether an unlisted acronym is one to explain: three or more capitals
 * (`WFP`, `AFRICOM`; not `F-35A`, `AT&T`, `U.S.A.`), not a word set in
 * capitals or a unit (the data's `except`), and not a company's name
 * (`ING Barings`, `BHP shares`; a title such as `ECB President` is no name).
 */
export function unexplainedCandidate(use: Use, except: ReadonlySet<string>, list: ReadonlyArray<Use>): boolean {
  if (!/^\p{Lu}{3,}$/u.test(use.key) || except.has(use.key)) return false
  // "NCR Corp", "Lloyds TSB", "KLM Royal Dutch Airlines" anywhere in the story: a name, used as it is.
  if (list.some((other) => other.inName || (other.next && companyWords.has(other.next.replace(/\.$/, ''))))) return false
  if (list.some((other) => other.startsName && !(other.next && titleWords.has(other.next)))) return false
  // "which makes CEMOI brands", "gold prices on COMEX": a maker's, brand's or market's name.
  if (list.some((other) => (other.next && goodsWords.has(other.next.toLowerCase())) || onMarket(other))) return false
  if (inListOfNames(use)) return false
  if (use.previous && descriptors.has(use.previous)) return false
  // "ABN AMRO": capitals next to capitals are one name.
  if ((use.next && isAllCaps(use.next)) || (use.previous && isAllCaps(use.previous))) return false
  // "TCP/IP", "VML 251", "CESI 1,391.77": a compound, a product code or an index with its value.
  if (use.after && (use.after === '/' || /^\d/.test(use.after))) return false
  return !use.startsName || (use.next !== undefined && titleWords.has(use.next))
}

/**
 * "gold prices on COMEX", "shares traded on the TASE": right after `on` (or
 * `on the`), with a word of trading a few words before, an all-caps word
 * names the market.
 */
function onMarket(use: Use): boolean {
  // The words before the acronym, nearest first, with only white space between.
  const before: string[] = []
  let at = use.childIndex
  while (before.length < 9) {
    const word = adjacentWord(use.sentence, at, -1)
    if (!word) break
    before.push(wordText(word.word).toLowerCase())
    at = word.index
  }
  let on = 0
  if (before[on] === 'the') on++
  if (before[on] !== 'on') return false
  return before.slice(on + 1).some((word) => marketWords.has(word))
}

/** "Alitalia, KLM, Martinair and Cargolux": an acronym between names in a list is one of them. */
function inListOfNames(use: Use): boolean {
  const children = use.sentence.children
  const side = (step: 1 | -1): boolean => {
    const mark = neighbor(children, use.childIndex, step)
    if (!mark) return false
    const value = textOf(children[mark.index])
    if (value !== ',' && !(step === 1 && value === 'and') && !(step === -1 && value === 'and')) return false
    const word = neighbor(children, mark.index, step)
    return word !== undefined && children[word.index].type === 'WordNode' && isCapitalized(textOf(children[word.index]))
  }
  return side(-1) && side(1)
}

/**
 * The child index where a dateline ends ("BAMAKO, Mali (AP) —",
 * "WASHINGTON —", "UNITED NATIONS (AP) —"), or 0: the city in capitals at
 * the start of the sentence, then a comma and a state or country, then
 * parentheses or a dash.
 */
export function datelineEnd(sentence: Sentence): number {
  const children = sentence.children
  let index = 0
  let capitals = 0
  while (index < children.length) {
    const child = children[index]
    if (child.type === 'WhiteSpaceNode' || (child.type === 'PunctuationNode' && child.value === '.')) {
      index++
      continue
    }
    if (child.type !== 'WordNode') break
    const text = wordText(child)
    if (text !== text.toUpperCase() || !/\p{Lu}/u.test(text)) break
    capitals++
    index++
  }
  if (capitals === 0) return 0
  let at = index
  const value = (node: SentenceContent | undefined) => (node ? (node.type === 'WordNode' ? wordText(node) : valueOf(node)) : '')
  if (value(children[at]) === ',') {
    // "Mali", "N.C.", "Ill.": a state or country.
    at++
    let steps = 0
    while (at < children.length && steps < 8 && value(children[at]) !== '(' && !dashes.has(value(children[at])) && value(children[at]) !== '-') {
      const child = children[at]
      if (child.type === 'WordNode' && !/^\p{Lu}/u.test(wordText(child))) return 0
      at++
      steps++
    }
  }
  while (children[at]?.type === 'WhiteSpaceNode') at++
  const mark = value(children[at])
  return mark === '(' || dashes.has(mark) || mark === '-' ? at : 0
}

/** Inside parentheses with a colon: a stock ticker ("(NYSE: IBM)", "(Nasdaq: AAPL)"). */
export function inTicker(sentence: Sentence, childIndex: number): boolean {
  const children = sentence.children
  let colon = false
  let open = -1
  for (let index = childIndex - 1; index >= 0 && index >= childIndex - 8; index--) {
    const value = valueOf(children[index])
    if (value === ')') return false
    if (value === ':') colon = true
    if (value === '(') {
      open = index
      break
    }
  }
  if (open === -1) return false
  for (let index = childIndex + 1; index < children.length && index <= childIndex + 8; index++) {
    const value = valueOf(children[index])
    if (value === ':') colon = true
    if (value === ')') return colon
    if (value === '(') return false
  }
  return false
}

/** A headline or dateline in capitals says nothing about acronyms. */
export function isShouting(sentence: Sentence): boolean {
  let words = 0
  let capitals = 0
  let whole = 0
  for (const child of sentence.children) {
    if (child.type !== 'WordNode') continue
    words++
    const text = (child.children[0] as {value?: string} | undefined)?.value ?? ''
    if (text.length > 1 && upper(text.charCodeAt(0)) && upper(text.charCodeAt(1))) capitals++
    if (isAllCaps(wordText(child))) whole++
  }
  if (words >= 3 && capitals / words >= 0.6) return true
  // "PRAGUE", "MAINLAND INTERESTS": a line in capitals, a subhead.
  if (whole === words && words > 0) {
    const last = sentence.children.at(-1)
    return words >= 2 || !(last && ['.', '!', '?'].includes(valueOf(last)))
  }
  return false
}

/** Whether a capitalized word (not all caps) follows right after ("ING Barings"). */
export function startsName(sentence: Sentence, childIndex: number): boolean {
  const after = adjacentWord(sentence, childIndex, 1)
  if (!after) return false
  const text = wordText(after.word)
  return upper(text.charCodeAt(0)) && text !== text.toUpperCase()
}

/**
 * Whether an acronym sits inside a capitalized name: "Japan Australia LNG",
 * "Rhone-Poulenc SA" (a capitalized word before it, not at the start of
 * the sentence).
 */
export function inName(sentence: Sentence, childIndex: number): boolean {
  const before = adjacentWord(sentence, childIndex, -1)
  if (!before) return false
  const text = wordText(before.word)
  if (!upper(text.charCodeAt(0)) || text === text.toUpperCase()) return false
  // "WASHINGTON (AP) — The NTSB said": a capitalized small word starts a clause, not a name.
  if (clauseWords.has(text)) return false
  return !isSentenceStart(sentence, before.index)
}

const clauseWords = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'For', 'With', 'By', 'From', 'And', 'But', 'Its', 'His', 'Her', 'Their', 'Our', 'This', 'That', 'These', 'Those', 'When', 'While', 'After', 'Before', 'As', 'If', 'Under', 'Both'])

/** `(JNIM)` after a word, or `— FEMA —`: the marks around the acronym. */
export function setOffAround(sentence: Sentence, childIndex: number): Use['setOff'] {
  const children = sentence.children
  const before = neighbor(children, childIndex, -1)
  const after = neighbor(children, childIndex, 1)
  if (!before || !after) return undefined
  const open = valueOf(children[before.index])
  const close = valueOf(children[after.index])
  const paired = (open === '(' && close === ')') || (dashes.has(open) && dashes.has(close))
  if (!paired) return undefined
  // Something must come before: a name or a description ("militants (JNIM)").
  const previous = neighbor(children, before.index, -1)
  if (!previous || children[previous.index].type !== 'WordNode') return undefined
  const previousText = wordText(children[previous.index] as Word)
  if (!/\p{L}/u.test(previousText) || determiners.has(previousText.toLowerCase())) return undefined
  return {start: children[before.index], end: children[after.index]}
}
