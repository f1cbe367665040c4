/**
 * The fast YAML reader (src/house-style/fast-yaml.ts) against the `yaml`
 * package: on every text it either gives what `yaml` gives, or declines
 * (undefined) and leaves the text to `yaml`. And errors in rules files it
 * reads still name the file, line, column and fix, because the file is parsed
 * again with positions when an error must point into it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import {parseDocument} from 'yaml'
import {afterAll, describe, expect, test} from 'vitest'
import {fastYaml} from '../src/house-style/fast-yaml.js'
import {clearStyleCache, defaultRulesFolder, loadStyle} from '../src/style.js'
// @ts-expect-error: a plain JavaScript script
import {rulesFiles} from '../scripts/rules-folder.js'

process.env.COPYDESK_CACHE = 'off'
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-fast-yaml-'))
afterAll(() => fs.rmSync(work, {recursive: true, force: true}))

/** What `yaml` makes of `text` as the loader parses it, or 'error'. */
function slow(text: string): unknown {
  const document = parseDocument(text, {uniqueKeys: true})
  if (document.errors.length > 0) return 'error'
  try {
    return document.toJS()
  } catch {
    return 'error'
  }
}

/** The reader's verdict: 'declined', or its data, which must then be `yaml`'s. */
function agree(text: string): 'declined' | 'same' {
  const fast = fastYaml(text)
  if (fast === undefined) return 'declined'
  const expected = slow(text)
  if (!isDeepStrictEqual(fast, expected)) {
    throw new Error(`fast reader and yaml differ on:\n${text}\nfast: ${JSON.stringify(fast)}\nyaml: ${JSON.stringify(expected)}`)
  }
  return 'same'
}

const generated = [...(rulesFiles(1500) as Array<[string, string]>), ...(rulesFiles(1500, 7, {avoid: 'common'}) as Array<[string, string]>)]

describe('the fast reader gives what yaml gives, or declines', () => {
  test('every generated newsroom file is read fast, and the same', () => {
    expect(generated.length).toBeGreaterThan(4)
    for (const [name, text] of generated) expect(agree(text), name).toBe('same')
  })

  test("copydesk's own rules files: read fast unless they use anchors", () => {
    const verdicts: Record<string, string> = {}
    for (const name of fs.readdirSync(defaultRulesFolder).filter((n) => n.endsWith('.yml'))) {
      verdicts[name] = agree(fs.readFileSync(path.join(defaultRulesFolder, name), 'utf8'))
    }
    // These use anchors (`&notNames`) and aliases (`*notNames`), which are left to yaml.
    const anchored = ['house-forms.yml', 'numbers.yml', 'times.yml']
    for (const [name, verdict] of Object.entries(verdicts)) expect(verdict, name).toBe(anchored.includes(name) ? 'declined' : 'same')
    expect(Object.values(verdicts).filter((v) => v === 'same').length).toBeGreaterThan(6)
  })

  test.each([
    ['plain map', 'kind: substitution\nmessage: Use it.\n', {kind: 'substitution', message: 'Use it.'}],
    ['keys with spaces and accents', "avoid: {coup d'état: coup, New York: NY}\n", {avoid: {"coup d'état": 'coup', 'New York': 'NY'}}],
    ['quoted keys in flow', "slots: {'1': one, \"2\": two}\n", {slots: {'1': 'one', '2': 'two'}}],
    ['escapes', 'a: "tab\\there \\"q\\" \\u00e9 \\\\"\nb: \'it\'\'s\'\n', {a: 'tab\there "q" é \\', b: "it's"}],
    ['comments and nulls', 'a: # nothing\nb: x # said\nc: ~\nd: null\n', {a: null, b: 'x', c: null, d: null}],
    ['core schema', 'a: true\nb: False\nc: 12\nd: 9/11\ne: 1990s\nf: -x\n', {a: true, b: false, c: 12, d: '9/11', e: '1990s', f: '-x'}],
    ['sequence at the key', 'entries:\n- id: a\n  match:\n  - x\n  - y\n- id: b\n', {entries: [{id: 'a', match: ['x', 'y']}, {id: 'b'}]}],
    ['flow over lines', 'first: [about,\n  above, across,\n  at]\n', {first: ['about', 'above', 'across', 'at']}],
    ['flow closed at the key', 'list: [\n    a, b,\n]\n', {list: ['a', 'b']}],
    ['CRLF', 'a: b\r\nc: [d]\r\n', {a: 'b', c: ['d']}],
    ['trailing comma', 'a: [x, y, ]\n', {a: ['x', 'y']}],
    ['a no-break space, which is no YAML space', 'a: word\u00a0\nb: [x\u00a0, \u00a0y]\n', {a: 'word\u00a0', b: ['x\u00a0', '\u00a0y']}]
  ])('reads %s', (_, text, expected) => {
    expect(fastYaml(text)).toEqual(expected)
    expect(slow(text)).toEqual(expected)
  })

  test.each([
    ['an anchor', 'a: &x [1]\nb: *x\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a tab', 'a:\tb\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a float', 'a: 1.5\n'],
    ['hex', 'a: 0x1F\n'],
    ['a plain scalar over two lines', 'a: one\n  two\n'],
    ['a quoted scalar over two lines', 'a: "one\n  two"\n'],
    ['a key with a colon', 'a: b: c\n'],
    ['a document marker', '---\na: b\n'],
    ['a top-level list', '- a\n- b\n'],
    ['an unknown escape', 'a: "\\x41"\n'],
    ['an unclosed flow', 'a: [b, c\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a comment inside a flow over lines', 'a: [b, # c\n  d]\n'],
    ['an empty file', '# only a comment\n'],
    ['a control character', 'a: b\u0001c\n'],
    ['a line separator', 'a: b\u2028c\n']
  ])('declines %s', (_, text) => {
    expect(fastYaml(text)).toBeUndefined()
  })

  test('mutated rules files: never a different reading (4,000 random edits)', () => {
    const bases = [
      generated[0]![1].split('\n').slice(0, 40).join('\n') + '\n',
      generated.find(([name]) => name.includes('never'))![1].split('\n').slice(0, 40).join('\n') + '\n',
      generated.find(([name]) => name.includes('patterns'))![1].split('\n').slice(0, 40).join('\n') + '\n',
      fs.readFileSync(path.join(defaultRulesFolder, 'word-collision.yml'), 'utf8').slice(0, 3000)
    ]
    const pieces = [':', ': ', '#', ' #', '-', '- ', "'", '"', '[', ']', '{', '}', ',', '&a ', '*a', '!', '|', '>', '\n', '\n  ', '  ', 'null', 'true', '1', '1.5', '~', '\\', '?', '%', '@', '`', 'é', '\t', '\r', '\u00a0', '\u0085', '\u2028', '\u0001', '\ufeff']
    let state = 24
    const random = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0
      return (state >>> 8) % n
    }
    const counts = {same: 0, declined: 0}
    for (let round = 0; round < 4000; round++) {
      let text = bases[round % bases.length]!
      for (let edit = 0; edit <= random(3); edit++) {
        const at = random(text.length)
        const kind = random(3)
        if (kind === 0) text = text.slice(0, at) + text.slice(at + 1 + random(3))
        else if (kind === 1) text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at)
        else text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at + 1)
      }
      counts[agree(text)]++
    }
    // Both outcomes occur: the comparison is not vacuous.
    expect(counts.same).toBeGreaterThan(800)
    expect(counts.declined).toBeGreaterThan(800)
  }, 120_000)
})

