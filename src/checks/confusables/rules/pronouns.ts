/**
 * The confusables rules for the pronoun groups: `its`/`it's`,
 * `their`/`there`/`they're`, `your`/`you're`, `whose`/`who's`. A possessive
 * where a contraction is meant and the reverse, read from the words after.
 */
import {Context, isBreak} from '../context.js'
import {classesOf, nounOnly} from '../lexicon.js'
import {clauseVerbs, massNouns, modifiedNounNext, modifierNext, nounPhraseNext, nounStart, objectVerb, pluralNounNext, predicateNext} from '../phrases.js'
import {closed, functionWords, rankedNounNext, thereIsWords, thereAfterPreposition, timeWords, yearNounNext} from '../shapes.js'
import {afterIs, clauseStarts, determiners, passive, pluralLike, prepositions, thereVerbs, timePlurals} from '../words.js'
import {itIsShapeNext, nounHeadNext, objectSlot} from '../slots.js'
import {set, type Rule, type Verdict} from './common.js'

// --- its / it's -------------------------------------------------------------

/** `it's` where `its` is meant: `of it's own`, `it's shares fell`. */
const itIs: Rule = (c) => possessiveSlip(c, 'its', "its/it's")

/** `its` where `it's` is meant: `its not clear`, `its been`. */
const itsSlip: Rule = (c) => contractionSlip(c, "it's", "its/it's")

/** Prepositions that never start a clause ("after it's done" does): only a possessive follows them. */
const objectPrepositions = set('of in into onto with from by through at on among between within without toward towards against during via upon')

/** "had" as a main verb: "GTE had it's most serious talks". */
const haveVerbs = set('had has have having')

/**
 * A contraction (`it's`, `you're`, `they're`, `who's`) where a possessive is
 * meant: before `own`, after a preposition (`of it's`, `in you're`), or before
 * a plural noun (`it's shares fell`), which cannot follow "it is".
 */
function possessiveSlip(c: Context, expected: string, group: string): Verdict | undefined {
  const next = c.at(1)
  if (!c.isWord(1)) return undefined
  if (next === 'own') return {expected, group}
  // "one of it's most charismatic", "GTE had it's most serious talks": a preposition that never starts a clause, or
  // "had", takes the possessive before any word ("of it's not" is no English either).
  if (c.isWord(-1) && (objectPrepositions.has(c.at(-1)) || (haveVerbs.has(c.at(-1)) && !afterIs.has(next) && !set('a an the got gotten to').has(next)))) return {expected, group}
  if (afterIs.has(next) || determiners.has(next)) return undefined
  if (c.isWord(-1) && (prepositions.has(c.at(-1)) || set('below above like unlike including beneath').has(c.at(-1)))) {
    // "after it's done", "like it's going to rain": these start a clause too, so only a noun after makes the possessive.
    if (!set('after before since until till like').has(c.at(-1)) || nounHeadNext(c) || rankedNounNext(c)) return {expected, group}
  }
  // "directed it's lawyers", "cutting it's output": the object of a verb
  // that takes no clause ("said it's" is fine).
  if (c.isWord(-1) && c.tokens[c.index - 1].text === c.at(-1) && objectVerb(c.at(-1)) && !functionWords.has(next) && !prepositions.has(next)) return {expected, group}
  // "would raise it's offer", "to fund it's pipeline", "it reveals it's pedigree": a verb's object is a noun phrase.
  if (objectSlot(c) && nounHeadNext(c)) return {expected, group}
  // "it's public record and", "It's standard procedure for the police to": a predicate that ends the clause.
  if (predicateNext(c)) return undefined
  // "it's strong financial position": an adjective and a noun with no article cannot follow "it is".
  if (c.tokens[c.index + 1].text === next && !functionWords.has(next)) {
    const classes = classesOf(next)
    const noun = c.at(2)
    if ((classes.adjective && !classes.noun && !classes.verb) || classes.participle) {
      if (c.isWord(2) && !closed(noun) && !noun.endsWith('s') && !massNouns.has(noun) && nounOnly(noun) && !classesOf(noun).verb && !isBreak(c.at(3)) && c.at(3) !== 'to') return {expected, group}
    }
  }
  // "it's biggest protest", "it's 1996 earnings": a superlative, ordinal or year then a noun, with no article.
  if (expected === 'its' && (rankedNounNext(c) || yearNounNext(c))) return {expected, group}
  if ((expected === 'its' || expected === 'whose') && modifiedNounNext(c)) return {expected, group}
  // "it's executives and others", "who's shares fell": a singular subject is not a plural noun.
  if ((expected === 'its' || expected === 'whose') && pluralNounNext(c)) return {expected, group}
  // "it's shares fell": a plural noun then a verb cannot follow "it is".
  if (pluralLike(next) && !/ing$|ed$/.test(next) && /(?:ed|[^s]s)$/.test(c.at(2)) && c.isWord(2)) return {expected, group}
  // "the SEC must approve it's rules", "it's California counterpart": a noun
  // (or a verb's base form) cannot follow "it is" — unless it ends the
  // clause or takes "to"/"that" ("it's key to", "it's business.").
  if (nounPhraseNext(c, 1)) return {expected, group}
  return undefined
}

