#!/usr/bin/env node
// Bundle the CLI (dist/faces/cli.js and what it imports) with esbuild into
// dist/bundle/, so a cold start reads a few files instead of ~430 modules.
// Markdown/HTML parsing stays in a chunk loaded only on that path; the server
// is not bundled (`copydesk serve` loads dist/faces/server.js). Each module's
// `import.meta.url` is rewritten to its original file's address, so paths it
// resolves (rules/, dist/spell/, package.json, dictionaries in node_modules)
// are the same as unbundled. bin/copydesk.js uses the bundle when the modules
// it was made from still carry this build's id, else dist/faces/cli.js.
import {randomUUID} from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build} from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outdir = path.join(root, 'dist', 'bundle')
fs.rmSync(outdir, {recursive: true, force: true})

// The server (Fastify, piscina, worker threads) is not bundled: `copydesk
// serve` imports dist/faces/server.js as built by tsc.
const server = {
  name: 'server-unbundled',
  setup(b) {
    b.onResolve({filter: /^\.\/server\.js$/}, () => ({path: '../faces/server.js', external: true}))
  }
}

// Packages that find their own files from `import.meta.url` stay outside the
// bundle: installed, they may be hoisted to another node_modules, so only
// Node's own resolution finds them.
const external = ['dictionary-en', 'dictionary-en-gb', 'import-meta-resolve']

// Packages only a rare path needs are not parsed on every start: the bundle
// gets a stand-in that loads the real package on first use. Async functions
// load a chunk of the bundle (`import()`); anything used synchronously is a
// proxy that loads the package with require() from node_modules (CommonJS
// packages only) when it is first called, constructed or read.
//  - yaml: rules files changed since the build, a newsroom's rules, a
//    .copydeskrc in YAML (copydesk's own rules are stored parsed);
//  - load-plugin (@npmcli/config, semver …): unified-engine loads plugins and
//    reporters by name, which copydesk never asks it to;
//  - glob: unified-engine expands globs, but copydesk hands it files it found;
//  - concat-stream (readable-stream …): unified-engine reading standard input;
//  - vfile-reporter (string-width …): unified-engine's default report.
const lazy = {
  yaml: {require: ['LineCounter', 'isMap', 'isSeq', 'isAlias', 'isCollection', 'parseDocument', 'visit', 'default']},
  'load-plugin': {import: ['loadPlugin', 'resolvePlugin']},
  glob: {
    import: ['glob'],
    require: ['hasMagic'],
    // Every story path is asked whether it is a glob (src/faces/find.ts): one
    // with none of glob's special characters is not (the answer minimatch
    // gives without options), so only a likely glob loads the package.
    answers: {
      hasMagic: `(pattern, ...rest) => [pattern].flat().every((item) => typeof item === 'string' && !/[*?[\\]{}()!+@\\\\]/.test(item)) && rest.length === 0 ? false : load().hasMagic(pattern, ...rest)`
    }
  },
  'concat-stream': {require: ['default']},
  // unified-engine's default report, awaited; copydesk always gives its own.
  'vfile-reporter': {import: ['reporter']}
}

const standIns = {
  name: 'lazy-packages',
  setup(b) {
    const filter = new RegExp(`^(${Object.keys(lazy).join('|')})$`)
    b.onResolve({filter}, (args) => (args.namespace === 'lazy' || args.pluginData === 'real' ? undefined : {path: args.path, namespace: 'lazy'}))
    b.onResolve({filter, namespace: 'lazy'}, (args) =>
      // The stand-in's require() is Node's, at run time; its import() is of the real package, bundled in a chunk of its own.
      args.kind === 'require-call' ? {path: args.path, external: true} : b.resolve(args.path, {kind: args.kind, resolveDir: root, pluginData: 'real'})
    )
    b.onLoad({filter: /.*/, namespace: 'lazy'}, (args) => {
      const name = JSON.stringify(args.path)
      const spec = lazy[args.path]
      const lines = []
      for (const key of spec.import ?? []) {
        lines.push(`export async function ${key}(...args) { return (await import(${name})).${key}(...args) }`)
      }
      if (spec.require) {
        lines.push(
          `let real`,
          `const load = () => (real ??= require(${name}))`,
          // A function, class or namespace, standing in for what \`get\` returns.
          `const later = (get) => new Proxy(function () {}, {`,
          `  apply: (_, self, args) => Reflect.apply(get(), self, args),`,
          `  construct: (_, args) => Reflect.construct(get(), args),`,
          `  get: (_, key) => get()[key],`,
          `  has: (_, key) => key in get()`,
          `})`
        )
        for (const key of spec.require) {
          if (spec.answers?.[key]) lines.push(`export const ${key} = ${spec.answers[key]}`)
          else lines.push(key === 'default' ? `export default later(load)` : `export const ${key} = later(() => load().${key})`)
        }
      }
      return {contents: lines.join('\n'), loader: 'js', resolveDir: root}
    })
  }
}

