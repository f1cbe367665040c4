/**
 * Name detection for the `title` kind: what counts as a person's name after
 * a title ("General Motors" is no person), the `names` that hold a title
 * ("Billie Jean King"), and the sports and music copy where "the Senators"
 * and "Prince" are teams and performers.
 */
import {dictionaryStems, type Stems} from '../../../spell/dictionaries.js'
import type {Sentence} from 'nlcst'
import {stripPossessive} from './forms.js'
import {adjacent, demonyms, punctuationAfter, type Occurrence, type SentenceWord} from './match.js'

/**
 * dictionary-en's words, split into common (lowercase) words and proper
 * nouns (stored by the build; see `dictionaryStems`).
 */
function words(): Stems {
  return dictionaryStems()
}

/** Capitalized words after a title that are not a person's name. */
export const notNames = new Set(
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

/** How many words after the title look like a person's name (0 = none). */
export function nameAfter(sentence: Sentence, list: SentenceWord[], end: number, plural: boolean): number {
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
export function following(sentence: Sentence, list: SentenceWord[], end: number): 'name' | 'none' | 'unclear' {
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
export const musicWords = new Set(
  'song songs album albums band single singles chart charts concert concerts gig tour lyrics guitarist singer track tracks eurovision grammy record'.split(' ')
)

export function sportsSentence(list: SentenceWord[]): boolean {
  return list.some((word) => sportsWords.has(word.core))
}

const romanNumeral = /^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XVI{0,3}|XIX|XX)$/

/**
 * A first name that a plain test rejects, when a surname follows it:
 * initials in capitals ("governor JB Pritzker", "AJ Styles") and given names
 * that are also institution words ("senator Bill Hagerty": "bill" alone is a
 * law).
 */
export function firstNameLike(sentence: Sentence, list: SentenceWord[], index: number): boolean {
  const word = list[index]
  const next = list[index + 1]
  if (!word || !next || word.possessive || !adjacent(sentence, word, next)) return false
  const initials = /^\p{Lu}{2,3}$/u.test(word.text)
  const given = notNames.has(word.lower) && words().proper.has(word.text)
  if (!initials && !given) return false
  // The surname: a capitalized word that is no institution word and not all caps ("Senate Bill HB 20").
  return nameLike(next.text, false) && !romanNumeral.test(next.text) && next.text !== next.text.toUpperCase()
}

/** Whether a `names` phrase of the entry covers this occurrence. */
export function isName(list: SentenceWord[], found: Occurrence): boolean {
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

/** A lone surname after a lowercase title: an unknown word, or a word the sentence pauses after. */
export function lastNameAlone(sentence: Sentence, list: SentenceWord[], index: number): boolean {
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

export function capitalizedAfter(sentence: Sentence, list: SentenceWord[], index: number): boolean {
  const next = list[index + 1]
  return next !== undefined && adjacent(sentence, list[index], next) && next.text.charAt(0) !== next.text.charAt(0).toLowerCase()
}
