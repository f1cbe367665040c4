/**
 * The confusables rules for the other groups: `than`/`then`,
 * `affect`/`effect`, `lose`/`loose` and the rest, down to `could of`.
 */
import {Context, isBreak} from '../context.js'
import {classesOf, nounOnly} from '../lexicon.js'
import {auxiliaries, closed, functionWords, timeWords, tooBeforeNumberOrName, tooBeforeVerb, unknownNoun} from '../shapes.js'
import {clauseVerbs} from '../phrases.js'
import {comparatives, determiners, haveModals, irregularPlurals, modals, objects, passive, perfect, pluralLike, possessives, prepositions, subjects, thereVerbs, timePlurals} from '../words.js'
import {set, type Rule} from './common.js'
import {toForToo, tooForTo} from './toToo.js'

// --- than / then ------------------------------------------------------------

/** `then` after a comparative: `more then`, `better then expected`. */
const thenSlip: Rule = (c) => {
  if (!c.isWord(-1)) return undefined
  const previous = c.at(-1)
  // "later then": "later" is also an adverb of time ("and later then").
  if (previous === 'later' || previous === 'earlier' || previous === 'above' || previous === 'below' || previous === 'times' || previous === 'prefer' || previous === 'preferred') return undefined
  if (comparatives.has(previous)) return {expected: 'than', group: 'than/then'}
  // "much patchier then previously thought": a comparative in -er the lexicon knows.
  if (comparativeEr(previous)) return {expected: 'than', group: 'than/then'}
  // "more slowly then in 1995", "higher returns then": a comparative a few words back, no mark between.
  if (!c.isWord(1) || subjects.has(c.at(1)) && c.at(1) !== 'it' && c.at(1) !== 'there' || auxiliaries.has(c.at(1))) return undefined
  for (let k = 2; k <= 4; k++) {
    if (!c.isWord(-k)) return undefined
    const word = c.at(-k)
    if (set('more less fewer rather other better worse').has(word) || comparativeEr(word)) {
      return {expected: 'than', group: 'than/then'}
    }
  }
  return undefined
}

/**
 * `than` with no comparative before it in the sentence: `and than`, `since
 * than`, `He than said`.
 */
const thanSlip: Rule = (c) => {
  const previous = c.at(-1)
  if (set('and since until till by from just only even back but').has(previous) && c.isWord(-1) && !hasComparative(c)) return {expected: 'then', group: 'than/then'}
  if (c.first && !c.isWord(1)) return undefined
  if (c.first) return {expected: 'then', group: 'than/then'}
  // "since than", "and than raise": no comparative before it in the sentence.
  if (!hasComparative(c)) return {expected: 'then', group: 'than/then'}
  return undefined
}

/** An adjective's comparative in -er (`higher`, `patchier`), not a noun in -er (`summer`, `number`). */
function comparativeEr(word: string): boolean {
  if (!/[a-z]{2}er$/.test(word)) return false
  const classes = classesOf(word)
  if (classes.noun) return false
  if (classes.adjective) return true
  // "hotter", "wider": the stem, its last letter undoubled or its "e" restored, is an adjective.
  const stem = word.slice(0, -2)
  return [stem, stem + 'e', stem.slice(0, -1), stem.slice(0, -1) + 'y'].some((base) => base.length > 1 && classesOf(base).adjective)
}

function hasComparative(c: Context): boolean {
  for (let k = 1; k <= c.index; k++) {
    const word = c.at(-k)
    // "near 10, climbing through the summer … than sliding": "summer" and "September" compare nothing.
    if (comparatives.has(word) || comparativeEr(word) || (/[a-z]er$/.test(word) && !classesOf(word).known) || set('same such anything nothing anyone anybody none sooner hardly scarcely barely instead').has(word) || /(?:er|more|less)-/.test(word)) return true
  }
  return false
}

// --- affect / effect --------------------------------------------------------

const effectNouns = set('the a an any no little much its their his her our my your this same full opposite desired positive negative adverse side knock-on ripple domino chilling immediate lasting net significant major serious similar direct indirect overall combined cumulative dramatic profound devastating damaging beneficial greenhouse special great greater greatest biggest big real long-term short-term')

/** `affect` where the noun `effect` is meant: `the affect`, `take affect`, `affect on`. */
const affectSlip: Rule = (c) => {
  const word = c.at(0)
  const expected = word.replace(/^a/, 'e')
  const group = 'affect/effect'
  const previous = c.at(-1)
  if (word === 'affect' || word === 'affects') {
    if (c.isWord(-1) && (effectNouns.has(previous) || set('take took taken takes taking into with').has(previous))) return {expected, group}
    // "in affect", "has in affect agreed": the phrase is "in effect".
    if (c.isWord(-1) && previous === 'in' && word === 'affect') return {expected, group}
    // "some interesting affects", "the union safety affect.": after an adjective, or a noun at a break.
    if (c.isWord(-1) && !closed(previous) && ((classesOf(previous).adjective && !classesOf(previous).verb && !classesOf(previous).adverb && !classesOf(previous).noun) || (!c.isWord(1) && nounOnly(previous) && !classesOf(previous).verb))) return {expected, group}
    if (previous === 'that' && c.at(-2) === 'to' && !c.isWord(1)) return {expected, group}
    if (c.isWord(1) && (c.at(1) === 'on' || (c.at(1) === 'of' && word === 'affects'))) return {expected, group}
  }
  return undefined
}

/** `effect` where the verb `affect` is meant: `will effect prices`, `effected by`. */
const effectSlip: Rule = (c) => {
  const word = c.at(0)
  const expected = word.replace(/^e/, 'a')
  const group = 'affect/effect'
  const next = c.at(1)
  // "to effect change", "effected a transfer": the verb effect, to bring about.
  if (set('change changes a an reform reforms transfer transfers repairs').has(next)) return undefined
  if ((word === 'effect' || word === 'effects') && c.isWord(-1)) {
    // "would effect Orange County", "will effect state-owned Aerospatiale", "can at all effect the progress".
    const modal = modals.has(c.at(-1)) || (c.at(-1) === 'all' && c.at(-2) === 'at' && modals.has(c.at(-3))) || (classesOf(c.at(-1)).adverb && modals.has(c.at(-2)))
    const written = c.tokens[c.index + 1]?.text ?? ''
    if (word === 'effect' && modal && c.isWord(1) && (determiners.has(next) || objects.has(next) || pluralLike(next) || /^[A-Z][a-z]/.test(written) || /^[a-z]+-[a-z]+$/.test(next))) return {expected, group}
    if (word === 'effects' && c.isWord(1) && set('it he she this which').has(c.at(-1)) && (determiners.has(next) || objects.has(next))) return {expected, group}
  }
  if (word === 'effected' || word === 'effecting') {
    if (next === 'by' || c.before(passive, 2) || c.before(set('adversely badly directly seriously severely not most worst negatively'), 1)) return {expected, group}
    if (c.isWord(1) && (determiners.has(next) || objects.has(next))) return {expected, group}
  }
  return undefined
}

// --- lose / loose -----------------------------------------------------------

const looseBefore = set('the a an very too so more cut break broke broken let set turned turn run running come came hang shake shook work worked pried prised tore torn')

/** `lose` where `loose` is meant: `on the lose`, `broke lose`. */
const loseSlip: Rule = (c) => {
  if (c.at(0) !== 'lose') return undefined
  if (c.isWord(-1) && looseBefore.has(c.at(-1))) return {expected: 'loose', group: 'lose/loose'}
  return undefined
}

