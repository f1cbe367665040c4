/**
 * Safe fixes: the few findings a machine may apply without an editor.
 *
 * A message is fixed only when all of these hold:
 * - its check is in the safe list: `repeated-word` ("the the"),
 *   `indefinite-article` ("a earlier"), and house-form substitutions (rules
 *   files of kind `substitution`, such as `house-forms`);
 * - it offers exactly one replacement (`expected: ['the']`);
 * - the story still says what the check saw there (`actual`), so a stale or
 *   markup-spanning message never edits the wrong characters;
 * - it is not in quotation marks (AP does not alter quotations): neither
 *   marked `quoted` by the check nor inside a quotation found afresh;
 * - it is in the body (a headline message's offsets are in the headline);
 * - it overlaps no other fix.
 *
 * Every character outside the fixed spans is left as it was.
 */
import fs from 'node:fs'
import path from 'node:path'
import {randomBytes} from 'node:crypto'
import type {Point, Position} from 'unist'
import type {Style} from '../house-style/compile.js'
import type {Format} from '../types.js'
import {findQuotes, type QuoteRanges} from '../nlcst/quotes.js'
import {markupLoaded, nlcstFor} from '../input/formats.js'

/**
 * What `applyFixes` reads from a message: a VFile message or a `ResultMessage`.
 * Each field also takes `undefined`, as a VFile message's do, so
 * `applyFixes(text, file.messages)` compiles under `exactOptionalPropertyTypes`.
 */
export interface FixableMessage {
  ruleId?: string | null | undefined
  actual?: string | null | undefined
  expected?: ReadonlyArray<string> | null | undefined
  place?: Position | Point | null | undefined
  offset?: number | null | undefined
  endOffset?: number | null | undefined
  field?: string | undefined
  data?: unknown
}

/** One edit made: `text.slice(start, end)` of the original became `value`. */
export interface Edit {
  start: number
  end: number
  value: string
}

/** Options for `applyFixes`. */
export interface FixOptions {
  /** Checks whose messages may be fixed (default: `repeated-word`, `indefinite-article`, `house-forms`). */
  checks?: Iterable<string>
  /** Format of `text`, to find quotations in it (default `'text'`). */
  format?: Format
}

/** What `applyFixes` returns. */
export interface FixResult<Message> {
  /** The story with the fixes applied. */
  text: string
  /** The messages that were fixed, in story order. */
  applied: Message[]
  /** The edits, in story order, with offsets in the original text. */
  edits: Edit[]
}

/** The checks whose single-replacement findings are safe to apply. */
export const defaultFixableChecks: ReadonlyArray<string> = ['repeated-word', 'indefinite-article', 'house-forms']

/** The safe checks for a loaded house style: the code ones plus every `substitution` rules file. */
export function fixableChecks(style: Style): string[] {
  return [
    'repeated-word',
    'indefinite-article',
    ...style.files.filter((file) => file.kind === 'substitution').map((file) => file.ruleId)
  ]
}

/**
 * Apply the safe fixes among `messages` to `text`. Pure: returns the new
 * text, the messages it fixed and the edits; changes nothing else.
 */
export function applyFixes<Message extends FixableMessage>(
  text: string,
  messages: ReadonlyArray<Message>,
  options: FixOptions = {}
): FixResult<Message> {
  const checks = new Set(options.checks ?? defaultFixableChecks)
  let candidates: Array<Edit & {message: Message}> = []
  for (const message of messages) {
    const edit = editFor(text, message, checks)
    if (edit) candidates.push({...edit, message})
  }
  if (candidates.length === 0) return {text, applied: [], edits: []}

  // "…said “the the …”": quotations found afresh, whatever the check marked.
  const quotes = findQuotes(quoteTree(text, options.format ?? 'text'))
  candidates = candidates.filter((edit) => !inQuotes(quotes, edit.start, edit.end))

  candidates.sort((a, b) => a.start - b.start || a.end - b.end)
  // Two checks fixing the same span the same way is one fix; any other overlap is none.
  const unique = candidates.filter((edit, index) => !candidates.slice(0, index).some((other) => same(other, edit)))
  const kept = unique.filter((edit) => !unique.some((other) => other !== edit && other.start < edit.end && edit.start < other.end))

  let result = ''
  let last = 0
  for (const edit of kept) {
    result += text.slice(last, edit.start) + edit.value
    last = edit.end
  }
  result += text.slice(last)
  return {
    text: result,
    applied: kept.map((edit) => edit.message),
    edits: kept.map(({start, end, value}) => ({start, end, value}))
  }
}

