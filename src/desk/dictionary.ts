/**
 * The desk dictionary: names and terms a desk has confirmed once (`Kotek`,
 * `Okafor`, `soymeal`), so that no check flags them again, in every face,
 * for every editor. Kept as data in the newsroom's rules folder, beside its
 * rules files:
 *
 * - `desk-dictionary.txt`: one word a line, then who added it, when and why,
 *   as a comment (`Kotek # 2026-12-07T14:40:00.000Z "J. Editor" "confirmed
 *   with writer"`). Sorted, so a change reads as one line in a diff; a word
 *   typed in by hand (no comment) counts too.
 * - `desk-dictionary.log.jsonl`: every addition and removal, appended, one
 *   JSON object a line (`{at, action, word, by, note}`): the trail.
 *
 * Every change is a read-modify-write under a lock file (src/desk/lock.ts),
 * the new list written to a temporary file, flushed, and renamed over the
 * old one, so a reader never sees half a file and two writers never lose
 * each other's words. Running checkers see a change within a second
 * (src/desk/live.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import {randomBytes} from 'node:crypto'
import {withLock, type LockOptions} from './lock.js'
import {defaultRulesFolder, loadStyle} from '../style.js'

/** The word list's file name in a rules folder. */
export const deskFileName = 'desk-dictionary.txt'
/** The trail's file name in a rules folder. */
export const deskLogName = 'desk-dictionary.log.jsonl'
const lockName = 'desk-dictionary.lock'

/** Most words one call may add or remove (a desk adds names one story at a time). */
export const maxWordsPerCall = 100
/** Longest word, in characters. */
export const maxWordLength = 64
const maxByLength = 100
const maxNoteLength = 500

/** One word of the desk dictionary. */
export interface DeskWord {
  word: string
  /** Who added it (`undefined`: typed into the file by hand). */
  by?: string
  /** When, as an ISO 8601 time. */
  at?: string
  /** Why (optional). */
  note?: string
}

/** One line of the trail. */
export interface DeskEvent {
  at: string
  action: 'add' | 'remove'
  word: string
  by: string
  note?: string
}

/** Who makes a change, and why. */
export interface DeskAuthor {
  /** A person's name (required): the trail says who. */
  by: string
  /** Why (optional): "confirmed with writer". */
  note?: string
}

/** Bad input: nothing was changed. `statusCode` 400 for the HTTP face. */
export class DeskInputError extends TypeError {
  override name = 'DeskInputError'
  readonly statusCode = 400
}

/** A desk dictionary in one folder. */
export interface DeskDictionary {
  readonly folder: string
  /** The word list (`desk-dictionary.txt`). */
  readonly file: string
  /** The trail (`desk-dictionary.log.jsonl`). */
  readonly log: string
  /**
   * Add words (one or a list). Throws {@link DeskInputError} for any bad
   * word, author or note, and then adds none of them.
   */
  add(words: string | ReadonlyArray<string>, author: DeskAuthor): Promise<{added: DeskWord[]; already: string[]}>
  /** Remove words; words not in the list are reported as `missing`. */
  remove(words: string | ReadonlyArray<string>, author: DeskAuthor): Promise<{removed: string[]; missing: string[]}>
  /** The words, sorted, with who added them. */
  list(): DeskWord[]
  /** The trail, oldest first. */
  history(): DeskEvent[]
}

/** Options for {@link deskDictionary}. */
export interface DeskOptions extends LockOptions {
  /**
   * Refuse a word a house rule says to avoid (`towards`), in copydesk's rules
   * and this folder's (default `true`).
   */
  checkRules?: boolean
}

/**
 * The desk dictionary kept in `folder` (a newsroom's rules folder). The
 * folder must exist; the files are made on the first addition.
 *
 * ```js
 * await deskDictionary('house/rules').add('Kotek', {by: 'J. Editor', note: 'confirmed with writer'})
 * ```
 */
