/**
 * The desk dictionary over HTTP (docs/desk.md). Writes go through the same
 * gate as every request (src/faces/server.ts): the bearer token when the
 * server has one, else this machine only; a browser page from another
 * origin is refused.
 *
 * - `GET /v1/words` → `{folder, words: [{word, by, at, note}]}`;
 *   `GET /v1/words/log` → `{events: [{at, action, word, by, note}]}`.
 * - `POST /v1/words` JSON `{word | words, by, note?}` → `{added, already}`.
 * - `DELETE /v1/words` (or `POST /v1/words/remove`, for pages that cannot
 *   send DELETE across origins) JSON `{word | words, by, note?}` →
 *   `{removed, missing}`.
 * - LanguageTool's `/v2/words`, `/v2/words/add`, `/v2/words/delete`
 *   ({@link languageToolWords}, registered by src/faces/languagetool-routes.ts).
 *
 * Bad input is 400 and changes nothing; a server started without a rules
 * folder answers 404 saying how to give it one; a lock held too long, 503.
 */
import fs from 'node:fs'
import type {FastifyError, FastifyInstance, FastifyPluginAsync} from 'fastify'
import {DeskInputError, deskDictionary, type DeskDictionary} from '../desk/dictionary.js'
import {DeskBusyError} from '../desk/lock.js'
import type {Settings} from '../options.js'
import {validateDecisions, type Decision, type DecisionOptions, type DecisionStory} from '../decisions.js'

/** Options for {@link deskRoutes}. */
export interface DeskRoutesOptions {
  /** The desk dictionary written to (`undefined`: the server has no rules folder; writes answer 404). */
  desk?: DeskDictionary
}

/**
 * The desk dictionary a server writes: in the first `rules` entry that is a
 * folder (checkers read the desk dictionaries of every `rules` folder), or
 * none when `desk` is off or there is no rules folder.
 */
export function deskFor(settings: Pick<Settings, 'rules' | 'desk'>): DeskDictionary | undefined {
  if (!settings.desk) return undefined
  const folder = settings.rules.find((item) => {
    try {
      return fs.statSync(item).isDirectory()
    } catch {
      return false
    }
  })
  return folder === undefined ? undefined : deskDictionary(folder)
}

const noFolder =
  'This server has no desk dictionary: start it with a rules folder (`rules` in .copydeskrc, or createServer({options: {rules: "house/rules"}})); see docs/desk.md.'

/** The `/v1/words` routes. Register with `app.register(deskRoutes, {desk})`. */
export const deskRoutes: FastifyPluginAsync<DeskRoutesOptions> = async (app, {desk}) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const statusCode =
      error instanceof DeskInputError ? 400 : error instanceof DeskBusyError ? 503 : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 400 : (error.statusCode ?? 500)
    if (statusCode >= 500 && !(error instanceof DeskBusyError)) request.log.error({err: error}, 'copydesk failed on a desk dictionary request')
    const message =
      statusCode === 415
        ? 'Send the request as JSON with Content-Type: application/json, such as {"word": "Kotek", "by": "J. Editor"}.'
        : statusCode >= 500 && !(error instanceof DeskBusyError)
          ? 'copydesk could not change the desk dictionary; the error is in the server log.'
          : error.message.replace(/^copydesk: /, '').slice(0, 300)
    return reply.code(statusCode).send({statusCode, error: statusCode === 400 ? 'Bad Request' : statusCode === 503 ? 'Service Unavailable' : 'Error', message, requestId: request.id})
  })
  // JSON only, as /v1/check.
  app.removeContentTypeParser('text/plain')

  const need = (): DeskDictionary => {
    if (!desk) throw Object.assign(new Error(noFolder), {statusCode: 404})
    return desk
  }

  app.get('/v1/words', async () => {
    const store = need()
    return {folder: store.folder, words: store.list()}
  })
  app.get('/v1/words/log', async () => ({events: need().history()}))
  app.post('/v1/words', async (request) => {
    const {words, author} = change(request.body)
    return need().add(words, author)
  })
  const remove = async (request: {body: unknown}) => {
    const {words, author} = change(request.body)
    return need().remove(words, author)
  }
  app.delete('/v1/words', remove)
  app.post('/v1/words/remove', remove)
}

