/**
 * Compile loaded rules files into what the kind plugins use, once, and cache
 * the result per set of sources. The engine knows kinds only through the
 * `Kind` interface: the caller hands it the registry (src/style.ts joins the
 * engine and the shipped kinds of src/house-style/kinds/).
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {CompiledRuleFile, Kind, LoadedRuleFile, Style} from './kind.js'
import {RuleDataError} from './kind.js'
import {loadRules, locateEntry, RulesError, sourceStamp} from './load.js'
import {cachedStyle} from './cache.js'

export {fillTemplate} from './template.js'

/** Everything the preset needs from house style. */
// A compiled house style (declared in kind.ts, so the cache and the packer need not import this module).
export type {Style} from './kind.js'

/** The folder of rules shipped with copydesk (AP style). */
export const defaultRulesFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'rules'
)

const cache = new Map<string, {stamp: string; style: Style}>()

/** Options for {@link loadStyleWith}. */
export interface LoadStyleOptions {
  /**
   * The style for `sources` compiled ahead of time, if there is one that is
   * exactly what compiling them now would make (src/style.ts: copydesk's own
   * rules in the CLI bundle); otherwise undefined, and they are compiled.
   */
  precompiled?: (sources: ReadonlyArray<string>) => Style | undefined
}

/**
 * Load, validate and compile rules from `sources` (ours first, then a
 * newsroom's), cached per list of sources. The cache is keyed on the files'
 * paths and modification times, so an edited rules file is picked up by the
 * next checker made (a running checker keeps the style it was made with).
 * A newsroom's rules are also kept compiled on disk, keyed by their content
 * (src/house-style/cache.ts), for the next process.
 */
export function loadStyleWith(
  kinds: ReadonlyMap<string, Kind>,
  sources: ReadonlyArray<string>,
  options: LoadStyleOptions = {}
): Style {
  const key = [...kinds.keys()].join(',') + '\0' + sources.map((source) => path.resolve(source)).join('\0')
  const stamp = sourceStamp(sources)
  const cached = cache.get(key)
  if (cached && cached.stamp === stamp) return cached.style
  // Our own rules are validated by the tests; a newsroom's at every load.
  const compile = () => compileStyle(loadRules(sources, kinds, {trusted: [defaultRulesFolder]}), sources, kinds)
  const precompiled = options.precompiled?.(sources)
  // A newsroom's rules (big ones take seconds) from the disk cache (src/house-style/cache.ts); ours alone are quick.
  const ownOnly = sources.length === 1 && path.resolve(sources[0]) === defaultRulesFolder
  const style = precompiled ?? (ownOnly ? compile() : cachedStyle(sources, [...kinds.keys()], compile))
  cache.set(key, {stamp, style})
  return style
}

/** Forget compiled styles (tests that rewrite rules files within one clock tick). */
export function clearStyleCache(): void {
  cache.clear()
}

/** Compile loaded files with their kinds. */
export function compileStyle(
  loaded: ReadonlyArray<LoadedRuleFile>,
  sources: ReadonlyArray<string>,
  kinds: ReadonlyMap<string, Kind>
): Style {
  const files: CompiledRuleFile[] = []
  for (const file of loaded) {
    const kind = kinds.get(file.header.kind) as Kind
    // Files of the same kind loaded before this one (ours, then a newsroom's): a
    // conflict between two files is checked once, by the later, and reported at
    // the later entry — the one a newsroom just wrote.
    const others = loaded.slice(0, loaded.indexOf(file)).filter((other) => other.header.kind === kind.name)
    let data: unknown
    try {
      data = kind.compile(file, others)
    } catch (error) {
      if (error instanceof RuleDataError) {
        const [first, index, ...rest] = error.path
        const where =
          first === 'entries' && typeof index === 'number' && file.entries[index]
            ? locateEntry(file, file.entries[index], rest)
            : file.locate(error.path)
        throw new RulesError(`${where}: ${error.message}. Fix: ${error.fix}`)
      }
      throw error
    }
    files.push({
      ruleId: file.ruleId,
      kind: kind.name,
      level: file.header.level === 'off' ? 'warning' : file.header.level,
      link: file.header.link,
      message: file.header.message,
      scope: file.header.scope,
      quotes: file.header.quotes,
      data,
      // `off` in the data switches the rule off unless options turn it on.
      ...(file.header.level === 'off' ? {off: true} : {})
    } as CompiledRuleFile)
  }
  return {files, dictionary: readDictionaries(sources), sources}
}

function readDictionaries(sources: ReadonlyArray<string>): string[] {
  const words: string[] = []
  for (const source of sources) {
    const file = path.join(source, 'dictionary.txt')
    if (!fs.existsSync(file)) continue
    for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
      const word = line.replace(/#.*$/, '').trim()
      if (word) words.push(word)
    }
  }
  return words
}
