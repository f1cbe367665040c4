/**
 * Title matching: a sentence's words, the longest title form at each word
 * (with `then-`, `-elect` and possessives), how the title is written, and
 * what the words around it say about its use (a noun after a determiner,
 * set off by commas, or the start of a new phrase).
 */
import type {Sentence, SentenceContent, Word} from 'nlcst'
import {wordsOf} from '../../sequence.js'
import {stripPossessive, type Form, type TitleData} from './forms.js'

export const determiners = new Set(
  'the a an his her its their our your my this that these those whose every each no any another'.split(' ')
)

/** Words that may stand between a determiner and a title: "the former President". */
export const modifiers = new Set(
  (
    'former then acting late outgoing incoming new current interim deposed retired future longtime ' +
    'embattled ousted exiled veteran powerful popular young first elected designated sitting previous next ' +
    // "a Democratic Governor from the Midwest", "two Republican Senators".
    'democratic republican conservative liberal socialist progressive labour labor independent top senior'
  ).split(' ')
)

/** Modifiers AP lowercases before a capitalized title. */
export const lowercaseModifiers = new Set(['former', 'acting', 'late', 'deposed', 'retired', 'interim', 'outgoing', 'then'])

/** Nationalities and similar adjectives: "the French President". */
export const demonyms = new Set(
  (
    'afghan african albanian algerian american angolan arab argentine argentinian armenian asian australian austrian ' +
    'azerbaijani bahraini bangladeshi belarusian belgian beninese bolivian bosnian brazilian british bulgarian burkinabe ' +
    'burmese burundian cambodian cameroonian canadian chadian chilean chinese colombian congolese croatian cuban cypriot ' +
    'czech danish dutch ecuadorean ecuadorian egyptian emirati english eritrean estonian ethiopian european filipino finnish ' +
    'french gabonese gambian georgian german ghanaian greek guatemalan guinean haitian honduran hungarian icelandic indian ' +
    'indonesian iranian iraqi irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti ' +
    'kyrgyz lebanese liberian libyan lithuanian latvian macedonian malagasy malawian malaysian malian mauritanian mexican ' +
    'moldovan mongolian montenegrin moroccan mozambican namibian nepali nigerian nigerien nicaraguan norwegian omani ' +
    'pakistani palestinian panamanian paraguayan peruvian polish portuguese qatari romanian russian rwandan salvadoran saudi ' +
    'scottish senegalese serbian singaporean slovak slovenian somali spanish sudanese swedish swiss syrian taiwanese tajik ' +
    'tanzanian thai togolese tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welsh yemeni ' +
    'zambian zimbabwean soviet western eastern northern southern federal state provincial regional national'
  ).split(' ')
)

export interface SentenceWord {
  node: Word
  /** Index in `sentence.children`. */
  child: number
  text: string
  lower: string
  /** `'s` or `s'` at the end. */
  possessive: boolean
  /** Lowercase without the possessive. */
  core: string
}

/** A title found in a sentence: words `[start, end]` (inclusive). */
export interface Occurrence {
  form: Form
  start: number
  end: number
  /** "then" / "ex" written on the first word (`then-President`). */
  prefix?: string
  /** "elect" / "designate" written on the last word, as written. */
  suffix?: string
}

/** Whether the sentence has a word that ends a title form: most sentences have none. */
export function mayHaveTitle(data: TitleData, sentence: Sentence): boolean {
  for (const child of sentence.children) {
    if (child.type !== 'WordNode') continue
    for (const leaf of child.children) {
      if (leaf.type !== 'TextNode') continue
      if (data.heads.has(leaf.value.toLowerCase())) return true
    }
  }
  return false
}

export function sentenceWords(sentence: Sentence): SentenceWord[] {
  return wordsOf(sentence).map((word) => {
    const {text, lower} = word
    const end = lower.charCodeAt(lower.length - 1)
    // `'s` or `s'` (115 = s, 39 = ').
    const possessive = (end === 115 && lower.endsWith("'s")) || (end === 39 && lower.endsWith("s'"))
    return {node: word.node as Word, child: word.child, text, lower, possessive, core: possessive ? stripPossessive(lower) : lower}
  })
}

