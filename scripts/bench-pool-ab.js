#!/usr/bin/env node
/**
 * Two builds' worker pools taking turns (so load from elsewhere falls on
 * both): the pool alone (no HTTP), 50 stories in flight for `seconds`, with
 * 1 worker and with 2, per round: stories/s and 2 workers ÷ 1 for each
 * build. The 1,000-word story of the server benchmarks, or with
 * `--distinct` a different story each time (every paragraph changed, so the
 * workers' incremental caches never hit). Each build's `dist/` must have
 * its package's node_modules beside it.
 *
 *     node scripts/bench-pool-ab.js OLD/dist NEW/dist [rounds 3] [seconds 5] [--distinct]
 */
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {story} from './server-story.js'

const args = process.argv.slice(2).filter((arg) => arg !== '--distinct')
const distinct = process.argv.includes('--distinct')
const [oldDist, newDist] = args
const rounds = Number(args[2] ?? 3)
const seconds = Number(args[3] ?? 5)
if (!oldDist || !newDist) {
  console.error('usage: node scripts/bench-pool-ab.js OLD/dist NEW/dist [rounds] [seconds] [--distinct]')
  process.exit(2)
}
const {body, headline} = JSON.parse(story())
let serial = 0

async function measure(dist, workers) {
  const {createPool} = await import(pathToFileURL(path.resolve(dist, 'faces/pool.js')).href)
  const pool = createPool({workers, maxQueue: 10_000})
  const run = () =>
    pool.run({body: distinct ? body.replace(/\n\n/g, () => ` Item ${serial++}.\n\n`) : body, headline, format: 'text', dialect: 'en-US'}, 120_000)
  await Promise.all(Array.from({length: workers * 2}, run))
  let done = 0
  const until = performance.now() + seconds * 1000
  const started = performance.now()
  const cpu = process.cpuUsage()
  await Promise.all(
    Array.from({length: 50}, async () => {
      while (performance.now() < until) {
        await run()
        done++
      }
    })
  )
  const rate = done / ((performance.now() - started) / 1000)
  // CPU time of every thread of the process per story: what the pool costs, whatever the load.
  const used = process.cpuUsage(cpu)
  cpuPerStory[workers].push((used.user + used.system) / 1000 / done)
  await pool.close()
  return rate
}
let cpuPerStory = {1: [], 2: []}

console.log(`pool alone, ${distinct ? 'a distinct story each time' : 'the same story'}, ${rounds} rounds × ${seconds} s; load average ${os.loadavg()[0].toFixed(1)}`)
const ratios = {old: [], new: [], one: []}
const cpu = {old: [], new: []}
for (let round = 1; round <= rounds; round++) {
  const ones = {}
  for (const [name, dist] of [['old', oldDist], ['new', newDist]]) {
    cpuPerStory = {1: [], 2: []}
    const one = await measure(dist, 1)
    const two = await measure(dist, 2)
    ones[name] = one
    ratios[name].push(two / one)
    cpu[name].push(cpuPerStory[1][0], cpuPerStory[2][0])
    console.log(
      `round ${round} ${name}: 1 worker ${one.toFixed(1)}/s, 2 workers ${two.toFixed(1)}/s, 2 ÷ 1 ${(two / one).toFixed(2)}×; CPU per story ${cpuPerStory[1][0].toFixed(2)} / ${cpuPerStory[2][0].toFixed(2)} ms (load ${os.loadavg()[0].toFixed(1)})`
    )
  }
  ratios.one.push(ones.new / ones.old)
}
const list = (values) => values.map((value) => value.toFixed(2) + '×').join(' ')
console.log(`2 workers ÷ 1: old ${list(ratios.old)}; new ${list(ratios.new)} (target >= 1.7 on two idle cores)`)
console.log(`1 worker, new ÷ old: ${list(ratios.one)}`)
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length
console.log(`CPU per story (all threads, 1 and 2 workers), new ÷ old: ${(mean(cpu.new) / mean(cpu.old)).toFixed(2)}×`)
