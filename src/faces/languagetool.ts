/**
 * LanguageTool's HTTP API shape (`POST /v2/check`), so editors and plugins
 * that speak LanguageTool (browser add-ons, LTeX, CMS integrations) can use
 * copydesk as their server. Offsets and lengths are in UTF-16 code units of
 * the text as sent — for `data`, of the markup and text together, as
 * LanguageTool does.
 */
import type {ResultMessage} from '../result.js'
import type {Dialect, Level} from '../types.js'
import {codeChecks} from '../types.js'

/** The text to check and how to map its offsets back to what was sent. */
export interface Annotated {
  /** What was sent: markup and text together. */
  original: string
  /** What is checked: the text, with markup replaced by its `interpretAs` (default: nothing). */
  plain: string
  /** Where a span starting at `offset` in `plain` starts in `original`. */
  toOriginal(offset: number): number
  /**
   * Where a span ending at `offset` (exclusive) in `plain` ends in `original`.
   * A span ending inside the stand-in for markup (`%` for `\%`) ends after
   * the whole markup, so an editor replacing it replaces all of it.
   */
  toOriginalEnd(offset: number): number
}

/** A request's `data` parameter was not LanguageTool annotation JSON. */
export class AnnotationError extends Error {
  override name = 'AnnotationError'
}

/** Plain `text`: checked as sent. */
export function fromText(text: string): Annotated {
  return {original: text, plain: text, toOriginal: (offset) => offset, toOriginalEnd: (offset) => offset}
}

/** A stretch of `plain` and where it came from in `original`. */
interface Segment {
  plainStart: number
  plainEnd: number
  originalStart: number
  originalEnd: number
  /** Text maps character by character; markup's stand-in maps as a whole. */
  markup: boolean
}

/**
 * LanguageTool's `data` parameter:
 * `{"annotation": [{"text": "A "}, {"markup": "<b>"}, {"text": "test"}, {"markup": "</b>"}]}`.
 * Markup may carry `interpretAs` (such as `"\n\n"` for `<p>`) to keep words apart.
 */
export function fromAnnotation(data: string): Annotated {
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch (error) {
    throw new AnnotationError(`Parameter 'data' is not valid JSON: ${(error as Error).message}`)
  }
  const items = (value as {annotation?: unknown} | null)?.annotation
  if (!Array.isArray(items)) {
    throw new AnnotationError(`Parameter 'data' must be JSON such as {"annotation": [{"text": "A "}, {"markup": "<b>"}, {"text": "test"}]}`)
  }
  let original = ''
  let plain = ''
  const segments: Segment[] = []
  for (const [index, item] of items.entries()) {
    const {text, markup, interpretAs} = (item ?? {}) as {text?: unknown; markup?: unknown; interpretAs?: unknown}
    if (typeof text === 'string' && markup === undefined) {
      if (text) {
        segments.push({plainStart: plain.length, plainEnd: plain.length + text.length, originalStart: original.length, originalEnd: original.length + text.length, markup: false})
      }
      plain += text
      original += text
    } else if (typeof markup === 'string' && text === undefined) {
      if (interpretAs !== undefined && typeof interpretAs !== 'string') {
        throw new AnnotationError(`Parameter 'data': annotation[${index}].interpretAs must be a string`)
      }
      const stand = interpretAs ?? ''
      if (stand) {
        segments.push({plainStart: plain.length, plainEnd: plain.length + stand.length, originalStart: original.length, originalEnd: original.length + markup.length, markup: true})
      }
      plain += stand
      original += markup
    } else {
      throw new AnnotationError(`Parameter 'data': annotation[${index}] must have either "text" or "markup" (a string)`)
    }
  }
  // The last segment with `plainStart <= offset` (or `< offset` for ends).
  const find = (offset: number, end: boolean): Segment | undefined => {
    let low = 0
    let high = segments.length - 1
    let found: Segment | undefined
    while (low <= high) {
      const middle = (low + high) >> 1
      const start = segments[middle].plainStart
      if (end ? start < offset : start <= offset) {
        found = segments[middle]
        low = middle + 1
      } else {
        high = middle - 1
      }
    }
    return found
  }
  return {
    original,
    plain,
    toOriginal(offset) {
      const segment = find(offset, false)
      if (!segment) return 0
      if (offset >= segment.plainEnd) return segment.originalEnd
      return segment.markup ? segment.originalStart : segment.originalStart + offset - segment.plainStart
    },
    toOriginalEnd(offset) {
      const segment = find(offset, true)
      if (!segment) return 0
      if (offset >= segment.plainEnd || segment.markup) return segment.originalEnd
      return segment.originalStart + offset - segment.plainStart
    }
  }
}

