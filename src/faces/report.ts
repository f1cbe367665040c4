/**
 * The CLI's readable report: one block per story, one line per finding —
 * where, how serious, the flagged text and its replacement, the reason, and
 * the check — then a total. Colour only when asked (on a TTY).
 *
 *     examples/story.txt
 *       4:21  warning  the the → the   Remove the repeated `the`   repeated-word
 *
 *     1 warning in 1 story
 */
import type {FileResult, ResultMessage} from '../result.js'

/** Options for `formatReport`. */
export interface ReportOptions {
  /** ANSI colours (default `false`). */
  color?: boolean
}

const widest = 32

/** Format checked stories as a readable report. */
export function formatReport(files: ReadonlyArray<FileResult>, options: ReportOptions = {}): string {
  const paint = painter(options.color === true)
  const blocks: string[] = []
  for (const file of files) {
    if (file.messages.length === 0) continue
    const rows = file.messages.map((message) => ({
      place: message.line === null ? '' : `${message.line}:${message.column ?? 1}`,
      severity: message.severity,
      change: change(message),
      message
    }))
    const placeWidth = Math.max(...rows.map((row) => row.place.length))
    const severityWidth = Math.max(...rows.map((row) => row.severity.length))
    const changeWidth = Math.min(widest, Math.max(...rows.map((row) => row.change.length)))
    const lines = [paint.underline(visible(file.path))]
    for (const row of rows) {
      const colour = row.severity === 'error' ? paint.red : row.severity === 'warning' ? paint.yellow : paint.blue
      lines.push(
        [
          '  ' + paint.dim(row.place.padStart(placeWidth)),
          colour(row.severity.padEnd(severityWidth)),
          // No column when no finding in the story has a change to show ("The story is empty").
          ...(changeWidth > 0 ? [row.change.padEnd(changeWidth)] : []),
          visible(row.message.reason),
          paint.dim(visible(row.message.ruleId ?? row.message.source ?? ''))
        ].join('  ').trimEnd()
      )
    }
    blocks.push(lines.join('\n'))
  }
  blocks.push(summary(files))
  return blocks.join('\n\n') + '\n'
}

/** `2 errors, 1 warning in 1 story`, or `No problems in 3 stories`. */
export function summary(files: ReadonlyArray<FileResult>): string {
  const totals = {error: 0, warning: 0, suggestion: 0}
  for (const file of files) {
    totals.error += file.counts.error
    totals.warning += file.counts.warning
    totals.suggestion += file.counts.suggestion
  }
  const stories = `${files.length} ${files.length === 1 ? 'story' : 'stories'}`
  const parts = (['error', 'warning', 'suggestion'] as const)
    .filter((level) => totals[level] > 0)
    .map((level) => `${totals[level]} ${level}${totals[level] === 1 ? '' : 's'}`)
  return parts.length === 0 ? `No problems in ${stories}` : `${parts.join(', ')} in ${stories}`
}

/** `the the → the`, `TK`, `importats → imports, importers`: the flagged text and what to write. */
function change(message: ResultMessage): string {
  const actual = message.actual === null ? '' : oneLine(message.actual)
  const expected = message.expected ?? []
  if (expected.length === 0) return actual
  const suggestion = expected.slice(0, 2).map(oneLine).join(', ') + (expected.length > 2 ? ', …' : '')
  return truncate(actual ? `${actual} → ${suggestion}` : `→ ${suggestion}`)
}

function oneLine(value: string): string {
  return truncate(visible(value.replace(/\s+/g, ' ')))
}

/**
 * Characters a terminal would act on instead of showing: C0 and C1 control
 * characters (ESC starts colour, cursor and title sequences; U+009B is a
 * one-character CSI), DEL, and the bidirectional overrides and isolates that
 * reorder the text around them. Line breaks and tabs are left to the caller.
 */
const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/**
 * `value` made safe to print on a terminal: each character in `unsafe`
 * shown as its escape (`\x1b`, `\u202e`), so a story, a rules file's
 * message or a file name can neither colour, move nor rewrite the report.
 */
export function visible(value: string): string {
  return value.replace(unsafe, (character) => {
    const code = character.charCodeAt(0)
    return code <= 0xff ? '\\x' + code.toString(16).padStart(2, '0') : '\\u' + code.toString(16).padStart(4, '0')
  })
}

/**
 * JSON for a terminal: `JSON.stringify` already escapes U+0000–U+001F;
 * this also escapes DEL, the C1 controls and the bidi controls, as `\u…`
 * escapes, so the data is the same once parsed.
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(unsafe, (character) => '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'))
}

function truncate(value: string): string {
  return value.length > widest ? value.slice(0, widest - 1) + '…' : value
}

interface Paint {
  red: (value: string) => string
  yellow: (value: string) => string
  blue: (value: string) => string
  dim: (value: string) => string
  underline: (value: string) => string
}

function painter(color: boolean): Paint {
  const code = (open: number, close: number) => (value: string) =>
    color && value ? `\u001B[${open}m${value}\u001B[${close}m` : value
  return {
    red: code(31, 39),
    yellow: code(33, 39),
    blue: code(34, 39),
    dim: code(2, 22),
    underline: code(4, 24)
  }
}