// `import process from 'node:process'` makes Node build an ES module facade
// of the process object, which reads every property, among them
// `allowedNodeEnvironmentFlags` (building that set costs ~10 ms). The
// default export is the global `process` itself: take it from there.
const globalProcess = {
  name: 'global-process',
  setup(b) {
    b.onResolve({filter: /^(node:)?process$/}, () => ({path: 'process', namespace: 'global-process'}))
    b.onLoad({filter: /.*/, namespace: 'global-process'}, () => ({contents: 'export default globalThis.process', loader: 'js'}))
  }
}

const metaUrl = {
  name: 'import-meta-url',
  setup(b) {
    b.onLoad({filter: /\.(c|m)?js$/}, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return undefined
      if (args.path.includes('node_modules')) {
        throw new Error(`${args.path} uses import.meta.url: add its package to \`external\` in scripts/build-cli.js`)
      }
      const relative = path.relative(outdir, args.path).split(path.sep).join('/')
      return {contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'js', resolveDir: path.dirname(args.path)}
    })
  }
}

const started = Date.now()
// Each build's id: the style the bundle stores (below) is used only by the same build's code.
const id = `${started}-${randomUUID()}`
const result = await build({
  metafile: true,
  // `style` is the entry this script calls to store copydesk's own rules compiled by the bundle's code.
  entryPoints: {cli: path.join(root, 'dist', 'faces', 'cli.js'), style: path.join(root, 'dist', 'style.js')},
  define: {COPYDESK_BUNDLE: JSON.stringify(id)},
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // No comments or indentation: less to read and parse on every start, and
  // pure ASCII (a comment's curly quote made V8 keep the whole source as
  // two-byte text). Names are kept, so stack traces still read.
  minifyWhitespace: true,
  charset: 'ascii',
  // CommonJS modules in the bundle call require() for Node's own modules.
  banner: {js: "import {createRequire as __cdRequire} from 'node:module'; const require = __cdRequire(import.meta.url);"},
  external,
  plugins: [server, standIns, globalProcess, metaUrl]
})
// esbuild leaves regular expressions as written (`/[’']s ignored/`): escape
// what is not ASCII, so V8 keeps each file's source as one-byte text.
for (const name of fs.readdirSync(outdir).filter((name) => name.endsWith('.js'))) {
  const file = path.join(outdir, name)
  const text = fs.readFileSync(file, 'utf8')
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(text)) {
    const escape = (unit) => '\\u' + unit.toString(16).padStart(4, '0')
    // eslint-disable-next-line no-control-regex
    fs.writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (char) => escape(char.charCodeAt(0))))
  }
}

// bin/copydesk.js falls back to dist/faces/cli.js when one of these was rebuilt
// after the bundle (e.g. by a bare `tsc`), so the bundle is never stale. Not
// by file times, which an install resets: each input ends with this build's
// id, a comment that any rewrite of the file (tsc writes every file it
// emits) takes away, and that `npm pack` and `npm install` keep.
const inputs = Object.keys(result.metafile.inputs)
  // Files only: not stand-ins (`lazy:yaml`, `global-process:process`).
  .filter((input) => !input.includes('node_modules') && !/^[a-z-]+:/.test(input))
  .map((input) => path.relative(path.join(root, 'dist'), path.resolve(root, input)).split(path.sep).join('/'))
const stamp = `\n//# copydesk-bundle=${id}\n`
for (const input of inputs) {
  const file = path.join(root, 'dist', input)
  // A stamp of an earlier bundle (the file was not rewritten since) gives way to this one.
  const text = fs.readFileSync(file, 'utf8').replace(/\n\/\/# copydesk-bundle=[^\n]*\n$/, '')
  fs.writeFileSync(file, text + stamp)
}
fs.writeFileSync(path.join(outdir, 'inputs.json'), JSON.stringify({id, inputs}))
console.log(`build-cli: dist/bundle/cli.js from ${inputs.length} of copydesk's modules`)

// copydesk's own rules, compiled once here by the bundle's code, so a start
// reads them instead of tokenizing every pattern (src/house-style/pack.ts);
// checked against the rules files' text at start, and compiled as before if
// any changed. Without it (a kind whose compiled data cannot be stored) the
// bundle compiles them at start, correct but slower.
try {
  const {writeBundleStyle} = await import(pathToFileURL(path.join(outdir, 'style.js')).href)
  const {bytes} = writeBundleStyle()
  console.log(`build-cli: dist/bundle/style.bin (copydesk's rules, compiled) ${(bytes / 1024).toFixed(0)} KB`)
} catch (error) {
  console.warn(`build-cli: copydesk's rules are not stored compiled, so each start compiles them: ${error.message}`)
}
