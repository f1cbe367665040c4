/**
 * Load rules files from folders or files: parse YAML with positions, validate
 * against the kind's schema, and merge layers (a newsroom's files add to and
 * override ours, entry by entry). Every error names the file, line:column, the
 * offending value, what is accepted and the fix.
 *
 * Layering, in the order of `sources` (copydesk's `rules/` first):
 *
 * - a file whose name is new adds a rule (it must be complete);
 * - a file with the name of an earlier one overrides it: header fields it sets
 *   replace ours (`level: off` switches the rule off), and each entry merges
 *   field by field into ours with the same `id`, or is added when the `id` is
 *   new (then it must be complete);
 * - `enabled: false` or `level: off` on an entry removes ours.
 *
 * Mistakes a layer can make, each a located `RulesError`: switching off an
 * entry that no earlier layer has (a typo in the id), reusing an id that an
 * earlier layer has in a *different* file of the same kind (an override put
 * in the wrong file), changing a file's kind, and two files with one name in
 * one folder.
 */
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Ajv, ErrorObject, ValidateFunction} from 'ajv'
import {LineCounter, isMap, isSeq, parseDocument, type Document} from 'yaml'
import type {Kind, LoadedRuleFile, RuleEntry, RuleHeader} from './kind.js'
import {entrySchema, fileSchema} from './schema.js'
import {AliasBombError, aliasBombFix, toPlain} from './yaml.js'
import {fastYaml} from './fast-yaml.js'

/** A broken rules file or folder. The message says where and how to fix it. */
export class RulesError extends Error {
  override name = 'RulesError'
}

/** A data path inside one rules file, e.g. `['entries', 3, 'use']`. */
type DataPath = ReadonlyArray<string | number>

/** One file, parsed and validated on its own. */
export interface ParsedFile {
  ruleId: string
  filePath: string
  value: {[key: string]: unknown}
  locate: (path: DataPath) => string
}

/** Options for {@link parseFile}. */
export interface ParseOptions {
  /** The file overrides an earlier one: header and entries may be partial (default `false`). */
  partial?: boolean
  /**
   * Skip schema validation (default `false`): for the rules shipped with
   * copydesk, which its tests validate, so start-up does not pay for
   * compiling a validator per kind (~180 ms). A newsroom's files are always
   * validated.
   */
  trusted?: boolean
}

/** Options for {@link loadRules}. */
export interface LoadOptions {
  /** Sources (folders or files) whose files need no schema validation (see `ParseOptions.trusted`). */
  trusted?: ReadonlyArray<string>
}

// Ajv is loaded and validators compiled only when a file needs validating (a
// newsroom's rules), so a run with copydesk's own rules never pays for them.
const require = createRequire(import.meta.url)
let ajv: Ajv | undefined
const validators = new Map<string, ValidateFunction>()

/**
 * copydesk's own rules files as plain data, parsed at `npm run build`
 * (scripts/build-rules.js writes `default-rules.json` beside this module),
 * keyed by file name with the SHA-1 of the text they came from: a file that
 * changed since the build is parsed again. YAML is parsed for such a file
 * only when an error must point at a line in it.
 */
let precompiled: Map<string, {sha1: string; value: {[key: string]: unknown}}> | undefined

function precompiledFor(filePath: string, text: string): {[key: string]: unknown} | undefined {
  if (!precompiled) {
    precompiled = new Map()
    try {
      const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'default-rules.json')
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as {[name: string]: {sha1: string; value: {[key: string]: unknown}}}
      for (const [name, entry] of Object.entries(data)) precompiled.set(name, entry)
    } catch {
      // No build output (running from source): parse every file.
    }
  }
  const entry = precompiled.get(path.basename(filePath))
  if (!entry || entry.sha1 !== sha1(text)) return undefined
  // A copy: loading merges layers into entries in place.
  return structuredClone(entry.value)
}

/** SHA-1 of a rules file's text (the key of its precompiled data). */
export function sha1(text: string): string {
  // Loaded here: a start from the CLI bundle's compiled rules never hashes.
  const {createHash} = require('node:crypto') as typeof import('node:crypto')
  return createHash('sha1').update(text).digest('hex')
}

/** Where each entry came from, so errors after merging still point at the right file. */
export const locationKey = Symbol('location')

