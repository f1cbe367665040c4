#!/usr/bin/env node
// Write rules/schema.json, the JSON Schema editors use to autocomplete and
// check rules files (`# yaml-language-server: $schema=./schema.json`), from
// the kinds' own schemas. Run after `npm run build`.
// Usage: node scripts/schema.js [--check]   (--check: exit 1 if the file is stale)
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {kinds} from '../dist/house-style/kinds/index.js'
import {publishedSchema} from '../dist/house-style/schema.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const file = path.join(root, 'rules', 'schema.json')
const text = JSON.stringify(publishedSchema([...kinds.values()]), null, 2) + '\n'

if (process.argv.includes('--check')) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
  if (current !== text) {
    console.error('rules/schema.json is stale: run `npm run build && node scripts/schema.js`.')
    process.exit(1)
  }
  console.log('rules/schema.json is up to date.')
} else {
  fs.writeFileSync(file, text)
  console.log(`Wrote ${path.relative(process.cwd(), file)} (${kinds.size} kinds).`)
}
