/**
 * Kind `title`: titles of people (AP `titles`). A formal title is
 * capitalized only directly before a name and lowercase everywhere else;
 * a descriptive title is lowercase even before a name; some titles are
 * abbreviated before a name (Gov., Sen., Gen., the Rev.) and some never are
 * (President, not Pres.).
 *
 * ```yaml
 * - id: governor
 *   forms: [Governor]
 *   abbreviation: Gov.
 * ```
 *
 * What it flags, and what it leaves alone because case alone cannot tell:
 *
 * - **Alone** — "the President said", "Macron, the French President,",
 *   "Mali's Foreign Minister said": a capitalized title with no name after
 *   it, when a determiner, a possessive, a plural or a pair of commas shows
 *   it is used as a noun. Bare "Prince returned" (the musician), "Billie Jean
 *   King", "General Motors" (a capitalized word follows) stay silent.
 * - **Descriptive before a name** — "Spokesperson Tammy Bruce" → spokesperson
 *   (never at the start of a sentence: "Astronaut Sunita Williams returned").
 * - **Lowercase formal before a name** — "deputy secretary of state
 *   Christopher Landau" → Deputy Secretary of State, when a full name (two
 *   capitalized words that look like a person's name) follows.
 * - **Abbreviation** — "Governor Gavin Newsom" → Gov.; "Rev. Al Sharpton" →
 *   the Rev.; never-abbreviated forms ("Pres.", "Atty. Gen.") → spelled out.
 * - **Modifiers** — "then President Barack Obama" → then-President; "met
 *   Former President Obama" → former; "President-Elect" → President-elect.
 *
 * A "name" is a capitalized word that is not a title, an institution word
 * (Ministry, Motors, Inc., Monday …) or a common English word written with a
 * capital (dictionary-en: "General Electric" is no person).
 */
import {dictionaryStems, type Stems} from '../../spell/dictionaries.js'
import type {Root, Sentence, SentenceContent, Word} from 'nlcst'
import type {Plugin} from 'unified'
import type {CompiledRuleFile, Kind, KindPluginOptions, LoadedRuleFile, RuleEntry} from '../kind.js'
import {RuleDataError} from '../kind.js'
import {eachSentence, wordsOf} from '../sequence.js'
import {locateEntry} from '../load.js'
import {Story, dataLevel, emit, entryPolicySchema, policyOf, type EntrySettings, type Policy} from '../runtime.js'
import {isSentenceStart} from '../../nlcst/words.js'
import type {Level} from '../../types.js'

/** How a title behaves. */
export type TitleClass = 'formal' | 'ambiguous' | 'descriptive' | 'courtesy'

/** One entry as written. */
export interface TitleEntry extends RuleEntry, EntrySettings {
  forms: string[]
  plural?: string[]
  class?: TitleClass
  abbreviation?: string
  abbreviationPlural?: string
  wrong?: string[]
  names?: string[]
  nameWords?: 1 | 2
}

/** How a matched form relates to its entry. */
type FormType = 'form' | 'plural' | 'abbr' | 'abbrPlural' | 'wrong'

interface Form {
  /** Lowercase words of the form. */
  words: string[]
  /** As written in the data. */
  text: string
  type: FormType
  entry: CompiledTitle
}

/** An entry, compiled. */
export interface CompiledTitle {
  policy: Policy
  class: TitleClass
  /** First form (capitalized, singular) and its plural. */
  form: string
  plural: string
  abbreviation?: string
  abbreviationPlural?: string
  nameWords: 1 | 2
  /** Phrases that are names: lowercase words and the offset of the title in them. */
  names: Array<{words: string[]; offset: number; length: number}>
}

/** What the plugin gets per file. */
export interface TitleData {
  /** Forms by their first word, lowercase, longest first. */
  byFirst: Map<string, Form[]>
  /** The first token of the last word of each form (`minister`, `gov` for `Gov.`), to skip sentences fast. */
  heads: Set<string>
  level: Level
}

