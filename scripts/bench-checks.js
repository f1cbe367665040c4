#!/usr/bin/env node
// What each check costs, warm: the corpus checked with every check off (the
// parse and the pipeline alone), with every check on, and with each check
// alone; each check's cost is its run's time over the every-check-off run,
// in microseconds per word. The checkers take turns story by story, so load
// from elsewhere falls on all of them alike. Without ../shared it uses the
// example stories.
// Usage: npm run bench:checks   (BENCH_ROUNDS, default 4)
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {codeChecks, createChecker, defaultRuleIds} from '../dist/index.js'
import {countWords, hasCorpus, loadCorpus, loadSeed} from './corpus.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rounds = Number(process.env.BENCH_ROUNDS || 4)
const stories = hasCorpus()
  ? [...loadCorpus(), loadSeed()]
  : ['examples/story.txt', 'test/fixtures/clean-story.txt'].map((file) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8')
      return {name: file, text, words: countWords(text)}
    })
const words = stories.reduce((sum, story) => sum + story.words, 0)

const ids = [...Object.keys(codeChecks), ...defaultRuleIds]
const off = Object.fromEntries(ids.map((id) => [id, 'off']))
const runs = [
  {name: 'every check off (parse and pipeline)', options: {checks: off}},
  {name: 'every check on', options: {}},
  ...ids.map((id) => ({name: id, options: {checks: {...off, [id]: 'warning'}}}))
].map((run) => ({...run, checker: createChecker(run.options), ms: 0}))

console.log(`copydesk bench:checks: ${stories.length} stories, ${words} words, ${rounds} rounds${hasCorpus() ? '' : ' (no ../shared corpus: example stories)'}\n`)
for (const run of runs) for (const story of stories) await run.checker.check(story.text) // warm-up
for (let round = 0; round < rounds; round++) {
  for (const story of stories) {
    for (const run of runs) {
      const start = performance.now()
      await run.checker.check(story.text)
      run.ms += performance.now() - start
    }
  }
}
const perWord = (ms) => (ms * 1000) / (words * rounds)
const [none, all, ...alone] = runs
console.log('| run | words/s | µs per word | over every check off |')
console.log('|---|---:|---:|---:|')
for (const run of [none, all, ...alone.sort((a, b) => b.ms - a.ms)]) {
  const wordsPerSecond = Math.round((words * rounds) / (run.ms / 1000)).toLocaleString('en-US')
  const over = run === none ? '' : `${(perWord(run.ms) - perWord(none.ms)).toFixed(2)} µs`
  console.log(`| ${run.name} | ${wordsPerSecond} | ${perWord(run.ms).toFixed(2)} | ${over} |`)
}
const sum = alone.reduce((total, run) => total + perWord(run.ms) - perWord(none.ms), 0)
console.log(`\nthe checks alone add up to ${sum.toFixed(2)} µs per word; all together cost ${(perWord(all.ms) - perWord(none.ms)).toFixed(2)}`)
