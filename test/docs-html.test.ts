/**
 * The docs pages as HTML (src/faces/docs-html.ts, src/faces/docs-routes.ts):
 * what a copy editor opens from "about this rule" in the page and from a
 * LanguageTool client's rule link. Rendered from the shipped Markdown, safe
 * whatever the Markdown holds, cached, and the Markdown still served for tools.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify, {type FastifyInstance} from 'fastify'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {renderDoc} from '../src/faces/docs-html.js'
import {docsFolder, docsRoutes, servedDocsUrl} from '../src/faces/docs-routes.js'
import {docsUrl, docsPageUrl} from '../src/message.js'
import {check} from '../src/index.js'
import {defaultRulesFolder} from '../src/house-style/compile.js'
import {kinds} from '../src/house-style/kinds/index.js'
import {loadRules} from '../src/house-style/load.js'

describe('renderDoc', () => {
  test('a check page: the editors part first, tables, heading ids, links to other pages as HTML, no links out of the docs', () => {
    const markdown = fs.readFileSync(new URL('../docs/checks/repeated-word.md', import.meta.url), 'utf8')
    const {title, html} = renderDoc(markdown, {page: 'checks/repeated-word.md'})
    expect(title).toBe('repeated-word')
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/)
    expect(html).toContain('<title>repeated-word · copydesk</title>')
    expect(html).toContain('<link rel="stylesheet" href="/docs/docs.css">')
    expect(html).toContain('<h2 id="what-it-catches">What it catches</h2>')
    expect(html.indexOf('id="what-it-catches"')).toBeLessThan(html.indexOf('id="for-developers"'))
    expect(html).toMatch(/<table>\s*<thead>\s*<tr>\s*<th>Wrong<\/th>\s*<th>Right<\/th>/)
    // The facts table's source links point outside docs/: their text stays, the link goes.
    expect(html).toContain('<code>src/checks/repeated-word.ts</code>')
    expect(html).not.toContain('href="../../src/')
    expect(html).not.toContain('<!--')
    // The facts table's empty head row is left out.
    expect(html).toMatch(/<h2 id="for-developers">For developers<\/h2>\s*<table>\s*<tbody>\s*<tr>\s*<td>ruleId and config key<\/td>/)
  })

  test('links to other docs pages point at their HTML, with the fragment', () => {
    const {html} = renderDoc('# x\n\nSee [inline control](../configuration.md#inline-control) and [titles](titles.md) and [AP](https://www.apstylebook.com/ap_stylebook/titles).', {page: 'checks/x.md'})
    expect(html).toContain('<a href="../configuration#inline-control">inline control</a>')
    expect(html).toContain('<a href="titles">titles</a>')
    expect(html).toContain('<a href="https://www.apstylebook.com/ap_stylebook/titles">AP</a>')
  })

  test('raw HTML does not pass: scripts, event attributes and javascript: links are dropped', () => {
    const markdown = [
      '# x',
      '',
      '<script>alert(1)</script>',
      '',
      '<img src=x onerror="alert(1)">',
      '',
      'A [link](javascript:alert(1)) and <b onclick="alert(1)">bold</b> and <iframe src="https://evil.example"></iframe>.',
      '',
      '[data](data:text/html;base64,PHNjcmlwdD4=)'
    ].join('\n')
    const {html} = renderDoc(markdown, {page: 'x.md'})
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|data:text/i)
    expect(html).toContain('<p>A <a>link</a> and bold and .</p>')
  })

  test('the generated examples keep their <details> fold, rebuilt as elements', () => {
    const markdown = '# x\n\n<details><summary>Examples from the data (each one is a test)</summary>\n\n- flags: `The Pope urged`\n\n</details>\n'
    const {html} = renderDoc(markdown, {page: 'checks/x.md'})
    expect(html).toContain('<details><summary>Examples from the data (each one is a test)</summary>')
    expect(html).toContain('<li>flags: <code>The Pope urged</code></li>')
    expect(html).toContain('</details>')
  })

  test('every shipped docs page renders', () => {
    const pages = [
      ...fs.readdirSync(new URL('../docs/', import.meta.url)).filter((name) => name.endsWith('.md')),
      ...fs.readdirSync(new URL('../docs/checks/', import.meta.url)).map((name) => `checks/${name}`)
    ]
    for (const page of pages) {
      const {html} = renderDoc(fs.readFileSync(new URL(`../docs/${page}`, import.meta.url), 'utf8'), {page})
      expect(html, page).toContain('</main>')
      expect(html, page).not.toMatch(/<script|href="[^"]*\.md[#"]/)
    }
  })
})

describe('a finding links its explanation', () => {
  test('a rules entry’s finding opens its check’s page at the entry’s row, which links the stylebook', async () => {
    const file = await check('The Pope urged a cease-fire.')
    const [message] = file.messages
    expect(message?.url?.endsWith('/docs/checks/titles.md#entry-pope')).toBe(true)
    const page = 'checks/titles.md'
    const {html} = renderDoc(fs.readFileSync(new URL(`../docs/${page}`, import.meta.url), 'utf8'), {page})
    expect(html).toMatch(/<tr id="entry-pope">\s*<td><code>pope<\/code><\/td>[\s\S]*?<a href="https:\/\/www\.apstylebook\.com\/ap_stylebook\/pope">AP: pope<\/a>/)
  })

  test('a code check’s finding opens its page; a newsroom’s own rules file keeps its own link', async () => {
    const [typo] = (await check('Oil importats fell.')).messages
    expect(typo?.url?.endsWith('/docs/checks/spelling.md')).toBe(true)
    expect(docsUrl('spelling')).toBe(new URL('../docs/checks/spelling.md', import.meta.url).href)
    const rules = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-desk-'))
    try {
      fs.writeFileSync(
        path.join(rules, 'sahel-desk.yml'),
        'kind: substitution\nmessage: Use `{expected}`, not `{actual}`.\nlevel: warning\nlink: https://desk.example.com/style#timbuktu\nentries:\n  - id: timbuktu\n    avoid: Timbuctoo\n    use: Timbuktu\n'
      )
      const file = await check('They reached Timbuctoo.', {rules})
      expect(file.messages.map((message) => [message.ruleId, message.url])).toEqual([['sahel-desk', 'https://desk.example.com/style#timbuktu']])
    } finally {
      fs.rmSync(rules, {recursive: true, force: true})
    }
  })

  test('every entry of every shipped rules file has its row in its page', () => {
    const missing: string[] = []
    for (const file of loadRules([defaultRulesFolder], kinds)) {
      const page = `checks/${file.ruleId}.md`
      const {html} = renderDoc(fs.readFileSync(new URL(`../docs/${page}`, import.meta.url), 'utf8'), {page})
      for (const entry of file.entries) if (!html.includes(`<tr id="entry-${entry.id}">`)) missing.push(`${file.ruleId}#${entry.id}`)
    }
    expect(missing).toEqual([])
  })
})

describe('servedDocsUrl', () => {
  test('the library’s file: URL of a page becomes its HTML address on the server', () => {
    expect(docsUrl('titles').startsWith(docsFolder)).toBe(true)
    expect(servedDocsUrl(docsUrl('titles'))).toBe('/docs/checks/titles')
    expect(servedDocsUrl(docsUrl('titles'), 'https://copydesk.example/')).toBe('https://copydesk.example/docs/checks/titles')
    expect(servedDocsUrl(docsPageUrl('configuration.md#inline-control'))).toBe('/docs/configuration#inline-control')
    expect(servedDocsUrl('https://www.apstylebook.com/ap_stylebook/titles')).toBe('https://www.apstylebook.com/ap_stylebook/titles')
  })

  test('a CMS calling prePublish in process maps its findings’ links with it, from copydesk/server', async () => {
    const server = await import('../src/faces/server.js')
    const {prePublish} = await import('../src/index.js')
    const result = await prePublish({headline: 'Council meets', body: 'The Pope urged a cease-fire. Casualties: TK.'})
    expect(result.messages.map((message) => server.servedDocsUrl(message.url ?? '', 'https://copydesk.example.com'))).toEqual([
      'https://copydesk.example.com/docs/checks/titles#entry-pope',
      'https://copydesk.example.com/docs/checks/leftovers#entry-tk'
    ])
  })
})

describe('GET /docs', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = Fastify()
    await app.register(docsRoutes)
    await app.ready()
  })
  afterAll(async () => app.close())

  test('a check page as HTML, with a policy that allows no script', async () => {
    const response = await app.inject({method: 'GET', url: '/docs/checks/leftovers'})
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    expect(response.body).toContain('<h1 id="leftovers">leftovers</h1>')
    const css = await app.inject({method: 'GET', url: '/docs/docs.css'})
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(css.body).toContain('prefers-color-scheme: dark')
  })

  test('rendered once: the same ETag, and 304 when the browser has it', async () => {
    const first = await app.inject({method: 'GET', url: '/docs/configuration'})
    const second = await app.inject({method: 'GET', url: '/docs/configuration'})
    expect(first.headers.etag).toMatch(/^"[\w-]{22}"$/)
    expect(second.headers.etag).toBe(first.headers.etag)
    const again = await app.inject({method: 'GET', url: '/docs/configuration', headers: {'if-none-match': String(first.headers.etag)}})
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  test('the Markdown as shipped, for tools', async () => {
    const response = await app.inject({method: 'GET', url: '/docs/checks/spelling.md'})
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8')
    expect(response.body).toBe(fs.readFileSync(new URL('../docs/checks/spelling.md', import.meta.url), 'utf8'))
  })

  test('only its own pages', async () => {
    for (const url of ['/docs/checks/nope', '/docs/checks/nope.md', '/docs/..%2Fpackage.json', '/docs/checks/..%2F..%2Fpackage', '/docs/page.png', '/docs/rules/titles', '/docs/CHECKS/titles']) {
      expect((await app.inject({method: 'GET', url})).statusCode, url).toBe(404)
    }
  })

  test('a page asked for that is not there is not remembered (any name would be a new entry): once written, it is served', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-docs-'))
    const docs = Fastify()
    await docs.register(docsRoutes, {folder: new URL(`file://${folder}/`).href})
    try {
      expect((await docs.inject({method: 'GET', url: '/docs/later'})).statusCode).toBe(404)
      expect((await docs.inject({method: 'GET', url: '/docs/later.md'})).statusCode).toBe(404)
      fs.writeFileSync(path.join(folder, 'later.md'), '# Later\n\nWritten after the first request.\n')
      const page = await docs.inject({method: 'GET', url: '/docs/later'})
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('Written after the first request.')
      expect((await docs.inject({method: 'GET', url: '/docs/later.md'})).body).toBe('# Later\n\nWritten after the first request.\n')
    } finally {
      await docs.close()
      fs.rmSync(folder, {recursive: true, force: true})
    }
  })
})

describe('on a server that takes a token', () => {
  test('the explanations open without it (an editor clicks the link); checks still need it', async () => {
    const {createServer} = await import('../src/faces/server.js')
    const server = createServer({token: 'desk-secret', workers: 0, timeoutMs: 60_000})
    try {
      const page = await server.inject({method: 'GET', url: '/docs/checks/titles'})
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
      const refused = await server.inject({method: 'POST', url: '/v1/check', payload: {body: 'Casualties: TK.'}})
      expect(refused.statusCode).toBe(401)
      const withToken = await server.inject({method: 'POST', url: '/v1/check', headers: {authorization: 'Bearer desk-secret'}, payload: {body: 'Casualties: TK.'}})
      expect(JSON.parse(withToken.body).messages.map((message: {url: string}) => message.url)).toEqual(['/docs/checks/leftovers#entry-tk'])
    } finally {
      await server.close()
    }
  })
})
