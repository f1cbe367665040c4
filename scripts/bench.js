#!/usr/bin/env node
// Benchmark: copydesk against the plain retext stack (retext-spell +
// dictionary-en + retext-repeated-words, defaults) and against parse-english
// alone, on the same stories, in the same run (each stack in a process of its
// own, scripts/bench-stack.js; their warm rounds taking turns, so load from
// elsewhere falls on all of them). Prints warm words/second,
// per-story p50/p99 (over every story × round, and over each story's median round), the worst story's cost per word against the median, CLI
// cold start against the plain stack's (scripts/plain-stack.js), peak RSS of a
// CLI run, every ratio of issue 10, and the HTTP figures (scripts/bench-server.js).
// Without ../shared it falls back to the example stories and generated text.
// Usage: npm run bench   (builds first: npm run build)
import {execFileSync, fork, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createChecker} from '../dist/index.js'
import {countWords, hasCorpus, loadCorpus, loadSeed} from './corpus.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rounds = Number(process.env.BENCH_ROUNDS || 8)
const corpus = hasCorpus()
const stories = corpus ? [...loadCorpus(), loadSeed()] : fallbackStories()
const words = stories.reduce((sum, story) => sum + story.words, 0)

console.log(`copydesk bench: ${stories.length} stories${corpus ? '' : ' (no ../shared corpus: example stories and generated text)'}, ${words} words, ${rounds} warm rounds, Node ${process.version}\n`)

const [copydesk, baseline, parseOnly] = await measure([
  {name: 'copydesk', stack: 'copydesk'},
  {name: 'baseline (retext-spell + repeated-words)', stack: 'baseline'},
  {name: 'parse-english alone', stack: 'parse-english'}
])
const checker = createChecker()
const spellMessages = await countUnsuggested(checker)

const scaling = await scale(checker)
const cold = coldStart()
const ratio = (a, b) => (a / b).toFixed(2) + '×'

console.log('| | copydesk | baseline |')
console.log('|---|---:|---:|')
console.log(`| warm words/s | ${fmt(copydesk.wordsPerSecond)} | ${fmt(baseline.wordsPerSecond)} |`)
console.log(`| per story p50 | ${copydesk.p50.toFixed(2)} ms | ${baseline.p50.toFixed(2)} ms |`)
console.log(`| per story p99 | ${copydesk.p99.toFixed(2)} ms | ${baseline.p99.toFixed(2)} ms |`)
console.log(`| per story p99, each story's median round | ${copydesk.p99Median.toFixed(2)} ms | ${baseline.p99Median.toFixed(2)} ms |`)
console.log(`| messages / 1,000 words | ${(copydesk.messages / words * 1000 / rounds).toFixed(2)} | ${(baseline.messages / words * 1000 / rounds).toFixed(2)} |`)
console.log(`| first story (cold checker) | ${copydesk.first.toFixed(0)} ms | ${baseline.first.toFixed(0)} ms |`)
console.log(`| CLI cold start, clean story | ${cold.copydesk.clean} ms | ${cold.plain.clean} ms |`)
console.log(`| CLI cold start, story with typos | ${cold.copydesk.typo} ms | ${cold.plain.typo} ms |`)
console.log(`| CLI peak RSS (story with typos) | ${cold.copydesk.rss} MB | ${cold.plain.rss} MB |`)
console.log('')
console.log(`parse-english alone: ${fmt(parseOnly.wordsPerSecond)} words/s`)
console.log('\nRatios (issue 10 targets), all from this run:')
console.log(`  warm words/s, copydesk / plain stack:        ${ratio(copydesk.wordsPerSecond, baseline.wordsPerSecond)}  (target ≥ 1.5×)`)
console.log(`  warm words/s, copydesk / parse-english:      ${ratio(copydesk.wordsPerSecond, parseOnly.wordsPerSecond)}  (target ≥ 0.35×)`)
console.log(`  per-story p99, copydesk / plain stack:       ${ratio(copydesk.p99, baseline.p99)}  (target ≤ 1×; every story × round)`)
console.log(`  the same, each story's median round:         ${ratio(copydesk.p99Median, baseline.p99Median)}  (a burst of load from elsewhere moves one round, not the median)`)
console.log(`  worst story cost per word / median:          ${ratio(copydesk.worstPerWord.ratio, 1)}  (${copydesk.worstPerWord.name}; target ≤ 3×)`)
console.log(`  CLI cold start, clean, copydesk / plain:      ${ratio(cold.copydesk.clean, cold.plain.clean)}  (target ≤ 0.15× and < 400 ms)`)
console.log(`  CLI cold start, typos, copydesk / plain:     ${ratio(cold.copydesk.typo, cold.plain.typo)}  (target ≤ 0.15× and < 400 ms)`)
console.log(`  CLI peak RSS: ${cold.copydesk.rss} MB  (target ≤ 150 MB)`)
console.log('')
console.log(`spelling messages without a suggestion: ${spellMessages.unsuggested} of ${spellMessages.total}`)
console.log(`CLI cold start is the median of ${cold.runs} runs of \`node bin/copydesk.js\` and \`node scripts/plain-stack.js\` on test/fixtures/clean-story.txt and examples/story.txt`)
console.log(`long input (the corpus joined): ${scaling.map((row) => `${row.kb} KB in ${row.ms} ms (${row.perKb} ms/KB)`).join(', ')}`)
console.log(`peak RSS of the warm processes: copydesk ${copydesk.rss} MB, plain stack ${baseline.rss} MB`)

const serverBench = path.join(root, 'scripts', 'bench-server.js')
if (fs.existsSync(serverBench) && !process.env.BENCH_NO_SERVER) {
  console.log('\nHTTP (scripts/bench-server.js):')
  const result = spawnSync(process.execPath, [serverBench], {stdio: 'inherit', cwd: root})
  if (result.status !== 0) console.log(`bench-server exited with ${result.status}`)
}

