/**
 * A compiled style as bytes, so the CLI bundle can start from copydesk's own
 * rules compiled at build time instead of compiling them on every start
 * (tokenizing hundreds of patterns costs more than the rest of loading).
 *
 * Compiled data is plain objects, arrays, Maps, Sets and RegExps, which
 * `v8.serialize` keeps (shared objects stay shared), plus two things it
 * cannot: the built-in token classes of `sequence.ts` (objects with
 * functions), stored by name and put back as the very same objects, and
 * `PatternIndex` instances, stored as their fields and given their
 * prototype back. Anything else that is not plain data makes
 * {@link packStyle} throw, so the build leaves the style to be compiled at
 * run time rather than store something that would not come back the same.
 * Symbol-keyed properties (where a loaded entry came from, used only while
 * loading) are not kept.
 */
import fs from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import type {Style} from './kind.js'
import {PatternIndex, tokenClasses} from './sequence.js'

/** Shared objects stored by name. */
const references = new Map<unknown, string>([...tokenClasses].map(([name, value]) => [value, `tokenClass:${name}`]))
const byReference = new Map<string, unknown>([...references].map(([value, name]) => [name, value]))

/** Classes whose instances are stored as their fields. */
const classes = new Map<object, string>([[PatternIndex.prototype, 'PatternIndex']])
const byClass = new Map<string, object>([...classes].map(([prototype, name]) => [name, prototype]))

/** What is serialized: the style's data, and where references and instances are. */
interface Packed {
  files: Style['files']
  dictionary: Style['dictionary']
  /** `[container, key, reference name]`: put `byReference.get(name)` at `container[key]` (or `.set(key, …)` for a Map). */
  references: Array<[object, unknown, string]>
  /** `[object, class name]`: give `object` that class's prototype. */
  instances: Array<[object, string]>
}

/** The bytes of a compiled style (without its `sources`, which depend on where it is installed). */
export function packStyle(style: Style): Buffer {
  const copies = new Map<object, object>()
  const packed: Packed = {files: [], dictionary: [...style.dictionary], references: [], instances: []}

  const copy = (value: unknown, container: object, key: unknown): unknown => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      if (typeof value === 'symbol' || typeof value === 'bigint') throw new TypeError(`cannot pack a ${typeof value}`)
      return value
    }
    const name = references.get(value)
    if (name !== undefined) {
      packed.references.push([container, key, name])
      return null
    }
    if (typeof value === 'function') throw new TypeError(`cannot pack a function: ${String(value).slice(0, 60)}`)
    const known = copies.get(value)
    if (known) return known
    if (value instanceof RegExp) {
      copies.set(value, value)
      return value
    }
    if (Array.isArray(value)) {
      const array: unknown[] = []
      copies.set(value, array)
      value.forEach((item, index) => array.push(copy(item, array, index)))
      return array
    }
    if (value instanceof Map) {
      const map = new Map()
      copies.set(value, map)
      for (const [k, item] of value) {
        if (k !== null && typeof k === 'object') throw new TypeError('cannot pack a Map with object keys')
        map.set(k, copy(item, map, k))
      }
      return map
    }
    if (value instanceof Set) {
      const set = new Set()
      copies.set(value, set)
      for (const item of value) {
        if (item !== null && (typeof item === 'object' || typeof item === 'function')) throw new TypeError('cannot pack a Set of objects')
        set.add(item)
      }
      return set
    }
    const prototype = Object.getPrototypeOf(value) as object | null
    const className = prototype === null ? undefined : classes.get(prototype)
    if (prototype !== Object.prototype && className === undefined) {
      throw new TypeError(`cannot pack an instance of ${(prototype as {constructor?: {name?: string}} | null)?.constructor?.name ?? 'a null prototype'}`)
    }
    for (const property of Object.getOwnPropertyNames(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, property)!
      if (!descriptor.enumerable || !('value' in descriptor)) throw new TypeError(`cannot pack the accessor or hidden property \`${property}\``)
    }
    const object: Record<string, unknown> = {}
    copies.set(value, object)
    if (className) packed.instances.push([object, className])
    for (const [k, item] of Object.entries(value)) {
      // A `__proto__` key from JSON is data, not the prototype.
      Object.defineProperty(object, k, {value: copy(item, object, k), enumerable: true, writable: true, configurable: true})
    }
    return object
  }

  packed.files = copy(style.files, packed, 'files') as Style['files']
  return v8.serialize(packed)
}

/**
 * The compiled style {@link packStyle} stored, with `sources` set; undefined
 * when the bytes cannot be read as one.
 */
export function unpackStyle(bytes: Uint8Array, sources: ReadonlyArray<string>): Style | undefined {
  let packed: Packed
  try {
    packed = v8.deserialize(bytes) as Packed
  } catch {
    return undefined
  }
  if (!packed || !Array.isArray(packed.files) || !Array.isArray(packed.references) || !Array.isArray(packed.instances)) return undefined
  for (const [object, name] of packed.instances) {
    const prototype = byClass.get(name)
    if (!prototype) return undefined
    Object.setPrototypeOf(object, prototype)
  }
  for (const [container, key, name] of packed.references) {
    if (!byReference.has(name)) return undefined
    const value = byReference.get(name)
    if (container instanceof Map) container.set(key, value)
    else (container as Record<string, unknown>)[key as string] = value
  }
  return {files: packed.files, dictionary: packed.dictionary, sources: [...sources]}
}

