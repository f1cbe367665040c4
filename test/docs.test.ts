/**
 * The docs describe what ships: every check has its page under its ruleId,
 * the generated parts of the pages and the README match the code and rules/
 * (`npm run docs`), every relative link points at a file that exists, and the
 * README's quick start is the two commands CI and a fresh clone use.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {beforeAll, expect, test} from 'vitest'
import {codeChecks} from '../src/types.js'
import {defaultRulesFolder} from '../src/house-style/compile.js'
import {kinds} from '../src/house-style/kinds/index.js'
import {loadRules} from '../src/house-style/load.js'
import {buildWhenStale} from './util/build.js'

const root = new URL('..', import.meta.url)
const readme = fs.readFileSync(new URL('README.md', root), 'utf8')
const names = [...Object.keys(codeChecks), ...loadRules([defaultRulesFolder], kinds).map((file) => file.ruleId)]

// scripts/docs.js and bin/copydesk.js run dist/: build it when it is stale (test/util/build.ts).
beforeAll(() => buildWhenStale(), 600_000)

test('the generated parts of docs/ and README.md are fresh (npm run docs)', () => {
  execFileSync(process.execPath, ['scripts/docs.js', '--check'], {cwd: root, stdio: 'pipe'})
})

test('every check has a page named after its ruleId, listed in the README', () => {
  const missing = names.filter((name) => !fs.existsSync(new URL(`docs/checks/${name}.md`, root)))
  expect(missing).toEqual([])
  const unlisted = names.filter((name) => !readme.includes(`](docs/checks/${name}.md)`))
  expect(unlisted).toEqual([])
})

test('every check is found by its ruleId in one hop: its code or rules file, its test, its page', () => {
  const code = new Set(Object.keys(codeChecks))
  const lost = names.filter((name) => {
    const source = code.has(name) ? `src/checks/${name}.ts` : `rules/${name}.yml`
    return ![source, `test/${name}.test.ts`].every((file) => fs.existsSync(new URL(file, root)))
  })
  expect(lost).toEqual([])
})

test('the README is a front door, not a manual', () => {
  expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(15 * 1024)
})

test('every relative link in README.md and docs/ points at a file that exists', () => {
  const pages = ['README.md', ...walk('docs').filter((file) => file.endsWith('.md'))]
  const broken: string[] = []
  for (const page of pages) {
    const text = fs.readFileSync(new URL(page, root), 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '')
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue
      const file = path.join(path.dirname(page), target.split('#')[0])
      if (!fs.existsSync(new URL(file, root))) broken.push(`${page}: ${target}`)
    }
  }
  expect(broken).toEqual([])
})

test('the README shows what the quick start really prints', () => {
  const pasted = /```console\n\$ npx copydesk examples\/story.txt\n([\s\S]*?)```/.exec(readme)?.[1]
  expect(pasted).toBeDefined()
  let output = ''
  try {
    execFileSync(process.execPath, ['bin/copydesk.js', 'examples/story.txt'], {cwd: root, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  } catch (error) {
    // Exit code 1: the example story has an error-level finding (its TK).
    expect((error as {status: number}).status).toBe(1)
    output = (error as {stdout: string}).stdout
  }
  expect(output).toBe(pasted)
})

test('the quick start is the two commands CI and a fresh clone use', () => {
  expect(readme).toContain('npm ci && npx copydesk examples/story.txt')
  expect(readme).toMatch(/^npm test +#/m)
  const ci = fs.readFileSync(new URL('.ci/run', root), 'utf8')
  expect(ci).toMatch(/^npm ci$/m)
  expect(ci).toMatch(/^npm test$/m)
})

function walk(folder: string): string[] {
  return fs.readdirSync(new URL(folder, root), {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? walk(`${folder}/${entry.name}/`.replace(/\/+$/, '')) : [`${folder}/${entry.name}`]
  )
}
