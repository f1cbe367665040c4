/**
 * Check `spelling`: the words retext-spell finds unknown with dictionary-en
 * (or dictionary-en-gb) and the house dictionary, and a names policy for
 * news copy, so that the hundreds of names in a day's stories do not bury the
 * one real typo. The words are found as retext-spell finds them, from the
 * dictionary's forms stored at build time (see `unknownWords` and
 * `Speller.withPersonal`), so no nspell is built at run time.
 */
import type {Parent, Root, Sentence, Word} from 'nlcst'
import type {VFile} from 'vfile'
import {docsUrl, report, setLevel} from '../message.js'
import {findQuotes, isQuoted, type QuoteRanges} from '../nlcst/quotes.js'
import {isSentenceStart, nextWord, wordText} from '../nlcst/words.js'
import {subtlexFrequency} from '../spell/subtlex.js'
import {otherDialect, spellerFor} from '../spell/dictionaries.js'
import {editDistance, isSlip, isTypingSlip, oneEditAway} from '../spell/edits.js'
import {irregularForms} from '../spell/irregular.js'
import {personalWords} from '../spell/personal.js'
import {ShortWords} from '../spell/short-words.js'
import {loadWordList, type WordList} from '../spell/wordlist.js'
import {
  elisionParts,
  likeWritten,
  namesOf,
  shapeOf,
  sourceWords,
  startsCapitalized,
  unknownWords,
  wordPieces,
  writtenText,
  type Piece
} from '../spell/tokens.js'
import {codeChecks, dialects, type CodeCheckPlugin, type Level} from '../types.js'
import {sentencesOf} from '../nlcst/tree.js'

/**
 * The `spelling` check: words the dictionary does not know.
 *
 * - An unknown lower-case word is a misspelling: "`importats` is not in the
 *   dictionary; did you mean `imports`?", with `expected` the suggestions,
 *   best first.
 * - An unknown Capitalized word inside a sentence is a name and is left
 *   alone (`Bamako`, `Lyammouri`), unless it is one edit from a common
 *   capitalized dictionary word, by the kind of edit a slip makes (two
 *   letters swapped, one dropped: `Tuesdy`, `Wahsington`): then that word is
 *   suggested first. Names differ from each other by changed, added, first
 *   and last letters (`Viktor`, `Willson`, `Christophe`), so those do not count.
 * - An unknown Capitalized word that opens a sentence is a name when the
 *   same form is capitalized inside a sentence elsewhere in the story;
 *   otherwise see {@link initialPolicy}.
 * - Not spelled: ALL-CAPS (`JNIM`), mixed case (`iPhone`, `McCain`), words
 *   with digits, single letters, URLs, e-mail addresses, @handles, #hashtags.
 *   Compounds and elisions are spelled by their parts (`Al-Qaida-affiliated`,
 *   `Jama’at`); possessives by their base (`Mali’s`).
 * - A word the other dialect's dictionary knows (`defence` under en-US) is
 *   left to the `dialect` check.
 * - Also accepted: the larger word lists of `src/spell/wordlist.ts`
 *   (`cashflow`, `breakeven`), never suggested; and a word alone in
 *   quotation marks (`the word “covfefe”`). Words between commas, dashes or
 *   parentheses are spelled like any other.
 * - Regularised irregular verbs get the irregular form first (`bringed` →
 *   `brought`, from `src/spell/irregular.ts`).
 *
 * Options: `level` (default `'warning'`), `dialect` (`'en-US'`), `dictionary`
 * (extra words, one per entry: the house dictionary and `options.dictionary`).
 * Dictionaries load once per process, on first use; suggestions come from
 * the fast suggester in `src/spell/suggest.ts`.
 */