/** What an entry keeps about the layers it was merged from. */
interface Origin {
  /** Fields this layer set. */
  fields: ReadonlySet<string>
  /** `path:line:column` of a field of the entry in this layer. */
  locate: (path: DataPath) => string
  /** Index of the source (layer) in `sources`. */
  layer: number
  filePath: string
  /** From a layer validated as partial (an override): checked again after merging. */
  partial: boolean
}

type Located = RuleEntry & {[locationKey]?: (path: DataPath) => string; [originsKey]?: Origin[]}

const originsKey = Symbol('origins')

interface Merging {
  ruleId: string
  kind: Kind
  paths: string[]
  header: RuleHeader
  /** Which layer set each header field last. */
  headerOrigin: Map<string, (path: DataPath) => string>
  entries: Located[]
  locateRoot: (path: DataPath) => string
}

/**
 * Load and merge rules from `sources` (folders of `*.yml` files, or single
 * files), in order: later sources add to and override earlier ones.
 */
export function loadRules(
  sources: ReadonlyArray<string>,
  kinds: ReadonlyMap<string, Kind>,
  options: LoadOptions = {}
): LoadedRuleFile[] {
  const merged = new Map<string, Merging>()
  const trusted = new Set((options.trusted || []).map((source) => path.resolve(source)))
  sources.forEach((source, layer) => {
    const seen = new Map<string, string>()
    for (const filePath of listFiles(source)) {
      const ruleId = ruleIdOf(filePath)
      const twin = seen.get(ruleId)
      if (twin) {
        throw new RulesError(
          `${filePath}:1:1: two files named "${ruleId}" in one folder (the other is ${twin}); a file's name is its ruleId. Fix: merge them into one file, or rename one.`
        )
      }
      seen.set(ruleId, filePath)
      const existing = merged.get(ruleId)
      const text = fs.readFileSync(filePath, 'utf8')
      const options = {partial: Boolean(existing), trusted: trusted.has(path.resolve(source))}
      const parsed =
        (options.trusted && !options.partial && fromPrecompiled(filePath, text, kinds)) ||
        parseFile(filePath, text, kinds, options)
      if (existing) layerOver(existing, parsed, layer)
      else merged.set(ruleId, fromParsed(parsed, kinds, layer))
    }
  })
  const files = [...merged.values()]
  checkIdsAcrossFiles(files)
  return files.map((file) => finish(file))
}

/** Parse and validate one rules file's text. Exported for tests and editors. */
export function parseFile(
  filePath: string,
  text: string,
  kinds: ReadonlyMap<string, Kind>,
  options: ParseOptions = {}
): ParsedFile {
  const ruleId = ruleIdOf(filePath)
  // Most files read fast without positions; a file's YAML is parsed again with
  // them only when an error must point at a line (src/house-style/fast-yaml.ts).
  const fast = fastYaml(text)
  let full: {locate: (path: DataPath) => string; value: unknown; where: (offset: number) => string} | undefined
  const positioned = () => (full ||= parseWithPositions(filePath, text))
  const value: unknown = fast ?? positioned().value
  const locate = fast ? (dataPath: DataPath) => positioned().locate(dataPath) : positioned().locate
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new RulesError(
      `${positioned().where(0)}: a rules file must be a mapping with \`kind\`, \`message\` and \`entries\`. Fix: start from one of the files in copydesk's rules/ folder.`
    )
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(ruleId)) {
    throw new RulesError(
      `${filePath}:1:1: the file name "${ruleId}" is the ruleId of its messages and must be lowercase letters, digits and dashes. Fix: rename the file (e.g. "house-forms.yml").`
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
  if (!options.trusted || options.partial) validate(kind, record, locate, Boolean(options.partial))
  checkUniqueIds((record.entries as RuleEntry[] | undefined) || [], locate)
  return {ruleId, filePath, value: record, locate}
}

/** Parse with `yaml`, keeping positions: YAML errors are thrown located. */
function parseWithPositions(
  filePath: string,
  text: string
): {locate: (path: DataPath) => string; value: unknown; where: (offset: number) => string} {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true})
  const where = (offset: number) => {
    const {line, col} = lineCounter.linePos(offset)
    return `${filePath}:${line}:${col}`
  }
  if (document.errors.length > 0) {
    const error = document.errors[0]
    const duplicate = /unique/i.test(error.message)
    throw new RulesError(
      `${where(error.pos[0])}: this is not valid YAML: ${error.message.split('\n')[0]}. ` +
        (duplicate
          ? 'Fix: a key appears twice in one mapping; keep one.'
          : 'Fix: check the indentation and quoting on that line (quote values that contain `: ` or start with `{`, `[`, `*`, `&`, `!` or `%`).')
    )
  }
  let value: unknown
  try {
    value = toPlain(document)
  } catch (error) {
    if (!(error instanceof AliasBombError)) throw error
    throw new RulesError(`${where(error.offset)}: this is not valid YAML for copydesk: ${error.message}. ${aliasBombFix}`)
  }
  // A document whose top is not a mapping has no data to point into.
  if (!isMap(document.contents)) value = undefined
  return {locate: (dataPath) => where(nodeOffset(document, dataPath)), value, where}
}

