/**
 * The `acronym` kind's data: what an entry may hold (its schema), how a
 * rules file compiles, and the letter forms of an acronym (`U.N.`, `UN`).
 */
import type {LoadedRuleFile, RuleEntry} from '../../kind.js'
import {RuleDataError} from '../../kind.js'
import {locateEntry} from '../../load.js'
import {dataLevel, entryPolicySchema, policyOf, type EntrySettings, type Policy} from '../../runtime.js'
import type {Level} from '../../../types.js'

/** How an acronym is said. */
export type Pronounced = 'letters' | 'word'

/** One entry as written. */
export interface AcronymEntry extends RuleEntry, EntrySettings {
  acronym?: string
  expansion?: string | string[]
  first?: 'allowed' | 'second'
  pronounced?: Pronounced
  check?: 'parenthetical' | 'spelled-out-later' | 'unexplained'
  except?: string[]
}

/** A listed acronym, compiled. */
export interface CompiledAcronym {
  acronym: string
  policy: Policy
  first: 'allowed' | 'second'
  expansions: string[]
}

/** What the plugin and other checks get. */
export interface AcronymData {
  /** Acronym as written → how it is said (`NATO` → word, `FBI` → letters, `U.N.` → letters). */
  pronounced: ReadonlyMap<string, Pronounced>
  /** Listed acronyms by their written form. */
  acronyms: ReadonlyMap<string, CompiledAcronym>
  /** Expansions by first word (lowercase): the words and the acronym they introduce. */
  expansions: ReadonlyMap<string, ReadonlyArray<{words: string[]; acronym: string}>>
  parenthetical?: {policy: Policy; except: ReadonlySet<string>}
  spelledOutLater?: {policy: Policy}
  unexplained?: {policy: Policy; except: ReadonlySet<string>}
  /** Acronyms a newsroom switched off (`gop: {level: off}`): accepted as they are, never flagged as unexplained. */
  accepted: ReadonlySet<string>
  level: Level
}

export const entrySchema = {
  properties: {
    acronym: {type: 'string', minLength: 2, description: 'The acronym as written (`NATO`, `U.N.`, `GOP`).'},
    expansion: {
      anyOf: [{type: 'string', minLength: 1}, {type: 'array', minItems: 1, items: {type: 'string', minLength: 1}}],
      description: 'What it stands for, best first; any of these earlier in the story introduces it.'
    },
    first: {
      enum: ['allowed', 'second'],
      description: 'allowed (default): fine on first reference (FBI, NATO). second: spell it out before first use (EPA, GOP).'
    },
    pronounced: {
      enum: ['letters', 'word'],
      description: 'Said letter by letter (FBI: “an FBI agent”) or as a word (NATO: “a NATO ally”).'
    },
    check: {
      enum: ['parenthetical', 'spelled-out-later', 'unexplained'],
      description:
        'A check instead of an acronym. parenthetical: an acronym in parentheses after a name, or set off by dashes. spelled-out-later: an unlisted acronym used before it is spelled out. unexplained: an unlisted acronym of three or more capitals that the story never spells out.'
    },
    except: {
      type: 'array',
      items: {type: 'string'},
      description:
        'For `check: parenthetical`: contents that are fine in parentheses (`AP` in a dateline, time zones). For `check: unexplained`: all-caps words that are not acronyms to explain (units, currency codes, words set in capitals).'
    },
    ...entryPolicySchema
  }
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value]
}