/** Whether only white space separates two words. */
export function adjacent(sentence: Sentence, a: SentenceWord, b: SentenceWord): boolean {
  for (let index = a.child + 1; index < b.child; index++) {
    if (sentence.children[index].type !== 'WhiteSpaceNode') return false
  }
  return true
}

/** The punctuation right after a word (skipping white space), if any. */
export function punctuationAfter(sentence: Sentence, word: SentenceWord): string | undefined {
  for (let index = word.child + 1; index < sentence.children.length; index++) {
    const child: SentenceContent = sentence.children[index]
    if (child.type === 'WhiteSpaceNode') continue
    if (child.type === 'WordNode') return undefined
    return (child as {value?: string}).value
  }
  return '.'
}

function punctuationBefore(sentence: Sentence, word: SentenceWord): string | undefined {
  for (let index = word.child - 1; index >= 0; index--) {
    const child: SentenceContent = sentence.children[index]
    if (child.type === 'WhiteSpaceNode') continue
    if (child.type === 'WordNode') return undefined
    return (child as {value?: string}).value
  }
  return undefined
}

const prefixes = new Set(['then', 'ex'])

const suffixes = new Set(['elect', 'designate'])

/** The longest title form starting at word `index`. */
export function findTitle(data: TitleData, sentence: Sentence, list: SentenceWord[], index: number): Occurrence | undefined {
  const first = list[index]
  let prefix: string | undefined
  let firstLower = first.core
  let candidates = data.byFirst.get(firstLower) || (firstLower.includes('-') ? data.byFirst.get(stripSuffix(firstLower).core) : undefined)
  if (!candidates && firstLower.includes('-')) {
    const dash = first.lower.indexOf('-')
    if (dash > 0 && prefixes.has(first.lower.slice(0, dash))) {
      prefix = first.text.slice(0, dash)
      firstLower = stripPossessive(first.lower.slice(dash + 1))
      candidates = data.byFirst.get(firstLower) || data.byFirst.get(stripSuffix(firstLower).core)
    }
  }
  if (!candidates) return undefined
  for (const form of candidates) {
    const end = index + form.words.length - 1
    if (end >= list.length) continue
    let suffix: string | undefined
    let ok = true
    for (let offset = 0; offset < form.words.length && ok; offset++) {
      const word = list[index + offset]
      if (offset > 0 && !adjacent(sentence, list[index + offset - 1], word)) ok = false
      let value = offset === 0 ? firstLower : word.lower
      if (offset === form.words.length - 1) {
        if (offset > 0) value = word.core
        if (value !== form.words[offset]) {
          const split = stripSuffix(value)
          if (split.suffix) {
            value = split.core
            const raw = word.text.replace(/'s$|'$/i, '')
            suffix = raw.slice(raw.length - split.suffix.length)
          }
        }
      } else if (word.possessive) {
        ok = false
      }
      if (value !== form.words[offset]) ok = false
    }
    if (ok) return {form, start: index, end, prefix, suffix}
  }
  return undefined
}

function stripSuffix(value: string): {core: string; suffix?: string} {
  const dash = value.lastIndexOf('-')
  if (dash > 0 && suffixes.has(value.slice(dash + 1))) return {core: value.slice(0, dash), suffix: value.slice(dash + 1)}
  return {core: value}
}

/** The title words as written, without a `then-` prefix, `-elect` suffix or possessive. */
export function coreWords(list: SentenceWord[], found: Occurrence): string[] {
  const out: string[] = []
  for (let index = found.start; index <= found.end; index++) {
    let text = list[index].text
    if (index === found.start && found.prefix) text = text.slice(found.prefix.length + 1)
    if (index === found.end) {
      text = text.replace(/'s$/i, '').replace(/s'$/i, 's')
      if (found.suffix) text = text.slice(0, text.length - found.suffix.length - 1)
    }
    out.push(text)
  }
  return out
}

const minor = new Set(['of', 'the', 'and', 'for', 'on', 'to', 'in'])

/** "U.S.", "U.N.", "UN": capitals that are no sign of a title's case. */
export function isAbbreviation(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && /^[\p{Lu}.]+$/u.test(word)
}

