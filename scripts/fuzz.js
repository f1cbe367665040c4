#!/usr/bin/env node
/**
 * `npm run fuzz`: check() over many random stories in every format and print
 * the counts: cases, crashes, invariant failures (see scripts/fuzz-lib.js),
 * and the slowest case in ms and ms/KB. Failing inputs are written to
 * fuzz-failures.json (JSON strings) to become fixtures.
 *
 *   npm run fuzz                       # 100,000 cases (about a third per format)
 *   node scripts/fuzz.js --runs 5000 --seed 42
 *   node scripts/fuzz.js --spans-every 1   # span agreement on every case (scripts/fuzz-spans.js)
 *   npm run fuzz -- --gate             # 100,000 stories with a TK (or XXX …) inserted: all blocked
 */
import fs from 'node:fs'
import fc from 'fast-check'
import {check} from '../dist/index.js'
import {format as formats, probe, story} from './fuzz-lib.js'
import * as library from '../dist/index.js'
import {spanProblems} from './fuzz-spans.js'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes('--' + name) ? Number(args[args.indexOf('--' + name) + 1]) : fallback)
const runs = option('runs', 100_000)
const seed = option('seed', Date.now() % 1_000_000)
const batch = 1000

// `--gate`: the gate property instead (scripts/gate-lib.js): a marker in a clean story is always blocked.
if (args.includes('--gate')) process.exit(await (await import('./gate-lib.js')).runGate(await import('../dist/index.js'), {runs, seed}))

for (const format of ['text', 'markdown', 'html']) await check('The the warm-up.', {format})

const started = performance.now()
let cases = 0
let crashes = 0
let failures = 0
let slowest = {ms: 0, perKb: 0, format: '', length: 0}
let slowestPerKb = {ms: 0, perKb: 0, format: '', length: 0}
const found = []
const arbitrary = fc.tuple(story(), formats)

// Stopped early (Ctrl-C, a time limit): print what was run.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    console.log('stopped early')
    summary()
    process.exit(process.exitCode ?? 0)
  })
}

for (let round = 0; cases < runs; round++) {
  const values = fc.sample(arbitrary, {numRuns: Math.min(batch, runs - cases), seed: seed + round})
  for (const [text, format] of values) {
    const {crash, problems, ms} = await probe(check, text, format)
    cases++
    const perKb = ms / Math.max(text.length / 1024, 1)
    if (ms > slowest.ms) slowest = {ms, perKb, format, length: text.length, text}
    if (perKb > slowestPerKb.perKb) slowestPerKb = {ms, perKb, format, length: text.length}
    if (crash) {
      crashes++
      found.push({format, text, crash: String(crash && crash.stack ? crash.stack.split('\n').slice(0, 3).join(' | ') : crash)})
    } else if (problems.length > 0) {
      failures++
      found.push({format, text, problems: problems.slice(0, 3)})
    }
    // Span agreement (scripts/fuzz-spans.js), every `--spans-every` cases (default 4): check() and prePublish with and without a budget place findings alike.
    if (!crash && cases % option('spans-every', 4) === 0) {
      const disagree = await spanProblems(library, text, format)
      if (disagree.length > 0) {
        failures++
        found.push({format, text, spans: disagree.slice(0, 3)})
      }
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0)
  process.stderr.write(`${cases} cases, ${crashes} crashes, ${failures} invariant failures, ${seconds} s\n`)
  if (found.length > 0) fs.writeFileSync('fuzz-failures.json', JSON.stringify(found.slice(0, 200), null, 2) + '\n')
  // Let a signal in between batches.
  await new Promise((resolve) => setImmediate(resolve))
}
summary()

function summary() {
  const round2 = (value) => Math.round(value * 100) / 100
  console.log(`seed ${seed}`)
  console.log(`cases: ${cases} (text, markdown, html at random)`)
  console.log(`crashes: ${crashes}`)
  console.log(`invariant failures: ${failures}`)
  console.log(`slowest case: ${round2(slowest.ms)} ms (${slowest.format}, ${slowest.length} chars): ${JSON.stringify(slowest.text).slice(0, 300)}`)
  console.log(`slowest per KB (inputs under 1 KB count as 1 KB): ${round2(slowestPerKb.perKb)} ms/KB (${slowestPerKb.format}, ${slowestPerKb.length} chars)`)
  console.log(`total: ${((performance.now() - started) / 1000).toFixed(0)} s`)
  if (found.length > 0) {
    fs.writeFileSync('fuzz-failures.json', JSON.stringify(found.slice(0, 200), null, 2) + '\n')
    console.log(`first failures written to fuzz-failures.json; first: ${JSON.stringify(found[0]).slice(0, 400)}`)
    process.exitCode = 1
  }
}