/** LanguageTool's response. */
export interface LanguageToolResponse {
  software: {name: string; version: string; buildDate: string; apiVersion: number; premium: boolean; status: string}
  warnings: {incompleteResults: boolean}
  language: {name: string; code: string; detectedLanguage: {name: string; code: string; confidence: number}}
  matches: LanguageToolMatch[]
}

/** One LanguageTool match. */
export interface LanguageToolMatch {
  message: string
  shortMessage: string
  replacements: Array<{value: string}>
  offset: number
  length: number
  context: {text: string; offset: number; length: number}
  sentence: string
  type: {typeName: string}
  rule: {
    id: string
    description: string
    issueType: string
    category: {id: string; name: string}
    urls?: Array<{value: string}>
  }
  ignoreForIncompleteSentence: boolean
  contextForSureMatch: number
  /** copydesk's own name and severity for the match (LanguageTool clients ignore it). */
  copydesk: {ruleId: string | null; severity: Level}
}

/** Names and codes of the languages copydesk checks. */
export const languages: ReadonlyArray<{name: string; code: string; longCode: Dialect}> = [
  {name: 'English (US)', code: 'en', longCode: 'en-US'},
  {name: 'English (GB)', code: 'en', longCode: 'en-GB'}
]

const codeCheckNames = new Set(Object.keys(codeChecks))

// English variants that spell as Britain does.
const britishVariants = new Set(['en-gb', 'en-uk', 'en-au', 'en-nz', 'en-za', 'en-ie'])

/**
 * The dialect for a LanguageTool `language` value: `en-GB` (and `en-UK`,
 * `en-AU`, `en-NZ`, `en-ZA`, `en-IE`) is British, `en-US` (and `en-CA`)
 * American; `en` and `auto` are the server's own dialect (`fallback`, default
 * `en-US`): copydesk detects no language, it checks English. Anything else
 * is `undefined`.
 */
export function dialectFor(language: string | undefined, fallback: Dialect = 'en-US'): Dialect | undefined {
  const code = (language ?? 'auto').trim().toLowerCase()
  if (britishVariants.has(code)) return 'en-GB'
  if (code === 'auto' || code === 'en') return fallback
  if (code.startsWith('en-')) return 'en-US'
  return undefined
}

/** A LanguageTool category. */
export interface Category {
  id: string
  name: string
}

const categories = {
  typos: {id: 'TYPOS', name: 'Possible Typo'},
  grammar: {id: 'GRAMMAR', name: 'Grammar'},
  repetitions: {id: 'REPETITIONS', name: 'Repetitions'},
  leftovers: {id: 'LEFTOVERS', name: 'Edit leftovers'},
  style: {id: 'STYLE', name: 'Style'},
  misc: {id: 'MISC', name: 'Miscellaneous'}
} as const satisfies Record<string, Category>

/** The categories copydesk's matches come in, for `enabledCategories` and `disabledCategories`. */
export const categoryList: ReadonlyArray<Category> = Object.values(categories)

const issueTypes: Record<string, {issueType: string; category: Category}> = {
  spelling: {issueType: 'misspelling', category: categories.typos},
  dialect: {issueType: 'misspelling', category: categories.typos},
  'name-consistency': {issueType: 'misspelling', category: categories.typos},
  'repeated-word': {issueType: 'duplication', category: categories.repetitions},
  'word-collision': {issueType: 'grammar', category: categories.grammar},
  'indefinite-article': {issueType: 'grammar', category: categories.grammar},
  // A "TK" or a note to the desk: something is missing from the story.
  leftovers: {issueType: 'omission', category: categories.leftovers},
  'empty-story': {issueType: 'omission', category: categories.leftovers}
}

