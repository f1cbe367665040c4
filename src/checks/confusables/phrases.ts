/**
 * Shapes of the words after a candidate that only a noun phrase takes
 * (`it's strong financial position`, `there lending criteria`): what the
 * possessive rules in rules.ts ask of the words that follow.
 */
import {Context, isBreak} from './context.js'
import {classesOf, massNoun, nounOnly} from './lexicon.js'
import {closed, functionWords, timeWords, unknownNoun} from './shapes.js'
import {clauseStarts, pluralLike, thereVerbs, timePlurals} from './words.js'

const sets = new Map<string, ReadonlySet<string>>()
const set = (words: string): ReadonlySet<string> => {
  let found = sets.get(words)
  if (!found) sets.set(words, (found = new Set(words.trim().split(/\s+/))))
  return found
}

/**
 * "it's strong financial position", "it's fabulous Indonesian gold
 * discovery", "it's Delco Electronics unit", "it's annual reports": a noun
 * after two modifiers (adjectives, participles, names), or a plural after
 * one, with no article, cannot follow "it is".
 */
export function modifiedNounNext(c: Context): boolean {
  let modifiers = 0
  for (let k = 1; k <= 5; k++) {
    const token = c.tokens[c.index + k]
    if (!token?.node) return false
    const word = token.lower
    if (closed(word) || timeWords.has(word) || timePlurals.has(word) || massNouns.has(word)) return false
    if (token.text !== word) {
      if (!/^[A-Z][a-z]+$/.test(token.text)) return false
      modifiers++
      continue
    }
    const classes = classesOf(word)
    if (modifiers > 0 && !word.includes('-')) {
      // After a modifier a plural that is also a verb is the noun ("outer walls").
      const plural = pluralLike(word) && classes.noun && !classes.adjective
      if (plural || (modifiers >= 2 && nounOnly(word))) return !isBreak(c.at(k + 1)) || modifiers >= 2
    }
    const modifier = word.includes('-')
      ? !word.endsWith('-') && word.split('-').every((part) => classesOf(part).known)
      : // An adjective (`annual` is a noun too), a participle, or a known word of no other class (`automotive`).
        (classes.adjective || classes.participle || (classes.known && !classes.noun && !classes.ing)) && !classes.verb && !classes.adverb
    if (!modifier) return false
    modifiers++
  }
  return false
}

/** A plural noun that is no verb or adjective, then more of the clause (`it's executives and`). */
export function pluralNounNext(c: Context): boolean {
  const token = c.tokens[c.index + 1]
  const word = c.at(1)
  if (!token?.node || token.text !== word || !c.isWord(2) || timePlurals.has(word) || closed(word)) return false
  const classes = classesOf(word)
  return pluralLike(word) && classes.noun && !classes.verb && !classes.adjective && !set('who that which than thanks').has(c.at(2))
}

/** Nouns said without an article after "it is": "it's common knowledge", "it's big business". */
export const massNouns = set('news time business work knowledge nonsense stuff luck fun money sense speculation policy practice sport life history law music art weather')

/** Verbs that take a clause: "said it's", "thinks it's" are fine. */
export const clauseVerbs = new Set(
  ('provide given say think believe know feel hope expect fear argue claim add note warn announce admit agree insist suggest mean guess suppose reckon realize realise understand explain complain worry assume conclude decide report state confirm acknowledge predict estimate indicate signal reveal disclose show prove find seem appear tell ensure doubt wonder promise deny stress emphasise emphasize recognize recognise accept concede contend maintain observe remark reply respond suspect imagine figure hear learn see read notice mind bet wish pray hint judge ' +
    'said says thought knew known felt meant understood told found shown proved heard saw seen being having')
    .split(' ')
    .flatMap((verb) => [verb, verb + 's', verb + 'ed', verb + 'd', verb.replace(/e$/, '') + 'ing', verb.replace(/y$/, 'ied'), verb.replace(/y$/, 'ies'), verb.replace(/t$/, 'tted')])
)

/**
 * Whether token `k` starts a noun phrase that cannot follow the adverb
 * `there`: a noun that is no verb (`productivity`, `clients`), or an
 * adjective then a noun (`national religion`).
 */
export function nounStart(c: Context, k: number): boolean {
  const token = c.tokens[c.index + k]
  if (!token?.node || token.text !== token.lower) return false
  const word = token.lower
  if (closed(word) || timeWords.has(word) || timePlurals.has(word) || thereVerbs.has(word) || word.includes('-')) return false
  const classes = classesOf(word)
  // "if there profits fall": a plural then more of the clause.
  if (k === 1 && pluralLike(word) && classes.noun && !classes.adjective && c.isWord(k + 1) && !closed(c.at(k + 1))) return true
  // "There prices are too high": a plural noun and its verb.
  if (k === 1 && pluralLike(word) && classes.noun && !classes.adjective && set('are were have had will would could should can may might must do did').has(c.at(k + 1))) return true
  if (classes.noun && !classes.verb && !classes.adjective && !classes.adverb && !classes.ing && !classes.participle) return !isBreak(c.at(k + 1)) || k > 1
  if (classes.adjective && !classes.noun && !classes.verb && c.isWord(k + 1)) {
    const next = c.at(k + 1)
    return !closed(next) && !timePlurals.has(next) && nounOnly(next)
  }
  return false
}

