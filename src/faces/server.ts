/**
 * copydesk over HTTP (Fastify): the pre-publish hook for a CMS in another
 * process, and a LanguageTool-compatible endpoint for editors that speak it.
 *
 * - `POST /v1/check` — JSON `{headline?, body, format?, policy?}` → the same
 *   result as `prePublish()`: `{verdict, counts, messages, complete, incomplete, reason?}`.
 * - `/v2/check`, `/v2/languages`, `/v2/words` — LanguageTool's protocol (src/faces/languagetool-routes.ts).
 * - `GET /` — the copy-desk page (src/page-routes.ts); `GET /health`.
 *
 * Stories are checked off the event loop in a pool of worker threads
 * (src/pool.ts), each with its checker loaded once; a story that overruns
 * its budget is cut off in its worker and answered `hold`. Errors are JSON
 * `{statusCode, error, message, requestId}` saying what is wrong: 400
 * malformed or incomplete body, 401 missing token, 403 refused origin, 413
 * over the size limit, 415 wrong content type, 503 when a story's expected
 * wait would not fit its budget or the queue's bytes are at their bound (with
 * `Retry-After`); the server keeps serving after any of them.
 */
import http from 'node:http'
import {isIP} from 'node:net'
import {randomBytes, timingSafeEqual} from 'node:crypto'
import Fastify, {LogController, type FastifyError, type FastifyInstance, type FastifyRequest, type FastifyServerOptions} from 'fastify'
import formbody from '@fastify/formbody'
import {createChecker, type Checker} from '../check.js'
import {normalizeOptions, type Options} from '../options.js'
import {formats, levels} from '../types.js'
import {resultFor, type FloorResult, type Policy, type Story} from './hook.js'
import {floorFor, optionOverrides, policyOverride} from './floor.js'
import {duplicateKey} from './strict-json.js'
import {AnnotationError} from './languagetool.js'
import {languageToolRoutes} from './languagetool-routes.js'
import {pageRoutes} from './page-routes.js'
import {docsRoutes, servedDocsUrl} from './docs-routes.js'
import {decisionsOf, deskFor, deskRoutes} from './desk-routes.js'
import {BusyError, createPool, inProcess, type CheckPool, type RunOutcome, type RunStory} from './pool.js'
import {quote} from './echo.js'
import {version} from '../version.js'

export {quote} from './echo.js'
export {servedDocsUrl} from './docs-routes.js'

export type {RunOutcome, RunStory, StoryRun} from './pool.js'
export {BusyError} from './pool.js'

/** Options for `createServer`. */
export interface ServerOptions {
  /**
   * A checker to share. It cannot be moved into a worker thread, so stories
   * are then checked in this process, one at a time, and a check that has
   * started is not cut off (default: workers made from `options`).
   */
  checker?: Checker
  /** Checker options (dialect, checks, dictionary, rules folders), sent to each worker as plain data. */
  options?: Options
  /** Worker threads checking stories (default: one per core; `0`: check in this process, one at a time). */
  workers?: number
  /**
   * A hard cap on stories waiting for a worker beyond those running (default:
   * none). Stories are otherwise admitted while their expected wait (stories
   * ahead per worker × the recent cost of a story) fits their budget and the
   * text queued stays under `maxQueueBytes`; beyond, 503 with `Retry-After`.
   */
  maxQueue?: number
  /** Bytes of story text (UTF-8) checked and waiting at once (default 64 MiB); beyond, 503 with `Retry-After`. */
  maxQueueBytes?: number
  /** Time budget per request in milliseconds, counted from arrival (default 3000); past it the story is `hold`. */
  timeoutMs?: number
  /** Largest request body in bytes (default 1 MiB); larger gets 413. */
  bodyLimit?: number
  /**
   * Origins allowed to call from a browser (a CMS editor page), such as
   * `'https://cms.example.com'`, or `'*'` (default: none). A request with
   * any other `Origin` is refused (403); requests without one (a CMS
   * server, curl) are served.
   */
  cors?: string | ReadonlyArray<string>
  /**
   * A bearer token every check must send (`Authorization: Bearer …`).
   * Without one, only loopback clients are served.
   */
  token?: string
  /** Milliseconds a client has to send a whole request, headers and body (default 20000). */
  requestTimeout?: number
  /** Milliseconds a client has to send the headers (default 10000). */
  headersTimeout?: number
  /** Milliseconds an idle kept-alive connection stays open (default 5000). */
  keepAliveTimeout?: number
  /** The worker module (default copydesk's own); tests give one that stalls or crashes on cue. */
  workerFile?: string
  /**
   * The floor (default `true`): the must-never-publish checks (rules files of
   * kind `existence` at level `error` in the house style, such as
   * `leftovers`) run over every story whatever its `<!-- copydesk … -->`
   * comments and skip markers, the `checks` in `options`, or a request's
   * `policy` or LanguageTool rule switches say; their findings block, and
   * `overridden` in the result names what was ignored (src/faces/floor.ts).
   * `false` (`copydesk serve --no-floor`) lets a story or request switch them off.
   */
  floor?: boolean
  /** Fastify's logger option (default: off); `copydesk serve` logs at `info` to stdout. */
  logger?: FastifyServerOptions['logger']
  /** Whether `decisions` may dismiss error-level findings (`leftovers`), by a named person with a reason (default `false`). */
  allowErrorDismissal?: boolean
  /**
   * The server's public address (`https://copydesk.example.com`), for the
   * absolute links LanguageTool clients get in `rule.urls` (default: from
   * each request's `Host`; `copydesk serve` reads `COPYDESK_PUBLIC_URL`).
   */
  publicUrl?: string
}

