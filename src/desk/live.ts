/**
 * The desk dictionary as a running checker sees it: the words of
 * `desk-dictionary.txt` in each rules folder, looked at again when a story
 * comes in (one `stat` per file; the file is read again only when it
 * changed). So every worker of a server, every server sharing the folder,
 * and every later CLI run sees a word from the next story on, with no
 * restart and no message between processes.
 */
import fs from 'node:fs'
import path from 'node:path'
import {deskFileName, parseDeskWords} from './dictionary.js'

/**
 * How often a checker looks at the desk dictionary, at most (ms): 0, at
 * every story (one `stat`, microseconds), so a story checked right after an
 * editor adds a word (the page re-checks at once) already knows it.
 */
export const deskIntervalMs = 0

/** The desk words of some rules folders, kept fresh. */
export interface LiveDesk {
  /** The words now, and a stamp that changes whenever they may have. */
  current(): {stamp: string; words: ReadonlyArray<string>}
}

/** Watch the desk dictionaries of `folders` (folders that are files, such as a single rules file, are skipped). */
export function liveDesk(folders: ReadonlyArray<string>, intervalMs = deskIntervalMs): LiveDesk {
  const files = folders.map((folder) => path.join(path.resolve(folder), deskFileName))
  let checkedAt = Number.NEGATIVE_INFINITY
  let stamp = ''
  let words: ReadonlyArray<string> = []
  return {
    current() {
      const now = Date.now()
      if (now - checkedAt < intervalMs) return {stamp, words}
      checkedAt = now
      const stamps = files.map(stampOf)
      const next = stamps.join('\0')
      if (next !== stamp) {
        stamp = next
        words = files.flatMap((file, index) => (stamps[index] ? read(file) : []))
      }
      return {stamp, words}
    }
  }
}

/**
 * Inode, size and modification time (ns): a rename over the file always changes the inode.
 * No desk file (most folders) is no error: an exception per story cost more than the stat.
 */
function stampOf(file: string): string {
  try {
    const stat = fs.statSync(file, {bigint: true, throwIfNoEntry: false})
    return stat?.isFile() ? `${stat.ino}:${stat.size}:${stat.mtimeNs}` : ''
  } catch {
    return ''
  }
}

function read(file: string): string[] {
  try {
    return parseDeskWords(fs.readFileSync(file, 'utf8'))
  } catch {
    return []
  }
}
