// copydesk's own rules, parsed at build time (scripts/build-rules.js into
// dist/house-style/default-rules.json), load exactly as parsing the YAML does,
// and a rules file edited after the build is parsed again.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {kinds} from '../src/house-style/kinds/index.js'
import {loadRules as loadFromYaml} from '../src/house-style/load.js'
import {buildWhenStale} from './util/build.js'

// The built modules, imported once dist/ is fresh (test/util/build.ts): a static import would load them before any build.
let loadBuilt: typeof loadFromYaml
let builtKinds: typeof kinds
beforeAll(async () => {
  await buildWhenStale()
  // @ts-expect-error: built JavaScript, no types needed here
  ;({loadRules: loadBuilt} = await import('../dist/house-style/load.js'))
  // @ts-expect-error: built JavaScript
  ;({kinds: builtKinds} = await import('../dist/house-style/kinds/index.js'))
}, 600_000)

const rules = path.resolve(import.meta.dirname, '..', 'rules')
// Without the modules' own symbol keys (locations), which differ between src and dist.
const plain = (files: Array<{ruleId: string; header: unknown; entries: unknown[]}>) =>
  JSON.parse(JSON.stringify(files.map((file) => ({ruleId: file.ruleId, header: file.header, entries: file.entries}))))

describe('precompiled default rules', () => {
  test('dist has data for every rules file', () => {
    const data = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'dist', 'house-style', 'default-rules.json'), 'utf8'))
    expect(Object.keys(data).sort()).toEqual(fs.readdirSync(rules).filter((name) => name.endsWith('.yml')).sort())
  })

  test('load the same rules as parsing the YAML', () => {
    const built = loadBuilt([rules], builtKinds, {trusted: [rules]})
    expect(plain(built)).toEqual(plain(loadFromYaml([rules], kinds, {trusted: [rules]})))
    // Locations still point into the YAML.
    expect(built[0].locate(['entries', 0, 'id'])).toMatch(new RegExp(`^${rules}/acronyms\\.yml:\\d+:\\d+$`))
  })

  test('a file edited since the build is parsed again', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-rules-'))
    const text = fs.readFileSync(path.join(rules, 'leftovers.yml'), 'utf8')
    fs.writeFileSync(path.join(folder, 'leftovers.yml'), text.replace(/^message: .*$/m, 'message: Edited after the build'))
    const [file] = loadBuilt([folder], builtKinds, {trusted: [folder]})
    expect(file.header.message).toBe('Edited after the build')
  })
})