const entrySchema = {
  required: ['forms'],
  properties: {
    forms: {
      type: 'array',
      minItems: 1,
      items: {type: 'string', minLength: 1},
      description: 'The title as capitalized directly before a name (`Foreign Minister`, `Secretary of State`); the first is the main form.'
    },
    plural: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description: 'Plural forms (default: an s on the last word of each form).'
    },
    class: {
      enum: ['formal', 'ambiguous', 'descriptive', 'courtesy'],
      description:
        'formal (default): capitalized before a name, lowercase alone. ambiguous: also a plain job word (director, chief), so only lowercase-alone is checked. descriptive: lowercase even before a name (spokesperson, coach). courtesy: not used at all (Mr., Mrs., Ms.); the name alone is expected.'
    },
    abbreviation: {
      type: 'string',
      description: 'Form to use before a name (`Gov.`, `Sen.`, `Gen.`, `the Rev.`).'
    },
    abbreviationPlural: {type: 'string', description: 'Plural abbreviation before names (`Govs.`, `Sens.`).'},
    wrong: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description: 'Forms that are never right before a name (`Pres.`, `Atty. Gen.`, `Reverend`): replaced by the abbreviation or the main form.'
    },
    names: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description: 'Phrases with this title that are names, never flagged (`Prince of Wales`, `Billie Jean King`).'
    },
    nameWords: {
      enum: [1, 2],
      description:
        'Capitalized words that must follow before the title counts as “before a name” for abbreviating and capitalizing (default 1; 2 for words that start many company names, such as General).'
    },
    ...entryPolicySchema
  }
}

// ---------------------------------------------------------------------------
// Compile

