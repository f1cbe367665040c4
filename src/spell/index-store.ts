/**
 * Storage for the spelling machinery: an index packed into the few arrays a
 * build keeps (and unpacked again), and the artefact files those arrays,
 * the dictionaries' word forms and the SUBTLEX counts are written to.
 */

import {readFileSync, writeFileSync} from 'node:fs'
import {endianness} from 'node:os'
import {letterBit, type WordIndex} from './word-index.js'

/**
 * An index as a build stores it: each trie node's parent and edge
 * character, in the order {@link buildIndex} made them, and the node where
 * each word ends. Sibling lists, letter masks and same-form chains follow
 * from these (see {@link unpackIndex}), so they are not stored.
 */
export interface PackedIndex {
  /** Parent of each node; the root's is -1. */
  parent: Int32Array
  /** Edge character of each node (one byte each when all fit). */
  char: Uint8Array | Uint16Array
  /** Node where each word's lowercase form ends. */
  end: Int32Array
  maxLength: number
}

/** The arrays of an index a build stores (see {@link PackedIndex}). */
export function packIndex(index: WordIndex): PackedIndex {
  const nodes = index.char.length
  const parent = new Int32Array(nodes).fill(-1)
  for (let node = 0; node < nodes; node++) {
    for (let c = index.firstChild[node]; c >= 0; c = index.nextSibling[c]) {
      parent[c] = node
    }
  }
  const end = new Int32Array(index.size)
  for (let node = 0; node < nodes; node++) {
    for (let w = index.wordHead[node]; w >= 0; w = index.nextForm[w]) {
      end[w] = node
    }
  }
  const wide = index.char.some((code) => code > 255)
  return {
    parent,
    char: wide ? index.char.slice() : Uint8Array.from(index.char),
    end,
    maxLength: index.maxLength
  }
}

/**
 * The index {@link buildIndex} made, from its packed arrays, its word forms
 * (`size` of them, by position, possessives aside) and its possessive
 * forms; a few linear passes instead of a trie build. The possessives are
 * only listed when a suggestion first needs them.
 */
export function unpackIndex(
  packed: PackedIndex,
  size: number,
  word: (w: number) => string,
  possessives: () => Iterable<string>,
  frequencies?: ArrayLike<number>
): WordIndex {
  const {parent, end} = packed
  const nodes = parent.length
  const char =
    packed.char instanceof Uint16Array ? packed.char : new Uint16Array(packed.char)
  // Replaying node creation in order rebuilds each sibling list as the
  // build left it: newest child first.
  const firstChild = new Int32Array(nodes).fill(-1)
  const nextSibling = new Int32Array(nodes).fill(-1)
  for (let node = 1; node < nodes; node++) {
    const up = parent[node]
    nextSibling[node] = firstChild[up]
    firstChild[up] = node
  }
  // A node's letters are its own and its children's (every word through it
  // ends there or goes on into a child). Children come after their parent,
  // so one backward pass folds each subtree up; the root keeps none.
  const letters = new Int32Array(nodes)
  for (let node = nodes - 1; node > 0; node--) {
    letters[node] |= letterBit(char[node])
    const up = parent[node]
    if (up > 0) letters[up] |= letters[node]
  }
  // Same-form chains, newest first, as the build linked them.
  const wordHead = new Int32Array(nodes).fill(-1)
  const nextForm = new Int32Array(size)
  for (let w = 0; w < size; w++) {
    nextForm[w] = wordHead[end[w]]
    wordHead[end[w]] = w
  }
  let possessiveForms: Map<string, string> | undefined
  return {
    size,
    word,
    char,
    firstChild,
    nextSibling,
    letters,
    wordHead,
    nextForm,
    maxLength: packed.maxLength,
    get possessives() {
      if (!possessiveForms) {
        possessiveForms = new Map()
        for (const form of possessives()) possessiveForms.set(form.toLowerCase(), form)
      }
      return possessiveForms
    },
    frequencies
  }
}

// ---------------------------------------------------------------------------
// Build artefacts. Indexing a dictionary (~250 ms before the JIT warms up)
// and parsing SUBTLEX (~75 ms) are the same work on every run, so the build
// (scripts/build-spell.js) does them once and stores the results beside the
// compiled modules; a run reads them with one `readFileSync` and typed-array
// views. Each artefact names what it was made from, and one that is missing
// or made from something else is ignored: the work is then done at run time
// as before, with the same results.

/**
 * Version of what the artefacts hold and how. Bump it whenever `buildIndex`
 * (word-index.ts), `packIndex`, what is fed to them (`suggestible` in dictionaries.ts), what
 * `correct` needs of a dictionary, or the layout of any artefact (here, in
 * subtlex.ts or in dictionaries.ts) changes, so older artefacts are ignored, not misread.
 * (test/spell-cache.test.ts compares a build's artefacts with the sources.)
 */
