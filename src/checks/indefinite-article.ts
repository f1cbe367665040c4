/**
 * Check `indefinite-article`: `a` or `an` by the sound of the next word
 * (AP `a, an`). Wraps retext-indefinite-article for ordinary words (`a
 * interim dividend`, `an European`) and decides itself where that plugin
 * goes by spelling instead of sound: initialisms said letter by letter (`an
 * FBI agent`, `a U.N. official`), acronyms said as words (`a NATO ally`),
 * figures (`an 18-year-old`, `an 1890s celebration`) and money (`an $8
 * million loan`, `a A$1 billion casino`).
 */
import type {Root, Sentence, SentenceContent, Word} from 'nlcst'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {toString} from 'nlcst-to-string'
import retextIndefiniteArticle from 'retext-indefinite-article'
import {report, wrap} from '../message.js'
import {sentencesOf, wordString} from '../nlcst/tree.js'
import type {Style} from '../house-style/compile.js'
import type {CodeCheckPlugin, Level} from '../types.js'

/** How an acronym is said: letter by letter (`FBI`) or as a word (`NATO`). */
export type Pronunciation = 'letters' | 'word'

type Article = 'a' | 'an'

/** What the check decided about the word after an article. */
interface Sound {
  article: Article
  /** Why, for the message: "it is said letter by letter, starting “ef”". */
  why: string
}

/**
 * Acronyms said as words, with the article they take, for when the house
 * style has no acronym data. The acronyms rules file overrides these.
 */
const builtIn: ReadonlyMap<string, Article> = new Map([
  ['AIDS', 'an'],
  ['ASEAN', 'an'],
  ['COVID', 'a'],
  ['FEMA', 'a'],
  ['FIFA', 'a'],
  ['FTSE', 'a'],
  ['HAMAS', 'a'],
  ['ISIS', 'an'],
  ['LIBOR', 'a'],
  ['MERCOSUR', 'a'],
  ['NAFTA', 'a'],
  ['NASA', 'a'],
  ['NASDAQ', 'a'],
  ['NATO', 'a'],
  ['NYMEX', 'a'],
  ['OPEC', 'an'],
  ['SARS', 'a'],
  ['SWAT', 'a'],
  ['SWIFT', 'a'],
  ['UEFA', 'a'],
  ['UMNO', 'an'],
  ['UNAIDS', 'a'],
  ['UNESCO', 'a'],
  ['UNICEF', 'a'],
  ['UNITA', 'a']
])

/** Names of the letters, for saying why: `an FBI agent` (“ef”). */
const letterNames: Record<string, string> = {
  A: 'ay', B: 'bee', C: 'see', D: 'dee', E: 'ee', F: 'ef', G: 'jee', H: 'aitch', I: 'eye',
  J: 'jay', K: 'kay', L: 'el', M: 'em', N: 'en', O: 'oh', P: 'pee', Q: 'cue', R: 'ar',
  S: 'ess', T: 'tee', U: 'you', V: 'vee', W: 'double-u', X: 'ex', Y: 'why', Z: 'zee'
}

/** Letters whose names start with a vowel sound: F, H, L, M, N, R, S, X and vowels but U. */
const anLetters = new Set(['A', 'E', 'F', 'H', 'I', 'L', 'M', 'N', 'O', 'R', 'S', 'X'])

const numberWords = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'
]
const tensWords = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

const currency = new Set(['$', '£', '€', '¥'])

/** Consonant clusters that can start an English syllable (for “is it said as a word?”). */
const onsets = new Set(
  'B C D F G H J K L M N P Q R S T V W X Y Z BL BR CH CL CR DR FL FR GL GR KL KN KR PH PL PR SC SH SK SL SM SN SP SQ ST SW TH TR TW WH WR SCR SHR SPL SPR STR THR'.split(' ')
)
/** …and clusters that can end one. */
const codas = new Set(
  'B C D F G H K L M N P R S T V X Z CH CK CT DS FT GS KS LD LF LK LL LM LP LS LT MP MS ND NG NK NS NT PS PT RB RC RD RG RK RL RM RN RP RS RT SH SK SP SS ST TH TS'.split(' ')
)

