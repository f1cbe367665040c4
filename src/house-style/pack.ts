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
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import v8 from 'node:v8'
import type {Style} from './compile.js'
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
  /** SHA-1 of each rules file in the folder, by file name. */
  files: Record<string, string>
  /** SHA-1 of the folder's `dictionary.txt`, or null. */
  dictionary: string | null
}

/**
 * Store `style`, compiled from the rules folder `folder` alone with the
 * kinds named `kinds` by the code of build `build`, in `file`. Throws when
 * it would not read back as the same data.
 */
export function writePackedStyle(file: URL | string, style: Style, folder: string, kinds: ReadonlyArray<string>, build: string): number {
  const bytes = packStyle(style)
  const back = unpackStyle(bytes, style.sources)
  if (!back || !sameData({files: back.files, dictionary: back.dictionary}, {files: style.files, dictionary: style.dictionary})) {
    throw new Error('the compiled style does not read back as the same data')
  }
  const header = Buffer.from(JSON.stringify({...folderState(folder), build, kinds: [...kinds]} satisfies PackHeader), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32LE(header.byteLength)
  const all = Buffer.concat([length, header, bytes])
  fs.writeFileSync(file, all)
  return all.byteLength
}

/**
 * The style stored by {@link writePackedStyle} in `file`, if it was made by
 * build `build` with the kinds named `kinds` from the rules folder `folder`
 * as it is now (every file's text the same); else undefined.
 */
export function readPackedStyle(file: URL | string, folder: string, kinds: ReadonlyArray<string>, build: string): Style | undefined {
  let all: Buffer
  try {
    all = fs.readFileSync(file)
  } catch {
    return undefined
  }
  let header: PackHeader
  try {
    const length = all.readUInt32LE(0)
    header = JSON.parse(all.toString('utf8', 4, 4 + length)) as PackHeader
    if (header.build !== build || header.kinds.join('\0') !== kinds.join('\0')) return undefined
    const now = folderState(folder)
    if (now.dictionary !== header.dictionary) return undefined
    const names = Object.keys(now.files)
    if (names.length !== Object.keys(header.files).length || names.some((name) => header.files[name] !== now.files[name])) return undefined
    return unpackStyle(all.subarray(4 + length), [folder])
  } catch {
    return undefined
  }
}

/** The rules files of a folder and its dictionary, by SHA-1 of their text. */
function folderState(folder: string): Pick<PackHeader, 'files' | 'dictionary'> {
  const files: Record<string, string> = {}
  for (const name of fs.readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort()) {
    files[name] = sha1(fs.readFileSync(path.join(folder, name)))
  }
  let dictionary: string | null = null
  try {
    dictionary = sha1(fs.readFileSync(path.join(folder, 'dictionary.txt')))
  } catch {
    // No dictionary in the folder.
  }
  return {files, dictionary}
}

function sha1(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex')
}
