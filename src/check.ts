/**
 * The one entry point: `check(input, options) → VFile`. Pure: it touches no
 * files, environment or network once its checker is made; rules and
 * dictionaries are loaded once per checker and reused.
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {stringifyPosition} from 'unist-util-stringify-position'
import {piecesOf, shiftPoint} from './parse.js'
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
      if (format === 'text' && String(file.value).length > sectionSize) {
        await runSections(processor(format), file)
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

async function runSections(processor: Processor<any, any, any, any, any>, file: VFile): Promise<void> {
  for (const piece of piecesOf(String(file.value), sectionSize)) {
    const section = new VFile({value: piece.text, path: file.path})
    section.data = {...file.data}
    // Only the first section can hold the headline line.
    if (piece.start.offset > 0) delete (section.data as HeadlineData).headlineLines
    await run(processor, section)
    for (const message of section.messages) {
      // A blank section of a long story is not an empty story.
      if (message.ruleId === 'empty-story' && (piece.start.offset > 0 || /\S/.test(String(file.value)))) continue
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