/** The body of `POST /v1/check`. */
export interface CheckRequest extends Story {
  policy?: Policy
  /** Editors' decisions about this story's findings (src/decisions.ts). */
  decisions?: unknown[]
}

const levelList = {type: 'array', items: {type: 'string', enum: [...levels]}, uniqueItems: true} as const

const v1Schema = {
  body: {
    type: 'object',
    required: ['body'],
    additionalProperties: false,
    properties: {
      headline: {type: 'string'},
      body: {type: 'string'},
      format: {type: 'string', enum: [...formats]},
      decisions: {type: 'array'},
      policy: {
        type: 'object',
        additionalProperties: false,
        properties: {block: levelList, warn: levelList}
      }
    }
  }
} as const

const usage = 'Use POST /v1/check with JSON {"headline": "…", "body": "…"}, POST /v2/check (LanguageTool), or GET /health.'

/** What the request log line says about a check (never the story text). */
interface Outcome {
  size?: number
  verdict?: string
}

declare module 'fastify' {
  interface FastifyRequest {
    copydesk?: Outcome
  }
}

/**
 * Whether `host` (a listen address, a socket's remote address, or a URL's
 * host name) is this machine only. Decided from the parsed address: an IPv4
 * address in 127.0.0.0/8, IPv6 `::1`, or an IPv4-mapped `::ffff:127.x.x.x`;
 * of names, only `localhost` exactly. A name that merely starts `127.`
 * (`127.0.0.1.evil.example`, a DNS-rebinding way in) is not loopback.
 */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (name === 'localhost') return true
  const version = isIP(name)
  if (version === 4) return name.split('.')[0] === '127'
  if (version !== 6) return false
  let canonical: string
  try {
    // The WHATWG URL parser writes an IPv6 address in its one canonical form (`::ffff:127.0.0.1` → `[::ffff:7f00:1]`).
    canonical = new URL(`http://[${name}]/`).hostname
  } catch {
    return false
  }
  return canonical === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(canonical)
}