/** A verb form after which a noun phrase is its object: `directed`, `cutting`, `extend`; not one that takes a clause. */
export function objectVerb(word: string): boolean {
  if (clauseVerbs.has(word) || functionWords.has(word)) return false
  const classes = classesOf(word)
  return classes.participle || classes.ing || (classes.verb && !classes.noun && !classes.adjective)
}

/**
 * Whether token `k` reads only as a noun phrase's start: a lower-case noun or
 * verb base that is no adjective, participle, `-ing` form or adverb, with
 * more of the phrase after it; or a capitalised word then such a noun
 * (`it's California counterpart`).
 */
export function nounPhraseNext(c: Context, k: number): boolean {
  const token = c.tokens[c.index + k]
  if (!token?.node) return false
  const word = token.lower
  if (closed(word) || /^\d/.test(word)) return false
  const after = c.at(k + 1)
  // "it's executives who decide", "it's friends like these that matter": a cleft, not a possessive.
  if (isBreak(after) || set('to that and or as - who which like').has(after)) return false
  if (token.text !== word) {
    // "it's California counterpart": a name, then a noun.
    return /^[A-Z][a-z]+$/.test(token.text) && c.isWord(k + 1) && nounPhraseNext(c, k + 1)
  }
  if (word.includes('-') || word.includes("'")) return false
  // "it's crunch time": a noun before "time" names the moment.
  return after !== 'time' && (nounOnly(word) || unknownNoun(word))
}


/**
 * Whether the word after `there` can only open a noun phrase that goes on:
 * an adjective, participle or `-ing` form (`there lending criteria`, `there
 * losing position`) or a hyphenated modifier (`there longer-term
 * departure`), with a noun after it. The adverb `there` is followed by a
 * verb, a preposition, an adverb or a break, not by a modifier and its noun.
 */
export function modifierNext(c: Context, ing: boolean): boolean {
  const token = c.tokens[c.index + 1]
  if (!token?.node || token.text !== token.lower || !c.isWord(2)) return false
  const word = token.lower
  if (closed(word) || timeWords.has(word) || timePlurals.has(word) || thereVerbs.has(word) || word === 'being' || word === 'having') return false
  const head = c.at(2)
  if (closed(head) || timeWords.has(head) || isBreak(c.at(3)) && !nounOnly(head)) return false
  const modifier = word.includes('-')
    ? word.split('-').every((part) => classesOf(part).known) && !word.endsWith('-')
    : ((classes) => (classes.adjective || classes.participle || (ing && classes.ing)) && !classes.adverb && !classes.verb)(classesOf(word))
  const noun = classesOf(head)
  return modifier && (noun.noun || pluralLike(head)) && !noun.adverb
}


/**
 * Whether the words after the candidate are a predicate noun phrase that
 * ends its clause, at the start of one: up to three lower-case modifiers and
 * a singular noun then a break, at a sentence's start or after a verb of
 * saying (`critics say it's corporate welfare.`), `and`/`or`/`but`
 * before a new clause (`it's public record and anyone can`), or `for` … `to`
 * (`It's standard procedure for the police to check`); before a conjunction
 * that goes on with a noun, a mass noun only (one the dictionary gives no
 * plural). "It is" takes such a phrase; "its" would leave the
 * clause with no verb. A plural head (`it's executives and others`) is not
 * read so, nor a count noun after a comma or a preposition (`Fidelity, it's
 * auto financing arm.`, `since it's public debut.`).
 */
export function predicateNext(c: Context): boolean {
  if (c.isWord(-1) && !c.first && !clauseStarts.has(c.at(-1)) && !clauseVerbs.has(c.at(-1))) return false
  for (let k = 1; k <= 4; k++) {
    const token = c.tokens[c.index + k]
    if (!token?.node || token.text !== token.lower) return false
    const word = token.lower
    if (closed(word) || timeWords.has(word) || /^\d/.test(word) || pluralLike(word)) return false
    const classes = classesOf(word)
    const after = c.at(k + 1)
    if (k > 1 && (isBreak(after) || set('and or but').has(after))) {
      // "it's corporate welfare." at a sentence's start or after "say"; "it's public record and anyone can": a new clause.
      if (isBreak(after) && (c.first || sayVerbs.has(c.at(-1)))) return true
      if (!isBreak(after) && (closed(c.at(k + 2)) || set('anyone everyone nobody someone').has(c.at(k + 2)))) return true
      return massNouns.has(word) || massNoun(word) || !classes.known
    }
    if (k > 1 && after === 'for' && toLater(c, k + 2)) return (classes.noun || !classes.known) && !classes.ing
    // A modifier: an adjective, a participle, or a noun used as one ("public record").
    if (!(classes.adjective || classes.participle || classes.noun || !classes.known) || classes.adverb) return false
  }
  return false
}

/** Verbs of saying and thinking before "it's" + a predicate: "critics say it's corporate welfare." */
const sayVerbs = set('say says said think thinks thought believe believes believed argue argues argued claim claims claimed insist insists insisted')

/** Whether `to` follows within the clause from token `k` (`for the police to check`). */
function toLater(c: Context, k: number): boolean {
  for (let j = k; j < k + 6; j++) {
    if (!c.isWord(j)) return false
    if (c.at(j) === 'to') return true
  }
  return false
}
