/**
 * Shapes that settle `to` against `too` beyond the word lists in words.ts:
 * what follows `too` only after the preposition or the infinitive's `to`
 * (`too $428 million`, `too other standards`, `too small rooms`, `too
 * finalise`, `too voluntarily provide`, `too forging a`), and what follows
 * `to` only as "too" (`to seriously!`, `to sick to work`).
 */
import {Context, isBreak} from '../context.js'
import {classesOf, nounOnly} from '../lexicon.js'
import {closed, timeWords} from '../shapes.js'
import {determiners, objects, pluralLike, prepositions} from '../words.js'
import {set} from './common.js'

/** Words that follow "to" but never "too": determiners and wh-words ("too other", "too whether"). */
const notAfterToo = set('other each some any most every several another both either neither whether which what whom')

/** Words before a number that follow the preposition "to": "too over 50", "too around 42.2". */
const approximately = set('over around about nearly almost under roughly approximately just some')

/** Quantities that "too" does qualify: "too many people", "too much money". */
const quantities = set('many much few little')

/** Whether a token is a currency sign or a number ("$428.7", "£5"). */
const money = (value: string): boolean => /^[$£€¥]$|^[A-Z]{1,3}\$$|^\d/.test(value)

/**
 * Whether `too` stands where only `to` can: before a currency sign, a
 * determiner or wh-word, an approximation and a number, `more than`, `and
 * from`, an adjective and its noun, a verb's base form in `-ise`/`-ize`
 * that the dictionary lacks, an adverb in `-ly` and a verb, or an `-ing`
 * form with its object.
 */
export function tooForTo(c: Context): boolean {
  if (!c.isWord(-1)) return false
  const next = c.at(1)
  // "net profits too $428.7 million"
  if (!c.isWord(1)) return money(next) && c.at(-1) !== ','
  if (c.tokens[c.index + 1].text !== next) return false
  if (notAfterToo.has(next)) return true
  if (approximately.has(next) && money(c.at(2))) return true
  if ((next === 'more' || next === 'less' || next === 'fewer') && c.at(2) === 'than') return true
  if (next === 'and' && c.at(2) === 'from') return true
  const classes = classesOf(next)
  // "too finalise", "too pressurise": British forms the en-US dictionary lacks.
  if (!classes.known && /(?:ise|ize)$/.test(next) && c.isWord(2)) return true
  if (!c.isWord(2)) return false
  const after = c.at(2)
  const head = classesOf(after)
  // "too small rooms", "too foreign telecommunications firms": "too" + adjective wants no noun after it.
  if (classes.adjective && !classes.verb && !quantities.has(next) && !closed(after) && !timeWords.has(after) && c.tokens[c.index + 2].text === after) {
    if ((pluralLike(after) && head.noun && !head.adjective) || (nounOnly(after) && !head.verb)) return true
  }
  // "too voluntarily provide", "too immediately read": an adverb then a verb's base form is an infinitive.
  if (classes.adverb && !classes.adjective && !classes.noun && head.verb && !head.adjective && !head.noun && !head.participle && !head.ing && !after.endsWith('s')) return true
  // "the key too forging a", "limited them too dealing with": an -ing form with its object.
  if (next.endsWith('ing') && classes.ing && !classes.adjective && (determiners.has(after) || objects.has(after) || after === 'with') && after !== 'a' && after !== 'an') return true
  return false
}

/** Words before "too" + an adjective: "sounds to good to be true", "not to bad". */
export const tooBefore = set("is was are were be been being 's 're am isn't wasn't aren't weren't not far way much bit little sounds sound sounded looks look looked feel feels felt seem seems seemed became become get gets got grow grew still just simply all")

/**
 * Whether `to` stands where only `too` can: before an adverb in `-ly` that
 * ends the phrase (`take these awards to seriously!`, `relying to heavily
 * on`), or, after a form of "be" or a verb of seeming, before an adjective
 * that ends the phrase or takes an infinitive (`sounds to good to be true`,
 * `were to sick to work`, `not to bad,`).
 */
export function toForToo(c: Context): boolean {
  if (!c.isWord(1) || !c.isWord(-1)) return false
  const next = c.at(1)
  if (c.tokens[c.index + 1].text !== next) return false
  const after = c.at(2)
  const classes = classesOf(next)
  const ends = isBreak(after) || after === 'to' || after === 'for'
  if (next.endsWith('ly') && classes.adverb && !classes.adjective && !classes.noun && !classes.verb && (isBreak(after) || (prepositions.has(after) && after !== 'to'))) return true
  if (!tooBefore.has(c.at(-1)) || !ends) return false
  // "back to normal", "from bad to worse": no "from" before it in the clause, and no noun.
  for (let k = 1; k <= c.index && c.isWord(-k); k++) if (c.at(-k) === 'from') return false
  return classes.adjective && !classes.verb && (!classes.noun || set('good bad sick old new nice').has(next))
}
