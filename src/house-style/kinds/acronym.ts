/**
 * Kind `acronym`: acronyms on first reference, across the whole story and in
 * order (AP `abbreviations and acronyms`). Entries are acronyms, with how
 * they may be used first and how they are said (for `a`/`an`), or checks:
 *
 * ```yaml
 * - id: epa
 *   acronym: EPA
 *   expansion: Environmental Protection Agency
 *   first: second        # spell out before first use
 *   pronounced: letters
 * - id: parenthetical
 *   check: parenthetical # "Islamic extremist militants (JNIM)"
 * ```
 *
 * What it flags:
 * - `check: parenthetical` — an acronym in parentheses after a name or set
 *   off by dashes ("the Federal Emergency Management Agency (FEMA)"): AP
 *   does not use that crutch.
 * - `first: second` — the first use of a listed acronym before its
 *   expansion (or a run of capitalized words with its initials) appears;
 *   `cause` points at a later spelled-out form, if any.
 * - `check: spelled-out-later` — an acronym that is not listed, used first
 *   and spelled out only later in the story. Unlisted acronyms never spelled
 *   out (company tickers, BHP, NYSE) are left alone.
 *
 * The compiled data exposes `pronounced`: acronym as written → `letters` or
 * `word` (NATO → word, FBI → letters), for the indefinite-article check.
 */
import type {Root, Sentence, SentenceContent, Word} from 'nlcst'
import type {Plugin} from 'unified'
import type {Position} from 'unist'
import type {CompiledRuleFile, Kind, KindPluginOptions, LoadedRuleFile, RuleEntry} from '../kind.js'
import {RuleDataError} from '../kind.js'
import {eachSentence} from '../sequence.js'
import {locateEntry} from '../load.js'
import {Story, dataLevel, emit, entryPolicySchema, policyOf, type EntrySettings, type Policy} from '../runtime.js'
import {isAllCaps, isCapitalized, isSentenceStart, wordText} from '../../nlcst/words.js'
import type {Level} from '../../types.js'

/** How an acronym is said. */
export type Pronounced = 'letters' | 'word'

/** One entry as written. */
export interface AcronymEntry extends RuleEntry, EntrySettings {
  acronym?: string
  expansion?: string | string[]
  first?: 'allowed' | 'second'
  pronounced?: Pronounced
  check?: 'parenthetical' | 'spelled-out-later' | 'unexplained'
  except?: string[]
}

/** A listed acronym, compiled. */
export interface CompiledAcronym {
  acronym: string
  policy: Policy
  first: 'allowed' | 'second'
  expansions: string[]
}

/** What the plugin and other checks get. */
export interface AcronymData {
  /** Acronym as written → how it is said (`NATO` → word, `FBI` → letters, `U.N.` → letters). */
  pronounced: ReadonlyMap<string, Pronounced>
  /** Listed acronyms by their written form. */
  acronyms: ReadonlyMap<string, CompiledAcronym>
  /** Expansions by first word (lowercase): the words and the acronym they introduce. */
  expansions: ReadonlyMap<string, ReadonlyArray<{words: string[]; acronym: string}>>
  parenthetical?: {policy: Policy; except: ReadonlySet<string>}
  spelledOutLater?: {policy: Policy}
  unexplained?: {policy: Policy; except: ReadonlySet<string>}
  /** Acronyms a newsroom switched off (`gop: {level: off}`): accepted as they are, never flagged as unexplained. */
  accepted: ReadonlySet<string>
  level: Level
}

