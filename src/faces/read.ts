/**
 * Reading a story's bytes without losing any (the CLI's side of "never lose
 * a byte"). A story is decoded as:
 *
 * - UTF-16LE or UTF-16BE when it starts with that byte-order mark;
 * - UTF-8 when it is valid UTF-8 (with or without a byte-order mark);
 * - otherwise Windows-1252, the superset of Latin-1 in which English copy
 *   from older systems is saved, unless it holds control bytes that no text
 *   in that encoding has (then it is refused: copydesk cannot tell what it is).
 *
 * A byte-order mark stays in the text as U+FEFF, so positions agree with
 * what an editor sees and `encodeStory` writes it back. Every decoding here
 * is lossless: `encodeStory(decodeStory(bytes).text, …)` gives the same bytes.
 */
import fs from 'node:fs'

/** An encoding copydesk reads and writes back. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** A decoded story. */
export interface Decoded {
  text: string
  encoding: Encoding
}

/** A story that cannot be read as text; `message` is one line for an editor. */
export class ReadError extends Error {
  override name = 'ReadError'
}

/** Larger than this, a file is not a story (and reading it would take the machine's memory). */
export const maxStoryBytes = 64 * 1024 * 1024

/**
 * Decode a story's bytes (see the module comment). Throws a `ReadError`
 * when the bytes are not text copydesk can read losslessly.
 */
export function decodeStory(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: utf16(bytes, 'utf-16le'), encoding: 'utf-16le'}
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {text: utf16(bytes, 'utf-16be'), encoding: 'utf-16be'}
  try {
    return {text: new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes), encoding: 'utf-8'}
  } catch {
    // Not UTF-8: a legacy single-byte encoding, below.
  }
  let text = ''
  for (let start = 0; start < bytes.length; start += 8192) {
    text += String.fromCharCode(...Array.from(bytes.subarray(start, start + 8192), (byte) => toUnicode[byte]))
  }
  // NUL and most C0 controls never occur in text; 0x81, 0x8D, 0x8F, 0x90 and
  // 0x9D are unassigned in Windows-1252. Either means binary or another encoding.
  if (/[\u0000-\u0008\u000E-\u001A\u001C-\u001F\u0081\u008D\u008F\u0090\u009D]/.test(text)) {
    throw new ReadError('is neither UTF-8, UTF-16 nor Windows-1252 (Latin-1) text; save it as UTF-8 and check it again')
  }
  return {text, encoding: 'windows-1252'}
}

/**
 * Encode `text` back into `encoding`. Throws a `ReadError` when the
 * encoding cannot hold a character of `text` (a fix brought in a character
 * Windows-1252 lacks): such a file is never written.
 */
export function encodeStory(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8')
  if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le')
  if (encoding === 'utf-16be') return Buffer.from(text, 'utf16le').swap16()
  const bytes = Buffer.alloc(text.length)
  for (let index = 0; index < text.length; index++) {
    const byte = windows1252.get(text.charCodeAt(index))
    if (byte === undefined) {
      throw new ReadError(`Windows-1252 (Latin-1) cannot hold \`${text.charAt(index)}\`; save the story as UTF-8 to fix it`)
    }
    bytes[index] = byte
  }
  return bytes
}

/** How an encoding is named to an editor. */
export function encodingName(encoding: Encoding): string {
  return {'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1252': 'Windows-1252 (Latin-1)'}[encoding]
}

/**
 * Read a story file and decode it. Never blocks on something that is not a
 * file: a FIFO, a device (`/dev/zero`), a socket or a folder is refused
 * before a byte is read, as is a file over `maxStoryBytes`. Throws a
 * `ReadError` whose message completes "<path> …" in one line.
 */
export async function readStory(filePath: string): Promise<Decoded & {bytes: Buffer}> {
  // unified-engine starts every story at once: keep the open files bounded (EMFILE).
  while (reading >= maxReading) await new Promise<void>((resolve) => waiting.push(resolve))
  reading++
  try {
    return await readOne(filePath)
  } finally {
    reading--
    waiting.shift()?.()
  }
}

const maxReading = 32
let reading = 0
const waiting: Array<() => void> = []

async function readOne(filePath: string): Promise<Decoded & {bytes: Buffer}> {
  let handle: fs.promises.FileHandle
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever.
    handle = await fs.promises.open(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0))
  } catch (error) {
    throw new ReadError(describe(error as NodeJS.ErrnoException))
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw new ReadError(`is ${kindOf(stats)}, not a story file; not checked`)
    if (stats.size > maxStoryBytes) {
      throw new ReadError(`is ${Math.round(stats.size / 1024 / 1024)} MB, larger than a story can be (${maxStoryBytes / 1024 / 1024} MB); not checked`)
    }
    const bytes = await handle.readFile()
    return {...decodeStory(bytes), bytes}
  } catch (error) {
    if (error instanceof ReadError) throw error
    throw new ReadError(describe(error as NodeJS.ErrnoException))
  } finally {
    await handle.close()
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  try {
    if (bytes.length % 2 !== 0) throw new Error('odd length')
    return new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    throw new ReadError(`starts with a ${encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'} byte-order mark but is not valid ${encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'}; save it as UTF-8 and check it again`)
  }
}

function kindOf(stats: fs.Stats): string {
  if (stats.isFIFO()) return 'a pipe (FIFO)'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  if (stats.isSocket()) return 'a socket'
  if (stats.isDirectory()) return 'a folder'
  return 'not a regular file'
}

function describe(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'does not exist (a broken link?); not checked'
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied'
    case 'ELOOP':
      return 'is a link that loops back on itself; not checked'
    case 'EISDIR':
      return 'is a folder, not a story file'
    default:
      return `cannot be read: ${error.message}`
  }
}

/**
 * Windows-1252 bytes 0x80–0x9F (the rest are Latin-1, byte = code point).
 * Written out rather than taken from `TextDecoder`, which in Node 20 decodes
 * the label as ISO-8859-1. The five unassigned bytes map to the C1 control
 * of the same number, as the WHATWG Encoding Standard says.
 */
const high = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
]

/** Byte → UTF-16 code unit. */
const toUnicode = Array.from({length: 256}, (_, byte) => (byte >= 0x80 && byte <= 0x9f ? high[byte - 0x80] : byte))

/** UTF-16 code unit → byte. */
const windows1252 = new Map<number, number>(toUnicode.map((code, byte) => [code, byte]))
