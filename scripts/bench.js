#!/usr/bin/env node
// Benchmark: copydesk against the plain retext stack (retext-spell +
// dictionary-en + retext-repeated-words, defaults) on the same stories, in the
// same run. Prints warm words/second, per-story p50/p99, CLI cold start, peak
// RSS, the ratio to the baseline, and the HTTP figures (scripts/bench-server.js).
// Usage: npm run bench   (builds first: npm run build)
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextSpell from 'retext-spell'
import retextRepeatedWords from 'retext-repeated-words'
import dictionaryEn from 'dictionary-en'
import {VFile} from 'vfile'
import {createChecker} from '../dist/index.js'
import {loadCorpus, loadSeed} from './corpus.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rounds = Number(process.env.BENCH_ROUNDS || 3)
const stories = [...loadCorpus(), loadSeed()]
const words = stories.reduce((sum, story) => sum + story.words, 0)

console.log(`copydesk bench: ${stories.length} stories, ${words} words, ${rounds} warm rounds, Node ${process.version}\n`)

const checker = createChecker()
const copydesk = await measure('copydesk', (text) => checker.check(text))
const spellMessages = await countUnsuggested(checker)

const baselineProcessor = unified().use(retextEnglish).use(retextSpell, dictionaryEn).use(retextRepeatedWords).freeze()
const baseline = await measure('baseline (retext-spell + repeated-words)', async (text) => {
  const file = new VFile(text)
  await baselineProcessor.run(baselineProcessor.parse(file), file)
  return file
})

const scaling = await scale(checker)
const cold = coldStart()
const rss = Math.round(process.resourceUsage().maxRSS / 1024)

console.log('| | copydesk | baseline |')
console.log('|---|---:|---:|')
console.log(`| warm words/s | ${fmt(copydesk.wordsPerSecond)} | ${fmt(baseline.wordsPerSecond)} |`)
console.log(`| per story p50 | ${copydesk.p50.toFixed(2)} ms | ${baseline.p50.toFixed(2)} ms |`)
console.log(`| per story p99 | ${copydesk.p99.toFixed(2)} ms | ${baseline.p99.toFixed(2)} ms |`)
console.log(`| messages / 1,000 words | ${(copydesk.messages / words * 1000 / rounds).toFixed(2)} | ${(baseline.messages / words * 1000 / rounds).toFixed(2)} |`)
console.log(`| first story (cold checker) | ${copydesk.first.toFixed(0)} ms | ${baseline.first.toFixed(0)} ms |`)
console.log('')
console.log(`copydesk / baseline speed: ${(copydesk.wordsPerSecond / baseline.wordsPerSecond).toFixed(2)}×`)
console.log(`spelling messages without a suggestion: ${spellMessages.unsuggested} of ${spellMessages.total}`)
console.log(`CLI cold start, median of ${cold.runs}: ${cold.clean} ms on a clean story, ${cold.typo} ms on examples/story.txt (a typo loads the suggestion index)`)
console.log(`long input (the corpus joined): ${scaling.map((row) => `${row.kb} KB in ${row.ms} ms (${row.perKb} ms/KB)`).join(', ')}`)
console.log(`peak RSS of this process (both stacks loaded): ${rss} MB`)

const serverBench = path.join(root, 'scripts', 'bench-server.js')
if (fs.existsSync(serverBench) && !process.env.BENCH_NO_SERVER) {
  console.log('\nHTTP (scripts/bench-server.js):')
  const result = spawnSync(process.execPath, [serverBench], {stdio: 'inherit', cwd: root})
  if (result.status !== 0) console.log(`bench-server exited with ${result.status}`)
}

async function measure(name, run) {
  // First call includes loading dictionaries: reported separately as the cold figure.
  let start = performance.now()
  await run(stories[0].text)
  const first = performance.now() - start
  for (const story of stories) await run(story.text) // warm-up round
  const times = []
  let messages = 0
  start = performance.now()
  for (let round = 0; round < rounds; round++) {
    for (const story of stories) {
      const t = performance.now()
      const file = await run(story.text)
      times.push(performance.now() - t)
      messages += file.messages.length
    }
  }
  const total = performance.now() - start
  times.sort((a, b) => a - b)
  const result = {
    name,
    first,
    messages,
    wordsPerSecond: (words * rounds) / (total / 1000),
    p50: times[Math.floor(times.length * 0.5)],
    p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]
  }
  console.error(`measured ${name}: ${fmt(result.wordsPerSecond)} words/s`)
  return result
}

async function countUnsuggested(checker) {
  let total = 0
  let unsuggested = 0
  for (const story of stories) {
    const file = await checker.check(story.text)
    for (const message of file.messages) {
      if (message.ruleId !== 'spelling') continue
      total++
      if (!message.expected || message.expected.length === 0) unsuggested++
    }
  }
  return {total, unsuggested}
}

// Time grows linearly with input: check 1×, 4× and 16× the same copy.
async function scale(checker) {
  const base = stories.map((story) => story.text).join('\n\n').slice(0, 100 * 1024)
  const rows = []
  for (const times of [1, 4, 16]) {
    const text = Array.from({length: times}, () => base).join('\n\n')
    const start = performance.now()
    await checker.check(text)
    const ms = performance.now() - start
    rows.push({kb: Math.round(text.length / 1024), ms: Math.round(ms), perKb: (ms / (text.length / 1024)).toFixed(2)})
  }
  return rows
}

function coldStart() {
  const bin = path.join(root, 'bin', 'copydesk.js')
  const clean = path.join(root, 'test', 'fixtures', 'clean-story.txt')
  const typo = path.join(root, 'examples', 'story.txt')
  const runs = 5
  const median = (file) => {
    const times = []
    for (let index = 0; index < runs; index++) {
      const start = performance.now()
      try {
        execFileSync(process.execPath, [bin, file], {stdio: 'ignore'})
      } catch {
        // Exit code 1 means findings at error level: expected for the example story.
      }
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    return Math.round(times[Math.floor(runs / 2)])
  }
  return {runs, clean: median(clean), typo: median(typo)}
}

function fmt(value) {
  return Math.round(value).toLocaleString('en-US')
}
