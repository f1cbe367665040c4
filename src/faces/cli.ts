/**
 * The `copydesk` command: unified-engine configured for news stories.
 *
 * unified-engine finds the stories (files, folders, globs, or standard
 * input), honours `.copydeskignore`, and runs one plugin per story; that
 * plugin looks up the story's settings (src/faces/config.ts) and calls `check()`.
 * The CLI never echoes a story back (`out: false`, no output files): it
 * prints a report, and with `--fix` rewrites only the fixed spans.
 *
 * copydesk finds the files itself (src/faces/find.ts: each real folder once, so a
 * link loop cannot make the walk endless) and reads their bytes itself
 * (src/faces/read.ts: UTF-16 with a byte-order mark, Latin-1 written back as
 * Latin-1; FIFOs and devices refused without blocking).
 *
 * Exit codes: 0 every story checked and nothing at error level (with
 * `--strict`: nor warning), 1 something was, 2 the command could not run or
 * a story could not be checked (usage, settings, rules files, unreadable
 * stories, a fix that could not be saved) — one plain line each, no stack
 * trace, after the report of the stories that were checked. See docs/cli.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {unified, type Processor} from 'unified'
import {engine, type Context} from 'unified-engine'
import {Readable} from 'node:stream'
import {VFile} from 'vfile'
import {createChecker, type Checker} from '../check.js'
import {ConfigError, ConfigFinder, loadConfigFile, type FoundConfig} from './config.js'
import {ciFormats, formatCi, type CiFormat} from './ci-report.js'
import type {Options} from '../options.js'
import {applyFixes, fixableChecks, formatDiff, saveFixed, SaveError} from './fix.js'
import {findStories} from './find.js'
import {decodeStory, encodeStory, encodingName, readStory, ReadError, type Encoding} from './read.js'
import {formatReport, safeJson, visible} from './report.js'
import {toFileResult, type FileResult} from '../result.js'
import type {Format} from '../types.js'
import {formats} from '../types.js'
import {version} from '../version.js'

const help = `copydesk: checks a news story before it is published.

Usage
  copydesk story.txt            check a story (.txt, .md, .html)
  copydesk stories/             check every story in a folder
  pbpaste | copydesk            check copied text (or: copydesk -)
  copydesk --fix story.txt      apply the safe fixes and save the story (- : fixed story to stdout)
  copydesk serve                start the checker for a CMS (HTTP)
  copydesk words add Kotek --by "J. Editor"   add to the desk dictionary (also: remove, list, log)

Options
  --format json                 findings as JSON; also sarif, checkstyle, junit, github
  --format-in text|markdown|html   how to read the story (default: from its name)
  -o, --output FILE             write the report to FILE
  --config FILE, --ignore-path FILE   instead of .copydeskrc and .copydeskignore
  --stdin-filename NAME         standard input's story goes by NAME (its format, settings)
  --dialect en-US|en-GB, --rule ID=off|suggestion|warning|error   over the settings
  --headline                    the first line is the headline (AP headline style: US, not U.S.)
  --quiet, --strict, --max-warnings N   errors only; warnings fail; more than N fail
  --color, --no-color           (default: on a terminal; NO_COLOR, FORCE_COLOR)
  --fix, --dry-run              fix doubled words, a/an and house forms; show the changes only
  --port 8080, --host 127.0.0.1, --cors ORIGIN    with serve
  --workers N, --token T (or COPYDESK_TOKEN), --log-level info    with serve
  --no-floor, --allow-error-dismissal   with serve: let a story switch off the TK checks; let a named editor dismiss a TK
  -h, --help, -v, --version

Exit code: 0 ready to publish, 1 errors to fix, 2 copydesk could not run or check every story.
Settings: .copydeskrc next to the stories (docs/configuration.md). Every option: docs/cli.md.
`

/** Where the CLI reads and writes; `process`'s streams by default. */
export interface Io {
  stdin: NodeJS.ReadableStream & {isTTY?: boolean}
  stdout: NodeJS.WritableStream & {isTTY?: boolean}
  stderr: NodeJS.WritableStream
  cwd: string
  env: NodeJS.ProcessEnv
  /** For tests: called with a story's path after its fixed copy is written, just before it is compared and replaced. */
  beforeSave?: (file: string) => void
}