/** What rules/word-collision.yml flags after `its` and `your` (`its-determiner`, `your-determiner`). */
const collisionDeterminers = set('the a an this these those its their our my your his her')

/**
 * Whether the candidate starts a clause: the sentence's first word, after a
 * mark, or after a conjunction or a verb that takes a clause (`said`,
 * `think`).
 */
function clauseStart(c: Context): boolean {
  return c.first || !c.isWord(-1) || clauseStarts.has(c.at(-1)) || clauseVerbs.has(c.at(-1))
}

/** Words after which a possessive can end a phrase: not a slip before them. */
const contractionNext = set('a an the not been never always also just no going getting trying doing looking coming becoming hoping saying talking telling happening')

/** Prepositions that never start the noun phrase after a possessive ("its on", "your in"). */
const contractionPrepositions = set('in on at from with into onto about under of by among between against without within toward towards through during')

/**
 * A possessive (`its`, `your`, `whose`) where a contraction is meant: before
 * an article, `not`, `been` or a verb in `-ing` that is not a noun (`its
 * going`), or before an adjective then `to`/`that` (`its clear that`).
 */
function contractionSlip(c: Context, expected: string, group: string): Verdict | undefined {
  if (!c.isWord(1)) return undefined
  const next = c.at(1)
  // "Its a shame.", "I think its the best": a determiner after "its" at a clause's start is "it is". Elsewhere
  // ("raised its the dividend") it is edit residue, which the word-collision rules report.
  if ((expected === "it's" || expected === "you're") && collisionDeterminers.has(next)) return clauseStart(c) ? {expected, group} : undefined
  if (contractionNext.has(next)) return {expected, group}
  if (set('quite even like really especially having').has(next)) return {expected, group}
  // "When your in business", "its on the table": a possessive takes a noun, never a preposition.
  if (contractionPrepositions.has(next) && c.at(2) !== '-' && c.isWord(2)) return {expected, group}
  // "Its backed by", "its painting a picture", "its all about", "its very intense.": shapes only "it is" takes.
  if (itIsShapeNext(c)) return {expected, group}
  if (c.tokens[c.index + 1].text === next) {
    const classes = classesOf(next)
    const after = c.at(2)
    // "its really premature", but not "its widely used" or "its highly profitable unit".
    if (classes.adverb && !classes.noun && c.isWord(2)) {
      const then = classesOf(after)
      const ends = (k: number) => isBreak(c.at(k)) || set('to for that than').has(c.at(k))
      if (!then.participle && !then.ing && !nounOnly(after) && ((then.adjective && ends(3)) || ends(2))) return {expected, group}
    }
    // "its easier for them", "its bigger than": an adjective then a break, not a noun.
    if (classes.adjective && !classes.noun && !classes.verb && !set('kind own').has(next) && (isBreak(after) || set('to for than that').has(after))) return {expected, group}
  }
  if (set('likely unlikely clear unclear possible impossible hard difficult easy important true necessary vital crucial essential obvious time worth about up').has(next)) {
    const after = c.at(2)
    if (after === 'to' || after === 'that' || after === 'whether' || after === 'if' || after === 'for' || isBreak(after)) {
      // "its time to": "its" + noun "time" + "to" is rare beside "it's time to".
      return {expected, group}
    }
  }
  return undefined
}

// --- their / there / they're ------------------------------------------------

const theyAreNext = set('not going getting trying doing looking hoping saying talking coming making taking working playing telling asking still just always never all also both very so too really likely unlikely sure able expected supposed')

