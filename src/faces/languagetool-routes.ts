/**
 * LanguageTool's HTTP API (`/v2/...`) as a Fastify plugin, so editor plugins
 * that speak LanguageTool (LTeX, the browser add-on, CMS integrations) can
 * use a copydesk server. Checks go through `runStory`; the shape of the
 * answer is src/faces/languagetool.ts.
 *
 * - `GET|POST /v2/check` — `text` or `data`, `language` (required; `auto`
 *   is the server's dialect), `preferredVariants`, `enabledRules`,
 *   `disabledRules`, `enabledCategories`, `disabledCategories`,
 *   `enabledOnly`, `level`. Query parameters and form fields both work.
 * - `GET /v2/languages`; `GET /v2/words`, `POST /v2/words/add` (or
 *   `/v2/words`) and `POST /v2/words/delete`: the desk dictionary (docs/desk.md).
 *
 * Bad requests answer as LanguageTool does: a status and a plain-text body
 * starting `Error: `.
 */
import {quote} from './echo.js'
import type {FastifyBaseLogger, FastifyError, FastifyPluginAsync, FastifyReply} from 'fastify'
import type {Dialect} from '../types.js'
import type {RunStory} from './pool.js'
import {AnnotationError, dialectFor, fromAnnotation, fromText, languages, toLanguageTool} from './languagetool.js'
import {version as copydeskVersion} from '../version.js'
import type {DeskDictionary} from '../desk/dictionary.js'
import {languageToolWords} from './desk-routes.js'

/** Options for the LanguageTool routes plugin. */
export interface LanguageToolRoutesOptions {
  /** Checks one story within a time budget. */
  runStory: RunStory
  /** The server's dialect: what `language=auto` and `en` mean. */
  dialect: Dialect
  /** Time budget per request in milliseconds, counted from arrival (default 3000). */
  timeoutMs?: number
  /** Version reported as `software.version` (default: copydesk's). */
  version?: string
  /**
   * With the floor: its checks' ruleIds. Their matches are answered whatever
   * `disabledRules`, `disabledCategories`, `enabledOnly` or `level` ask
   * (see src/faces/floor.ts).
   */
  floor?: ReadonlyArray<string>
  /** The desk dictionary `/v2/words` reads and writes (default: none: no words listed, and adding one answers 404). */
  desk?: DeskDictionary
}

type Parameters = Record<string, string | undefined>

/** A request LanguageTool would refuse, with its status. */
class RequestError extends Error {
  constructor(
    readonly statusCode: number,
    message: string
  ) {
    super(message)
  }
}

const supported = ['auto', 'en', ...languages.map((language) => language.longCode)]

/** The `/v2` routes. Register with `app.register(languageToolRoutes, {runStory, dialect})`. */
export const languageToolRoutes: FastifyPluginAsync<LanguageToolRoutesOptions> = async (app, options) => {
  const {runStory, dialect: serverDialect} = options
  const timeoutMs = options.timeoutMs ?? 3000
  const version = options.version ?? copydeskVersion

  // Every body is read as a form, whatever its Content-Type says, as
  // LanguageTool does: LTeX 16 sends its form labelled application/json.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', {parseAs: 'string'}, (_request, body, done) => {
    const form = new URLSearchParams(body as string)
    // A field sent twice with two values is ambiguous (`text=TK&text=Clean.`): refused, not "the last wins".
    const twice = ambiguous([...form])
    if (twice !== undefined) return done(new RequestError(400, `The parameter ${quote(twice)} is given twice with different values; send it once`), undefined)
    done(null, Object.fromEntries(form))
  })

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const {statusCode, message} = describe(error)
    if (statusCode >= 500) request.log.error(error)
    return plain(reply, statusCode, message)
  })

  const check = async (parameters: Parameters, elapsed: () => number, log: FastifyBaseLogger) => {
    const {text, data} = parameters
    if (text === undefined && data === undefined) throw new RequestError(400, "Missing 'text' or 'data' parameter")
    const dialect = requestDialect(parameters, serverDialect)
    const annotated = text === undefined ? fromAnnotation(data as string) : fromText(text)
    const outcome = await runStory({body: annotated.plain, format: 'text', dialect}, Math.max(1, timeoutMs - elapsed()))
    // A check that failed answers as one that ran out of time: what was found, and `incompleteResults`.
    if (outcome.failure !== undefined) log.error({err: outcome.failure}, 'copydesk failed on a request; answered incompleteResults')
    const answer = toLanguageTool(outcome.messages, annotated, {
      dialect,
      version,
      complete: outcome.complete,
      auto: (parameters.language ?? '').trim().toLowerCase() === 'auto',
      disabledRules: list(parameters.disabledRules),
      enabledRules: list(parameters.enabledRules),
      disabledCategories: list(parameters.disabledCategories),
      enabledCategories: list(parameters.enabledCategories),
      enabledOnly: flag(parameters, 'enabledOnly'),
      level: level(parameters.level)
    })
    if (!options.floor) return answer
    // The floor's matches stay, whatever the request switched off.
    const floorIds = options.floor
    const floorMessages = outcome.messages.filter((message) => floorIds.includes(message.ruleId ?? ''))
    const kept = new Set(answer.matches.map((match) => `${match.offset}:${match.length}:${match.rule.id}`))
    const forced = toLanguageTool(floorMessages, annotated, {dialect, version, complete: outcome.complete}).matches.filter(
      (match) => !kept.has(`${match.offset}:${match.length}:${match.rule.id}`)
    )
    if (forced.length > 0) answer.matches = [...answer.matches, ...forced].sort((a, b) => a.offset - b.offset || a.length - b.length)
    return answer
  }

  app.get<{Querystring: Parameters}>('/v2/check', async (request, reply) => check(strings(request.query), () => reply.elapsedTime, request.log))
  app.post<{Querystring: Parameters; Body: Parameters}>('/v2/check', async (request, reply) =>
    // LanguageTool reads parameters from the form and the query string alike.
    check(merged(strings(request.query), strings(request.body)), () => reply.elapsedTime, request.log)
  )

  app.get('/v2/languages', async () => languages)

  // One dictionary for the whole desk, not one per user (src/faces/desk-routes.ts).
  languageToolWords(app, options.desk)
}

