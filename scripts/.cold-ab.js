#!/usr/bin/env node
// CLI cold start, the figures of docs/benchmarks.md: `node bin/copydesk.js`
// and the plain retext stack as a CLI (scripts/plain-stack.js) on a clean
// story and on one with typos, beside a bare `node -e ''`, runs interleaved
// so all see the same load. Prints per command the median and fastest wall
// time, the median CPU time (user + system, which a busy machine inflates
// less than wall time) and the peak RSS, then the ratios to the plain stack.
// Usage: node scripts/cold-start.js [runs, default 9]   (after npm run build)
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const runs = Number(process.argv[2] || 9)
const clean = path.join(root, 'test', 'fixtures', 'clean-story.txt')
const typos = path.join(root, 'examples', 'story.txt')
const bin = path.join(root, 'bin', 'copydesk.js')
const plain = path.join(root, 'scripts', 'plain-stack.js')

// Runs a script (or nothing) and reports its own CPU time and peak RSS on exit.
const wrapper = `
const [script, ...rest] = process.argv.slice(1)
process.on('exit', () => {
  const {userCPUTime, systemCPUTime, maxRSS} = process.resourceUsage()
  require('node:fs').writeSync(2, '\\ncold-start ' + (userCPUTime + systemCPUTime) + ' ' + maxRSS + '\\n')
})
if (script) {
  process.argv = [process.argv[0], script, ...rest]
  import(require('node:url').pathToFileURL(script).href)
}`

const base = '/tmp/speed/base/bin/copydesk.js'
const commands = [
  ['base copydesk, clean', [base, clean]],
  ['base copydesk, typos', [base, typos]],
  ["node -e ''", []],
  ['copydesk, clean story', [bin, clean]],
  ['plain stack, clean story', [plain, clean]],
  ['copydesk, story with typos', [bin, typos]],
  ['plain stack, story with typos', [plain, typos]]
]

const results = commands.map(() => ({wall: [], cpu: [], rss: 0}))
for (let run = 0; run < runs; run++) {
  commands.forEach(([, args], index) => {
    const start = performance.now()
    const child = spawnSync(process.execPath, ['-e', wrapper, ...args], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe']})
    const wall = performance.now() - start
    const match = /cold-start (\d+) (\d+)/.exec(child.stderr || '')
    if (!match) throw new Error(`${commands[index][0]} failed: ${child.stderr}`)
    results[index].wall.push(wall)
    results[index].cpu.push(Number(match[1]) / 1000)
    results[index].rss = Math.max(results[index].rss, Number(match[2]) / 1024)
  })
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const figures = results.map((result) => ({wall: median(result.wall), fastest: Math.min(...result.wall), cpu: median(result.cpu), rss: result.rss}))
console.log(`CLI cold start, ${runs} interleaved runs each, Node ${process.version}\n`)
console.log('| command | wall, median | wall, fastest | CPU, median | peak RSS |')
console.log('|---|---:|---:|---:|---:|')
commands.forEach(([name], index) => {
  const {wall, fastest, cpu, rss} = figures[index]
  console.log(`| ${name} | ${wall.toFixed(0)} ms | ${fastest.toFixed(0)} ms | ${cpu.toFixed(0)} ms | ${rss.toFixed(0)} MB |`)
})
const ratio = (a, b) => (a / b).toFixed(2) + '×'
console.log('')
console.log(`copydesk / plain stack, clean: wall ${ratio(figures[5].wall, figures[6].wall)}, CPU ${ratio(figures[3].cpu, figures[4].cpu)}`)
console.log(`copydesk / plain stack, typos: wall ${ratio(figures[5].wall, figures[6].wall)}, CPU ${ratio(figures[3].cpu, figures[4].cpu)}`)
console.log(`copydesk / node -e '': clean ${ratio(figures[5].wall, figures[0].wall)}, typos ${ratio(figures[3].wall, figures[0].wall)} (wall)`)
