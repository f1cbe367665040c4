/**
 * copydesk's own rules, compiled at build time into the CLI bundle
 * (scripts/build-cli.js, src/house-style/pack.ts): stored and read back they
 * must be the same data as compiling them, and a stored style must never be
 * used when its rules files changed or another build's code made it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {compileDefaultStyle, defaultRulesFolder, kinds} from '../src/style.js'
import {packStyle, readPackedStyle, sameData, unpackStyle, writePackedStyle} from '../src/house-style/pack.js'
import type {Style} from '../src/house-style/compile.js'
import {buildWhenStale} from './util/build.js'

const names = [...kinds.keys()]
const data = (style: Style) => ({files: style.files, dictionary: style.dictionary})

describe('a compiled style, stored', () => {
  test('reads back as the same data: PatternIndex instances, token classes, Maps, Sets, shared objects', () => {
    const style = compileDefaultStyle()
    const back = unpackStyle(packStyle(style), style.sources)!
    expect(sameData(data(back), data(style))).toBe(true)
    expect(back.sources).toEqual([defaultRulesFolder])
    // The comparison can fail: a changed entry is noticed.
    const changed = unpackStyle(packStyle(style), style.sources)!
    ;(changed.files[0] as {level: string}).level = 'error'
    expect(changed.files[0].level).not.toBe(style.files[0].level)
    expect(sameData(data(changed), data(style))).toBe(false)
  })

  test('what cannot be stored is refused, not stored differently', () => {
    const style = compileDefaultStyle()
    const withFunction = {...style, files: [{...style.files[0], data: {test: () => true}}]} as Style
    expect(() => packStyle(withFunction)).toThrow(/function/)
    class Other {}
    const withClass = {...style, files: [{...style.files[0], data: new Other()}]} as Style
    expect(() => packStyle(withClass)).toThrow(/Other/)
  })

  test('is used only by the same build, with the same kinds, while every rules file is unchanged', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-pack-'))
    const rules = path.join(folder, 'rules')
    fs.cpSync(defaultRulesFolder, rules, {recursive: true})
    const file = path.join(folder, 'style.bin')
    const style = compileDefaultStyle()
    writePackedStyle(file, style, rules, names, 'build-1')
    expect(sameData(data(readPackedStyle(file, rules, names, 'build-1')!), data(style))).toBe(true)
    expect(readPackedStyle(file, rules, names, 'build-2')).toBeUndefined()
    expect(readPackedStyle(file, rules, [...names].reverse(), 'build-1')).toBeUndefined()
    // An edited rules file, a new one, an edited dictionary: compiled again.
    const leftovers = path.join(rules, 'leftovers.yml')
    const text = fs.readFileSync(leftovers, 'utf8')
    fs.writeFileSync(leftovers, text + '\n')
    expect(readPackedStyle(file, rules, names, 'build-1')).toBeUndefined()
    fs.writeFileSync(leftovers, text)
    expect(readPackedStyle(file, rules, names, 'build-1')).toBeDefined()
    fs.writeFileSync(path.join(rules, 'new.yml'), 'kind: existence\n')
    expect(readPackedStyle(file, rules, names, 'build-1')).toBeUndefined()
    fs.rmSync(path.join(rules, 'new.yml'))
    fs.appendFileSync(path.join(rules, 'dictionary.txt'), 'Zzyzx\n')
    expect(readPackedStyle(file, rules, names, 'build-1')).toBeUndefined()
    // A damaged file.
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 100))
    expect(readPackedStyle(file, rules, names, 'build-1')).toBeUndefined()
    fs.rmSync(folder, {recursive: true, force: true})
  })
})

// The bundle's stored style (built first when stale: test/util/build.ts) is what its own code compiles.
const bundle = new URL('../dist/bundle/style.js', import.meta.url)
describe('the CLI bundle’s stored style', () => {
  beforeAll(() => buildWhenStale(), 600_000)

  test('is what the bundle compiles', async () => {
    const bundled = (await import(bundle.href)) as {loadStyle(): Style; compileDefaultStyle(): Style}
    const stored = bundled.loadStyle()
    const compiled = bundled.compileDefaultStyle()
    expect(stored).not.toBe(compiled)
    expect(sameData(data(stored), data(compiled))).toBe(true)
  })
})