class UsageError extends Error {}

/** Run the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`copydesk: ${visible(error.message)}\n`)
      return 2
    }
    // A bug, not the user's fault: say so plainly, with the stack only on request.
    io.stderr.write(`copydesk: something went wrong: ${visible((error as Error)?.message ?? String(error))}\n`)
    if (io.env.COPYDESK_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`)
    return 2
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  // The desk dictionary (docs/desk.md): its own options, so before the story options are read.
  if (argv[0] === 'words') return (await import('../desk/cli.js')).wordsCommand(argv.slice(1), io)
  const {values, positionals} = parseArguments(argv)
  if (values.help) {
    io.stdout.write(help)
    return 0
  }
  if (values.version) {
    io.stdout.write(version + '\n')
    return 0
  }
  if (positionals[0] === 'serve') return serve(positionals.slice(1), values, io)
  for (const name of ['port', 'host', 'cors', 'workers', 'token', 'log-level', 'no-floor', 'allow-error-dismissal'] as const) {
    if (values[name] !== undefined) throw new UsageError(`--${name} goes with \`copydesk serve\``)
  }

  const output = values.format ?? 'report'
  if (output !== 'report' && output !== 'json' && !ciFormats.includes(output as CiFormat)) {
    throw new UsageError(`--format is ${JSON.stringify(output)}; use json, ${ciFormats.join(', ')} (or leave it out for the report)`)
  }
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings'])
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0 && /^\d+$/.test(values['max-warnings']!))) {
    throw new UsageError(`--max-warnings is ${JSON.stringify(values['max-warnings'])}; use a number of warnings such as 0`)
  }
  const formatIn = values['format-in']
  if (formatIn !== undefined && !formats.includes(formatIn as Format)) {
    throw new UsageError(`--format-in is ${JSON.stringify(formatIn)}; use text, markdown or html`)
  }
  const dryRun = values['dry-run'] === true
  const fix = values.fix === true || dryRun
  // `-` is standard input, as with no path at all.
  const stdinNamed = positionals.includes('-')
  if (stdinNamed && positionals.length > 1) throw new UsageError('`-` reads the story from standard input; give it alone, without files')
  const paths = stdinNamed ? [] : positionals
  if (paths.length === 0 && io.stdin.isTTY && !stdinNamed) {
    throw new UsageError('give a story to check: `copydesk story.txt`, or pipe one in: `pbpaste | copydesk`. See `copydesk --help`.')
  }
  if (paths.length > 0 && values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename names standard input\'s story; give no files with it')
  // --fix on standard input is a filter: the fixed story on standard output, the report beside it.
  const fixStdin = paths.length === 0 && fix && !dryRun
  if (values.color && values['no-color']) throw new UsageError('give --color or --no-color, not both')
  const color = values.color ? true : values['no-color'] ? false : values.output === undefined ? useColor(io) : io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0' && !io.env.NO_COLOR

  const problems = new Map<VFile, string>()
  const settings: FaceSettings = {
    format: formatIn as Format | undefined,
    headline: values.headline === true,
    finder: new ConfigFinder(configFile(values.config)),
    overrides: overrides(values),
    checkers: new Map(),
    problems,
    cwd: io.cwd
  }
  // Stories not checked, one line each; any of them makes the exit code 2 (fail closed).
  const notes: string[] = []
  // Entries passed over that leave no story unchecked (a link back to a folder already walked).
  const asides: string[] = []
  let given: Array<VFile> | undefined
  let named = new Set<string>()
  let stdin: NodeJS.ReadableStream = io.stdin
  let stdinEncoding: Encoding = 'utf-8'
  if (paths.length > 0) {
    const found = await findStories(paths, io.cwd, extensions)
    named = found.named
    for (const skip of found.skipped) (skip.story ? notes : asides).push(`${shownPath(skip.path, io.cwd)}: ${skip.reason}`)
    // Handed over with an empty value so the engine neither stats nor reads them: `face` reads the bytes.
    given = found.files.map((file) => new VFile({path: file, value: '', data: {copydeskRead: true}}))
    if (given.length === 0 && notes.length === 0) {
      throw new UsageError(`no stories found in ${paths.map((item) => `\`${item}\``).join(', ')} (copydesk reads .txt, .md, .markdown, .html and .htm files)`)
    }
  } else {
    // Standard input is decoded like a file (UTF-16 with a byte-order mark, Latin-1).
    const chunks: Buffer[] = []
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array))
    let text = ''
    try {
      const decoded = decodeStory(Buffer.concat(chunks))
      text = decoded.text
      stdinEncoding = decoded.encoding
      if (decoded.encoding !== 'utf-8') asides.push(`${values['stdin-filename'] ?? '<stdin>'}: read as ${encodingName(decoded.encoding)}`)
    } catch (error) {
      if (!(error instanceof ReadError)) throw error
      io.stderr.write(`copydesk: <stdin> ${error.message}\n`)
      return 2
    }
    stdin = Readable.from([text])
  }

  const context = given?.length === 0 ? {files: []} : await runEngine(given ?? [], stdin, settings, io, {ignorePath: values['ignore-path'], filePath: values['stdin-filename']})
  const files = context.files.filter((file) => {
    if (!file.data.unifiedEngineGiven || file.data.unifiedEngineIgnored) return false
    // A story found in a folder or by a glob and listed in .copydeskignore is left out quietly.
    return !(isIgnored(file) && !named.has(path.resolve(file.cwd, file.path)))
  })

  const results: FileResult[] = []
  for (const file of files) {
    const data = file.data as FaceData
    const problem = problems.get(file) ?? engineProblem(file)
    const checked = data.copydeskChecked
    if (problem || !checked) {
      // The same broken settings file fails every story under it: say it once.
      const line = problem ?? `${file.path || '<stdin>'}: was not checked`
      if (!notes.includes(line)) notes.push(line)
      continue
    }
    const name = file.path ? displayPath(file, io.cwd) : '<stdin>'
    if (data.copydeskEncoding && data.copydeskEncoding !== 'utf-8') asides.push(`${name}: read as ${encodingName(data.copydeskEncoding)}`)
    if (fix) {
      const text = String(checked.value)
      const fixed = applyFixes(text, checked.messages, {checks: data.copydeskFixable, format: data.copydeskFormat})
      if (fixStdin) {
        // The whole story, fixed or not, in the encoding it came in: a filter's output replaces its input.
        io.stdout.write(encodeStory(fixed.text, stdinEncoding))
        checked.messages = checked.messages.filter((message) => !fixed.applied.includes(message))
        if (fixed.applied.length > 0) io.stderr.write(visible(`Fixed ${fixed.applied.length} in ${name}: ${describeFixes(fixed.applied)}`) + '\n')
      } else if (fixed.applied.length > 0) {
        if (dryRun) {
          // Raw when piped (a patch must match the file); on a terminal, its control characters are shown, not obeyed.
          const diff = formatDiff(name, text, fixed.edits)
          io.stdout.write(io.stdout.isTTY ? diff.split('\n').map(visible).join('\n') : diff)
        } else {
          ignoreFileSizeSignal()
          try {
            // Written back in the encoding it was read in: every byte outside the fixed spans stays.
            // Atomically, and only over the very bytes that were checked (src/faces/fix.ts `saveFixed`).
            const bytes = encodeStory(fixed.text, data.copydeskEncoding ?? 'utf-8')
            saveFixed(path.resolve(file.cwd, file.path), data.copydeskBytes ?? encodeStory(text, data.copydeskEncoding ?? 'utf-8'), bytes, {beforeReplace: io.beforeSave})
            checked.messages = checked.messages.filter((message) => !fixed.applied.includes(message))
            io.stderr.write(visible(`Fixed ${fixed.applied.length} in ${name}: ${describeFixes(fixed.applied)}`) + '\n')
          } catch (error) {
            if (error instanceof SaveError && error.changed) {
              notes.push(`${name}: changed on disk while copydesk was checking it; the fixes were not saved and the story is as the other writer left it: check it again`)
            } else {
              const why = error instanceof SaveError || error instanceof ReadError ? error.message : cannotWrite(error as NodeJS.ErrnoException)
              notes.push(`${name}: could not save the fixes (${why}); the story is unchanged`)
            }
          }
        }
      }
    }
    results.push(toFileResult(checked, {path: name}))
  }

  const errors = results.reduce((sum, result) => sum + result.counts.error, 0)
  const warnings = results.reduce((sum, result) => sum + result.counts.warning, 0)
  const shown = values.quiet ? results.map(onlyErrors) : results
  const report =
    output === 'json'
      ? safeJson({files: shown}) + '\n'
      : output === 'report'
        ? formatReport(shown, {color})
        : formatCi(output as CiFormat, shown, {version})
  if (results.length > 0 || notes.length === 0) {
    if (values.output !== undefined) {
      const target = path.resolve(io.cwd, values.output)
      try {
        fs.writeFileSync(target, report)
      } catch (error) {
        throw new UsageError(`cannot write the report to ${values.output}: ${cannotWrite(error as NodeJS.ErrnoException)}`)
      }
    } else {
      // With --dry-run the diff owns standard output, and with --fix on standard input the story does; the report goes beside it.
      ;(dryRun || fixStdin ? io.stderr : io.stdout).write(report)
    }
  }

  for (const aside of asides) io.stderr.write(`copydesk: ${visible(aside)}\n`)
  if (notes.length > 0) {
    for (const note of notes) io.stderr.write(`copydesk: ${visible(note)}\n`)
    return 2
  }
  return errors > 0 || (values.strict && warnings > 0) || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0
}

/** `--config FILE`: its settings for every story, or `undefined` to look for them. */
function configFile(file: string | undefined): FoundConfig | undefined {
  if (file === undefined) return undefined
  try {
    return loadConfigFile(path.resolve(file))
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message)
    throw error
  }
}