export function deskDictionary(folder: string, options: DeskOptions = {}): DeskDictionary {
  if (typeof folder !== 'string' || folder === '') throw new TypeError('copydesk: deskDictionary needs a rules folder path')
  const root = path.resolve(folder)
  const file = path.join(root, deskFileName)
  const log = path.join(root, deskLogName)
  const lock = path.join(root, lockName)

  const locked = <T>(op: (state: Batch) => T): Promise<T> => {
    let stat: fs.Stats
    try {
      stat = fs.statSync(root)
    } catch {
      throw new DeskInputError(`copydesk: the rules folder ${root} does not exist; make it, or point \`rules\` at the newsroom's rules folder`)
    }
    if (!stat.isDirectory()) throw new DeskInputError(`copydesk: ${root} is not a folder; the desk dictionary lives in a rules folder`)
    return enqueue({file, log, lock, options}, op)
  }

  return {
    folder: root,
    file,
    log,
    async add(given, author) {
      const words = validWords(given)
      const who = validAuthor(author)
      if (options.checkRules !== false) for (const word of words) assertNotAvoided(word, root)
      return locked(({entries, events, at}) => {
        const known = new Set(entries.map((entry) => entry.word))
        const added: DeskWord[] = []
        const already: string[] = []
        for (const word of words) {
          if (known.has(word)) {
            already.push(word)
            continue
          }
          const entry: DeskWord = {word, by: who.by, at, ...(who.note ? {note: who.note} : {})}
          added.push(entry)
          entries.push(entry)
          events.push({at, action: 'add', word, by: who.by, ...(who.note ? {note: who.note} : {})})
        }
        return {added, already}
      })
    },
    async remove(given, author) {
      const words = validWords(given)
      const who = validAuthor(author)
      return locked(({entries, events, at}) => {
        const removed: string[] = []
        for (const word of words) {
          const index = entries.findIndex((entry) => entry.word === word)
          if (index === -1) continue
          entries.splice(index, 1)
          removed.push(word)
          events.push({at, action: 'remove', word, by: who.by, ...(who.note ? {note: who.note} : {})})
        }
        return {removed, missing: words.filter((word) => !removed.includes(word))}
      })
    },
    list() {
      return sortEntries(readEntries(file))
    },
    history() {
      return readLog(log)
    }
  }
}

/** The list as read under the lock, changed in place by each change of a batch, and the trail lines they add. */
interface Batch {
  entries: DeskWord[]
  events: DeskEvent[]
  at: string
}

interface Queue {
  pending: Array<{op: (state: Batch) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void}>
  running: boolean
}

/** Changes waiting in this process, per word list file. */
const queues = new Map<string, Queue>()

/**
 * Run `op` under the lock. Changes made in this process while another is
 * being written wait, then go in together: one lock, one read, one write and
 * one append for the lot (a server taking many additions at once), each
 * answered with its own result, in order.
 */
function enqueue<T>(paths: {file: string; log: string; lock: string; options: LockOptions}, op: (state: Batch) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(paths.file)
    if (!queue) {
      queue = {pending: [], running: false}
      queues.set(paths.file, queue)
    }
    queue.pending.push({op, resolve: resolve as (value: unknown) => void, reject})
    if (!queue.running) void drain(queue, paths)
  })
}

async function drain(queue: Queue, paths: {file: string; log: string; lock: string; options: LockOptions}): Promise<void> {
  queue.running = true
  while (queue.pending.length > 0) {
    const batch = queue.pending.splice(0)
    try {
      const results = await withLock(
        paths.lock,
        () => {
          const state: Batch = {entries: readEntries(paths.file), events: [], at: new Date().toISOString()}
          const answers = batch.map(({op}) => op(state))
          if (state.events.length > 0) {
            writeEntries(paths.file, state.entries)
            appendLog(paths.log, state.events)
          }
          return answers
        },
        paths.options
      )
      batch.forEach((item, index) => item.resolve(results[index]))
    } catch (error) {
      for (const item of batch) item.reject(error)
    }
  }
  queue.running = false
  queues.delete(paths.file)
}

/** The words of a desk dictionary file's text (what the checks accept). */
export function parseDeskWords(text: string): string[] {
  return parseEntries(text).map((entry) => entry.word)
}

/**
 * Why `word` cannot be a desk word, or `undefined` when it can. One word: no
 * spaces (add each word of a name on its own: `Ngozi`, `Okonjo-Iweala`).
 */