/** `their` where `there` or `they're` is meant. */
const theirSlip: Rule = (c) => {
  const next = c.at(1)
  const group = "their/there/they're"
  // "is their a way", "over their."
  if (!c.isWord(1)) return isBreak(next) && next !== '' ? {expected: 'there', group} : undefined
  if (thereIsWords.has(next)) return {expected: 'there', group}
  if (theyAreNext.has(next)) return {expected: "they're", group}
  // "said their a good team" is "they're"; "gave their a clear answer" is edit residue (word-collision's).
  if ((next === 'a' || next === 'an' || next === 'the') && (c.first || !c.isWord(-1) || clauseStarts.has(c.at(-1)))) return {expected: "they're", group}
  return undefined
}

/** `there` where `their` or `they're` is meant. */
const thereSlip: Rule = (c) => {
  const group = "their/there/they're"
  const next = c.at(1)
  if (!c.isWord(1)) return undefined
  if (next === 'own') return {expected: 'their', group}
  if (set('going getting trying doing looking hoping talking saying coming').has(next) && !c.before(passive, 1)) {
    return {expected: "they're", group}
  }
  // "lost there homes": after a verb or preposition, before a plural noun.
  const previous = c.at(-1)
  // "in there second quarter", "for there first": a preposition, then a rank word and its noun.
  if (c.isWord(-1) && prepositions.has(previous) && rankedNounNext(c)) return {expected: 'their', group}
  // "of there total investment", "to there real value": two words of a noun phrase after a preposition.
  if (thereAfterPreposition(c, thereVerbs)) return {expected: 'their', group}
  // "in there current form": "in there" takes no noun phrase after it ("in there now", "in there for hours").
  if (previous === 'in' && c.isWord(-1) && nounStart(c, 1) && c.isWord(2)) return {expected: 'their', group}
  // "on there plate,", "from there posts", "with there aircraft,": after a preposition, a noun that ends its phrase.
  if (c.isWord(-1) && set('in on from with over for at by into onto').has(previous) && c.tokens[c.index + 1].text === next && !closed(next) && !timeWords.has(next) && !timePlurals.has(next) && !thereVerbs.has(next) && !next.includes('-')) {
    const classes = classesOf(next)
    const ends = isBreak(c.at(2)) || set('and or but of in on for to with from at by').has(c.at(2))
    if (ends && (classes.noun || pluralLike(next)) && !classes.adjective && !classes.adverb && (!classes.verb || pluralLike(next)) && !classes.ing && !classes.participle) return {expected: 'their', group}
  }
  if (set('out up down back over from in here near get got go went come came been be is was are were stay stayed live lived').has(previous)) return undefined
  // "would increase there forecasts", "to claim there first away win": a verb's object is a noun phrase.
  if (objectSlot(c) && nounHeadNext(c)) return {expected: 'their', group}
  // "if there productivity slowed": at a clause's start "there" takes a verb, never a noun.
  if ((clauseStarts.has(previous) || !c.isWord(-1) || c.first) && nounStart(c, 1)) return {expected: 'their', group}
  const object = prepositions.has(previous) || objectVerb(previous) || /ed$/.test(previous) || set('lost lose losing left took take made make sold sell gave give help keep kept won win found find').has(previous) || c.at(-2) === 'to'
  // "as there national religion", "increase there forecasts by": a noun phrase that goes on reads only as "their".
  // ("but there putting frowns" is "they're": no `-ing` form at a clause's start.)
  if (!object) return (nounStart(c, 1) && c.isWord(2)) || modifierNext(c, false) ? {expected: 'their', group} : undefined
  if (nounStart(c, 1) || rankedNounNext(c) || modifierNext(c, true)) return {expected: 'their', group}
  if (pluralLike(next) && !thereVerbs.has(next) && !timePlurals.has(next) && !/ing$|ed$/.test(next)) return {expected: 'their', group}
  if (!timePlurals.has(next) && !thereVerbs.has(next) && nounPhraseNext(c, 1)) return {expected: 'their', group}
  return undefined
}

/** `they're` where `their` or `there` is meant. */
const theyreSlip: Rule = (c) => {
  const group = "their/there/they're"
  const next = c.at(1)
  if (!c.isWord(1)) return isBreak(next) && next !== '' && c.isWord(-1) && set('over out in here from up down get got go went been be back').has(c.at(-1)) ? {expected: 'there', group} : undefined
  if (thereIsWords.has(next) && next !== "'s") return {expected: 'there', group}
  return possessiveSlip(c, 'their', group)
}

