/**
 * Word classes the confusables rules share (closed-class words, time words)
 * and the shapes that follow a possessive: a rank word or a year then a noun
 * (`its biggest protest`, `its 1996 earnings`), and what follows `to` but
 * never `too` (a number, a name). Split from rules.ts to keep it short.
 */
import type {Context} from './context.js'
import {classesOf, nounOnly} from './lexicon.js'
import {afterIs, determiners, modals, objects, passive, perfect, pluralLike, prepositions, subjects, timePlurals} from './words.js'

// Small word sets, each made once.
const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/))

/** Time words that follow a place adverb: "stayed there last year". */
export const timeWords = set('last next this every early late yesterday today tomorrow tonight recently overnight then now later earlier again already once twice long briefly')

export const thereIsWords = set("is are was were will would could should may might must has have had seems seemed appears appeared remains remained exists existed 's")

/** Forms of be, have and do, and the modals. */
export const auxiliaries = new Set([...passive, ...perfect, ...modals, ...thereIsWords, 'am', 'do', 'does', 'did', 'can', 'shall'])

/** A closed-class word: never the noun a possessive wants. */
export function closed(word: string): boolean {
  return functionWords.has(word) || afterIs.has(word) || determiners.has(word) || prepositions.has(word) || subjects.has(word) || objects.has(word) || auxiliaries.has(word)
}

/** Words that are never the head of the noun phrase after a possessive. */
export const functionWords = set("out up down off away back home and or but nor as if than then when where so because while whether though although since until unless that which who whom what how why i he she it we they you me him us them this these those there here not to")

/** Superlatives, ordinals and the like that take an article after "it is" or "there" (`the biggest`). */
export const rankWords = set('first second third fourth fifth final best worst biggest largest latest highest lowest newest oldest strongest weakest sharpest steepest fastest slowest current present respective')

/** Nouns that make a fixed phrase after a rank word: "it's second nature", "it's first thing". */
export const rankPhrases = set('nature thing time place prize')

/** Whether a rank word then a noun follows (`biggest protest`, `first quarter`). */
export function rankedNounNext(c: Context): boolean {
  if (!rankWords.has(c.at(1)) || !c.isWord(2)) return false
  const noun = c.tokens[c.index + 2]
  const word = noun.lower
  if (noun.text !== word || closed(word) || timeWords.has(word) || timePlurals.has(word) || rankPhrases.has(word) || word.endsWith('ing')) return false
  const classes = classesOf(word)
  // A word the lexicon lacks ("protest") reads as the noun here: the rank word wants one.
  return classes.noun || nounOnly(word) || (!classes.known && !/(?:ly|ed)$/.test(word))
}

/** Whether a year then a noun follows (`1996 earnings`). */
export function yearNounNext(c: Context): boolean {
  if (!/^(?:19|20)\d\d$/.test(c.at(1)) || !c.isWord(2)) return false
  const word = c.at(2)
  return c.tokens[c.index + 2].text === word && !closed(word) && !timePlurals.has(word) && (nounOnly(word) || (pluralLike(word) && classesOf(word).noun))
}

/** Whether the word after `too` is a number (`too 20`) or, mid-sentence, a capitalised name (`too China`). */
export function tooBeforeNumberOrName(c: Context): boolean {
  const written = c.text
  const after = c.tokens[c.index + 1].text
  const code = after.charCodeAt(0)
  if (code >= 48 && code <= 57) return true
  // Title-case copy ("Prices Rise Too Far") has a capital on "too" itself or on the word before.
  if (written !== 'too' || c.tokens[c.index - 1].text !== c.at(-1)) return false
  return code >= 65 && code <= 90 && after.length > 1 && after !== after.toUpperCase()
}

/** Words that take a verb with "to" after them: "expected to report", "plans to sell". */
const infinitiveTakers = set('want wants wanted plan plans planned expect expects expected continue continues continued decide decides decided agree agrees agreed fail fails failed refuse refuses refused seek seeks aim aims aimed hope hopes hoped intend intends intended prepare prepares prepared attempt attempts attempted able unable willing unwilling decision bid effort efforts likely unlikely set due going trying')

/**
 * Whether `too` follows a word that takes "to" and comes before a verb's
 * base form (`expected too report`, `plans too dispose`): not an adjective or
 * adverb, which "too" could qualify (`likely too high`, `agreed too quickly`).
 */
export function tooBeforeVerb(c: Context, adjectives: ReadonlySet<string>): boolean {
  if (!infinitiveTakers.has(c.at(-1)) || !c.isWord(2)) return false
  const token = c.tokens[c.index + 1]
  const word = token.lower
  if (token.text !== word || adjectives.has(word) || closed(word) || /(?:ly|ed|ing|er|est|ous|ive|ful|able|ible|al|ic|y)$/.test(word)) return false
  const classes = classesOf(word)
  if (!classes.known) return true
  if (!classes.verb || classes.adverb || classes.participle) return false
  // "able too cut the costs", "willing too back the plan": a verb with its object ("too high a price" has "a").
  return !classes.adjective || objectStarts.has(c.at(2))
}

/** Words that start a verb's object but never follow "too" + adjective. */
const objectStarts = set('the its their his her our my your this these those')

/** A lower-case word the lexicon lacks (`protest`, `repeal`) that has no adjective, adverb or verb-form ending: read as a noun. */
export function unknownNoun(word: string): boolean {
  return !classesOf(word).known && word.length > 2 && !/(?:ly|ed|ing|er|est|ous|ive|ful|able|ible|al|ic)$/.test(word) && !/[^a-z]/.test(word)
}

/** Prepositions after which "there" only starts a clause (`of there being`, `for there to be`), never a phrase of two words. */
const thereObjectPrepositions = set('of for with to on at by into against among between without within during under')

/**
 * Whether `there` follows one of those prepositions and comes before two
 * words that make a noun phrase (`of there total investment`, `to there real
 * value`): not a verb of "there is", an `-ing` form, a time word or an adverb.
 */
export function thereAfterPreposition(c: Context, thereVerbs: ReadonlySet<string>): boolean {
  if (!c.isWord(-1) || !thereObjectPrepositions.has(c.at(-1)) || !c.isWord(1) || !c.isWord(2)) return false
  const token = c.tokens[c.index + 1]
  const word = token.lower
  const after = c.at(2)
  if (token.text !== word || c.tokens[c.index + 2].text !== after) return false
  if (closed(word) || closed(after) || timeWords.has(word) || timePlurals.has(word) || thereVerbs.has(word) || /(?:ing|ly)$/.test(word) || word.includes('-')) return false
  return !classesOf(word).adverb
}
