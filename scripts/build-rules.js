#!/usr/bin/env node
// Parse copydesk's own rules files (rules/*.yml) once at `npm run build` into
// dist/house-style/default-rules.json, so a run does not parse their YAML
// (src/house-style/load.ts; each entry carries the SHA-1 of its file's text,
// and a file edited since the build is parsed again at run time).
import fs from 'node:fs'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import {fileURLToPath} from 'node:url'
import {createRequire} from 'node:module'
import {parseFile, sha1, validatorName, validatorSchema} from '../dist/house-style/load.js'
import {kinds} from '../dist/house-style/kinds/index.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const folder = path.join(root, 'rules')
const out = {}
for (const name of fs.readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const filePath = path.join(folder, name)
  const text = fs.readFileSync(filePath, 'utf8')
  // Validated here as a newsroom's file would be.
  const {value} = parseFile(filePath, text, kinds)
  // Only what survives JSON unchanged.
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) continue
  out[name] = {sha1: sha1(text), value}
}
fs.writeFileSync(path.join(root, 'dist', 'house-style', 'default-rules.json'), JSON.stringify(out))
console.log(`build-rules: ${Object.keys(out).length} rules files → dist/house-style/default-rules.json`)

// Each kind's validators (a whole file, an override file, a merged entry) as
// code, so a newsroom's first load does not compile them with Ajv
// (src/house-style/load.ts; each is named by a hash of its schema).
{
  const require = createRequire(import.meta.url)
  const {Ajv} = require('ajv')
  const standaloneCode = require('ajv/dist/standalone').default
  const ajv = new Ajv({allErrors: false, strict: false, code: {source: true}})
  const names = {}
  for (const kind of kinds.values()) {
    for (const what of ['file', 'partial', 'entry']) {
      const schema = validatorSchema(kind, what)
      const name = validatorName(schema)
      if (names[name]) continue
      ajv.addSchema(schema, name)
      names[name] = name
    }
  }
  fs.writeFileSync(path.join(root, 'dist', 'house-style', 'validators.cjs'), standaloneCode(ajv, names))
  console.log(`build-rules: ${Object.keys(names).length} validators → dist/house-style/validators.cjs`)
}