const ruleLevels = ['off', 'suggestion', 'warning', 'error']

/** `--dialect` and `--rule ID=LEVEL`: laid over whatever settings file applies. */
function overrides(values: {dialect?: string; rule?: string[]}): Partial<Options> {
  const result: Partial<Options> = {}
  if (values.dialect !== undefined) result.dialect = values.dialect as Options['dialect'] & string
  if (values.rule !== undefined) {
    const checks: Record<string, string> = {}
    for (const item of values.rule) {
      const match = /^([^=\s]+)=([^=\s]+)$/.exec(item)
      if (!match || !ruleLevels.includes(match[2]!)) {
        throw new UsageError(`--rule is ${JSON.stringify(item)}; use ID=LEVEL with a level of ${ruleLevels.join(', ')}, such as --rule titles=off`)
      }
      checks[match[1]!] = match[2]!
    }
    result.checks = checks as Options['checks']
  }
  return result
}

/** Settings from a file with the command line's `--dialect` and `--rule` over them. */
function withOverrides(options: Options, extra: Partial<Options>): Options {
  if (extra.dialect === undefined && extra.checks === undefined) return options
  return {
    ...options,
    ...(extra.dialect === undefined ? {} : {dialect: extra.dialect}),
    ...(extra.checks === undefined ? {} : {checks: {...options.checks, ...extra.checks}})
  }
}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: {type: 'string'},
        'format-in': {type: 'string'},
        headline: {type: 'boolean'},
        quiet: {type: 'boolean'},
        strict: {type: 'boolean'},
        fix: {type: 'boolean'},
        'no-floor': {type: 'boolean'},
        'allow-error-dismissal': {type: 'boolean'},
        config: {type: 'string'},
        'ignore-path': {type: 'string'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        output: {type: 'string', short: 'o'},
        'stdin-filename': {type: 'string'},
        'max-warnings': {type: 'string'},
        dialect: {type: 'string'},
        rule: {type: 'string', multiple: true},
        'dry-run': {type: 'boolean'},
        port: {type: 'string'},
        host: {type: 'string'},
        cors: {type: 'string', multiple: true},
        workers: {type: 'string'},
        token: {type: 'string'},
        'log-level': {type: 'string'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    const message = (error as Error).message
    const unknown = /Unknown option '([^']+)'/.exec(message)
    if (unknown) throw new UsageError(`unknown option \`${unknown[1]}\`. See \`copydesk --help\`.`)
    throw new UsageError(`${message.split('.')[0]}. See \`copydesk --help\`.`)
  }
}