/** The host name of a `Host` header (`127.0.0.1:8080`, `[::1]:8080`), or `undefined` when it is not one. */
function hostNameOf(header: string | undefined): string | undefined {
  if (!header || /[\s/@?#\\]/.test(header)) return undefined
  try {
    return new URL(`http://${header}/`).hostname
  } catch {
    return undefined
  }
}

/** Make the copydesk HTTP server (not yet listening: call `.listen({port, host})`). */
export function createServer(options: ServerOptions = {}): FastifyInstance {
  const timeoutMs = options.timeoutMs ?? 3000
  const dialect = options.checker?.settings.dialect ?? normalizeOptions(options.options).dialect
  const token = options.token === undefined || options.token === '' ? undefined : options.token
  const floorOn = options.floor !== false
  const floor = floorOn ? floorFor(options.checker ? {style: options.checker.style, dialect} : options.options) : undefined
  // The server's own settings that the floor overrides, said in every result they touch.
  const configOverrides = floor && !options.checker ? optionOverrides(floor, options.options?.checks) : []
  const floorResult = (outcome: RunOutcome, policy?: Policy): FloorResult | undefined =>
    floor && {ruleIds: floor.ruleIds, overridden: [...(outcome.overridden ?? []), ...configOverrides, ...policyOverride(policy)]}
  const pool: CheckPool =
    options.checker || options.workers === 0
      ? inProcess(options.checker ?? createChecker(options.options ?? {}), options.maxQueue, floorOn, options.maxQueueBytes)
      : createPool({workers: options.workers, options: options.options, maxQueue: options.maxQueue, maxQueueBytes: options.maxQueueBytes, workerFile: options.workerFile, floor: floorOn})

  // The budget counts from when the request arrived: time spent queued behind
  // other stories is spent.
  const remaining = (elapsed: number) => Math.max(1, timeoutMs - elapsed)
  // Messages link to the docs shipped with the package (`file:` URLs on this
  // machine); over HTTP they link to the same pages served as HTML (src/faces/docs-routes.ts).
  const runStory: RunStory = async (story, budgetMs) => {
    const outcome = await pool.run(story, budgetMs)
    for (const message of outcome.messages) {
      if (message.url) message.url = servedDocsUrl(message.url)
    }
    return outcome
  }

  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    logger: options.logger ?? false,
    // The workers' start (onReady, below) may take its 120 s on a loaded machine, not Fastify's default 10 s.
    pluginTimeout: 130_000,
    // Our own line per request (without the query string, which could hold text).
    logController: new LogController({disableRequestLogging: true}),
    // Never trust a client's id: it goes into our log lines.
    requestIdHeader: false,
    genReqId: () => randomBytes(6).toString('hex'),
    serverFactory: (handler) =>
      http.createServer(
        {
          requestTimeout: options.requestTimeout ?? 20_000,
          headersTimeout: Math.min(options.headersTimeout ?? 10_000, options.requestTimeout ?? 20_000),
          keepAliveTimeout: options.keepAliveTimeout ?? 5000,
          // How often Node looks for requests past their timeout (default 30 s).
          connectionsCheckingInterval: Math.min(1000, options.requestTimeout ?? 1000)
        },
        handler
      ),
    // Reject what does not match the schema instead of quietly reshaping it.
    ajv: {customOptions: {removeAdditional: false, coerceTypes: false, allErrors: false}}
  })
  // A socket that says nothing for a minute is closed (a check never takes that long).
  app.server.setTimeout(Math.max(60_000, 4 * timeoutMs))

  // JSON with a key given twice is ambiguous (`{"body": "TK", "body": "Clean."}`:
  // Fastify's parser, like JSON.parse, keeps the last): refuse it. Fastify's
  // own parser still does the parsing (prototype poisoning, empty bodies).
  const defaultJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', {parseAs: 'string'}, (request, body, done) => {
    defaultJson(request, body as string, (error, value) => {
      if (error) return done(error, undefined)
      const duplicate = duplicateKey(String(body))
      if (duplicate !== undefined) return done(new AmbiguousBodyError(duplicate), undefined)
      done(null, value)
    })
  })

  // Start the workers (rules, dictionaries, parsers) before the first request, not during it.
  app.addHook('onReady', async () => {
    // Each worker loads every format itself; one story per worker waits for them all.
    // (Warm-up stories: their cost is not a story's, so admission does not learn from it.)
    if (pool.workers === 0) for (const format of formats) await pool.run({body: 'Ready.', format, dialect}, 120_000, true)
    else await Promise.all(Array.from({length: pool.workers}, () => pool.run({body: 'Ready.', format: 'text', dialect}, 120_000, true)))
  })
  app.addHook('onClose', async () => pool.close())

  const origins = options.cors === undefined ? [] : typeof options.cors === 'string' ? [options.cors] : [...options.cors]

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
    // No reply is ever to be read as another type than it says (JSON as HTML, Markdown as script).
    reply.header('x-content-type-options', 'nosniff')
    const origin = request.headers.origin
    if (origin !== undefined) {
      const allowed = origins.includes('*') || origins.includes(origin) || sameOrigin(request, origin, token !== undefined)
      // A web page an editor visits must not use their local server ("simple" form posts need no preflight).
      if (!allowed) {
        return reply.code(403).send(errorBody(403, 'This origin may not call copydesk; start it with --cors ORIGIN to allow a CMS page.', request.id))
      }
      if (origins.length > 0) {
        reply.header('access-control-allow-origin', origins.includes('*') ? '*' : origin)
        reply.header('vary', 'origin')
        if (request.method === 'OPTIONS') {
          reply.header('access-control-allow-methods', 'GET, POST, OPTIONS')
          reply.header('access-control-allow-headers', 'content-type, authorization')
          reply.header('access-control-max-age', '600')
          return reply.code(204).send()
        }
      }
    }
    // The shipped docs are public: a finding's link must open for the editor who clicks it, token or not.
    if (request.url === '/health' || (request.method === 'GET' && request.url.startsWith('/docs/'))) return
    if (token === undefined) {
      // No token: this machine only, whatever address the server was bound to.
      if (!isLoopback(request.socket.remoteAddress ?? '')) {
        return reply.code(403).send(errorBody(403, 'copydesk serves other machines only with a token; start it with --token or COPYDESK_TOKEN.', request.id))
      }
      // …and only under a loopback name: a web page whose DNS name was rebound to 127.0.0.1 sends its own name as Host.
      const hostName = hostNameOf(request.headers.host)
      if (hostName === undefined || !isLoopback(hostName)) {
        return reply.code(403).send(errorBody(403, 'Without a token copydesk answers only to a loopback Host (127.0.0.1, [::1] or localhost); start it with --token to serve other names.', request.id))
      }
    } else if (!tokenMatches(request.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer')
      return reply.code(401).send(errorBody(401, 'Send the copydesk token as Authorization: Bearer <token>.', request.id))
    }
  })
  if (origins.length > 0) app.options('/*', async (_request, reply) => reply.code(204).send())

  app.addHook('onResponse', async (request, reply) => {
    const outcome = request.copydesk ?? {}
    request.log.info(
      {
        method: request.method,
        path: request.url.split('?')[0]!.slice(0, 100),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        size: outcome.size ?? Number(request.headers['content-length'] ?? 0),
        verdict: outcome.verdict
      },
      'request'
    )
  })

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const {statusCode, message} = describeError(error, request.url)
    // A full queue is load shed on purpose, not a failure: a warning without a stack.
    if (error instanceof BusyError) request.log.warn('queue full: answered 503')
    else if (statusCode >= 500) request.log.error({err: error}, 'copydesk failed on a request')
    if (error instanceof BusyError) reply.header('retry-after', String(error.retryAfter))
    return reply.code(statusCode).send(errorBody(statusCode, message, request.id))
  })

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(404, `No ${request.method} ${quote(request.url.split('?')[0]!)}. ${usage}`, request.id))
  )

  app.get('/health', async () => ({status: 'ok', name: 'copydesk', version, dialect, workers: pool.workers, pending: pool.pending, cutOff: pool.cutOff}))

  // JSON only: the default text/plain parser would hand the schema a string.
  app.register(async (v1) => {
    v1.removeContentTypeParser('text/plain')
    v1.post<{Body: CheckRequest}>('/v1/check', {schema: v1Schema}, async (request, reply) => {
      const {policy, body, headline, format = 'text'} = request.body
      request.copydesk = {size: body.length + (headline?.length ?? 0)}
      const decide = decisionsOf(request.body, options.allowErrorDismissal === true)
      const outcome = await runStory({body, headline, format, dialect}, remaining(reply.elapsedTime))
      logFailure(request, outcome)
      const result = resultFor(outcome.messages, outcome.incomplete, policy, outcome.reason, outcome.tally, floorResult(outcome, policy), decide)
      request.copydesk.verdict = result.verdict
      return result
    })
  })

  // The LanguageTool protocol and the copy-desk page, over the same pool.
  // The docs pages messages link to: HTML for people, the Markdown as shipped for tools.
  app.register(docsRoutes)

  // The desk dictionary (src/faces/desk-routes.ts): /v1/words, and LanguageTool's /v2/words.
  const desk = deskFor(options.checker?.settings ?? normalizeOptions(options.options))
  app.register(deskRoutes, {desk})
  app.register(languageToolRoutes, {runStory, dialect, timeoutMs, floor: floor?.ruleIds, desk, publicUrl: options.publicUrl})
  app.register(pageRoutes, {runStory, dialect, timeoutMs, floor: floor?.ruleIds, allowErrorDismissal: options.allowErrorDismissal === true})

  return app
}

