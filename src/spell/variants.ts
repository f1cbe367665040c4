/**
 * British ⇄ American spelling pairs, derived rather than listed: a word one
 * dictionary accepts and the other does not is rewritten with the regular
 * differences between the two (`our`/`or`, `tre`/`ter`, `ise`/`ize`,
 * `ence`/`ense`, `ll`/`l`, `ogue`/`og`, `mme`/`m`, `ae`/`e` …), and a
 * rewrite the target dictionary accepts is its counterpart.
 */
import type {Dialect} from '../types.js'
import {spellerFor} from './dictionaries.js'

/** `[British, American]` substrings; each is tried at every place it occurs, both ways. */
const pairs: ReadonlyArray<readonly [string, string]> = [
  // labour, favourite, behaviour
  ['our', 'or'],
  // centre, theatres, fibre, manoeuvre, meagre; centred, centring
  ['tre', 'ter'],
  ['tred', 'tered'],
  ['tring', 'tering'],
  ['bre', 'ber'],
  ['vre', 'ver'],
  ['vred', 'vered'],
  ['gre', 'ger'],
  // organise, privatisation, analyse, paralysed
  ['is', 'iz'],
  ['ys', 'yz'],
  // defence, licence, offence, pretence
  ['ence', 'ense'],
  // practise (the verb)
  ['ise', 'ice'],
  // travelled, counselling, jeweller; fulfil, enrol, skilful, instalment
  ['ll', 'l'],
  ['l', 'll'],
  // catalogue, analogue
  ['ogue', 'og'],
  // programme
  ['mme', 'm'],
  // paediatric, anaesthetic, encyclopaedia; oestrogen, manoeuvre, foetus
  ['ae', 'e'],
  ['oe', 'e'],
  // ageing, judgement, acknowledgement
  ['geing', 'ging'],
  ['gement', 'gment'],
  // The few that follow no pattern, as stems so their inflections follow.
  ['grey', 'gray'],
  ['tyre', 'tire'],
  ['kerb', 'curb'],
  ['plough', 'plow'],
  ['mould', 'mold'],
  ['moult', 'molt'],
  ['smoulder', 'smolder'],
  ['cheque', 'check'],
  ['draught', 'draft'],
  ['aluminium', 'aluminum'],
  ['pyjama', 'pajama'],
  ['sulph', 'sulf'],
  ['moustache', 'mustache'],
  ['jewellery', 'jewelry'],
  ['speciality', 'specialty'],
  ['sceptic', 'skeptic'],
  ['cosy', 'cozy'],
  ['cosi', 'cozi'],
  ['axe', 'ax'],
  ['aeroplane', 'airplane'],
  ['amongst', 'among'],
  ['storey', 'story']
]

const cache = new Map<string, string | null>()

/**
 * The `to` spelling of `word`, a spelling the other dialect's dictionary
 * accepts: `counterpart('defence', 'en-US')` → `defense`,
 * `counterpart('organize', 'en-GB')` → `organise`. Tries every single
 * rewrite, then every pair of rewrites (`manoeuvred` → `maneuvered`);
 * `undefined` when none is a word in `to`. Case follows the input
 * (`Labour` → `Labor`). Cached per form.
 */
export function counterpart(word: string, to: Dialect): string | undefined {
  const key = to + '\0' + word
  let value = cache.get(key)
  if (value === undefined) {
    value = find(word, to) ?? null
    cache.set(key, value)
  }
  return value ?? undefined
}

function find(word: string, to: Dialect): string | undefined {
  const target = spellerFor(to)
  const lower = word.toLowerCase()
  const toAmerican = to === 'en-US'
  const first = rewrites(lower, toAmerican)
  const accept = (candidate: string) => target.correct(recase(candidate, word))
  for (const candidate of first) if (accept(candidate)) return recase(candidate, word)
  for (const candidate of first) {
    for (const second of rewrites(candidate, toAmerican)) {
      if (second !== lower && accept(second)) return recase(second, word)
    }
  }
  return undefined
}

/** Every string one rewrite away from `word`, in table order. */
function rewrites(word: string, toAmerican: boolean): string[] {
  const found: string[] = []
  for (const [british, american] of pairs) {
    const from = toAmerican ? british : american
    const into = toAmerican ? american : british
    let at = word.indexOf(from)
    while (at >= 0) {
      const candidate = word.slice(0, at) + into + word.slice(at + from.length)
      if (!found.includes(candidate)) found.push(candidate)
      at = word.indexOf(from, at + 1)
    }
  }
  return found
}

function recase(candidate: string, like: string): string {
  const first = like.charAt(0)
  return first === first.toLowerCase() ? candidate : candidate.charAt(0).toUpperCase() + candidate.slice(1)
}