/**
 * Time every stack on the same stories, each in a process of its own
 * (scripts/bench-stack.js), so no stack pays for another's garbage
 * collection. The warm rounds take turns (round 1 of each stack, then round
 * 2 of each, in a rotating order), so on a shared machine a burst of load
 * from elsewhere falls on all of them alike and the ratios hold.
 */
async function measure(stacks) {
  const child = path.join(root, 'scripts', 'bench-stack.js')
  const plain = stories.map(({name, text, words}) => ({name, text, words}))
  const results = []
  for (const stack of stacks) {
    const worker = fork(child, [], {cwd: root, stdio: ['ignore', 'inherit', 'inherit', 'ipc']})
    const ask = (message, type) =>
      new Promise((resolve, reject) => {
        const onMessage = (reply) => {
          if (reply.type !== type) return
          worker.off('message', onMessage)
          worker.off('exit', onExit)
          resolve(reply)
        }
        const onExit = (code) => reject(new Error(`bench-stack ${stack.stack} exited with ${code}`))
        worker.on('message', onMessage)
        worker.once('exit', onExit)
        worker.send(message)
      })
    // One at a time: loading and warming up are timed too (the cold figure).
    const {first} = await ask({type: 'init', stack: stack.stack, stories: plain}, 'ready')
    results.push({stack, ask, first, total: 0, messages: 0, times: [], perStory: stories.map(() => [])})
  }
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < results.length; turn++) {
      const entry = results[(round + turn) % results.length]
      const {times, messages} = await entry.ask({type: 'round'}, 'round')
      times.forEach((ms, index) => {
        entry.times.push(ms)
        entry.perStory[index].push(ms)
        entry.total += ms
      })
      entry.messages += messages
    }
  }
  for (const entry of results) entry.rss = (await entry.ask({type: 'done'}, 'done')).rss
  return results.map(({stack, first, total, messages, times, perStory, rss}) => {
    times.sort((a, b) => a - b)
    // Cost per word of each story (its fastest round, the least disturbed by
    // other load), the worst against the median.
    const perWord = stories
      .map((story, index) => ({name: story.name, cost: Math.min(...perStory[index]) / Math.max(1, story.words)}))
      .sort((a, b) => a.cost - b.cost)
    const medianCost = perWord[Math.floor(perWord.length / 2)].cost
    const worst = perWord[perWord.length - 1]
    const result = {
      name: stack.name,
      first,
      messages,
      rss,
      wordsPerSecond: (words * rounds) / (total / 1000),
      p50: times[Math.floor(times.length * 0.5)],
      p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))],
      p99Median: percentile(perStory.map(median), 0.99),
      worstPerWord: {name: worst.name, ratio: worst.cost / medianCost}
    }
    console.error(`measured ${stack.name}: ${fmt(result.wordsPerSecond)} words/s`)
    return result
  })
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
  const clean = path.join(root, 'test', 'fixtures', 'clean-story.txt')
  const typo = path.join(root, 'examples', 'story.txt')
  const rssChild = path.join(root, 'scripts', 'rss-child.js')
  const runs = 5
  const run = (script, file) => {
    const start = performance.now()
    const result = spawnSync(process.execPath, [rssChild, script, file], {encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe']})
    const ms = performance.now() - start
    const match = /peak-rss (\d+)/.exec(result.stderr || '')
    return {ms, rss: match ? Number(match[1]) : 0}
  }
  const scripts = {copydesk: path.join(root, 'bin', 'copydesk.js'), plain: path.join(root, 'scripts', 'plain-stack.js')}
  const rows = {copydesk: {clean: [], typo: []}, plain: {clean: [], typo: []}}
  // Interleave the two stacks so both see the same load on a shared machine.
  for (let index = 0; index < runs; index++) {
    for (const name of ['copydesk', 'plain']) {
      rows[name].clean.push(run(scripts[name], clean))
      rows[name].typo.push(run(scripts[name], typo))
    }
  }
  const summary = (list) => {
    const median = (items) => [...items].sort((a, b) => a.ms - b.ms)[Math.floor(items.length / 2)].ms
    const rss = Math.max(...list.clean.map((row) => row.rss), ...list.typo.map((row) => row.rss))
    return {clean: Math.round(median(list.clean)), typo: Math.round(median(list.typo)), rss: Math.round(rss / 1024)}
  }
  return {runs, copydesk: summary(rows.copydesk), plain: summary(rows.plain)}
}

// Without the shared corpus: the example stories and the clean fixture, and
// generated stories made of their sentences in a fixed shuffled order.
function fallbackStories() {
  const files = ['examples/story.txt', 'test/fixtures/clean-story.txt']
  const texts = files.map((file) => fs.readFileSync(path.join(root, file), 'utf8'))
  const sentences = texts.join('\n').split(/(?<=[.!?])\s+/).filter((s) => s.trim())
  const list = files.map((file, index) => ({name: file, set: 'examples', text: texts[index], words: countWords(texts[index])}))
  let seed = 1
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
  for (let index = 0; index < 40; index++) {
    const paragraphs = []
    const length = 8 + Math.floor(random() * 40)
    for (let count = 0; count < length; count += 3) {
      paragraphs.push(Array.from({length: 3}, () => sentences[Math.floor(random() * sentences.length)]).join(' '))
    }
    const text = paragraphs.join('\n\n') + '\n'
    list.push({name: `generated/${index}`, set: 'generated', text, words: countWords(text)})
  }
  return list
}

function fmt(value) {
  return Math.round(value).toLocaleString('en-US')
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]
}
