/**
 * The `title` kind's data: what an entry may hold (its schema) and how a
 * rules file compiles into the forms the matcher looks sentences up by.
 */
import type {LoadedRuleFile, RuleEntry} from '../../kind.js'
import {RuleDataError} from '../../kind.js'
import {locateEntry} from '../../load.js'
import {dataLevel, entryPolicySchema, policyOf, type EntrySettings, type Policy} from '../../runtime.js'
import type {Level} from '../../../types.js'

/** How a title behaves. */
export type TitleClass = 'formal' | 'ambiguous' | 'descriptive' | 'courtesy'

/** One entry as written. */
export interface TitleEntry extends RuleEntry, EntrySettings {
  forms: string[]
  plural?: string[]
  class?: TitleClass
  abbreviation?: string
  abbreviationPlural?: string
  wrong?: string[]
  names?: string[]
  nameWords?: 1 | 2
  address?: string[]
}

/** How a matched form relates to its entry. */
export type FormType = 'form' | 'plural' | 'abbr' | 'abbrPlural' | 'wrong'

export interface Form {
  /** Lowercase words of the form. */
  words: string[]
  /** As written in the data. */
  text: string
  type: FormType
  entry: CompiledTitle
}

/** An entry, compiled. */
export interface CompiledTitle {
  policy: Policy
  class: TitleClass
  /** First form (capitalized, singular) and its plural. */
  form: string
  plural: string
  abbreviation?: string
  abbreviationPlural?: string
  nameWords: 1 | 2
  /** Phrases that are names: lowercase words and the offset of the title in them. */
  names: Array<{words: string[]; offset: number; length: number}>
  /** Courtesy titles: the titles that make it a form of address (`mr. president`), lowercase, longest first. */
  address: string[][]
}

/** What the plugin gets per file. */
export interface TitleData {
  /** Forms by their first word, lowercase, longest first. */
  byFirst: Map<string, Form[]>
  /** The first token of the last word of each form (`minister`, `gov` for `Gov.`), to skip sentences fast. */
  heads: Set<string>
  level: Level
}

export const entrySchema = {
  required: ['forms'],
  properties: {
    forms: {
      type: 'array',
      minItems: 1,
      items: {type: 'string', minLength: 1},
      description: 'The title as capitalized directly before a name (`Foreign Minister`, `Secretary of State`); the first is the main form.'
    },
    plural: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description: 'Plural forms (default: an s on the last word of each form).'
    },
    class: {
      enum: ['formal', 'ambiguous', 'descriptive', 'courtesy'],
      description:
        'formal (default): capitalized before a name, lowercase alone. ambiguous: also a plain job word (director, chief), so only lowercase-alone is checked. descriptive: lowercase even before a name (spokesperson, coach). courtesy: not used at all (Mr., Mrs., Ms.); the name alone is expected.'
    },
    abbreviation: {
      type: 'string',
      description: 'Form to use before a name (`Gov.`, `Sen.`, `Gen.`, `the Rev.`).'
    },
    abbreviationPlural: {type: 'string', description: 'Plural abbreviation before names (`Govs.`, `Sens.`).'},
    wrong: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description: 'Forms that are never right before a name (`Pres.`, `Atty. Gen.`, `Reverend`): replaced by the abbreviation or the main form.'
    },
    names: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description: 'Phrases with this title that are names, never flagged (`Prince of Wales`, `Billie Jean King`).'
    },
    nameWords: {
      enum: [1, 2],
      description:
        'Capitalized words that must follow before the title counts as “before a name” for abbreviating and capitalizing (default 1; 2 for words that start many company names, such as General).'
    },
    address: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      description:
        'Courtesy titles only: titles that, after this one and before no name, make it a form of address, not a name (`Mr. Speaker`, `Mr. Vice President`, `Madam Chair`).'
    },
    ...entryPolicySchema
  }
}