export const artefactFormat = 1

/**
 * Where the build's artefacts are: beside this module, so in `dist/spell/`
 * for the compiled package and nowhere when the sources run directly
 * (vitest), which then do the work at run time.
 */
export const artefactFolder = new URL('./', import.meta.url)

/** One stored array: text (joined with `\n`) or numbers. */
export type ArtefactSection =
  | string
  | Uint8Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float64Array

/** A stored artefact: a JSON header and named sections. */
export interface Artefact {
  header: Record<string, unknown>
  sections: Map<string, ArtefactSection>
}

// Layout: magic, header length (u32 LE), header JSON, then each section on
// an 8-byte boundary so typed arrays can view the file's bytes in place.
const magic = 'CDSPELL\0'
const kinds = {
  text: undefined,
  u8: Uint8Array,
  u16: Uint16Array,
  i32: Int32Array,
  u32: Uint32Array,
  f64: Float64Array
} as const
type Kind = keyof typeof kinds

function kindOf(section: ArtefactSection): Kind {
  if (typeof section === 'string') return 'text'
  if (section instanceof Uint8Array) return 'u8'
  if (section instanceof Uint16Array) return 'u16'
  if (section instanceof Int32Array) return 'i32'
  if (section instanceof Uint32Array) return 'u32'
  return 'f64'
}

const align = (offset: number) => Math.ceil(offset / 8) * 8

/**
 * Write an artefact; `header` gets the format and byte order added.
 * Returns the number of bytes written.
 */
export function writeArtefact(
  path: URL | string,
  header: Record<string, unknown>,
  sections: Record<string, ArtefactSection>
): number {
  const parts: Array<[string, Kind, Uint8Array]> = []
  for (const [name, section] of Object.entries(sections)) {
    const bytes =
      typeof section === 'string'
        ? Buffer.from(section, 'utf8')
        : new Uint8Array(section.buffer, section.byteOffset, section.byteLength)
    parts.push([name, kindOf(section), bytes])
  }
  const table: Record<string, [Kind, number, number]> = {}
  let offset = 0
  for (const [name, kind, bytes] of parts) {
    table[name] = [kind, offset, bytes.byteLength]
    offset = align(offset + bytes.byteLength)
  }
  const json = Buffer.from(
    JSON.stringify({
      ...header,
      format: artefactFormat,
      endianness: endianness(),
      sections: table
    }),
    'utf8'
  )
  const start = align(magic.length + 4 + json.byteLength)
  const file = Buffer.alloc(start + offset)
  file.write(magic, 0, 'latin1')
  file.writeUInt32LE(json.byteLength, magic.length)
  json.copy(file, magic.length + 4)
  for (const [name, , bytes] of parts) file.set(bytes, start + table[name][1])
  writeFileSync(path, file)
  return file.byteLength
}

/**
 * Read an artefact written by {@link writeArtefact}: `undefined` when the
 * file is missing, damaged, of another format version or byte order.
 * Numeric sections are views on the file's bytes, not copies.
 */
export function readArtefact(path: URL | string): Artefact | undefined {
  let file: Buffer
  try {
    file = readFileSync(path)
  } catch {
    return undefined
  }
  try {
    if (file.toString('latin1', 0, magic.length) !== magic) return undefined
    // Small files may share Node's pool at an odd offset; views need alignment.
    if (file.byteOffset % 8 !== 0) file = Buffer.from(new Uint8Array(file).buffer)
    const length = file.readUInt32LE(magic.length)
    const header = JSON.parse(
      file.toString('utf8', magic.length + 4, magic.length + 4 + length)
    ) as Record<string, unknown>
    if (header.format !== artefactFormat || header.endianness !== endianness()) {
      return undefined
    }
    const start = align(magic.length + 4 + length)
    const sections = new Map<string, ArtefactSection>()
    const table = header.sections as Record<string, [Kind, number, number]>
    for (const [name, [kind, offset, size]] of Object.entries(table)) {
      const at = start + offset
      if (at + size > file.byteLength) return undefined
      const view = kinds[kind]
      sections.set(
        name,
        view === undefined
          ? file.toString('utf8', at, at + size)
          : new view(file.buffer as ArrayBuffer, file.byteOffset + at, size / view.BYTES_PER_ELEMENT)
      )
    }
    return {header, sections}
  } catch {
    return undefined
  }
}

/** Numbers as `Uint32Array` when all are whole and fit, else `Float64Array`. */
export function compactNumbers(values: ArrayLike<number>): Uint32Array | Float64Array {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      return Float64Array.from(values)
    }
  }
  return Uint32Array.from(values)
}
