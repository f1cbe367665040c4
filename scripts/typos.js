#!/usr/bin/env node
// Typo sets for `spelling` (test/fixtures/typos.txt): each typo is put in a
// sentence and checked as a story; recall is the share flagged, top-1 the
// share whose first suggestion is the intended word. Prints the figures per
// kind of slip and the misses.
// Usage: npm run build && node scripts/typos.js [--misses]
import fs from 'node:fs'
import {check} from '../dist/index.js'
import {codeChecks} from '../dist/types.js'

export function readTypos(url = new URL('../test/fixtures/typos.txt', import.meta.url)) {
  const sets = new Map()
  let kind = 'typos'
  for (const line of fs.readFileSync(url, 'utf8').split('\n')) {
    const heading = /^#\s*(\w+)\s*$/.exec(line)
    if (heading) kind = heading[1]
    if (!line.trim() || line.startsWith('#')) continue
    const [typo, intended] = line.trim().split(/\s+/)
    if (!sets.has(kind)) sets.set(kind, [])
    sets.get(kind).push([typo, intended])
  }
  return sets
}

const only = {checks: Object.fromEntries(Object.keys(codeChecks).filter((name) => name !== 'spelling').map((name) => [name, 'off'])), rules: []}

/** Recall and top-1 of `spelling` on typo pairs, each in a plain news sentence. */
export async function measure(pairs) {
  let flagged = 0
  let first = 0
  const misses = []
  for (const [typo, intended] of pairs) {
    const text = `Officials said the ${typo} was discussed on Tuesday.`
    const file = await check(text, only)
    const message = file.messages.find((m) => m.ruleId === 'spelling' && m.actual === typo)
    if (message) flagged++
    if (message?.expected?.[0] === intended) first++
    else misses.push(`${typo} → ${message ? (message.expected?.[0] ?? '(none)') : '(not flagged)'} (want ${intended})`)
  }
  return {count: pairs.length, recall: flagged / pairs.length, top1: first / pairs.length, misses}
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sets = readTypos()
  const all = []
  const percent = (value) => (value * 100).toFixed(1) + '%'
  for (const [kind, pairs] of sets) {
    const result = await measure(pairs)
    all.push(...pairs)
    console.log(`${kind.padEnd(10)} ${String(result.count).padStart(4)}  recall ${percent(result.recall).padStart(6)}  top-1 ${percent(result.top1).padStart(6)}`)
    if (process.argv.includes('--misses')) for (const miss of result.misses) console.log('    ' + miss)
  }
  const total = await measure(all)
  console.log(`${'all'.padEnd(10)} ${String(total.count).padStart(4)}  recall ${percent(total.recall).padStart(6)}  top-1 ${percent(total.top1).padStart(6)}`)
}