/**
 * LanguageTool's issue type, category and match type for a copydesk check at
 * a severity. Spelling and its kin are misspellings (`UnknownWord`), repeated
 * words duplication, word collisions and a/an grammar, leftovers (`TK`)
 * omission; every other rules file (titles, house forms …) is house style.
 * Only suggestion-level style is a `Hint`: an error or a warning is `Other`,
 * which editors underline as a problem rather than a mild hint.
 */
export function classify(ruleId: string | null, severity: Level = 'warning'): {issueType: string; category: Category; typeName: string} {
  const known = ruleId ? issueTypes[ruleId] : undefined
  const {issueType, category} = known ?? (!ruleId || codeCheckNames.has(ruleId) || ruleId === 'control-comment'
    ? {issueType: 'other', category: categories.misc}
    : {issueType: 'style', category: categories.style})
  const typeName = issueType === 'misspelling' ? 'UnknownWord' : severity === 'suggestion' || (issueType === 'style' && severity !== 'error') ? 'Hint' : 'Other'
  return {issueType, category: {...category}, typeName}
}

/** LanguageTool-style rule id: `repeated-word` → `COPYDESK_REPEATED_WORD`. */
export function ruleIdFor(ruleId: string | null): string {
  return 'COPYDESK_' + (ruleId ?? 'other').toUpperCase().replace(/[^A-Z\d]+/g, '_')
}

// The words of copydesk's confusable groups that several LanguageTool rules cover.
const itsItIs = ['its', "it's"]
const theirThere = ['their', 'there', "they're"]

/**
 * LanguageTool's own English rule ids that have a copydesk equivalent, so an
 * LT client's `enabledRules`/`disabledRules` (LTeX's `ltex.enabledRules`,
 * the browser add-on's settings) work against copydesk. A confusable-word
 * rule covers only copydesk's `confusables` findings about its own words
 * (`IT_IS`: `its`/`it's`), not the whole check. The ids are LanguageTool's
 * (its `Morfologik*SpellerRule`, `AvsAnRule`, `EnglishWordRepeatRule` and
 * `*ReplaceRule` classes, `org.languagetool.language.English`, the English
 * `grammar.xml` rule groups its issue tracker names); the table, with
 * where each id comes from, is in docs/languagetool.md.
 */
export const languageToolEquivalents: Readonly<Record<string, ReadonlyArray<{ruleId: string; words?: ReadonlyArray<string>}>>> = {
  MORFOLOGIK_RULE_EN_US: [{ruleId: 'spelling'}, {ruleId: 'dialect'}],
  MORFOLOGIK_RULE_EN_GB: [{ruleId: 'spelling'}, {ruleId: 'dialect'}],
  MORFOLOGIK_RULE_EN_CA: [{ruleId: 'spelling'}, {ruleId: 'dialect'}],
  MORFOLOGIK_RULE_EN_AU: [{ruleId: 'spelling'}, {ruleId: 'dialect'}],
  MORFOLOGIK_RULE_EN_NZ: [{ruleId: 'spelling'}, {ruleId: 'dialect'}],
  MORFOLOGIK_RULE_EN_ZA: [{ruleId: 'spelling'}, {ruleId: 'dialect'}],
  EN_US_SIMPLE_REPLACE: [{ruleId: 'dialect'}],
  EN_GB_SIMPLE_REPLACE: [{ruleId: 'dialect'}],
  ENGLISH_WORD_REPEAT_RULE: [{ruleId: 'repeated-word'}],
  EN_A_VS_AN: [{ruleId: 'indefinite-article'}],
  DT_DT: [{ruleId: 'word-collision'}],
  IT_IS: [{ruleId: 'confusables', words: itsItIs}],
  ITS_TO_IT_S: [{ruleId: 'confusables', words: itsItIs}],
  ITS_JJ_NNSNN: [{ruleId: 'confusables', words: itsItIs}],
  THERE_THEIR: [{ruleId: 'confusables', words: theirThere}],
  THEYRE_THEIR: [{ruleId: 'confusables', words: theirThere}],
  YOUR_YOU_RE: [{ruleId: 'confusables', words: ['your', "you're"]}],
  WHOS: [{ruleId: 'confusables', words: ['whose', "who's"]}],
  THAN_THEN: [{ruleId: 'confusables', words: ['than', 'then']}],
  CONFUSION_OF_THEN_THAN: [{ruleId: 'confusables', words: ['than', 'then']}],
  TO_TOO: [{ruleId: 'confusables', words: ['to', 'too']}]
}