/** `loose` where `lose` is meant: `could loose`, `loosing`, `looses`. */
const looseSlip: Rule = (c) => {
  const word = c.at(0)
  const group = 'lose/loose'
  if (word === 'loosing') return {expected: 'losing', group}
  if (word === 'looses') return {expected: 'loses', group}
  if (word !== 'loose') return undefined
  // "to cut loose", "let loose": the adjective after a verb.
  if (c.isWord(-1) && modals.has(c.at(-1)) && (!c.isWord(1) || !set('ends end change fitting-fitting').has(c.at(1)))) return {expected: 'lose', group}
  return undefined
}

// --- principal / principle --------------------------------------------------

const principleBefore = set('in on basic fundamental guiding core democratic moral general founding same key governing established scientific religious ethical constitutional legal precautionary first')

const principalSlip: Rule = (c) => {
  const word = c.at(0)
  const expected = word.replace('principal', 'principle')
  if (c.isWord(-1) && principleBefore.has(c.at(-1))) {
    // "in principal amount": the adjective before its noun.
    if (c.at(-1) === 'in' || c.at(-1) === 'on') return c.isWord(1) && !timeWords.has(c.at(1)) && !closed(c.at(1)) && nounOnly(c.at(1)) ? undefined : {expected, group: 'principal/principle'}
    return {expected, group: 'principal/principle'}
  }
  if (c.at(-1) === 'of' && c.at(-2) === 'matter') return {expected, group: 'principal/principle'}
  // "a point of principal.", "a man of principal,": a matter of belief ends its phrase.
  if (word === 'principal' && c.at(-1) === 'of' && set('point man woman men women question issue breach').has(c.at(-2)) && !c.isWord(1)) return {expected, group: 'principal/principle'}
  // "the principal of free speech", "the principal of equal pay": "of" and an adjective is an idea's ("the principal of the school" has its article).
  if (c.at(1) === 'of' && c.isWord(2) && c.tokens[c.index + 2].text === c.at(2) && !closed(c.at(2)) && classesOf(c.at(2)).adjective && !classesOf(c.at(2)).noun) return {expected, group: 'principal/principle'}
  // "the principal of self-determination", "principals of transparency": a principle is of an idea.
  if (c.at(1) === 'of' && c.isWord(1) && c.isWord(2) && c.tokens[c.index + 2].text === c.at(2) && /(?:ion|ity|ness|ism|ment|ance|ence|ship|dom|hood)$|^(?:self|non|free|fair|equal)-/.test(c.at(2))) return {expected, group: 'principal/principle'}
  return undefined
}

const principalNext = set('reason reasons cause causes source sources owner owners shareholder shareholders investor investors architect author aim objective goal concern dancer investigator officer partner suspect amount and-interest said says told')