function editFor(text: string, message: FixableMessage, checks: ReadonlySet<string>): Edit | undefined {
  if (!message.ruleId || !checks.has(message.ruleId)) return undefined
  const data = (message.data ?? {}) as {quoted?: boolean; field?: string}
  if (data.quoted) return undefined
  if ((message.field ?? data.field) === 'headline') return undefined
  const expected = message.expected
  if (!expected || expected.length !== 1 || typeof expected[0] !== 'string') return undefined
  const {start, end} = offsets(message)
  if (start === undefined || end === undefined || end <= start || end > text.length) return undefined
  const actual = text.slice(start, end)
  if (typeof message.actual === 'string' && message.actual !== actual) return undefined
  if (actual === expected[0]) return undefined
  return {start, end, value: expected[0]}
}

function offsets(message: FixableMessage): {start?: number; end?: number} {
  if (typeof message.offset === 'number' && typeof message.endOffset === 'number') {
    return {start: message.offset, end: message.endOffset}
  }
  const place = message.place
  if (place && 'start' in place) return {start: place.start.offset, end: place.end.offset}
  return {}
}

function same(a: Edit, b: Edit): boolean {
  return a.start === b.start && a.end === b.end && a.value === b.value
}

/**
 * The tree quotations are found in: the story as the checks read it; or,
 * before any Markdown or HTML story was checked in this process (their
 * parsers load on first use, and `applyFixes` cannot wait), the source read
 * as text of the same length ({@link sourceAsText}). Either way a fix inside
 * a quotation is never made.
 */
function quoteTree(text: string, format: Format) {
  if (format === 'text' || markupLoaded()) return nlcstFor(text, format)
  return nlcstFor(sourceAsText(text, format), 'text')
}

const quoteEntities: Record<string, string> = {quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', bdquo: '„', sbquo: '‚', laquo: '«', raquo: '»'}

/**
 * Markdown or HTML `text` as plain text of the same length, for finding
 * quotations: Markdown as it is (its quotation marks are its characters; a
 * mark in code only adds a quotation, so a fix is left undone, never made
 * wrongly); HTML with tags and comments as spaces and character references
 * as the character they stand for padded with spaces, on the side away from
 * the word it touches (`&ldquo;the` → `      “the`).
 */
export function sourceAsText(text: string, format: 'markdown' | 'html'): string {
  if (format === 'markdown') return text
  const blank = (match: string) => match.replace(/[^\n\r]/g, ' ')
  return text
    .replace(/<!--[\s\S]*?(?:-->|$)|<[A-Za-z/!?][^>]*>?/g, blank)
    .replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z]{2,8}));?/g, (match, decimal: string | undefined, hex: string | undefined, name: string | undefined, at: number) => {
      const code = decimal ? Number(decimal) : hex ? Number.parseInt(hex, 16) : undefined
      const character = code !== undefined ? (code > 0 && code <= 0xffff ? String.fromCharCode(code) : '') : (quoteEntities[name!] ?? '')
      if (!/^["'“”‘’„‚«»]$/.test(character)) return ' '.repeat(match.length)
      const pad = ' '.repeat(match.length - 1)
      // An opening mark touches the word after it; a closing one the word before.
      return /[\p{L}\p{N}]/u.test(text.charAt(at + match.length)) ? pad + character : character + pad
    })
}

function inQuotes(quotes: QuoteRanges, start: number, end: number): boolean {
  return quotes.some(([from, to]) => start < to && end > from)
}

/**
 * A unified diff of `edits` on `text` (as from `applyFixes`), with three
 * lines of context, for `copydesk --fix --dry-run`.
 */
