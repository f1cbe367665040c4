#!/usr/bin/env node
// Refresh the generated parts of docs/ from the code and rules/, so the pages
// never drift from what ships:
//   - docs/checks/<ruleId>.md: the facts block under the title (config key,
//     default level, where it is defined and tested) and, for a rules file,
//     its entries with their flag/allow examples;
//   - docs/house-style.md: the table of every shipped entry.
// The prose around the markers is written by hand. `--check` exits 1 if a
// page is stale or missing (test/docs.test.ts runs it).
// Usage: npm run docs   (builds first)
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {codeChecks} from '../dist/types.js'
import {rulesTable, shippedRules} from './rules-table.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const checkMode = process.argv.includes('--check')
const problems = []
const files = shippedRules()

/** One line per code check for the README (rules files carry a `description`). */
const summaries = {
  'empty-story': 'a story with no text (an empty pipe, a failed fetch): never publish it',
  spelling: 'typos, with a names policy and suggestions best first',
  dialect: 'British spelling in American copy, or the reverse',
  'name-consistency': 'one name spelled two ways in a story',
  'repeated-word': 'a word twice in a row (`the the`)',
  'indefinite-article': '`a` or `an` by sound (`a FBI agent`, `an NATO ally`)',
  confusables: 'a real word in the wrong place (`it\'s`/`its`, `then`/`than`, `could of`), by the words around it'
}


/** Every check: code checks first, then rules files, in the order they run. */
export const checks = [
  ...Object.entries(codeChecks).map(([id, level]) => ({id, level, kind: 'code', source: `src/checks/${id}.ts`})),
  ...files.map((file) => ({
    id: file.ruleId,
    level: file.header.level,
    kind: file.header.kind,
    source: `rules/${file.ruleId}.yml`,
    file
  }))
]

for (const check of checks) {
  const page = path.join(root, 'docs', 'checks', `${check.id}.md`)
  if (!fs.existsSync(page)) {
    problems.push(`docs/checks/${check.id}.md is missing: write what ${check.id} flags and leaves alone, then run npm run docs`)
    continue
  }
  let text = fs.readFileSync(page, 'utf8')
  if (!text.startsWith(`# ${check.id}\n`)) problems.push(`docs/checks/${check.id}.md must start with "# ${check.id}"`)
  text = ensureBlock(text, 'facts', facts(check), 'top')
  if (check.file) text = ensureBlock(text, 'entries', entries(check.file), 'bottom')
  write(page, text)
}

const readme = path.join(root, 'README.md')
write(readme, ensureBlock(fs.readFileSync(readme, 'utf8'), 'checks', checkList(), 'bottom'))

const houseStyle = path.join(root, 'docs', 'house-style.md')
write(houseStyle, ensureBlock(fs.readFileSync(houseStyle, 'utf8'), 'rules-table', allEntries(), 'bottom'))

if (problems.length > 0) {
  for (const problem of problems) console.error(problem)
  process.exit(1)
}

function checkList() {
  return checks
    .map((check) => {
      const summary = check.file?.header.description ?? summaries[check.id]
      if (!summary) problems.push(`no one-line summary for ${check.id}: add it to scripts/docs.js (code) or the rules file's description`)
      return `- [\`${check.id}\`](docs/checks/${check.id}.md): ${(summary ?? '').replace(/\.$/, '')} (${check.level})`
    })
    .join('\n')
}

function facts(check) {
  const test = [`test/${check.id}.test.ts`].find((name) => fs.existsSync(path.join(root, name)))
  const rows = [
    ['ruleId and config key', `\`${check.id}\` (\`checks: {'${check.id}': 'off'}\` switches it off)`],
    ['default level', `\`${check.level}\``],
    ['defined in', `[\`${check.source}\`](../../${check.source})` + (check.kind === 'code' ? '' : ` (kind \`${check.kind}\`)`)]
  ]
  if (test) rows.push(['tested in', `[\`${test}\`](../../${test})` + (check.file ? ' and each entry’s examples (`test/rules-examples.test.ts`)' : '')])
  if (check.file?.header.link) rows.push(['stylebook', check.file.header.link])
  return ['| | |', '|---|---|', ...rows.map(([key, value]) => `| ${key} | ${value} |`)].join('\n')
}

function entries(file) {
  const lines = [`## Entries`, '', `Generated from [\`rules/${file.ruleId}.yml\`](../../rules/${file.ruleId}.yml) by \`npm run docs\`.`, '', rulesTable([file], {withFile: false})]
  const examples = file.entries.filter((entry) => entry.examples)
  if (examples.length > 0) {
    lines.push('', '<details><summary>Examples from the data (each one is a test)</summary>', '')
    for (const entry of examples) {
      const flag = entry.examples.flag ?? []
      const allow = entry.examples.allow ?? []
      lines.push(`**\`${entry.id}\`**`, '')
      for (const example of flag) lines.push(`- flags: ${quote(example)}`)
      for (const example of allow) lines.push(`- leaves alone: ${quote(example)}`)
      lines.push('')
    }
    lines.push('</details>')
  }
  return lines.join('\n')
}

function allEntries() {
  return `<details><summary>All shipped entries (generated by <code>npm run docs</code>)</summary>\n\n${rulesTable(files)}\n\n</details>`
}

function quote(example) {
  const text = typeof example === 'string' ? example : example.text ?? JSON.stringify(example)
  return '`' + String(text).replace(/`/g, "'").replace(/\n/g, ' ') + '`'
}

/** Put `body` between `<!-- name:start -->` and `<!-- name:end -->`, adding the markers if missing. */
function ensureBlock(text, name, body, where) {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const block = `${start}\n${body}\n${end}`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from !== -1 && to > from) return text.slice(0, from) + block + text.slice(to + end.length)
  if (where === 'top') {
    const newline = text.indexOf('\n')
    return text.slice(0, newline + 1) + '\n' + block + '\n' + text.slice(newline + 1)
  }
  return text.trimEnd() + '\n\n' + block + '\n'
}

function write(file, text) {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
  if (old === text) return
  if (checkMode) problems.push(`${path.relative(root, file)} is stale: run npm run docs`)
  else fs.writeFileSync(file, text)
}
