/**
 * Load rules files from folders or files: parse YAML with positions, validate
 * against the kind's schema, and merge layers (a newsroom's files add to and
 * override ours, entry by entry). Every error names the file, line:column, the
 * offending value, what is accepted and the fix.
 */
import fs from 'node:fs'
import path from 'node:path'
import {Ajv, type ErrorObject} from 'ajv'
import {LineCounter, isMap, isSeq, parseDocument, type Document} from 'yaml'
import type {Kind, LoadedRuleFile, RuleEntry, RuleHeader} from './kind.js'
import {fileSchema} from './schema.js'

/** A broken rules file or folder. The message says where and how to fix it. */
export class RulesError extends Error {
  override name = 'RulesError'
}

interface ParsedFile {
  ruleId: string
  filePath: string
  value: {[key: string]: unknown}
  locate: (path: ReadonlyArray<string | number>) => string
}

const ajv = new Ajv({allErrors: false, strict: false})
const validators = new Map<string, ReturnType<Ajv['compile']>>()

/**
 * Load and merge rules from `sources` (folders of `*.yml` files, or single
 * files), in order: later sources add to and override earlier ones.
 */
export function loadRules(
  sources: ReadonlyArray<string>,
  kinds: ReadonlyMap<string, Kind>
): LoadedRuleFile[] {
  const merged = new Map<string, LoadedRuleFile>()
  for (const source of sources) {
    for (const filePath of listFiles(source)) {
      const parsed = parseFile(filePath, fs.readFileSync(filePath, 'utf8'), kinds)
      const existing = merged.get(parsed.ruleId)
      merged.set(parsed.ruleId, existing ? layer(existing, parsed) : fromParsed(parsed, kinds))
    }
  }
  return [...merged.values()].map((file) => ({
    ...file,
    entries: file.entries.filter((entry) => entry.enabled !== false)
  }))
}

/** Parse and validate one rules file's text. Exported for tests and editors. */
export function parseFile(
  filePath: string,
  text: string,
  kinds: ReadonlyMap<string, Kind>
): ParsedFile {
  const ruleId = path.basename(filePath).replace(/\.ya?ml$/, '')
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const where = (offset: number) => {
    const {line, col} = lineCounter.linePos(offset)
    return `${filePath}:${line}:${col}`
  }
  if (document.errors.length > 0) {
    const error = document.errors[0]
    throw new RulesError(
      `${where(error.pos[0])}: this is not valid YAML: ${error.message.split('\n')[0]}. ` +
        'Fix: check the indentation and quoting on that line (quote values that contain `: ` or start with `{`, `[`, `*`, `&`, `!` or `%`).'
    )
  }
  const locate = (dataPath: ReadonlyArray<string | number>) =>
    where(nodeOffset(document, dataPath))
  const value = document.toJS() as unknown
  if (!isMap(document.contents) || !value || typeof value !== 'object') {
    throw new RulesError(
      `${where(0)}: a rules file must be a mapping with \`kind\`, \`message\` and \`entries\`. Fix: start from one of the files in copydesk's rules/ folder.`
    )
  }
  const record = value as {[key: string]: unknown}
  const kindName = record.kind
  const kind = typeof kindName === 'string' ? kinds.get(kindName) : undefined
  if (!kind) {
    throw new RulesError(
      `${locate(['kind'])}: unknown kind ${JSON.stringify(kindName)}; accepted: ${[...kinds.keys()].join(', ')}. ` +
        'Fix: set `kind:` to one of those (it decides which fields entries have).'
    )
  }
  validate(kind, record, locate)
  checkUniqueIds(record.entries as RuleEntry[], locate)
  return {ruleId, filePath, value: record, locate}
}

function validate(
  kind: Kind,
  record: {[key: string]: unknown},
  locate: (path: ReadonlyArray<string | number>) => string
): void {
  let validator = validators.get(kind.name)
  if (!validator) {
    validator = ajv.compile(fileSchema(kind))
    validators.set(kind.name, validator)
  }
  if (validator(record)) return
  const error = (validator.errors || [])[0]
  throw new RulesError(describe(error, record, locate))
}

function describe(
  error: ErrorObject,
  record: {[key: string]: unknown},
  locate: (path: ReadonlyArray<string | number>) => string
): string {
  const dataPath = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')))
  const entryIndex = dataPath[0] === 'entries' && typeof dataPath[1] === 'number' ? dataPath[1] : -1
  const entries = record.entries as Array<{id?: unknown}> | undefined
  const entryName =
    entryIndex >= 0 && entries?.[entryIndex]?.id ? ` (entry "${String(entries[entryIndex].id)}")` : ''
  const field = dataPath.length > 0 ? '`' + dataPath.join('.') + '`' : 'the file'
  const got = JSON.stringify(valueAt(record, dataPath))
  const params = error.params as {[key: string]: unknown}
  switch (error.keyword) {
    case 'required':
      return `${locate(dataPath)}${entryName}: ${field} is missing \`${String(params.missingProperty)}\`. Fix: add \`${String(params.missingProperty)}:\` there.`
    case 'additionalProperties':
      return `${locate([...dataPath, String(params.additionalProperty)])}${entryName}: unknown field \`${String(params.additionalProperty)}\`. Fix: remove it or check its spelling against rules/schema.json.`
    case 'enum':
      return `${locate(dataPath)}${entryName}: ${field} is ${got}; accepted: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}. Fix: use one of those.`
    case 'const':
      return `${locate(dataPath)}${entryName}: ${field} is ${got}; expected ${JSON.stringify(params.allowedValue)}.`
    case 'type':
      return `${locate(dataPath)}${entryName}: ${field} is ${got}, which is not a ${String(params.type)}. Fix: write it as a ${String(params.type)}${params.type === 'array' ? ' (e.g. `[one, two]`)' : ''}.`
    case 'pattern':
      return `${locate(dataPath)}${entryName}: ${field} is ${got}, which does not match ${String(params.pattern)}. Fix: use lowercase letters, digits and dashes.`
    default:
      return `${locate(dataPath)}${entryName}: ${field} ${error.message || 'is not valid'} (got ${got}). Fix: see rules/schema.json.`
  }
}