/**
 * Whether `a` and `b` hold the same data: the same prototypes, string keys
 * in the same order, Map and Set entries in the same order, the same
 * functions, and objects shared in one shared alike in the other. Symbol
 * keys are not compared (see {@link packStyle}).
 */
export function sameData(a: unknown, b: unknown): boolean {
  const pairs = new Map<object, object>()
  const same = (x: unknown, y: unknown): boolean => {
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) return Object.is(x, y)
    const paired = pairs.get(x)
    if (paired) return paired === y
    pairs.set(x, y)
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return false
    if (x instanceof RegExp) return x.source === (y as RegExp).source && x.flags === (y as RegExp).flags && x.lastIndex === (y as RegExp).lastIndex
    if (x instanceof Map || x instanceof Set) {
      const left = [...x.entries()]
      const right = [...(y as Map<unknown, unknown>).entries()]
      return left.length === right.length && left.every(([k, v], at) => Object.is(k, right[at][0]) && same(v, right[at][1]))
    }
    const keys = Object.keys(x)
    const others = Object.keys(y)
    if (keys.length !== others.length || keys.some((key, at) => key !== others[at])) return false
    if (Array.isArray(x) && x.length !== (y as unknown[]).length) return false
    return keys.every((key) => same((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]))
  }
  return same(a, b)
}

/** What a stored style was made from, checked before it is used. */
interface PackHeader {
  /** The build of the code that compiled it (see `build` in {@link writePackedStyle}). */
  build: string
  /** Names of the kinds it was compiled with, in order. */
  kinds: string[]
  /** Byte length of each rules file in the folder, by file name, in order; their bytes follow the header. */
  files: Record<string, number>
  /** Byte length of the folder's `dictionary.txt` (after the rules files' bytes), or null when there is none. */
  dictionary: number | null
}

/**
 * Store `style`, compiled from the rules folder `folder` alone with the
 * kinds named `kinds` by the code of build `build`, in `file`, with the
 * text of every file it was compiled from. Throws when it would not read
 * back as the same data.
 */
export function writePackedStyle(file: URL | string, style: Style, folder: string, kinds: ReadonlyArray<string>, build: string): number {
  const bytes = packStyle(style)
  const back = unpackStyle(bytes, style.sources)
  if (!back || !sameData({files: back.files, dictionary: back.dictionary}, {files: style.files, dictionary: style.dictionary})) {
    throw new Error('the compiled style does not read back as the same data')
  }
  const {files, dictionary} = folderFiles(folder)
  const header: PackHeader = {
    build,
    kinds: [...kinds],
    files: Object.fromEntries(files.map(([name, text]) => [name, text.byteLength])),
    dictionary: dictionary ? dictionary.byteLength : null
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32LE(json.byteLength)
  const all = Buffer.concat([length, json, ...files.map(([, text]) => text), ...(dictionary ? [dictionary] : []), bytes])
  fs.writeFileSync(file, all)
  return all.byteLength
}

/**
 * The style stored by {@link writePackedStyle} in `file`, if it was made by
 * build `build` with the kinds named `kinds` from the rules folder `folder`
 * as it is now (the same files, byte for byte); else undefined.
 */
export function readPackedStyle(file: URL | string, folder: string, kinds: ReadonlyArray<string>, build: string): Style | undefined {
  let all: Buffer
  try {
    all = fs.readFileSync(file)
  } catch {
    return undefined
  }
  try {
    const length = all.readUInt32LE(0)
    const header = JSON.parse(all.toString('utf8', 4, 4 + length)) as PackHeader
    if (header.build !== build || header.kinds.join('\0') !== kinds.join('\0')) return undefined
    const {files, dictionary} = folderFiles(folder)
    const stored = Object.entries(header.files)
    if (stored.length !== files.length) return undefined
    let at = 4 + length
    const matches = (text: Buffer, size: number) => {
      const equal = text.byteLength === size && text.equals(all.subarray(at, at + size))
      at += size
      return equal
    }
    for (let index = 0; index < files.length; index++) {
      const [name, size] = stored[index]
      if (files[index][0] !== name || !matches(files[index][1], size)) return undefined
    }
    if ((dictionary === undefined) !== (header.dictionary === null)) return undefined
    if (dictionary && !matches(dictionary, header.dictionary!)) return undefined
    return unpackStyle(all.subarray(at), [folder])
  } catch {
    return undefined
  }
}

/** The rules files of a folder (by name, sorted) and its dictionary, as bytes. */
function folderFiles(folder: string): {files: Array<[string, Buffer]>; dictionary: Buffer | undefined} {
  const files: Array<[string, Buffer]> = fs
    .readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => [name, fs.readFileSync(path.join(folder, name))])
  let dictionary: Buffer | undefined
  try {
    dictionary = fs.readFileSync(path.join(folder, 'dictionary.txt'))
  } catch {
    // No dictionary in the folder.
  }
  return {files, dictionary}
}
