/**
 * The copy-desk page in headless Chromium for the page tests: the real
 * server on 127.0.0.1 (with an empty newsroom rules folder, so the desk
 * dictionary can be written), Debian's `chromium` through puppeteer-core,
 * and helpers that read the page as an editor sees it.
 */
import {existsSync, mkdtempSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import {fileURLToPath} from 'node:url'
import path from 'node:path'
import {test} from 'vitest'
import type {FastifyInstance} from 'fastify'
import type {Browser, ElementHandle, HTTPRequest, Page} from 'puppeteer-core'
import {createServer} from '../../src/faces/server.js'

export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const require = createRequire(import.meta.url)

export const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (file): file is string => Boolean(file) && existsSync(file as string)
)
if (!chromium) {
  if (process.env.CI) {
    test('a Chromium binary for the browser tests', () => {
      throw new Error('No chromium found (install Debian `chromium` or set CHROMIUM_PATH): the page tests cannot run in CI')
    })
  } else {
    console.log('page tests skipped: no chromium binary (apt-get install chromium, or set CHROMIUM_PATH)')
  }
}

const storyText = readFileSync(path.join(root, 'examples', 'story.txt'), 'utf8')
// The example's first line is its headline; the page gets it in the headline field.
const [first, ...rest] = storyText.split('\n')
export const headline = first
export const body = rest.join('\n').replace(/^\n+/, '')

export interface Row {
  place: string
  context: string
  reason: string
  fix: string
  count: string | null
}

export interface PageHarness {
  page: Page
  base: string
  outside: string[]
  scriptErrors: string[]
  idle(timeout?: number): Promise<unknown>
  verdict(): Promise<string | undefined>
  text(): Promise<string>
  rows(): Promise<Row[]>
  highlights(): Promise<Record<'error' | 'warning' | 'suggestion', string[]>>
  paste(data: {html?: string; text: string}): Promise<void>
  /** Click the middle of `words`, at their first place inside `context` (default: the words themselves, whole). */
  clickWords(words: string, context?: string): Promise<void>
  card(): Promise<{title: string; reason: string; buttons: string[]; link: string | null} | null>
  selection(): Promise<string>
  caretAt(offset: number): Promise<void>
  caretIn(words: string, at: number): Promise<void>
  answerWith(answer: {status: number; body: string}): Promise<() => Promise<void>>
  upload(file: string): Promise<void>
  axe(): Promise<Array<{id: string; impact: string; nodes: string[]}>>
  close(): Promise<void>
}

