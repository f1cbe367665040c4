/**
 * House style as the preset uses it: the rules engine (src/house-style/)
 * joined with the registry of shipped kinds (src/house-style/kinds/). The
 * engine never imports a kind; this module is where the two meet.
 */
import path from 'node:path'
import {compileStyle, defaultRulesFolder, loadStyleWith, type Style} from './house-style/compile.js'
import {loadRules} from './house-style/load.js'
import {readPackedStyle, writePackedStyle} from './house-style/pack.js'
import {kinds} from './house-style/kinds/index.js'

export {clearStyleCache, defaultRulesFolder, fillTemplate, type Style} from './house-style/compile.js'
export {kinds} from './house-style/kinds/index.js'

/**
 * Load, validate and compile rules from `sources` (ours first, then a
 * newsroom's) with the shipped kinds, cached per list of sources.
 */
export function loadStyle(sources: ReadonlyArray<string> = [defaultRulesFolder]): Style {
  return loadStyleWith(kinds, sources, {precompiled})
}

/**
 * Set by scripts/build-cli.js (esbuild `define`) to an id of each build of
 * the CLI bundle; undefined anywhere else.
 */
declare const COPYDESK_BUNDLE: string | undefined

/** The bundle's build: only the code that compiled a stored style may use it. */
const bundle = typeof COPYDESK_BUNDLE === 'string' ? COPYDESK_BUNDLE : undefined

/** Where the bundle keeps copydesk's own rules, compiled by its own code at build time. */
const packedFile = new URL('./bundle/style.bin', import.meta.url)

/** copydesk's own rules as the bundle's build compiled them, if their files are unchanged. */
function precompiled(sources: ReadonlyArray<string>): Style | undefined {
  if (!bundle || sources.length !== 1 || path.resolve(sources[0]) !== defaultRulesFolder) return undefined
  return readPackedStyle(packedFile, defaultRulesFolder, [...kinds.keys()], bundle)
}

/**
 * Compile copydesk's own rules and store them for the bundle's start-up
 * (scripts/build-cli.js calls this from the bundle it made). Returns the
 * file and its size.
 */
export function writeBundleStyle(): {path: URL; bytes: number} {
  if (!bundle) throw new Error('writeBundleStyle: only the CLI bundle stores its compiled style')
  const style = compileDefaultStyle()
  return {path: packedFile, bytes: writePackedStyle(packedFile, style, defaultRulesFolder, [...kinds.keys()], bundle)}
}

/** copydesk's own rules compiled now, as `loadStyle()` compiles them (uncached). */
export function compileDefaultStyle(): Style {
  const sources = [defaultRulesFolder]
  return compileStyle(loadRules(sources, kinds, {trusted: sources}), sources, kinds)
}
