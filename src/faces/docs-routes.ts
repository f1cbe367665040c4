/**
 * The docs pages findings link to, as a Fastify plugin: each check's
 * explanation (`docs/checks/<ruleId>.md`, the part for editors first) and the
 * other shipped pages, served as HTML for people and as the shipped Markdown
 * for tools. Imports nothing from the server.
 *
 * - `GET /docs/checks/<ruleId>`, `GET /docs/<page>`: the page as HTML
 *   (src/faces/docs-html.ts), rendered once and kept.
 * - `GET /docs/checks/<ruleId>.md`, `GET /docs/<page>.md`: the Markdown as shipped.
 * - `GET /docs/docs.css`: the pages' style sheet.
 *
 * Messages carry `file:` URLs of the shipped Markdown (src/message.ts);
 * `servedDocsUrl` turns one into the address of its HTML page here.
 */
import fs from 'node:fs/promises'
import {createHash} from 'node:crypto'
import type {FastifyPluginAsync, FastifyReply, FastifyRequest} from 'fastify'
import {docsStyleSheet, renderDoc} from './docs-html.js'

/** Options for the docs routes plugin. */
export interface DocsRoutesOptions {
  /** Folder with the Markdown pages, as a `file:` URL ending in `/` (default: the package's `docs/`). */
  folder?: string
}

/** Where the shipped docs are, as the `file:` URL prefix of their messages' links. */
export const docsFolder = new URL('../../docs/', import.meta.url).href

/**
 * The served address of a docs link: `file:///…/docs/checks/titles.md` →
 * `/docs/checks/titles` (or `https://copydesk.example/docs/checks/titles`
 * with `base`), keeping a `#fragment`. Any other URL is returned as it is.
 */
export function servedDocsUrl(url: string, base = ''): string {
  if (!url.startsWith(docsFolder)) return url
  const [page = '', hash] = url.slice(docsFolder.length).split('#', 2)
  if (!pagePattern.test(page)) return url
  return `${base.replace(/\/+$/, '')}/docs/${page.replace(/\.md$/, '')}${hash === undefined ? '' : `#${hash}`}`
}

// Only our own page names: no dots, slashes or escapes from the request reach the filesystem.
const pagePattern = /^(?:checks\/)?[a-z][a-z0-9-]*\.md$/

/** No script, nothing from elsewhere, never in a frame: the pages are text and one style sheet. */
export const docsContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

interface Cached {
  body: string
  etag: string
}

/** The `/docs` routes. Register with `app.register(docsRoutes)`. */
export const docsRoutes: FastifyPluginAsync<DocsRoutesOptions> = async (app, options) => {
  const folder = options.folder ?? docsFolder
  // Each page is read and rendered once: the shipped docs do not change while the server runs.
  const markdown = new Map<string, Promise<string | undefined>>()
  const html = new Map<string, Promise<Cached | undefined>>()
  const css: Cached = {body: docsStyleSheet, etag: etagOf(docsStyleSheet)}

  const source = (page: string): Promise<string | undefined> => {
    let text = markdown.get(page)
    if (!text) {
      // A page that is not there is not remembered: any name the pattern allows would be a new entry (memory without a bound).
      text = fs.readFile(new URL(page, folder), 'utf8').catch(() => {
        markdown.delete(page)
        return undefined
      })
      markdown.set(page, text)
    }
    return text
  }
  const rendered = (page: string): Promise<Cached | undefined> => {
    let result = html.get(page)
    if (!result) {
      result = source(page).then((text) => {
        if (text === undefined) {
          html.delete(page)
          return undefined
        }
        const body = renderDoc(text, {page}).html
        return {body, etag: etagOf(body)}
      })
      html.set(page, result)
    }
    return result
  }

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', docsContentSecurityPolicy)
    reply.header('x-frame-options', 'DENY')
    reply.header('referrer-policy', 'no-referrer')
  })

  const send = async (request: FastifyRequest, reply: FastifyReply, page: string) => {
    const markdownWanted = page.endsWith('.md')
    const file = markdownWanted ? page : `${page}.md`
    if (!pagePattern.test(file)) return notFound(reply)
    if (markdownWanted) {
      const text = await source(file)
      if (text === undefined) return notFound(reply)
      return cached(request, reply, 'text/markdown; charset=utf-8', {body: text, etag: etagOf(text)})
    }
    const done = await rendered(file)
    if (!done) return notFound(reply)
    return cached(request, reply, 'text/html; charset=utf-8', done)
  }

  app.get('/docs/docs.css', async (request, reply) => cached(request, reply, 'text/css; charset=utf-8', css))
  app.get<{Params: {page: string}}>('/docs/:page', async (request, reply) => send(request, reply, request.params.page))
  app.get<{Params: {folder: string; page: string}}>('/docs/:folder/:page', async (request, reply) =>
    send(request, reply, `${request.params.folder}/${request.params.page}`)
  )
}

function cached(request: FastifyRequest, reply: FastifyReply, type: string, page: Cached) {
  // Revalidated on each visit (cheap: a 304 with no body), so a server upgrade shows the new text.
  reply.header('cache-control', 'no-cache').header('etag', page.etag)
  if (request.headers['if-none-match'] === page.etag) return reply.code(304).send()
  return reply.type(type).send(page.body)
}

function notFound(reply: FastifyReply) {
  return reply.code(404).send({statusCode: 404, error: 'Not Found', message: 'No such docs page.', requestId: reply.request.id})
}

function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 22)}"`
}