export const spelling: CodeCheckPlugin = function (options) {
  const level: Level = options?.level ?? codeChecks.spelling
  const dialect = options?.dialect ?? 'en-US'
  const dictionary = options?.dictionary ?? []
  if (!dialects.includes(dialect)) {
    throw new TypeError(`spelling: option \`dialect\` is ${JSON.stringify(dialect)}; accepted: 'en-US', 'en-GB'`)
  }
  const personal = personalWords(dictionary)
  const speller = spellerFor(dialect)
  const other = spellerFor(otherDialect(dialect))
  // The larger word lists (src/spell/wordlist.ts), loaded on the first story.
  let listed: WordList | undefined
  let otherListed: WordList | undefined
  let listsLoaded = false
  const nearCache = new Map<string, string[]>()
  const knownCache = new Map<string, boolean>()
  // `the`, `of`, `He`: the commonest words, answered without a Map.
  const shortKnown = new ShortWords()
  // What retext-spell's nspell (the dictionary and `dictionary` as its
  // personal words) accepts, made on the first sentence that needs it.
  let hunspellCorrect: ((word: string) => boolean) | undefined
  const hunspellCache = new Map<string, boolean>()
  const personalText = dictionary.join('\n')
  const correctAsRetextSpell = (word: string): boolean => {
    let value = hunspellCache.get(word)
    if (value === undefined) {
      hunspellCorrect ??= speller.withPersonal(personalText)
      value = hunspellCorrect(word)
      // Bounded so a long-running server stays small.
      if (hunspellCache.size > 100_000) hunspellCache.clear()
      hunspellCache.set(word, value)
    }
    return value
  }

  return async function (tree, file) {
    if (!listsLoaded) {
      ;[listed, otherListed] = await Promise.all([
        loadWordList(dialect, (word) => speller.correct(word)),
        loadWordList(other.dialect, (word) => other.correct(word))
      ])
      listsLoaded = true
    }
    const story = new Story(tree, file)
    // The words retext-spell (with dictionary-en and `max: -1`, so nspell's
    // slow `suggest` is never called; `ignoreLiteral: false`, since in news a
    // word between commas, dashes or parentheses is an ordinary word) would
    // report, found as it finds them (`unknownWords`) without building its
    // nspell (~250 ms), and only in the sentences where the names policy may
    // report something (see `mayReport`): on wire copy about one in ten.
    for (const sentence of sentencesOf(tree)) {
      if (!mayReport(sentence, story)) continue
      let sources: Set<Word> | undefined
      unknownWords(sentence, correctAsRetextSpell, (word, parent, index, text) => {
        if (parent !== sentence) {
          // A word below another node (no parser of ours makes one): said as retext-spell says it.
          unexplained(file, parent, word, text)
          return
        }
        sources ??= sourceWords(sentence)
        if (sources.has(word)) return
        flag(story, sentence, word, index)
      })
    }
  }

  /**
   * Whether a sentence has a word the names policy may report: an unknown
   * word that is not a plain name inside the sentence (`Lyammouri said`).
   * Most news sentences hold a name; only these are spelled word by word.
   */
  function mayReport(sentence: Sentence, story: Story): boolean {
    const children = sentence.children
    for (let index = 0; index < children.length; index++) {
      const child = children[index]
      if (child.type !== 'WordNode') continue
      const only = child.children.length === 1 ? child.children[0] : undefined
      // Most words are one text node: its value is the word's text.
      const text = only && only.type === 'TextNode' && !only.value.includes('’') ? only.value : wordText(child)
      if (known(text)) continue
      if (only) {
        if (mayReportWord(text, sentence, index, story)) return true
        continue
      }
      // "Bre-X", "U.S.", "CBA's", "state-owned": compounds, elisions and
      // possessives are judged by their parts.
      for (const part of child.children) {
        if (part.type === 'TextNode' && !known(part.value) && mayReportPart(part.value, sentence, index)) return true
      }
    }
    return false
  }

  /**
   * `mayReportPart` for a word of one text node (no hyphen, no apostrophe),
   * which `judge` takes as one piece, asking what `judge` would: a regularised
   * irregular verb is always reported; a lower-case word the other dialect
   * knows (`defence`) is left to `dialect` unless it is a regularised
   * irregular verb; a capitalized opener the story also writes inside a
   * sentence is a name, as one inside a sentence is.
   */
  function mayReportWord(text: string, sentence: Sentence, index: number, story: Story): boolean {
    const shape = shapeOf(text)
    if (shape === 'skip') return false
    // "Teached by elders": never a name nor the other dialect.
    if (irregularForms(text) !== undefined) return true
    if (shape === 'lower') return !inOtherDialect(text, text)
    if (isSentenceStart(sentence, index) && !story.names().has(text)) return true
    return nearNames(text).length > 0 && !inOtherDialect(text, text)
  }

  function mayReportPart(text: string, sentence: Sentence, index: number): boolean {
    const shape = shapeOf(text)
    if (shape === 'skip') return false
    if (shape !== 'capitalized' || isSentenceStart(sentence, index)) return true
    return nearNames(text).length > 0
  }

  /**
   * Report an unknown word by the names policy, if it holds a finding: one
   * message for a word with one finding, one per piece otherwise
   * (`Al-Qaida-affliated`). Messages are made only for what is reported.
   */
  function flag(story: Story, sentence: Sentence, word: Word, index: number): void {
    // "the word “covfefe”", "the so-called “fauxbama”": a term held up as a term.
    if (isQuotedTerm(sentence, index)) return
    const after = nextWord(sentence, index)
    const context: Context = {
      story,
      nextCapitalized: after !== undefined && startsCapitalized(sentence.children[after] as Word)
    }
    const findings = wordPieces(word, isSentenceStart(sentence, index)).flatMap((piece) => judge(piece, context))
    if (findings.length === 0) return
    const messages = findings.map((finding) => toMessage(finding, story))
    if (messages.length === 1 && findings[0].piece.whole && word.position) {
      // The usual case: one word, one finding, on the word's own span.
      report(story.file, word.position, {ruleId: 'spelling', level, note: findings[0].note, ...messages[0]})
      return
    }
    findings.forEach((finding, index) => {
      report(story.file, finding.piece.position, {ruleId: 'spelling', level, note: finding.note, ...messages[index]})
    })
  }

  /** retext-spell's own message, for a word the names policy cannot place. */
  function unexplained(file: VFile, parent: Parent, word: Word, text: string): void {
    const message = file.message('Unexpected unknown word `' + text + '`', {
      ancestors: [parent, word],
      place: word.position,
      ruleId: 'spelling',
      source: 'copydesk'
    })
    message.actual = text
    message.expected = []
    message.url = docsUrl('spelling')
    setLevel(message, level)
  }

  /**
   * The words of a message: the text as written (curly apostrophes and
   * all), suggestions in the same typography.
   */
  function toMessage(finding: Finding, story: Story) {
    const written = writtenText(story.file, finding.piece.position, finding.piece.value)
    const expected = likeWritten(finding.expected, written)
    const reason =
      expected.length > 0
        ? `\`${written}\` is not in the dictionary; did you mean \`${expected[0]}\`?`
        : `\`${written}\` is not in the dictionary; check the spelling`
    const quoted = isQuoted(story.quotes(), {type: 'WordNode', position: finding.piece.position}) || undefined
    return {actual: written, expected, reason, quoted}
  }

  /** What is wrong with one piece of a word, if anything. */
  function judge(piece: Piece, context: Context): Finding[] {
    const {value, base} = piece
    const shape = shapeOf(base)
    if (shape === 'skip') return []
    if (known(value) || known(base)) return []
    // "Teached by elders, …": a regularised irregular verb is never a name.
    if (irregularForms(base)) return [misspelling(piece)]
    // "pre-emptive", "co-ordinated", "e-mail": a hyphenated dictionary word.
    if (piece.next && known(value + piece.next)) return []
    if (piece.previous && known(piece.previous + value)) return []
    // "Jama’at", "O’Brien": spell what the apostrophes separate.
    if (base.includes("'")) return elisionParts(piece).flatMap((part) => judge(part, context))
    const lower = base.toLowerCase()

    // Capitalized, inside a sentence (or the same form is, elsewhere in the
    // story): a name, unless it is a slip of a common name the dictionary knows.
    if (shape === 'capitalized' && (!piece.initial || context.story.names().has(base))) {
      const near = nearNames(base)
      return near.length === 0 || inOtherDialect(value, base) ? [] : [misspelling(piece, near, nameNote)]
    }
    // "defence" under en-US: a word, in the other spelling; `dialect` reports it.
    if (inOtherDialect(value, base)) return []

    if (shape === 'lower') {
      // "al-Islam", "wal-Muslimin", "anti-Western": joined to a name.
      if (piece.next && shapeOf(piece.next) === 'capitalized') return []
      // "Tung Chee-hwa", "Chiang Kai-shek": the second syllable of a given name.
      if (piece.previous && shapeOf(piece.previous) === 'capitalized' && !piece.next && base.length <= 6) return []
      // "van der Veer", "Societe … de Recherches": a particle of the name that follows.
      if (particles.has(base) && !piece.next && context.nextCapitalized) return []
      // "pre-war", "socio-economic", "mis-selling": a prefix, only ever written joined.
      if (piece.next && prefixes.has(base)) return []
      // "rerated", "outperformance": a prefix or suffix on a known word,
      // unless the whole is a slip of a common word ("repubic" is not `re` +
      // `pubic` but `republic`; "happyness" is `happiness`).
      if (isDerived(base) && !slipOfCommon(base)) return []
      return [misspelling(piece)]
    }

    // "Pre-tax profit rose": a prefix at the start of a sentence.
    if (piece.next && prefixes.has(lower)) return []
    return initialPolicy(piece)
  }

  /**
   * A capitalized word the dictionary does not know opens a sentence, and the
   * story never writes it capitalized inside a sentence: a name
   * (`Daewoo said …`) or a typo (`Goverment officials said …`)? It is taken
   * for a name, like one inside a sentence, unless it is a slip (two letters
   * swapped, one dropped: see `isSlip`) of a word common in ordinary English
   * ({@link minimumFrequency}; for openers shorter than
   * {@link minimumSlipLength} letters, a very common one such as `The`).
   *
   * Why not report every unknown opener, or report them as `suggestion`s to
   * verify? On the news corpus there are 29 such openers and all 29 are
   * names or deliberate (`Masao Yuki, executive vice president …`, `Racal
   * Electronics Plc …`, `Booo hisss`): "verify" would be 29 messages, none
   * useful. This rule reports none of them and still catches `Goverment`,
   * `Recieve`, `Teh` (see README.md, section spelling).
   */
  function initialPolicy(piece: Piece): Finding[] {
    const near = nearNames(piece.base)
    if (near.length > 0) return [misspelling(piece, near, initialNote)]
    // "Teh", "Adn": a short word is a slip only of a very common one.
    const floor = piece.base.length < minimumSlipLength ? commonFrequency : minimumFrequency
    const lower = piece.value.toLowerCase()
    const close = speller
      .suggest(piece.value, 5)
      .filter((word) => isSlip(lower, word.toLowerCase()) && frequency(word.toLowerCase()) >= floor)
    return close.length === 0 ? [] : [misspelling(piece, close, initialNote)]
  }

  /**
   * Capitalized dictionary words `base` is a slip of (see `isSlip`), common
   * enough for a slip to be likelier than a name: `Wahsington` →
   * `Washington`, but not `Rida` → `Rita` (too short), `Hasan` → `Haman`
   * (rare) nor `Viktor` → `Victor` (a changed letter is how names vary).
   */
  function nearNames(base: string): string[] {
    if (base.length < minimumSlipLength) return []
    let near = nearCache.get(base)
    if (!near) {
      const lower = base.toLowerCase()
      near = oneEditAway(base, speller.capitalized()).filter(
        (name) => isSlip(lower, name.toLowerCase()) && frequency(name.toLowerCase()) >= minimumFrequency
      )
      // Names recur across stories; bounded so a long-running server stays small.
      if (nearCache.size > 50_000) nearCache.clear()
      nearCache.set(base, near)
    }
    return near
  }

  function misspelling(piece: Piece, first: string[] = [], note?: string): Finding {
    const suggestions = speller.suggest(piece.value, 5)
    const lower = piece.value.toLowerCase()
    // Nothing within two edits (the suggester then looks three away): a short second word may do.
    const near = suggestions.length > 0 && editDistance(suggestions[0].toLowerCase(), lower, 2) <= 2
    const split = splitInTwo(piece.value, near ? 4 : 3)
    if (split) {
      // "newsdesk" → "news desk"; after a one-letter fix, which is likelier
      // ("forcasts"), and after a word within two edits more common than the
      // split's rarer half ("campane" is `campaign`, not `cam pane`).
      const close = suggestions.length > 0 && editDistance(suggestions[0].toLowerCase(), lower, 1) <= 1
      const rarer = Math.min(...split.split(' ').map((part) => frequency(part)))
      const likelier = near && frequency(suggestions[0].toLowerCase()) > rarer
      suggestions.splice(close || likelier ? 1 : 0, 0, split)
    }
    // "bringed" → "brought", "throwed" → "threw", "thrown": from the table, first.
    const irregular = (irregularForms(piece.value) ?? []).map((form) => likeCase(form, piece.value))
    // "élite", "cafè": accents the dictionaries do not write on a known word; the bare word first.
    const bare = piece.value.normalize('NFD').replace(/\p{M}/gu, '')
    const unaccented = bare !== piece.value && known(bare) ? [bare] : []
    const expected = [...new Set([...irregular, ...unaccented, ...first, ...suggestions])].slice(0, 5)
    return {piece, expected, note}
  }

  /** Whether a word is spelled right: hunspell, the extra words or a word list (an irregular verb regularised is not). */
  function known(word: string): boolean {
    // Once per distinct word: story vocabulary repeats, and this is asked of every word.
    let value = shortKnown.get(word) ?? knownCache.get(word)
    if (value === undefined) {
      value = speller.correct(word) || personal.has(word) || (inList(listed, word) && !irregularForms(word))
      if (word.length <= 3) shortKnown.set(word, value)
      // Bounded so a long-running server stays small.
      if (knownCache.size > 100_000) knownCache.clear()
      knownCache.set(word, value)
    }
    return value
  }

  /** Whether the other dialect's dictionary or word list knows the word (loaded only when asked). */
  function inOtherDialect(value: string, base: string): boolean {
    return other.correct(value) || other.correct(base) || inList(otherListed, base)
  }

  /**
   * Whether a lower-case word is a dictionary word with a productive prefix
   * or suffix hunspell lacks: `rerated`, `underexploiting`, `outperformance`,
   * `congressionally`, `dizzyingly`, `sightedness`. The stem must be five
   * letters or more, so `untill` (`un` + `till`) and `truely` stay misspellings.
   */
  function isDerived(word: string): boolean {
    for (const prefix of derivingPrefixes) {
      if (word.startsWith(prefix) && word.length - prefix.length >= 5 && known(word.slice(prefix.length))) return true
    }
    // "congressionally", "dizzyingly", "purposefully"; not "basicly",
    // "heroicly": `-ic` takes `-ally`.
    const ly = /^(.{3,}(?:al|ing|ed|ive|ful|ous))ly$/.exec(word)
    if (ly && known(ly[1])) return true
    // "sightedness", "fleshiness" (fleshy)
    const ness = /^(.{4,}?)(i?)ness$/.exec(word)
    if (ness && known(ness[1] + (ness[2] ? 'y' : ''))) return true
    return false
  }

  /**
   * Whether a lower-case word is one slip (see `isTypingSlip`) from a
   * dictionary word common enough ({@link minimumFrequency}) to be the
   * likelier reading: `repubic` (`republic`), `happyness` (`happiness`);
   * not `rerated` (`related` is a changed letter no key or sound explains).
   */
  function slipOfCommon(word: string): boolean {
    return speller
      .suggest(word, 5)
      .some((near) => frequency(near.toLowerCase()) >= minimumFrequency && isTypingSlip(word, near.toLowerCase()))
  }

  /**
   * `cashflow` → `cash flow`, `goodlooks` → `good looks`: two words run
   * together. A three-letter second word (`writeoff` → `write off`) only
   * when nothing is within two edits: it splits too much (`clubman`).
   */
  function splitInTwo(word: string, shortestTail: number): string | undefined {
    // Longer than any two words run together: `'a'.repeat(100_000)` would
    // look up every head and tail (quadratic).
    if (word.length < 6 || word.length > longestSplit || word !== word.toLowerCase()) return undefined
    for (let at = 3; at <= word.length - shortestTail; at++) {
      const head = word.slice(0, at)
      const tail = word.slice(at)
      if (speller.correct(head) && speller.correct(tail)) return head + ' ' + tail
    }
    return undefined
  }
}