/** The words and author of a JSON request: `{word | words, by, note?}`. */
function change(body: unknown): {words: string | string[]; author: {by: string; note?: string}} {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new DeskInputError('Send JSON such as {"word": "Kotek", "by": "J. Editor", "note": "confirmed with writer"}.')
  }
  const record = body as Record<string, unknown>
  for (const key of Object.keys(record)) {
    if (!['word', 'words', 'by', 'note'].includes(key)) throw new DeskInputError(`The request has an unknown field \`${key.slice(0, 40)}\`; send word (or words), by and note.`)
  }
  if ((record.word === undefined) === (record.words === undefined)) throw new DeskInputError('Send either `word` (one word) or `words` (a list), and `by`.')
  const words = record.word ?? record.words
  if (typeof words !== 'string' && !Array.isArray(words)) throw new DeskInputError('`word` must be text and `words` a list of text.')
  return {words: words as string | string[], author: {by: record.by as string, note: record.note as string | undefined}}
}

type Parameters = Record<string, string | undefined>

/**
 * LanguageTool's word routes over the desk dictionary, as LT clients call
 * them (form fields `word`, `username`, `apiKey`, `dict`; the desk keeps one
 * dictionary for everyone, so `dict` is ignored): `GET /v2/words`
 * (`offset`, `limit`, default 10) → `{words}`, `POST /v2/words/add` (and
 * `POST /v2/words`) → `{added}`, `POST /v2/words/delete` → `{deleted}`.
 * `username` is who the trail names. Called inside the LanguageTool
 * plugin, whose body parser and plain-text errors these share.
 */
export function languageToolWords(app: FastifyInstance, desk: DeskDictionary | undefined): void {
  const need = (): DeskDictionary => {
    if (!desk) throw Object.assign(new Error(noFolder), {statusCode: 404})
    return desk
  }
  const fields = (request: {query: unknown; body?: unknown}): Parameters => ({...strings(request.query), ...strings(request.body)})
  const author = (parameters: Parameters) => {
    const by = parameters.username
    if (by === undefined || by.trim() === '') throw new DeskInputError("Missing 'username' parameter: the desk dictionary records who added each word")
    return {by}
  }
  const word = (parameters: Parameters): string => {
    if (parameters.word === undefined) throw new DeskInputError("Missing 'word' parameter")
    return parameters.word
  }
  app.get('/v2/words', async (request) => {
    // Called by LT clients on start-up: without a desk dictionary, no words (adding one says why it cannot).
    if (!desk) return {words: []}
    const parameters = fields(request)
    const offset = count(parameters.offset, 0, 'offset')
    const limit = count(parameters.limit, 10, 'limit')
    return {words: need().list().slice(offset, offset + limit).map((entry) => entry.word)}
  })
  const add = async (request: {query: unknown; body?: unknown}) => {
    const parameters = fields(request)
    const {added} = await need().add(word(parameters), author(parameters))
    return {added: added.length > 0}
  }
  app.post('/v2/words', add)
  app.post('/v2/words/add', add)
  app.post('/v2/words/delete', async (request) => {
    const parameters = fields(request)
    const {removed} = await need().remove(word(parameters), author(parameters))
    return {deleted: removed.length > 0}
  })
}

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0) throw new DeskInputError(`'${name}' must be a whole number, not ${JSON.stringify(value.slice(0, 20))}`)
  return number
}

function strings(value: unknown): Parameters {
  const result: Parameters = {}
  if (!value || typeof value !== 'object') return result
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const last = Array.isArray(item) ? item[item.length - 1] : item
    if (typeof last === 'string') result[key] = last
  }
  return result
}

/**
 * The decisions of a `POST /v1/check` body, validated (400 saying what is
 * wrong), ready for `resultFor`; `undefined` when the body has none.
 */
export function decisionsOf(
  body: {body: string; headline?: string; decisions?: unknown},
  allowErrorDismissal: boolean
): {story: DecisionStory; decisions: Decision[]; options: DecisionOptions} | undefined {
  if (body.decisions === undefined) return undefined
  let decisions: Decision[]
  try {
    decisions = validateDecisions(body.decisions)
  } catch (error) {
    throw Object.assign(new Error((error as Error).message.replace(/^copydesk: /, '')), {statusCode: 400})
  }
  return {story: {body: body.body, headline: body.headline}, decisions, options: {allowErrorDismissal}}
}