// --- your / you're ----------------------------------------------------------

const yourSlip: Rule = (c) => {
  const next = c.at(1)
  if (!c.isWord(1)) return undefined
  // "If your a farmer": a determiner at a clause's start ("gave your a" is word-collision's residue).
  if (collisionDeterminers.has(next)) return clauseStart(c) ? {expected: "you're", group: "your/you're"} : undefined
  if (set('not going getting trying doing looking talking saying coming telling asking kidding never always just still really very so too sure welcome').has(next)) {
    // "your welcome speech": only "your welcome" at a break is "you're welcome".
    if (next === 'welcome' && !isBreak(c.at(2)) && !(c.at(2) === 'to' && c.isWord(3) && !determiners.has(c.at(3)))) return undefined
    return {expected: "you're", group: "your/you're"}
  }
  if (contractionPrepositions.has(next) && c.at(2) !== '-' && c.isWord(2)) return {expected: "you're", group: "your/you're"}
  // "your out of business", "your right about that": where you are, or what you are, said of "you are".
  if ((next === 'out' && c.at(2) === 'of') || (set('right wrong').has(next) && (set('about again that').has(c.at(2)) || (isBreak(c.at(2)) && c.at(2) !== '')) && !(c.isWord(-1) && prepositions.has(c.at(-1))))) return {expected: "you're", group: "your/you're"}
  // "if your interested, call": a participle or adjective that ends the phrase is said of "you are".
  const classes = classesOf(next)
  // "If your sick, stay home": at a clause's start, an adjective that ends the phrase is said of "you are".
  if (c.tokens[c.index + 1].text === next && classes.adjective && !classes.participle && isBreak(c.at(2)) && c.at(2) !== '' && c.isWord(-1) && set('if when while because as since unless until').has(c.at(-1))) return {expected: "you're", group: "your/you're"}
  if (c.tokens[c.index + 1].text === next && (classes.participle || (classes.adjective && !classes.noun)) && !classes.verb && (isBreak(c.at(2)) || set('in to about with for by that').has(c.at(2)))) return {expected: "you're", group: "your/you're"}
  return undefined
}
const youreSlip: Rule = (c) => {
  // "Is you're home ready?", "It is you're right": "is you are" is no English; the possessive before its noun is.
  if (c.isWord(-1) && c.isWord(1) && set('is was are were').has(c.at(-1)) && !closed(c.at(1)) && c.tokens[c.index + 1].text === c.at(1) && (nounOnly(c.at(1)) || classesOf(c.at(1)).noun)) return {expected: 'your', group: "your/you're"}
  return possessiveSlip(c, 'your', "your/you're")
}

// --- whose / who's ----------------------------------------------------------

const whoseSlip: Rule = (c) => {
  if (!c.isWord(1)) return undefined
  if (contractionPrepositions.has(c.at(1)) && c.at(2) !== '-' && c.isWord(2)) return {expected: "who's", group: "whose/who's"}
  // "someone whose tiny, red-headed and thin.": adjectives with no noun before the clause ends are said of "who is"
  // ("whose happy, smiling wife" has its noun).
  const classes = classesOf(c.at(1))
  if (c.tokens[c.index + 1].text === c.at(1) && classes.adjective && !classes.noun && !classes.verb) {
    let k = 2
    while (k < 8 && (c.at(k) === ',' || c.at(k) === 'and' || (c.isWord(k) && !closed(c.at(k)) && !nounOnly(c.at(k)) && !pluralLike(c.at(k))))) k++
    const end = c.at(k)
    if (end === '' || end === '.' || end === '!' || end === '?' || end === ';' || (k === 2 && set('to for that').has(end))) return {expected: "who's", group: "whose/who's"}
  }
  if (set('a an the been not going getting trying doing looking coming never always also just still really very').has(c.at(1))) {
    return {expected: "who's", group: "whose/who's"}
  }
  return undefined
}
const whosSlip: Rule = (c) => possessiveSlip(c, 'whose', "whose/who's")

/** These rules by the word they start from (lower case). */
export const pronounRules: Array<[string, Rule[]]> = [
  ["it's", [itIs]],
  ['its', [itsSlip]],
  ['their', [theirSlip]],
  ['there', [thereSlip]],
  ["they're", [theyreSlip]],
  ['your', [yourSlip]],
  ["you're", [youreSlip]],
  ['whose', [whoseSlip]],
  ["who's", [whosSlip]]
]
