/**
 * What a rule *kind* is: the code half of house style. A kind knows how to
 * validate and compile its entries and how to check a story with them; the
 * data half is `rules/<ruleId>.yml`.
 */
import type {Plugin} from 'unified'
import type {Root} from 'nlcst'
import type {Level, Setting} from '../levels.js'

/** Where a rule applies. */
export type Scope = 'text' | 'headline' | 'all'

/** What a rule does inside quotation marks (AP does not alter quotations). */
export type InQuotes = 'skip' | 'suggestion' | 'apply'

/** The header every rules file has (Vale-like). */
export interface RuleHeader {
  kind: string
  /** Message template: `{actual}`, `{expected}` and any entry field in braces are filled in. */
  message: string
  level: Setting
  /** Stylebook section or README anchor. */
  link?: string
  scope: Scope
  quotes: InQuotes
  description?: string
}

/** Examples every entry carries; one shared test runs them. */
export interface Examples {
  flag?: string[]
  allow?: string[]
}

/** One entry as written (kind-specific fields besides these). */
export interface RuleEntry {
  id: string
  examples?: Examples
  /** `false` in a newsroom layer removes one of ours. */
  enabled?: boolean
  [key: string]: unknown
}

/** A parsed, schema-valid rules file, merged across layers. */
export interface LoadedRuleFile {
  /** The file name without extension: the `ruleId` of its messages. */
  ruleId: string
  /** Paths of the files this was merged from, ours first. */
  paths: string[]
  header: RuleHeader
  entries: RuleEntry[]
  /** Entries a layer switched off (`enabled: false`, `level: off`), merged: a kind may still need to know them. */
  off?: RuleEntry[]
  /** Resolve a data path (`['entries', 3, 'expected']`) to `path:line:column`. */
  locate: (path: ReadonlyArray<string | number>) => string
}

/** A rules file ready for its plugin. */
export interface CompiledRuleFile<Data = unknown> {
  ruleId: string
  kind: string
  level: Level
  link?: string
  message: string
  scope: Scope
  quotes: InQuotes
  data: Data
}

/** Thrown by a kind's `compile` for a semantic error; the loader adds the place. */
export class RuleDataError extends Error {
  constructor(
    message: string,
    readonly path: ReadonlyArray<string | number>,
    readonly fix: string
  ) {
    super(message)
  }
}

/** The code half of a kind. */
export interface Kind<Data = unknown> {
  /** The `kind:` value in rules files. */
  name: string
  /** One-line description for the README and schema. */
  description: string
  /** JSON Schema of the kind-specific fields of one entry. */
  entrySchema: Record<string, unknown>
  /** Defaults for header fields this kind cares about (e.g. `quotes: 'skip'`). */
  defaults?: Partial<Pick<RuleHeader, 'quotes' | 'scope' | 'level'>>
  /**
   * Compile one merged file. Throw `RuleDataError` with a data path for semantic
   * errors (a replacement that is itself flagged, an acronym both exempt and required …).
   * `others` are the files of the same kind loaded before this one, for
   * cross-file checks, so a conflict is reported once, at the later (newsroom) entry.
   */
  compile(file: LoadedRuleFile, others: ReadonlyArray<LoadedRuleFile>): Data
  /** The retext plugin that checks a story with the compiled files of this kind. */
  plugin: Plugin<[KindPluginOptions<Data>], Root>
}

/** What a kind's plugin receives. */
export interface KindPluginOptions<Data = unknown> {
  files: ReadonlyArray<CompiledRuleFile<Data>>
  /** Whether this tree is a headline (scope filtering). */
  headline?: boolean
}

/** A compiled house style: what `compileStyle` (compile.ts) makes of a rules folder. */
export interface Style {
  /** Compiled files, in load order, by `ruleId`. */
  files: ReadonlyArray<CompiledRuleFile>
  /** Extra dictionary words from `dictionary.txt` files in the sources (one per line). */
  dictionary: ReadonlyArray<string>
  /** The folders and files this came from. */
  sources: ReadonlyArray<string>
}
