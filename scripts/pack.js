#!/usr/bin/env node
/**
 * `npm pack` and `npm publish` ship dist/ built, so the package they make
 * needs no `prepare` script, and one there makes npm 11 warn every user who
 * installs the tarball ("install scripts not yet covered by allowScripts":
 * npm lists `prepare` for a package installed from a file, a link or git).
 * The repository keeps it (`npm ci` builds a clone; an install from git
 * builds too), the package drops it:
 *
 *   prepack   build if dist/ is not from these sources (scripts/build-id.js),
 *             then take `scripts.prepare` out of package.json, keeping the
 *             file as it was in .package.json.packing
 *   postpack  put package.json back as it was
 *
 * pinst does the same for `postinstall`; this is the same idea for `prepare`.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const manifest = path.join(root, 'package.json')
const kept = path.join(root, '.package.json.packing')

const mode = process.argv[2]
if (mode === 'prepack') {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-id.js'), 'prepare'], {cwd: root, stdio: 'inherit'})
  if (built.status !== 0) process.exit(built.status ?? 1)
  // A pack that stopped before postpack left the original here: start from it.
  const text = fs.existsSync(kept) ? fs.readFileSync(kept, 'utf8') : fs.readFileSync(manifest, 'utf8')
  fs.writeFileSync(kept, text)
  const pkg = JSON.parse(text)
  delete pkg.scripts?.prepare
  fs.writeFileSync(manifest, JSON.stringify(pkg, null, 2) + '\n')
} else if (mode === 'postpack') {
  if (fs.existsSync(kept)) {
    fs.writeFileSync(manifest, fs.readFileSync(kept, 'utf8'))
    fs.rmSync(kept)
  }
} else {
  console.error('usage: node scripts/pack.js prepack|postpack')
  process.exitCode = 2
}