function compileFile(file: LoadedRuleFile, others: ReadonlyArray<LoadedRuleFile>): TitleData {
  const byFirst = new Map<string, Form[]>()
  const seen = new Map<string, {id: string; file: LoadedRuleFile}>()
  const add = (text: string, type: FormType, entry: CompiledTitle, entryIndex: number, field: string, index?: number) => {
    const words = splitWords(text)
    const key = words.join(' ')
    const existing = seen.get(key)
    // "Rep." abbreviates Representative and Congressman: one form, kept by the first.
    if (existing && (type === 'abbr' || type === 'abbrPlural')) return
    if (existing && existing.id !== entry.policy.id) {
      const other = existing.file.entries.find((candidate) => candidate.id === existing.id)
      throw new RuleDataError(
        `\`${text}\` is already a form of entry "${existing.id}"${existing.file === file ? '' : ` of ${existing.file.ruleId}`} (${other ? locateEntry(existing.file, other, ['forms']) : existing.file.locate([])})`,
        ['entries', entryIndex, field, ...(index === undefined ? [] : [index])],
        'keep one entry per title form'
      )
    }
    seen.set(key, {id: entry.policy.id, file})
    const list = byFirst.get(words[0]) || []
    list.push({words, text, type, entry})
    byFirst.set(words[0], list)
  }
  // Forms of other title files count for duplicates, not for matching here.
  for (const other of others) {
    for (const raw of other.entries) {
      for (const form of (raw as TitleEntry).forms || []) {
        const key = splitWords(form).join(' ')
        if (!seen.has(key)) seen.set(key, {id: raw.id, file: other})
      }
    }
  }
  file.entries.forEach((raw, entryIndex) => {
    const entry = raw as TitleEntry
    const forms = entry.forms
    const plurals = entry.plural || forms.map(pluralOf)
    const compiled: CompiledTitle = {
      policy: policyOf(file.header, entry),
      class: entry.class || 'formal',
      form: forms[0],
      plural: plurals[0] || pluralOf(forms[0]),
      abbreviation: entry.abbreviation,
      abbreviationPlural: entry.abbreviationPlural,
      nameWords: entry.nameWords || 1,
      names: []
    }
    if (compiled.class === 'descriptive' && entry.abbreviation) {
      throw new RuleDataError(
        `a descriptive title has no abbreviation before names, but entry "${entry.id}" gives \`${entry.abbreviation}\``,
        ['entries', entryIndex, 'abbreviation'],
        'remove `abbreviation`, or make the title `class: formal`'
      )
    }
    forms.forEach((text, index) => add(text, 'form', compiled, entryIndex, 'forms', index))
    plurals.forEach((text, index) => add(text, 'plural', compiled, entryIndex, 'plural', index))
    if (entry.abbreviation) add(entry.abbreviation.replace(/^the /i, ''), 'abbr', compiled, entryIndex, 'abbreviation')
    if (entry.abbreviationPlural) add(entry.abbreviationPlural, 'abbrPlural', compiled, entryIndex, 'abbreviationPlural')
    ;(entry.wrong || []).forEach((text, index) => add(text, 'wrong', compiled, entryIndex, 'wrong', index))
    ;(entry.names || []).forEach((text, index) => {
      const words = splitWords(text).map(stripPossessive)
      const found = [...forms, ...plurals]
        .map((form) => ({form: splitWords(form), at: -1}))
        .map((item) => ({...item, at: indexOfWords(words, item.form)}))
        .find((item) => item.at !== -1)
      if (!found) {
        throw new RuleDataError(
          `name \`${text}\` does not contain a form of this title (${forms.map((f) => `\`${f}\``).join(', ')})`,
          ['entries', entryIndex, 'names', index],
          'list only names that contain the title, such as `Prince of Wales` for `Prince`'
        )
      }
      compiled.names.push({words, offset: found.at, length: found.form.length})
    })
  })
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length)
  // A sentence without any form's key word has no title. The key word is the
  // longest that is not a common word ("Secretary", not "State", in
  // "Secretary of State"), so most sentences are skipped at once.
  const heads = new Set<string>()
  for (const list of byFirst.values()) {
    for (const form of list) {
      const parts = form.words.flatMap((word) => word.split(/[.\-']/)).filter(Boolean)
      const rare = parts.filter((part) => !commonWords.has(part))
      const pool = rare.length > 0 ? rare : parts
      heads.add(pool.reduce((a, b) => (b.length > a.length ? b : a)))
    }
  }
  return {byFirst, heads, level: dataLevel(file.header)}
}

/** Words of title forms too common to look sentences up by. */
const commonWords = new Set(
  'state staff leader general first second head chief house special high grand vice deputy assistant senior police district master rear crown supreme of the u s'.split(' ')
)

function splitWords(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase().replace(/’/g, "'"))
}

function indexOfWords(haystack: string[], needle: string[]): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer
    }
    return start
  }
  return -1
}

function pluralOf(form: string): string {
  const words = form.split(/\s+/)
  // "Secretary of State" → "Secretaries of State"; "Attorney General" is irregular: give it in data.
  const at = words.findIndex((word) => word.toLowerCase() === 'of')
  const index = at > 0 ? at - 1 : words.length - 1
  const word = words[index]
  words[index] = /[^aeiou]y$/i.test(word) ? word.slice(0, -1) + 'ies' : /(s|sh|ch|x)$/i.test(word) ? word + 'es' : word + 's'
  return words.join(' ')
}

// ---------------------------------------------------------------------------
// Names: what counts as a person's name after a title

/**
 * dictionary-en's words, split into common (lowercase) words and proper
 * nouns (stored by the build; see `dictionaryStems`).
 */
function words(): Stems {
  return dictionaryStems()
}

/** Capitalized words after a title that are not a person's name. */
const notNames = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday today tonight ' +
    'january february march april may june july august september october november december ' +
    'jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. ' +
    'inc inc. corp corp. co co. ltd ltd. plc llc ag sa nv bv group holdings company corporation ' +
    'party ministry department office council committee commission association union bank ' +
    'university college school institute foundation league assembly day cup street avenue road ' +
    'square museum county bible airlines airways motors electric mills communications international ' +
    'industries systems services trust fund agency authority board court house hall hotel hospital ' +
    'club centre center church cathedral palace award awards prize trophy stadium park bridge river ' +
    'island islands administration government state states republic kingdom empire army navy force ' +
    'forces guard police command corps brigade division regiment battalion fleet network news times ' +
    'post journal radio press media records pictures studios entertainment productions games series ' +
    'show festival tour championship open classic conference summit forum report act bill law treaty ' +
    'accord plan doctrine program programme project mission operation station airport port line lines ' +
    'express energy oil gas petroleum resources mining steel chemicals foods brands stores capital ' +
    'partners securities investments financial insurance exchange markets estate emeritus ' +
    'of and or the a an on in at to for by with from said says told'
  ).split(/\s+/)
)

/** Whether a word looks like part of a person's name. */
function nameLike(text: string, strict: boolean): boolean {
  const head = text.charAt(0)
  if (head === head.toLowerCase() || !/\p{L}/u.test(head)) return false
  if (notNames.has(text.toLowerCase())) return false
  // "J." "O'Neill" "Al-Assad" "McDonald" are fine; "NASA" (all caps) is not a name.
  if (/^\p{Lu}\.$/u.test(text)) return true
  if (text.length > 1 && text === text.toUpperCase()) return false
  if (!strict) return true
  const {lower, proper} = words()
  const bare = text.replace(/'s$/, '')
  if (proper.has(bare)) return true
  const low = bare.toLowerCase()
  // "Motors", "Electric", "Dynamics": common words written with a capital.
  if (lower.has(low) || (low.endsWith('s') && lower.has(low.slice(0, -1)))) return false
  return true
}

// ---------------------------------------------------------------------------
// The plugin

const determiners = new Set(
  'the a an his her its their our your my this that these those whose every each no any another'.split(' ')
)

/** Words that may stand between a determiner and a title: "the former President". */
const modifiers = new Set(
  (
    'former then acting late outgoing incoming new current interim deposed retired future longtime ' +
    'embattled ousted exiled veteran powerful popular young first elected designated sitting previous next ' +
    // "a Democratic Governor from the Midwest", "two Republican Senators".
    'democratic republican conservative liberal socialist progressive labour labor independent top senior'
  ).split(' ')
)

/** Modifiers AP lowercases before a capitalized title. */
const lowercaseModifiers = new Set(['former', 'acting', 'late', 'deposed', 'retired', 'interim', 'outgoing', 'then'])

/** Nationalities and similar adjectives: "the French President". */
const demonyms = new Set(
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

interface SentenceWord {
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
interface Occurrence {
  form: Form
  start: number
  end: number
  /** "then" / "ex" written on the first word (`then-President`). */
  prefix?: string
  /** "elect" / "designate" written on the last word, as written. */
  suffix?: string
}

/** The retext plugin. */
export const title: Plugin<[KindPluginOptions<TitleData>], Root> = function (options) {
  const files = options.files
  return function (tree, file) {
    const story = new Story(tree, file)
    eachSentence(tree, (sentence: Sentence) => {
      let list: SentenceWord[] | undefined
      for (const compiled of files) {
        if (!mayHaveTitle(compiled.data, sentence)) continue
        list ||= sentenceWords(sentence)
        checkSentence(story, compiled, sentence, list)
      }
    })
  }
}

/** Whether the sentence has a word that ends a title form: most sentences have none. */
function mayHaveTitle(data: TitleData, sentence: Sentence): boolean {
  for (const child of sentence.children) {
    if (child.type !== 'WordNode') continue
    for (const leaf of child.children) {
      if (leaf.type !== 'TextNode') continue
      if (data.heads.has(leaf.value.toLowerCase())) return true
    }
  }
  return false
}

function sentenceWords(sentence: Sentence): SentenceWord[] {
  return wordsOf(sentence).map((word) => {
    const {text, lower} = word
    const end = lower.charCodeAt(lower.length - 1)
    // `'s` or `s'` (115 = s, 39 = ').
    const possessive = (end === 115 && lower.endsWith("'s")) || (end === 39 && lower.endsWith("s'"))
    return {node: word.node as Word, child: word.child, text, lower, possessive, core: possessive ? stripPossessive(lower) : lower}
  })
}

/** Whether only white space separates two words. */
function adjacent(sentence: Sentence, a: SentenceWord, b: SentenceWord): boolean {
  for (let index = a.child + 1; index < b.child; index++) {
    if (sentence.children[index].type !== 'WhiteSpaceNode') return false
  }
  return true
}

/** The punctuation right after a word (skipping white space), if any. */
function punctuationAfter(sentence: Sentence, word: SentenceWord): string | undefined {
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

function checkSentence(story: Story, file: CompiledRuleFile<TitleData>, sentence: Sentence, list: SentenceWord[]): void {
  for (let index = 0; index < list.length; index++) {
    const found = findTitle(file.data, sentence, list, index)
    if (!found) continue
    judge(story, file, sentence, list, found)
    index = found.end
  }
}

const prefixes = new Set(['then', 'ex'])
const suffixes = new Set(['elect', 'designate'])

/** The longest title form starting at word `index`. */
function findTitle(data: TitleData, sentence: Sentence, list: SentenceWord[], index: number): Occurrence | undefined {
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

function stripPossessive(value: string): string {
  return value.replace(/'s$/, '').replace(/s'$/, 's')
}

function stripSuffix(value: string): {core: string; suffix?: string} {
  const dash = value.lastIndexOf('-')
  if (dash > 0 && suffixes.has(value.slice(dash + 1))) return {core: value.slice(0, dash), suffix: value.slice(dash + 1)}
  return {core: value}
}

/** The title words as written, without a `then-` prefix, `-elect` suffix or possessive. */
function coreWords(list: SentenceWord[], found: Occurrence): string[] {
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
function isAbbreviation(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && /^[\p{Lu}.]+$/u.test(word)
}

/** Case of a title as written: every main word capitalized, all lowercase, or mixed. */
function caseOf(words: string[], initial: boolean): 'upper' | 'lower' | 'mixed' {
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

/** How many words after the title look like a person's name (0 = none). */
function nameAfter(sentence: Sentence, list: SentenceWord[], end: number, plural: boolean): number {
  let count = 0
  let previous = list[end]
  for (let index = end + 1; index < list.length && count < 3; index++) {
    const word = list[index]
    if (!adjacent(sentence, previous, word)) break
    // "Presidents Obama and Biden".
    if (plural && word.lower === 'and' && count > 0) {
      previous = word
      continue
    }
    // "King Charles III", "Pope Leo XIV": a regnal number after a name.
    if (count > 0 && romanNumeral.test(word.text)) {
      count++
      break
    }
    // The first word must look like a given name or an unknown word ("General Motors" is no
    // person); later ones may be common words ("Jack Straw", "Gordon Brown").
    if (!nameLike(word.text, count === 0) && !(count === 0 && firstNameLike(sentence, list, index))) break
    count++
    if (word.possessive) break
    previous = word
  }
  return count
}

/** What follows the title: a name, nothing name-like, or a capitalized word we cannot judge. */
function following(sentence: Sentence, list: SentenceWord[], end: number): 'name' | 'none' | 'unclear' {
  const last = list[end]
  if (last.possessive) return 'none'
  const next = list[end + 1]
  if (!next || !adjacent(sentence, last, next)) {
    const mark = punctuationAfter(sentence, last)
    // "President (Bill) Clinton", "President “Bill” Clinton": cannot tell.
    return mark === '(' || mark === '"' || mark === '“' || mark === '‘' || mark === "'" ? 'unclear' : 'none'
  }
  const head = next.text.charAt(0)
  if (head === head.toLowerCase()) return 'none'
  if (notNames.has(next.lower) && /^(mon|tues|wednes|thurs|fri|satur|sun)day$|^(today|tonight)$/.test(next.lower)) return 'none'
  return nameLike(next.text, false) || firstNameLike(sentence, list, end + 1) ? 'name' : 'unclear'
}

/** Words that mark a sentence about a game, where "the Senators" and "the Kings" are teams. */
const sportsWords = new Set(
  (
    'game games season seasons playoff playoffs postseason scored score goal goals goalie coach coached overtime inning innings ' +
    'nhl nba nfl mlb wnba hockey basketball baseball football soccer team teams fans beat beating rout routed defeated win streak ' +
    'standings roster rookie draft traded trade puck quarter period arena won win wins lost lose loses victory'
  ).split(' ')
)

/** Words that mark a sentence about music, where "Queen" and "Prince" are performers. */
const musicWords = new Set(
  'song songs album albums band single singles chart charts concert concerts gig tour lyrics guitarist singer track tracks eurovision grammy record'.split(' ')
)

function sportsSentence(list: SentenceWord[]): boolean {
  return list.some((word) => sportsWords.has(word.core))
}

const romanNumeral = /^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3}|XIX|XX)$/

/**
 * A first name that a plain test rejects, when a surname follows it:
 * initials in capitals ("governor JB Pritzker", "AJ Styles") and given names
 * that are also institution words ("senator Bill Hagerty": "bill" alone is a
 * law).
 */
function firstNameLike(sentence: Sentence, list: SentenceWord[], index: number): boolean {
  const word = list[index]
  const next = list[index + 1]
  if (!word || !next || word.possessive || !adjacent(sentence, word, next)) return false
  const initials = /^\p{Lu}{2,3}$/u.test(word.text)
  const given = notNames.has(word.lower) && words().proper.has(word.text)
  if (!initials && !given) return false
  // The surname: a capitalized word that is no institution word and not all caps ("Senate Bill HB 20").
  return nameLike(next.text, false) && !romanNumeral.test(next.text) && next.text !== next.text.toUpperCase()
}

/** Why the title is used as a noun here (so its capital is wrong): a determiner, possessive, commas … */
function usedAlone(sentence: Sentence, list: SentenceWord[], found: Occurrence, plural: boolean): boolean {
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

/** Whether a `names` phrase of the entry covers this occurrence. */
function isName(list: SentenceWord[], found: Occurrence): boolean {
  for (const name of found.form.entry.names) {
    const start = found.start - name.offset
    if (start < 0 || start + name.words.length > list.length) continue
    let ok = true
    for (let offset = 0; offset < name.words.length && ok; offset++) {
      if (stripPossessive(list[start + offset].lower) !== name.words[offset]) ok = false
    }
    if (ok) return true
  }
  return false
}

function capitalizeFirst(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}

function judge(
  story: Story,
  file: CompiledRuleFile<TitleData>,
  sentence: Sentence,
  list: SentenceWord[],
  found: Occurrence
): void {
  const {form} = found
  const entry = form.entry
  if (isName(list, found)) return
  if (entry.class === 'courtesy') {
    courtesy(story, file, sentence, list, found)
    return
  }
  const first = list[found.start]
  const last = list[found.end]
  const initial = isSentenceStart(sentence, first.child)
  const core = coreWords(list, found)
  const casing = caseOf(core, initial && !found.prefix)
  const plural = form.type === 'plural' || form.type === 'abbrPlural'
  const after = following(sentence, list, found.end)
  const previous = found.start > 0 ? list[found.start - 1] : undefined
  const previousAdjacent = previous && adjacent(sentence, previous, first) ? previous : undefined

  const say = (
    start: number,
    end: number,
    expected: string,
    why: string,
    level?: Level
  ): void => {
    const text = textBetween(sentence, list[start], list[end])
    if (text === expected) return
    emit(
      story,
      file,
      file.data.level,
      entry.policy,
      {start: list[start].node, end: list[end].node},
      {actual: text, expected: [expected], values: {why}, level},
      list[start].node
    )
  }

  // Never-abbreviated forms and "Reverend": before a capitalized word.
  if (form.type === 'wrong') {
    if (after === 'none') return
    const target = entry.abbreviation
      ? entry.abbreviation
      : entry.class === 'descriptive'
        ? entry.form.toLowerCase()
        : entry.form
    replaceWithArticle(say, found, target, previousAdjacent, initial, entry.abbreviation ? 'abbreviate' : 'spell')
    return
  }

  // "Rev. Al Sharpton" → "the Rev. Al Sharpton".
  if (form.type === 'abbr' && entry.abbreviation && /^the /i.test(entry.abbreviation)) {
    if (after !== 'name' || previousAdjacent?.lower === 'the') return
    const start = initial ? 'The' : 'the'
    say(found.start, found.end, `${start} ${textBetween(sentence, first, last)}`, 'AP writes “the Rev.” before a name')
    return
  }
  if (form.type === 'abbr' || form.type === 'abbrPlural') return

  // "President-Elect Joe Biden" → "President-elect".
  if (found.suffix && found.suffix !== found.suffix.toLowerCase() && after === 'name' && casing !== 'lower') {
    const text = last.text
    const at = text.length - found.suffix.length - (last.possessive ? 2 : 0)
    say(found.end, found.end, text.slice(0, at) + found.suffix.toLowerCase() + text.slice(at + found.suffix.length), '-elect and -designate are lowercase')
  }

  if (after === 'name') {
    const names = nameAfter(sentence, list, found.end, form.type === 'plural')
    beforeName(say, sentence, list, found, casing, initial, names, previousAdjacent)
    return
  }
  if (after === 'unclear') return

  // Standing alone: lowercase when the sentence shows it is a noun.
  if (casing === 'lower') return
  if (!usedAlone(sentence, list, found, plural)) return
  // "the Prime Minister's Office", "the President's Cup": a possessive title before a capitalized
  // word is part of a name.
  if (last.possessive) {
    const next = list[found.end + 1]
    if (next && adjacent(sentence, last, next) && next.text.charAt(0) !== next.text.charAt(0).toLowerCase()) return
  }
  // "The Queen's song was lackluster": the band Queen, the musician Prince, in music copy.
  if (form.words.length === 1 && (form.words[0] === 'queen' || form.words[0] === 'prince') && list.some((word) => musicWords.has(word.core))) return
  // A bare one-word plural in sports copy is a team ("the Senators beat the Bruins", "the Kings' season").
  if (plural && form.words.length === 1 && !previousAdjacent?.possessive && sportsSentence(list)) return
  const words = core.map((word) => (isAbbreviation(word) ? word : word.toLowerCase()))
  if (initial && !found.prefix) words[0] = capitalizeFirst(words[0])
  let expected = words.join(' ')
  if (found.prefix) expected = `${found.prefix}-${expected}`
  if (found.suffix) expected = `${expected}-${found.suffix.toLowerCase()}`
  const lastText = last.text
  if (last.possessive) expected += lastText.endsWith("'") ? "'" : lastText.slice(-2)
  const from = found.start
  const to = found.end
  say(from, to, expected, 'a title is capitalized only directly before a name')
}

/**
 * "Mr. Pritzker said" → "Pritzker said"; "Ms. Jane Doe" → "Jane Doe": AP uses
 * no courtesy titles outside quotations, so the name stands alone (the last
 * name on second reference, which is what a bare "Mr. Pritzker" is).
 */
function courtesy(story: Story, file: CompiledRuleFile<TitleData>, sentence: Sentence, list: SentenceWord[], found: Occurrence): void {
  const first = list[found.start]
  // "MS Dhoni", "MRS" in a headline: only the title as written, capital then lowercase.
  const bare = first.text.replace(/\.$/, '')
  if (bare.charAt(0) !== bare.charAt(0).toUpperCase() || bare.slice(1) !== bare.slice(1).toLowerCase()) return
  // "Mr. President", "Madam Speaker": a form of address, not a name.
  const next = list[found.end + 1]
  if (next && /^(?:president|speaker|chairman|chairwoman|chair|secretary|justice|mayor|ambassador|minister|prime)$/.test(next.core)) return
  let end = found.end
  for (let index = found.end + 1; index < list.length && index <= found.end + 6; index++) {
    const word = list[index]
    if (!adjacent(sentence, list[index - 1], word)) break
    const head = word.text.charAt(0)
    const nameWord =
      (head !== head.toLowerCase() && !notNames.has(word.lower)) ||
      /^(?:jr\.?|sr\.?)$/.test(word.lower) ||
      (index === found.end + 1 && firstNameLike(sentence, list, index)) ||
      // "Mr. de Klerk", "Mr. van Gaal".
      (/^(?:de|van|von|da|del|della|di|du|le|bin|ibn)$/.test(word.lower) && capitalizedAfter(sentence, list, index)) ||
      // "Messrs. Lopez and Chen".
      (word.lower === 'and' && found.form.type === 'plural' && index > found.end + 1 && capitalizedAfter(sentence, list, index))
    if (!nameWord) break
    end = index
    if (word.possessive) break
  }
  if (end === found.end) return
  const name = textBetween(sentence, list[found.end + 1], list[end])
  emit(
    story,
    file,
    file.data.level,
    found.form.entry.policy,
    {start: list[found.start].node, end: list[end].node},
    {actual: textBetween(sentence, list[found.start], list[end]), expected: [name], values: {why: 'AP uses courtesy titles only in direct quotations'}},
    list[found.start].node
  )
}

/** A lone surname after a lowercase title: an unknown word, or a word the sentence pauses after. */
function lastNameAlone(sentence: Sentence, list: SentenceWord[], index: number): boolean {
  const word = list[index]
  if (!word || demonyms.has(word.core)) return false
  const {lower, proper} = words()
  const bare = word.text.replace(/'s$/, '')
  if (!lower.has(bare.toLowerCase()) && !proper.has(bare)) return true
  if (word.possessive) return true
  const next = list[index + 1]
  if (!next || !adjacent(sentence, word, next)) return true
  // "president Obama said", "president Obama on Monday", not "major Chinese newspapers".
  return /^(said|says|told|added|signed|announced|vetoed|declined|denied|urged|warned|on|in|at|and|to|for|with|who|whose|has|had|was|is|will|would|but|or|as|from|by|during|after|before|when|while)$/.test(next.lower)
}

function capitalizedAfter(sentence: Sentence, list: SentenceWord[], index: number): boolean {
  const next = list[index + 1]
  return next !== undefined && adjacent(sentence, list[index], next) && next.text.charAt(0) !== next.text.charAt(0).toLowerCase()
}

type Say = (start: number, end: number, expected: string, why: string, level?: Level) => void

function replaceWithArticle(
  say: Say,
  found: Occurrence,
  target: string,
  previous: SentenceWord | undefined,
  initial: boolean,
  how: 'abbreviate' | 'spell'
): void {
  let expected = target
  if (/^the /i.test(target)) {
    // "the Reverend Al Sharpton" → "the Rev."; "Reverend Al Sharpton" → "the Rev." ("The Rev." first in a sentence).
    expected = previous?.lower === 'the' ? target.replace(/^the /i, '') : initial ? capitalizeFirst(target) : target
  } else if (initial) {
    expected = capitalizeFirst(expected)
  }
  say(
    found.start,
    found.end,
    expected,
    how === 'abbreviate' ? `AP writes \u201c${target}\u201d before a name` : 'AP never abbreviates this title'
  )
}

function beforeName(
  say: Say,
  sentence: Sentence,
  list: SentenceWord[],
  found: Occurrence,
  casing: 'upper' | 'lower' | 'mixed',
  initial: boolean,
  names: number,
  previous: SentenceWord | undefined
): void {
  const {form} = found
  const entry = form.entry
  const plural = form.type === 'plural'
  const first = list[found.start]
  const last = list[found.end]

  // "met Former President Barack Obama" → "former"; "then President Barack Obama" → "then-President".
  if (previous && names >= 1 && lowercaseModifiers.has(previous.lower) && !found.prefix) {
    const previousInitial = isSentenceStart(sentence, previous.child)
    if (previous.lower === 'then' && casing !== 'lower') {
      const then = previousInitial ? 'Then' : 'then'
      say(found.start - 1, found.start, `${then}-${first.text}`, '“then” joins the title with a hyphen')
    } else if (!previousInitial && previous.text !== previous.lower) {
      say(found.start - 1, found.start - 1, previous.lower, 'modifiers such as former and acting stay lowercase')
    }
  }

  if (entry.class === 'descriptive') {
    // "Spokesperson Tammy Bruce" → "spokesperson"; at the start of a sentence the capital is fine.
    if (casing === 'lower' || names === 0) return
    if (initial && !found.prefix) return
    const expected = coreWords(list, found)
      .map((word) => word.toLowerCase())
      .join(' ')
    say(found.start, found.end, withAffixes(expected, found, last), 'a descriptive title is lowercase even before a name')
    return
  }

  const needed = entry.nameWords
  const abbreviation = plural ? entry.abbreviationPlural : entry.abbreviation
  // "Governor Gavin Newsom" → "Gov. Gavin Newsom".
  const abbreviate =
    abbreviation &&
    !found.suffix &&
    (casing === 'lower'
      ? entry.class === 'formal' && names >= needed && openBefore(sentence, list, found)
      : names >= needed)
  if (abbreviation && abbreviate) {
    let expected = abbreviation
    if (/^the /i.test(abbreviation)) {
      expected = previous?.lower === 'the' ? abbreviation.replace(/^the /i, '') : initial ? capitalizeFirst(abbreviation) : abbreviation
    }
    // "then-Governor Jerry Brown" → "then-Gov. Jerry Brown".
    if (found.prefix) expected = `${found.prefix}-${expected.replace(/^the /i, '')}`
    say(found.start, found.end, expected, `AP abbreviates this title before a name (${abbreviation.replace(/^the /i, '')})`)
    return
  }

  // "deputy secretary of state Christopher Landau" → "Deputy Secretary of State".
  if (entry.class !== 'formal' || casing === 'upper') return
  // "governor Pritzker said": one name word is enough when it is no dictionary word
  // ("major Chinese newspapers", "the major Manchester hotels") or the phrase ends there.
  const strongName = names >= 2 || (names === 1 && (found.prefix !== undefined || found.suffix !== undefined || lastNameAlone(sentence, list, found.end + 1)))
  if (!strongName || !openBefore(sentence, list, found)) return
  // "the president of Mali, Assimi Goita": "of" after the title is not this case; handled by adjacency.
  let expected = form.text
  if (found.prefix) expected = `${initial ? capitalizeFirst(found.prefix.toLowerCase()) : found.prefix.toLowerCase()}-${expected}`
  if (found.suffix) expected = `${expected}-${found.suffix.toLowerCase()}`
  if (last.possessive) expected += last.text.endsWith("'") ? "'" : last.text.slice(-2)
  say(found.start, found.end, expected, 'a formal title directly before a name is capitalized')
}

/**
 * Whether a lowercase title before a name may be a title at all: not when a
 * lowercase noun qualifies it ("group president Zou Shaolu", "central bank
 * governor Dai Xianglong", "police sergeant Marilyn McCann", "shadow home
 * secretary David Davis") — a job description, or a title AP would build
 * differently. Fine after nothing, a determiner, a modifier, a verb of saying,
 * a preposition, or a capitalized word ("British foreign minister Jack Straw").
 */
function openBefore(sentence: Sentence, list: SentenceWord[], found: Occurrence): boolean {
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

function withAffixes(expected: string, found: Occurrence, last: SentenceWord): string {
  let value = expected
  if (found.prefix) value = `${found.prefix}-${value}`
  if (found.suffix) value = `${value}-${found.suffix.toLowerCase()}`
  if (last.possessive) value += last.text.endsWith("'") ? "'" : last.text.slice(-2)
  return value
}

/** Source text from the start of one word to the end of another, as written. */
function textBetween(sentence: Sentence, from: SentenceWord, to: SentenceWord): string {
  let text = ''
  for (let index = from.child; index <= to.child; index++) text += nodeText(sentence.children[index])
  return text
}

function nodeText(node: SentenceContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as SentenceContent[]).map(nodeText).join('')
  return ''
}

/** The `title` kind. */
export const kind: Kind<TitleData> = {
  name: 'title',
  description:
    'Titles of people: capitalized only directly before a name, lowercase alone; descriptive titles always lowercase; AP abbreviations before names.',
  entrySchema,
  defaults: {quotes: 'skip', scope: 'all', level: 'warning'},
  compile: (file, others) => compileFile(file, others),
  plugin: title
}
