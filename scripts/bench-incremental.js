#!/usr/bin/env node
/**
 * Instant re-checks (src/incremental.ts): a one-word edit in a 5,000-word
 * story, checked by a full checker and by an incremental one, taking turns
 * (so load from elsewhere falls on both alike); median times.
 *
 * - in process: `check()` as the library runs it, and with a budget and
 *   `onCritical`, as the server's workers run it;
 * - over HTTP: `POST /v1/check` and `POST /v2/check` on two servers of one
 *   worker each, one with COPYDESK_INCREMENTAL=0 (full checks);
 * - the story as HTML, as the copy-desk page sends it (src/page/editor.ts
 *   `serialize`: one `<p>` a line; `POST /page/check` with `format: 'html'`
 *   and the dialect), to `/page/check` and `/v1/check`, and to `/v2/check`
 *   as a LanguageTool client sends rich text (`data`, the tags as markup),
 *   beside the plain story to `/v1/check`; one word edited after another,
 *   as an editor types (each story is the last one edited again, once more
 *   before each request). With
 *   `--before DIR` (another built tree's `dist`, such as main's), a third
 *   server runs that tree, incremental, for before/after ratios. Requests
 *   take turns across the servers, so load from elsewhere falls on all.
 *
 * The story is corpus paragraphs joined (../shared), else the example
 * story's paragraphs with their sentences rotated so no two are the same.
 *
 *     npm run build && node scripts/bench-incremental.js [--rounds 15] [--before ../main/dist]
 */
import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {createChecker} from '../dist/index.js'
import {setDeadline} from '../dist/deadline.js'
import {countWords, hasCorpus, loadCorpus, loadSeed} from './corpus.js'

