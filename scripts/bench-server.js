#!/usr/bin/env node
/**
 * Throughput and latency of `POST /v1/check` with a 1,000-word story under
 * 50 concurrent connections for 5 seconds, on 127.0.0.1, with autocannon.
 * The server runs in a worker thread (its own event loop, as in production),
 * on a free port, and stops when the run is done.
 *
 *     npm run build && node scripts/bench-server.js [--duration 5] [--connections 50]
 */
import fs from 'node:fs'
import {parseArgs} from 'node:util'
import {Worker, isMainThread, parentPort} from 'node:worker_threads'

if (isMainThread) await bench()
else await serve()

async function serve() {
  const {createServer} = await import('../dist/server.js')
  const app = createServer()
  await app.listen({port: 0, host: '127.0.0.1'})
  parentPort.postMessage(app.server.address().port)
  parentPort.once('message', async () => {
    await app.close()
    parentPort.close()
  })
}

async function bench() {
  const {default: autocannon} = await import('autocannon')
  const {values} = parseArgs({
    options: {duration: {type: 'string', default: '5'}, connections: {type: 'string', default: '50'}}
  })
  const duration = Number(values.duration)
  const connections = Number(values.connections)

  // A 1,000-word story: the example story (with its planted slips), repeated and cut.
  const words = fs.readFileSync(new URL('../examples/story.txt', import.meta.url), 'utf8').split(/(?<=\s)/)
  const parts = []
  for (let index = 0, count = 0; count < 1000; index++) {
    const word = words[index % words.length]
    parts.push(word)
    if (/\S/.test(word)) count++
  }
  const body = JSON.stringify({headline: 'Storm floods harbor town as fishing fleet waits out the tide', body: parts.join('')})

  const worker = new Worker(new URL(import.meta.url))
  const port = await new Promise((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  const url = `http://127.0.0.1:${port}/v1/check`

  // One request first: the answer is checked, and the first story's set-up is not timed.
  const check = await fetch(url, {method: 'POST', headers: {'content-type': 'application/json'}, body})
  const first = await check.json()
  if (check.status !== 200 || !Array.isArray(first.messages)) throw new Error(`unexpected answer: ${check.status}`)

  let incomplete = 0
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body,
        onResponse(status, responseBody) {
          if (status === 200 && responseBody.includes('"complete":false')) incomplete++
        }
      }
    ]
  })
  worker.postMessage('stop')
  await new Promise((resolve) => worker.once('exit', resolve))

  const failed = result.errors + result.timeouts + result.non2xx
  console.log(`POST /v1/check, 1,000-word story (${first.messages.length} findings), ${connections} connections, ${duration} s, Node ${process.versions.node}`)
  console.log(`  requests/s: ${result.requests.average.toFixed(1)} (total ${result.requests.total})`)
  console.log(`  latency ms: p50 ${result.latency.p50}, p99 ${result.latency.p99}, max ${result.latency.max}`)
  console.log(`  incomplete (time budget ran out): ${incomplete} of ${result.requests.total}`)
  console.log(`  failed: ${failed} (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`)
  process.exitCode = failed > 0 ? 1 : 0
}
