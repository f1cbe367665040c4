// The validators compiled to code at build time (scripts/build-rules.js into
// dist/house-style/validators.cjs) judge rules data exactly as Ajv compiling
// the schemas at run time does: same verdict, same first error (which the
// loader turns into its located message), on good and broken files.
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {Ajv, type ValidateFunction} from 'ajv'
import {beforeAll, describe, expect, test} from 'vitest'
import {kinds} from '../src/house-style/kinds/index.js'
import {fastYaml} from '../src/house-style/fast-yaml.js'
import {validatorName, validatorSchema} from '../src/house-style/load.js'
import {buildWhenStale} from './util/build.js'
// @ts-expect-error: a plain JavaScript script
import {rulesFiles} from '../scripts/rules-folder.js'

const require = createRequire(import.meta.url)
let built: {[name: string]: ValidateFunction}
beforeAll(async () => {
  await buildWhenStale()
  built = require(path.resolve(import.meta.dirname, '..', 'dist', 'house-style', 'validators.cjs'))
}, 600_000)

const ajv = new Ajv({allErrors: false, strict: false})
const whats = ['file', 'partial', 'entry'] as const

/** Good files of each kind: copydesk's own rules (read with yaml where they use anchors) and a generated newsroom's. */
function records(): Array<{[key: string]: unknown}> {
  const list: Array<{[key: string]: unknown}> = []
  for (const [, text] of rulesFiles(300) as Array<[string, string]>) list.push(fastYaml(text)!)
  const rules = path.resolve(import.meta.dirname, '..', 'rules')
  for (const name of fs.readdirSync(rules).filter((n) => n.endsWith('.yml'))) {
    const value = fastYaml(fs.readFileSync(path.join(rules, name), 'utf8'))
    if (value) list.push(value)
  }
  return list
}

/** Broken copies: a field missing, unknown, of the wrong type or value, in the header and in an entry. */
function broken(record: {[key: string]: unknown}): unknown[] {
  const entries = record.entries as Array<{[key: string]: unknown}>
  const entry = entries[Math.min(3, entries.length - 1)]!
  const withEntry = (change: (entry: {[key: string]: unknown}) => void) => {
    const copy = structuredClone(record)
    change((copy.entries as Array<{[key: string]: unknown}>)[Math.min(3, entries.length - 1)]!)
    return copy
  }
  const keys = Object.keys(entry).filter((key) => key !== 'id')
  return [
    {...record, message: undefined},
    {...record, level: 'loud'},
    {...record, colour: 'red'},
    {...record, entries: 'none'},
    {...record, link: 'ftp://example.com'},
    withEntry((e) => delete e.id),
    withEntry((e) => (e.colour = 'red')),
    withEntry((e) => (e.id = 'Not An Id')),
    ...keys.flatMap((key) => [withEntry((e) => delete e[key]), withEntry((e) => (e[key] = 12)), withEntry((e) => (e[key] = [])), withEntry((e) => (e[key] = ''))])
  ].map((value) => JSON.parse(JSON.stringify(value)))
}

const verdict = (validate: ValidateFunction, data: unknown) => {
  const valid = validate(data)
  const error = validate.errors?.[0]
  return {valid, error: error && {instancePath: error.instancePath, keyword: error.keyword, params: error.params, message: error.message}}
}

describe('validators built to code', () => {
  test('one per kind and use, named by its schema', () => {
    for (const kind of kinds.values()) for (const what of whats) expect(built[validatorName(validatorSchema(kind, what))], `${kind.name} ${what}`).toBeTypeOf('function')
  })

  test('judge good and broken files as Ajv does', () => {
    let checked = 0
    let invalid = 0
    for (const record of records()) {
      const kind = kinds.get(record.kind as string)!
      for (const what of whats) {
        const schema = validatorSchema(kind, what)
        const runtime = ajv.compile(schema)
        const code = built[validatorName(schema)]!
        const samples = what === 'entry' ? (record.entries as unknown[]).slice(0, 5).concat(broken(record).map((r) => ((r as {entries?: unknown[]}).entries || [])[3])) : [record, ...broken(record)]
        for (const sample of samples) {
          const expected = verdict(runtime, sample)
          expect(verdict(code, sample)).toEqual(expected)
          checked++
          if (!expected.valid) invalid++
        }
      }
    }
    expect(checked).toBeGreaterThan(500)
    expect(invalid).toBeGreaterThan(200)
  })
})
