#!/usr/bin/env node
/**
 * A big house style (issue 23): a generated newsroom folder of 1,000, 5,000
 * and 13,000 entries (scripts/rules-folder.js: substitutions, existence
 * lists, a few hundred patterns) layered on copydesk's rules, against the
 * default style, each figure from fresh processes, runs taking turns:
 *
 * - createChecker: default; newsroom with the disk cache cold (an empty
 *   cache folder), warm (the folder the cold run filled), and off;
 * - CLI cold start (`copydesk story.txt` beside a `.copydeskrc.json` naming
 *   the folder), cache warm, against the default CLI;
 * - warm throughput (words/s over the news corpus, a few rounds) and memory
 *   (RSS and heap after a GC, with the checker made and warm).
 *
 * - messages: what each style flags over the corpus (one round), so a
 *   throughput figure is read with the findings it paid for.
 *
 * `--avoid variants` (the default) generates a realistic style whose
 * one-word entries are variant spellings, which edited copy rarely has;
 * `--avoid common` bans everyday dictionary words instead (3.5× the
 * default's messages on clean copy: the cost of messages, not of a style).
 *
 * `--ab <other copydesk folder>` compares two built trees instead: the CPU
 * time (`process.cpuUsage`, which a loaded machine disturbs less than wall
 * time) of `createChecker` with the default style, a newsroom style with no
 * cache (cold) and with the cache the cold run filled (warm), each in a fresh
 * process, the two trees taking turns.
 *
 *   npm run bench:rules                         # builds first
 *   node scripts/bench-rules.js [--sizes 1000,5000,13000] [--runs 3] [--seconds 4] [--avoid variants|common]
 *   node scripts/bench-rules.js --ab /path/to/old/copydesk [--sizes 13000] [--runs 3]
 */
import {execFileSync, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

const here = fileURLToPath(import.meta.url)
const root = path.resolve(path.dirname(here), '..')

if (process.argv[2] === '--child') await child(JSON.parse(process.argv[3]))
else if (process.argv[2] === '--cpu-child') await cpuChild(JSON.parse(process.argv[3]))
else await parent()

async function cpuChild({tree, rules}) {
  const {createChecker} = await import(path.join(tree, 'dist', 'index.js'))
  const before = process.cpuUsage()
  createChecker(rules ? {rules: [rules]} : {})
  const used = process.cpuUsage(before)
  console.log(JSON.stringify({cpuMs: (used.user + used.system) / 1000}))
}

function cpuRun(tree, rules, env) {
  const out = execFileSync(process.execPath, [here, '--cpu-child', JSON.stringify({tree, rules})], {
    encoding: 'utf8',
    env: {...process.env, ...env},
    stdio: ['ignore', 'pipe', 'inherit']
  })
  return JSON.parse(out.trim().split('\n').at(-1)).cpuMs
}

async function compareTrees({other, sizes, runs, avoid}) {
  const {writeRulesFolder} = await import('./rules-folder.js')
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-rules-ab-'))
  const trees = {before: path.resolve(other), after: root}
  const load = () => os.loadavg().map((n) => n.toFixed(1)).join(' ')
  console.log(`bench:rules --ab: CPU ms of createChecker, before = ${trees.before}, after = ${trees.after}; --avoid ${avoid}; ${runs} rounds taking turns; load average ${load()}`)
  for (const size of sizes) {
    const folder = path.join(work, `rules-${size}`)
    writeRulesFolder(folder, size, undefined, {avoid})
    const figures = {before: {default: [], cold: [], warm: []}, after: {default: [], cold: [], warm: []}}
    for (let round = 0; round < runs; round++) {
      for (const [name, tree] of Object.entries(trees)) {
        const cache = {COPYDESK_CACHE_DIR: path.join(work, `cache-${name}-${size}-${round}`)}
        figures[name].default.push(cpuRun(tree, undefined, {COPYDESK_CACHE: 'off'}))
        figures[name].cold.push(cpuRun(tree, folder, cache))
        figures[name].warm.push(cpuRun(tree, folder, cache))
      }
    }
    const range = (list) => `${Math.min(...list).toFixed(0)}–${Math.max(...list).toFixed(0)}`
    const ratio = (list, base) => median(list.map((value, index) => value / base[index])).toFixed(2)
    console.log(`\n${size} entries (load average ${load()}):\n`)
    console.log('| CPU ms | before | after | after ÷ before (median of rounds) |')
    console.log('|---|---:|---:|---:|')
    for (const key of ['default', 'cold', 'warm']) {
      console.log(`| ${key} createChecker | ${range(figures.before[key])} | ${range(figures.after[key])} | ${ratio(figures.after[key], figures.before[key])}× |`)
    }
    for (const key of ['cold', 'warm']) {
      console.log(`| ${key} ÷ default, in that build | ${ratio(figures.before[key], figures.before.default)}× | ${ratio(figures.after[key], figures.after.default)}× | |`)
    }
  }
  fs.rmSync(work, {recursive: true, force: true})
}

async function child({rules, seconds}) {
  const started = performance.now()
  const {createChecker} = await import('../dist/index.js')
  const {lastCacheOutcome} = await import('../dist/house-style/cache.js')
  const imported = performance.now()
  const checker = createChecker(rules ? {rules: [rules]} : {})
  const made = performance.now()
  const outcome = rules ? lastCacheOutcome()?.status : 'default'
  let wordsPerSecond = 0
  let messages = 0
  let roundMessages = 0
  if (seconds > 0) {
    const {hasCorpus, loadCorpus, countWords} = await import('./corpus.js')
    const stories = hasCorpus() ? loadCorpus().map((story) => story.text) : [fs.readFileSync(path.join(root, 'examples', 'story.txt'), 'utf8')]
    const words = stories.reduce((sum, text) => sum + countWords(text), 0)
    // One round to warm up, then rounds until `seconds` are spent.
    for (const text of stories) roundMessages += (await checker.check(text)).messages.length
    let done = 0
    const start = performance.now()
    while (performance.now() - start < seconds * 1000) {
      for (const text of stories) messages += (await checker.check(text)).messages.length
      done += words
    }
    wordsPerSecond = done / ((performance.now() - start) / 1000)
  }
  globalThis.gc?.()
  const memory = process.memoryUsage()
  console.log(
    JSON.stringify({
      importMs: imported - started,
      createMs: made - imported,
      outcome,
      wordsPerSecond,
      messages,
      roundMessages,
      rssMb: memory.rss / 1048576,
      heapMb: memory.heapUsed / 1048576
    })
  )
}

function run(options, env) {
  const out = execFileSync(process.execPath, ['--expose-gc', here, '--child', JSON.stringify(options)], {
    encoding: 'utf8',
    env: {...process.env, ...env},
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20
  })
  return JSON.parse(out.trim().split('\n').at(-1))
}

function cli(storyFolder, env) {
  const start = performance.now()
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'copydesk.js'), 'story.txt'], {cwd: storyFolder, env: {...process.env, ...env}, encoding: 'utf8'})
  const ms = performance.now() - start
  if (result.status !== 0 && result.status !== 1) throw new Error(`copydesk failed (${result.status}): ${result.stderr}`)
  return ms
}

