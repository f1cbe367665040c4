/**
 * The confusables rules: for each word of a group, the contexts in which it
 * can only be its partner. Each rule reads the words around the candidate
 * (see `Context`) and returns the right word, or nothing. Rules fire only on
 * contexts the written word cannot take in edited English (`of it's`, `could
 * of gone`, `the affect`, `take affect`, `less people`), so clean copy stays
 * silent; a context that fits both words is left alone.
 */
import {pronounRules} from './rules/pronouns.js'
import {wordRules} from './rules/words.js'
import type {Rule} from './rules/common.js'

export type {Rule, Verdict} from './rules/common.js'
export {tooAdjectives} from './rules/words.js'

/** What each word means, for the message: "Use `it's` (it is), not `its` (belonging to it)". */
export const glosses: Record<string, string> = {
  its: 'belonging to it',
  "it's": 'it is',
  their: 'belonging to them',
  there: 'that place, or “there is”',
  "they're": 'they are',
  your: 'belonging to you',
  "you're": 'you are',
  whose: 'belonging to whom',
  "who's": 'who is',
  than: 'in comparisons',
  then: 'at that time, or next',
  affect: 'the verb, to influence',
  effect: 'the noun, a result',
  lose: 'to be deprived of',
  loose: 'not tight, or free',
  principal: 'main, or a school head',
  principle: 'a rule or belief',
  complement: 'something that completes',
  compliment: 'praise',
  council: 'an assembly',
  counsel: 'advice, a lawyer, or to advise',
  led: 'the past tense of lead',
  lead: 'the present tense, a front position or the metal',
  passed: 'the past tense of pass',
  past: 'gone by, or beyond',
  accept: 'to take or agree to',
  except: 'apart from',
  advice: 'the noun',
  advise: 'the verb',
  breath: 'the noun',
  breathe: 'the verb',
  capital: 'the city, or money',
  capitol: 'the building',
  whether: 'if',
  weather: 'rain and shine',
  to: 'a preposition, or before a verb',
  too: 'also, or more than enough',
  'every day': 'each day',
  everyday: 'ordinary, before a noun',
  fewer: 'for things counted one by one',
  less: 'for amounts',
  have: 'the verb',
  of: 'a preposition'
}

/** The dictionary form of an inflected group member (`effects` → `effect`). */
export function lemma(word: string): string {
  if (glosses[word]) return word
  const table: Record<string, string> = {
    affects: 'affect', affected: 'affect', affecting: 'affect',
    effects: 'effect', effected: 'effect', effecting: 'effect',
    loses: 'lose', losing: 'lose', looses: 'loose', loosing: 'loose', loosed: 'loose',
    principals: 'principal', principles: 'principle',
    complements: 'complement', complemented: 'complement', complementing: 'complement',
    compliments: 'compliment', complimented: 'compliment', complimenting: 'compliment',
    councils: 'council', counsels: 'counsel',
    leads: 'lead', leading: 'lead',
    accepts: 'accept', accepted: 'accept', accepting: 'accept',
    excepts: 'except', excepted: 'except', excepting: 'except',
    advises: 'advise', advised: 'advise', advising: 'advise',
    breaths: 'breath', breathes: 'breathe',
    capitals: 'capital', capitols: 'capitol'
  }
  return table[word] ?? word
}

/** The rules by the word they start from (lower case): rules/pronouns.ts and rules/words.ts. */
export const rulesByWord: ReadonlyMap<string, Rule[]> = new Map<string, Rule[]>([...pronounRules, ...wordRules])

/** Whether a lower-cased word is a compound in `-lead` (`saudi-lead`), which `leadSlip` reads. */
export function isLeadCompound(word: string): boolean {
  return word.length > 5 && word.endsWith('-lead')
}