/**
 * The `indefinite-article` check: flags `a` before a vowel sound and `an`
 * before a consonant sound, by how the next word is said.
 *
 * - Initialisms said letter by letter take `an` before F, H, L, M, N, R, S, X
 *   and vowels other than U: `an FBI agent`, `an MRI`, `an SUV`, `a U.S.
 *   official`, `a CIA officer`.
 * - Acronyms said as words go by the word: `a NATO ally`, `a UNESCO site`,
 *   `an OPEC meeting`. How an acronym is said comes from the acronyms rules
 *   file (`pronounced: letters | word`); an acronym not listed there is a word
 *   when it has four or more letters and reads like one (`NATO`, not `NAACP`),
 *   otherwise letters.
 * - Figures and money go by how they are read: `an 18-year-old`, `an 1890s
 *   celebration`, `an 11.5 percent share`, `an $8 million loan`, `a A$1
 *   billion casino`.
 * - Other words go by retext-indefinite-article: `an hour`, `a European`, `a
 *   university`, `an honest`, `an interim dividend`.
 *
 * Leaves alone: `A` as a letter (`Station A equals`, `a and b`), a doubled
 * article (`a a gathering`: the `repeated-word` check has it), and acronyms in
 * all-capital headlines (`A BASTION OF RESISTANCE`) unless the acronym is
 * listed.
 *
 * Options (from the preset): `level` (default `warning`), `style` (acronym
 * pronunciations from rules files of kind `acronym`).
 */
export const indefiniteArticle: CodeCheckPlugin = function (options) {
  const level: Level = options?.level ?? 'warning'
  const pronounced = pronunciations(options?.style)
  const ours = (next: Following) => classify(next, pronounced)

  const library = wrap(retextIndefiniteArticle, {
    ruleId: 'indefinite-article',
    level,
    rewrite(message: VFileMessage) {
      const [slice, node] = (message.ancestors || []) as [Slice | undefined, Word | undefined]
      // The plugin saw a piece of the sentence (see `articleSlices`): give the message the sentence back.
      const parent = slice ? slice[sentenceKey] ?? slice : undefined
      if (parent && node) message.ancestors = [parent, node]
      const next = parent && node ? following(parent, parent.children.indexOf(node)) : undefined
      // "Speaking to a a gathering": a doubled article is `repeated-word`'s.
      if (!next || (next.word && /^(a|an|the)$/i.test(toString(next.word)))) return false
      // Initialisms, acronyms, figures and money are decided below.
      if (ours(next) !== null) return false
      const article = message.expected?.[0] ?? ''
      const start = article.toLowerCase() === 'an' ? 'a vowel' : 'a consonant'
      return `Use \`${article}\`, not \`${message.actual}\`, before \`${next.text}\`: it starts with ${start} sound`
    }
  }).call(this)

  // What the wrapped plugin (and `rewrite`) made of an article before an
  // ordinary word, by what decides it: the article as written, whether a
  // word comes before it, and the word's text. Most pairs (`a new`, `an
  // official`) recur and come to nothing; those are not asked again (the
  // plugin tries a few hundred patterns on each). Bounded for a long-running server.
  const verdicts = new Map<string, boolean>()

  return function (tree: Root, file: VFile) {
    // Articles before an ordinary word not known to be fine: the only ones
    // the wrapped plugin needs to see (it would otherwise walk every word node).
    const ordinary: Ordinary[] = []
    for (const sentence of sentencesOf(tree)) {
      const children = sentence.children
      for (let index = 0; index < children.length; index++) {
        const node = children[index]
        if (node.type !== 'WordNode' || !isArticle(node)) continue
        const actual = toString(node)
        // "Station A equals": a capital `A` inside a sentence is a letter.
        if (actual === 'A' && !firstWord(sentence, index)) continue
        const next = following(sentence, index)
        if (!next) continue
        // "a and b": `a` as a letter.
        if (next.word && /^(and|or|nor)$/i.test(toString(next.word))) continue
        const sound = ours(next)
        if (sound === null) {
          const first = firstWord(sentence, index)
          const key = actual + '\u0000' + (first ? '1' : '0') + '\u0000' + next.text
          if (verdicts.get(key) !== false) ordinary.push({sentence, index, first, key})
          continue
        }
        if (!sound) continue
        const written: Article = actual.length === 1 ? 'a' : 'an'
        if (written === sound.article) continue
        const expected = matchCase(sound.article, actual)
        report(file, node, {
          ruleId: 'indefinite-article',
          level,
          reason: `Use \`${expected}\`, not \`${actual}\`, before \`${next.text}\`: ${sound.why}`,
          actual,
          expected: [expected]
        })
      }
    }
    if (ordinary.length === 0) return
    const slices = articleSlices(ordinary)
    if (slices.length === 0) return
    const sentences = {type: 'RootNode', children: slices} as unknown as Root
    const before = file.messages.length
    const remember = () => {
      // Which of them the plugin (after `rewrite`) reported.
      const reported = new Set<unknown>()
      for (let index = before; index < file.messages.length; index++) reported.add(file.messages[index].ancestors?.[1])
      if (verdicts.size > 50_000) verdicts.clear()
      for (const {sentence, index, key} of ordinary) verdicts.set(key, reported.has(sentence.children[index]))
    }
    const result = (library as (tree: Root, file: VFile) => Promise<void> | void)(sentences, file)
    if (result && typeof result.then === 'function') return result.then(remember)
    remember()
  }
}

