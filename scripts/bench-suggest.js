/**
 * Benchmark for src/spell/suggest.ts against nspell's own `suggest()`.
 *
 * Run `npm run build` first: this imports the compiled
 * `dist/spell/suggest.js` (set SUGGEST_MODULE to a path to bench another
 * build). The fixture pairs are read from test/spell-suggest.test.ts so the
 * test and the bench share one list.
 *
 *   npm run build && node scripts/bench-suggest.js [rounds]
 *
 * Prints the cold start-up costs (frequency list, index build with the first
 * query), mean and p99 per-word time over the fixture list repeated, top-1
 * and top-3 accuracy, and the same for nspell.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {fileURLToPath, pathToFileURL} from 'node:url'
import dictionaryEn from 'dictionary-en'

const rounds = Number(process.argv[2] ?? 20)
const modulePath =
  process.env.SUGGEST_MODULE ??
  fileURLToPath(new URL('../dist/spell/suggest.js', import.meta.url))
const {createSuggester, subtlexFrequency} = await import(
  pathToFileURL(modulePath).href
)
const nspell = createRequire(import.meta.url)('nspell')

const fixtures = readFixtures(
  new URL('../test/spell-suggest.test.ts', import.meta.url)
)

let start = performance.now()
const spell = nspell(dictionaryEn)
const nspellLoad = performance.now() - start
const words = Object.keys(spell.data)

start = performance.now()
const frequency = subtlexFrequency()
frequency('the')
const frequencyLoad = performance.now() - start

const suggester = createSuggester({words, frequency})
start = performance.now()
suggester.suggest(fixtures[0][0])
const firstCall = performance.now() - start

// One untimed round so the JIT has seen every path before we measure.
for (const [typo] of fixtures) suggester.suggest(typo)

const times = []
for (let round = 0; round < rounds; round++) {
  for (const [typo] of fixtures) {
    const begin = performance.now()
    suggester.suggest(typo)
    times.push(performance.now() - begin)
  }
}

const ours = score(fixtures, (typo) => suggester.suggest(typo, 3))

const nspellTimes = []
const theirs = score(fixtures, (typo) => {
  const begin = performance.now()
  const out = spell.suggest(typo)
  nspellTimes.push(performance.now() - begin)
  return out
})

console.log(`fixture: ${fixtures.length} misspellings, ${rounds} rounds`)
console.log(`dictionary words: ${words.length} (nspell load ${ms(nspellLoad)})`)
console.log('cold start (first suggestion in a fresh process):')
console.log(`  subtlex frequency list  ${ms(frequencyLoad)}`)
console.log(`  index build + 1st word  ${ms(firstCall)}`)
console.log('copydesk suggest:')
console.log(`  mean ${ms(mean(times))}  p99 ${ms(percentile(times, 0.99))}`)
console.log(`  top-1 ${percent(ours.top1)}  top-3 ${percent(ours.top3)}`)
console.log('nspell suggest:')
console.log(
  `  mean ${ms(mean(nspellTimes))}  p99 ${ms(percentile(nspellTimes, 0.99))}`
)
console.log(`  top-1 ${percent(theirs.top1)}  top-3 ${percent(theirs.top3)}`)

// Pairs like ['teh', 'the'] between the fixtures:start/end markers.
function readFixtures(url) {
  const source = readFileSync(url, 'utf8')
  const block = source.slice(
    source.indexOf('// fixtures:start'),
    source.indexOf('// fixtures:end')
  )
  const pairs = [...block.matchAll(/\['([^']+)', '([^']+)'\]/g)]
  if (pairs.length === 0) throw new Error('No fixtures found in ' + url)
  return pairs.map(([, typo, want]) => [typo, want])
}

function score(pairs, suggest) {
  let top1 = 0
  let top3 = 0
  for (const [typo, want] of pairs) {
    const out = suggest(typo)
    if (out[0] === want) top1++
    if (out.slice(0, 3).includes(want)) top3++
  }
  return {top1: top1 / pairs.length, top3: top3 / pairs.length}
}

function mean(values) {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]
}

function ms(value) {
  return value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(1)} ms`
}

function percent(value) {
  return `${(value * 100).toFixed(1)}%`
}
