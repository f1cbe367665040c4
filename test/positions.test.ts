/**
 * The seed story (a real AP story with real slips) as text, as HTML
 * (paragraphs in `<p>`, apostrophes as `&#8217;`, one word in `<em>`) and as
 * Markdown: every message's offsets, cut from the HTML or Markdown source
 * and stripped of tags and escapes, read the same words as in the text
 * version — whichever checks fire.
 */
import fs from 'node:fs'
import {beforeAll, describe, expect, test} from 'vitest'
import type {VFile} from 'vfile'
import {check} from '../src/index.js'
import {describeCorpus, readShared} from './util/corpus.js'

const seed = readShared('corpus/seed/mali.txt')
const paragraphs = seed.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== '')
// The seed's own typo, wrapped in <em> / *…* to test an inline tag.
const emphasized = 'importats'

const html =
  '<article>\n' +
  paragraphs
    .map((paragraph) => {
      const escaped = paragraph
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/’/g, '&#8217;')
        .replace(emphasized, `<em>${emphasized}</em>`)
      return `  <p>${escaped}</p>\n`
    })
    .join('') +
  '</article>\n'

const markdown = paragraphs
  .map((paragraph) =>
    paragraph
      .replace(/[\\`*_[\]<>#]/g, '\\$&')
      .replace(/^(\d+)\. /gm, '$1\\. ')
      .replace(/^([-+]) /gm, '\\$1 ')
      .replace(emphasized, `*${emphasized}*`)
  )
  .join('\n\n')

/** The words of an HTML slice: tags out, entities decoded. */
function fromHtml(slice: string): string {
  return slice
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** The words of a Markdown slice: emphasis marks and escapes out. */
function fromMarkdown(slice: string): string {
  return slice.replace(new RegExp(`\\*(${emphasized})\\*`), '$1').replace(/\\([\\`*_[\]<>#.+-])/g, '$1')
}

/** `ruleId: words` per message, with the words cut from the source by the message's offsets. */
function spans(file: VFile, source: string, words: (slice: string) => string): string[] {
  return file.messages.map((message) => {
    const place = message.place as {start: {offset: number}; end: {offset: number}}
    return `${message.ruleId}: ${words(source.slice(place.start.offset, place.end.offset))}`
  })
}

describeCorpus('positions in the seed story', () => {
  let expected: string[]
  beforeAll(async () => {
    const file = await check(seed, {format: 'text'})
    expected = spans(file, seed, (slice) => slice)
  })

  test('the text version has findings, including the planted slips', () => {
    expect(expected).toContain('spelling: importats')
    expect(expected.length).toBeGreaterThan(1)
  })

  test('HTML: every message points at the same words', async () => {
    const file = await check(html, {format: 'html'})
    expect(html).toContain('<em>importats</em>')
    expect(html).toContain('Mali&#8217;s')
    expect(spans(file, html, fromHtml)).toEqual(expected)
  })

  test('Markdown: every message points at the same words', async () => {
    const file = await check(markdown, {format: 'markdown'})
    expect(markdown).toContain('*importats*')
    expect(spans(file, markdown, fromMarkdown)).toEqual(expected)
  })

  test('each message’s line and column agree with its offset', async () => {
    for (const [source, format] of [
      [html, 'html'],
      [markdown, 'markdown']
    ] as const) {
      const file = await check(source, {format})
      const lines = source.split('\n')
      for (const message of file.messages) {
        const place = message.place as {start: {line: number; column: number; offset: number}}
        const offset = lines.slice(0, place.start.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + place.start.column - 1
        expect(offset, String(message)).toBe(place.start.offset)
      }
    }
  })
})