const {values} = parseArgs({options: {rounds: {type: 'string', default: '15'}, words: {type: 'string', default: '5000'}, before: {type: 'string'}}})
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
  return {text: kept.join('\n\n') + '\n', words, paragraphs: kept.length, kept}
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
async function server(incrementalOn, dist = new URL('../dist/', import.meta.url).href) {
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const {createServer} = await import(${JSON.stringify(new URL('faces/server.js', dist).href)})
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
console.log('\n| over HTTP (1 worker) | full check | incremental | speed-up |')
console.log('|---|---:|---:|---:|')
for (const route of ['/v1/check', '/v2/check']) {
  const a = http[route + 'full']
  const b = http[route + 'incremental']
  console.log(`| POST ${route} | ${median(a).toFixed(0)} ms | ${median(b).toFixed(0)} ms | ×${(median(a) / median(b)).toFixed(1)} |`)
}

// The story as HTML, as the page sends it; one word edited after another.
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const htmlOf = (paragraphs) => paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')
const annotationOf = (paragraphs) =>
  JSON.stringify({annotation: paragraphs.flatMap((paragraph, index) => [{markup: '<p>'}, {text: paragraph}, {markup: index < paragraphs.length - 1 ? '</p>\n' : '</p>', interpretAs: index < paragraphs.length - 1 ? '\n\n' : ''}])})
const current = [...story.kept]
/** One word of one paragraph replaced in the current story (the last edit kept, as an editor types). */
function typeOne(round) {
  const index = Math.floor(current.length / 4) + ((round * 37) % Math.floor(current.length / 2))
  const words = [...current[index].matchAll(/\b[a-z]{4,}\b/g)]
  if (words.length === 0) return
  const word = words[(round * 7) % words.length]
  current[index] = current[index].slice(0, word.index) + swaps[round % swaps.length] + current[index].slice(word.index + word[0].length)
}
const requests = {
  'POST /v1/check (text)': () => ['/v1/check', 'application/json', JSON.stringify({body: current.join('\n\n') + '\n'})],
  'POST /page/check (HTML, the page’s body)': () => ['/page/check', 'application/json', JSON.stringify({body: htmlOf(current), format: 'html', dialect: 'en-US'})],
  'POST /v1/check (HTML)': () => ['/v1/check', 'application/json', JSON.stringify({body: htmlOf(current), format: 'html'})],
  'POST /v2/check (`data`, tags as markup)': () => ['/v2/check', 'application/x-www-form-urlencoded', new URLSearchParams({data: annotationOf(current), language: 'en-US'}).toString()]
}
const htmlServers = {full: await server(false), incremental: await server(true)}
if (values.before) htmlServers.before = await server(true, new URL(values.before.replace(/\/?$/, '/'), `file://${process.cwd()}/`).href)
const names = Object.keys(htmlServers)
async function send(port, [route, type, body]) {
  const start = performance.now()
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {method: 'POST', headers: {'content-type': type}, body})
  const json = await response.json()
  if (!response.ok) throw new Error(`${route}: ${response.status} ${JSON.stringify(json).slice(0, 200)}`)
  // Links to the server's own docs name its port.
  return {ms: performance.now() - start, found: JSON.stringify(json.messages ?? json.matches ?? []).replaceAll(`127.0.0.1:${port}`, '127.0.0.1:PORT')}
}
const typed = {}
const differences = []
/** The first finding where two answers differ, both ways. */
function firstDifference(a, b) {
  const [left, right] = [JSON.parse(a), JSON.parse(b)]
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    if (JSON.stringify(left[index]) !== JSON.stringify(right[index])) return `#${index} full ${JSON.stringify(left[index])} incremental ${JSON.stringify(right[index])}`
  }
  return ''
}
process.on('exit', () => {
  for (const {child} of [...Object.values(servers), ...Object.values(htmlServers)]) child.kill()
})
for (const label of Object.keys(requests)) for (const name of names) typed[label + name] = []
// Every server sees each story first (the page's first check), then the edits.
for (const make of Object.values(requests)) for (const name of names) await send(htmlServers[name].port, make())
for (let round = 0; round < rounds; round++) {
  for (const [index, [label, make]] of Object.entries(requests).entries()) {
    // A new word typed before each request: each route's story differs from every story a server has seen.
    typeOne(round * 4 + index)
    const request = make()
    const order = round % 2 === 0 ? names : [...names].reverse()
    const found = {}
    for (const name of order) {
      const {ms, found: messages} = await send(htmlServers[name].port, request)
      typed[label + name].push(ms)
      found[name] = messages
    }
    // The incremental answer is the whole check's, finding for finding (the server's own checks and fields): a difference is reported, with the first finding that differs.
    if (found.full !== found.incremental) differences.push(`${label}, round ${round}: ${firstDifference(found.full, found.incremental)}`)
  }
}
for (const {child} of [...Object.values(servers), ...Object.values(htmlServers)]) child.kill()
console.log(`\n| one word typed after another, over HTTP (1 worker) | full check | incremental |${values.before ? ' before (--before) | after ÷ before |' : ''} incremental ÷ full |`)
console.log(`|---|---:|---:|${values.before ? '---:|---:|' : ''}---:|`)
const text = median(typed['POST /v1/check (text)incremental'])
for (const label of Object.keys(requests)) {
  const [a, b] = [median(typed[label + 'full']), median(typed[label + 'incremental'])]
  const before = values.before ? median(typed[label + 'before']) : undefined
  console.log(`| ${label} | ${a.toFixed(0)} ms | ${b.toFixed(0)} ms |${before !== undefined ? ` ${before.toFixed(0)} ms | ×${(b / before).toFixed(2)} |` : ''} ×${(b / a).toFixed(2)} |`)
}
console.log(`\nincremental HTML ÷ incremental text (/v1/check): ×${(median(typed['POST /v1/check (HTML)incremental']) / text).toFixed(2)}; the page’s /page/check ÷ text: ×${(median(typed['POST /page/check (HTML, the page’s body)incremental']) / text).toFixed(2)}`)
if (differences.length > 0) console.log(`\nDIFFERENT FINDINGS (incremental against full), ${differences.length}:\n${differences.join('\n')}`)
console.log(`\nload average at end: ${load()}`)
