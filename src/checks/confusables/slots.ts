/**
 * Where a possessive must stand and where a contraction must: the object
 * slot after a transitive verb (`would raise it's offer`, `it reveals it's
 * pedigree`), and the shapes after `its` that only "it is" takes (`its
 * backed by`, `its painting a picture`, `its very intense.`, `its all
 * about`). Read by the pronoun rules in rules/pronouns.ts.
 */
import {Context, isBreak} from './context.js'
import {classesOf, nounOnly} from './lexicon.js'
import {clauseVerbs} from './phrases.js'
import {closed, timeWords} from './shapes.js'
import {modals, pluralLike, subjects} from './words.js'

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/))

/** Verbs of saying and writing that take a clause, beyond `clauseVerbs`: "he wrote it's time". */
const speechVerbs = set('write writes declare declares swear swears guarantee guarantees assure assures joke jokes quip quips shout shouts cry cries laugh laughs sigh sighs tweet tweets post posts comment comments insist insists let lets make makes call calls consider considers')

/** Subjects before a verb whose object follows: "it reveals", "which runs". */
const subjectWords = set('i he she it we they you which who')

/**
 * Whether the candidate stands where a verb's object goes: after a verb's
 * base or `-s` form that follows a modal, `to`, `not` or a subject pronoun
 * (`would raise`, `to fund`, `will not hurt`, `it reveals`), or after `up`
 * following such a verb or an `-ing` form (`to clean up`, `opening up`).
 * Verbs that take a clause (`say`, `think`, `write`) are not read so.
 */
export function objectSlot(c: Context): boolean {
  let k = -1
  if (c.at(-1) === 'up' && c.isWord(-1)) k = -2
  const token = c.tokens[c.index + k]
  if (!token?.node || token.text !== token.lower) return false
  const verb = token.lower
  if (clauseVerbs.has(verb) || speechVerbs.has(verb) || closed(verb) || verb.includes('-')) return false
  const classes = classesOf(verb)
  if (k === -2 && (classes.ing || classes.participle)) return true
  // "to clean up": after `up` a verb that is also an adjective is the verb.
  if (!classes.verb || (classes.adjective && k === -1) || classes.participle || classes.ing || classes.adverb) return false
  let j = k - 1
  if (c.at(j) === 'not' || c.at(j) === 'also' || c.at(j) === 'then' || c.at(j) === 'further' || classesOf(c.at(j)).adverb) j--
  if (!c.isWord(j)) return false
  const before = c.at(j)
  // "to raise", "would fund": the base form. "it reveals", "which runs": the -s form after a subject.
  if (modals.has(before)) return !verb.endsWith('s') || verb.endsWith('ss')
  return subjectWords.has(before) && verb.endsWith('s') && !verb.endsWith('ss') && (before === 'it' || before === 'he' || before === 'she' || before === 'which' || before === 'who')
}

/**
 * Whether a noun phrase's head comes next: a lower-case noun (`offer`,
 * `sales`), or a modifier then a noun (`banking system`, `number one`),
 * not an adjective, adverb or function word that "it is" takes.
 */
export function nounHeadNext(c: Context): boolean {
  const token = c.tokens[c.index + 1]
  if (!token?.node || token.text !== token.lower) return false
  const word = token.lower
  if (closed(word) || timeWords.has(word) || /^\d/.test(word) || word.includes("'")) return false
  const after = c.at(2)
  const classes = classesOf(word)
  // "to make it's time to": a singular noun before `to` or `that` may be said of "it is"; a plural may not.
  if ((after === 'to' || after === 'that') && !pluralLike(word)) return false
  if (nounOnly(word) || (pluralLike(word) && classes.noun && !classes.adjective)) return true
  if ((classes.adjective || classes.participle || classes.ing) && !classes.adverb && c.isWord(2) && !closed(after) && !timeWords.has(after)) {
    const head = classesOf(after)
    return (head.noun || pluralLike(after)) && !head.adjective && !head.adverb && !head.ing && !head.participle
  }
  return false
}

/** Words that start an object: "its painting a picture". */
const objectStarts = set('a an the his her their our my your')

/** Words after which an adjective's phrase has ended: "its very intense and". */
const phraseEnds = set('and but or to for that than')

/** Intensifiers that go before an adjective: "its very intense". */
const intensifiers = set('very so too pretty quite rather fairly extremely incredibly absolutely totally utterly')

/** Words after "it's all" in "it's all about", "it's all over". */
const afterAll = set('about over just right very so too part down up good fine well gone because there here that')

/**
 * Whether the words after `its` can only follow "it is": a participle then
 * `by` (`its backed by`), an `-ing` form then an article or possessive (`its
 * painting a picture`), `all` then `about`/`over`/… (`its all about`), or an
 * intensifier then an adjective that ends the phrase (`its very intense.`).
 */
export function itIsShapeNext(c: Context): boolean {
  const token = c.tokens[c.index + 1]
  if (!token?.node || token.text !== token.lower || !c.isWord(2)) return false
  const word = token.lower
  const after = c.at(2)
  const classes = classesOf(word)
  if (word === 'all') return afterAll.has(after)
  if (classes.participle && !classes.noun && !classes.adjective && after === 'by') return true
  if (word.endsWith('ing') && classes.ing && objectStarts.has(after)) return true
  if (intensifiers.has(word)) {
    const adjective = classesOf(after)
    const ends = (k: number) => isBreak(c.at(k)) || phraseEnds.has(c.at(k))
    return (adjective.adjective || (adjective.known && !adjective.noun && !adjective.verb)) && !adjective.noun && ends(3) && after !== 'own' && after !== 'much' && after !== 'many'
  }
  return false
}
