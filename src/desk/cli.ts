/**
 * `copydesk words`: the desk dictionary from the command line.
 *
 * ```sh
 * copydesk words add Kotek Okafor --by "J. Editor" --note "confirmed with writer"
 * copydesk words remove Kotek --by "J. Editor" --note "misspelled"
 * copydesk words list            # the words, who added them, when, why
 * copydesk words log             # every addition and removal
 * ```
 *
 * The folder is `--rules DIR`, else the `rules` folder of the `.copydeskrc`
 * found from the current folder. Exit codes: 0 done, 2 nothing changed
 * (bad word, no folder, no `--by`).
 */
import fs from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {ConfigError, ConfigFinder} from '../faces/config.js'
import {DeskInputError, deskDictionary, type DeskEvent, type DeskWord} from './dictionary.js'
import {DeskBusyError} from './lock.js'

/** Where the command reads and writes (the CLI's `Io`). */
export interface WordsIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  cwd: string
  env: NodeJS.ProcessEnv
}

const usage = `Usage
  copydesk words add WORD... --by "J. Editor" [--note "confirmed with writer"]
  copydesk words remove WORD... --by "J. Editor" [--note "why"]
  copydesk words list [--format json]
  copydesk words log [--format json]

Options
  --rules DIR    the newsroom's rules folder (default: \`rules\` in .copydeskrc)
  --by NAME      who makes the change (or COPYDESK_EDITOR)
  --note TEXT    why
`

class WordsUsageError extends Error {}

/** Run `copydesk words …` (`argv` after `words`); resolves to the exit code. */
export async function wordsCommand(argv: string[], io: WordsIo): Promise<number> {
  try {
    return await run(argv, io)
  } catch (error) {
    if (error instanceof WordsUsageError || error instanceof DeskInputError || error instanceof DeskBusyError) {
      io.stderr.write(`copydesk words: ${error.message.replace(/^copydesk: /, '')}\n`)
      return 2
    }
    throw error
  }
}

async function run(argv: string[], io: WordsIo): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        rules: {type: 'string'},
        by: {type: 'string'},
        note: {type: 'string'},
        format: {type: 'string'},
        help: {type: 'boolean', short: 'h'}
      }
    })
  } catch (error) {
    throw new WordsUsageError(`${(error as Error).message.split('.')[0]}.\n${usage}`)
  }
  const {values, positionals} = parsed
  const [action, ...words] = positionals
  if (values.help || action === undefined) {
    io.stdout.write(usage)
    return action === undefined && !values.help ? 2 : 0
  }
  if (!['add', 'remove', 'list', 'log'].includes(action)) throw new WordsUsageError(`unknown action \`${action}\`; use add, remove, list or log.\n${usage}`)
  if (values.format !== undefined && values.format !== 'json') throw new WordsUsageError('--format takes only `json`')
  const folder = rulesFolder(values.rules, io)
  const desk = deskDictionary(folder)
  const shown = path.relative(io.cwd, desk.file) || desk.file

  if (action === 'list' || action === 'log') {
    if (words.length > 0) throw new WordsUsageError(`\`words ${action}\` takes no words`)
    const items = action === 'list' ? desk.list() : desk.history()
    if (values.format === 'json') io.stdout.write(JSON.stringify(items, null, 2) + '\n')
    else if (action === 'list') io.stdout.write(items.length === 0 ? `No words in ${shown} yet.\n` : (items as DeskWord[]).map(describeWord).join('\n') + '\n')
    else io.stdout.write(items.length === 0 ? 'No changes logged yet.\n' : (items as DeskEvent[]).map(describeEvent).join('\n') + '\n')
    return 0
  }

  if (words.length === 0) throw new WordsUsageError(`give the words to ${action}: copydesk words ${action} Kotek --by "J. Editor"`)
  const by = values.by ?? io.env.COPYDESK_EDITOR
  if (!by) throw new WordsUsageError('say who makes the change: --by "J. Editor" (or set COPYDESK_EDITOR)')
  const author = {by, note: values.note}
  if (action === 'add') {
    const {added, already} = await desk.add(words, author)
    if (added.length > 0) io.stdout.write(`Added ${names(added.map((entry) => entry.word))} to the desk dictionary (${shown}).\n`)
    if (already.length > 0) io.stdout.write(`Already in the desk dictionary: ${names(already)}.\n`)
  } else {
    const {removed, missing} = await desk.remove(words, author)
    if (removed.length > 0) io.stdout.write(`Removed ${names(removed)} from the desk dictionary (${shown}).\n`)
    if (missing.length > 0) io.stdout.write(`Not in the desk dictionary: ${names(missing)}.\n`)
  }
  return 0
}

/** `--rules`, else the one rules folder of the `.copydeskrc` found from the current folder. */
function rulesFolder(given: string | undefined, io: WordsIo): string {
  if (given !== undefined) return path.resolve(io.cwd, given)
  let rules: string[] = []
  try {
    const found = new ConfigFinder().find(io.cwd)
    const option = found.options.rules
    rules = (option === undefined ? [] : typeof option === 'string' ? [option] : [...option]).filter(isFolder)
  } catch (error) {
    if (error instanceof ConfigError) throw new WordsUsageError(error.message)
    throw error
  }
  if (rules.length === 1) return rules[0]!
  if (rules.length === 0) throw new WordsUsageError('no rules folder: give --rules DIR, or set `rules` in .copydeskrc (docs/desk.md)')
  throw new WordsUsageError(`.copydeskrc names ${rules.length} rules folders; say which holds the desk dictionary with --rules DIR`)
}

function isFolder(item: string): boolean {
  try {
    return fs.statSync(item).isDirectory()
  } catch {
    return false
  }
}

function names(words: string[]): string {
  return words.map((word) => `\`${word}\``).join(', ')
}

function describeWord(entry: DeskWord): string {
  if (entry.by === undefined) return `${entry.word}  (typed into the file)`
  return `${entry.word}  added by ${entry.by}, ${entry.at ?? '?'}${entry.note ? `: ${entry.note}` : ''}`
}

function describeEvent(event: DeskEvent): string {
  return `${event.at}  ${event.action === 'add' ? 'added' : 'removed'} ${event.word}  by ${event.by}${event.note ? `: ${event.note}` : ''}`
}