/** An article before an ordinary word, for the wrapped plugin to decide. */
interface Ordinary {
  sentence: Sentence
  /** Index of the article in the sentence. */
  index: number
  /** Whether no word comes before it in the sentence. */
  first: boolean
  /** What decides it (see `verdicts`). */
  key: string
}

const sentenceKey = Symbol('copydesk.sentence')

/** A piece of a sentence, knowing its sentence. */
type Slice = Sentence & {[sentenceKey]?: Sentence}

/** A word with no text, standing for "a word comes before the article". */
const earlierWord: Word = {type: 'WordNode', children: []}

/**
 * What retext-indefinite-article needs to see of the given articles (words
 * it takes for one: `toString(word).toLowerCase()` is `a` or `an`): for
 * each, a sentence of that word, what follows it up to the next word as the
 * plugin looks for one (white space, at most one quotation mark or
 * parenthesis, a word), and before it a word with no text when the sentence
 * has a word before the article (the plugin's "first word" test for `A`).
 * The plugin decides on exactly those nodes, so it reports what it would on
 * the whole sentences, without walking every word and letter node of them.
 * Each piece keeps its sentence under `sentenceKey`.
 */
function articleSlices(articles: ReadonlyArray<Ordinary>): Slice[] {
  const slices: Slice[] = []
  for (const {sentence, index, first} of articles) {
    const children = sentence.children
    const node = children[index]
    if (node.type !== 'WordNode') continue
    const normal = wordString(node).toLowerCase()
    if (normal !== 'a' && normal !== 'an') continue
    // The plugin's `after()`: white space, maybe one mark, then a word; else it reports nothing.
    let at = index + 1
    if (children[at]?.type !== 'WhiteSpaceNode') continue
    at++
    const mark = children[at]
    if (mark && mark.type === 'PunctuationNode' && /^[“”‘’'"()[\]]$/.test(toString(mark))) at++
    if (children[at]?.type !== 'WordNode') continue
    slices.push({
      type: 'SentenceNode',
      children: [...(first ? [] : [earlierWord]), ...children.slice(index, at + 1)],
      [sentenceKey]: sentence
    } as Slice)
  }
  return slices
}

/** `a`, `an`, `A`, `An`, `AN`: a word of one short text node. */
function isArticle(node: Word): boolean {
  if (node.children.length !== 1) return false
  const child = node.children[0]
  if (child.type !== 'TextNode') return false
  const value = child.value
  return (value.length === 1 && (value === 'a' || value === 'A')) || (value.length === 2 && /^an$/i.test(value))
}

/** The word after an article, as the check sees it. */
interface Following {
  /** What is said first: the word, or for money the figure after the symbol. */
  text: string
  /** The word node (`undefined` for money written `$8`). */
  word?: Word
  /** The figure, when the word is money (`A$1.0`, `$8`, `£1.4bn`). */
  figure?: string
  /** The word after it is in capitals too: an all-capital headline. */
  shouting: boolean
  /** The article itself is in capitals (`AN`). */
  capitalArticle: boolean
}

/**
 * The word after the article at `index`: after white space and at most one
 * opening quotation mark or parenthesis (`a “fair” deal`), or money (`an $8
 * million loan`, `a C$2 billion lawsuit`).
 */
function following(sentence: Sentence, index: number): Following | undefined {
  const children = sentence.children
  const article = children[index]
  if (!article) return undefined
  let at = index + 1
  if (children[at]?.type !== 'WhiteSpaceNode') return undefined
  at++
  let node: SentenceContent | undefined = children[at]
  if (node && node.type === 'PunctuationNode' && /^[“”‘’'"()[\]]$/.test(toString(node))) node = children[++at]
  if (!node) return undefined
  const capitalArticle = toString(article) === 'AN'
  // "an $8 million loan": the figure is what is said.
  if (node.type === 'SymbolNode' && currency.has(node.value)) {
    const figure = children[at + 1]
    if (figure?.type !== 'WordNode' || !/^\d/.test(toString(figure))) return undefined
    return {text: node.value + toString(figure), figure: toString(figure), shouting: false, capitalArticle}
  }
  if (node.type !== 'WordNode') return undefined
  const text = toString(node)
  // "a C$2 billion lawsuit", "a A$1.0 billion casino".
  const symbol = children[at + 1]
  const figure = children[at + 2]
  if (
    symbol?.type === 'SymbolNode' &&
    currency.has(symbol.value) &&
    figure?.type === 'WordNode' &&
    /^[A-Z]{1,3}$/.test(text) &&
    /^\d/.test(toString(figure))
  ) {
    return {text: text + symbol.value + toString(figure), word: node, figure: toString(figure), shouting: false, capitalArticle}
  }
  const after = children[at + 1]?.type === 'WhiteSpaceNode' ? children[at + 2] : undefined
  const shouting = after?.type === 'WordNode' && capitals(toString(after)).length >= 2 && isCapitals(toString(after))
  return {text, word: node, shouting, capitalArticle}
}

/**
 * Decide the article for the word after an article: a `Sound`, `undefined`
 * when it is ours but we cannot tell (an unknown acronym in an all-capital
 * headline), or `null` when it is an ordinary word (retext-indefinite-article
 * decides those).
 */
function classify(next: Following, pronounced: ReadonlyMap<string, Pronunciation>): Sound | undefined | null {
  if (next.figure !== undefined) return figureSound(next.figure)
  const text = next.text.replace(/’/g, "'").replace(/'s$/, '')
  if (/^\d/.test(text)) return figureSound(text)
  const head = acronymHead(text)
  if (head === undefined) return null
  const letters = head.replace(/\./g, '')
  // "U.N.", "U.S.", "Ph.D.": periods mean it is said letter by letter.
  const dotted = head.includes('.')
  const said: Pronunciation | undefined = dotted
    ? 'letters'
    : pronounced.get(text) ?? pronounced.get(head) ?? (builtIn.has(head) ? 'word' : undefined)
  if (said === 'word') {
    const article = builtIn.get(head) ?? wordArticle(letters)
    return article ? {article, why: `it is said as a word, starting with ${article === 'an' ? 'a vowel' : 'a consonant'} sound`} : undefined
  }
  if (said === undefined && (next.shouting || next.capitalArticle)) return undefined
  if (said === undefined && letters.length >= 4 && readsAsWord(letters)) {
    const article = wordArticle(letters)
    if (article) return {article, why: `it is said as a word, starting with ${article === 'an' ? 'a vowel' : 'a consonant'} sound`}
  }
  const first = letters.charAt(0)
  return {
    article: anLetters.has(first) ? 'an' : 'a',
    why: `it is said letter by letter, starting “${letterNames[first]}”`
  }
}

/**
 * The acronym at the start of a word (`FBI` in `FBI's`, `F` in `F-16`, `MP`
 * in `MP3`, `U.N.` as is), or `undefined` for an ordinary word.
 */
function acronymHead(text: string): string | undefined {
  // "U.N.", "U.S.", "Ph.D.", "M.A."
  const dotted = /^(?:[A-Z][a-z]?\.){2,}/.exec(text)
  if (dotted) return dotted[0]
  const head = /^[A-Z]+(?=$|[-\d/&])/.exec(text)
  return head ? head[0] : undefined
}

/** Whether a run of capitals reads as a word (`NATO`, `NASDAQ`) rather than letters (`NAACP`, `FOMC`). */
function readsAsWord(letters: string): boolean {
  const parts = letters.match(/[AEIOU]+|[^AEIOU]+/g) || []
  if (parts.length < 2) return false
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]
    const vowel = /^[AEIOU]/.test(part)
    if (vowel) {
      if (part.length > 2) return false
      continue
    }
    if (index === 0) {
      if (!onsets.has(part)) return false
    } else if (index === parts.length - 1) {
      if (!codas.has(part)) return false
    } else if (!splits(part)) return false
  }
  return true
}

/** A consonant run between vowels splits into an end and a start (`SD` in `NASDAQ`: `S`+`D`). */
function splits(cluster: string): boolean {
  for (let cut = 0; cut <= cluster.length; cut++) {
    const end = cluster.slice(0, cut)
    const start = cluster.slice(cut)
    if ((end === '' || codas.has(end)) && (start === '' || onsets.has(start))) return true
  }
  return false
}

/**
 * The article for an acronym said as a word, by its first sound: `an OPEC`,
 * `a NATO`. `U` is “you” in some (`UNICEF`) and “uh” in others (`UMNO`), so an
 * unlisted one is left alone.
 */
function wordArticle(letters: string): Article | undefined {
  const first = letters.charAt(0)
  // "a UNICEF", "a UEFA": U before one consonant and a vowel, or a vowel, is “you”.
  if (first === 'U') return /^U(?:[^AEIOU][AEIOU]|[AEIOU])/.test(letters) ? 'a' : undefined
  if (/^(EU|ONE|ONCE)/.test(letters)) return 'a'
  if (/^(HOUR|HONEST|HONOR|HONOUR|HEIR)/.test(letters)) return 'an'
  return /[AEIO]/.test(first) ? 'an' : 'a'
}

/**
 * The article for a figure by how it is read: `an 8`, `an 11`, `an 18`, `an
 * 80`, `an 800`, `an 18,000`, `an 1890s` (“eighteen-nineties”), `a 1,800`
 * (“one thousand…”), `a 100`.
 */
function figureSound(figure: string): Sound | undefined {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)/.exec(figure)
  if (!match) return undefined
  const digits = match[1]
  let lead: string
  if (digits.includes(',')) lead = digits.slice(0, digits.indexOf(','))
  // "an 1890s celebration": four figures are read in pairs, "eighteen ninety".
  else if (digits.length === 4) lead = digits.slice(0, 2)
  else lead = digits.slice(0, ((digits.length - 1) % 3) + 1)
  const said = sayGroup(lead)
  return {
    article: /^(eight|eleven)/.test(said) ? 'an' : 'a',
    why: `it is read “${said}…”`
  }
}

/** The first words of a group of one to three figures: `8` → “eight”, `180` → “one hundred”. */
function sayGroup(group: string): string {
  const value = Number(group)
  if (group.length === 3 && value >= 100) return numberWords[Math.floor(value / 100)] + ' hundred'
  const rest = value % 100
  if (rest < 20) return numberWords[rest]
  return tensWords[Math.floor(rest / 10)]
}

/** Acronym pronunciations from the style's rules files of kind `acronym`. */
function pronunciations(style: Style | undefined): ReadonlyMap<string, Pronunciation> {
  const map = new Map<string, Pronunciation>()
  for (const file of style?.files || []) {
    if (file.kind !== 'acronym') continue
    const data = file.data as {pronounced?: ReadonlyMap<string, Pronunciation>} | null
    const pronounced = data?.pronounced
    if (!pronounced || typeof pronounced.forEach !== 'function') continue
    pronounced.forEach((value, key) => {
      if (value === 'letters' || value === 'word') map.set(key, value)
    })
  }
  return map
}

/** Whether no word comes before `index` in the sentence (a capital `A` there is the article). */
function firstWord(sentence: Sentence, index: number): boolean {
  for (let before = index - 1; before >= 0; before--) {
    if (sentence.children[before].type === 'WordNode') return false
  }
  return true
}

/** `an` written as `A` → `An`; as `AN` → `A`. */
function matchCase(article: Article, actual: string): string {
  if (actual === actual.toLowerCase()) return article
  if (actual.length > 1 && actual === actual.toUpperCase()) return article.toUpperCase()
  return article.charAt(0).toUpperCase() + article.slice(1)
}

function capitals(value: string): string {
  return value.replace(/[^A-Z]/g, '')
}

function isCapitals(value: string): boolean {
  return value === value.toUpperCase() && value !== value.toLowerCase()
}
