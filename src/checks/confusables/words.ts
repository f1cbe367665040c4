/**
 * Word classes the confusables rules read context with: closed classes
 * (determiners, pronouns, prepositions, auxiliaries) and a few short lists of
 * open-class words that settle a reading (`on the loose`, `bad weather`).
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/))

/** Modals and `to`: the next word is a verb's base form. */
export const modals = set("to will would could can may might should must shall cannot can't won't wouldn't couldn't shouldn't mustn't don't doesn't didn't did does do 'll 'd")

/** Modals that slip into `of` for `'ve` (`could of`). */
export const haveModals = set('could would should might must may')

/** Forms of `be` and `have` that take a past participle. */
export const perfect = set("has have had having 've")
export const passive = set("is are was were be been being 's 're")

/** Determiners and possessives: the next word is a noun or an adjective. */
export const determiners = set('the a an this that these those its their his her our my your whose some any no each every another either neither such much many more most')
export const possessives = set('its their his her our my your whose')

/** Object pronouns. */
export const objects = set('me him her us them')

/** Subject pronouns and `there`, `it`, `this` as subjects. */
export const subjects = set('i he she it we they you there this these those')

/** Prepositions after which a possessive, not a verb phrase, comes (`of its`, `in their`). */
export const prepositions = set('of in on at for with from by about into onto over under through to toward towards against among between without within during after before behind beside despite upon via across around beyond near')

/** Words that cannot be the noun after a possessive: they go after `it is` / `they are`. */
export const afterIs = set('a an the not no been being never always also just still really very so too quite rather already now here there going getting trying doing looking coming becoming happening hoping saying talking telling taking making working likely unlikely clear unclear possible impossible hard difficult easy important true false necessary vital crucial essential obvious worth about all only up what because expected believed thought understood supposed sure certain')

/** Plural words that are not nouns, or not count nouns (`less news`). */
export const notPlural = set('is was has does as his hers ours yours theirs its this thus always perhaps sometimes yes towards afterwards besides unless whereas less nevertheless news means series species politics economics physics mathematics ethics tactics statistics logistics athletics aerobics plus minus us lens gas bias chaos ethos kudos diabetes measles mumps rabies corps alias afterwards upwards downwards backwards forwards overseas whereabouts headquarters sometimes nowadays outskirts regardless numerous various previous obvious serious famous dangerous nervous anxious ambitious cautious')

/** Plural nouns that do not end in `-s`. */
export const irregularPlurals = set('people children men women police staff cattle data media criteria personnel troops mice feet teeth geese')

/** Whether a lower-cased word looks like a plural count noun (`shares`, `days`), by its ending. */
export function pluralLike(word: string): boolean {
  if (irregularPlurals.has(word)) return true
  if (word.length < 4 || !/^[a-z][a-z-]*s$/.test(word)) return false
  if (notPlural.has(word)) return false
  return !/(?:ss|us|is|ous|ics|'s)$/.test(word)
}

/** Verbs said with `there` as subject (`there remains`), which end in `-s` like plurals. */
export const thereVerbs = set('is was has seems appears remains exists comes goes lies stands follows lives sits looms hangs emerges arises begins rests persists continues happens occurs exist remain')

/** Words that start a clause: `there` after them is the subject, not a possessive slip. */
export const clauseStarts = set("and but or nor that which who if when where because since while though although so as unless whether until then yet now also still today here said says say think thought believe believed know knew is was are were be been isn't wasn't aren't weren't")

/** Time words that follow `there` as an adverb (`lived there years`). */
export const timePlurals = set('days weeks months years hours minutes decades times nights')

/** Comparatives, which take `than`. */
export const comparatives = set('more less fewer rather other otherwise else better worse greater larger higher lower bigger smaller faster slower longer shorter stronger weaker earlier later older younger cheaper dearer wider narrower further farther harder easier richer poorer heavier lighter deeper closer broader tougher bigger sooner quicker safer riskier healthier wealthier busier happier lesser different differently prefer preferred preferable twice times above below')
