#!/usr/bin/env node
/**
 * Soak: start `copydesk serve` on 127.0.0.1 (a free port, default settings)
 * and drive it with autocannon: 100 connections for 60 s posting a
 * 1,000-word story to `POST /v1/check`, with bad requests mixed into the
 * same run (malformed JSON, an unknown field, a wrong content type, an
 * unknown route, a LanguageTool form with an unknown language). Reports
 * requests/s, p50/p99, errors, statuses, the server's RSS before, after
 * warm-up and at the end; then checks that `/health` and a normal check
 * are still right. Exits 1 on any connection error, unexpected status or
 * wrong answer afterwards. Stops the server when done.
 *
 *     npm run soak                       # 100 connections, 60 s
 *     SOAK_DURATION=20 npm run soak      # or: node scripts/soak.js --duration 20 --connections 100
 */
import fs from 'node:fs'
import {spawn} from 'node:child_process'
import {parseArgs} from 'node:util'
import autocannon from 'autocannon'
import {story} from './server-story.js'

const {values} = parseArgs({
  options: {
    duration: {type: 'string', default: process.env.SOAK_DURATION ?? '60'},
    connections: {type: 'string', default: process.env.SOAK_CONNECTIONS ?? '100'}
  }
})
const duration = Number(values.duration)
const connections = Number(values.connections)
if (!(duration > 0 && duration <= 600) || !(connections > 0 && connections <= 1000)) {
  throw new Error('soak: --duration 1..600 seconds, --connections 1..1000')
}

const bin = new URL('../bin/copydesk.js', import.meta.url).pathname
const server = spawn(process.execPath, [bin, 'serve', '--host', '127.0.0.1', '--port', '0', '--log-level', 'warn'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {...process.env, COPYDESK_TOKEN: ''}
})
const logged = []
let serverErr = ''
server.stderr.on('data', (chunk) => (serverErr += String(chunk)).length > 100_000 && (serverErr = serverErr.slice(-50_000)))
server.once('exit', (code, signal) => {
  if (code !== 0 && signal !== 'SIGTERM') console.error(`soak: the server exited (${code ?? signal}):\n${serverErr.slice(-3000)}`)
})
server.stdout.on('data', (chunk) => logged.push(...String(chunk).split('\n').filter(Boolean)))
let failure
try {
  await soak()
} catch (error) {
  failure = error
} finally {
  if (server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
  }
}
if (failure) {
  console.error(failure)
  process.exitCode = 1
}

function rssMb() {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8')
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024)
}

