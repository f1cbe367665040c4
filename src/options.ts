/**
 * User-facing options, validated once. A bad option is a `TypeError` naming
 * the option and the accepted values.
 */
import type {CheckName, Dialect, Format, Level, Setting} from './types.js'
import {codeChecks, dialects, formats, settings} from './types.js'
import type {Style} from './house-style/compile.js'
import type {Decision} from './decisions.js'

/**
 * Options for `createChecker`, `check` and the `copydesk` preset.
 *
 * `Custom` names the ruleIds of a newsroom's own rules files (default: none),
 * so `checks` accepts them too: `const options: Options<'local-names'> = {rules:
 * 'house', checks: {'local-names': 'error'}}`. Without it, a key that is not a
 * check copydesk ships (`titels`) does not compile.
 */
export interface Options<Custom extends string = never> {
  /** Spelling dialect (default `'en-US'`). */
  dialect?: Dialect
  /**
   * Which checks run and at what level: `{spelling: 'off', titles: 'suggestion'}`.
   * Keys are code checks (`spelling`, `dialect`, `name-consistency`,
   * `repeated-word`, `indefinite-article`) and rules files (`titles`,
   * `leftovers`, …), plus `Custom`. Unset checks use their default level.
   */
  checks?: {[Name in CheckName | Custom]?: Setting | boolean}
  /** Extra words the speller accepts (a newsroom's vocabulary). */
  dictionary?: ReadonlyArray<string>
  /**
   * A newsroom's rules folders or files, layered on copydesk's AP rules
   * (default: none). Entries override ours by `id`.
   */
  rules?: string | ReadonlyArray<string>
  /** Whether copydesk's own AP rules are loaded under `rules` (default `true`). */
  defaultRules?: boolean
  /** Already loaded style (skips loading `rules`); for callers that manage their own cache. */
  style?: Style
  /**
   * Most findings kept per story (default 1,000; `Infinity`: all). The most
   * important are kept (errors, then warnings, then suggestions; then story
   * order); counts and the verdict still cover every finding, and results
   * say how many were left out (`omitted`).
   */
  maxFindings?: number
  /**
   * Whether a story's own switches apply: `<!-- copydesk … -->` comments and
   * `data-copydesk="skip"` / `class="copydesk-skip"` elements (default
   * `true`). With `false` they are not obeyed but reported, as `story-control`
   * info messages; the floor of src/faces/floor.ts checks with this.
   */
  storyControl?: boolean
  /**
   * Whether the desk dictionary (`desk-dictionary.txt` in each `rules`
   * folder, docs/desk.md) is read and kept fresh while the checker runs: a
   * word the desk adds is accepted within a second (default `true`).
   */
  desk?: boolean
}

/** Options for one story. */
export interface CheckOptions {
  /** Input format (default `'text'`). */
  format?: Format
  /**
   * A headline to check with headline rules (AP: `US` in headlines), or `true`
   * when the first line of the input is the headline.
   */
  headline?: string | boolean
  /** Editors' decisions about this story's findings (docs/desk.md): dismissed findings leave `file.messages`; `file.data.decisions` reports what they did. */
  decisions?: ReadonlyArray<Decision>
  /** Whether `decisions` may dismiss error-level findings (`leftovers`), by a named person with a reason (default `false`). */
  allowErrorDismissal?: boolean
}

/** Validated settings. */
export interface Settings {
  dialect: Dialect
  checks: Map<string, Setting>
  dictionary: ReadonlyArray<string>
  rules: ReadonlyArray<string>
  defaultRules: boolean
  maxFindings: number
  desk: boolean
}

/**
 * Most findings kept per story by default (option `maxFindings`): a story
 * of 300,000 `TK`s made a 93 MB reply. Counts and the verdict stay exact.
 */
export const defaultMaxFindings = 1000

const optionNames = new Set(['dialect', 'checks', 'dictionary', 'rules', 'defaultRules', 'style', 'maxFindings', 'format', 'headline', 'storyControl', 'desk'])