function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
}

async function parent() {
  const {values} = parseArgs({
    args: process.argv.slice(2),
    options: {
      sizes: {type: 'string', default: '1000,5000,13000'},
      runs: {type: 'string', default: '3'},
      seconds: {type: 'string', default: '4'},
      avoid: {type: 'string', default: 'variants'},
      ab: {type: 'string'}
    }
  })
  const sizes = values.sizes.split(',').map(Number)
  const runs = Number(values.runs)
  if (values.ab) return compareTrees({other: values.ab, sizes, runs, avoid: values.avoid})
  const seconds = Number(values.seconds)
  const {writeRulesFolder} = await import('./rules-folder.js')
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-rules-'))
  const off = {COPYDESK_CACHE: 'off'}
  console.log(`bench:rules — generated style: --avoid ${values.avoid}; ${runs} runs each, median; Node ${process.version}; load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')} (2 cores shared: compare ratios)`)

  // The default story folder (no .copydeskrc) and its CLI.
  const plain = path.join(work, 'plain')
  fs.mkdirSync(plain)
  fs.copyFileSync(path.join(root, 'examples', 'story.txt'), path.join(plain, 'story.txt'))

  const rows = []
  for (const size of sizes) {
    const folder = path.join(work, `rules-${size}`)
    const written = writeRulesFolder(folder, size, undefined, {avoid: values.avoid})
    const storyFolder = path.join(work, `story-${size}`)
    fs.mkdirSync(storyFolder)
    fs.copyFileSync(path.join(root, 'examples', 'story.txt'), path.join(storyFolder, 'story.txt'))
    fs.writeFileSync(path.join(storyFolder, '.copydeskrc.json'), JSON.stringify({rules: [folder]}))
    const figures = {default: [], cold: [], warm: [], off: [], cliDefault: [], cliWarm: [], cliCold: []}
    for (let index = 0; index < runs; index++) {
      const cache = {COPYDESK_CACHE_DIR: path.join(work, `cache-${size}-${index}`)}
      figures.default.push(run({seconds: 0}, off))
      figures.cold.push(run({rules: folder, seconds: 0}, cache))
      figures.warm.push(run({rules: folder, seconds: 0}, cache))
      figures.off.push(run({rules: folder, seconds: 0}, off))
      const cliCache = {COPYDESK_CACHE_DIR: path.join(work, `cli-${size}-${index}`)}
      figures.cliCold.push(cli(storyFolder, cliCache))
      figures.cliDefault.push(cli(plain, off))
      figures.cliWarm.push(cli(storyFolder, cliCache))
    }
    for (const [name, list] of Object.entries(figures)) {
      for (const figure of list) if (figure.outcome && !{default: ['default'], cold: ['built'], warm: ['hit'], off: ['uncached']}[name].includes(figure.outcome)) {
        throw new Error(`${name}: the cache said ${figure.outcome}`)
      }
    }
    // Throughput and memory, default and warm cache taking turns.
    const warmCache = {COPYDESK_CACHE_DIR: path.join(work, `cache-${size}-0`)}
    const through = {default: [], rules: []}
    for (let index = 0; index < Math.max(2, runs - 1); index++) {
      through.default.push(run({seconds}, off))
      through.rules.push(run({rules: folder, seconds}, warmCache))
    }
    const bin = fs.readdirSync(warmCache.COPYDESK_CACHE_DIR).find((name) => name.endsWith('.bin'))
    const cacheBytes = fs.statSync(path.join(warmCache.COPYDESK_CACHE_DIR, bin)).size
    const m = (list, key) => median(list.map((item) => item[key]))
    rows.push({
      size,
      yamlKb: written.bytes / 1024,
      cacheKb: cacheBytes / 1024,
      createDefault: m(figures.default, 'createMs'),
      createCold: m(figures.cold, 'createMs'),
      createWarm: m(figures.warm, 'createMs'),
      createOff: m(figures.off, 'createMs'),
      cliDefault: median(figures.cliDefault),
      cliCold: median(figures.cliCold),
      cliWarm: median(figures.cliWarm),
      wpsDefault: m(through.default, 'wordsPerSecond'),
      wpsRules: m(through.rules, 'wordsPerSecond'),
      rssDefault: m(through.default, 'rssMb'),
      rssRules: m(through.rules, 'rssMb'),
      heapDefault: m(through.default, 'heapMb'),
      heapRules: m(through.rules, 'heapMb'),
      messagesDefault: through.default[0].roundMessages,
      messagesRules: through.rules[0].roundMessages
    })
    const r = rows.at(-1)
    console.log(
      `${size} entries done: createChecker default ${r.createDefault.toFixed(0)} ms, cold ${r.createCold.toFixed(0)} ms, warm ${r.createWarm.toFixed(0)} ms; ` +
        `words/s ${(r.wpsRules / r.wpsDefault).toFixed(2)}× the default's (load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')})`
    )
  }
  fs.rmSync(work, {recursive: true, force: true})

  const ms = (n) => `${n.toFixed(0)} ms`
  const x = (a, b) => `${(a / b).toFixed(2)}×`
  console.log('')
  console.log('| entries | YAML | cache file | createChecker default | cold (no cache) | warm cache | cache off | CLI default | CLI cold | CLI warm | words/s default | words/s newsroom | RSS default | RSS newsroom | heap default | heap newsroom |')
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (const r of rows) {
    console.log(
      `| ${r.size} | ${r.yamlKb.toFixed(0)} KB | ${r.cacheKb.toFixed(0)} KB | ${ms(r.createDefault)} | ${ms(r.createCold)} | ${ms(r.createWarm)} | ${ms(r.createOff)} | ${ms(r.cliDefault)} | ${ms(r.cliCold)} | ${ms(r.cliWarm)} | ${r.wpsDefault.toFixed(0)} | ${r.wpsRules.toFixed(0)} | ${r.rssDefault.toFixed(0)} MB | ${r.rssRules.toFixed(0)} MB | ${r.heapDefault.toFixed(0)} MB | ${r.heapRules.toFixed(0)} MB |`
    )
  }
  console.log('\nTargets (issue 23), per size (each ratio from runs taking turns in this one run):')
  for (const r of rows) {
    console.log(
      `  ${r.size}: createChecker warm / default ${x(r.createWarm, r.createDefault)} (≤ 2×); cold ${ms(r.createCold)} (≤ 1 s), ${x(r.createCold, r.createDefault)} the default's; ` +
        `CLI cold / default ${x(r.cliCold, r.cliDefault)}; ` +
        `CLI warm / default ${x(r.cliWarm, r.cliDefault)} (≤ 1.5×); words/s ${x(r.wpsRules, r.wpsDefault)} (≥ 0.9×); ` +
        `memory +${(r.rssRules - r.rssDefault).toFixed(0)} MB RSS, +${(r.heapRules - r.heapDefault).toFixed(0)} MB heap (≤ +60 MB); ` +
        `messages over the corpus ${r.messagesRules} vs ${r.messagesDefault} (${x(r.messagesRules, r.messagesDefault)})`
    )
  }
  console.log(`load average at the end: ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`)
}