/** A trusted file from its build-time data, parsing its YAML only if an error needs a location. */
function fromPrecompiled(filePath: string, text: string, kinds: ReadonlyMap<string, Kind>): ParsedFile | undefined {
  const value = precompiledFor(filePath, text)
  if (!value || typeof value.kind !== 'string' || !kinds.has(value.kind)) return undefined
  let full: ParsedFile | undefined
  const locate = (dataPath: DataPath) => {
    full ||= parseFile(filePath, text, kinds, {trusted: true})
    return full.locate(dataPath)
  }
  checkUniqueIds((value.entries as RuleEntry[] | undefined) || [], locate)
  return {ruleId: ruleIdOf(filePath), filePath, value, locate}
}

/** `path:line:column` of a field of an entry, in whichever layer set that field. */
export function locateEntry(file: LoadedRuleFile, entry: RuleEntry, fieldPath: DataPath = []): string {
  const locate = (entry as Located)[locationKey]
  return locate ? locate(fieldPath) : file.locate(['entries'])
}

function ruleIdOf(filePath: string): string {
  return path.basename(filePath).replace(/\.ya?ml$/, '')
}

/** The schema a validator checks: a whole file, an override (partial) file, or one merged entry. */
export function validatorSchema(kind: Kind, what: 'file' | 'partial' | 'entry'): object {
  return what === 'entry' ? entrySchema(kind) : fileSchema(kind, {partial: what === 'partial'})
}

/** The name of a schema's validator in `validators.cjs`: a hash of the schema, so a changed schema is never checked by an old validator. */
export function validatorName(schema: object): string {
  return 'v' + sha1(JSON.stringify(schema))
}

/**
 * Validators compiled to code at `npm run build` (scripts/build-rules.js
 * writes `validators.cjs` beside this module), so a newsroom's first load
 * does not pay Ajv's compile (~0.1–0.2 s) of each kind's schema; null when
 * there is none (running from source): Ajv compiles them.
 */
let prebuilt: {[name: string]: ValidateFunction} | null | undefined

function validatorFor(kind: Kind, what: 'file' | 'partial' | 'entry'): ValidateFunction {
  const key = `${kind.name}\0${what}`
  let validator = validators.get(key)
  if (!validator) {
    const schema = validatorSchema(kind, what)
    if (prebuilt === undefined) {
      try {
        prebuilt = require(path.join(path.dirname(fileURLToPath(import.meta.url)), 'validators.cjs')) as {[name: string]: ValidateFunction}
      } catch {
        prebuilt = null
      }
    }
    validator = prebuilt?.[validatorName(schema)]
    if (!validator) {
      ajv ||= new (require('ajv') as typeof import('ajv')).Ajv({allErrors: false, strict: false})
      validator = ajv.compile(schema)
    }
    validators.set(key, validator)
  }
  return validator
}

function validate(kind: Kind, record: {[key: string]: unknown}, locate: (path: DataPath) => string, partial: boolean): void {
  const validator = validatorFor(kind, partial ? 'partial' : 'file')
  if (validator(record)) return
  const error = (validator.errors || [])[0]
  throw new RulesError(describe(error, record, [], locate))
}