export function compileFile(file: LoadedRuleFile, others: ReadonlyArray<LoadedRuleFile>): TitleData {
  const byFirst = new Map<string, Form[]>()
  const seen = new Map<string, {id: string; file: LoadedRuleFile}>()
  const add = (text: string, type: FormType, entry: CompiledTitle, entryIndex: number, field: string, index?: number) => {
    const words = splitWords(text)
    const key = words.join(' ')
    const existing = seen.get(key)
    // "Rep." abbreviates Representative and Congressman: one form, kept by the first.
    if (existing && (type === 'abbr' || type === 'abbrPlural')) return
    if (existing && existing.id !== entry.policy.id) {
      const other = existing.file.entries.find((candidate) => candidate.id === existing.id)
      throw new RuleDataError(
        `\`${text}\` is already a form of entry "${existing.id}"${existing.file === file ? '' : ` of ${existing.file.ruleId}`} (${other ? locateEntry(existing.file, other, ['forms']) : existing.file.locate([])})`,
        ['entries', entryIndex, field, ...(index === undefined ? [] : [index])],
        'keep one entry per title form'
      )
    }
    seen.set(key, {id: entry.policy.id, file})
    const list = byFirst.get(words[0]) || []
    list.push({words, text, type, entry})
    byFirst.set(words[0], list)
  }
  // Forms of other title files count for duplicates, not for matching here.
  for (const other of others) {
    for (const raw of other.entries) {
      for (const form of (raw as TitleEntry).forms || []) {
        const key = splitWords(form).join(' ')
        if (!seen.has(key)) seen.set(key, {id: raw.id, file: other})
      }
    }
  }
  file.entries.forEach((raw, entryIndex) => {
    const entry = raw as TitleEntry
    const forms = entry.forms
    const plurals = entry.plural || forms.map(pluralOf)
    const compiled: CompiledTitle = {
      policy: policyOf(file.header, entry),
      class: entry.class || 'formal',
      form: forms[0],
      plural: plurals[0] || pluralOf(forms[0]),
      abbreviation: entry.abbreviation,
      abbreviationPlural: entry.abbreviationPlural,
      nameWords: entry.nameWords || 1,
      names: [],
      address: (entry.address || []).map(splitWords).sort((a, b) => b.length - a.length)
    }
    if (compiled.class === 'descriptive' && entry.abbreviation) {
      throw new RuleDataError(
        `a descriptive title has no abbreviation before names, but entry "${entry.id}" gives \`${entry.abbreviation}\``,
        ['entries', entryIndex, 'abbreviation'],
        'remove `abbreviation`, or make the title `class: formal`'
      )
    }
    forms.forEach((text, index) => add(text, 'form', compiled, entryIndex, 'forms', index))
    plurals.forEach((text, index) => add(text, 'plural', compiled, entryIndex, 'plural', index))
    if (entry.abbreviation) add(entry.abbreviation.replace(/^the /i, ''), 'abbr', compiled, entryIndex, 'abbreviation')
    if (entry.abbreviationPlural) add(entry.abbreviationPlural, 'abbrPlural', compiled, entryIndex, 'abbreviationPlural')
    ;(entry.wrong || []).forEach((text, index) => add(text, 'wrong', compiled, entryIndex, 'wrong', index))
    ;(entry.names || []).forEach((text, index) => {
      const words = splitWords(text).map(stripPossessive)
      const found = [...forms, ...plurals]
        .map((form) => ({form: splitWords(form), at: -1}))
        .map((item) => ({...item, at: indexOfWords(words, item.form)}))
        .find((item) => item.at !== -1)
      if (!found) {
        throw new RuleDataError(
          `name \`${text}\` does not contain a form of this title (${forms.map((f) => `\`${f}\``).join(', ')})`,
          ['entries', entryIndex, 'names', index],
          'list only names that contain the title, such as `Prince of Wales` for `Prince`'
        )
      }
      compiled.names.push({words, offset: found.at, length: found.form.length})
    })
  })
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length)
  // A sentence without any form's key word has no title. The key word is the
  // longest that is not a common word ("Secretary", not "State", in
  // "Secretary of State"), so most sentences are skipped at once.
  const heads = new Set<string>()
  for (const list of byFirst.values()) {
    for (const form of list) {
      const parts = form.words.flatMap((word) => word.split(/[.\-']/)).filter(Boolean)
      const rare = parts.filter((part) => !commonWords.has(part))
      const pool = rare.length > 0 ? rare : parts
      heads.add(pool.reduce((a, b) => (b.length > a.length ? b : a)))
    }
  }
  return {byFirst, heads, level: dataLevel(file.header)}
}

/** Words of title forms too common to look sentences up by. */
const commonWords = new Set(
  'state staff leader general first second head chief house special high grand vice deputy assistant senior police district master rear crown supreme of the u s'.split(' ')
)

function splitWords(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase().replace(/’/g, "'"))
}

function indexOfWords(haystack: string[], needle: string[]): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer
    }
    return start
  }
  return -1
}

function pluralOf(form: string): string {
  const words = form.split(/\s+/)
  // "Secretary of State" → "Secretaries of State"; "Attorney General" is irregular: give it in data.
  const at = words.findIndex((word) => word.toLowerCase() === 'of')
  const index = at > 0 ? at - 1 : words.length - 1
  const word = words[index]
  words[index] = /[^aeiou]y$/i.test(word) ? word.slice(0, -1) + 'ies' : /(s|sh|ch|x)$/i.test(word) ? word + 'es' : word + 's'
  return words.join(' ')
}

export function stripPossessive(value: string): string {
  return value.replace(/'s$/, '').replace(/s'$/, 's')
}