function checkUniqueIds(
  entries: RuleEntry[],
  locate: (path: ReadonlyArray<string | number>) => string
): void {
  const seen = new Map<string, number>()
  entries.forEach((entry, index) => {
    const first = seen.get(entry.id)
    if (first !== undefined) {
      throw new RulesError(
        `${locate(['entries', index, 'id'])}: duplicate entry id "${entry.id}" (first at ${locate(['entries', first, 'id'])}). Fix: give each entry its own id, or merge the two.`
      )
    }
    seen.set(entry.id, index)
  })
}

function fromParsed(parsed: ParsedFile, kinds: ReadonlyMap<string, Kind>): LoadedRuleFile {
  const record = parsed.value
  const kind = kinds.get(record.kind as string)!
  const header: RuleHeader = {
    kind: kind.name,
    message: record.message as string,
    level: (record.level as RuleHeader['level']) || kind.defaults?.level || 'warning',
    link: record.link as string | undefined,
    scope: (record.scope as RuleHeader['scope']) || kind.defaults?.scope || 'text',
    quotes: (record.quotes as RuleHeader['quotes']) || kind.defaults?.quotes || 'skip',
    description: record.description as string | undefined
  }
  const entries = (record.entries as RuleEntry[]).map((entry, index) =>
    Object.assign({}, entry, {[locationKey]: (p: ReadonlyArray<string | number>) => parsed.locate(['entries', index, ...p])})
  )
  return {
    ruleId: parsed.ruleId,
    paths: [parsed.filePath],
    header,
    entries,
    locate: parsed.locate
  }
}

/** Where each entry came from, so errors after merging still point at the right file. */
export const locationKey = Symbol('location')

/** `path:line:column` of a field of an entry, in whichever layer it came from. */
export function locateEntry(
  file: LoadedRuleFile,
  entry: RuleEntry,
  fieldPath: ReadonlyArray<string | number> = []
): string {
  const locate = (entry as unknown as {[locationKey]?: (p: ReadonlyArray<string | number>) => string})[locationKey]
  return locate ? locate(fieldPath) : file.locate(['entries'])
}

function layer(base: LoadedRuleFile, parsed: ParsedFile): LoadedRuleFile {
  const record = parsed.value
  if (record.kind !== base.header.kind) {
    throw new RulesError(
      `${parsed.locate(['kind'])}: this file overrides ${base.paths[0]}, which is kind "${base.header.kind}", but says kind "${String(record.kind)}". Fix: use kind "${base.header.kind}", or rename the file to make a new rule.`
    )
  }
  const header: RuleHeader = {...base.header}
  for (const key of ['message', 'level', 'link', 'scope', 'quotes', 'description'] as const) {
    if (record[key] !== undefined) (header as unknown as Record<string, unknown>)[key] = record[key]
  }
  const entries = [...base.entries]
  ;(record.entries as RuleEntry[]).forEach((entry, index) => {
    const located = Object.assign({}, entry, {
      [locationKey]: (p: ReadonlyArray<string | number>) => parsed.locate(['entries', index, ...p])
    })
    const at = entries.findIndex((existing) => existing.id === entry.id)
    if (at === -1) entries.push(located)
    else entries[at] = entry.enabled === false ? {...entries[at], enabled: false} : located
  })
  return {ruleId: base.ruleId, paths: [...base.paths, parsed.filePath], header, entries, locate: parsed.locate}
}

function listFiles(source: string): string[] {
  let stat: fs.Stats
  try {
    stat = fs.statSync(source)
  } catch {
    throw new RulesError(
      `${source}: no such rules folder or file. Fix: check the \`rules\` path in your options or .copydeskrc (relative paths are resolved from the config file's folder).`
    )
  }
  if (stat.isFile()) return [source]
  return fs
    .readdirSync(source)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(source, name))
}

function nodeOffset(document: Document, dataPath: ReadonlyArray<string | number>): number {
  // Walk as far down the path as the document goes; point at the deepest node found.
  let node: unknown = document.contents
  let offset = 0
  for (const key of dataPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as {value?: unknown})?.value === key)
      if (!pair) break
      const keyNode = pair.key as {range?: [number, number, number]}
      offset = keyNode.range?.[0] ?? offset
      node = pair.value
      const range = (node as {range?: [number, number, number]})?.range
      if (range && typeof key === 'string' && dataPath.indexOf(key) === dataPath.length - 1) {
        offset = range[0]
      }
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key]
      const range = (node as {range?: [number, number, number]})?.range
      if (!range) break
      offset = range[0]
    } else break
  }
  if (dataPath.length === 0) offset = (document.contents as {range?: [number, number, number]})?.range?.[0] ?? 0
  return offset
}

function valueAt(record: unknown, dataPath: ReadonlyArray<string | number>): unknown {
  let value = record
  for (const key of dataPath) {
    if (value && typeof value === 'object') value = (value as Record<string | number, unknown>)[key]
    else return undefined
  }
  return value
}