/** Validate options; throws `TypeError` naming the option and accepted values. */
export function normalizeOptions(options: Options | null | undefined): Settings {
  const value = options || {}
  if (typeof value !== 'object') {
    throw new TypeError(`copydesk: options must be an object, got ${typeof value}`)
  }
  for (const key of Object.keys(value)) {
    if (!optionNames.has(key)) {
      throw new TypeError(
        `copydesk: unknown option \`${key}\`; accepted: ${[...optionNames].join(', ')}`
      )
    }
  }
  const dialect = value.dialect ?? 'en-US'
  if (!dialects.includes(dialect)) {
    throw new TypeError(
      `copydesk: option \`dialect\` is ${JSON.stringify(dialect)}; accepted: ${dialects.map((d) => `'${d}'`).join(', ')}`
    )
  }
  const checks = new Map<string, Setting>()
  if (value.checks !== undefined) {
    if (!value.checks || typeof value.checks !== 'object' || Array.isArray(value.checks)) {
      throw new TypeError('copydesk: option `checks` must be an object such as `{spelling: "off"}`')
    }
    for (const [name, raw] of Object.entries(value.checks)) {
      const setting: unknown = raw === true ? undefined : raw === false ? 'off' : raw
      if (setting !== undefined && !settings.includes(setting as Setting)) {
        throw new TypeError(
          `copydesk: option \`checks.${name}\` is ${JSON.stringify(raw)}; accepted: ${settings.map((s) => `'${s}'`).join(', ')}, true, false`
        )
      }
      if (setting !== undefined) checks.set(name, setting as Setting)
    }
  }
  const dictionary = value.dictionary ?? []
  if (!Array.isArray(dictionary) || dictionary.some((word) => typeof word !== 'string')) {
    throw new TypeError('copydesk: option `dictionary` must be a list of words (strings)')
  }
  const rules = value.rules === undefined ? [] : typeof value.rules === 'string' ? [value.rules] : value.rules
  if (!Array.isArray(rules) || rules.some((item) => typeof item !== 'string')) {
    throw new TypeError('copydesk: option `rules` must be a folder or file path, or a list of them')
  }
  const defaultRules = value.defaultRules ?? true
  if (typeof defaultRules !== 'boolean') {
    throw new TypeError('copydesk: option `defaultRules` must be true or false')
  }
  const maxFindings = value.maxFindings ?? defaultMaxFindings
  if (typeof maxFindings !== 'number' || !(maxFindings >= 1) || (maxFindings !== Number.POSITIVE_INFINITY && !Number.isInteger(maxFindings))) {
    throw new TypeError(`copydesk: option \`maxFindings\` must be a whole number of at least 1, or Infinity; got ${JSON.stringify(maxFindings)}`)
  }
  const desk = value.desk ?? true
  if (typeof desk !== 'boolean') {
    throw new TypeError('copydesk: option `desk` must be true or false')
  }
  const check = value as CheckOptions
  if (check.format !== undefined && !formats.includes(check.format)) {
    throw new TypeError(
      `copydesk: option \`format\` is ${JSON.stringify(check.format)}; accepted: ${formats.map((f) => `'${f}'`).join(', ')}`
    )
  }
  return {dialect, checks, dictionary, rules, defaultRules, maxFindings, desk}
}

/**
 * Check that every configured check exists (code checks plus the loaded rules
 * files), so a typo in `checks` is an error rather than a silent no-op.
 */
export function assertKnownChecks(checks: ReadonlyMap<string, Setting>, ruleIds: ReadonlyArray<string>): void {
  const known = new Set([...Object.keys(codeChecks), ...ruleIds])
  for (const name of checks.keys()) {
    if (!known.has(name)) {
      throw new TypeError(
        `copydesk: unknown check \`${name}\` in option \`checks\`; accepted: ${[...known].sort().join(', ')}`
      )
    }
  }
}

/** The level a check runs at, or `undefined` when it is off. */
export function levelFor(checks: ReadonlyMap<string, Setting>, name: string, fallback: Level): Level | undefined {
  const setting = checks.get(name) ?? fallback
  return setting === 'off' ? undefined : setting
}