export function formatDiff(path: string, text: string, edits: ReadonlyArray<Edit>, context = 3): string {
  if (edits.length === 0) return ''
  const lines = text.split('\n')
  const endsWithNewline = text.endsWith('\n')
  if (endsWithNewline) lines.pop()
  const lineStarts: number[] = []
  let offset = 0
  for (const line of lines) {
    lineStarts.push(offset)
    offset += line.length + 1
  }
  const lineOf = (at: number) => {
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (lineStarts[middle] <= at) low = middle
      else high = middle - 1
    }
    return low
  }

  // Changed blocks: runs of lines touched by edits, with their new lines.
  interface Block {
    from: number
    to: number
    edits: Edit[]
    after: string[]
  }
  const blocks: Block[] = []
  for (const edit of edits) {
    const from = lineOf(edit.start)
    const to = lineOf(Math.max(edit.start, edit.end - 1))
    const block = blocks[blocks.length - 1]
    if (block && from <= block.to) {
      block.to = Math.max(block.to, to)
      block.edits.push(edit)
    } else {
      blocks.push({from, to, edits: [edit], after: []})
    }
  }
  for (const block of blocks) {
    const base = lineStarts[block.from]
    let value = lines.slice(block.from, block.to + 1).join('\n')
    for (const edit of [...block.edits].reverse()) {
      value = value.slice(0, edit.start - base) + edit.value + value.slice(edit.end - base)
    }
    block.after = value.split('\n')
  }

  let output = `--- a/${path}\n+++ b/${path}\n`
  let delta = 0
  let index = 0
  while (index < blocks.length) {
    // Blocks whose context would touch go in one hunk.
    let last = index
    while (last + 1 < blocks.length && blocks[last + 1].from - blocks[last].to - 1 <= 2 * context) last++
    const start = Math.max(0, blocks[index].from - context)
    const end = Math.min(lines.length - 1, blocks[last].to + context)
    const body: string[] = []
    let oldCount = 0
    let newCount = 0
    let hunkDelta = 0
    let line = start
    for (let at = index; at <= last; at++) {
      const block = blocks[at]
      for (; line < block.from; line++, oldCount++, newCount++) body.push(' ' + lines[line])
      for (; line <= block.to; line++, oldCount++) body.push('-' + lines[line] + noNewline(line))
      for (const [position, value] of block.after.entries()) {
        body.push('+' + value + (position === block.after.length - 1 ? noNewline(block.to) : ''))
        newCount++
      }
      hunkDelta += block.after.length - (block.to - block.from + 1)
    }
    for (; line <= end; line++, oldCount++, newCount++) body.push(' ' + lines[line] + noNewline(line))
    output += `@@ -${start + 1},${oldCount} +${start + 1 + delta},${newCount} @@\n${body.join('\n')}\n`
    delta += hunkDelta
    index = last + 1
  }
  return output

  function noNewline(line: number): string {
    return line === lines.length - 1 && !endsWithNewline ? '\n\\ No newline at end of file' : ''
  }
}

/**
 * Why a fixed story was not saved. Its `message` completes "<path>: could not
 * save the fixes (…)"; the story on disk is as it was.
 */
export class SaveError extends Error {
  override name = 'SaveError'
  /** `true` when the story changed on disk after it was read (the other writer's copy is kept). */
  changed = false
}

/** Options for `saveFixed`. */
export interface SaveOptions {
  /** Called after the fixed copy is written and synced, just before the story is compared and replaced (tests make a concurrent edit here). */
  beforeReplace?: (file: string) => void
}

/**
 * Save a fixed story over `file` without ever losing copy: the new bytes go
 * to a temporary file in the same folder (same file system, so the rename is
 * atomic), every byte is checked written and synced, the story is read again
 * and compared with `original` (the bytes that were checked and fixed), and
 * only then is the temporary file renamed over it, with the story's mode.
 * A full disk (ENOSPC), a file-size limit (EFBIG), a short write or a story
 * changed since it was read throws `SaveError` and leaves the story as it
 * was; the temporary file is removed. A link is followed: the file it points
 * to is replaced, the link stays.
 */
export function saveFixed(file: string, original: Uint8Array, bytes: Uint8Array, options: SaveOptions = {}): void {
  let target: string
  let mode: number
  try {
    target = fs.realpathSync(file)
    mode = fs.statSync(target).mode & 0o7777
  } catch (error) {
    throw new SaveError(saveProblem(error))
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.copydesk-${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  let fd: number | undefined
  let renamed = false
  try {
    fd = fs.openSync(temporary, 'wx', 0o600)
    let written = 0
    while (written < bytes.length) {
      const count = fs.writeSync(fd, bytes, written, bytes.length - written)
      // A write that makes no progress would loop forever: report it as the short write it is.
      if (!(count > 0)) throw new SaveError(`only ${written} of ${bytes.length} bytes could be written`)
      written += count
    }
    fs.fchmodSync(fd, mode)
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fd = undefined
    if (fs.statSync(temporary).size !== bytes.length) throw new SaveError(`the saved copy is not ${bytes.length} bytes long`)
    options.beforeReplace?.(target)
    // Someone saved the story while copydesk was checking it: their words win.
    if (!Buffer.from(fs.readFileSync(target)).equals(Buffer.from(original))) {
      const changed = new SaveError('it changed on disk while copydesk was checking it')
      changed.changed = true
      throw changed
    }
    fs.renameSync(temporary, target)
    renamed = true
    syncFolder(path.dirname(target))
  } catch (error) {
    if (error instanceof SaveError) throw error
    throw new SaveError(saveProblem(error))
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd)
      } catch {}
    }
    if (!renamed) {
      try {
        fs.unlinkSync(temporary)
      } catch {}
    }
  }
}

/** Make the rename durable; a folder that cannot be opened or synced (some file systems) is left to the OS. */
function syncFolder(folder: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(folder, 'r')
    fs.fsyncSync(fd)
  } catch {
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

function saveProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full'
  if (code === 'EFBIG') return 'the file is larger than this process may write (a file-size limit)'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EROFS') return 'the disk is read-only'
  if (code === 'ENOENT') return 'the story is no longer there'
  return (error as Error)?.message ?? String(error)
}
