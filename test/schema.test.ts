/**
 * rules/schema.json, the JSON Schema editors use for rules files, is
 * generated from the kinds (scripts/schema.js): it must equal what the code
 * generates now, accept every shipped file, and reject broken ones, which
 * the loader reports with `file:line:column`.
 */
import fs from 'node:fs'
import path from 'node:path'
import {Ajv} from 'ajv'
import {parse} from 'yaml'
import {describe, expect, test} from 'vitest'
import {defaultRulesFolder, loadStyle} from '../src/style.js'
import {kinds} from '../src/house-style/kinds/index.js'
import {publishedSchema} from '../src/house-style/schema.js'

const schemaFile = path.join(defaultRulesFolder, 'schema.json')
const fixtures = path.resolve(import.meta.dirname, 'fixtures')

function yamlFiles(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => path.join(folder, name))
}

describe('rules/schema.json', () => {
  const published = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as Record<string, unknown>
  const validate = new Ajv({allErrors: true, strict: false}).compile(published)

  test('is what the kinds generate (run `npm run build && node scripts/schema.js` after changing a kind)', () => {
    expect(published).toEqual(publishedSchema([...kinds.values()]))
  })

  test.each(yamlFiles(defaultRulesFolder).map((file) => [path.basename(file), file]))('accepts rules/%s', (_, file) => {
    const ok = validate(parse(fs.readFileSync(file, 'utf8')))
    expect(validate.errors || [], String(ok)).toEqual([])
  })

  test.each(yamlFiles(path.join(fixtures, 'newsroom')).map((file) => [path.basename(file), file]))(
    'accepts a newsroom override file (%s)',
    (_, file) => {
      validate(parse(fs.readFileSync(file, 'utf8')))
      expect(validate.errors || []).toEqual([])
    }
  )

  test.each(['unknown-kind.yml', 'wrong-type.yml', 'wrong-level.yml', 'unknown-field.yml'])('rejects rules-bad/%s', (name) => {
    expect(validate(parse(fs.readFileSync(path.join(fixtures, 'rules-bad', name), 'utf8')))).toBe(false)
  })

  test.each([
    ['wrong-type.yml', ':7:17 (entry "kyiv"): `exceptions` is "chicken Kiev", which is not an array.'],
    ['unknown-field.yml', ':6:5 (entry "a"): unknown field `replace`.'],
    ['missing-field.yml', ':4:5 (entry "envoy"): the entry is missing `forms`.'],
    ['unknown-kind.yml', ':1:7: unknown kind "subsitution";']
  ])('the loader locates the error in rules-bad/%s', (name, where) => {
    const file = path.join(fixtures, 'rules-bad', name)
    expect(() => loadStyle([defaultRulesFolder, file])).toThrow(file + where)
  })
})
