/**
 * LanguageTool's HTTP API shape (`POST /v2/check`), so editors and plugins
 * that speak LanguageTool (browser add-ons, LTeX, CMS integrations) can use
 * copydesk as their server. Offsets and lengths are in UTF-16 code units of
 * the text as sent — for `data`, of the markup and text together, as
 * LanguageTool does.
 */
import type {ResultMessage} from './result.js'
import type {Dialect} from './types.js'
import {codeChecks} from './types.js'

/** The text to check and how to map its offsets back to what was sent. */
export interface Annotated {
  /** What was sent: markup and text together. */
  original: string
  /** What is checked: the text, with markup replaced by its `interpretAs` (default: nothing). */
  plain: string
  /** Offset in `plain` → offset in `original`. */
  toOriginal(offset: number): number
}

/** A request's `data` parameter was not LanguageTool annotation JSON. */
export class AnnotationError extends Error {
  override name = 'AnnotationError'
}

/** Plain `text`: checked as sent. */
export function fromText(text: string): Annotated {
  return {original: text, plain: text, toOriginal: (offset) => offset}
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
  // Runs of plain text: [plainStart, originalStart, length].
  const runs: Array<[number, number, number]> = []
  for (const [index, item] of items.entries()) {
    const {text, markup, interpretAs} = (item ?? {}) as {text?: unknown; markup?: unknown; interpretAs?: unknown}
    if (typeof text === 'string' && markup === undefined) {
      runs.push([plain.length, original.length, text.length])
      plain += text
      original += text
    } else if (typeof markup === 'string' && text === undefined) {
      if (interpretAs !== undefined && typeof interpretAs !== 'string') {
        throw new AnnotationError(`Parameter 'data': annotation[${index}].interpretAs must be a string`)
      }
      // Characters standing in for markup map to where the markup starts.
      if (interpretAs) runs.push([plain.length, original.length, 0])
      plain += interpretAs ?? ''
      original += markup
    } else {
      throw new AnnotationError(`Parameter 'data': annotation[${index}] must have either "text" or "markup" (a string)`)
    }
  }
  return {
    original,
    plain,
    toOriginal(offset) {
      let low = 0
      let high = runs.length - 1
      let found: [number, number, number] | undefined
      while (low <= high) {
        const middle = (low + high) >> 1
        if (runs[middle][0] <= offset) {
          found = runs[middle]
          low = middle + 1
        } else {
          high = middle - 1
        }
      }
      if (!found) return 0
      return found[1] + Math.min(offset - found[0], found[2])
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
}

/** Names and codes of the languages copydesk checks. */
export const languages: ReadonlyArray<{name: string; code: string; longCode: Dialect}> = [
  {name: 'English (US)', code: 'en', longCode: 'en-US'},
  {name: 'English (GB)', code: 'en', longCode: 'en-GB'}
]

/**
 * The dialect for a LanguageTool `language` value: `en-GB` (and `en-UK`) is
 * British; `en`, `en-US`, other English variants and `auto` are American.
 * Anything else is `undefined`: copydesk checks English only.
 */
export function dialectFor(language: string | undefined): Dialect | undefined {
  const code = (language ?? 'auto').trim().toLowerCase()
  if (code === 'en-gb' || code === 'en-uk') return 'en-GB'
  if (code === 'auto' || code === 'en' || code.startsWith('en-')) return 'en-US'
  return undefined
}

// Spelling and its kin are misspellings; the code checks that are neither
// are grammar; every rules file (titles, leftovers, house forms …) is house style.
const spellingChecks = new Set(['spelling', 'dialect', 'name-consistency'])
const codeCheckNames = new Set(Object.keys(codeChecks))

/** LanguageTool's issue type, category and match type for a copydesk check. */
export function classify(ruleId: string | null): {issueType: string; category: {id: string; name: string}; typeName: string} {
  if (ruleId && spellingChecks.has(ruleId)) {
    return {issueType: 'misspelling', category: {id: 'TYPOS', name: 'Possible Typo'}, typeName: 'UnknownWord'}
  }
  if (!ruleId || codeCheckNames.has(ruleId) || ruleId === 'control-comment') {
    return {issueType: 'grammar', category: {id: 'GRAMMAR', name: 'Grammar'}, typeName: 'Other'}
  }
  return {issueType: 'style', category: {id: 'STYLE', name: 'Style'}, typeName: 'Hint'}
}

/** LanguageTool-style rule id: `repeated-word` → `COPYDESK_REPEATED_WORD`. */
export function ruleIdFor(ruleId: string | null): string {
  return 'COPYDESK_' + (ruleId ?? 'other').toUpperCase().replace(/[^A-Z\d]+/g, '_')
}

/** Options for `toLanguageTool`. */
export interface ToLanguageToolOptions {
  dialect: Dialect
  version: string
  complete: boolean
  /** Rule ids (LanguageTool-style or copydesk's) whose matches to leave out. */
  disabledRules?: ReadonlyArray<string>
}

/** Turn copydesk messages on `annotated.plain` into a LanguageTool response. */
export function toLanguageTool(
  messages: ReadonlyArray<ResultMessage>,
  annotated: Annotated,
  options: ToLanguageToolOptions
): LanguageToolResponse {
  const disabled = new Set(options.disabledRules ?? [])
  const language = languages.find((item) => item.longCode === options.dialect) ?? languages[0]
  const matches: LanguageToolMatch[] = []
  for (const message of messages) {
    if (message.offset === null) continue
    const id = ruleIdFor(message.ruleId)
    if (disabled.has(id) || (message.ruleId !== null && disabled.has(message.ruleId))) continue
    const start = message.offset
    const end = Math.max(message.endOffset ?? start, start)
    const offset = annotated.toOriginal(start)
    const length = end > start ? annotated.toOriginal(end - 1) + 1 - offset : 0
    const {issueType, category, typeName} = classify(message.ruleId)
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
        ...(message.url ? {urls: [{value: message.url}]} : {})
      },
      ignoreForIncompleteSentence: false,
      contextForSureMatch: 0
    })
  }
  return {
    software: {name: 'copydesk', version: options.version, buildDate: '', apiVersion: 1, premium: false, status: ''},
    warnings: {incompleteResults: !options.complete},
    language: {
      name: language.name,
      code: language.longCode,
      detectedLanguage: {name: language.name, code: language.longCode, confidence: 1}
    },
    matches
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
