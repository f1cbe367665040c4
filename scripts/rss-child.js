// Runs a script (argv[2]) with its arguments and, on exit, writes this
// process's peak RSS in KB to stderr as `peak-rss <KB>` (scripts/bench.js).
import fs from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

const script = path.resolve(process.argv[2])
process.argv = [process.argv[0], script, ...process.argv.slice(3)]
process.on('exit', () => fs.writeSync(2, `\npeak-rss ${process.resourceUsage().maxRSS}\n`))
await import(pathToFileURL(script).href)