/** Case of a title as written: every main word capitalized, all lowercase, or mixed. */
export function caseOf(words: string[], initial: boolean): 'upper' | 'lower' | 'mixed' {
  let upper = 0
  let lower = 0
  words.forEach((word, index) => {
    if (minor.has(word.toLowerCase()) && index > 0) return
    // "U.S. attorney", "U.N. envoy": an abbreviation keeps its capitals whatever the title's case.
    if (isAbbreviation(word)) return
    // The first letter of a sentence says nothing.
    if (index === 0 && initial && words.length > 1) return
    const head = word.charAt(0)
    if (head !== head.toLowerCase()) upper++
    else lower++
  })
  if (upper === 0 && lower === 0) return initial ? 'upper' : 'lower'
  return lower === 0 ? 'upper' : upper === 0 ? 'lower' : 'mixed'
}

/** Why the title is used as a noun here (so its capital is wrong): a determiner, possessive, commas … */
export function usedAlone(sentence: Sentence, list: SentenceWord[], found: Occurrence, plural: boolean): boolean {
  // "Landau, Deputy Secretary of State, said": set off by commas. One word
  // between commas is as often a name in a list ("Will Young, Queen, Kate Bush").
  if (punctuationBefore(sentence, list[found.start]) === ',' && punctuationAfter(sentence, list[found.end]) === ',') {
    return list[found.start - 1] !== undefined && found.end > found.start
  }
  // "the Office of the Deputy Prime Minister", "the Office for the …": part of an institution's name.
  if (found.start >= 3 && list[found.start - 1].lower === 'the' && (list[found.start - 2].lower === 'of' || list[found.start - 2].lower === 'for')) {
    const head = list[found.start - 3].text.charAt(0)
    if (head !== head.toLowerCase()) return false
  }
  let index = found.start - 1
  let steps = 0
  while (index >= 0 && steps < 4) {
    const word = list[index]
    if (!adjacent(sentence, word, list[index + 1])) return false
    if (word.possessive) return true
    if (determiners.has(word.lower)) return true
    const head = word.text.charAt(0)
    const capital = head !== head.toLowerCase()
    if (modifiers.has(word.lower) || demonyms.has(word.lower)) {
      index--
      steps++
      continue
    }
    // "the U.S. President", "the UAW President".
    if (capital && word.text.length > 1 && word.text === word.text.toUpperCase()) {
      index--
      steps++
      continue
    }
    // "three Presidents".
    if (plural && /^(two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|both|all|other|some)$/.test(word.lower)) return true
    return false
  }
  // "Foreign Ministers from the three Sahel states met": a plural needs no determiner.
  return index < 0 && plural
}

/**
 * Whether a lowercase title before a name may be a title at all: not when a
 * lowercase noun qualifies it ("group president Zou Shaolu", "central bank
 * governor Dai Xianglong", "police sergeant Marilyn McCann", "shadow home
 * secretary David Davis") — a job description, or a title AP would build
 * differently. Fine after nothing, a determiner, a modifier, a verb of saying,
 * a preposition, or a capitalized word ("British foreign minister Jack Straw").
 */
export function openBefore(sentence: Sentence, list: SentenceWord[], found: Occurrence): boolean {
  const previous = found.start > 0 ? list[found.start - 1] : undefined
  if (!previous || !adjacent(sentence, previous, list[found.start])) return true
  if (previous.possessive) return true
  const head = previous.text.charAt(0)
  if (head !== head.toLowerCase()) return true
  return determiners.has(previous.lower) || modifiers.has(previous.lower) || openers.has(previous.lower)
}

/** Lowercase words after which a title starts a new phrase. */
const openers = new Set(
  (
    'said says say told tells asked added according met meets meeting with by and or to from of for as at ' +
    'that when while but under between including led like than against after before since during about ' +
    'is was are were be been became becomes named appointed elected nominated'
  ).split(' ')
)

/** Source text from the start of one word to the end of another, as written. */
export function textBetween(sentence: Sentence, from: SentenceWord, to: SentenceWord): string {
  let text = ''
  for (let index = from.child; index <= to.child; index++) text += nodeText(sentence.children[index])
  return text
}

function nodeText(node: SentenceContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as SentenceContent[]).map(nodeText).join('')
  return ''
}
