/**
 * The copy-desk page as a Fastify plugin: `GET /` and its assets (built by
 * `npm run build` into `dist/page/`, served from disk, no CDN), and the one
 * JSON call the page makes, `POST /page/check`.
 *
 * `POST /page/check` takes `{body, headline?, format?, dialect?, decisions?}`
 * and answers `{verdict, counts, messages, complete, incomplete, reason?,
 * decisions?}` like `POST /v1/check` (contract 1):
 * a story whose checks did not all run is `hold`, never `pass`.
 */
import {existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import path from 'node:path'
import type {FastifyPluginAsync} from 'fastify'
import type {Dialect, Format} from '../types.js'
import {dialects, formats} from '../types.js'
import type {RunStory} from './pool.js'
import {resultFor} from './hook.js'
import {decisionsOf} from './desk-routes.js'
import {version} from '../version.js'

/** Options for the page plugin. */
export interface PageRoutesOptions {
  /** Checks one story within a time budget. */
  runStory: RunStory
  /** The server's dialect, the page's default. */
  dialect: Dialect
  /** Time budget per request in milliseconds, counted from arrival (default 3000). */
  timeoutMs?: number
  /** Folder with the built page (default: `dist/page` of this package). */
  assets?: string
  /** With the floor: its checks' ruleIds (their findings block; see src/faces/floor.ts). */
  floor?: ReadonlyArray<string>
  /** Whether decisions may dismiss error-level findings (with a reason), as `createServer({allowErrorDismissal})` (default false). */
  allowErrorDismissal?: boolean
}

/** The body of `POST /page/check`. */
export interface PageCheckRequest {
  body: string
  headline?: string
  format?: Format
  dialect?: Dialect
  /** The editor's per-story decisions, as `POST /v1/check` takes them (src/decisions.ts). */
  decisions?: unknown[]
}

const schema = {
  body: {
    type: 'object',
    required: ['body'],
    additionalProperties: false,
    properties: {
      body: {type: 'string'},
      headline: {type: 'string'},
      format: {type: 'string', enum: [...formats]},
      dialect: {type: 'string', enum: [...dialects]},
      decisions: {type: 'array'}
    }
  }
} as const

const files: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8'
}

/**
 * The page loads its one script and one style sheet from this server and
 * talks only to it: no inline script or style, nothing from elsewhere, never
 * in a frame (clickjacking an "Accept all fixes" button).
 */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

/** `GET /`, `GET /page/app.js`, `GET /page/app.css`, `GET /page/config.json`, `POST /page/check`. */
export const pageRoutes: FastifyPluginAsync<PageRoutesOptions> = async (app, options) => {
  // On every reply of these routes (this plugin's hooks do not reach the server's other routes).
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', contentSecurityPolicy)
    reply.header('x-content-type-options', 'nosniff')
    reply.header('x-frame-options', 'DENY')
    reply.header('referrer-policy', 'no-referrer')
  })
  const {runStory} = options
  const timeoutMs = options.timeoutMs ?? 3000
  const folder = options.assets ?? defaultAssets()
  // Read once: the page is small and does not change while the server runs.
  const read = (name: string): Buffer | undefined => {
    const file = path.join(folder, name)
    return existsSync(file) ? readFileSync(file) : undefined
  }
  const index = read('index.html')
  const assets = new Map(Object.keys(files).map((name) => [name, read(name)]))

  app.get('/', async (_request, reply) => {
    if (!index) {
      return reply.code(404).send({statusCode: 404, error: 'Not Found', message: 'The page is not built: run `npm run build`.'})
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index)
  })

  app.get<{Params: {name: string}}>('/page/:name', async (request, reply) => {
    const content = assets.get(request.params.name)
    if (!content) return reply.callNotFound()
    return reply.type(files[request.params.name]).header('cache-control', 'no-cache').send(content)
  })

  app.get('/page/config.json', async () => ({dialect: options.dialect, dialects, formats, version}))

  app.register(async (json) => {
    json.removeContentTypeParser('text/plain')
    json.post<{Body: PageCheckRequest}>('/page/check', {schema}, async (request, reply) => {
      const {body, headline, format = 'text', dialect = options.dialect} = request.body
      const outcome = await runStory({body, headline, format, dialect}, Math.max(1, timeoutMs - reply.elapsedTime))
      if (outcome.failure !== undefined) request.log.error({err: outcome.failure}, 'copydesk failed on a request; answered hold')
      // The same verdict as /v1/check and prePublish(): hold when anything did not finish.
      const unexplained = !outcome.complete && outcome.incomplete.length === 0 && outcome.reason === undefined
      const floor = options.floor && {ruleIds: options.floor, overridden: outcome.overridden ?? []}
      // Dismissed for this story by the editor: out of the verdict, listed under `decisions` (as /v1/check).
      const decide = decisionsOf(request.body, options.allowErrorDismissal === true)
      return resultFor(outcome.messages, outcome.incomplete, {}, unexplained ? 'copydesk could not finish checking this story; hold it and check again.' : outcome.reason, outcome.tally, floor, decide)
    })
  })
}

/** `dist/page` next to the compiled module, or of the package when run from `src/` (tests). */
function defaultAssets(): string {
  const here = path.dirname(fileURLToPath(import.meta.url))
  // dist/faces/page-routes.js → dist/page; src/faces/page-routes.ts → dist/page of the package.
  const beside = path.join(here, '..', 'page')
  if (existsSync(path.join(beside, 'app.js'))) return beside
  return path.join(here, '..', '..', 'dist', 'page')
}
