import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {Style} from './house-style/compile.js'
import type {Level, Setting} from './levels.js'

/**
 * Shared types: severity levels, dialects, and the names of the code checks.
 */

export type {Level, Setting} from './levels.js'

/** Spelling dialect. */
export type Dialect = 'en-US' | 'en-GB'

/** What kind of text a story comes in. */
export type Format = 'text' | 'markdown' | 'html'

/** All levels, least serious first. */
export const levels: ReadonlyArray<Level> = ['suggestion', 'warning', 'error']

/** All settings accepted for a check. */
export const settings: ReadonlyArray<Setting> = ['off', ...levels]

/** All dialects. */
export const dialects: ReadonlyArray<Dialect> = ['en-US', 'en-GB']

/** All input formats. */
export const formats: ReadonlyArray<Format> = ['text', 'markdown', 'html']

/**
 * The checks written in code, in the order they run, with their default level.
 * Checks driven by `rules/*.yml` are named after their file and come from the data.
 */
export const codeChecks = {
  'empty-story': 'error',
  spelling: 'warning',
  dialect: 'warning',
  'name-consistency': 'warning',
  'repeated-word': 'warning',
  'indefinite-article': 'warning',
  confusables: 'warning'
} as const satisfies Record<string, Level>

/** Name of a check written in code. */
export type CodeCheck = keyof typeof codeChecks

/**
 * The rules files copydesk ships, by ruleId (`rules/<ruleId>.yml`).
 * test/types.test.ts fails when this list and `rules/` differ.
 */
export const defaultRuleIds = [
  'acronyms',
  'courtesy-titles',
  'dates',
  'house-forms',
  'leftovers',
  'money',
  'numbers',
  'percent',
  'states',
  'times',
  'titles',
  'word-collision'
] as const

/** Name of a rules file copydesk ships. */
export type DefaultRuleId = (typeof defaultRuleIds)[number]

/**
 * A check copydesk knows: a code check or a shipped rules file. The keys of
 * the `checks` option; a newsroom's own rules files add names this type
 * cannot know (see `Options`).
 */
export type CheckName = CodeCheck | DefaultRuleId

/**
 * The `ruleId` of a copydesk message: a check's name, or `control-comment`
 * (a comment naming no check).
 */
export type RuleId = CheckName | 'control-comment'

/** What the preset passes to each code check. */
export interface CodeCheckOptions {
  /** Level of this check's messages. */
  level: Level
  /** Spelling dialect. */
  dialect: Dialect
  /** Extra words the speller accepts (house dictionary + options). */
  dictionary: ReadonlyArray<string>
  /** The compiled house style (e.g. acronym pronunciations for a/an). */
  style: Style
}

/**
 * A code check as a unified plugin: `retext().use(spelling)` runs it with
 * its defaults (level from `codeChecks`, `en-US`, no extra words, no house
 * style); any option may be given alone.
 */
export type CodeCheckPlugin = Plugin<[Partial<CodeCheckOptions>?], Root>