/** Start the server and a browser on the page. */
export async function openPage(options: {width?: number; height?: number; dark?: boolean} = {}): Promise<PageHarness> {
  const {default: puppeteer} = await import('puppeteer-core')
  const rules = mkdtempSync(path.join(os.tmpdir(), 'copydesk-page-rules-'))
  // A generous budget: a loaded test machine must still run every check.
  const app: FastifyInstance = createServer({timeoutMs: 60_000, options: {rules: [rules]}})
  await app.listen({port: 0, host: '127.0.0.1'})
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  const base = `http://127.0.0.1:${address.port}`
  const browser: Browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run']
  })
  const page = await browser.newPage()
  await page.setViewport({width: options.width ?? 1280, height: options.height ?? 860})
  if (options.dark) await page.emulateMediaFeatures([{name: 'prefers-color-scheme', value: 'dark'}])
  const outside: string[] = []
  const scriptErrors: string[] = []
  // Nothing but this server: a test fails on a request anywhere else, or a script error.
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:')) outside.push(request.url())
  })
  page.on('pageerror', (error) => scriptErrors.push(String(error)))
  await page.goto(base + '/')

  const harness: PageHarness = {
    page,
    base,
    outside,
    scriptErrors,
    idle: (timeout = 60_000) => page.waitForSelector('body[data-state="idle"]', {timeout}),
    verdict: () => page.$eval('#verdict', (element) => element.textContent?.replace(/\s+/g, ' ').trim()),
    text: () => page.$eval('#story', (element) => (element as HTMLElement).innerText),
    rows: () =>
      page.$$eval('#groups .row', (items) =>
        items.map((item) => {
          const context = item.querySelector('.finding .context') as HTMLElement
          const marked = [...context.childNodes].map((node) => (node.nodeName === 'B' ? `[${node.textContent}]` : node.textContent)).join('')
          return {
            place: item.querySelector('.finding .place')?.textContent ?? '',
            context: marked,
            reason: item.querySelector('.finding .row-reason')?.textContent ?? '',
            fix: item.querySelector('.finding .row-fix')?.textContent ?? '',
            count: item.querySelector(':scope > .fold')?.textContent ?? null
          }
        })
      ),
    highlights: () =>
      page.evaluate(() => {
        const read = (name: string) => [...((CSS.highlights.get(name) as Set<Range> | undefined) ?? [])].map((range) => range.toString())
        return {error: read('cd-error'), warning: read('cd-warning'), suggestion: read('cd-suggestion')}
      }),
    paste: async (data) => {
      await page.focus('#story')
      await page.evaluate((data) => {
        const editor = document.querySelector('#story') as HTMLElement
        window.getSelection()?.selectAllChildren(editor)
        const transfer = new DataTransfer()
        if (data.html) transfer.setData('text/html', data.html)
        transfer.setData('text/plain', data.text)
        editor.dispatchEvent(new ClipboardEvent('paste', {clipboardData: transfer, bubbles: true, cancelable: true}))
      }, data)
    },
    clickWords: async (words, context) => {
      const point = await page.evaluate((words, context) => {
        const editor = document.querySelector('#story') as HTMLElement
        const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const found = context ? (node as Text).data.indexOf(context) : (node as Text).data.search(new RegExp(`\\b${words}\\b`))
          if (found === -1) continue
          const at = context ? found + context.indexOf(words) : found
          const range = document.createRange()
          range.setStart(node, at)
          range.setEnd(node, at + words.length)
          range.startContainer.parentElement?.scrollIntoView({block: 'center'})
          const rect = range.getBoundingClientRect()
          return {x: rect.left + rect.width / 2, y: rect.top + rect.height / 2}
        }
        return null
      }, words, context)
      if (!point) throw new Error(`no “${words}” in the story`)
      await page.mouse.click(point.x, point.y)
      await page.waitForSelector('#card:not([hidden])')
    },
    card: () =>
      page.$eval('#card', (element) =>
        (element as HTMLElement).hidden
          ? null
          : {
              title: element.querySelector('h3')?.textContent ?? '',
              reason: element.querySelector('.reason')?.textContent ?? '',
              buttons: [...element.querySelectorAll('button')].map((button) => button.textContent ?? ''),
              link: element.querySelector('a')?.textContent ?? null
            }
      ),
    selection: () => page.evaluate(() => window.getSelection()?.toString() ?? ''),
    caretAt: async (offset) => {
      await page.focus('#story')
      await page.evaluate((offset) => {
        const editor = document.querySelector('#story') as HTMLElement
        const selection = window.getSelection() as Selection
        const range = document.createRange()
        range.selectNodeContents(editor)
        range.collapse(offset !== -1)
        selection.removeAllRanges()
        selection.addRange(range)
      }, offset)
    },
    caretIn: async (words, at) => {
      await page.focus('#story')
      await page.evaluate(
        (words, at) => {
          const editor = document.querySelector('#story') as HTMLElement
          const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT)
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const found = (node as Text).data.indexOf(words)
            if (found === -1) continue
            window.getSelection()?.collapse(node, found + at)
            return
          }
        },
        words,
        at
      )
    },
    answerWith: async (answer) => {
      await page.setRequestInterception(true)
      const respond = (request: HTTPRequest) => {
        if (request.url().endsWith('/page/check')) void request.respond({status: answer.status, contentType: 'application/json', body: answer.body})
        else void request.continue()
      }
      page.on('request', respond)
      return async () => {
        page.off('request', respond)
        await page.setRequestInterception(false)
      }
    },
    upload: async (file) => {
      const input = (await page.$('#file')) as ElementHandle<HTMLInputElement> | null
      if (!input) throw new Error('no file input')
      await input.uploadFile(file)
    },
    axe: async () => {
      // Evaluated over the DevTools protocol: the page's Content-Security-Policy forbids an inline script tag.
      await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'))
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as {axe: {run(context: Document): Promise<{violations: Array<{id: string; impact: string; nodes: Array<{target: string[]}>}>}>}}).axe.run(document)
        return result.violations.map((violation) => ({id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(' '))}))
      })
      return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    },
    close: async () => {
      await browser.close()
      await app.close()
    }
  }
  return harness
}
