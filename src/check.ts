/**
 * The one entry point: `check(input, options) → VFile`. Pure: it touches no
 * files, environment or network once its checker is made; rules and
 * dictionaries are loaded once per checker and reused.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {stringifyPosition} from 'unist-util-stringify-position'
import {markdownCuts, piecesOf, shiftPoint, type Piece} from './parse.js'
import type {Point} from 'unist'
import type {Processor} from 'unified'
import type {CheckOptions, Options, Settings} from './options.js'
import {normalizeOptions} from './options.js'
import {styleFor} from './preset.js'
import {loadMarkup, processorFor} from './formats.js'
import type {Style} from './house-style/compile.js'
import type {Format} from './types.js'
import type {HeadlineData} from './nlcst/scope.js'

/** A prepared checker: settings validated, rules compiled, dictionaries loaded on first use. */
export interface Checker {
  /** Check one story. The input is never changed. */
  check(input: string | VFile, options?: CheckOptions): Promise<VFile>
  /** The compiled house style in use. */
  readonly style: Style
  /** The validated settings. */
  readonly settings: Settings
}

/**
 * Make a checker with its own settings (dictionary additions, which checks
 * run, levels, dialect, a newsroom's rules). Make it once and reuse it.
 */
export function createChecker(options: Options = {}): Checker {
  const settings = normalizeOptions(options)
  const style = styleFor(options)
  const presetOptions: Options = {...options, style}
  const processors = new Map<Format, Processor<any, any, any, any, any>>()

  function processor(format: Format) {
    let value = processors.get(format)
    if (!value) {
      value = processorFor(format, presetOptions)
      processors.set(format, value)
    }
    return value
  }

  // Build the text processor now so a bad option or rules file fails here, not on first story.
  processor('text')

  return {
    style,
    settings,
    async check(input, checkOptions = {}) {
      const {format = 'text', headline} = checkOptions
      if (format !== 'text' && format !== 'markdown' && format !== 'html') {
        throw new TypeError(
          `copydesk: option \`format\` is ${JSON.stringify(format)}; accepted: 'text', 'markdown', 'html'`
        )
      }
      if (format !== 'text') await loadMarkup()
      const file = toFile(input)
      if (headline === true) (file.data as HeadlineData).headlineLines = 1
      const pieces = piecesFor(String(file.value), format)
      if (pieces) {
        await runSections(processor(format), file, pieces)
      } else {
        await run(processor(format), file)
      }
      if (typeof headline === 'string' && headline.trim() !== '') {
        const head = new VFile({value: headline, path: file.path})
        ;(head.data as HeadlineData).headline = true
        await run(processor('text'), head)
        for (const message of head.messages) {
          message.file = file.path || ''
          Object.assign(message, {data: {...(message as {data?: object}).data, field: 'headline'}})
          file.messages.push(message)
        }
      }
      file.messages.sort(compareMessages)
      return file
    }
  }
}

const checkers = new Map<string, Checker>()

/**
 * Check one story with copydesk's default checker (made on first call and
 * reused), or a cached checker for the given checker options.
 */
export async function check(input: string | VFile, options: Options & CheckOptions = {}): Promise<VFile> {
  const {format, headline, ...checkerOptions} = options
  const key = JSON.stringify(checkerOptions)
  let checker = checkers.get(key)
  if (!checker) {
    checker = createChecker(checkerOptions)
    // Keep a few configurations warm; a caller with many should use createChecker.
    if (checkers.size >= 16) checkers.delete(checkers.keys().next().value as string)
    checkers.set(key, checker)
  }
  return checker.check(input, {format, headline})
}

function toFile(input: string | VFile): VFile {
  if (typeof input === 'string') return new VFile({value: input})
  if (input instanceof VFile) return input
  if (input && typeof input === 'object' && 'value' in input) return new VFile(input as VFile)
  throw new TypeError(`copydesk: input must be a string or a VFile, got ${input === null ? 'null' : typeof input}`)
}

/**
 * A story copydesk cannot read at all (as opposed to a bad option, which is a
 * `TypeError`). `statusCode` 422 tells the HTTP face it is the story's fault.
 */
export class StoryError extends Error {
  override name = 'StoryError'
  readonly statusCode = 422
}

async function run(processor: Processor<any, any, any, any, any>, file: VFile): Promise<void> {
  let tree
  try {
    tree = processor.parse(file)
  } catch (error) {
    // The HTML and Markdown parsers recurse: markup nested thousands deep
    // overflows the stack. Say what is wrong instead of "Maximum call stack".
    if (error instanceof RangeError) {
      throw new StoryError(
        'copydesk: the story’s markup is nested too deeply to read (thousands of elements inside one another), which is usually broken CMS output. Fix the markup, or check the story as plain text (format `text`).'
      )
    }
    throw error
  }
  await processor.run(tree, file)
}

/**
 * Plain text longer than this is checked in sections cut at blank lines, so
 * memory stays bounded (an nlcst tree takes ~200 bytes a character) and time
 * linear. No real story is this long; story-wide checks (first reference of
 * an acronym, name consistency) then work within a section.
 */
export const sectionSize = 256 * 1024

/**
 * Markdown longer than this is checked in sections too, cut at blank lines
 * outside fenced code (src/parse.ts `markdownCuts`). Smaller than for text:
 * the mdast and hast trees are kept beside the nlcst tree while a section is
 * checked.
 */
export const markdownSectionSize = 64 * 1024

/**
 * The sections `value` is checked in, or `undefined` when it is checked whole.
 * A leading byte order mark is never handed to a parser (they disagree on
 * whether it counts): the story is checked from the character after it, and
 * places are shifted back, so columns on line 1 count the mark as text does.
 */
function piecesFor(value: string, format: Format): Piece[] | undefined {
  const bom = value.charCodeAt(0) === 0xfeff ? 1 : 0
  const size = format === 'text' ? sectionSize : format === 'markdown' ? markdownSectionSize : Number.POSITIVE_INFINITY
  if (bom === 0 && value.length <= size) return undefined
  const start = {line: 1, column: 1 + bom, offset: bom}
  const body = value.slice(bom)
  if (body.length <= size) return [{text: body, start}]
  const cut = format === 'markdown' ? markdownCuts : undefined
  const pieces = [...piecesOf(body, size, cut)]
  for (const piece of pieces) shiftPoint(piece.start, start)
  return pieces
}

async function runSections(processor: Processor<any, any, any, any, any>, file: VFile, pieces: Iterable<Piece>): Promise<void> {
  let first = true
  for (const piece of pieces) {
    const section = new VFile({value: piece.text, path: file.path})
    section.data = {...file.data}
    // Only the first section can hold the headline line.
    if (!first) delete (section.data as HeadlineData).headlineLines
    first = false
    await run(processor, section)
    // Checks a section skipped at the deadline count for the story (the count started from the story's).
    const skipped = (section.data as {copydeskSkipped?: number}).copydeskSkipped
    if (skipped !== undefined) (file.data as {copydeskSkipped?: number}).copydeskSkipped = skipped
    for (const message of section.messages) {
      shiftMessage(message, piece.start)
      message.file = file.path || ''
      file.messages.push(message)
    }
  }
}

function shiftMessage(message: VFileMessage, start: Required<Point>): void {
  const place = message.place
  const points = place ? ('start' in place ? [place.start, place.end] : [place]) : []
  for (const point of points) shiftPoint(point, start)
  if (points[0]) {
    message.line = points[0].line
    message.column = points[0].column
    message.name = stringifyPosition(place) || '1:1'
  }
}

function compareMessages(a: {line?: number; column?: number}, b: {line?: number; column?: number}): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
}