/** What the engine plugin shares with the CLI. */
interface FaceSettings {
  /** `--format-in`, else chosen by extension. */
  format?: Format
  /** `--headline`: the first line of each story is its headline. */
  headline: boolean
  finder: ConfigFinder
  /** `--dialect`, `--rule`: over each settings file's options. */
  overrides: Partial<Options>
  /** Checkers per settings file (`''`: none found), or why one could not be made. */
  checkers: Map<string, Checker | string>
  /** Stories that could not be checked, and why. */
  problems: Map<VFile, string>
  cwd: string
}

interface FaceData {
  /** The file is on disk and `face` reads its bytes (the engine was given an empty value). */
  copydeskRead?: boolean
  copydeskFormat?: Format
  copydeskFixable?: string[]
  /** How the story's bytes were decoded. */
  copydeskEncoding?: Encoding
  /** The story's bytes as read: `--fix` saves only over these very bytes. */
  copydeskBytes?: Uint8Array
  /**
   * The checked story, with copydesk's findings. They are kept off the
   * engine's own file: an error-level finding is a fatal VFile message, and
   * unified-engine's queue takes a file holding one (even mid-check) for a
   * failed file, flushes the others without it, and then never flushes it:
   * the run never ends (see `runEngine`).
   */
  copydeskChecked?: VFile
}

