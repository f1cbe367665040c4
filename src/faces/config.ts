/**
 * Find a newsroom's settings for a story: the nearest `.copydeskrc` (JSON or
 * YAML), `.copydeskrc.json`, `.copydeskrc.yml`, `.copydeskrc.yaml`, or a
 * `copydesk` field in `package.json`, searching upward from the story's
 * folder. The nearest one wins; they are not merged.
 *
 * unified-engine can find rc files too (`rcName`, `packageField`), but it
 * reads an extension-less rc file as JSON only and expects a list of
 * plugins; ours is one YAML-or-JSON object of copydesk options, so the CLI
 * looks them up here and hands the engine a single plugin.
 */
import fs from 'node:fs'
import path from 'node:path'
import {LineCounter, parseDocument} from 'yaml'
import {AliasBombError, aliasBombFix, toPlain} from '../house-style/yaml.js'
import type {Options} from '../options.js'

/** A configuration error: the message names the file and the fix. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Settings found for a folder. */
export interface FoundConfig {
  /** The file they came from (`undefined`: none found, defaults apply). */
  path?: string
  options: Options
  /** `allowErrorDismissal: true`: `copydesk serve` lets decisions dismiss error-level findings (docs/desk.md). */
  allowErrorDismissal?: boolean
}

/** The file names looked for in each folder, nearest first. */
export const configNames: ReadonlyArray<string> = [
  '.copydeskrc',
  '.copydeskrc.json',
  '.copydeskrc.yml',
  '.copydeskrc.yaml',
  'package.json'
]

const keys = ['dialect', 'checks', 'dictionary', 'rules', 'defaultRules', 'maxFindings', 'allowErrorDismissal']

/**
 * The settings in one named file (`copydesk --config FILE`), whatever its
 * name: `.json` and `package.json` read as JSON, anything else as JSON or
 * YAML. Throws `ConfigError` when it cannot be read or holds no settings.
 */
export function loadConfigFile(file: string): FoundConfig {
  const where = path.relative(process.cwd(), file) || file
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ConfigError(`${where}: cannot read settings: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`)
  }
  const options = readConfig(file, text)
  if (!options) throw new ConfigError(`${where}: has no \`copydesk\` field to read settings from`)
  return {path: file, options}
}

/** Looks up settings upward from folders, caching per folder. */
export class ConfigFinder {
  private readonly cache = new Map<string, FoundConfig>()

  /** With `fixed`, every folder gets those settings (`--config`) and nothing is looked up. */
  constructor(private readonly fixed?: FoundConfig) {}

  /** Settings for a story in `folder`. Throws `ConfigError` for a broken file. */
  find(folder: string): FoundConfig {
    if (this.fixed) return this.fixed
    const resolved = path.resolve(folder)
    const cached = this.cache.get(resolved)
    if (cached) return cached
    let found: FoundConfig | undefined
    for (const name of configNames) {
      const file = path.join(resolved, name)
      let text: string
      try {
        text = fs.readFileSync(file, 'utf8')
      } catch {
        continue
      }
      const options = readConfig(file, text)
      if (options) {
        // A server setting, not a checker option.
        const {allowErrorDismissal, ...rest} = options as Options & {allowErrorDismissal?: boolean}
        found = {path: file, options: rest, ...(allowErrorDismissal === undefined ? {} : {allowErrorDismissal})}
        break
      }
    }
    if (!found) {
      const parent = path.dirname(resolved)
      found = parent === resolved ? {options: {}} : this.find(parent)
    }
    this.cache.set(resolved, found)
    return found
  }
}

/**
 * Parse one configuration file's text into copydesk options, resolving
 * `rules` paths from the file's folder. Returns `undefined` for a
 * `package.json` without a `copydesk` field.
 */
export function readConfig(file: string, text: string): Options | undefined {
  const name = path.basename(file)
  const where = path.relative(process.cwd(), file) || file
  let value: unknown
  // Made only for YAML: the CLI bundle loads the yaml package on first use.
  let lineCounter: LineCounter | undefined
  // What yaml's `parse` does, keeping the document so an alias bomb can be located.
  const parseYaml = (source: string): unknown => {
    lineCounter = new LineCounter()
    const document = parseDocument(source, {lineCounter})
    if (document.errors.length > 0) throw document.errors[0]
    return toPlain(document)
  }
  try {
    value = name === 'package.json' || name.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    if (error instanceof AliasBombError) {
      const {line, col} = lineCounter!.linePos(error.offset)
      throw new ConfigError(`${where}:${line}:${col}: cannot read settings: ${error.message}. ${aliasBombFix}`)
    }
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ConfigError(
      `${where}: cannot read settings: ${reason}. Fix: write ${name.endsWith('.json') || name === 'package.json' ? 'JSON' : 'JSON or YAML'} such as {"dialect": "en-US", "checks": {"titles": "off"}}.`
    )
  }
  if (name === 'package.json') {
    value = (value as {copydesk?: unknown} | null)?.copydesk
    if (value === undefined) return undefined
  }
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`${where}: settings must be an object of ${keys.join(', ')}. Fix: see README, Configuration.`)
  }
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!keys.includes(key)) {
      throw new ConfigError(`${where}: unknown setting \`${key}\`; accepted: ${keys.join(', ')}.`)
    }
  }
  if (record.allowErrorDismissal !== undefined && typeof record.allowErrorDismissal !== 'boolean') {
    throw new ConfigError(`${where}: \`allowErrorDismissal\` must be true or false (whether \`copydesk serve\` lets a named editor dismiss a must-never-publish finding with a reason).`)
  }
  const options = {...record} as Options & {rules?: unknown}
  const rules = record.rules
  if (typeof rules === 'string') options.rules = [resolve(rules)]
  else if (Array.isArray(rules)) options.rules = rules.map((item) => (typeof item === 'string' ? resolve(item) : item))
  return options

  function resolve(item: string): string {
    return path.resolve(path.dirname(file), item)
  }
}
