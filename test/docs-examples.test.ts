/**
 * The examples each check's page shows editors are honest: read from the
 * Markdown's "## Examples" table, every "Wrong" example is flagged by that
 * page's check, and every "Right" one draws nothing at all from copydesk
 * (default options: en-US, AP, plain text).
 */
import fs from 'node:fs'
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import type {Root, Table, TableCell, RootContent} from 'mdast'
import {describe, expect, test} from 'vitest'
import {check, codeChecks, defaultRuleIds} from '../src/index.js'

const folder = new URL('../docs/checks/', import.meta.url)
const pages = fs.readdirSync(folder).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3)).sort()

interface Row {
  wrong: string[]
  right: string[]
}

/** The rows of the first table under `## Examples`, each cell's `code` spans as its examples. */
function examplesOf(markdown: string): Row[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root
  const start = tree.children.findIndex((node) => node.type === 'heading' && node.depth === 2 && text(node) === 'Examples')
  if (start === -1) return []
  let table: Table | undefined
  for (const node of tree.children.slice(start + 1)) {
    if (node.type === 'heading' && node.depth <= 2) break
    if (node.type === 'table') {
      table = node
      break
    }
  }
  if (!table) return []
  const [head, ...rows] = table.children
  expect(head?.children.map(text)).toEqual(['Wrong', 'Right'])
  return rows.map((row) => ({wrong: codes(row.children[0]), right: codes(row.children[1])}))
}

function codes(cell: TableCell | undefined): string[] {
  return (cell?.children ?? []).filter((node) => node.type === 'inlineCode').map((node) => (node as {value: string}).value)
}

function text(node: RootContent | TableCell | {value?: string; children?: unknown[]}): string {
  const value = node as {value?: string; children?: Array<RootContent>}
  return typeof value.value === 'string' ? value.value : (value.children ?? []).map(text).join('')
}

test('every check has a page with examples', () => {
  expect(pages).toEqual([...Object.keys(codeChecks), ...defaultRuleIds.filter((id) => !(id in codeChecks))].sort())
  for (const page of pages) {
    const rows = examplesOf(fs.readFileSync(new URL(`${page}.md`, folder), 'utf8'))
    expect(rows.length, page).toBeGreaterThan(0)
    expect(rows.flatMap((row) => row.wrong).length, page).toBeGreaterThan(0)
    expect(rows.flatMap((row) => row.right).length, page).toBeGreaterThan(0)
  }
})

describe.each(pages)('docs/checks/%s.md', (page) => {
  const rows = examplesOf(fs.readFileSync(new URL(`${page}.md`, folder), 'utf8'))
  const wrong = rows.flatMap((row) => row.wrong)
  const right = rows.flatMap((row) => row.right)

  // A loop, not test.each: its titles would read `$5` as a placeholder.
  for (const example of wrong) {
    test(`wrong: ${JSON.stringify(example)} is flagged by ${page}`, async () => {
      const file = await check(example)
      expect(file.messages.filter((message) => message.ruleId === page).map(String), file.messages.map(String).join('\n')).not.toEqual([])
    })
  }

  for (const example of right) {
    test(`right: ${JSON.stringify(example)} draws nothing`, async () => {
      const file = await check(example)
      expect(file.messages.map(String)).toEqual([])
    })
  }
})