/**
 * The one plugin the engine runs per story. The story is parsed by `check()`
 * in its own format, so the engine's parser only hands over an empty tree.
 * Anything that goes wrong is recorded in `settings.problems`, never thrown:
 * the engine sees only stories that were checked.
 */
function face(this: Processor, settings: FaceSettings) {
  ;(this as unknown as {parser: () => unknown}).parser = () => ({type: 'root', children: []})
  return async function (_tree: unknown, file: VFile): Promise<undefined> {
    const data = file.data as FaceData
    const absolute = file.path ? path.resolve(file.cwd, file.path) : undefined
    const folder = absolute ? path.dirname(absolute) : settings.cwd
    try {
      const checker = checkerFor(settings.finder.find(folder), settings)
      if (typeof checker === 'string') {
        settings.problems.set(file, checker)
        return
      }
      let value = String(file.value ?? '')
      if (data.copydeskRead && absolute) {
        const decoded = await readStory(absolute)
        value = decoded.text
        data.copydeskEncoding = decoded.encoding
        data.copydeskBytes = decoded.bytes
      }
      const format = settings.format ?? formatOf(file.path)
      data.copydeskFormat = format
      data.copydeskFixable = fixableChecks(checker.style)
      const story = new VFile({value, path: file.path, cwd: file.cwd})
      await checker.check(story, {format, headline: settings.headline || undefined})
      data.copydeskChecked = story
    } catch (error) {
      settings.problems.set(file, storyProblem(file, error))
    }
    return undefined
  }
}

/** One line for a story that could not be checked. */
function storyProblem(file: VFile, error: unknown): string {
  const name = file.path ? displayPath(file, file.cwd) : '<stdin>'
  if (error instanceof ConfigError) return error.message
  if (error instanceof ReadError) return `${name} ${error.message}`
  const message = String((error as Error)?.message ?? error).replace(/^copydesk: /, '')
  // A story copydesk cannot read (StoryError) says so itself; anything else is a bug.
  return (error as Error)?.name === 'StoryError' ? `${name}: ${message}` : `${name}: something went wrong: ${message}`
}

function checkerFor(found: FoundConfig, settings: FaceSettings): Checker | string {
  const key = found.path ?? ''
  let value = settings.checkers.get(key)
  if (value === undefined) {
    try {
      value = createChecker(withOverrides(found.options, settings.overrides))
    } catch (error) {
      // A bad option value, an unknown check name, a broken rules file.
      const message = String((error as Error)?.message ?? error).replace(/^copydesk: /, '')
      const where = found.path ? path.relative(settings.cwd, found.path) || found.path : undefined
      value = where ? `${where}: ${message}` : message
    }
    settings.checkers.set(key, value)
  }
  return value
}

