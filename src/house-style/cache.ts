/**
 * Compiled house styles kept on disk, so a big newsroom style (thousands of
 * entries: seconds to parse, validate and compile) is compiled once and then
 * read back by every CLI run, server worker and library `createChecker`.
 *
 * A cached style is found by its key, a SHA-256 of everything compiling
 * depends on: the cache format, copydesk's version, the text of the rules
 * engine's own modules (this folder, so a changed or rebuilt engine never
 * reads another's data), the kinds' names, and for each source in order the
 * name and bytes of every rules file and of its `dictionary.txt`. Paths and
 * modification times are not in the key: a folder copied or touched keeps
 * its cache; a file whose text changed makes another key (the old file is
 * pruned later). Only a style that compiled without error is stored.
 *
 * The file is `style-<key>.bin`: a magic line, the SHA-1 of the payload and
 * the payload (src/house-style/pack.ts). A file that is short, damaged or of
 * another format is ignored and rebuilt, never trusted: the checksum is
 * checked before the bytes are deserialized. Writers write a temporary file
 * of their own and rename it into place, so two processes building the same
 * style at once both succeed and a reader never sees half a file.
 *
 * Where (first that applies):
 * - `COPYDESK_CACHE=off` (or `0`, `false`): no disk cache;
 * - `COPYDESK_CACHE_DIR`: that folder;
 * - `$XDG_CACHE_HOME/copydesk`, else `~/.cache/copydesk` (`%LOCALAPPDATA%\copydesk`
 *   on Windows, `~/Library/Caches/copydesk` on macOS);
 * - else the system's temporary folder.
 * A folder that cannot be written only costs the compile: the cache is an
 * optimisation and never an error.
 */
import {createHash, randomBytes} from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Style} from './kind.js'
import {packStyle, unpackStyle} from './pack.js'

/** Bumped when the file layout or the packed data's shape changes. */
const format = 'copydesk-style-cache 1'
const magic = Buffer.from('CDSC1\n', 'latin1')
/** Stored styles kept per folder; older ones are removed when a new one is written. */
const keep = 24

/** The folder the cache uses now, or undefined when it is switched off. */
export function styleCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const switched = (env.COPYDESK_CACHE ?? '').trim().toLowerCase()
  if (switched === 'off' || switched === '0' || switched === 'false' || switched === 'no') return undefined
  if (env.COPYDESK_CACHE_DIR) return path.resolve(env.COPYDESK_CACHE_DIR)
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'copydesk')
  let home: string
  try {
    home = os.homedir()
  } catch {
    home = ''
  }
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'copydesk', 'cache')
  if (home && process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'copydesk')
  if (home) return path.join(home, '.cache', 'copydesk')
  return path.join(os.tmpdir(), 'copydesk-cache')
}

let engine: string | undefined

/** A hash of the rules engine's own modules (this folder, kinds included) and copydesk's version. */
function engineStamp(): string {
  if (engine !== undefined) return engine
  const hash = createHash('sha256').update(format)
  const here = path.dirname(fileURLToPath(import.meta.url))
  try {
    hash.update(fs.readFileSync(path.join(here, '..', '..', 'package.json')))
  } catch {
    hash.update('no package.json')
  }
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(folder, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (/\.(?:js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) hash.update(entry.name + '\0').update(fs.readFileSync(file))
    }
  }
  try {
    walk(here)
  } catch {
    // Where the modules cannot be listed, a key that matches nothing stored: no cache.
    hash.update(randomBytes(16))
  }
  engine = hash.digest('hex')
  return engine
}

/**
 * The key of `sources` compiled with the kinds named `kinds`: undefined when a
 * source cannot be read (compiling will then say what is wrong).
 */
export function styleKey(sources: ReadonlyArray<string>, kinds: ReadonlyArray<string>): string | undefined {
  const hash = createHash('sha256').update(engineStamp()).update('\0kinds\0' + kinds.join(',') + '\0')
  try {
    for (const source of sources) {
      hash.update('\0source\0')
      const stat = fs.statSync(source)
      const folder = stat.isFile() ? undefined : source
      const names = folder
        ? fs
            .readdirSync(folder)
            .filter((name) => /\.ya?ml$/.test(name))
            .sort()
        : [path.basename(source)]
      for (const name of names) {
        const bytes = fs.readFileSync(folder ? path.join(folder, name) : source)
        hash.update(`file\0${name}\0${bytes.byteLength}\0`).update(bytes)
      }
      if (folder) {
        let dictionary: Buffer | undefined
        try {
          dictionary = fs.readFileSync(path.join(folder, 'dictionary.txt'))
        } catch {
          // No dictionary in this folder.
        }
        if (dictionary) hash.update(`dictionary\0${dictionary.byteLength}\0`).update(dictionary)
      }
    }
  } catch {
    return undefined
  }
  return hash.digest('hex')
}

