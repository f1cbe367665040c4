import type {Style} from './house-style/compile.js'

/**
 * Shared types: severity levels, dialects, and the names of the code checks.
 */

/** How serious a finding is. `suggestion` → `file.info`, `warning` → `file.message`, `error` → `fatal: true`. */
export type Level = 'suggestion' | 'warning' | 'error'

/** A level, or `'off'` to switch a check off. */
export type Setting = Level | 'off'

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
  'indefinite-article': 'warning'
} as const satisfies Record<string, Level>

/** Name of a check written in code. */
export type CodeCheck = keyof typeof codeChecks

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
