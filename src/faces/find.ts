/**
 * Which files the CLI checks, from the paths, folders and globs it is given.
 *
 * unified-engine's own search follows links to folders without remembering
 * where it has been, so a link back to a parent folder makes it walk
 * `a/loop/loop/loop/…` until the system gives up (and with two such links,
 * effectively forever). This walk visits each real folder once and never
 * opens a file: whether an entry is a readable story (and not a FIFO, a
 *  device or a broken link) is decided when it is read (src/faces/read.ts). The
 * engine then applies `.copydeskignore` to the files found here.
 */
import fs from 'node:fs'
import path from 'node:path'
import {glob, hasMagic} from 'glob'

/** An entry passed over, with a one-line reason completing "<path> …". */
export interface Skipped {
  path: string
  reason: string
  /** Whether stories may be left unchecked because of it (then the CLI exits 2). */
  story: boolean
}

/** What `findStories` returns. */
export interface Found {
  /** Absolute paths of the files to check, each once, in the order found. */
  files: string[]
  /** The files named on the command line (as opposed to found in a folder or by a glob). */
  named: Set<string>
  skipped: Skipped[]
}

/**
 * Find the stories in `inputs` (paths relative to `cwd`, folders, globs).
 * A named file is taken whatever its extension; inside a folder or from a
 * glob, only files ending in one of `extensions` (without the dot).
 */
export async function findStories(inputs: ReadonlyArray<string>, cwd: string, extensions: ReadonlyArray<string>): Promise<Found> {
  const found: Found = {files: [], named: new Set(), skipped: []}
  const seen = new Set<string>()
  const visited = new Set<string>()
  const isStory = (name: string) => extensions.includes(path.extname(name).slice(1).toLowerCase())
  const add = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    found.files.push(file)
  }

  for (const input of inputs) {
    if (hasMagic(input)) {
      const matches = (await glob(input, {cwd, absolute: true})).sort()
      for (const match of matches) await entry(match)
      continue
    }
    const absolute = path.resolve(cwd, input)
    let stats: fs.Stats | undefined
    try {
      stats = await fs.promises.stat(absolute)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !isLink(absolute)) {
        found.skipped.push({path: input, reason: 'No such file or folder', story: true})
        continue
      }
      // A looping or broken link: reading it says what is wrong.
    }
    if (stats?.isDirectory()) {
      await walk(absolute)
    } else {
      found.named.add(absolute)
      add(absolute)
    }
  }
  return found

  /** A folder entry or a glob match. */
  async function entry(file: string, dirent?: fs.Dirent): Promise<void> {
    if (path.basename(file) === 'node_modules') return
    let directory = dirent?.isDirectory() ?? false
    if (!dirent || dirent.isSymbolicLink()) {
      try {
        directory = (await fs.promises.stat(file)).isDirectory()
      } catch {
        // A broken or looping link: a story if its name says so; reading it reports it.
        directory = false
      }
    }
    if (directory) await walk(file)
    else if (isStory(file)) add(file)
  }

  async function walk(folder: string): Promise<void> {
    let real: string
    try {
      real = await fs.promises.realpath(folder)
    } catch (error) {
      found.skipped.push({path: folder, reason: `cannot be read: ${(error as Error).message}`, story: true})
      return
    }
    if (visited.has(real)) {
      found.skipped.push({path: folder, reason: 'is a link to a folder already checked (a loop?); skipped', story: false})
      return
    }
    visited.add(real)
    let entries: fs.Dirent[]
    try {
      entries = await fs.promises.readdir(folder, {withFileTypes: true})
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      found.skipped.push({
        path: folder,
        reason: code === 'EACCES' || code === 'EPERM' ? 'is a folder that cannot be read: permission denied' : `is a folder that cannot be read: ${(error as Error).message}`,
        story: true
      })
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const dirent of entries) await entry(path.join(folder, dirent.name), dirent)
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink()
  } catch {
    return false
  }
}
