#!/usr/bin/env node
// The CLI lives in dist/cli.js (built by `npm ci` through the `prepare` script).
import {main} from '../dist/cli.js'

process.exitCode = await main(process.argv.slice(2))
