#!/usr/bin/env node
/**
 * Instant re-checks (src/incremental.ts): a one-word edit in a 5,000-word
 * story, checked by a full checker and by an incremental one, taking turns
 * (so load from elsewhere falls on both alike); median times.
 *
 * - in process: `check()` as the library runs it, and with a budget and
 *   `onCritical`, as the server's workers run it;
 * - over HTTP: `POST /v1/check` and `POST /v2/check` on two servers of one
 *   worker each, one with COPYDESK_INCREMENTAL=0 (full checks).
 *
 * The story is corpus paragraphs joined (../shared), else the example
 * story's paragraphs with their sentences rotated so no two are the same.
 *
 *     npm run build && node scripts/bench-incremental.js [--rounds 15]
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {createChecker} from '../dist/index.js'
import {setDeadline} from '../dist/deadline.js'
import {countWords, hasCorpus, loadCorpus, loadSeed} from './corpus.js'

const {values} = parseArgs({options: {rounds: {type: 'string', default: '15'}, words: {type: 'string', default: '5000'}}})
const rounds = Number(values.rounds)
const target = Number(values.words)

function buildStory() {
  const paragraphs = []
  if (hasCorpus()) {
    for (const story of [loadSeed(), ...loadCorpus()]) paragraphs.push(...story.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean))
  } else {
    const own = fs.readFileSync(new URL('../examples/story.txt', import.meta.url), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)
    for (let turn = 0; turn < 40; turn++) {
      for (const paragraph of own) {
        const sentences = paragraph.split(/(?<=[.!?]”?) /)
        paragraphs.push([...sentences.slice(turn % sentences.length), ...sentences.slice(0, turn % sentences.length)].join(' '))
      }
    }
  }
  const kept = []
  let words = 0
  for (const paragraph of paragraphs) {
    if (words >= target) break
    kept.push(paragraph)
    words += countWords(paragraph)
  }
  return {text: kept.join('\n\n') + '\n', words, paragraphs: kept.length}
}

const story = buildStory()
const swaps = ['officials', 'residents', 'the', 'reporters', 'teh', 'officers']
/** The story with one word of one paragraph replaced (a different place each round). */
function edited(round) {
  const words = [...story.text.matchAll(/[a-z]{4,}/g)]
  const word = words[(round * 7919) % words.length]
  return story.text.slice(0, word.index) + swaps[round % swaps.length] + story.text.slice(word.index + word[0].length)
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' ')

console.log(`copydesk bench-incremental: a one-word edit in a ${story.words}-word story (${story.paragraphs} paragraphs${hasCorpus() ? ', corpus' : ', example story rotated'}), ${rounds} rounds, Node ${process.versions.node}`)
console.log(`load average at start: ${load()} (${os.cpus().length} CPUs)\n`)

// In process.
const full = createChecker()
const incremental = createChecker({}, {incremental: true})
const plain = (checker, text) => checker.check(text)
const budgeted = (checker, text) => {
  const file = new VFile({value: text})
  setDeadline(file, 600_000)
  return checker.check(file, {onCritical() {}})
}
for (const checker of [full, incremental]) {
  await plain(checker, story.text)
  await budgeted(checker, story.text)
}
const times = {plainFull: [], plainIncremental: [], budgetFull: [], budgetIncremental: []}
for (let round = 0; round < rounds; round++) {
  const text = edited(round)
  const runs = [
    ['plainFull', () => plain(full, text)],
    ['plainIncremental', () => plain(incremental, text)],
    ['budgetFull', () => budgeted(full, text)],
    ['budgetIncremental', () => budgeted(incremental, text)]
  ]
  if (round % 2 === 1) runs.reverse()
  for (const [name, run] of runs) {
    const start = performance.now()
    await run()
    times[name].push(performance.now() - start)
  }
}
console.log('| in process | full check | incremental | speed-up |')
console.log('|---|---:|---:|---:|')
for (const [label, a, b] of [
  ['check()', times.plainFull, times.plainIncremental],
  ['with a budget (the workers’ path)', times.budgetFull, times.budgetIncremental]
]) {
  console.log(`| ${label} | ${median(a).toFixed(0)} ms | ${median(b).toFixed(0)} ms | ×${(median(a) / median(b)).toFixed(1)} |`)
}

// Over HTTP: two servers, one worker each (a worker's cache serves the stories it checks).
async function server(incrementalOn) {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const {createServer} = await import(${JSON.stringify(new URL('../dist/faces/server.js', import.meta.url).href)})
const app = createServer({workers: 1, timeoutMs: 120000})
await app.listen({port: 0, host: '127.0.0.1'})
console.log(app.server.address().port)`
    ],
    {env: {...process.env, COPYDESK_INCREMENTAL: incrementalOn ? '1' : '0'}, stdio: ['ignore', 'pipe', 'inherit']}
  )
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (data) => resolve(Number(String(data).trim())))
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)))
  })
  return {child, port}
}
const servers = {full: await server(false), incremental: await server(true)}
async function post(port, route, text) {
  const body = route === '/v1/check' ? JSON.stringify({body: text}) : new URLSearchParams({text, language: 'en-US'}).toString()
  const type = route === '/v1/check' ? 'application/json' : 'application/x-www-form-urlencoded'
  const start = performance.now()
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {method: 'POST', headers: {'content-type': type}, body})
  const json = await response.json()
  if (!response.ok) throw new Error(`${route}: ${response.status} ${JSON.stringify(json).slice(0, 200)}`)
  return {ms: performance.now() - start, findings: (json.messages ?? json.matches ?? []).length}
}
const http = {}
for (const route of ['/v1/check', '/v2/check']) {
  for (const name of ['full', 'incremental']) {
    http[route + name] = []
    await post(servers[name].port, route, story.text)
  }
  for (let round = 0; round < rounds; round++) {
    const text = edited(round + 1000)
    const order = round % 2 === 0 ? ['full', 'incremental'] : ['incremental', 'full']
    const found = {}
    for (const name of order) {
      const {ms, findings} = await post(servers[name].port, route, text)
      http[route + name].push(ms)
      found[name] = findings
    }
    if (found.full !== found.incremental) throw new Error(`${route}: ${found.full} findings from a full check, ${found.incremental} from the incremental one`)
  }
}
for (const {child} of Object.values(servers)) child.kill()
console.log('\n| over HTTP (1 worker) | full check | incremental | speed-up |')
console.log('|---|---:|---:|---:|')
for (const route of ['/v1/check', '/v2/check']) {
  const a = http[route + 'full']
  const b = http[route + 'incremental']
  console.log(`| POST ${route} | ${median(a).toFixed(0)} ms | ${median(b).toFixed(0)} ms | ×${(median(a) / median(b)).toFixed(1)} |`)
}
console.log(`\nload average at end: ${load()}`)
