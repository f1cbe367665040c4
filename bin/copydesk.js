#!/usr/bin/env node
// The CLI lives in dist/faces/cli.js (built by `npm ci` through the `prepare` script);
// the build also bundles it into dist/bundle/cli.js (scripts/build-cli.js),
// which starts faster. The bundle is used while every module it was made
// from still ends with the bundle's id (build-cli.js writes it there; a bare
// `tsc` rewrites the files without it). File contents, not file times: an
// install keeps the one and resets the other. COPYDESK_DEBUG=1 says which ran.
import fs from 'node:fs'

const dist = new URL('../dist/', import.meta.url)

function fresh() {
  try {
    const {id, inputs} = JSON.parse(fs.readFileSync(new URL('bundle/inputs.json', dist), 'utf8'))
    if (typeof id !== 'string' || !Array.isArray(inputs)) return false
    const stamp = Buffer.from(`\n//# copydesk-bundle=${id}\n`)
    return inputs.every((input) => {
      const bytes = fs.readFileSync(new URL(input, dist))
      return bytes.length >= stamp.length && bytes.subarray(bytes.length - stamp.length).equals(stamp)
    })
  } catch {
    return false
  }
}

const bundle = fresh()
if (process.env.COPYDESK_DEBUG) process.stderr.write(`copydesk: running ${bundle ? 'dist/bundle/cli.js' : 'dist/faces/cli.js (the bundle is missing or older than dist/)'}\n`)
const {main} = bundle ? await import(new URL('bundle/cli.js', dist).href) : await import('../dist/faces/cli.js')

process.exitCode = await main(process.argv.slice(2))