export function compileFile(file: LoadedRuleFile, others: ReadonlyArray<LoadedRuleFile>): AcronymData {
  const pronounced = new Map<string, Pronounced>()
  const acronyms = new Map<string, CompiledAcronym>()
  const expansions = new Map<string, Array<{words: string[]; acronym: string}>>()
  const owner = new Map<string, {entry: AcronymEntry; file: LoadedRuleFile}>()
  for (const other of others) {
    for (const raw of other.entries) {
      const entry = raw as AcronymEntry
      if (entry.acronym && !owner.has(entry.acronym)) owner.set(entry.acronym, {entry, file: other})
    }
  }
  let parenthetical: AcronymData['parenthetical']
  let spelledOutLater: AcronymData['spelledOutLater']
  let unexplained: AcronymData['unexplained']
  file.entries.forEach((raw, index) => {
    const entry = raw as AcronymEntry
    const at = ['entries', index]
    if (entry.check && entry.acronym) {
      throw new RuleDataError(
        `entry "${entry.id}" has both \`acronym\` and \`check\``,
        [...at, 'check'],
        'an entry is either an acronym or a check: split it in two'
      )
    }
    if (entry.check) {
      const policy = policyOf(file.header, entry)
      if (entry.check === 'parenthetical') parenthetical = {policy, except: new Set(entry.except || [])}
      else if (entry.check === 'unexplained') unexplained = {policy, except: new Set(entry.except || [])}
      else spelledOutLater = {policy}
      return
    }
    if (!entry.acronym) {
      throw new RuleDataError(
        `entry "${entry.id}" has neither \`acronym\` nor \`check\``,
        at,
        'add `acronym:` (with `pronounced:`), or `check: parenthetical` / `check: spelled-out-later`'
      )
    }
    if (entry.except) {
      throw new RuleDataError(`\`except\` is only for \`check: parenthetical\` and \`check: unexplained\``, [...at, 'except'], 'remove it')
    }
    if (!entry.pronounced) {
      throw new RuleDataError(
        `acronym \`${entry.acronym}\` has no \`pronounced\``,
        at,
        'add `pronounced: letters` (said letter by letter, like FBI) or `pronounced: word` (like NATO); the a/an check needs it'
      )
    }
    const first = entry.first || 'allowed'
    const existing = owner.get(entry.acronym)
    if (existing && existing.entry.id !== entry.id) {
      const where = locateEntry(existing.file, existing.entry, ['acronym'])
      const otherFirst = existing.entry.first || 'allowed'
      throw new RuleDataError(
        otherFirst === first
          ? `acronym \`${entry.acronym}\` is listed twice (also entry "${existing.entry.id}" at ${where})`
          : `acronym \`${entry.acronym}\` is both allowed on first reference and second-reference only (entry "${existing.entry.id}" at ${where} says \`first: ${otherFirst}\`)`,
        [...at, 'acronym'],
        otherFirst === first ? 'keep one entry per acronym' : 'decide which it is and keep one entry'
      )
    }
    owner.set(entry.acronym, {entry, file})
    if (first === 'second' && list(entry.expansion).length === 0 && !/^[A-Z]+$/.test(bare(entry.acronym))) {
      throw new RuleDataError(
        `second-reference acronym \`${entry.acronym}\` has no \`expansion\``,
        at,
        'add `expansion:` with what it stands for, so the check knows when it was introduced'
      )
    }
    pronounced.set(entry.acronym, entry.pronounced)
    const compiled: CompiledAcronym = {
      acronym: entry.acronym,
      policy: policyOf(file.header, entry),
      first,
      expansions: list(entry.expansion)
    }
    acronyms.set(entry.acronym, compiled)
    for (const expansion of compiled.expansions) {
      // "Bureau of Alcohol, Tobacco, Firearms and Explosives": commas are tokens of their own.
      const words = expansion.toLowerCase().replace(/,/g, ' ,').split(/\s+/).filter(Boolean)
      const bucket = expansions.get(words[0]) || []
      bucket.push({words, acronym: entry.acronym})
      expansions.set(words[0], bucket)
    }
  })
  for (const bucket of expansions.values()) bucket.sort((a, b) => b.words.length - a.words.length)
  // A newsroom that switches one of ours off accepts that acronym as it is.
  const accepted = new Set<string>()
  for (const entry of (file.off || []) as AcronymEntry[]) if (entry.acronym) accepted.add(bare(entry.acronym))
  return {pronounced, acronyms, expansions, parenthetical, spelledOutLater, unexplained, accepted, level: dataLevel(file.header)}
}

/** Letters of an acronym without periods: `U.N.` → `UN`. */
export function bare(acronym: string): string {
  return acronym.replace(/\./g, '')
}

export function withPeriods(key: string): string {
  return key.length === 2 ? key.split('').join('.') + '.' : key
}
