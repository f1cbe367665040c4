#!/usr/bin/env node
/**
 * The build id: a hash of what `npm run build` makes dist/ from — the
 * sources (src/), copydesk's rules (rules/), the build scripts, the
 * TypeScript settings and the locked dependency versions (package-lock.json:
 * the spelling artefacts are made from installed dictionaries). File
 * contents only, never file times, which `npm ci`, `npm install` and
 * `git clone` all reset.
 *
 *   node scripts/build-id.js write     the build's last step: dist/build-id.json
 *   node scripts/build-id.js prepare   `npm ci`'s `prepare`: build only when
 *                                       dist/ was not made from these files
 *
 * Why `prepare` asks first: `npx copydesk` in a clone installs the clone
 * into npx's cache as a link and runs its `prepare` again; with a current
 * build that is now a hash of a few hundred files (about 0.1 s), not a
 * second full build.
 */
import {spawnSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const idFile = path.join(root, 'dist', 'build-id.json')

/** Files the build reads, relative to the root, sorted. */
export function buildInputs() {
  const walk = (folder) =>
    fs.existsSync(path.join(root, folder))
      ? fs.readdirSync(path.join(root, folder), {recursive: true, withFileTypes: true})
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)).split(path.sep).join('/'))
      : []
  const scripts = fs.readdirSync(path.join(root, 'scripts')).filter((name) => /^build-.*\.js$/.test(name)).map((name) => `scripts/${name}`)
  const single = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].filter((name) => fs.existsSync(path.join(root, name)))
  return [...walk('src'), ...walk('rules'), ...scripts, ...single].sort()
}

/** The id of a build made from the files as they are now. */
export function buildId() {
  const hash = createHash('sha256')
  for (const file of buildInputs()) {
    hash.update(file + '\0')
    hash.update(fs.readFileSync(path.join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 32)
}

/** The id dist/ was built with, if a whole build finished. */
export function builtId() {
  try {
    return JSON.parse(fs.readFileSync(idFile, 'utf8')).id
  } catch {
    return undefined
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2]
  if (mode === 'write') {
    const id = buildId()
    fs.writeFileSync(idFile, JSON.stringify({id}) + '\n')
    console.log(`build-id: dist/build-id.json ${id}`)
  } else if (mode === 'prepare') {
    const id = buildId()
    if (builtId() === id) {
      console.log(`copydesk: dist/ is up to date (build ${id.slice(0, 12)}); not rebuilt`)
    } else {
      const result = spawnSync('npm', ['run', 'build'], {cwd: root, stdio: 'inherit', shell: process.platform === 'win32'})
      process.exitCode = result.status ?? 1
    }
  } else {
    console.error('usage: node scripts/build-id.js write|prepare')
    process.exitCode = 2
  }
}