async function soak() {
  const port = await new Promise((resolve, reject) => {
    let text = ''
    server.stderr.on('data', (chunk) => {
      text += String(chunk)
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(text)
      if (match) resolve(Number(match[1]))
    })
    server.once('exit', (code) => reject(new Error(`the server exited (${code}): ${text}`)))
  })
  const base = `http://127.0.0.1:${port}`
  const body = story()
  const json = {'content-type': 'application/json'}
  // Each connection cycles through these: mostly stories, some bad requests (each with the statuses it may get).
  const requests = [
    {method: 'POST', path: '/v1/check', headers: json, body, ok: [200, 503]},
    {method: 'POST', path: '/v1/check', headers: json, body: '{"body": "The council met', ok: [400]},
    {method: 'POST', path: '/v1/check', headers: json, body, ok: [200, 503]},
    {method: 'POST', path: '/v1/check', headers: json, body: '{"body": "Fine.", "bdy": 1}', ok: [400]},
    {method: 'POST', path: '/v1/check', headers: json, body, ok: [200, 503]},
    {method: 'POST', path: '/v1/check', headers: {'content-type': 'text/plain'}, body: 'The council met.', ok: [415]},
    {method: 'POST', path: '/v1/check', headers: json, body, ok: [200, 503]},
    {method: 'GET', path: '/v1/nothing', ok: [404]},
    {method: 'POST', path: '/v1/check', headers: json, body, ok: [200, 503]},
    {method: 'POST', path: '/v2/check', headers: {'content-type': 'application/x-www-form-urlencoded'}, body: 'text=Hello&language=' + 'x'.repeat(5000), ok: [400]}
  ]
  const statuses = {}
  let unexpected = 0
  let held = 0
  const odd = {}
  // autocannon's per-request onResponse can credit a reply to the next request
  // in the cycle, so replies are judged by what they are, not by position:
  // a check (200) has a verdict, a refusal is our JSON error with its status.
  const expected = new Set(requests.flatMap((request) => request.ok))
  function onResponse(status, responseBody) {
    statuses[status] = (statuses[status] ?? 0) + 1
    let reply
    try {
      reply = JSON.parse(responseBody)
    } catch {}
    const right = expected.has(status) && (status === 200 ? typeof reply?.verdict === 'string' : reply?.statusCode === status && typeof reply.requestId === 'string')
    if (!right) {
      unexpected++
      odd[status] = responseBody.slice(0, 200)
    }
    if (status === 200 && reply?.verdict === 'hold') held++
  }
  const cannonRequests = requests.map(({ok, ...request}) => ({...request, onResponse}))

  const rss = {start: rssMb()}
  const samples = []
  const sampler = setInterval(() => samples.push(rssMb()), 1000)
  const started = Date.now()
  const result = await autocannon({url: base, connections, duration, timeout: 30, requests: cannonRequests})
  clearInterval(sampler)
  rss.warm = samples[Math.min(samples.length - 1, Math.max(0, Math.ceil(samples.length / 4) - 1))]
  rss.end = rssMb()
  rss.max = Math.max(...samples, rss.end)

  // Still right afterwards, once the stories still queued are done.
  for (let waited = 0; waited < 60; waited++) {
    const {pending} = await (await fetch(base + '/health')).json()
    if (pending === 0) break
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  const health = await fetch(base + '/health')
  const healthBody = await health.json()
  console.log(`  stories cut off in a worker (worker replaced): ${healthBody.cutOff}`)
  const checkStarted = Date.now()
  const check = await fetch(base + '/v1/check', {method: 'POST', headers: json, body: JSON.stringify({body: 'Casualties: TK. The the council met.'})})
  const checked = await check.json()
  console.log(`  the normal check afterwards took ${Date.now() - checkStarted} ms`)
  const after = {
    health: health.status === 200 && healthBody.status === 'ok',
    check:
      check.status === 200 &&
      checked.verdict === 'block' &&
      checked.complete === true &&
      JSON.stringify(checked.messages.map((message) => message.ruleId)) === '["leftovers","repeated-word"]'
  }

  const served = statuses[200] ?? 0
  console.log(`soak: ${connections} connections, ${Math.round((Date.now() - started) / 1000)} s, 1,000-word story and bad requests, copydesk serve (defaults), Node ${process.versions.node}`)
  console.log(`  requests/s: ${result.requests.average.toFixed(1)} (total ${result.requests.total}); checks answered 200: ${served}, of which hold: ${held}`)
  console.log(`  latency ms (all requests): p50 ${result.latency.p50}, p99 ${result.latency.p99}, max ${result.latency.max}`)
  console.log(`  errors: ${result.errors}, timeouts: ${result.timeouts}, non-2xx: ${result.non2xx}, unexpected statuses: ${unexpected}`)
  if (unexpected > 0) console.log(`  unexpected replies (status: first body): ${JSON.stringify(odd)}`)
  console.log(`  statuses: ${Object.entries(statuses).map(([status, count]) => `${status} ${count}`).join(', ')}`)
  console.log(`  server RSS MB: start ${rss.start}, after warm-up ${rss.warm}, end ${rss.end}, max ${rss.max}`)
  console.log(`  afterwards: /health ${after.health ? 'ok' : 'WRONG'}, a normal check ${after.check ? 'ok' : `WRONG (${check.status}, ${checked.verdict}, ${checked.reason}, ${checked.messages?.map((message) => message.ruleId)})`}`)
  const errorLines = logged.filter((line) => /"level":(50|60)/.test(line))
  if (errorLines.length > 0) console.log(`  server errors logged: ${errorLines.length}; first: ${errorLines[0].slice(0, 300)}`)
  if (result.errors + result.timeouts + unexpected + errorLines.length > 0 || !after.health || !after.check) process.exitCode = 1
}
