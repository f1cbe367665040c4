/**
 * A lock file for one folder's desk data, taken with `O_EXCL` (atomic on
 * local filesystems and on NFSv3+), so that two editors adding a word at
 * the same moment, from two processes or two machines sharing the folder,
 * each read the other's addition before writing. No dependency: the
 * read-modify-write it guards takes milliseconds.
 *
 * A lock left by a process that died is stale and broken: on this machine
 * when its process is gone, anywhere when it is older than `staleMs`.
 */
import fs from 'node:fs'
import os from 'node:os'

/** Thrown when the lock could not be taken within the wait (HTTP 503). */
export class DeskBusyError extends Error {
  override name = 'DeskBusyError'
  readonly statusCode = 503
}

/** Options for {@link withLock}. */
export interface LockOptions {
  /** How long to wait for another writer, in ms (default 10000). */
  waitMs?: number
  /** A lock older than this is taken to be left by a dead writer, in ms (default 30000). */
  staleMs?: number
}

/** Run `task` holding the lock file `file`; the lock is released after, even when `task` throws. */
export async function withLock<T>(file: string, task: () => T, options: LockOptions = {}): Promise<T> {
  const waitMs = options.waitMs ?? 10_000
  const staleMs = options.staleMs ?? 30_000
  const start = Date.now()
  let pause = 2
  for (;;) {
    if (take(file)) break
    if (breakStale(file, staleMs)) continue
    if (Date.now() - start > waitMs) {
      throw new DeskBusyError(`copydesk: another editor has held the desk dictionary's lock (${file}) for over ${Math.round(waitMs / 1000)} s; try again, or remove the file if no copydesk is running.`)
    }
    await new Promise((resolve) => setTimeout(resolve, pause + Math.random() * pause))
    pause = Math.min(pause * 2, 50)
  }
  try {
    return task()
  } finally {
    try {
      fs.unlinkSync(file)
    } catch {
      // Broken as stale by another writer after a very long pause: nothing to release.
    }
  }
}

function take(file: string): boolean {
  let fd: number
  try {
    fd = fs.openSync(file, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    fs.writeSync(fd, JSON.stringify({pid: process.pid, host: os.hostname(), at: new Date().toISOString()}) + '\n')
  } finally {
    fs.closeSync(fd)
  }
  return true
}

/** Remove the lock if its writer is gone; whether it did. */
function breakStale(file: string, staleMs: number): boolean {
  let holder: {pid?: number; host?: string} = {}
  let stat: fs.Stats
  let text = ''
  try {
    stat = fs.statSync(file)
    text = fs.readFileSync(file, 'utf8')
    holder = JSON.parse(text || '{}') as typeof holder
  } catch {
    // Gone already (released), or half written by a writer that has just
    // taken it: not stale unless old.
    try {
      stat = fs.statSync(file)
    } catch {
      return false
    }
  }
  const old = Date.now() - stat.mtimeMs > staleMs
  const dead = holder.host === os.hostname() && typeof holder.pid === 'number' && !alive(holder.pid)
  if (!old && !dead) return false
  try {
    // Only the lock we looked at: a fresh one taken since by another waiter
    // has its own holder line (and, unless the inode was reused, another inode).
    if (fs.statSync(file).ino !== stat.ino || fs.readFileSync(file, 'utf8') !== text) return false
    fs.unlinkSync(file)
  } catch {
    return false
  }
  return true
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
