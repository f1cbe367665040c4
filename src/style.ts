/**
 * House style as the preset uses it: the rules engine (src/house-style/)
 * joined with the registry of shipped kinds (src/house-style/kinds/). The
 * engine never imports a kind; this module is where the two meet.
 */
import {defaultRulesFolder, loadStyleWith, type Style} from './house-style/compile.js'
import {kinds} from './house-style/kinds/index.js'

export {clearStyleCache, defaultRulesFolder, fillTemplate, type Style} from './house-style/compile.js'
export {kinds} from './house-style/kinds/index.js'

/**
 * Load, validate and compile rules from `sources` (ours first, then a
 * newsroom's) with the shipped kinds, cached per list of sources.
 */
export function loadStyle(sources: ReadonlyArray<string> = [defaultRulesFolder]): Style {
  return loadStyleWith(kinds, sources)
}