/** Turn an Ajv error into a located message: where, what, what is accepted, the fix. */
function describe(
  error: ErrorObject,
  record: unknown,
  prefix: DataPath,
  locate: (path: DataPath) => string
): string {
  const local = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')))
  const dataPath = [...prefix, ...local]
  const entryIndex = dataPath[0] === 'entries' && typeof dataPath[1] === 'number' ? dataPath[1] : -1
  const entryRecord =
    prefix.length > 0
      ? (record as {id?: unknown})
      : ((record as {entries?: Array<{id?: unknown}>}).entries || [])[entryIndex]
  const entryName = entryIndex >= 0 && entryRecord?.id ? ` (entry "${String(entryRecord.id)}")` : ''
  // Inside an entry, name the field relative to it: `exceptions`, not `entries.0.exceptions`.
  const inEntry = entryIndex >= 0 ? dataPath.slice(2) : dataPath
  const field = inEntry.length > 0 ? '`' + inEntry.join('.') + '`' : entryIndex >= 0 ? 'the entry' : 'the file'
  const got = JSON.stringify(valueAt(record, local))
  const params = error.params as {[key: string]: unknown}
  switch (error.keyword) {
    case 'required':
      return `${locate(dataPath)}${entryName}: ${field} is missing \`${String(params.missingProperty)}\`. Fix: add \`${String(params.missingProperty)}:\` there.`
    case 'additionalProperties':
      return `${locate([...dataPath, keyOnly + String(params.additionalProperty)])}${entryName}: unknown field \`${String(params.additionalProperty)}\`. Fix: remove it or check its spelling against rules/schema.json.`
    case 'enum':
      return `${locate(dataPath)}${entryName}: ${field} is ${got}; accepted: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}. Fix: use one of those.`
    case 'const':
      return `${locate(dataPath)}${entryName}: ${field} is ${got}; expected ${JSON.stringify(params.allowedValue)}. Fix: use ${JSON.stringify(params.allowedValue)}.`
    case 'type':
      return `${locate(dataPath)}${entryName}: ${field} is ${got}, which is not ${article(String(params.type))} ${String(params.type)}. Fix: write it as ${article(String(params.type))} ${String(params.type)}${params.type === 'array' ? ' (e.g. `[one, two]`)' : params.type === 'string' ? ' (quote it if it looks like a number or `yes`/`no`)' : ''}.`
    case 'pattern':
      if (inEntry[inEntry.length - 1] === 'link') {
        return `${locate(dataPath)}${entryName}: ${field} is ${got}, which is not an http(s) address. Fix: link to the stylebook or your own guide with an address that starts with \`https://\`.`
      }
      return `${locate(dataPath)}${entryName}: ${field} is ${got}, which does not match ${String(params.pattern)}. Fix: use lowercase letters, digits and dashes.`
    case 'minLength':
    case 'minItems':
      return `${locate(dataPath)}${entryName}: ${field} is empty (${got}). Fix: give it a value, or remove the field.`
    default:
      return `${locate(dataPath)}${entryName}: ${field} ${error.message || 'is not valid'} (got ${got}). Fix: see rules/schema.json.`
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a'
}

function checkUniqueIds(entries: RuleEntry[], locate: (path: DataPath) => string): void {
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

function headerOf(record: {[key: string]: unknown}, kind: Kind): RuleHeader {
  return {
    kind: kind.name,
    message: record.message as string,
    level: (record.level as RuleHeader['level']) || kind.defaults?.level || 'warning',
    link: record.link as string | undefined,
    scope: (record.scope as RuleHeader['scope']) || kind.defaults?.scope || 'text',
    quotes: (record.quotes as RuleHeader['quotes']) || kind.defaults?.quotes || 'skip',
    description: record.description as string | undefined
  }
}

const headerKeys = ['message', 'level', 'link', 'scope', 'quotes', 'description'] as const

function fromParsed(parsed: ParsedFile, kinds: ReadonlyMap<string, Kind>, layer: number): Merging {
  const record = parsed.value
  const kind = kinds.get(record.kind as string)!
  const headerOrigin = new Map<string, (path: DataPath) => string>()
  for (const key of headerKeys) if (record[key] !== undefined) headerOrigin.set(key, parsed.locate)
  const entries = ((record.entries as RuleEntry[]) || []).map((entry, index) => {
    return located({...entry}, [originOf(parsed, entry, index, layer)])
  })
  return {
    ruleId: parsed.ruleId,
    kind,
    paths: [parsed.filePath],
    header: headerOf(record, kind),
    headerOrigin,
    entries,
    locateRoot: parsed.locate
  }
}

function originOf(parsed: ParsedFile, entry: RuleEntry, index: number, layer: number, partial = false): Origin {
  return {
    fields: new Set(Object.keys(entry)),
    locate: (p) => parsed.locate(['entries', index, ...p]),
    layer,
    filePath: parsed.filePath,
    partial
  }
}

function located(entry: RuleEntry, origins: Origin[]): Located {
  const value = entry as Located
  value[originsKey] = origins
  value[locationKey] = (fieldPath: DataPath) => {
    // The last layer that set this field, else the last layer that touched the entry.
    const first = fieldPath[0]
    const field = typeof first === 'string' && first.startsWith(keyOnly) ? first.slice(1) : first
    for (let index = origins.length - 1; index >= 0; index--) {
      if (typeof field === 'string' && origins[index].fields.has(field)) return origins[index].locate(fieldPath)
    }
    return origins[origins.length - 1].locate(fieldPath.length > 0 && typeof field === 'string' ? [] : fieldPath)
  }
  return value
}

function layerOver(base: Merging, parsed: ParsedFile, layer: number): void {
  const record = parsed.value
  if (record.kind !== base.header.kind) {
    throw new RulesError(
      `${parsed.locate(['kind'])}: this file overrides ${base.paths[0]}, which is kind "${base.header.kind}", but says kind "${String(record.kind)}". Fix: use kind "${base.header.kind}", or rename the file to make a new rule.`
    )
  }
  for (const key of headerKeys) {
    if (record[key] === undefined) continue
    ;(base.header as unknown as Record<string, unknown>)[key] = record[key]
    base.headerOrigin.set(key, parsed.locate)
  }
  base.paths.push(parsed.filePath)
  base.locateRoot = parsed.locate
  const entries = (record.entries as RuleEntry[] | undefined) || []
  entries.forEach((entry, index) => {
    const origin = originOf(parsed, entry, index, layer, true)
    const at = base.entries.findIndex((existing) => existing.id === entry.id)
    if (at === -1) {
      if (entry.enabled === false || entry.level === 'off') {
        throw new RulesError(
          `${parsed.locate(['entries', index, 'id'])}: entry "${entry.id}" switches off an entry that ${base.paths.slice(0, -1).join(', ')} does not have. ` +
            `Fix: check the id (the ids of "${base.ruleId}" are: ${listIds(base.entries)}), or remove this entry.`
        )
      }
      base.entries.push(located({...entry}, [origin]))
      return
    }
    const existing = base.entries[at]
    const origins = [...(existing[originsKey] || []), origin]
    // Field by field: a layer changes what it names and keeps the rest of ours.
    const next: RuleEntry = {...existing, ...entry}
    base.entries[at] = located(next, origins)
  })
}

function listIds(entries: ReadonlyArray<RuleEntry>): string {
  const ids = entries.map((entry) => entry.id)
  return ids.length > 12 ? ids.slice(0, 12).join(', ') + ', …' : ids.join(', ')
}

/** Ids must not repeat across files of one kind from different layers: that is an override in the wrong file. */
function checkIdsAcrossFiles(files: ReadonlyArray<Merging>): void {
  const byKind = new Map<string, Map<string, {file: Merging; entry: Located; layer: number}>>()
  for (const file of files) {
    let ids = byKind.get(file.kind.name)
    if (!ids) byKind.set(file.kind.name, (ids = new Map()))
    for (const entry of file.entries) {
      const layer = (entry[originsKey] || [])[0]?.layer ?? 0
      const other = ids.get(entry.id)
      if (other && other.file !== file && other.layer !== layer) {
        const [earlier, later] = other.layer < layer ? [other, {file, entry, layer}] : [{file, entry, layer}, other]
        throw new RulesError(
          `${later.entry[locationKey]!(['id'])}: entry id "${entry.id}" is already used in ${earlier.file.ruleId} (${earlier.entry[locationKey]!(['id'])}), a ${file.kind.name} file of an earlier layer. ` +
            `Fix: to override that entry, put it in a file named "${earlier.file.ruleId}.yml"; to add a separate rule, give it a new id.`
        )
      }
      if (!other) ids.set(entry.id, {file, entry, layer})
    }
  }
}

/** Validate merged entries, drop switched-off ones, and freeze the file's shape. */
function finish(file: Merging): LoadedRuleFile {
  if (file.header.message === undefined) {
    throw new RulesError(`${file.locateRoot([])}: the file is missing \`message\`. Fix: add \`message:\` to the header.`)
  }
  for (const entry of file.entries) {
    if (entry.enabled === false || entry.level === 'off') continue
    // An entry from one complete file was validated with it.
    const from = entry[originsKey] || []
    if (from.length === 1 && !from[0].partial) continue
    const plain = plainEntry(entry)
    const validator = validatorFor(file.kind, 'entry')
    if (validator(plain)) continue
    const error = (validator.errors || [])[0]
    const origins = entry[originsKey] || []
    const overriding = origins.length === 1 && origins[0].layer > 0 && file.paths.length > 1
    const text = describe(error, plain, ['entries', 0], (p) => entry[locationKey]!(p.slice(2)))
    throw new RulesError(
      overriding
        ? text.replace(
            /\. Fix: /,
            `. (No entry "${entry.id}" in ${file.paths[0]} to merge with, so this entry must be complete.) Fix: `
          )
        : text
    )
  }
  const entries = file.entries.filter((entry) => entry.enabled !== false && entry.level !== 'off')
  const off = file.entries.filter((entry) => entry.enabled === false || entry.level === 'off').map(plainEntry)
  const loaded: LoadedRuleFile = {
    ruleId: file.ruleId,
    paths: file.paths,
    header: file.header,
    entries,
    ...(off.length > 0 ? {off} : {}),
    locate: (dataPath) => {
      const [first, index, ...rest] = dataPath
      if (first === 'entries' && typeof index === 'number' && entries[index]) {
        return entries[index][locationKey]!(rest)
      }
      if (typeof first === 'string') {
        const origin = file.headerOrigin.get(first)
        if (origin) return origin(dataPath)
      }
      return file.locateRoot(dataPath)
    }
  }
  return loaded
}

function plainEntry(entry: Located): RuleEntry {
  return {...entry}
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

/** Paths and modification times of the rules files in `sources`, for cache keys. */
export function sourceStamp(sources: ReadonlyArray<string>): string {
  const parts: string[] = []
  for (const source of sources) {
    parts.push(path.resolve(source))
    let files: string[]
    try {
      files = listFiles(source)
    } catch {
      continue
    }
    for (const file of files) {
      try {
        const stat = fs.statSync(file)
        parts.push(`${file}@${stat.mtimeMs}:${stat.size}`)
      } catch {
        parts.push(file)
      }
    }
    const dictionary = path.join(source, 'dictionary.txt')
    if (fs.existsSync(dictionary)) parts.push(`${dictionary}@${fs.statSync(dictionary).mtimeMs}`)
  }
  return parts.join('\0')
}

/** Prefix of a last path element that means "the key itself, not its value" (an unknown field). */
const keyOnly = '\u0000'

function nodeOffset(document: Document, dataPath: DataPath): number {
  // Walk as far down the path as the document goes; point at the deepest node found.
  let node: unknown = document.contents
  let offset = (node as {range?: [number, number, number]})?.range?.[0] ?? 0
  for (let depth = 0; depth < dataPath.length; depth++) {
    let key = dataPath[depth]
    const bare = typeof key === 'string' && key.startsWith(keyOnly)
    if (bare) key = (key as string).slice(1)
    if (isMap(node)) {
      const pair = node.items.find((item) => (item.key as {value?: unknown})?.value === key)
      if (!pair) break
      const keyNode = pair.key as {range?: [number, number, number]}
      offset = keyNode.range?.[0] ?? offset
      node = pair.value
      // The last key of the path: point at its value (`level: loud` → at `loud`).
      const range = (node as {range?: [number, number, number]})?.range
      if (range && depth === dataPath.length - 1 && !bare && !isMap(node) && !isSeq(node)) offset = range[0]
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key]
      const range = (node as {range?: [number, number, number]})?.range
      if (!range) break
      offset = range[0]
    } else break
  }
  return offset
}

function valueAt(record: unknown, dataPath: DataPath): unknown {
  let value = record
  for (const key of dataPath) {
    if (value && typeof value === 'object') value = (value as Record<string | number, unknown>)[key]
    else return undefined
  }
  return value
}
