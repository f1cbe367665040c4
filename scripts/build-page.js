#!/usr/bin/env node
/**
 * Build the copy-desk page into dist/page/: src/page/app.ts bundled by
 * esbuild (one script, no framework, nothing loaded from the network), and
 * index.html and app.css copied as they are.
 */
import {copyFileSync, mkdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import path from 'node:path'
import {build} from 'esbuild'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const source = path.join(root, 'src', 'page')
const target = path.join(root, 'dist', 'page')
mkdirSync(target, {recursive: true})

await build({
  entryPoints: [path.join(source, 'app.ts')],
  outfile: path.join(target, 'app.js'),
  bundle: true,
  format: 'iife',
  target: ['es2020'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning'
})
for (const name of ['index.html', 'app.css']) copyFileSync(path.join(source, name), path.join(target, name))