const entrySchema = {
  properties: {
    acronym: {type: 'string', minLength: 2, description: 'The acronym as written (`NATO`, `U.N.`, `GOP`).'},
    expansion: {
      anyOf: [{type: 'string', minLength: 1}, {type: 'array', minItems: 1, items: {type: 'string', minLength: 1}}],
      description: 'What it stands for, best first; any of these earlier in the story introduces it.'
    },
    first: {
      enum: ['allowed', 'second'],
      description: 'allowed (default): fine on first reference (FBI, NATO). second: spell it out before first use (EPA, GOP).'
    },
    pronounced: {
      enum: ['letters', 'word'],
      description: 'Said letter by letter (FBI: “an FBI agent”) or as a word (NATO: “a NATO ally”).'
    },
    check: {
      enum: ['parenthetical', 'spelled-out-later', 'unexplained'],
      description:
        'A check instead of an acronym. parenthetical: an acronym in parentheses after a name, or set off by dashes. spelled-out-later: an unlisted acronym used before it is spelled out. unexplained: an unlisted acronym of three or more capitals that the story never spells out.'
    },
    except: {
      type: 'array',
      items: {type: 'string'},
      description:
        'For `check: parenthetical`: contents that are fine in parentheses (`AP` in a dateline, time zones). For `check: unexplained`: all-caps words that are not acronyms to explain (units, currency codes, words set in capitals).'
    },
    ...entryPolicySchema
  }
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

// ---------------------------------------------------------------------------
// Compile

function compileFile(file: LoadedRuleFile, others: ReadonlyArray<LoadedRuleFile>): AcronymData {
  const pronounced = new Map<string, Pronounced>()
  const acronyms = new Map<string, CompiledAcronym>()
  const expansions = new Map<string, Array<{words: string[]; acronym: string}>>()
  const owner = new Map<string, {entry: AcronymEntry; file: LoadedRuleFile}>()
  for (const other of others) {
    for (const raw of other.entries) {
      const entry = raw as AcronymEntry
      if (entry.acronym && !owner.has(entry.acronym)) owner.set(entry.acronym, {entry, file: other})
    }
  }
  let parenthetical: AcronymData['parenthetical']
  let spelledOutLater: AcronymData['spelledOutLater']
  let unexplained: AcronymData['unexplained']
  file.entries.forEach((raw, index) => {
    const entry = raw as AcronymEntry
    const at = ['entries', index]
    if (entry.check && entry.acronym) {
      throw new RuleDataError(
        `entry "${entry.id}" has both \`acronym\` and \`check\``,
        [...at, 'check'],
        'an entry is either an acronym or a check: split it in two'
      )
    }
    if (entry.check) {
      const policy = policyOf(file.header, entry)
      if (entry.check === 'parenthetical') parenthetical = {policy, except: new Set(entry.except || [])}
      else if (entry.check === 'unexplained') unexplained = {policy, except: new Set(entry.except || [])}
      else spelledOutLater = {policy}
      return
    }
    if (!entry.acronym) {
      throw new RuleDataError(
        `entry "${entry.id}" has neither \`acronym\` nor \`check\``,
        at,
        'add `acronym:` (with `pronounced:`), or `check: parenthetical` / `check: spelled-out-later`'
      )
    }
    if (entry.except) {
      throw new RuleDataError(`\`except\` is only for \`check: parenthetical\` and \`check: unexplained\``, [...at, 'except'], 'remove it')
    }
    if (!entry.pronounced) {
      throw new RuleDataError(
        `acronym \`${entry.acronym}\` has no \`pronounced\``,
        at,
        'add `pronounced: letters` (said letter by letter, like FBI) or `pronounced: word` (like NATO); the a/an check needs it'
      )
    }
    const first = entry.first || 'allowed'
    const existing = owner.get(entry.acronym)
    if (existing && existing.entry.id !== entry.id) {
      const where = locateEntry(existing.file, existing.entry, ['acronym'])
      const otherFirst = existing.entry.first || 'allowed'
      throw new RuleDataError(
        otherFirst === first
          ? `acronym \`${entry.acronym}\` is listed twice (also entry "${existing.entry.id}" at ${where})`
          : `acronym \`${entry.acronym}\` is both allowed on first reference and second-reference only (entry "${existing.entry.id}" at ${where} says \`first: ${otherFirst}\`)`,
        [...at, 'acronym'],
        otherFirst === first ? 'keep one entry per acronym' : 'decide which it is and keep one entry'
      )
    }
    owner.set(entry.acronym, {entry, file})
    if (first === 'second' && list(entry.expansion).length === 0 && !/^[A-Z]+$/.test(bare(entry.acronym))) {
      throw new RuleDataError(
        `second-reference acronym \`${entry.acronym}\` has no \`expansion\``,
        at,
        'add `expansion:` with what it stands for, so the check knows when it was introduced'
      )
    }
    pronounced.set(entry.acronym, entry.pronounced)
    const compiled: CompiledAcronym = {
      acronym: entry.acronym,
      policy: policyOf(file.header, entry),
      first,
      expansions: list(entry.expansion)
    }
    acronyms.set(entry.acronym, compiled)
    for (const expansion of compiled.expansions) {
      // "Bureau of Alcohol, Tobacco, Firearms and Explosives": commas are tokens of their own.
      const words = expansion.toLowerCase().replace(/,/g, ' ,').split(/\s+/).filter(Boolean)
      const bucket = expansions.get(words[0]) || []
      bucket.push({words, acronym: entry.acronym})
      expansions.set(words[0], bucket)
    }
  })
  for (const bucket of expansions.values()) bucket.sort((a, b) => b.words.length - a.words.length)
  // A newsroom that switches one of ours off accepts that acronym as it is.
  const accepted = new Set<string>()
  for (const entry of (file.off || []) as AcronymEntry[]) if (entry.acronym) accepted.add(bare(entry.acronym))
  return {pronounced, acronyms, expansions, parenthetical, spelledOutLater, unexplained, accepted, level: dataLevel(file.header)}
}

/** Letters of an acronym without periods: `U.N.` → `UN`. */
function bare(acronym: string): string {
  return acronym.replace(/\./g, '')
}

// ---------------------------------------------------------------------------
// The plugin

/** One use of an all-caps word. */
interface Use {
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

/** A spelled-out form seen in the story. */
interface Spelled {
  index: number
  position?: Position
  text: string
}

// Small words an acronym may skip or keep ("Food and Drug Administration" → FDA,
// "Department of Justice" → DOJ), and Arabic, French and other particles
// ("Jama'at Nusrat al-Islam wal-Muslimin" → JNIM, "Medecins Sans Frontieres").
const connectors = new Set([
  'of', 'and', 'for', 'the', 'on', 'in', 'at', 'to', 'by', 'with', 'a', 'an', '&',
  'de', 'du', 'des', 'la', 'le', 'les', 'et', 'al', 'wal', 'el', 'ul', 'bin', 'ibn', 'van', 'von', 'der', 'y'
])
// Roman numerals up to 39 (King Charles III, World War II).
const roman = /^X{0,3}(IX|IV|V?I{0,3})$/
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
  'refiner', 'miner', 'trader', 'publisher', 'studio', 'consultancy', 'consultant', 'regulator', 'watchdog'
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
// How copy introduces an acronym right after the name: "liquefied natural gas, or LNG",
// "Jama'at Nusrat al-Islam wal-Muslimin, known as JNIM", "(FEMA)".
const introductions = [
  ['('],
  ['or'],
  ['—'],
  ['–'],
  ['--']
]
// "… in Indonesia, known as COWS", "a group called JNIM": the words say it is being introduced.
const namings = [
  ['known', 'as'],
  ['also', 'known', 'as'],
  ['known', 'by', 'its', 'acronym'],
  ['known', 'by', 'its', 'initials'],
  ['known', 'by', 'the', 'acronym'],
  ['known', 'by', 'the', 'initials'],
  ['known', 'by', 'their', 'acronym'],
  ['known', 'by', 'their', 'initials'],
  ['called'],
  ['dubbed'],
  ['named'],
  ['renamed']
]

/** The retext plugin: one pass over the story in order, then the findings. */
export const acronym: Plugin<[KindPluginOptions<AcronymData>], Root> = function (options) {
  const files = options.files
  return function (tree, file) {
    const story = new Story(tree, file)
    const scan = scanStory(tree, files)
    for (const compiled of files) judge(story, compiled, scan)
  }
}

interface Scan {
  /** First uses of each acronym, in order, and every parenthetical use. */
  uses: Map<string, Use[]>
  /** First index of each listed acronym's expansion. */
  introduced: Map<string, Spelled>
  /** First index of each run of capitalized words by its initials. */
  initials: Map<string, Spelled>
  /** First index of a use introduced right where it stands ("liquefied natural gas, or LNG"). */
  nearby: Map<string, number>
  /** Acronyms explained right after a use ("LIFFE, the London futures exchange,"; "EBIDTA (earnings before …)"). */
  glossed: Set<string>
}

/** The first use of an acronym that counts: not inside a name, not a dateline or ticker. */
function firstUse(list: Use[]): Use | undefined {
  return list.find((use) => !use.inName && !use.ignored)
}

function scanStory(tree: Root, files: ReadonlyArray<CompiledRuleFile<AcronymData>>): Scan {
  const uses = new Map<string, Use[]>()
  const introduced = new Map<string, Spelled>()
  const initials = new Map<string, Spelled>()
  const nearby = new Map<string, number>()
  const glossed = new Set<string>()
  // Pass 1, cheap: the all-caps words and where they are.
  let counter = 0
  eachSentence(tree, (sentence: Sentence) => {
    const children = sentence.children
    let shouting: boolean | undefined
    let dateline: number | undefined
    for (let childIndex = 0; childIndex < children.length; childIndex++) {
      const child = children[childIndex]
      if (child.type !== 'WordNode') continue
      const index = counter++
      const leaves = child.children
      const head = (leaves[0] as {value?: string} | undefined)?.value ?? ''
      // Quick reject: an acronym starts with two capitals, or a capital and a period.
      if (!upper(head.charCodeAt(0))) continue
      if (head.length > 1 ? !upper(head.charCodeAt(1)) : (leaves[1] as {value?: string} | undefined)?.value !== '.') continue
      shouting ??= isShouting(sentence)
      if (shouting) break
      const text = wordText(child)
      const found = /^((?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}\d&-]*\p{Lu}|\p{Lu}{2,})((?:'s|s|'|s')?)$/u.exec(text)
      if (!found || roman.test(found[1])) continue
      dateline ??= datelineEnd(sentence)
      const key = found[1]
      const list = uses.get(key) || []
      const after = adjacentWord(sentence, childIndex, 1)
      const before = adjacentWord(sentence, childIndex, -1)
      const following = neighbor(children, childIndex, 1)
      list.push({
        node: child,
        text,
        key,
        rest: found[2],
        index,
        sentence,
        childIndex,
        setOff: setOffAround(sentence, childIndex),
        inName: inName(sentence, childIndex),
        startsName: startsName(sentence, childIndex),
        next: after ? wordText(after.word) : undefined,
        previous: before ? wordText(before.word) : undefined,
        after: following ? textOf(children[following.index]) : undefined,
        ignored: childIndex < dateline || inTicker(sentence, childIndex)
      })
      uses.set(key, list)
    }
  })
  // What needs spelled-out forms: second-reference acronyms, and unlisted ones
  // (spelled out later, or never).
  const needed = new Set<string>()
  const expansionsNeeded = new Set<string>()
  for (const [key, list] of uses) {
    const first = firstUse(list)
    if (!first || first.setOff) continue
    for (const file of files) {
      const listed = file.data.acronyms.get(key) || file.data.acronyms.get(withPeriods(key))
      if (listed) {
        if (listed.first === 'second') {
          needed.add(bare(key))
          expansionsNeeded.add(listed.acronym)
        }
      } else if (file.data.accepted.has(bare(key))) {
        continue
      } else if (file.data.spelledOutLater && bare(key).length >= 3 && !first.startsName) {
        needed.add(bare(key))
      } else if (file.data.unexplained && unexplainedCandidate(first, file.data.unexplained.except, list)) {
        needed.add(bare(key))
      }
    }
  }
  if (needed.size === 0) return {uses, introduced, initials, nearby, glossed}
  // Introduced where it stands: "liquefied natural gas, or LNG".
  for (const [key, list] of uses) {
    if (!needed.has(bare(key))) continue
    for (const use of list) {
      if (!nearby.has(bare(key)) && introducedAt(use.sentence, use.childIndex, bare(key))) nearby.set(bare(key), use.index)
      if (glossedAt(use.sentence, use.childIndex)) glossed.add(bare(key))
    }
  }
  // Pass 2, only for what is needed: spelled-out forms (a run of capitalized
  // words with the acronym's initials) and listed expansions.
  const byLetter = new Map<string, string[]>()
  for (const key of needed) {
    const list = byLetter.get(key.charAt(0)) || []
    list.push(key)
    byLetter.set(key.charAt(0), list)
  }
  const expansionFirst = new Map<string, Array<{words: string[]; acronym: string}>>()
  for (const file of files) {
    for (const [first, candidates] of file.data.expansions) {
      const wanted = candidates.filter((candidate) => expansionsNeeded.has(candidate.acronym))
      if (wanted.length > 0) expansionFirst.set(first, [...(expansionFirst.get(first) || []), ...wanted])
    }
  }
  counter = 0
  eachSentence(tree, (sentence: Sentence) => {
    const children = sentence.children
    for (let childIndex = 0; childIndex < children.length; childIndex++) {
      const child = children[childIndex]
      if (child.type !== 'WordNode') continue
      const index = counter++
      const head = (child.children[0] as {value?: string} | undefined)?.value ?? ''
      if (expansionFirst.size > 0) {
        const candidates = expansionFirst.get(wordText(child).toLowerCase())
        for (const candidate of candidates || []) {
          if (introduced.has(candidate.acronym)) continue
          const end = matchWords(sentence, childIndex, candidate.words)
          if (end === undefined) continue
          introduced.set(candidate.acronym, {index, position: span(child, children[end]), text: candidate.words.join(' ').replace(/ ,/g, ',')})
        }
      }
      const keys = byLetter.get(head.charAt(0))
      if (!keys) continue
      for (const key of keys) {
        if (initials.has(key)) continue
        const end = spelledOut(sentence, childIndex, key)
        if (end === undefined) continue
        const words = children.slice(childIndex, end + 1).filter((node): node is Word => node.type === 'WordNode')
        initials.set(key, {index, position: span(child, children[end]), text: words.map((word) => wordText(word)).join(' ')})
      }
    }
  })
  return {uses, introduced, initials, nearby, glossed}
}

/**
 * Whether an unlisted acronym is one to explain: three or more capitals
 * (`WFP`, `AFRICOM`; not `F-35A`, `AT&T`, `U.S.A.`), not a word set in
 * capitals or a unit (the data's `except`), and not a company's name
 * (`ING Barings`, `BHP shares`; a title such as `ECB President` is no name).
 */
function unexplainedCandidate(use: Use, except: ReadonlySet<string>, list: ReadonlyArray<Use>): boolean {
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
  const run = wordRun(use.sentence, use.childIndex, -1, 10).reverse().map((item) => wordText(item.word).toLowerCase())
  // run[0] is the acronym itself; then the words before it, nearest first.
  let at = 1
  if (run[at] === 'the') at++
  if (run[at] !== 'on') return false
  return run.slice(at + 1).some((word) => marketWords.has(word))
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

// Acronyms longer than this are not looked for by their initials (none of AP's is).
const maxInitials = 10

/** One letter-bearing part of a word, for initials. */
interface Part {
  letters: string
  /** Index of its word in the run. */
  word: number
  /** May give no letter: a small word or particle (`of`, `al-`), or a lowercase part after a hyphen (`Co-operation`). */
  optional: boolean
  /** Starts with a capital. */
  capital: boolean
}

/**
 * The parts of a word that can give an acronym letters: `al-Islam` → `al`
 * (optional), `Islam`; `Jama'at` → `JAMAAT`; `U.S.` and `UN` → one part per
 * letter.
 */
function partsOf(text: string, word: number): Part[] | undefined {
  if (/^(\p{Lu}\.)+$/u.test(text) || /^\p{Lu}{2}$/u.test(text)) {
    return [...text.replace(/\./g, '')].map((letter) => ({letters: letter, word, optional: false, capital: true}))
  }
  // An acronym is not part of its own spelling.
  if (/^\p{Lu}{3,}/u.test(text)) return undefined
  const parts: Part[] = []
  text
    .replace(/'s$/, '')
    .split('-')
    .forEach((raw, index) => {
      const letters = raw.replace(/[^\p{L}\p{N}&]/gu, '')
      if (!letters) return
      const capital = /^\p{Lu}/u.test(letters)
      const small = connectors.has(letters.toLowerCase())
      parts.push({letters: letters.toUpperCase(), word, optional: small || (index > 0 && !capital), capital})
    })
  return parts
}

/**
 * Whether `parts` from `at` give exactly `key`: each part gives a prefix of
 * itself (one letter or more: `Africa Command` → AFRICOM), optional parts may
 * give none, and at least two words give letters. `capitals`: every part
 * that must give a letter is capitalized (a name anywhere in the story).
 * The index of the last part used, or -1.
 */
function fits(
  parts: Part[],
  at: number,
  key: string,
  k: number,
  capitals: boolean,
  words: number,
  lastWord: number,
  memo: Int32Array = new Int32Array(parts.length * (key.length + 1) * 6).fill(-2)
): number {
  if (k === key.length) return words >= 2 ? at - 1 : -1
  if (at >= parts.length) return -1
  // Remembered by position, letters used, and whether two words gave letters yet: no input makes it blow up.
  const state = ((at * (key.length + 1) + k) * 3 + Math.min(words, 2)) * 2 + (lastWord === parts[at].word ? 1 : 0)
  if (memo[state] !== -2) return memo[state]
  let result = -1
  const part = parts[at]
  if (part.optional || !capitals || part.capital) {
    let length = 0
    const most = Math.min(part.letters.length, key.length - k)
    // Every prefix of the part that the key continues with, longest first.
    while (length < most && part.letters.charCodeAt(length) === key.charCodeAt(k + length)) length++
    for (; length >= 1 && result === -1; length--) {
      result = fits(parts, at + 1, key, k + length, capitals, words + (part.word === lastWord ? 0 : 1), part.word, memo)
    }
    if (result === -1 && part.optional) result = fits(parts, at + 1, key, k, capitals, words, lastWord, memo)
  }
  memo[state] = result
  return result
}

/** The words from `from` (index into `words`) as parts, or undefined if one cannot be part of a spelling. */
function partsOfWords(words: ReadonlyArray<string>): Part[] | undefined {
  const parts: Part[] = []
  for (let index = 0; index < words.length; index++) {
    const own = partsOf(words[index], index)
    if (!own) return index === 0 ? undefined : parts
    parts.push(...own)
  }
  return parts
}

/**
 * Whether the words from `childIndex` spell out `key` by their initials
 * ("Securities and Exchange Commission" → SEC, skipping `and`; "Jama'at
 * Nusrat al-Islam wal-Muslimin" → JNIM; "Africa Command" → AFRICOM), two
 * words at least; the child index of the last word, or undefined.
 */
function spelledOut(sentence: Sentence, childIndex: number, key: string): number | undefined {
  if (key.length > maxInitials) return undefined
  const run = wordRun(sentence, childIndex, 1, 12)
  if (run.length < 2) return undefined
  const parts = partsOfWords(run.map((item) => wordText(item.word)))
  if (!parts || parts.length === 0 || parts[0].optional || !parts[0].capital) return undefined
  const end = fits(parts, 0, key, 0, true, 0, -1)
  return end === -1 ? undefined : run[parts[end].word].index
}

/** Up to `limit` word nodes from `childIndex` on (or back), with only white space between. */
function wordRun(sentence: Sentence, childIndex: number, step: 1 | -1, limit: number): Array<{word: Word; index: number}> {
  const children = sentence.children
  const run: Array<{word: Word; index: number}> = []
  const start = children[childIndex]
  if (!start || start.type !== 'WordNode') return run
  run.push({word: start, index: childIndex})
  let at = childIndex
  while (run.length < limit) {
    const next = adjacentWord(sentence, at, step)
    if (!next) break
    run.push(next)
    at = next.index
  }
  return step === 1 ? run : run.reverse()
}

/**
 * Whether the acronym at `childIndex` is introduced right there by the words
 * before it, in any case: "liquefied natural gas, or LNG", "the Group of
 * Seven (G7)", "Jama'at Nusrat al-Islam wal-Muslimin, known as JNIM".
 */
function introducedAt(sentence: Sentence, childIndex: number, key: string): boolean {
  if (key.length > maxInitials) return false
  const children = sentence.children
  // The tokens before the acronym, nearest first.
  const before: Array<{value: string; index: number}> = []
  for (let index = childIndex - 1; index >= 0 && before.length < 6; index--) {
    const child = children[index]
    if (child.type === 'WhiteSpaceNode') continue
    before.push({value: child.type === 'WordNode' ? wordText(child).toLowerCase() : valueOf(child), index})
  }
  const says = (phrase: string[]) => phrase.every((value, offset) => before[phrase.length - 1 - offset]?.value === value)
  if (namings.some((phrase) => says(phrase) && before.length > phrase.length)) return true
  for (const phrase of introductions) {
    if (!phrase.every((value, offset) => before[phrase.length - 1 - offset]?.value === value)) continue
    let at = phrase.length
    if (before[at]?.value === ',') at++
    const end = before[at]
    if (!end || children[end.index].type !== 'WordNode') continue
    const run = wordRun(sentence, end.index, -1, 12)
    for (let start = run.length - 2; start >= 0; start--) {
      const parts = partsOfWords(run.slice(start).map((item) => wordText(item.word)))
      if (!parts || parts.length === 0 || parts[0].optional) continue
      const last = fits(parts, 0, key, 0, false, 0, -1)
      if (last !== -1 && parts[last].word === run.length - 1 - start) return true
    }
  }
  return false
}

/**
 * Whether the acronym at `childIndex` is explained right after it: "LIFFE,
 * the London futures exchange,", "EBIDTA (earnings before interest …)",
 * "ELF (Elf Hydrocarbures Tchad)".
 */
function glossedAt(sentence: Sentence, childIndex: number): boolean {
  const children = sentence.children
  const first = neighbor(children, childIndex, 1)
  if (!first) return false
  const mark = textOf(children[first.index])
  let at = first.index
  if (mark === ',') {
    const article = neighbor(children, at, 1)
    if (!article || !['the', 'a', 'an'].includes(textOf(children[article.index]))) return false
    at = article.index
  } else if (mark !== '(') {
    return false
  }
  const word = neighbor(children, at, 1)
  if (!word || children[word.index].type !== 'WordNode') return false
  return !isAllCaps(textOf(children[word.index]))
}

/**
 * The child index where a dateline ends ("BAMAKO, Mali (AP) —",
 * "WASHINGTON —", "UNITED NATIONS (AP) —"), or 0: the city in capitals at
 * the start of the sentence, then a comma and a state or country, then
 * parentheses or a dash.
 */
function datelineEnd(sentence: Sentence): number {
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
function inTicker(sentence: Sentence, childIndex: number): boolean {
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
function isShouting(sentence: Sentence): boolean {
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

/** The word node next to `childIndex` with only white space between, if any. */
function adjacentWord(sentence: Sentence, childIndex: number, step: 1 | -1): {word: Word; index: number} | undefined {
  const children = sentence.children
  for (let index = childIndex + step; index >= 0 && index < children.length; index += step) {
    const child = children[index]
    if (child.type === 'WhiteSpaceNode') continue
    return child.type === 'WordNode' ? {word: child, index} : undefined
  }
  return undefined
}

/** Whether a capitalized word (not all caps) follows right after ("ING Barings"). */
function startsName(sentence: Sentence, childIndex: number): boolean {
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
function inName(sentence: Sentence, childIndex: number): boolean {
  const before = adjacentWord(sentence, childIndex, -1)
  if (!before) return false
  const text = wordText(before.word)
  if (!upper(text.charCodeAt(0)) || text === text.toUpperCase()) return false
  // "WASHINGTON (AP) — The NTSB said": a capitalized small word starts a clause, not a name.
  if (clauseWords.has(text)) return false
  return !isSentenceStart(sentence, before.index)
}

const clauseWords = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'For', 'With', 'By', 'From', 'And', 'But', 'Its', 'His', 'Her', 'Their', 'Our', 'This', 'That', 'These', 'Those', 'When', 'While', 'After', 'Before', 'As', 'If', 'Under', 'Both'])

/** A capital letter (ASCII fast path; other letters by their case). */
function upper(code: number): boolean {
  if (code >= 65 && code <= 90) return true
  if (code < 128) return false
  const char = String.fromCharCode(code)
  return char !== char.toLowerCase()
}

/** Index of the last child of `words` matched from `childIndex` (words separated by white space), or undefined. */
function matchWords(sentence: Sentence, childIndex: number, words: string[]): number | undefined {
  let child = childIndex
  for (let offset = 0; offset < words.length; offset++) {
    if (offset > 0) {
      child++
      while (sentence.children[child]?.type === 'WhiteSpaceNode') child++
    }
    const node = sentence.children[child]
    if (words[offset] === ',' && node && valueOf(node) === ',') continue
    if (!node || node.type !== 'WordNode') return undefined
    const text = wordText(node).toLowerCase().replace(/'s$/, '')
    if (text !== words[offset]) return undefined
  }
  return child
}

function span(from: {position?: Position}, to: {position?: Position}): Position | undefined {
  return from.position && to.position ? {start: from.position.start, end: to.position.end} : undefined
}

/** `(JNIM)` after a word, or `— FEMA —`: the marks around the acronym. */
function setOffAround(sentence: Sentence, childIndex: number): Use['setOff'] {
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

function neighbor(children: SentenceContent[], from: number, step: 1 | -1): {index: number} | undefined {
  for (let index = from + step; index >= 0 && index < children.length; index += step) {
    if (children[index].type === 'WhiteSpaceNode') continue
    return {index}
  }
  return undefined
}

/** Text of a word, or the value of a mark. */
function textOf(node: SentenceContent): string {
  return node.type === 'WordNode' ? wordText(node) : valueOf(node)
}

function valueOf(node: SentenceContent): string {
  return 'value' in node && typeof node.value === 'string' ? node.value : ''
}

function judge(story: Story, file: CompiledRuleFile<AcronymData>, scan: Scan): void {
  const data = file.data
  for (const [key, list] of scan.uses) {
    const listed = data.acronyms.get(key) || data.acronyms.get(withPeriods(key))
    // Set off in parentheses or dashes: every time.
    if (data.parenthetical && !data.parenthetical.except.has(key)) {
      for (const use of list) {
        if (!use.setOff || use.ignored) continue
        const from = use.setOff.start.position?.start.offset
        const to = use.setOff.end.position?.end.offset
        const actual =
          from !== undefined && to !== undefined
            ? String(story.file.value).slice(from, to)
            : nodeText(use.setOff.start) + use.text + nodeText(use.setOff.end)
        emit(
          story,
          file,
          data.level,
          data.parenthetical.policy,
          {start: use.setOff.start, end: use.setOff.end},
          {
            actual,
            expected: [],
            values: {
              why: `AP does not put an acronym in parentheses or dashes after a name; use the full name, then a generic word (the group, the agency), or introduce it in words (“known as ${key}”)`
            }
          },
          use.node
        )
      }
    }
    const first = firstUse(list)
    if (!first || first.setOff) continue
    const spelledBefore = (spelled: Spelled | undefined) => spelled !== undefined && spelled.index < first.index
    const nearby = scan.nearby.get(bare(key))
    if (listed) {
      if (listed.first !== 'second') continue
      const introduced = scan.introduced.get(listed.acronym)
      const byInitials = scan.initials.get(bare(key))
      if (spelledBefore(introduced) || spelledBefore(byInitials) || (nearby !== undefined && nearby <= first.index)) continue
      const later = [introduced, byInitials].filter((item): item is Spelled => item !== undefined).sort((a, b) => a.index - b.index)[0]
      const expansion = listed.expansions[0] || later?.text
      emit(
        story,
        file,
        data.level,
        listed.policy,
        first.node,
        {
          actual: first.text,
          expected: expansion ? [atStart(first, expansion) + first.rest] : [],
          values: {
            why: `spell it out${expansion ? ` (${expansion})` : ''} on first reference; AP uses ${key} only after that`
          },
          cause: later ? {reason: 'spelled out here', place: later.position} : undefined
        },
        first.node
      )
      continue
    }
    // Two letters are too often something else ("SA" after a company's name).
    if (bare(key).length < 3 || data.accepted.has(bare(key))) continue
    if (nearby !== undefined && nearby <= first.index) continue
    const spelled = scan.initials.get(bare(key))
    // "ING Barings": an acronym that starts a name is the name.
    if (data.spelledOutLater && !first.startsName && spelled && spelled.index > first.index) {
      emit(
        story,
        file,
        data.level,
        data.spelledOutLater.policy,
        first.node,
        {
          actual: first.text,
          expected: [spelled.text + first.rest],
          values: {why: `it is spelled out only later (${spelled.text}); spell it out on first reference`},
          cause: {reason: 'spelled out here', place: spelled.position}
        },
        first.node
      )
      continue
    }
    if (!data.unexplained || spelled || nearby !== undefined || scan.glossed.has(bare(key))) continue
    if (!unexplainedCandidate(first, data.unexplained.except, list)) continue
    emit(
      story,
      file,
      data.level,
      data.unexplained.policy,
      first.node,
      {
        actual: first.text,
        expected: [],
        values: {
          why: `the story never says what ${key} stands for; spell out the name on first reference (AP uses an acronym readers may not know only after that), or use a generic word such as the agency or the group`
        }
      },
      first.node
    )
  }
}

/** "IPO plans were shelved." → "Initial public offering": a lowercase expansion starting a sentence takes a capital; names keep their own. */
function atStart(use: Use, expansion: string): string {
  return isSentenceStart(use.sentence, use.childIndex) ? expansion.charAt(0).toUpperCase() + expansion.slice(1) : expansion
}

function withPeriods(key: string): string {
  return key.length === 2 ? key.split('').join('.') + '.' : key
}

function nodeText(node: SentenceContent): string {
  return valueOf(node)
}

/** The `acronym` kind. */
export const kind: Kind<AcronymData> = {
  name: 'acronym',
  description:
    'Acronyms on first reference, in story order: second-reference-only acronyms spelled out first, no parenthetical acronyms; also how each is said (for a/an).',
  entrySchema,
  defaults: {quotes: 'suggestion', scope: 'text', level: 'warning'},
  compile: (file, others) => compileFile(file, others),
  plugin: acronym
}
