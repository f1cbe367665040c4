/**
 * "This machine only", decided from parsed addresses: a name that merely
 * starts `127.` is not loopback, so a DNS-rebound page (`Host` and `Origin`
 * `127.0.0.1.evil.example`) is refused, and `serve --host 127.x.example`
 * without a token is a usage error. Real sockets on 127.0.0.1.
 */
import http from 'node:http'
import {PassThrough, Readable} from 'node:stream'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import {createServer, isLoopback} from '../src/faces/server.js'
import {main} from '../src/faces/cli.js'
import {listen} from './util/listen.js'

describe('isLoopback', () => {
  test.each([
    ['127.0.0.1', true],
    ['127.9.8.7', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['[::ffff:7f00:1]', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1.evil.example', false],
    ['127.x.example', false],
    ['127.evil', false],
    ['::ffff:127.evil.example', false],
    ['::ffff:10.0.0.1', false],
    ['::2', false],
    ['128.0.0.1', false],
    ['localhost.evil.example', false],
    ['evil-localhost', false],
    ['0.0.0.0', false],
    ['::', false],
    ['', false]
  ])('%s → %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback)
  })
})

/** A request with headers fetch() will not send (`Host`). */
function request(base: string, path: string, headers: Record<string, string>, body?: string): Promise<{status: number; body: string}> {
  const url = new URL(path, base)
  return new Promise((resolve, reject) => {
    const req = http.request({host: url.hostname, port: url.port, path: url.pathname, method: body === undefined ? 'GET' : 'POST', headers, setHost: false}, (response) => {
      let text = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({status: response.statusCode ?? 0, body: text}))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('a token-less server answers only to loopback names', () => {
  let app: FastifyInstance
  let base: string
  let port: string
  beforeAll(async () => {
    app = createServer({workers: 0, timeoutMs: 60_000})
    base = await listen(app)
    port = new URL(base).port
  }, 120_000)
  afterAll(async () => app?.close())

  const json = {'content-type': 'application/json'}
  const story = JSON.stringify({body: 'Residents left the town.'})

  test('a rebound name in Host and Origin is refused (403), though it starts 127.', async () => {
    const evil = `127.0.0.1.evil.example:${port}`
    const response = await request(base, '/v1/check', {...json, host: evil, origin: `http://${evil}`}, story)
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body).message).toBe('This origin may not call copydesk; start it with --cors ORIGIN to allow a CMS page.')
  })

  test('a rebound name in Host alone (no Origin) is refused too', async () => {
    const response = await request(base, '/v1/check', {...json, host: `127.0.0.1.evil.example:${port}`}, story)
    expect(response.status).toBe(403)
    expect(JSON.parse(response.body).message).toBe(
      'Without a token copydesk answers only to a loopback Host (127.0.0.1, [::1] or localhost); start it with --token to serve other names.'
    )
    expect((await request(base, '/', {host: `127.0.0.1.evil.example:${port}`})).status).toBe(403)
  })

  test.each([`127.0.0.1:${0}`, `localhost:${0}`, `[::1]:${0}`])('Host %s (the page itself, same origin) is served', async (template) => {
    const host = template.replace(/0$/, port)
    const response = await request(base, '/v1/check', {...json, host, origin: `http://${host}`}, story)
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toMatchObject({verdict: 'pass'})
  })
})

describe('copydesk serve --host', () => {
  test.each(['127.x.example', '127.0.0.1.evil.example'])('--host %s without a token is refused (exit 2) before listening', async (host) => {
    const stderr = new PassThrough()
    let text = ''
    stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
    const code = await main(['serve', '--host', host, '--port', '0'], {stdin: Readable.from(['']), stdout: new PassThrough(), stderr, cwd: process.cwd(), env: {}})
    expect(code).toBe(2)
    expect(text).toBe(`copydesk: --host ${host} lets other machines in: set a token with --token or COPYDESK_TOKEN (clients send Authorization: Bearer <token>)\n`)
  })
})
