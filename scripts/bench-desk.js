#!/usr/bin/env node
// How long a word added to the desk dictionary takes to reach every worker
// of a running server (no restart), and a later CLI run.
// Usage: npm run build && node scripts/bench-desk.js [--workers 2] [--rounds 5]
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createServer} from '../dist/faces/server.js'
import {deskDictionary} from '../dist/desk/dictionary.js'

const args = process.argv.slice(2)
const option = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback)
const workers = option('--workers', 2)
const rounds = option('--rounds', 5)
const root = fileURLToPath(new URL('..', import.meta.url))
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-desk-'))
const rules = path.join(temp, 'rules')
fs.mkdirSync(rules)
const desk = deskDictionary(rules, {checkRules: false})

const app = createServer({options: {rules}, workers, timeoutMs: 60_000})
await app.listen({port: 0, host: '127.0.0.1'})
const url = `http://127.0.0.1:${app.server.address().port}/v1/check`
const flags = async (word) => {
  const response = await fetch(url, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({body: `Officials said the ${word} shipment arrived.`})})
  const result = await response.json()
  return result.messages.some((message) => message.actual === word)
}

const server = []
for (let round = 0; round < rounds; round++) {
  // Slips the spelling check flags, one a round (a bench folder only: never a real desk's words).
  const word = ['recieve', 'seperate', 'goverment', 'occured', 'untill', 'wich', 'beleive', 'tommorow'][round % 8]
  if (!(await flags(word))) throw new Error(`${word} is not flagged before it is added`)
  await desk.add(word, {by: 'bench'})
  const added = performance.now()
  // Every worker: as many stories at once as there are workers, twice over.
  for (;;) {
    const answers = await Promise.all(Array.from({length: workers * 2}, () => flags(word)))
    if (answers.every((flagged) => !flagged)) break
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  server.push(performance.now() - added)
}
await app.close()

const story = path.join(temp, 'story.txt')
fs.writeFileSync(story, 'Officials said the accomodate shipment arrived.\n')
fs.writeFileSync(path.join(temp, '.copydeskrc'), '{"rules": "rules"}\n')
const cli = (...argv) => {
  const started = performance.now()
  let output = ''
  try {
    output = execFileSync(process.execPath, [path.join(root, 'bin', 'copydesk.js'), ...argv], {cwd: temp, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  } catch (error) {
    output = error.stdout
  }
  return {ms: performance.now() - started, output}
}
const before = cli('story.txt')
const add = cli('words', 'add', 'accomodate', '--by', 'bench')
const after = cli('story.txt')
fs.rmSync(temp, {recursive: true, force: true})

const ms = (value) => `${Math.round(value)} ms`
const sorted = [...server].sort((a, b) => a - b)
console.log(`server, ${workers} workers: a new word reached every worker in ${sorted.map(ms).join(', ')} (median ${ms(sorted[Math.floor(sorted.length / 2)])}, max ${ms(sorted.at(-1))})`)
console.log(`CLI: flagged before: ${before.output.includes('accomodate')}; \`copydesk words add\` took ${ms(add.ms)}; the next \`copydesk story.txt\` (${ms(after.ms)}) flags it: ${after.output.includes('accomodate')}`)