const principleSlip: Rule = (c) => {
  const word = c.at(0)
  const expected = word.replace('principle', 'principal')
  if (c.isWord(-1) && set('school assistant vice deputy high elementary head').has(c.at(-1))) return {expected, group: 'principal/principle'}
  if (c.isWord(1) && principalNext.has(c.at(1)) && c.at(-1) !== 'in') return {expected, group: 'principal/principle'}
  // "repay the principle and interest": the sum lent.
  if (c.at(1) === 'and' && c.at(2) === 'interest') return {expected, group: 'principal/principle'}
  // "the country's principle export": after a possessive, a noun makes it the adjective, even one that is a verb too.
  if (word === 'principle' && (/'s$/.test(c.at(-1)) || possessives.has(c.at(-1))) && c.isWord(1) && c.tokens[c.index + 1].text === c.at(1) && !closed(c.at(1)) && !timeWords.has(c.at(1)) && classesOf(c.at(1)).noun && !classesOf(c.at(1)).adjective && !c.at(1).endsWith('ing') && !c.at(1).endsWith('s') && (isBreak(c.at(2)) || prepositions.has(c.at(2)))) return {expected, group: 'principal/principle'}
  // "a principle component of", "16 principle dancers": a noun after it makes it the adjective, principal.
  const next = c.tokens[c.index + 1]
  if (word === 'principle' && c.isWord(1) && next.text === next.lower && c.at(-1) !== 'in' && !closed(next.lower) && !timeWords.has(next.lower)) {
    const classes = classesOf(next.lower)
    if (classes.noun && !classes.verb && !classes.adjective && !classes.adverb && !next.lower.endsWith('ing')) return {expected, group: 'principal/principle'}
  }
  return undefined
}

// --- complement / compliment ------------------------------------------------

const complimentSlip: Rule = (c) => {
  const word = c.at(0)
  if (c.at(-1) === 'full' && (word === 'compliment' || word === 'compliments')) return {expected: word.replace('compliment', 'complement'), group: 'complement/compliment'}
  // "the two firms compliment each other": to go well together is to complement.
  if ((word === 'compliment' || word === 'compliments') && c.isWord(1) && ((c.at(1) === 'each' && c.at(2) === 'other') || (c.at(1) === 'one' && c.at(2) === 'another')) && c.at(3) !== 'on') return {expected: word.replace('compliment', 'complement'), group: 'complement/compliment'}
  const expected = word.replace('compliment', 'complement')
  const verb = word === 'complimented' || ((word === 'compliment' || word === 'compliments') && c.isWord(-1) && !determiners.has(c.at(-1)) && !classesOf(c.at(-1)).adjective)
  if (!verb || personObject(c)) return undefined
  // "Rail links complimented the new airport", "The sauce complimented the dish": a thing, not a person, praises nothing.
  const subject = c.tokens[c.index - 1]
  if (c.isWord(-1) && subject.text === c.at(-1) && !persons.has(c.at(-1)) && !/(?:er|or|ist|ian|ant|ent)s?$/.test(c.at(-1)) && (nounOnly(c.at(-1)) || (pluralLike(c.at(-1)) && classesOf(c.at(-1)).noun)) && !closed(c.at(-1)) && (c.isWord(-2) ? determiners.has(c.at(-2)) || nounOnly(c.at(-2)) || !classesOf(c.at(-2)).verb : true)) return {expected, group: 'complement/compliment'}
  // "will compliment existing routes", "to compliment chemotherapy": praise goes to someone; a bare noun phrase is what is completed.
  const next = c.tokens[c.index + 1]
  if (word !== 'complimented' && c.isWord(1) && next.text === next.lower && !closed(next.lower) && !objects.has(next.lower) && (modals.has(c.at(-1)) || c.at(-1) === 'to') && (nounOnly(next.lower) || classesOf(next.lower).participle || classesOf(next.lower).ing || classesOf(next.lower).adjective || pluralLike(next.lower))) return {expected, group: 'complement/compliment'}
  return undefined
}

/** People, who praise and are praised: "The coach complimented his players". */
const persons = set('coach mayor minister president chef judge critics critic fans fan officials official people staff players manager boss leader leaders reviewers teacher teachers voters parents residents owner owners executives chairman chairwoman members member audience audiences crowd crowds team teammates colleagues friends partner guests customers writers host hosts he she i we they you who everyone everybody someone nobody')

/** Whether a person is the verb's object: "him", "Smith", "his players", "the chef". */
function personObject(c: Context): boolean {
  if (!c.isWord(1)) return false
  if (objects.has(c.at(1)) || /^[A-Z][a-z]/.test(c.tokens[c.index + 1].text)) return true
  return (possessives.has(c.at(1)) || determiners.has(c.at(1))) && c.isWord(2) && (persons.has(c.at(2)) || /(?:er|or|ist|ian)s?$/.test(c.at(2)))
}

/** Whether the verb praises: a person as its object, then "on" or "for" ("complimented his players on their effort"). */
function praiseFollows(c: Context): boolean {
  if (!personObject(c)) return false
  for (let k = 2; k <= 5 && c.isWord(k); k++) if (c.at(k) === 'on' || c.at(k) === 'for') return true
  return false
}
const complementSlip: Rule = (c) => {
  const word = c.at(0)
  const expected = word.replace('complement', 'compliment')
  if (c.before(set('pay paid pays paying backhanded'), 4)) return {expected, group: 'complement/compliment'}
  if (word === 'complements' && c.isWord(1) && c.at(1) === 'of' && c.first) return {expected, group: 'complement/compliment'}
  // "complemented her on the dress", "complemented his players on their effort": praise a person on or for something.
  if (c.isWord(1) && set('him her them me us you').has(c.at(1)) && c.at(2) === 'on') return {expected, group: 'complement/compliment'}
  if (c.isWord(-1) && !determiners.has(c.at(-1)) && praiseFollows(c)) return {expected, group: 'complement/compliment'}
  // "the highest complement you can pay", "thanked him for the complement", "full of complements", "showered with complements".
  for (let k = 1; k <= 4 && c.isWord(k); k++) if (set('pay paid pays paying').has(c.at(k))) return {expected, group: 'complement/compliment'}
  if ((c.at(-1) === 'for' || (c.at(-2) === 'for' && determiners.has(c.at(-1)))) && c.before(set('thank thanked thanking'), 4) || (c.at(-1) === 'of' && c.at(-2) === 'full' && word === 'complements') || (c.at(-1) === 'with' && c.before(set('showered shower showering heaped lavished'), 4))) return {expected, group: 'complement/compliment'}
  return undefined
}

// --- council / counsel ------------------------------------------------------

const councilBefore = set('works rural city town county security national european state parish local district municipal regional advisory executive federal supreme legislative provincial tribal student privy arts research village borough war governing ruling military transitional community area')
const councilNext = set('member members meeting meetings chairman chairwoman chair president leader leaders election elections seat seats tax taxes house houses estate estates officials official staff vote voted votes decision')

/** Titles that a capitalised `Counsel` follows: "General Counsel", "Queen's Counsel", "Corporation Counsel". */
const counselTitles = set("general independent special legal senior chief deputy associate assistant corporation house bar staff queen's king's people's queen king people defense defence trial appellate litigation tax patent outside in-house ethics white county city")

const counselSlip: Rule = (c) => {
  const word = c.at(0)
  if (word !== 'counsel' && word !== 'counsels') return undefined
  const expected = word.replace('counsel', 'council')
  // "the Hong Kong Shippers' Counsel", "the Irish Sports Counsel": a common word capitalised in a name makes a body, not a lawyer.
  if (c.text === 'Counsel' && !c.first && namePart(c)) return {expected: 'Council', group: 'council/counsel', whole: true}
  // "to make counsels create sites", "when counsels attempt to dodge": lawyers are "counsel", so plural "counsels" doing something are the bodies.
  if (word === 'counsels' && c.isWord(1) && (c.first || !c.isWord(-1) || set('make made force forced when if as while and the local many some all other').has(c.at(-1)))) {
    const next = classesOf(c.at(1))
    if (next.verb && !next.adjective && !c.at(1).endsWith('s') && !closed(c.at(1)) && !prepositions.has(c.at(1))) return {expected, group: 'council/counsel'}
  }
  // "general counsel", "legal counsel", "Independent Counsel": the lawyer.
  if (c.isWord(-1) && (councilBefore.has(c.at(-1)) || (/(?:al|ive|ary)$/.test(c.at(-1)) && !set('legal general special criminal principal').has(c.at(-1))))) return {expected, group: 'council/counsel'}
  if (c.isWord(1) && councilNext.has(c.at(1))) return {expected, group: 'council/counsel'}
  // "counsels are to be given powers", "telling counsels to find sites": lawyers are "counsel", so the plural is the bodies.
  // "Counsels 'must find Gypsy sites'": a headline's quoted claim may open between them.
  const verbAt = c.isWord(1) ? 1 : set("' ‘ \" “").has(c.at(1)) && c.isWord(2) ? 2 : 0
  if (word === 'counsels' && !set('he she it who which that').has(c.at(-1)) && verbAt > 0 && set('are were have had will would must should could may might can to').has(c.at(verbAt))) return {expected, group: 'council/counsel'}
  return undefined
}
/**
 * Whether the word before a capitalised `Counsel` is a common word
 * capitalised as part of a name (`Shippers'`, `Sports`, `Planning`), not a
 * title (`General`, `Queen's`) or a place (`Texas`).
 */
function namePart(c: Context): boolean {
  let k = -1
  // "Shippers' Counsel": the apostrophe is a mark of its own.
  if (c.at(-1) === "'" || c.at(-1) === '’') k = -2
  const token = c.tokens[c.index + k]
  if (!token?.node || !/^[A-Z][a-z]+'?s?$/.test(token.text)) return false
  const word = token.lower
  if (counselTitles.has(word)) return false
  const classes = classesOf(word)
  return classes.known && (classes.noun || classes.ing || pluralLike(word)) && !classes.adjective
}

const councilSlip: Rule = (c) => {
  const word = c.at(0)
  if (word !== 'council' && word !== 'councils') return undefined
  const expected = word.replace('council', 'counsel')
  if (c.isWord(-1) && set('legal defense defence independent associate in-house wise sage his her their my our your').has(c.at(-1)) && !councilNext.has(c.at(1))) {
    // "her council seat", "their council": only a lawyer's word when a lawyer is meant.
    if (possessives.has(c.at(-1)) || set('his her my our your').has(c.at(-1))) return undefined
    return {expected, group: 'council/counsel'}
  }
  if (c.isWord(-1) && modals.has(c.at(-1)) && c.at(-1) !== 'to' && (objects.has(c.at(1)) || c.at(1) === 'against' || c.at(1) === 'patience')) return {expected, group: 'council/counsel'}
  if (c.at(-1) === 'to' && (objects.has(c.at(1)) || c.at(1) === 'against')) return {expected, group: 'council/counsel'}
  return undefined
}

// --- led / lead -------------------------------------------------------------

const ledAfter = set('to by the a an his her their its them him us it into efforts')

/** `lead` where `led` is meant: `has lead the`, `was lead by`, `Saudi-lead`. */
const leadSlip: Rule = (c) => {
  const word = c.text
  const group = 'led/lead'
  // "Saudi-led", "U.S.-led": a compound in -led.
  if (/-lead$/i.test(word) && !/^(co|re|pre|mis|un)-/i.test(word)) {
    return {expected: word.slice(0, -4) + (word.endsWith('LEAD') ? 'LED' : 'led'), group, whole: true}
  }
  if (c.at(0) !== 'lead') return undefined
  const previous = c.at(-1)
  if ((previous === ',' || c.first) && c.at(1) === 'by' && c.at(2) !== 'example') return {expected: 'led', group}
  if (!c.isWord(-1)) return undefined
  if ((perfect.has(previous) || previous === 'been') && ledAfter.has(c.at(1))) return {expected: 'led', group}
  // "has lead Wall Street analysts", "had lead Chelsea to": a perfect, then a name as the object.
  if (perfect.has(previous) && c.isWord(1) && /^[A-Z][a-z]/.test(c.tokens[c.index + 1].text)) return {expected: 'led', group}
  // "had certainly lead a number", "has not lead NHL rookies": a perfect with an adverb between.
  if (c.isWord(-2) && perfect.has(c.at(-2)) && (previous === 'not' || perfectAdverbs.has(previous) || classesOf(previous).adverb) && c.isWord(1) && !leadNext.has(c.at(1)) && c.at(1) !== 'in') return {expected: 'led', group}
  // "The company, lead by its new chief", "is being lead by": a participle, not "to lead by example".
  if (c.at(1) === 'by' && c.at(2) !== 'example' && (previous === ',' || previous === 'being' || previous === 'been')) return {expected: 'led', group}
  // "MOL lead the charge": a singular subject takes "leads" in the present, so "lead" here is "led".
  // "That defeat lead military experts to suggest": a plural noun is an object too.
  const pluralAt = (k: number) => c.isWord(k + 1) && c.tokens[c.index + k].text === c.at(k) && pluralLike(c.at(k)) && classesOf(c.at(k)).noun && !classesOf(c.at(k)).verb
  // "lead military experts to": an adjective before the plural noun is an object too.
  const object = (k: number) => c.at(k) === 'the' || c.at(k) === 'a' || c.at(k) === 'an' || possessives.has(c.at(k)) || (k === 1 && (pluralAt(1) || (c.tokens[c.index + 1].text === c.at(1) && (classesOf(c.at(1)).adjective || classesOf(c.at(1)).noun) && !classesOf(c.at(1)).verb && !closed(c.at(1)) && !leadNext.has(c.at(1)) && pluralAt(2))))
  // "the loan lead to the introduction": "lead to" and its object, after a singular subject.
  if (object(1) || (c.at(1) === 'to' && object(2))) {
    const subject = c.tokens[c.index - 1]
    const singular = !previous.endsWith('s') && c.at(-2) !== 'and' && !closed(previous) && !modals.has(previous)
    if (singular && subject.text !== previous && /^[A-Z]/.test(subject.text) && !c.tokens[c.index - 1].text.includes('.')) return {expected: 'led', group}
    // "CBA's surge lead the index": a possessive is a determiner too.
    // A noun that is also a verb ("surge") only where no verb before makes it a bare infinitive ("let the team lead the way").
    const verbNoun = !classesOf(previous).verb || !c.isWord(-3) || (!bareInfinitive.has(c.at(-3)) && !modals.has(c.at(-3)))
    if (singular && (determiners.has(c.at(-2)) || /'s$/.test(c.at(-2))) && nounOnly(previous) && verbNoun && !bareVerbBefore(c)) return {expected: 'led', group}
    // "an earlier ASAC loan lead to the introduction": any singular noun, with no verb before that takes a bare infinitive ("help Europe's economy lead").
    if (singular && c.at(1) === 'to' && c.tokens[c.index - 1].text === previous && nounOnly(previous) && !pluralLike(previous) && !bareVerbBefore(c)) return {expected: 'led', group}
  }
  // "the corruption that lead to the collapse": a singular noun's relative clause takes "leads" in the present.
  if (c.at(1) === 'to' && set('that which').has(previous) && c.isWord(-2) && c.tokens[c.index - 2].text === c.at(-2)) {
    const noun = c.at(-2)
    if (!pluralLike(noun) && !noun.endsWith('s') && nounOnly(noun) && !classesOf(noun).verb && !closed(noun)) return {expected: 'led', group}
  }
  // "…, which lead to widespread suggestions": after a singular word, "which" takes "leads" in the present.
  if (c.at(1) === 'to' && previous === 'which' && c.at(-2) === ',' && c.isWord(-3) && !pluralLike(c.at(-3)) && !c.at(-3).endsWith('s')) return {expected: 'led', group}
  // "was lead astray", "were lead away": a passive and its particle.
  if (passive.has(previous) && previous !== 'be' && set('astray away off into').has(c.at(1))) return {expected: 'led', group}
  // "a Senate group lead by minority leader Tom Daschle": a noun, then "lead by" and a name or a possessive.
  if (c.at(1) === 'by' && c.isWord(2) && (possessives.has(c.at(2)) || c.at(2) === 'the' || /^[A-Z][a-z]/.test(c.tokens[c.index + 2].text) || (c.isWord(3) && c.at(2) !== 'example' && !closed(c.at(2)) && !/^\d/.test(c.at(2)) && c.tokens[c.index + 2].text === c.at(2) && classesOf(c.at(2)).noun && /^[a-z]+$/.test(c.at(3)) && (classesOf(c.at(3)).noun || /^[A-Z]/.test(c.tokens[c.index + 3].text)))) && !subjects.has(previous) && !closed(previous) && nounOnly(previous) && !pluralLike(previous)) return {expected: 'led', group}
  if (passive.has(previous) && previous !== 'be' && previous !== 'being' && (c.at(1) === 'by' || c.at(1) === 'to')) {
    // "The aim is to lead": "is lead to" reads "is led to"; "the lead is to" does not reach here.
    return {expected: 'led', group}
  }
  return undefined
}

/** Whether a verb that takes a bare infinitive, a modal or `to` comes in the four words before the candidate's subject. */
function bareVerbBefore(c: Context): boolean {
  for (let k = 2; k <= 5 && c.isWord(-k); k++) {
    if (bareInfinitive.has(c.at(-k)) || modals.has(c.at(-k))) return true
  }
  return false
}

/** Verbs that take an object and a bare infinitive: "let the team lead". */
const bareInfinitive = set('let lets make makes made help helps helped see saw seen watch watched have has had hear heard')

/** Adverbs between a perfect and its participle: "has already lead to". */
const perfectAdverbs = set('already just since also never ever recently now long')

const leadBefore = set('the a an its their his her narrow early commanding overall slender comfortable')
const leadNext = set('singer role negotiator poisoning guitarist vocalist paint pipes pipe story actor actress investigator author prosecutor character')

/** `led` where `lead` is meant: `will led`, `took the led`, `led singer`. */
const ledSlip: Rule = (c) => {
  if (c.at(0) !== 'led' || c.text === 'LED') return undefined
  const group = 'led/lead'
  if (c.isWord(-1) && (modals.has(c.at(-1)) || leadBefore.has(c.at(-1)))) {
    // "to led" only when "to" is not the end of a verb phrase ("has led to" is fine).
    return {expected: 'lead', group}
  }
  if (c.isWord(1) && leadNext.has(c.at(1))) return {expected: 'lead', group}
  // "a 17-6 half-time led", "a 10-3 led": a score.
  if (c.isWord(-1) && (/^\d+-\d+$/.test(c.at(-1)) || c.at(-1) === 'half-time') && !c.isWord(1)) return {expected: 'lead', group}
  return undefined
}

// --- passed / past ----------------------------------------------------------

const passedAfter = set('the a an away on through by over into its his her their him them it this unnoticed unanimously without')
const pastSlip: Rule = (c) => {
  if (c.at(0) !== 'past') return undefined
  const group = 'passed/past'
  if (c.at(1) === 'away' && c.isWord(1)) return {expected: 'passed', group}
  if (c.isWord(-1) && (perfect.has(c.at(-1)) || c.at(-1) === 'been') && passedAfter.has(c.at(1))) return {expected: 'passed', group}
  // "has since past a law": a perfect, an adverb, then an object.
  if (c.isWord(-2) && perfect.has(c.at(-2)) && (classesOf(c.at(-1)).adverb || set('since already just not never also').has(c.at(-1))) && determiners.has(c.at(1))) return {expected: 'passed', group}
  // "the Senate past a resolution": a singular noun after its article is a subject, not a place passed.
  if (c.isWord(-1) && c.isWord(-2) && set('the a an this that').has(c.at(-2)) && (c.at(1) === 'a' || c.at(1) === 'an' || c.at(1) === 'the')) {
    const subject = c.tokens[c.index - 1]
    const previous = c.at(-1)
    if (!previous.endsWith('s') && (/^[A-Z][a-z]+$/.test(subject.text) || (nounOnly(previous) && !classesOf(previous).verb)) && !motion.has(previous)) return {expected: 'passed', group}
  }
  return undefined
}

const pastNext = set('couple week weeks year years month months decade decades day days few several two three four five six seven eight nine ten century centuries season seasons hour hours quarter weekend summer winter midnight noon experience performance')
const motion = set('flying flew walked walk walks walking ran run runs running drove drive drives driving went go goes going moved move flew fly sailed rushed raced race slipped marched strolled sped speeding')

const passedSlip: Rule = (c) => {
  if (c.at(0) !== 'passed') return undefined
  const group = 'passed/past'
  const previous = c.at(-1)
  if (c.isWord(-1) && set('the this its their his her our over').has(previous) && (pastNext.has(c.at(1)) || /^\d+$/.test(c.at(1)) || !c.isWord(1))) {
    return {expected: 'past', group}
  }
  // "her passed defence of", "Orange's passed good performance", "the passed couple of weeks", "of passed glory": an adjective before its noun.
  if (c.isWord(1) && (set('the her his their its our my your of').has(previous) || /'s$/.test(previous)) && !passedAfter.has(c.at(1)) && !closed(c.at(1)) && !/(?:ly|ed)$/.test(c.at(1))) {
    const next = classesOf(c.at(1))
    // After a name's `'s` only an adjective ("the Senate's passed bills" are bills it passed).
    if (/'s$/.test(previous) ? next.adjective && !next.verb : next.noun || next.adjective || pluralLike(c.at(1)) || unknownNoun(c.at(1))) return {expected: 'past', group}
  }
  if (c.isWord(-1) && motion.has(previous) && c.isWord(1) && (determiners.has(c.at(1)) || objects.has(c.at(1)))) return {expected: 'past', group}
  if (previous === 'half' || (c.isWord(1) && (c.at(1) === 'midnight' || c.at(1) === 'noon'))) return {expected: 'past', group}
  return undefined
}

// --- accept / except --------------------------------------------------------

const exceptSlip: Rule = (c) => {
  const word = c.at(0)
  const group = 'accept/except'
  if (word === 'except' && c.isWord(-1) && modals.has(c.at(-1)) && c.at(-1) !== 'to' && !set('for that when where if in').has(c.at(1))) return {expected: 'accept', group}
  // "can only except yuan deposits", "would not except the offer": a modal and an adverb before the verb.
  if (word === 'except' && c.isWord(-2) && modals.has(c.at(-2)) && c.at(-2) !== 'to' && set('only not never also just readily gladly').has(c.at(-1)) && c.isWord(1) && !set('for that when where if in as').has(c.at(1))) return {expected: 'accept', group}
  // "to except the offer", "refuses to except Syria's denials"; "next to, except the" has a mark between.
  if (word === 'except' && c.at(-1) === 'to' && c.isWord(-1) && !set('for that when where if in as perhaps possibly during after before on at by from with').has(c.at(1))) {
    return {expected: 'accept', group}
  }
  // "He excepted the ruling": a subject, then the verb.
  if (word === 'excepted' && c.isWord(-1) && c.isWord(1) && (subjects.has(c.at(-1)) || /^[A-Z][a-z]+$/.test(c.tokens[c.index - 1].text)) && (determiners.has(c.at(1)) || c.at(1) === 'that' || /^[A-Z]/.test(c.tokens[c.index + 1].text))) {
    return {expected: 'accepted', group}
  }
  // "The court excepted the plea": a subject after its article, then the verb and its object.
  if (word === 'excepted' && c.isWord(-2) && set('the a an this').has(c.at(-2)) && c.tokens[c.index - 1].text === c.at(-1) && nounOnly(c.at(-1)) && !classesOf(c.at(-1)).verb && c.isWord(1) && determiners.has(c.at(1))) return {expected: 'accepted', group}
  if (word === 'excepted' && c.isWord(-1) && (passive.has(c.at(-1)) || perfect.has(c.at(-1)) || set('widely generally not universally').has(c.at(-1)))) return {expected: 'accepted', group}
  return undefined
}
const acceptSlip: Rule = (c) => {
  const word = c.at(0)
  if (word !== 'accept') return undefined
  const group = 'accept/except'
  if (c.isWord(1) && set('for when where perhaps possibly').has(c.at(1)) && !c.before(modals, 1) && !c.before(subjects, 1)) return {expected: 'except', group}
  if (c.isWord(-1) && set('all everyone everything nothing anyone anything everybody nobody none').has(c.at(-1))) return {expected: 'except', group}
  if (c.at(-1) === ',' && c.isWord(1) && (set('for when where in that the a an one two three').has(c.at(1)) || possessives.has(c.at(1)))) return {expected: 'except', group}
  // "Nobody came accept his sister", "Nothing is known accept that": a verb cannot follow a finished verb.
  if (c.isWord(-1) && c.isWord(1) && (set('came went left stayed survived died voted agreed is was are were').has(c.at(-1)) || (classesOf(c.at(-1)).participle && !classesOf(c.at(-1)).adjective && c.before(passive, 2))) && (determiners.has(c.at(1)) || c.at(1) === 'that' || c.at(1) === 'for' || /^[A-Z]/.test(c.tokens[c.index + 1].text))) return {expected: 'except', group}
  // "open every day accept Sunday": after a time, a day or a month is the one left out.
  if (c.isWord(-1) && set('day days week weekdays year').has(c.at(-1)) && c.isWord(1) && /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?$/.test(c.tokens[c.index + 1].text)) return {expected: 'except', group}
  return undefined
}

// --- advice / advise --------------------------------------------------------

const adviceSlip: Rule = (c) => {
  if (c.at(0) !== 'advice' || !c.isWord(-1)) return undefined
  if (modals.has(c.at(-1))) return {expected: 'advise', group: 'advice/advise'}
  if (c.isWord(1) && set('him them us me').has(c.at(1))) return {expected: 'advise', group: 'advice/advise'}
  return undefined
}
const adviseBefore = set('the his her their our my your its some any no legal medical expert financial good bad sound professional further much such of for seek sought seeking gave give giving offer offered took take taking follow followed following ignore ignored heed heeded')
const adviseSlip: Rule = (c) => {
  if (c.at(0) !== 'advise') return undefined
  // "law officers' advise to the government": a plural possessive, its apostrophe a mark of its own.
  const possessive = (c.at(-1) === "'" || c.at(-1) === '’') && c.isWord(-2) && /s$/.test(c.at(-2))
  if (possessive && !(c.isWord(1) && (objects.has(c.at(1)) || determiners.has(c.at(1))))) return {expected: 'advice', group: 'advice/advise'}
  if (!c.isWord(-1)) return undefined
  if (adviseBefore.has(c.at(-1))) return {expected: 'advice', group: 'advice/advise'}
  // "officers' advise to the government", "the full advise should": a noun after a possessive or an adjective, then no object.
  const previous = c.tokens[c.index - 1].text
  const classes = classesOf(c.at(-1))
  if ((/s'$/.test(previous) || (classes.adjective && !classes.verb && !classes.adverb)) && !(c.isWord(1) && (objects.has(c.at(1)) || determiners.has(c.at(1)) || c.at(1) === 'on' || c.at(1) === 'that' || c.at(1) === 'against'))) return {expected: 'advice', group: 'advice/advise'}
  // "when advise had been published": a subject before its verb.
  if (c.isWord(1) && set('had has have was were is are will would should could').has(c.at(1)) && !subjects.has(c.at(-1)) && !modals.has(c.at(-1)) && !set('to who which that they we you i').has(c.at(-1))) return {expected: 'advice', group: 'advice/advise'}
  return undefined
}

// --- breath / breathe -------------------------------------------------------

const breathSlip: Rule = (c) => {
  const word = c.at(0)
  if (word !== 'breath' || !c.isWord(-1) && !c.isWord(1)) return undefined
  if (c.isWord(-1) && modals.has(c.at(-1))) return {expected: 'breathe', group: 'breath/breathe'}
  // "we breath clean air": a subject pronoun takes the verb.
  if (c.isWord(-1) && set('i we they you').has(c.at(-1)) && c.isWord(1)) return {expected: 'breathe', group: 'breath/breathe'}
  // "could not breath", "let rivals breath", "helps workers breath": a verb after a modal and "not", or a bare infinitive after its object.
  if (c.isWord(-2) && ((modals.has(c.at(-2)) && set('not never barely hardly still').has(c.at(-1))) || (bareInfinitive.has(c.at(-2)) && (objects.has(c.at(-1)) || pluralLike(c.at(-1)))))) return {expected: 'breathe', group: 'breath/breathe'}
  // "Children breath faster", "residents breath dirty air": a plural subject, then the verb and what follows it.
  if (c.isWord(-1) && c.isWord(1) && (irregularPlurals.has(c.at(-1)) || (pluralLike(c.at(-1)) && classesOf(c.at(-1)).noun)) && !closed(c.at(1)) && c.at(1) !== 'of' && c.at(1) !== 'test' && c.at(1) !== 'tests') return {expected: 'breathe', group: 'breath/breathe'}
  if (c.isWord(1) && (set('easier easily again deeply heavily freely').has(c.at(1)) || (c.at(1) === 'a' && c.at(2) === 'sigh') || (c.at(1) === 'new' && c.at(2) === 'life'))) {
    return {expected: 'breathe', group: 'breath/breathe'}
  }
  return undefined
}
const breatheSlip: Rule = (c) => {
  const word = c.at(0)
  const expected = word === 'breathes' ? 'breaths' : 'breath'
  if (c.isWord(-1) && set('a his her their my your our its the deep bad last fresh second whose of out short few').has(c.at(-1))) return {expected, group: 'breath/breathe'}
  if (word === 'breathe' && c.at(1) === 'of') return {expected, group: 'breath/breathe'}
  // "grasping for breathe", "out of breathe": a preposition takes the noun.
  if (word === 'breathe' && c.isWord(-1) && set('for of under without').has(c.at(-1))) return {expected, group: 'breath/breathe'}
  return undefined
}

// --- capital / capitol ------------------------------------------------------

const capitalNext = set('gains gain markets market spending expenditure expenditures investment investments punishment city cities flows flow flight goods adequacy ratio ratios requirements requirement base injection increase reserves outlays controls account costs structure letter letters offence offense crime crimes charge charges murder budget reduction raising of')
const capitolSlip: Rule = (c) => {
  const word = c.at(0)
  // "Research Capitol", "Deacon Capitol": a common word in a firm's name; the building follows a place ("Texas Capitol") or "State".
  if (c.text === 'Capitol' && !c.first && c.isWord(-1) && /^[A-Z][a-z]+$/.test(c.tokens[c.index - 1].text) && !set('state old new national united').has(c.at(-1))) {
    const classes = classesOf(c.at(-1))
    if (classes.known && (classes.noun || classes.ing) && !pluralLike(c.at(-1))) return {expected: 'Capital', group: 'capital/capitol', whole: true}
  }
  const expected = c.text.replace(/capitol/i, (m) => (m[0] === 'C' ? 'Capital' : 'capital'))
  if (c.isWord(1) && capitalNext.has(c.at(1))) return {expected, group: 'capital/capitol'}
  if (c.isWord(-1) && set('working venture share equity risk human foreign political registered paid-up private fresh').has(c.at(-1))) return {expected, group: 'capital/capitol'}
  if (word === 'capitol' && c.text === 'capitol' && c.at(-1) === 'the' && isBreak(c.at(1)) && c.at(1) === ',') return {expected: 'capital', group: 'capital/capitol'}
  // "the Czech capitol", "shortages of capitol", "future capitol needs": the lower-case building is a state's ("the state capitol").
  if (c.text === 'capitol' && c.isWord(-1) && !set('state the a its territorial new old former').has(c.at(-1)) && !set('building buildings grounds dome rotunda steps police hill complex').has(c.at(1))) return {expected: 'capital', group: 'capital/capitol'}
  return undefined
}
const capitalSlip: Rule = (c) => {
  const next = c.tokens[c.index + 1]?.text ?? ''
  if (!c.isWord(1)) return undefined
  if (c.text === 'Capital' && !c.first && set('Hill building Building police Police rotunda Rotunda steps dome grounds').has(next)) return {expected: 'Capitol', group: 'capital/capitol'}
  if (c.at(0) === 'capital' && set('building rotunda dome').has(next)) return {expected: 'capitol', group: 'capital/capitol'}
  return undefined
}

// --- whether / weather ------------------------------------------------------

const weatherWords = set('the this that bad good fine cold warm hot wet dry severe extreme stormy poor inclement winter summer freezing rough nice foul better worse space wintry unseasonal unusual calm cloudy sunny windy rainy snowy icy mild adverse harsh to could can will would should might may must helped help')
const weatherNext = set('forecast forecasts forecaster forecasters conditions service bureau station stations patterns permitting system systems report reports front data satellite satellites balloon events warning warnings damage delays map radar office')
const whetherNext = set('or to he she it they we i you there this these those his her their its our anyone any')

/** The words from token `k` on, up to `count` of them, stopping at a mark. */
function wordsUntilBreak(c: Context, k: number, count: number): string[] {
  const words: string[] = []
  for (let j = k; j < k + count && c.isWord(j); j++) words.push(c.at(j))
  return words
}

const weatherSlip: Rule = (c) => {
  if (c.at(0) !== 'weather') return undefined
  // "clarification on weather mainland helpers will be allowed": after a preposition, a clause with its own verb.
  if (c.isWord(-1) && set('on about over of').has(c.at(-1)) && c.isWord(1) && !weatherNext.has(c.at(1)) && !prepositions.has(c.at(1)) && !set('and or but').has(c.at(1))) {
    const words = wordsUntilBreak(c, 2, 5)
    const verb = words.findIndex((word) => auxiliaries.has(word) && !set("to 's be been being").has(word))
    if (verb > 0 || (verb === 0 && subjects.has(c.at(1)))) return {expected: 'whether', group: 'whether/weather'}
  }
  if (c.at(1) === 'or' && c.at(2) === 'not') return {expected: 'whether', group: 'whether/weather'}
  // "it is not yet known weather Mr McManus…", "he asked weather ministers had…".
  if (c.isWord(-1) && c.isWord(1) && set('known asked ask asks wonder wondered wondering unclear uncertain decide decided deciding determine determined consider considering doubt doubts check checked know knew sure about question questioned questions questioning discuss discussed discussing debate debated debating examine examined examining assess assessed assessing ascertain establish see').has(c.at(-1)) && !weatherNext.has(c.at(1))) {
    // "talked about weather the whole time": before an article, only a clause with its verb makes it "whether".
    if (!determiners.has(c.at(1)) || wordsUntilBreak(c, 2, 7).some((word) => (auxiliaries.has(word) && word !== 'to') || (/ed$/.test(word) && classesOf(word).participle))) return {expected: 'whether', group: 'whether/weather'}
    return undefined
  }
  // "it was not clear weather the task force…"; "Weather I should resign…": a clause's subject after it.
  if (c.at(-1) === 'clear' && c.at(-2) === 'not' && c.isWord(1) && !weatherNext.has(c.at(1))) return {expected: 'whether', group: 'whether/weather'}
  if ((c.first || !c.isWord(-1)) && set("i we he she they you it's that's or").has(c.at(1))) return {expected: 'whether', group: 'whether/weather'}
  if (!c.isWord(1) || !whetherNext.has(c.at(1))) return undefined
  if (c.isWord(-1) && weatherWords.has(c.at(-1))) return undefined
  if (c.at(-1) === "'s" || /'s$/.test(c.at(-1))) return undefined
  // "The weather, or rather…": a noun before "or" after a determiner was handled above.
  if (c.at(1) === 'or' && (c.first || !c.isWord(-1))) return undefined
  // "; weather this week was harsh": after a break only a subject pronoun (above) makes it "whether".
  if ((c.first || !c.isWord(-1)) && c.at(1) !== 'or') return undefined
  return {expected: 'whether', group: 'whether/weather'}
}

const whetherSlip: Rule = (c) => {
  // "a whether issue": an article takes a noun.
  if (c.isWord(-1) && (c.at(-1) === 'a' || c.at(-1) === 'an')) return {expected: 'weather', group: 'whether/weather'}
  // "that whether played a role": "whether" opens a clause with its subject; a participle straight after is the noun's verb ("whether elected or appointed" has its "or").
  if (c.isWord(1) && c.isWord(-1) && /ed$/.test(c.at(1)) && classesOf(c.at(1)).participle && !classesOf(c.at(1)).adjective && !wordsUntilBreak(c, 2, 6).includes('or')) return {expected: 'weather', group: 'whether/weather'}
  if (c.isWord(-1) && weatherWords.has(c.at(-1)) && !modals.has(c.at(-1)) && c.at(-1) !== 'help' && c.at(-1) !== 'helped' && c.at(-1) !== 'that' && c.at(-1) !== 'this') {
    return {expected: 'weather', group: 'whether/weather'}
  }
  if (c.isWord(1) && weatherNext.has(c.at(1))) return {expected: 'weather', group: 'whether/weather'}
  return undefined
}

// --- to / too ---------------------------------------------------------------

const baseVerbs = set('be have go get make take give see come do pay keep help buy sell meet find build win lose put say tell ask know show hold stay spend leave run play bring provide allow create continue raise reduce avoid prevent protect support attend visit join discuss consider review accept reach seek push boost expand invest remain return resign vote become')
const tooPreps = set('according due compared next prior thanks addition order regard respect relation')

/** `too` where `to` is meant: `want too go`, `too the`, `according too`. */
const tooSlip: Rule = (c) => {
  const group = 'to/too'
  if (tooForTo(c)) return {expected: 'to', group}
  if (!c.isWord(1)) return undefined
  const next = c.at(1)
  if (c.isWord(-1) && tooPreps.has(c.at(-1))) return {expected: 'to', group}
  if (set('the a an his their its our my your him them us me').has(next)) return {expected: 'to', group}
  // "rose too 20", "moved too China": "too" qualifies an adjective or adverb, never a number or a name.
  if (c.isWord(-1) && (tooBeforeNumberOrName(c) || tooBeforeVerb(c, tooAdjectives))) return {expected: 'to', group}
  if (baseVerbs.has(next) && c.isWord(-1) && !set('much far way all').has(c.at(-1))) return {expected: 'to', group}
  // "companies too disclose", "asked Greenspan too assess": a verb's base form or a noun cannot follow "too".
  if (c.tokens[c.index + 1].text === next && !tooAdjectives.has(next) && !set('good well close').has(next) && !functionWords.has(next) && !determiners.has(next) && !prepositions.has(next) && nounOnly(next)) return {expected: 'to', group}
  return undefined
}

export const tooAdjectives = set('much many few late early often soon expensive costly high big small large difficult hard easy young old weak strong risky dangerous complex complicated busy tired heavy short serious important sensitive generous optimistic pessimistic cautious aggressive ambitious hot cold rich poor thin quick fast far little long low steep deep great bad')
const toBefore = set("as is was are were be been being 's 're far way seemed seems looked looks got became become grew proved remained remains")

/** `to` where `too` is meant: `is to expensive`, `far to many`. */
const toSlip: Rule = (c) => {
  const next = c.at(1)
  if (toForToo(c)) return {expected: 'too', group: 'to/too'}
  if (!c.isWord(1) || !c.isWord(-1) || !toBefore.has(c.at(-1)) || !tooAdjectives.has(next)) return undefined
  // "far to the north" never reaches here ("the" is not in the list); "far to long" does.
  if (c.at(-1) === 'far' && !set('much many few often long late early').has(next)) return undefined
  // "is to long-term…": a compound, not the adjective.
  if (c.at(2) === '-') return undefined
  return {expected: 'too', group: 'to/too'}
}

// --- every day / everyday ---------------------------------------------------

const everydayNext = set('of for in at and since until from on with by because as while when the a this that he she they we i it you there now across around over after before during except almost')
const everydaySlip: Rule = (c) => {
  if (c.at(0) !== 'everyday') return undefined
  const next = c.at(1)
  if (!c.isWord(1) ? isBreak(next) : everydayNext.has(next)) {
    // "an everyday of…"? The adjective always has its noun; "everyday" at a break is the adverb.
    if (c.isWord(-1) && determiners.has(c.at(-1)) && c.at(-1) !== 'every') return undefined
    return {expected: 'every day', group: 'every day/everyday'}
  }
  return undefined
}
const everyDayNouns = set('spending shopping living routines task chore item object hero product good need expense purchase problem struggle conversations life lives items objects use tasks routine chores language occurrence reality realities existence clothes clothing heroes goods products activities things needs expenses purchases experience experiences problems struggles speech conversation')
const everyDaySlip: Rule = (c) => {
  if (c.at(0) !== 'every' || c.at(1) !== 'day' || !c.isWord(1)) return undefined
  const group = 'every day/everyday'
  if (c.isWord(-1) && set('the an our their his her its my your').has(c.at(-1))) return {expected: 'everyday', extend: 1, group}
  if (c.isWord(2) && everyDayNouns.has(c.at(2)) && c.isWord(-1) && !c.first) return {expected: 'everyday', extend: 1, group}
  // "interact with every day environments,", "disrupted every day routines across": after a preposition or a verb, a
  // noun that ends its phrase ("every day people say" has its verb, "every day of" its "of").
  if (c.isWord(2) && c.isWord(-1) && !c.first && c.tokens[c.index + 2].text === c.at(2)) {
    const before = classesOf(c.at(-1))
    const noun = c.at(2)
    const after = c.at(3)
    const verbBefore = !clauseVerbs.has(c.at(-1)) && !closed(c.at(-1)) && (before.participle || (before.verb && !before.noun))
    const nounNext = !closed(noun) && !timeWords.has(noun) && !timePlurals.has(noun) && (nounOnly(noun) || (pluralLike(noun) && classesOf(noun).noun))
    if ((verbBefore || set('with of about into for from').has(c.at(-1))) && nounNext && (isBreak(after) || set('in on at across around for of with and').has(after))) return {expected: 'everyday', extend: 1, group}
  }
  return undefined
}

// --- fewer / less -----------------------------------------------------------

/** Plurals read as amounts after `less` ("revenue less costs"). */
const lessAmounts = set('costs expenses taxes fees charges deductions provisions dividends writedowns write-downs interest')

/** `less` before a plural count noun: `less people`, `less jobs`. */
/** Plurals counted as an amount of time, money, distance or weight: "less than 10 years", "less than 5 miles". */
const lessUnits = set('years months weeks days hours minutes seconds decades centuries dollars cents pounds euros yen francs marks rupees yuan pence percent miles kilometres kilometers metres meters feet inches yards acres hectares tons tonnes kilograms kilos grams ounces barrels gallons litres liters points degrees votes calories bytes megabytes gigabytes')

const lessSlip: Rule = (c) => {
  if (c.at(0) !== 'less' || !c.isWord(1)) return undefined
  const next = c.at(1)
  // "more or less", "less and less", "no less", "none the less": fixed phrases, whatever follows.
  if (c.isWord(-1) && (((c.at(-1) === 'or' || c.at(-1) === 'and') && set('more less').has(c.at(-2))) || set('no the').has(c.at(-1)))) return undefined
  // "less than 500 jets", "less than 10 people": AP's fewer for individual items; not an amount ("less than 10 years").
  if (next === 'than' && /^\d[\d,]*$/.test(c.at(2)) && c.isWord(3)) {
    // The head after up to three modifiers ("less than 500 very large jets").
    let k = 3
    while (k < 6 && c.isWord(k + 1) && !pluralLike(c.at(k)) && (classesOf(c.at(k)).adjective || classesOf(c.at(k)).adverb)) k++
    const counted = c.at(k)
    if ((pluralLike(counted) || set('people children men women police').has(counted)) && !lessUnits.has(counted) && !lessAmounts.has(counted) && !/ing$|ed$/.test(counted)) return {expected: 'fewer', group: 'fewer/less'}
  }
  // "less young voters", "less British ballet stars": an adjective that classifies (not one "less" grades, as in
  // "less expensive cars"), then a plural count noun.
  const written = c.tokens[c.index + 1].text
  if (c.isWord(2) && (classifying.has(next) || (/^[A-Z][a-z]+(?:an|ish|ese|ch|i)$/.test(written) && c.text === 'less'))) {
    // "less British ballet stars": a noun may modify the head.
    const k = c.isWord(3) && nounOnly(c.at(2)) && !pluralLike(c.at(2)) && !closed(c.at(2)) ? 3 : 2
    const head = c.at(k)
    if (countedPlural(head) && c.tokens[c.index + k].text === head) return {expected: 'fewer', group: 'fewer/less'}
  }
  if (!countedPlural(next) || /ly$/.test(next) || thereVerbs.has(next)) return undefined
  // "less people than" and "less people", "and less people came": both want "fewer".
  return {expected: 'fewer', group: 'fewer/less'}
}

/** A plural count noun, not an amount (`costs`), a unit (`years`) or a verb form. */
function countedPlural(word: string): boolean {
  return (pluralLike(word) || irregularPlurals.has(word)) && !lessAmounts.has(word) && !lessUnits.has(word) && !/ing$|ed$/.test(word)
}

/**
 * Adjectives that sort things into kinds rather than grade them, so "less"
 * before them counts the noun (`less young voters`, `less foreign tourists`,
 * `less new jobs`), where "less expensive cars" grades the adjective.
 */
const classifying = set('young old new small big large foreign domestic local female male elderly teenage first-time full-time part-time overseas civilian rural')

/** `fewer` before a word that is not a plural: `fewer money`, `fewer important`. */
const fewerSlip: Rule = (c) => {
  if (c.at(0) !== 'fewer' || !c.isWord(1)) return undefined
  const next = c.at(1)
  // "fewer than 10 miles", "fewer than $500", "grew fewer than forecast": an amount, or a comparison of amounts.
  if (next === 'than' && c.isWord(2) && ((/^\d[\d,.]*$/.test(c.at(2)) && lessUnits.has(c.at(3))) || set('forecast expected planned predicted estimated').has(c.at(2)))) return {expected: 'less', group: 'fewer/less'}
  if (next === 'than' && c.at(2) === '$') return {expected: 'less', group: 'fewer/less'}
  if (pluralLike(next) || /^\d|^(than|and|or|of|in|to|one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million)$/.test(next)) return undefined
  if (/s$/.test(next) && !/(?:ss|us|ous)$/.test(next)) return undefined
  const after = c.at(2)
  if (c.isWord(2) && (pluralLike(after) || irregularPlurals.has(after))) return undefined
  if (c.isWord(3) && (pluralLike(c.at(3)) || irregularPlurals.has(c.at(3)))) return undefined
  return {expected: 'less', group: 'fewer/less'}
}

// --- could of ---------------------------------------------------------------

/** `could of gone` for `could have gone`. */
const ofSlip: Rule = (c) => {
  if (c.at(0) !== 'of' || !c.isWord(-1) || !haveModals.has(c.at(-1)) || !c.isWord(1)) return undefined
  const next = c.at(1)
  if (next === 'course' || determiners.has(next) || objects.has(next)) return undefined
  return {expected: c.at(-1) + ' have', from: -1, group: 'could of/could have'}
}

/** These rules by the word they start from (lower case). */
export const wordRules: Array<[string, Rule[]]> = [
  ['then', [thenSlip]],
  ['than', [thanSlip]],
  ...['affect', 'affects'].map((word) => [word, [affectSlip]] as [string, Rule[]]),
  ...['effect', 'effects', 'effected', 'effecting'].map((word) => [word, [effectSlip]] as [string, Rule[]]),
  ['lose', [loseSlip]],
  ...['loose', 'looses', 'loosing'].map((word) => [word, [looseSlip]] as [string, Rule[]]),
  ...['principal', 'principals'].map((word) => [word, [principalSlip]] as [string, Rule[]]),
  ...['principle', 'principles'].map((word) => [word, [principleSlip]] as [string, Rule[]]),
  ...['compliment', 'compliments', 'complimented', 'complimenting'].map((word) => [word, [complimentSlip]] as [string, Rule[]]),
  ...['complement', 'complements', 'complemented', 'complementing'].map((word) => [word, [complementSlip]] as [string, Rule[]]),
  ...['counsel', 'counsels'].map((word) => [word, [counselSlip]] as [string, Rule[]]),
  ...['council', 'councils'].map((word) => [word, [councilSlip]] as [string, Rule[]]),
  ['lead', [leadSlip]],
  ['led', [ledSlip]],
  ['past', [pastSlip]],
  ['passed', [passedSlip]],
  ...['except', 'excepted'].map((word) => [word, [exceptSlip]] as [string, Rule[]]),
  ['accept', [acceptSlip]],
  ['advice', [adviceSlip]],
  ['advise', [adviseSlip]],
  ['breath', [breathSlip]],
  ...['breathe', 'breathes'].map((word) => [word, [breatheSlip]] as [string, Rule[]]),
  ...['capitol', 'capitols'].map((word) => [word, [capitolSlip]] as [string, Rule[]]),
  ['capital', [capitalSlip]],
  ['weather', [weatherSlip]],
  ['whether', [whetherSlip]],
  ['too', [tooSlip]],
  ['to', [toSlip]],
  ['everyday', [everydaySlip]],
  ['every', [everyDaySlip]],
  ['less', [lessSlip]],
  ['fewer', [fewerSlip]],
  ['of', [ofSlip]]
]