/**
 * Run unified-engine over `files` (or over `stdin` when there are none).
 *
 * `face` keeps copydesk's findings off the engine's files and never throws,
 * so the only fatal messages the engine sees are its own (an ignored file)
 * and they are there before any file reaches its queue. That matters: the
 * queue (unified-engine lib/file-pipeline/queue.js) counts a file with a
 * fatal message as finished, flushes the others without it, and resets its
 * list; a file that became fatal while still being checked then arrives at
 * an empty list, waits for files that were flushed long ago, and the run
 * never calls back (Node exits 13 with nothing printed).
 */
function runEngine(
  files: VFile[],
  stdin: NodeJS.ReadableStream,
  settings: FaceSettings,
  io: Io,
  extra: {ignorePath?: string | undefined; filePath?: string | undefined}
): Promise<{files: VFile[]}> {
  return new Promise((resolve, reject) => {
    engine(
      {
        processor: unified() as unknown as Processor,
        plugins: [[face as never, settings]],
        files,
        cwd: io.cwd,
        extensions,
        ignoreName: '.copydeskignore',
        // --ignore-path: that file instead of the .copydeskignore files; --stdin-filename: standard input's name.
        ...(extra.ignorePath === undefined ? {} : {ignorePath: extra.ignorePath}),
        ...(extra.filePath === undefined ? {} : {filePath: extra.filePath}),
        streamIn: stdin,
        streamOut: io.stdout,
        streamError: io.stderr,
        out: false,
        output: false,
        // We report; the engine stays quiet.
        reporter: () => '',
        silentlyIgnore: false
      },
      (error, _code, context) => {
        if (error) reject(new UsageError(error.message.split('\n')[0]))
        else resolve(context as Context)
      }
    )
  })
}

const extensions = ['txt', 'md', 'markdown', 'html', 'htm']

function isIgnored(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true && /it[’']s ignored/.test(message.reason))
}

let fileSizeSignal = false

/**
 * Past a file-size limit (`ulimit -f`) the kernel sends SIGXFSZ, which kills
 * a process that does not ignore it; handled, the write fails with EFBIG
 * instead and `saveFixed` reports it.
 */
function ignoreFileSizeSignal(): void {
  if (fileSizeSignal || process.platform === 'win32') return
  fileSizeSignal = true
  process.on('SIGXFSZ', () => {})
}

function cannotWrite(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied'
  if (error.code === 'EROFS') return 'the disk is read-only'
  return error.message
}

/** A path as the user would type it from `cwd`. */
function shownPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file))
  return (relative && !relative.startsWith('..') ? relative : path.resolve(cwd, file)).split(path.sep).join('/')
}

/** A fatal message from the engine itself: a missing file, an ignored one, a crash. */
function engineProblem(file: VFile): string | undefined {
  const fatal = file.messages.find((message) => message.fatal === true && message.source !== 'copydesk')
  if (!fatal) return undefined
  const cause = fatal.cause as Error | undefined
  if (/it[’']s ignored/.test(fatal.reason)) return `${file.path}: this file is listed in a .copydeskignore file; take it out there to check it`
  const reason = cause?.message ? `${fatal.reason}: ${cause.message}` : fatal.reason
  return `${file.path || '<stdin>'}: ${reason}`
}

function formatOf(filePath: string | undefined): Format {
  const extension = path.extname(filePath ?? '').toLowerCase()
  if (extension === '.md' || extension === '.markdown') return 'markdown'
  if (extension === '.html' || extension === '.htm') return 'html'
  return 'text'
}

function displayPath(file: VFile, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(file.cwd, file.path))
  return (relative && !relative.startsWith('..') ? relative : path.resolve(file.cwd, file.path)).split(path.sep).join('/')
}

function onlyErrors(result: FileResult): FileResult {
  const messages = result.messages.filter((message) => message.severity === 'error')
  // Counts from the result: they cover findings `maxFindings` left out too.
  return {...result, counts: {error: result.counts.error, warning: 0, suggestion: 0}, messages}
}

function describeFixes(applied: ReadonlyArray<{actual?: string | null; expected?: ReadonlyArray<string> | null}>): string {
  return applied.map((message) => `${message.actual ?? ''} → ${message.expected?.[0] ?? ''}`).join(', ')
}

function useColor(io: Io): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0'
  return io.stdout.isTTY === true
}

