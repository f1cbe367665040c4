#!/usr/bin/env node
// Refresh the generated parts of docs/ from the code and rules/, so the pages
// never drift from what ships:
//   - docs/checks/<ruleId>.md: the facts block at the top of its "For
//     developers" part (config key, default level, where it is defined and
//     tested) and, for a rules file, its entries with their flag/allow examples;
//   - docs/house-style.md: the table of every shipped entry.
// The prose around the markers is written by hand. A check's page opens with
// the part for editors (what it catches, why, with the stylebook entry,
// examples wrong and right: test/docs-examples.test.ts checks them), then
// "## For developers". `--check` exits 1 if a page is stale, missing or not
// shaped so (test/docs.test.ts runs it).
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
  for (const problem of editorsPart(text)) problems.push(`docs/checks/${check.id}.md: ${problem}`)
  text = ensureBlock(text, 'facts', facts(check), 'developers')
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
  const lines = [`### Entries`, '', `Generated from [\`rules/${file.ruleId}.yml\`](../../rules/${file.ruleId}.yml) by \`npm run docs\`.`, '', rulesTable([file], {withFile: false})]
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

/**
 * What is missing from a check page's part for editors: its sections, in
 * order, before "## For developers", with a table of wrong and right copy.
 */
function editorsPart(text) {
  const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1])
  const wanted = ['What it catches', 'Why', 'Examples', 'For developers']
  const missing = wanted.filter((heading) => !headings.includes(heading))
  if (missing.length > 0) return [`add the section${missing.length > 1 ? 's' : ''} ${missing.map((heading) => `"## ${heading}"`).join(', ')} (the part for editors comes first)`]
  const order = wanted.map((heading) => headings.indexOf(heading))
  if (order.some((at, index) => index > 0 && at < order[index - 1]) || headings.indexOf('For developers') !== order[3] || order[0] !== 0) {
    return ['the part for editors ("What it catches", "Why", "Examples") must come first, then "## For developers"']
  }
  const examples = text.slice(text.indexOf('\n## Examples\n'), text.indexOf('\n## For developers\n'))
  if (!/^\| *Wrong *\| *Right *\|$/m.test(examples)) return ['"## Examples" needs a table with the columns "Wrong" and "Right"']
  return []
}

/** Put `body` between `<!-- name:start -->` and `<!-- name:end -->`, adding the markers if missing. */
function ensureBlock(text, name, body, where) {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const block = `${start}\n${body}\n${end}`
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from !== -1 && to > from) return text.slice(0, from) + block + text.slice(to + end.length)
  if (where === 'developers') {
    // At the top of the developers' part, or under the title of a page without one.
    const heading = text.indexOf('\n## For developers\n')
    const newline = heading === -1 ? text.indexOf('\n') : heading + '\n## For developers'.length
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
