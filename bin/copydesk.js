#!/usr/bin/env node
// The CLI lives in dist/faces/cli.js (built by `npm ci` through the `prepare` script).
import {main} from '../dist/faces/cli.js'

process.exitCode = await main(process.argv.slice(2))