/** The LanguageTool rule ids (`languageToolEquivalents`) that cover a copydesk message. */
export function languageToolIdsOf(message: Pick<ResultMessage, 'ruleId' | 'actual' | 'expected'>): string[] {
  const actual = (message.actual ?? '').toLowerCase().replace(/[’‘]/g, "'")
  const ids: string[] = []
  for (const [id, targets] of Object.entries(languageToolEquivalents)) {
    if (targets.some((target) => target.ruleId === message.ruleId && (!target.words || target.words.includes(actual)))) ids.push(id)
  }
  return ids
}

/**
 * Which matches a request wants, from LanguageTool's parameters. Rule ids may
 * be LanguageTool-style (`COPYDESK_REPEATED_WORD`), copydesk's
 * (`repeated-word`) or LanguageTool's own with a copydesk equivalent
 * (`MORFOLOGIK_RULE_EN_US`, `languageToolEquivalents`); categories are ids
 * such as `TYPOS` or `STYLE`.
 */
export interface MatchFilter {
  /** Leave these rules out (`disabledRules`). */
  disabledRules?: ReadonlyArray<string>
  /** Rules to include; with `enabledOnly`, the only ones (`enabledRules`). */
  enabledRules?: ReadonlyArray<string>
  /** Leave these categories out (`disabledCategories`). */
  disabledCategories?: ReadonlyArray<string>
  /** Categories to include; with `enabledOnly`, the only ones (`enabledCategories`). */
  enabledCategories?: ReadonlyArray<string>
  /** Only the enabled rules and categories (`enabledOnly=true`). */
  enabledOnly?: boolean
  /** `picky` adds suggestion-level findings, which are left out by default (`level`). */
  level?: 'default' | 'picky'
}

/** Options for `toLanguageTool`. */
export interface ToLanguageToolOptions extends MatchFilter {
  dialect: Dialect
  version: string
  complete: boolean
  /** Whether the language was `auto` (copydesk answers with its dialect, and says it detected nothing). */
  auto?: boolean
  /**
   * The server's address (`http://127.0.0.1:8081`): a message's server-relative
   * `url` (`/docs/checks/spelling`) becomes absolute with it, as LanguageTool
   * clients open `rule.urls` in a browser (default: left as it is).
   */
  baseUrl?: string
}

/** `/docs/checks/spelling` on `http://host` → `http://host/docs/checks/spelling`; absolute URLs stay. */
function absolute(url: string, base: string | undefined): string {
  if (!base || !url.startsWith('/') || url.startsWith('//')) return url
  return base.replace(/\/+$/, '') + url
}