/** The dialect a request asks for, or a `RequestError` saying why it cannot be checked. */
function requestDialect(parameters: Parameters, serverDialect: Dialect): Dialect {
  const {language} = parameters
  if (language === undefined || language.trim() === '') {
    throw new RequestError(400, "Missing 'language' parameter. Use language=auto, en-US or en-GB.")
  }
  const auto = language.trim().toLowerCase() === 'auto'
  const variants = list(parameters.preferredVariants)
  if (variants.length > 0 && !auto) {
    throw new RequestError(400, "You specified 'preferredVariants' but you didn't specify 'language=auto'")
  }
  const dialect = dialectFor(language, serverDialect)
  if (!dialect) {
    throw new RequestError(
      400,
      `${quote(language)} is not a language code copydesk checks: it checks English only. Supported language codes are: ${supported.join(', ')}`
    )
  }
  if (auto) {
    // "preferredVariants=en-GB,de-AT": the English one, if any, picks the dialect.
    const english = variants.find((variant) => variant.toLowerCase().startsWith('en-'))
    if (english) return dialectFor(english, serverDialect) ?? dialect
  }
  return dialect
}

function strings(value: unknown): Parameters {
  const result: Parameters = {}
  if (!value || typeof value !== 'object') return result
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    // A query parameter sent twice with two values is ambiguous: refused.
    if (Array.isArray(item) && new Set(item).size > 1) {
      throw new RequestError(400, `The parameter ${quote(key)} is given twice with different values; send it once`)
    }
    const last = Array.isArray(item) ? item[item.length - 1] : item
    if (typeof last === 'string') result[key] = last
  }
  return result
}

/** Merge query and form parameters; one given in both with two values is refused. */
function merged(query: Parameters, form: Parameters): Parameters {
  for (const [key, value] of Object.entries(form)) {
    if (key in query && query[key] !== value) {
      throw new RequestError(400, `The parameter ${quote(key)} is given in the query string and the form with different values; send it once`)
    }
  }
  return {...query, ...form}
}

/** The first name given twice with different values among `pairs`. */
function ambiguous(pairs: ReadonlyArray<[string, string]>): string | undefined {
  const seen = new Map<string, string>()
  for (const [key, value] of pairs) {
    if (seen.has(key) && seen.get(key) !== value) return key
    seen.set(key, value)
  }
  return undefined
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

function flag(parameters: Parameters, name: string): boolean {
  const value = parameters[name]
  if (value === undefined || value === '' || value === 'false') return false
  if (value !== 'true') throw new RequestError(400, `'${name}' must be 'true' or 'false', not ${quote(value)}`)
  if (list(parameters.enabledRules).length === 0 && list(parameters.enabledCategories).length === 0) {
    throw new RequestError(400, "You cannot specify 'enabledOnly=true' when 'enabledRules' and 'enabledCategories' are empty")
  }
  return true
}

function level(value: string | undefined): 'default' | 'picky' {
  if (value === undefined || value === '' || value === 'default') return 'default'
  if (value === 'picky') return 'picky'
  throw new RequestError(400, `'level' must be 'default' or 'picky', not ${quote(value)}`)
}

function plain(reply: FastifyReply, statusCode: number, message: string) {
  return reply.code(statusCode).type('text/plain; charset=utf-8').send(`Error: ${message}`)
}

function describe(error: FastifyError): {statusCode: number; message: string} {
  if (error instanceof RequestError || error instanceof AnnotationError) {
    return {statusCode: error instanceof RequestError ? error.statusCode : 400, message: error.message}
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {statusCode: 413, message: 'The request is larger than the limit (1 MB by default); check the text in parts.'}
    default:
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return {statusCode: error.statusCode, message: error.message}
  }
  return {statusCode: 500, message: 'copydesk could not check this text; the error is in the server log.'}
}