export function wordProblem(word: unknown): string | undefined {
  if (typeof word !== 'string') return `a word must be a string, not ${word === null ? 'null' : typeof word}`
  const value = word.trim()
  if (value === '') return 'the word is empty'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(value)) {
    return `${JSON.stringify(value)} holds a control or invisible character; type the word again`
  }
  if (/\s/.test(value)) {
    return `${JSON.stringify(value)} is more than one word; add each word of a name on its own (${value
      .split(/\s+/)
      .map((part) => `\`${part}\``)
      .join(', ')})`
  }
  if (value.length > maxWordLength) return `${JSON.stringify(value.slice(0, 20) + '…')} is longer than ${maxWordLength} characters`
  if (!/^[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.&-]*$/u.test(value)) {
    return `${JSON.stringify(value)} is not a word: use letters, digits, and ' - . & inside (no # or other punctuation)`
  }
  return undefined
}

function validWords(given: unknown): string[] {
  const list = Array.isArray(given) || (given !== null && typeof given === 'object') ? given : [given]
  if (!Array.isArray(list)) throw new DeskInputError('copydesk: give a word, or a list of words')
  if (list.length === 0) throw new DeskInputError('copydesk: give at least one word')
  if (list.length > maxWordsPerCall) {
    throw new DeskInputError(`copydesk: ${list.length} words in one call; the limit is ${maxWordsPerCall}. Add them in smaller batches, or put a long list in the rules folder's dictionary.txt under review.`)
  }
  const words: string[] = []
  for (const item of list) {
    const problem = wordProblem(item)
    if (problem) throw new DeskInputError(`copydesk: ${problem}; nothing was changed`)
    const word = (item as string).trim().normalize('NFC').replace(/’/g, "'")
    if (!words.includes(word)) words.push(word)
  }
  return words
}

function validAuthor(author: unknown): {by: string; note?: string} {
  const value = (author ?? {}) as {by?: unknown; note?: unknown}
  if (typeof value !== 'object') throw new DeskInputError('copydesk: say who makes the change: {by: "J. Editor"}')
  const by = typeof value.by === 'string' ? value.by.trim() : ''
  if (by === '') throw new DeskInputError('copydesk: say who makes the change (`by`: a person\'s name); the desk dictionary keeps a trail')
  const note = value.note === undefined || value.note === null ? '' : typeof value.note === 'string' ? value.note.trim() : undefined
  if (note === undefined) throw new DeskInputError('copydesk: `note` must be text')
  for (const [name, text, max] of [['by', by, maxByLength], ['note', note, maxNoteLength]] as const) {
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) throw new DeskInputError(`copydesk: \`${name}\` holds a line break or control character; keep it to one line`)
    if (text.length > max) throw new DeskInputError(`copydesk: \`${name}\` is longer than ${max} characters`)
  }
  return note ? {by, note} : {by}
}

/** A phrase of an `existence` rules file, as compiled (src/house-style/kinds/existence.ts). */
interface ExistencePhrase {
  tokens: ReadonlyArray<{kind: string}>
  entry: {position: string; fields: {id?: unknown}}
}

