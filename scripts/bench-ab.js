#!/usr/bin/env node
// A/B: two builds' default checkers on the news corpus, taking turns story by
// story (warm; which goes first alternates), so load from elsewhere falls on both alike; prints each
// round's words per second and the median ratio B/A. For "is this change
// slower?": build a worktree at the old commit (`git worktree add ../old REV
// && cd ../old && npm ci`), then run this from either.
// Usage: node scripts/bench-ab.js <folder A> <folder B> [rounds, default 5]
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {hasCorpus, loadCorpus} from './corpus.js'

const [a, b, roundsArg] = process.argv.slice(2)
if (!a || !b) {
  console.error('usage: node scripts/bench-ab.js <folder A> <folder B> [rounds]')
  process.exit(2)
}
if (!hasCorpus()) {
  console.error('bench-ab needs ../shared/corpus (the news corpus)')
  process.exit(2)
}
const rounds = Number(roundsArg || 5)
const load = async (folder) => (await import(pathToFileURL(path.resolve(folder, 'dist', 'index.js')).href)).createChecker()
const [A, B] = [await load(a), await load(b)]
const stories = loadCorpus().map((story) => story.text)
const words = loadCorpus().reduce((sum, story) => sum + story.words, 0)
for (const story of stories.slice(0, 20)) {
  await A.check(story)
  await B.check(story)
}
const ratios = []
for (let round = 0; round < rounds; round++) {
  let ta = 0
  let tb = 0
  // Which build goes first alternates story by story: the second to check a
  // story found it warm in the CPU's caches, which made a build compared with
  // itself (A/A) come out 5–10% faster as B under load.
  for (let index = 0; index < stories.length; index++) {
    const story = stories[index]
    const time = async (checker) => {
      const start = process.hrtime.bigint()
      await checker.check(story)
      return Number(process.hrtime.bigint() - start)
    }
    if ((index + round) % 2 === 0) {
      ta += await time(A)
      tb += await time(B)
    } else {
      tb += await time(B)
      ta += await time(A)
    }
  }
  ratios.push(ta / tb)
  console.log(`round ${round + 1}: A ${Math.round(words / (ta / 1e9)).toLocaleString('en-US')} words/s, B ${Math.round(words / (tb / 1e9)).toLocaleString('en-US')} words/s, B/A ${(ta / tb).toFixed(3)}`)
}
ratios.sort((x, y) => x - y)
console.log(`median B/A over ${rounds} rounds: ${ratios[Math.floor(rounds / 2)].toFixed(3)} (A: ${a}, B: ${b}; ${fs.existsSync(path.join(b, 'dist', 'build-id.json')) ? 'B has a build id' : 'B has no build id'})`)