/** One thing `spelling` says about one piece of a word. */
interface Finding {
  piece: Piece
  /** Suggestions, best first. */
  expected: string[]
  note?: string
}

/**
 * Whether a word list (lower-case entries) holds `word`, as written, at the
 * start of a sentence (`Cashflow`), in capitals (`CASHFLOW`) or possessive
 * (`cashflow's`).
 */
function inList(list: WordList | undefined, word: string): boolean {
  if (!list || list.size === 0) return false
  const base = word.replace(/['’]s$/i, '')
  if (list.has(base)) return true
  const lower = base.toLowerCase()
  if (lower === base || !list.has(lower)) return false
  return base === base.toUpperCase() || base === lower.charAt(0).toUpperCase() + lower.slice(1)
}

/** `brought` cased like `Bringed` or `BRINGED`. */
function likeCase(word: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase()
  return like.charAt(0) === like.charAt(0).toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word
}

/** Quotation marks that open a quoted term, with the marks that close it. */
const termQuotes: Record<string, string[]> = {
  '"': ['"'],
  '“': ['”'],
  '‘': ['’'],
  "'": ["'"]
}

/**
 * Whether the word at `index` stands alone between quotation marks
 * (`the word “covfefe”`, `the so-called ‘fauxbama’`): a term written as a
 * term, which retext-spell's `ignoreLiteral` leaves alone and so do we.
 * Commas, dashes and parentheses do not make a word a term
 * (`ports, airfeilds, and railways`).
 */
function isQuotedTerm(sentence: Sentence, index: number): boolean {
  const before = sentence.children[index - 1]
  const after = sentence.children[index + 1]
  if (!before || !after || before.type === 'WordNode' || after.type === 'WordNode') return false
  const open = 'value' in before ? before.value : undefined
  const close = 'value' in after ? after.value : undefined
  return open !== undefined && close !== undefined && (termQuotes[open]?.includes(close) ?? false)
}

/** Where a word is: its story, and whether a capitalized word follows (`van der Veer`). */
interface Context {
  story: Story
  nextCapitalized: boolean
}

/**
 * What the rewriter needs to know about the story a word is in, worked out
 * only when a flagged word needs it (most stories need little of it).
 */
class Story {
  private cachedQuotes?: QuoteRanges

  constructor(
    readonly tree: Root,
    readonly file: VFile
  ) {}

  /** Capitalized forms written inside a sentence (`Lyammouri`). */
  names(): Set<string> {
    return namesOf(this.tree)
  }

  quotes(): QuoteRanges {
    this.cachedQuotes ??= findQuotes(this.tree)
    return this.cachedQuotes
  }
}

/** Longest word `splitInTwo` tries to split. */
const longestSplit = 40

/**
 * Shortest unknown word taken for a slip of a known one. Shorter names have
 * too many dictionary neighbours: `Rida` is one letter from `Rita`, `Ride`,
 * `Riga` and `Aida`.
 */
const minimumSlipLength = 6

/**
 * How common (SUBTLEX count per 51 million words) a dictionary word must be
 * for a near miss of it to be reported: `Washington` (2,142), `Tuesday`
 * (1,206) and `Israel` (57) are; `Haman` (8), `Dermot` (0) and `Pasquale`
 * (0) are not, so `Hasan`, `Dermott` and `Pascuale` stay names. (At 20,
 * `Alonso` became a slip of `Alonzo`; at 100, `Venzuela` was missed.)
 */
const minimumFrequency = 50

/** How common a word must be for a short unknown sentence opener to be its slip (`Teh` → `The`). */
const commonFrequency = 10_000

const frequency = subtlexFrequency()

const nameNote = 'A capitalized word the dictionary does not know is taken for a name, unless it is one letter from a common name the dictionary knows.'
const initialNote = 'An unknown word that opens a sentence is taken for a name, unless it is one letter from a common word or name.'

/** Prefixes English adds freely to words, which hunspell lists only for some. */
const derivingPrefixes = ['counter', 'multi', 'under', 'over', 'out', 'non', 're', 'un']

/** Lower-case particles of names, fine before a capitalized word: `van der Veer`, `bin Laden`. */
const particles = new Set([
  'al', 'bin', 'ibn', 'bint', 'abu', 'da', 'das', 'de', 'del', 'della', 'der', 'des', 'di', 'do', 'dos',
  'du', 'el', 'et', 'la', 'le', 'ter', 'ten', 'van', 'von', 'ul', 'ud', 'und', 'zu', 'y'
])

/** Prefixes hunspell does not know on their own, fine before a hyphen. */
const prefixes = new Set([
  'pre', 'tri', 'neo', 'socio', 'cyber', 'eco', 'geo', 'agro', 'bio', 'petro', 'electro', 'hydro',
  'narco', 'quasi', 'pseudo', 'proto', 'inter', 'intra', 'trans', 'non', 'mid', 'semi', 'multi',
  'sino', 'indo', 'greco', 'judeo', 'afro', 'euro', 'franco', 'anglo', 'russo', 'mis'
])
