#!/usr/bin/env node
// The CLI lives in dist/faces/cli.js (built by `npm ci` through the `prepare` script);
// the build also bundles it into dist/bundle/cli.js (scripts/build-cli.js),
// which starts faster. The bundle is used unless one of the modules it was
// made from has been rebuilt since (a bare `tsc`).
import fs from 'node:fs'

const dist = new URL('../dist/', import.meta.url)

function fresh() {
  try {
    const {built, inputs} = JSON.parse(fs.readFileSync(new URL('bundle/inputs.json', dist), 'utf8'))
    return inputs.every((input) => fs.statSync(new URL(input, dist)).mtimeMs <= built)
  } catch {
    return false
  }
}

const {main} = fresh() ? await import(new URL('bundle/cli.js', dist).href) : await import('../dist/faces/cli.js')

process.exitCode = await main(process.argv.slice(2))
