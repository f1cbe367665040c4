/**
 * copydesk over HTTP (Fastify): the pre-publish hook for a CMS in another
 * process, and a LanguageTool-compatible endpoint for editors that speak it.
 *
 * - `POST /v1/check` — JSON `{headline?, body, format?, policy?}` → the same
 *   result as `prePublish()`: `{verdict, counts, messages, complete}`.
 * - `/v2/check`, `/v2/languages`, `/v2/words` — LanguageTool's protocol (src/languagetool-routes.ts).
 * - `GET /` — the copy-desk page (src/page-routes.ts); `GET /health`.
 *
 * One checker is made when the server is created (dictionaries and rules
 * loaded once) and shared by every request. Errors are JSON
 * `{statusCode, error, message}` saying what is wrong: 400 malformed or
 * incomplete body, 413 over the size limit, 415 wrong content type; the
 * server keeps serving after any of them.
 */
import Fastify, {type FastifyError, type FastifyInstance, type FastifyServerOptions} from 'fastify'
import formbody from '@fastify/formbody'
import {VFile} from 'vfile'
import {createChecker, type Checker} from './check.js'
import type {Options} from './options.js'
import type {Dialect} from './types.js'
import {formats, levels} from './types.js'
import {prePublish, type Policy, type Story} from './hook.js'
import {toResultMessage} from './result.js'
import {setDeadline, skippedChecks} from './deadline.js'
import {AnnotationError} from './languagetool.js'
import {languageToolRoutes} from './languagetool-routes.js'
import {pageRoutes} from './page-routes.js'
import type {ResultMessage} from './result.js'
import type {Format} from './types.js'
import {version} from './version.js'

/** Options for `createServer`. */
export interface ServerOptions {
  /** A checker to share (default: one made from `options` when the server is created). */
  checker?: Checker
  /** Checker options (dialect, checks, dictionary, rules) when no `checker` is given. */
  options?: Options
  /** Time budget per request in milliseconds (default 3000); see `prePublish`'s `timeoutMs`. */
  timeoutMs?: number
  /** Largest request body in bytes (default 1 MiB); larger gets 413. */
  bodyLimit?: number
  /**
   * Origins allowed to call from a browser (a CMS editor page), such as
   * `'https://cms.example.com'`, or `'*'` (default: none; same-origin and
   * server-to-server calls need no CORS).
   */
  cors?: string | ReadonlyArray<string>
  /** Fastify's logger option (default: off). */
  logger?: FastifyServerOptions['logger']
}

/** One story for a route plugin to check (contract 4 of the brief). */
export interface StoryRun {
  body: string
  headline?: string
  format: Format
  dialect: Dialect
}

/** What checking one story gave. */
export interface RunOutcome {
  messages: ResultMessage[]
  complete: boolean
  incomplete: string[]
  reason?: string
}

/** Check one story within `budgetMs`; route plugins call this and never a checker. */
export type RunStory = (story: StoryRun, budgetMs: number) => Promise<RunOutcome>

/** The body of `POST /v1/check`. */
export interface CheckRequest extends Story {
  policy?: Policy
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
      policy: {
        type: 'object',
        additionalProperties: false,
        properties: {block: levelList, warn: levelList}
      }
    }
  }
} as const

const usage = 'Use POST /v1/check with JSON {"headline": "…", "body": "…"}, POST /v2/check (LanguageTool), or GET /health.'