/** The path of the stored style for `key` in `dir`. */
export function styleCacheFile(dir: string, key: string): string {
  return path.join(dir, `style-${key}.bin`)
}

/** The style stored under `key`, or undefined when there is none or it cannot be trusted. */
export function readCachedStyle(dir: string, key: string, sources: ReadonlyArray<string>): Style | undefined {
  let all: Buffer
  try {
    all = fs.readFileSync(styleCacheFile(dir, key))
  } catch {
    return undefined
  }
  if (all.byteLength < magic.byteLength + 20 || !all.subarray(0, magic.byteLength).equals(magic)) return undefined
  const payload = all.subarray(magic.byteLength + 20)
  const sum = createHash('sha1').update(payload).digest()
  if (!sum.equals(all.subarray(magic.byteLength, magic.byteLength + 20))) return undefined
  try {
    return unpackStyle(payload, sources)
  } catch {
    return undefined
  }
}

/**
 * Store `style` under `key` (a temporary file renamed into place). Returns
 * whether it was stored; a style that cannot be packed, or a folder that
 * cannot be written, is not an error.
 */
export function writeCachedStyle(dir: string, key: string, style: Style): boolean {
  let payload: Buffer
  try {
    payload = packStyle(style)
  } catch {
    return false
  }
  const file = styleCacheFile(dir, key)
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  try {
    fs.mkdirSync(dir, {recursive: true})
    const sum = createHash('sha1').update(payload).digest()
    fs.writeFileSync(temporary, Buffer.concat([magic, sum, payload]))
    fs.renameSync(temporary, file)
  } catch {
    try {
      fs.rmSync(temporary, {force: true})
    } catch {
      // Nothing to clean.
    }
    return false
  }
  prune(dir, file)
  return true
}

/** Remove all but the newest stored styles (and temporary files an hour old: a writer that died). */
function prune(dir: string, written: string): void {
  try {
    const now = Date.now()
    const stored: Array<[string, number]> = []
    for (const name of fs.readdirSync(dir)) {
      if (!name.startsWith('style-')) continue
      const file = path.join(dir, name)
      const {mtimeMs} = fs.statSync(file)
      if (name.endsWith('.tmp')) {
        if (now - mtimeMs > 3_600_000) fs.rmSync(file, {force: true})
      } else if (name.endsWith('.bin') && file !== written) stored.push([file, mtimeMs])
    }
    stored.sort((a, b) => b[1] - a[1])
    for (const [file] of stored.slice(keep - 1)) fs.rmSync(file, {force: true})
  } catch {
    // Another process pruning at once, or a folder we may not list: harmless.
  }
}

/** What {@link cachedStyle} did, for benchmarks and tests. */
export interface CacheOutcome {
  /** `hit`: read from disk; `built`: compiled and stored; `uncached`: compiled, not stored (off, or not writable). */
  status: 'hit' | 'built' | 'uncached'
  file?: string
}

let last: CacheOutcome | undefined

/** What the last {@link cachedStyle} call did. */
export function lastCacheOutcome(): CacheOutcome | undefined {
  return last
}

/**
 * The style for `sources` from the disk cache, else `compile()`'s, stored for
 * next time. Errors from `compile` (a broken rules file) are thrown as they are.
 */
export function cachedStyle(sources: ReadonlyArray<string>, kinds: ReadonlyArray<string>, compile: () => Style): Style {
  const dir = styleCacheDir()
  const key = dir === undefined ? undefined : styleKey(sources, kinds)
  if (dir === undefined || key === undefined) {
    last = {status: 'uncached'}
    return compile()
  }
  const file = styleCacheFile(dir, key)
  const stored = readCachedStyle(dir, key, sources)
  if (stored) {
    // Seen in use: pruning keeps the styles in use.
    try {
      const now = new Date()
      fs.utimesSync(file, now, now)
    } catch {
      // Read-only: fine.
    }
    last = {status: 'hit', file}
    return stored
  }
  const style = compile()
  // A file edited while it compiled: the style may be of either text, so it is not stored.
  const same = styleKey(sources, kinds) === key
  last = {status: same && writeCachedStyle(dir, key, style) ? 'built' : 'uncached', file}
  return style
}