/** Throws when a house rule (ours or the folder's) says to avoid `word`, or flags it as copy that must not be published. */
function assertNotAvoided(word: string, folder: string): void {
  let files
  try {
    files = loadStyle([defaultRulesFolder, folder]).files
  } catch {
    // The folder's rules do not load: copydesk's own still apply.
    files = loadStyle([defaultRulesFolder]).files
  }
  const lower = word.toLowerCase()
  const sourceOf = (ruleId: string) => [folder, defaultRulesFolder].map((dir) => path.join(dir, ruleId + '.yml')).find((name) => fs.existsSync(name)) ?? ruleId + '.yml'
  // The newsroom's files load last: their rule is the one to name.
  for (const file of [...files].reverse()) {
    if (file.kind === 'existence') {
      // A one-word `match` flagged anywhere (`leftovers`: `TK`): copy that must not be there is no desk word.
      const data = file.data as {exact?: ReadonlyMap<string, ExistencePhrase[]>; folded?: ReadonlyMap<string, ExistencePhrase[]>}
      const phrases = [...(data.exact?.get(word) ?? []), ...(data.folded?.get(lower) ?? [])]
      const phrase = phrases.find((item) => item.tokens.length === 1 && item.tokens[0]!.kind === 'word' && item.entry.position === 'anywhere')
      if (!phrase) continue
      throw new DeskInputError(
        `copydesk: \`${word}\` is flagged by the house rule \`${file.ruleId}\` (${sourceOf(file.ruleId)}, entry \`${String(phrase.entry.fields.id)}\`) as copy that must not be published; the desk dictionary cannot allow it. Nothing was changed.`
      )
    }
    if (file.kind !== 'substitution') continue
    const rules = (file.data as {rules?: Array<{avoid: string; use: string[]}>}).rules ?? []
    const rule = rules.find((item) => item.avoid.toLowerCase() === lower)
    if (!rule) continue
    throw new DeskInputError(
      `copydesk: \`${word}\` is a form the house rule \`${file.ruleId}\` (${sourceOf(file.ruleId)}) says to avoid${rule.use[0] ? ` (use \`${rule.use[0]}\`)` : ''}; change that rule first if the desk now accepts it. Nothing was changed.`
    )
  }
}

const header = `# copydesk desk dictionary: words the whole desk accepts (names, terms).
# Written by \`copydesk words add\`, the server (POST /v1/words) and LanguageTool
# clients; every change is also logged in ${deskLogName}.
# One word a line, then: # when "who" "why". A word typed in by hand counts too.
`

function readEntries(file: string): DeskWord[] {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return parseEntries(text)
}

function parseEntries(text: string): DeskWord[] {
  const entries: DeskWord[] = []
  const seen = new Set<string>()
  for (const line of text.split(/\r?\n/)) {
    const hash = line.indexOf('#')
    const word = (hash === -1 ? line : line.slice(0, hash)).trim()
    if (!word || seen.has(word)) continue
    seen.add(word)
    const entry: DeskWord = {word}
    const meta = hash === -1 ? null : /^#\s*(\S+)\s+("(?:[^"\\]|\\.)*")(?:\s+("(?:[^"\\]|\\.)*"))?\s*$/.exec(line.slice(hash))
    if (meta) {
      try {
        entry.at = meta[1]
        entry.by = JSON.parse(meta[2]!) as string
        if (meta[3]) entry.note = JSON.parse(meta[3]) as string
      } catch {
        // A comment typed by hand: the word still counts.
      }
    }
    entries.push(entry)
  }
  return entries
}

function sortEntries(entries: DeskWord[]): DeskWord[] {
  return [...entries].sort((a, b) => {
    const x = a.word.toLowerCase()
    const y = b.word.toLowerCase()
    return x < y ? -1 : x > y ? 1 : a.word < b.word ? -1 : a.word > b.word ? 1 : 0
  })
}

function writeEntries(file: string, entries: DeskWord[]): void {
  const lines = sortEntries(entries).map((entry) =>
    entry.by === undefined
      ? entry.word
      : `${entry.word} # ${entry.at ?? ''} ${JSON.stringify(entry.by)}${entry.note ? ' ' + JSON.stringify(entry.note) : ''}`
  )
  writeAtomic(file, header + lines.join('\n') + (lines.length > 0 ? '\n' : ''))
}

/** Write through a temporary file, flushed, then renamed over `file`: readers see the old list or the new one. */
function writeAtomic(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const fd = fs.openSync(temporary, 'wx')
  try {
    fs.writeSync(fd, text)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  try {
    fs.renameSync(temporary, file)
  } catch (error) {
    fs.rmSync(temporary, {force: true})
    throw error
  }
  syncFolder(path.dirname(file))
}

function appendLog(log: string, events: DeskEvent[]): void {
  const fd = fs.openSync(log, 'a')
  try {
    fs.writeSync(fd, events.map((event) => JSON.stringify(event)).join('\n') + '\n')
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

function readLog(log: string): DeskEvent[] {
  let text: string
  try {
    text = fs.readFileSync(log, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const events: DeskEvent[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      events.push(JSON.parse(line) as DeskEvent)
    } catch {
      // A line cut short by a full disk: the others still read.
    }
  }
  return events
}

function syncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  } catch {
    // Not every platform syncs a folder (Windows); the rename itself is atomic.
  }
}