/** Make the copydesk HTTP server (not yet listening: call `.listen({port, host})`). */
export function createServer(options: ServerOptions = {}): FastifyInstance {
  const timeoutMs = options.timeoutMs ?? 3000
  const checker = options.checker ?? createChecker(options.options)
  const checkers = new Map<Dialect, Checker>([[checker.settings.dialect, checker]])
  const checkerFor = (dialect: Dialect): Checker => {
    // A given checker serves every request; otherwise make the other dialect once, on first use.
    if (options.checker) return options.checker
    let value = checkers.get(dialect)
    if (!value) {
      value = createChecker({...options.options, dialect})
      checkers.set(dialect, value)
    }
    return value
  }

  // The budget counts from when the request arrived: time spent queued behind
  // other stories is spent.
  const remaining = (elapsed: number) => Math.max(1, timeoutMs - elapsed)
  const lane = new Lane()

  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    logger: options.logger ?? false,
    // Reject what does not match the schema instead of quietly reshaping it.
    ajv: {customOptions: {removeAdditional: false, coerceTypes: false, allErrors: false}}
  })

  // Build the HTML and Markdown pipelines before the first request, not during it.
  app.addHook('onReady', async () => {
    for (const format of formats) await checker.check('Ready.', {format})
  })

  const origins = options.cors === undefined ? [] : typeof options.cors === 'string' ? [options.cors] : [...options.cors]
  if (origins.length > 0) {
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin
      if (!origin || !(origins.includes('*') || origins.includes(origin))) return
      reply.header('access-control-allow-origin', origins.includes('*') ? '*' : origin)
      reply.header('vary', 'origin')
      if (request.method === 'OPTIONS') {
        reply.header('access-control-allow-methods', 'GET, POST, OPTIONS')
        reply.header('access-control-allow-headers', 'content-type')
        reply.header('access-control-max-age', '600')
        return reply.code(204).send()
      }
    })
    app.options('/*', async (_request, reply) => reply.code(204).send())
  }

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const {statusCode, message} = describeError(error, request.url)
    if (statusCode >= 500) request.log.error(error)
    return reply.code(statusCode).send({statusCode, error: statusText(statusCode), message})
  })

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({statusCode: 404, error: 'Not Found', message: `No ${request.method} ${request.url}. ${usage}`})
  )

  app.get('/health', async () => ({status: 'ok', name: 'copydesk', version, dialect: checker.settings.dialect}))

  // JSON only: the default text/plain parser would hand the schema a string.
  app.register(async (v1) => {
    v1.removeContentTypeParser('text/plain')
    v1.post<{Body: CheckRequest}>('/v1/check', {schema: v1Schema}, async (request, reply) => {
      const {policy, ...story} = request.body
      return lane.run(() => prePublish(story, policy, {checker, timeoutMs: remaining(reply.elapsedTime)}))
    })
  })

  // Today's in-process lane behind the route plugins' `runStory` (contract 4).
  const runStory: RunStory = (story, budgetMs) =>
    lane.run(async () => {
      const file = new VFile({value: story.body})
      setDeadline(file, budgetMs)
      await checkerFor(story.dialect).check(file, {format: story.format, headline: story.headline})
      const complete = skippedChecks(file) === 0
      return {
        messages: file.messages.map((message) => toResultMessage(message, 'body')),
        complete,
        incomplete: [],
        ...(complete ? {} : {reason: 'The time budget ran out before every check ran.'})
      }
    })
  app.register(languageToolRoutes, {runStory, dialect: checker.settings.dialect, timeoutMs})
  app.register(pageRoutes, {runStory, dialect: checker.settings.dialect, timeoutMs})

  return app
}

/**
 * Stories are checked one at a time, in the order they arrived. A check is
 * CPU work that holds the event loop; between two checks the lane lets the
 * server read new requests, so each waits its turn instead of the busiest
 * connections going first, and the time budget (counted from arrival) means
 * the same thing for everyone.
 */
class Lane {
  private readonly queue: Array<() => void> = []
  private busy = false

  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        // A task that throws at once must not stall the lane.
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => this.next())
      })
      if (!this.busy) this.next()
    })
  }

  private next(): void {
    const job = this.queue.shift()
    this.busy = job !== undefined
    if (job) setImmediate(job)
  }
}

function describeError(error: FastifyError, url: string): {statusCode: number; message: string} {
  const v2 = url.startsWith('/v2/')
  if (error.validation) {
    const [first] = error.validation as Array<{keyword: string; instancePath: string; params: Record<string, unknown>; message?: string}>
    const field = 'request body' + (first?.instancePath ?? '').replace(/\//g, '.').replace(/^\./, ' field ')
    let detail = error.message.replace(/^body\b/, 'request body')
    if (first?.keyword === 'additionalProperties') {
      detail = `${field} has an unknown field \`${String(first.params.additionalProperty)}\``
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
      return {statusCode: 400, message: `The request body is not valid JSON (${error.message}).`}
    default:
  }
  if (error instanceof AnnotationError) {
    return {statusCode: 400, message: error.message}
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return {statusCode: error.statusCode, message: error.message}
  }
  return {statusCode: 500, message: 'copydesk could not check this story; the error is in the server log.'}
}

function statusText(code: number): string {
  return (
    {400: 'Bad Request', 404: 'Not Found', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 500: 'Internal Server Error'}[code] ??
    'Error'
  )
}
