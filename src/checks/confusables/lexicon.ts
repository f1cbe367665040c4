/**
 * Parts of speech from dictionary-en's affix flags (SCOWL, already a
 * dependency of `spelling`): a stem that takes `M` (`'s`) is a noun, `G`
 * (`-ing`) or `D` (`-ed`) a verb, `Y` (`-ly`), `P` (`-ness`) or `T` (`-est`) an
 * adjective. Read on the first question (about 50,000 lines, a few
 * milliseconds), only when a sentence has a candidate a rule needs it for.
 */
import {hunspellFor} from '../../spell/dictionaries.js'

let flags: Map<string, string> | undefined

function table(): Map<string, string> {
  if (flags) return flags
  flags = new Map()
  const dic: unknown = hunspellFor('en-US').dic
  const text = typeof dic === 'string' ? dic : new TextDecoder().decode(dic as Uint8Array)
  let start = text.indexOf('\n') + 1
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const line = text.slice(start, end)
    start = end + 1
    const slash = line.indexOf('/')
    const word = slash === -1 ? line : line.slice(0, slash)
    // Lower-case stems only: names are not what the rules ask about.
    if (word.length === 0 || word.charCodeAt(0) < 97 || word.charCodeAt(0) > 122) continue
    const value = slash === -1 ? '' : line.slice(slash + 1)
    flags.set(word, (flags.get(word) ?? '') + value)
  }
  return flags
}

/** dictionary-en's prefix flags: "duct/CKIFS" gives "product" (K), "cord/EASGDM" "record" (A). */
const prefixes: Array<[string, string]> = [['A', 're'], ['I', 'in'], ['U', 'un'], ['C', 'de'], ['E', 'dis'], ['F', 'con'], ['K', 'pro']]

/** A word's flags: its own entry, or its stem's when the .dic lists it only through a prefix flag. */
function lookup(word: string): string | undefined {
  const words = table()
  const own = words.get(word)
  if (own !== undefined) return own
  for (const [flag, prefix] of prefixes) {
    if (word.length > prefix.length + 1 && word.startsWith(prefix)) {
      const stem = words.get(word.slice(prefix.length))
      if (stem?.includes(flag)) return stem
    }
  }
  return undefined
}

/** What a word can be. */
export interface Classes {
  known: boolean
  /** A noun, or the plural of one. */
  noun: boolean
  /** A verb's base form, or its `-s` form. */
  verb: boolean
  /** An adjective (takes `-ly`, `-ness` or `-est`), or a comparative. */
  adjective: boolean
  /** A verb's `-ing` form. */
  ing: boolean
  /** A verb's `-ed` form. */
  participle: boolean
  /** An adverb in `-ly`. */
  adverb: boolean
}

const cache = new Map<string, Classes>()

/** What the dictionary says a lower-case word can be. */
export function classesOf(word: string): Classes {
  let classes = cache.get(word)
  if (!classes) {
    classes = compute(word)
    if (cache.size > 20_000) cache.clear()
    cache.set(word, classes)
  }
  return classes
}

function compute(word: string): Classes {
  const classes: Classes = {known: false, noun: false, verb: false, adjective: false, ing: false, participle: false, adverb: false}
  const own = lookup(word)
  if (own !== undefined) {
    classes.known = true
    // "member/EAS": a plural `S` on a word that is no verb makes a noun too.
    if (own.includes('M') || (own.includes('S') && !own.includes('G') && !own.includes('D'))) classes.noun = true
    if (own.includes('G') || own.includes('D')) classes.verb = true
    if (own.includes('Y') || own.includes('P') || own.includes('T')) classes.adjective = true
  }
  // Inflected forms: find the stem that takes the ending.
  const stem = (candidates: string[], flag: string) => candidates.some((candidate) => (lookup(candidate) ?? '').includes(flag))
  if (word.endsWith('s')) {
    // The stem's flags do not always list `S` ("profit/BGD" has "profits"): any listed stem will do.
    const bases = [word.slice(0, -1), word.slice(0, -2), word.slice(0, -3) + 'y'].filter((base) => base.length > 1 && lookup(base) !== undefined)
    for (const base of bases.slice(0, 1)) {
      classes.known = true
      const baseFlags = lookup(base) ?? ''
      const verb = baseFlags.includes('G') || baseFlags.includes('D')
      if (baseFlags.includes('M') || baseFlags.includes('S') || verb) classes.noun = true
      if (verb) classes.verb = true
      if (!verb && !baseFlags.includes('M') && !baseFlags.includes('S')) classes.noun = false
    }
  }
  if (word.endsWith('ing')) {
    const base = word.slice(0, -3)
    if (stem([base, base + 'e', base.slice(0, -1)], 'G')) classes.ing = classes.known = true
  }
  if (word.endsWith('ed')) {
    const base = word.slice(0, -2)
    if (stem([base, word.slice(0, -1), base.slice(0, -1), base.slice(0, -1) + 'y'], 'D')) classes.participle = classes.known = true
  }
  if (word.endsWith('ly')) {
    const base = word.slice(0, -2)
    if (stem([base, base + 'le', base.slice(0, -1) + 'y', word.slice(0, -1)], 'Y')) classes.adverb = classes.known = true
  }
  // A word listed on its own with a noun's or verb's endings ("offer/JGMD", "number/ASDG", "divest/SLDG") is what its
  // entry says, not `off` + `-er`, `numb` + `-er` or `dive` + `-st`.
  if (/(?:er|est)$/.test(word) && !(own !== undefined && /[SGDM]/.test(own))) {
    const base = word.replace(/(?:er|est)$/, '')
    const bases = [base, base + 'e', base.slice(0, -1), base.slice(0, -1) + 'y']
    if ((own === undefined && stem(bases, 'R')) || stem(bases, 'T')) {
      classes.adjective = classes.known = true
    }
  }
  return classes
}

/**
 * Whether a lower-case word is a mass noun by the dictionary: a noun with no
 * plural and no verb forms (`welfare/M`, `knowledge/M`, `nonsense/M`; not
 * `procedure/SM` or `debut/GMD`).
 */
export function massNoun(word: string): boolean {
  const own = lookup(word)
  return own !== undefined && own.includes('M') && !/[SGD]/.test(own)
}

/**
 * Whether a lower-case word can only head a noun phrase here, not follow
 * `it is` / `they are`: a noun or a verb's base or `-s` form, never an
 * adjective, participle, `-ing` form or adverb (`shares`, `rules`, `use`;
 * not `clear`, `going`, `expected`, `likely`).
 */
export function nounOnly(word: string): boolean {
  // "Who's running": a word in -ing can follow "is" even when listed as a noun.
  if (word.endsWith('ing')) return false
  const classes = classesOf(word)
  return classes.known && (classes.noun || classes.verb) && !classes.adjective && !classes.ing && !classes.participle && !classes.adverb
}
