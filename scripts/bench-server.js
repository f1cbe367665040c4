#!/usr/bin/env node
/**
 * The server's worker pool, as ratios measured in one run (so they hold on a
 * shared or slow machine): `POST /v1/check` with a 1,000-word story on
 * 127.0.0.1, with autocannon, for 1 worker and for 2 workers:
 *
 * - single-story latency (1 connection): p50;
 * - 50 connections as fast as they can (closed loop): requests/s, p50, p99,
 *   and `/health` latency meanwhile;
 * - 50 connections paced at 70% of that throughput: p50, p99.
 *
 * Prints throughput(2 workers) / throughput(1 worker) (target ≥ 1.7 on a
 * 2-core machine) and p99 at 50 paced connections / single-story p50 with
 * 2 workers (target ≤ 10). The server runs in a worker thread (its own event
 * loop, as in production), on a free port, and stops when the run is done.
 *
 * Then the queue (issue 23): 100 connections sending the story back to back
 * for 60 s against a server as shipped (default workers, budget 3 s,
 * admission by expected wait and bytes), the server in a process of its own:
 * the share answered 200 complete (within the budget), held, 503 (with
 * `Retry-After`), stories/s, `/health` p50/p99 meanwhile, and the server's
 * RSS each 5 s (flat after warm-up?).
 *
 *     npm run build && node scripts/bench-server.js [--duration 5] [--connections 50] [--workers 1,2]
 *       [--queue-duration 60] [--queue-connections 100] [--only pool|queue] [--dist ../other/dist]
 */
import {fork} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import {story} from './server-story.js'
import {parseArgs} from 'node:util'
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads'

if (process.argv[2] === '--serve-process') await serveProcess(process.argv[3])
else if (isMainThread) await bench()
else await serve()

/** The queue's server, as shipped, in a process of its own (its RSS is its own). */
async function serveProcess(dist) {
  const {createServer} = await import(new URL('faces/server.js', dist).href)
  const app = createServer({})
  await app.listen({port: 0, host: '127.0.0.1'})
  process.send(app.server.address().port)
  process.on('message', async (message) => {
    // The server thread's own heap (the workers' are the rest of the RSS).
    if (message === 'heap') return process.send({heap: process.memoryUsage().heapUsed / 2 ** 20})
    await app.close()
    process.exit(0)
  })
}

function rssOf(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : undefined
  } catch {
    return undefined
  }
}