async function serve(
  rest: string[],
  values: {port?: string; host?: string; cors?: string[]; workers?: string; token?: string; 'log-level'?: string; 'no-floor'?: boolean; 'allow-error-dismissal'?: boolean; config?: string; dialect?: string; rule?: string[]},
  io: Io
): Promise<number> {
  if (rest.length > 0) throw new UsageError(`\`copydesk serve\` takes no files (got ${rest.join(' ')})`)
  const port = values.port === undefined ? 8080 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port is ${JSON.stringify(values.port)}; use a port number such as 8080`)
  }
  const host = values.host ?? '127.0.0.1'
  const workers = values.workers === undefined ? undefined : Number(values.workers)
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 256)) {
    throw new UsageError(`--workers is ${JSON.stringify(values.workers)}; use a number of worker threads such as 2`)
  }
  const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']
  const logLevel = values['log-level'] ?? 'info'
  if (!logLevels.includes(logLevel)) {
    throw new UsageError(`--log-level is ${JSON.stringify(logLevel)}; use one of ${logLevels.join(', ')}`)
  }
  const token = values.token ?? (io.env.COPYDESK_TOKEN || undefined)
  // Anyone who can reach the port could use it: beyond this machine, only with a token.
  const {isLoopback} = await loadServer()
  if (!token && !isLoopback(host)) {
    throw new UsageError(`--host ${host} lets other machines in: set a token with --token or COPYDESK_TOKEN (clients send Authorization: Bearer <token>)`)
  }
  let found: FoundConfig
  try {
    found = configFile(values.config) ?? new ConfigFinder().find(io.cwd)
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message)
    throw error
  }
  found = {...found, options: withOverrides(found.options, overrides(values))}
  // Fastify loads only for `serve`, not on every check.
  const {createServer} = await loadServer()
  let app: ReturnType<typeof createServer>
  try {
    app = createServer({options: found.options, cors: values.cors, workers, token, logger: {level: logLevel}, floor: values['no-floor'] !== true, publicUrl: io.env.COPYDESK_PUBLIC_URL || undefined, allowErrorDismissal: values['allow-error-dismissal'] === true || found.allowErrorDismissal === true})
  } catch (error) {
    const message = String((error as Error)?.message ?? error).replace(/^copydesk: /, '')
    throw new UsageError(found.path ? `${path.relative(io.cwd, found.path)}: ${message}` : message)
  }
  try {
    await app.listen({port, host})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(
      code === 'EADDRINUSE'
        ? `port ${port} on ${host} is in use; pick another with --port`
        : `cannot listen on ${host}:${port}: ${(error as Error).message}`
    )
  }
  const address = app.server.address()
  const where = typeof address === 'object' && address ? `http://${host.includes(':') ? `[${host}]` : host}:${address.port}` : String(address)
  io.stderr.write(`copydesk ${version} listening on ${where} (the copy-desk page at ${where}/, POST /v1/check for a CMS, /v2/check for LanguageTool clients, GET /health); Ctrl-C stops it\n`)
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
  await app.close()
  return 0
}

/** The packages only `copydesk serve` needs: optional peer dependencies (docs/cli.md, Install). */
export const serverPackages = ['fastify@^5.12.8', '@fastify/formbody@^9.0.1', 'piscina@^5.3.2']

/** src/faces/server.ts, or a usage error saying what to install when its packages are not. */
async function loadServer(): Promise<typeof import('./server.js')> {
  try {
    return await import('./server.js')
  } catch (error) {
    const missing = /Cannot find (?:package|module) '((?:@[^/']+\/)?[^/']+)/.exec(String((error as Error)?.message))
    if ((error as NodeJS.ErrnoException)?.code === 'ERR_MODULE_NOT_FOUND' && missing && serverPackages.some((name) => name.startsWith(missing[1] + '@'))) {
      throw new UsageError(`\`copydesk serve\` needs ${missing[1]}, which is not installed: npm install ${serverPackages.join(' ')}`)
    }
    throw error
  }
}

function processIo(): Io {
  return {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env}
}