/** Turn copydesk messages on `annotated.plain` into a LanguageTool response. */
export function toLanguageTool(
  messages: ReadonlyArray<ResultMessage>,
  annotated: Annotated,
  options: ToLanguageToolOptions
): LanguageToolResponse {
  const wanted = matchFilter(options)
  const language = languages.find((item) => item.longCode === options.dialect) ?? languages[0]
  const matches: LanguageToolMatch[] = []
  for (const message of messages) {
    if (message.offset === null) continue
    const id = ruleIdFor(message.ruleId)
    const {issueType, category, typeName} = classify(message.ruleId, message.severity)
    if (!wanted([id, (message.ruleId ?? '').toUpperCase(), ...languageToolIdsOf(message)], category.id, message.severity)) continue
    const start = message.offset
    const end = Math.max(message.endOffset ?? start, start)
    const offset = annotated.toOriginal(start)
    const length = end > start ? Math.max(0, annotated.toOriginalEnd(end) - offset) : 0
    const label = shortLabel(message.ruleId)
    matches.push({
      message: message.reason,
      shortMessage: label,
      replacements: (message.expected ?? []).slice(0, 5).map((value) => ({value})),
      offset,
      length,
      context: context(annotated.original, offset, length),
      sentence: sentence(annotated.plain, start, end),
      type: {typeName},
      rule: {
        id,
        description: label,
        issueType,
        category,
        ...(message.url ? {urls: [{value: absolute(message.url, options.baseUrl)}]} : {})
      },
      ignoreForIncompleteSentence: false,
      contextForSureMatch: 0,
      copydesk: {ruleId: message.ruleId, severity: message.severity}
    })
  }
  return {
    software: {name: 'copydesk', version: options.version, buildDate: '', apiVersion: 1, premium: false, status: ''},
    warnings: {incompleteResults: !options.complete},
    language: {
      name: language.name,
      code: language.longCode,
      // copydesk detects no language: for `auto` it says so with confidence 0.
      detectedLanguage: {name: language.name, code: language.longCode, confidence: options.auto ? 0 : 1}
    },
    matches
  }
}

function matchFilter(options: MatchFilter): (ids: ReadonlyArray<string>, category: string, severity: Level) => boolean {
  const set = (values: ReadonlyArray<string> | undefined) => new Set((values ?? []).map((value) => value.trim().toUpperCase()).filter(Boolean))
  const disabledRules = set(options.disabledRules)
  const enabledRules = set(options.enabledRules)
  const disabledCategories = set(options.disabledCategories)
  const enabledCategories = set(options.enabledCategories)
  return (ids, category, severity) => {
    if (ids.some((value) => disabledRules.has(value)) || disabledCategories.has(category)) return false
    const enabled = ids.some((value) => enabledRules.has(value)) || enabledCategories.has(category)
    if (options.enabledOnly) return enabled
    // Suggestions only for picky requests or a rule asked for by name.
    return severity !== 'suggestion' || options.level === 'picky' || enabled
  }
}

function shortLabel(ruleId: string | null): string {
  if (!ruleId) return 'Other'
  const words = ruleId.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const contextSize = 40

/** LanguageTool's context: up to 40 characters either side, `...` where cut, line breaks as spaces. */
function context(text: string, offset: number, length: number): {text: string; offset: number; length: number} {
  const from = Math.max(0, offset - contextSize)
  const to = Math.min(text.length, offset + length + contextSize)
  const before = from > 0 ? '...' : ''
  const after = to < text.length ? '...' : ''
  return {
    text: before + text.slice(from, to).replace(/[\r\n\t]/g, ' ') + after,
    offset: before.length + offset - from,
    length
  }
}

/** The sentence around `[start, end)`: from the last sentence end or blank line before it to the next one after. */
function sentence(text: string, start: number, end: number): string {
  let from = start
  while (from > 0) {
    const previous = text.charAt(from - 1)
    if (previous === '\n' && /\n\s*$/.test(text.slice(Math.max(0, from - 3), from - 1))) break
    if (/\s/.test(previous) && /[.!?]["”’)]*$/.test(text.slice(Math.max(0, from - 4), from - 1))) break
    from--
  }
  let to = Math.max(end, start)
  while (to < text.length) {
    const character = text.charAt(to)
    to++
    if (/[.!?]/.test(character) && (to >= text.length || /[\s"”’)]/.test(text.charAt(to)))) {
      while (to < text.length && /["”’)]/.test(text.charAt(to))) to++
      break
    }
    if (character === '\n' && text.charAt(to) === '\n') {
      to--
      break
    }
  }
  return text.slice(from, to).trim()
}