/** 100 connections × 60 s, closed loop, against the server as shipped. */
async function queue({duration, connections, dist}) {
  const {default: autocannon} = await import('autocannon')
  const body = story()
  const child = fork(new URL(import.meta.url), ['--serve-process', dist.href], {stdio: ['ignore', 'inherit', 'inherit', 'ipc']})
  const port = await new Promise((resolve, reject) => {
    child.once('message', resolve)
    child.once('error', reject)
  })
  const base = `http://127.0.0.1:${port}`
  const loadBefore = os.loadavg()[0]
  const health = []
  const rss = []
  const heap = []
  let sampling = true
  const sampler = (async () => {
    let next = 0
    while (sampling) {
      const started = performance.now()
      await fetch(base + '/health')
      health.push(performance.now() - started)
      if (performance.now() >= next) {
        rss.push(rssOf(child.pid))
        child.send('heap')
        heap.push(await new Promise((resolve) => child.once('message', (message) => resolve(message.heap))))
        next = performance.now() + 5000
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  })()
  const counts = {complete: 0, held: 0, busy: 0, other: 0}
  const retryAfter = []
  const result = await autocannon({
    url: base + '/v1/check',
    connections,
    duration,
    // A closed loop: each connection sends its next story when the last is answered.
    requests: [
      {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body,
        onResponse(status, responseBody, _context, headers) {
          if (status === 200) counts[responseBody.includes('"complete":true') ? 'complete' : 'held']++
          else if (status === 503) {
            counts.busy++
            const value = headers?.['retry-after']
            if (value !== undefined) retryAfter.push(Number(value))
          } else counts.other++
        }
      }
    ]
  })
  sampling = false
  await sampler
  child.send('stop')
  await new Promise((resolve) => child.once('exit', resolve))
  health.sort((a, b) => a - b)
  const total = counts.complete + counts.held + counts.busy + counts.other
  const share = (n) => `${((100 * n) / Math.max(1, total)).toFixed(1)}%`
  const at = (q) => health[Math.min(health.length - 1, Math.floor(q * health.length))]?.toFixed(1)
  console.log(`\nqueue: ${connections} connections × ${duration} s, closed loop, server as shipped (budget 3 s), ${dist.pathname}`)
  console.log(`  load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after (2 cores shared)`)
  console.log(`  answered: ${total}; 200 complete (within budget) ${counts.complete} (${share(counts.complete)}, target >= 99%); 200 held ${counts.held} (${share(counts.held)}); 503 ${counts.busy} (${share(counts.busy)}${retryAfter.length ? `, Retry-After ${retryAfter.reduce((a, b) => Math.min(a, b))}–${retryAfter.reduce((a, b) => Math.max(a, b))} s` : ''}); other ${counts.other + result.errors + result.timeouts}`)
  console.log(`  stories checked per second: ${((counts.complete + counts.held) / duration).toFixed(1)}; latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`)
  console.log(`  /health meanwhile: ${health.length} samples, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms (target <= 50 ms)`)
  const mb = (value) => (value === undefined ? '?' : value.toFixed(0))
  console.log(`  server RSS every 5 s: ${rss.map(mb).join(' ')} MB (server thread's heap: ${heap.map(mb).join(' ')} MB)`)
  // Warm-up: the first 15 s (both workers' heaps and caches grown to what the story needs).
  const warm = rss[Math.min(3, rss.length - 1)]
  console.log(`  server RSS after warm-up (15 s) ${mb(warm)} MB, at the end ${mb(rss.at(-1))} MB: ${warm && rss.at(-1) ? `${(((rss.at(-1) - warm) / warm) * 100).toFixed(0)}% growth` : '?'} (target: flat)`)
}

async function serve() {
  const {createServer} = await import('../dist/faces/server.js')
  // A budget no run here reaches: the figures are about throughput, not cut-offs.
  const app = createServer({workers: workerData.workers, timeoutMs: 120_000, maxQueue: 10_000})
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
    options: {
      duration: {type: 'string', default: '5'},
      connections: {type: 'string', default: '50'},
      workers: {type: 'string', default: '1,2'},
      'queue-duration': {type: 'string', default: '60'},
      'queue-connections': {type: 'string', default: '100'},
      only: {type: 'string'},
      dist: {type: 'string'}
    }
  })
  const dist = values.dist ? new URL(values.dist.replace(/\/?$/, '/'), `file://${process.cwd()}/`) : new URL('../dist/', import.meta.url)
  if (values.only === 'queue') {
    await queue({duration: Number(values['queue-duration']), connections: Number(values['queue-connections']), dist})
    return
  }
  const duration = Number(values.duration)
  const connections = Number(values.connections)
  const counts = values.workers.split(',').map(Number)
  const body = story()
  const request = {method: 'POST', headers: {'content-type': 'application/json'}, body}

  console.log(`POST /v1/check, 1,000-word story, ${duration} s per run, Node ${process.versions.node}`)
  const figures = new Map()
  let failed = 0
  for (const workers of counts) {
    const worker = new Worker(new URL(import.meta.url), {workerData: {workers}})
    const port = await new Promise((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    const base = `http://127.0.0.1:${port}`
    // One request first: the answer is checked.
    const check = await fetch(base + '/v1/check', request)
    const first = await check.json()
    if (check.status !== 200 || first.complete !== true) throw new Error(`unexpected answer: ${check.status} ${JSON.stringify(first).slice(0, 200)}`)

    const single = await autocannon({url: base + '/v1/check', connections: 1, duration, requests: [request]})
    const health = []
    let sampling = true
    const sampler = (async () => {
      while (sampling) {
        const started = performance.now()
        await fetch(base + '/health')
        health.push(performance.now() - started)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    })()
    let incomplete = 0
    const loaded = await autocannon({
      url: base + '/v1/check',
      connections,
      duration,
      requests: [
        {
          ...request,
          onResponse(status, responseBody) {
            if (status === 200 && responseBody.includes('"complete":false')) incomplete++
          }
        }
      ]
    })
    sampling = false
    await sampler
    // The same connections paced at 70% of the throughput just measured: editors
    // who send a story now and then, not a closed loop that keeps every worker's
    // queue full (where, by Little's law, latency is connections / throughput).
    const rate = Math.max(1, Math.floor(0.7 * loaded.requests.average))
    const paced = await autocannon({url: base + '/v1/check', connections, duration, overallRate: rate, requests: [request]})
    worker.postMessage('stop')
    await new Promise((resolve) => worker.once('exit', resolve))

    health.sort((a, b) => a - b)
    const runFailed = single.errors + single.non2xx + loaded.errors + loaded.timeouts + loaded.non2xx + paced.errors + paced.non2xx
    failed += runFailed
    figures.set(workers, {single, loaded, paced})
    console.log(`${workers} worker${workers === 1 ? '' : 's'}:`)
    console.log(`  1 connection: ${single.requests.average.toFixed(1)} requests/s, p50 ${single.latency.p50} ms`)
    console.log(
      `  ${connections} connections: ${loaded.requests.average.toFixed(1)} requests/s, p50 ${loaded.latency.p50} ms, p99 ${loaded.latency.p99} ms, max ${loaded.latency.max} ms`
    )
    console.log(`  ${connections} connections paced at ${rate} requests/s: p50 ${paced.latency.p50} ms, p99 ${paced.latency.p99} ms`)
    console.log(
      `  /health meanwhile: ${health.length} samples, p50 ${health[Math.floor(health.length / 2)]?.toFixed(1)} ms, max ${health.at(-1)?.toFixed(1)} ms`
    )
    console.log(`  incomplete: ${incomplete}; failed: ${runFailed}`)
  }
  // The pool alone, without HTTP: on a 2-core machine the load generator and
  // the server's HTTP thread share the cores with the workers, so the HTTP
  // figures understate what a second worker adds. Here 50 stories are kept
  // in flight straight into the pool for `duration` seconds.
  const {createPool} = await import('../dist/faces/pool.js')
  const {body: storyBody, headline} = JSON.parse(body)
  const poolRates = new Map()
  for (const workers of counts) {
    const pool = createPool({workers, maxQueue: 10_000})
    const run = () => pool.run({body: storyBody, headline, format: 'text', dialect: 'en-US'}, 120_000)
    await Promise.all(Array.from({length: workers}, run))
    let done = 0
    const until = performance.now() + duration * 1000
    const lane = async () => {
      while (performance.now() < until) {
        await run()
        done++
      }
    }
    const started = performance.now()
    await Promise.all(Array.from({length: connections}, lane))
    const rate = done / ((performance.now() - started) / 1000)
    poolRates.set(workers, rate)
    await pool.close()
    console.log(`pool alone, ${workers} worker${workers === 1 ? '' : 's'}, ${connections} stories in flight: ${rate.toFixed(1)} stories/s`)
  }
  if (poolRates.has(1) && poolRates.has(2)) {
    console.log(`pool alone, throughput 2 workers / 1 worker: ${(poolRates.get(2) / poolRates.get(1)).toFixed(2)}x (target >= 1.7)`)
    // The ceiling: two independent processes, no pool (scripts/bench-parallel.js).
    const {execFileSync} = await import('node:child_process')
    const parallel = new URL('./bench-parallel.js', import.meta.url)
    process.stdout.write(execFileSync(process.execPath, [parallel.pathname, String(duration)], {encoding: 'utf8'}))
  }
  const one = figures.get(1)
  const two = figures.get(2)
  if (one && two) {
    console.log(`throughput 2 workers / 1 worker: ${(two.loaded.requests.average / one.loaded.requests.average).toFixed(2)}x (target >= 1.7)`)
    const p50 = two.single.latency.p50
    console.log(`p99 at ${connections} connections paced at 70% of capacity / single-story p50, 2 workers: ${(two.paced.latency.p99 / p50).toFixed(1)}x (target <= 10)`)
    console.log(`p99 at ${connections} connections, closed loop (queues always full) / single-story p50, 2 workers: ${(two.loaded.latency.p99 / p50).toFixed(1)}x`)
  }
  if (values.only !== 'pool') await queue({duration: Number(values['queue-duration']), connections: Number(values['queue-connections']), dist})
  process.exitCode = failed > 0 ? 1 : 0
}