/** A JSON body that names a key twice (HTTP 400). */
class AmbiguousBodyError extends Error {
  readonly statusCode = 400
  constructor(key: string) {
    super(`The request body gives the key ${quote(key)} twice; send each field once (which one would count is ambiguous, so copydesk refuses the request).`)
  }
}

/** A check that failed is answered `hold`; the error goes to the log, at `error`, with its stack. */
function logFailure(request: FastifyRequest, outcome: RunOutcome): void {
  if (outcome.failure !== undefined) request.log.error({err: outcome.failure}, 'copydesk failed on a request; answered hold')
}

function sameOrigin(request: FastifyRequest, origin: string, hasToken: boolean): boolean {
  const host = request.headers.host
  if (!host) return false
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  // A page served by this server (the copy-desk page). Without a token only
  // under a loopback name, so a rebound DNS name cannot pass for it.
  return url.host === host && (hasToken || isLoopback(url.hostname))
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+)$/i.exec(header ?? '')
  if (!match) return false
  const given = Buffer.from(match[1]!)
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}


function errorBody(statusCode: number, message: string, requestId: string) {
  return {statusCode, error: statusText(statusCode), message, requestId}
}

function describeError(error: FastifyError, url: string): {statusCode: number; message: string} {
  const v2 = url.startsWith('/v2/')
  if (error.validation) {
    const [first] = error.validation as Array<{keyword: string; instancePath: string; params: Record<string, unknown>; message?: string}>
    const field = 'request body' + (first?.instancePath ?? '').replace(/\//g, '.').replace(/^\./, ' field ')
    let detail = error.message.replace(/^body\b/, 'request body')
    if (first?.keyword === 'additionalProperties') {
      detail = `${field} has an unknown field \`${quote(String(first.params.additionalProperty)).slice(1).replace(/"(…?)$/, '$1')}\``
    } else if (first?.keyword === 'enum') {
      detail = `${field} must be one of ${(first.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`
    } else if (first?.keyword === 'required') {
      detail = `${field} is missing \`${String(first.params.missingProperty)}\``
    } else if (first?.keyword === 'type') {
      detail = `${field} must be ${String(first.params.type)}`
    }
    return {
      statusCode: 400,
      message: v2
        ? `${detail}. Send form fields text (or data) and language.`
        : `${detail}. Send JSON such as {"headline": "…", "body": "…", "format": "text"}.`
    }
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        statusCode: 415,
        message: v2
          ? 'Send the request as application/x-www-form-urlencoded (text=…&language=en-US), as LanguageTool.'
          : 'Send the request as JSON with Content-Type: application/json.'
      }
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {statusCode: 413, message: 'The request is larger than the limit (1 MB by default); check the story in parts.'}
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {statusCode: 400, message: 'The request body is empty; send JSON such as {"body": "…"}.'}
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {statusCode: 400, message: `The request body is not valid JSON (${quote(error.message, 80)}).`}
    default:
  }
  if (error instanceof AnnotationError) {
    return {statusCode: 400, message: error.message.slice(0, 300)}
  }
  if (error instanceof BusyError) return {statusCode: 503, message: error.message}
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return {statusCode: error.statusCode, message: error.message.slice(0, 300)}
  }
  return {statusCode: 500, message: 'copydesk could not check this story; the error is in the server log.'}
}

function statusText(code: number): string {
  return (
    {400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 503: 'Service Unavailable', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 500: 'Internal Server Error'}[code] ??
    'Error'
  )
}
