/**
 * Compile loaded rules files into what the kind plugins use, once, and cache
 * the result per set of sources.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {CompiledRuleFile, Kind, LoadedRuleFile} from './kind.js'
import {RuleDataError} from './kind.js'
import {kinds} from './kinds.js'
import {loadRules, locateEntry, RulesError} from './load.js'

/** Everything the preset needs from house style. */
export interface Style {
  /** Compiled files, in load order, by `ruleId`. */
  files: ReadonlyArray<CompiledRuleFile>
  /** Extra dictionary words from `dictionary.txt` files in the sources (one per line). */
  dictionary: ReadonlyArray<string>
  /** The folders and files this came from. */
  sources: ReadonlyArray<string>
}

/** The folder of rules shipped with copydesk (AP style). */
export const defaultRulesFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'rules'
)

const cache = new Map<string, Style>()

/**
 * Load, validate and compile rules from `sources` (ours first, then a
 * newsroom's), cached per list of sources.
 */
export function loadStyle(sources: ReadonlyArray<string> = [defaultRulesFolder]): Style {
  const key = sources.join('\0')
  let style = cache.get(key)
  if (!style) {
    style = compileStyle(loadRules(sources, kinds), sources)
    cache.set(key, style)
  }
  return style
}

/** Compile loaded files with their kinds. */
export function compileStyle(
  loaded: ReadonlyArray<LoadedRuleFile>,
  sources: ReadonlyArray<string>
): Style {
  const files: CompiledRuleFile[] = []
  for (const file of loaded) {
    const kind = kinds.get(file.header.kind) as Kind
    const others = loaded.filter((other) => other !== file && other.header.kind === kind.name)
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

/** Fill a message template: `{actual}`, `{expected}` and other fields in braces. */
export function fillTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key]
    if (value === undefined || value === null) return whole
    return Array.isArray(value) ? value.map(String).join('`, `') : String(value)
  })
}
