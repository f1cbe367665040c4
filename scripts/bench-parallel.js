#!/usr/bin/env node
/**
 * What a second core buys this machine for copydesk's work, without any
 * pool: one process checking the 1,000-word story of the server benchmarks
 * in a loop, then two such processes at once. The ratio (stories/s of both
 * together over one alone) is the ceiling for "2 workers / 1 worker" in
 * scripts/bench-server.js: no pool can scale past what two independent
 * processes get. (On a VM whose two vCPUs share a physical core, or memory
 * bandwidth, it is well under 2.)
 *
 *     npm run build && node scripts/bench-parallel.js [seconds, default 5]
 * As a child: node scripts/bench-parallel.js --child <seconds>
 */
import {spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {story} from './server-story.js'

const self = fileURLToPath(import.meta.url)

if (process.argv[2] === '--child') {
  const seconds = Number(process.argv[3])
  const {createChecker} = await import('../dist/index.js')
  const {body, headline} = JSON.parse(story())
  const checker = createChecker()
  for (let i = 0; i < 20; i++) await checker.check(body, {headline})
  let count = 0
  const started = performance.now()
  while (performance.now() - started < seconds * 1000) {
    await checker.check(body, {headline})
    count++
  }
  process.stdout.write(String(count / ((performance.now() - started) / 1000)))
} else {
  const seconds = Number(process.argv[2] || 5)
  const one = await run(1, seconds)
  const two = await run(2, seconds)
  console.log(`one process: ${one.toFixed(1)} stories/s; two processes at once: ${two.toFixed(1)} stories/s together`)
  console.log(`two processes / one: ${(two / one).toFixed(2)}x (the machine's ceiling for 2 workers / 1 worker)`)
}

/** Stories/s of `count` processes checking at once, summed. */
async function run(count, seconds) {
  const rates = await Promise.all(
    Array.from({length: count}, () => {
      const child = spawn(process.execPath, [self, '--child', String(seconds)], {stdio: ['ignore', 'pipe', 'inherit']})
      let out = ''
      child.stdout.on('data', (chunk) => (out += chunk))
      return new Promise((resolve, reject) => {
        child.on('error', reject)
        child.on('close', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`bench-parallel child exited ${code}`))))
      })
    })
  )
  return rates.reduce((sum, rate) => sum + rate, 0)
}