describe('errors in a file read fast still name the file, the line and the fix', () => {
  /** A generated newsroom folder with `edit` applied to its first forms file; returns the file and its text. */
  function folderWith(edit: (text: string) => string): {file: string; text: string; folder: string} {
    const folder = fs.mkdtempSync(path.join(work, 'rules-'))
    let first: {file: string; text: string} | undefined
    for (const [name, original] of rulesFiles(2500) as Array<[string, string]>) {
      const text = name === 'newsroom-forms-01.yml' ? edit(original) : original
      fs.writeFileSync(path.join(folder, name), text)
      if (name === 'newsroom-forms-01.yml') first = {file: path.join(folder, name), text}
    }
    clearStyleCache()
    return {...first!, folder}
  }
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length

  test('an unknown field deep in a 2,000-entry file', () => {
    const {file, text, folder} = folderWith((text) => text.replace('  - id: form-1500\n', '  - id: form-1500\n    colour: red\n'))
    expect(fastYaml(text)).toBeDefined()
    const line = lineOf(text, '    colour: red')
    expect(() => loadStyle([defaultRulesFolder, folder])).toThrow(
      `${file}:${line}:5 (entry "form-1500"): unknown field \`colour\`. Fix: remove it or check its spelling against rules/schema.json.`
    )
  })

  test('a wrong type deep in the file points at the field', () => {
    const {file, text, folder} = folderWith((text) => text.replace(/( {2}- id: form-1700\n {4}avoid: )[^\n]+/, '$1{}'))
    expect(fastYaml(text)).toBeDefined()
    const line = lineOf(text, '  - id: form-1700') + 1
    expect(() => loadStyle([defaultRulesFolder, folder])).toThrow(
      `${file}:${line}:5 (entry "form-1700"): \`avoid\` is {}, which is not a string. Fix: write it as a string (quote it if it looks like a number or \`yes\`/\`no\`).`
    )
  })

  test('a duplicate id names both places', () => {
    const {file, text, folder} = folderWith((text) => text.replace('  - id: form-1900\n', '  - id: form-12\n'))
    expect(fastYaml(text)).toBeDefined()
    const needle = '  - id: form-12\n'
    const first = lineOf(text, needle)
    const second = text.slice(0, text.indexOf(needle, text.indexOf(needle) + 1)).split('\n').length
    expect(() => loadStyle([defaultRulesFolder, folder])).toThrow(
      `${file}:${second}:9: duplicate entry id "form-12" (first at ${file}:${first}:9). Fix: give each entry its own id, or merge the two.`
    )
    expect(second).toBeGreaterThan(first)
  })

  test('a YAML mistake deep in the file: declined, and yaml names the line', () => {
    const {file, text, folder} = folderWith((text) => text.replace('  - id: form-1800\n', '  - id: form-1800\n    note: a: b\n'))
    expect(fastYaml(text)).toBeUndefined()
    const line = lineOf(text, '    note: a: b')
    expect(() => loadStyle([defaultRulesFolder, folder])).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: this is not valid YAML: `))
  })
})
