#!/usr/bin/env node
/**
 * Scale: time per KB and peak memory of `check()` on 1, 2, 5 and 10 MB of
 * prose and of pathological text, in every format. Each size runs in a child
 * process of its own, so its peak RSS is its own.
 *
 *   npm run bench:scale                      # everything (long: tens of minutes)
 *   node scripts/bench-scale.js --sizes 1,2 --shapes prose,caps --formats text
 *
 * Prose is built from the news corpus when ../shared exists (COPYDESK_SHARED
 * to move it), else from generated sentences. Shapes:
 *   prose      the corpus, paragraph after paragraph
 *   nopunct    the same words with no punctuation and no line breaks
 *   giantword  one word of letters, as long as the size
 *   caps       the prose in capitals
 * and the slow shapes of issue 12 (any format; give small sizes):
 *   dt         nested `<dt>` around a short story
 *   dashes     `- ` repeated (list markers)
 *   quotes     `>` repeated (block quote markers)
 *   qz         `qz/ ` repeated (unknown words in one sentence)
 * and many tiny paragraphs (issue 18; compare with prose at the same size):
 *   tiny       the prose's words, one paragraph each (`The\n\nminister\n\n…`)
 *   ab         `a\n\nb\n\n` repeated
 * Markdown wraps every fifth paragraph as a `##` heading; HTML puts each
 * paragraph in `<p>` (headings in `<h2>`), escaped.
 */
import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = fileURLToPath(import.meta.url)
const args = process.argv.slice(2)

if (args[0] === '--child') {
  await child(args[1], args[2], Number(args[3]))
} else {
  parent()
}

function option(name, fallback) {
  const index = args.indexOf('--' + name)
  return index === -1 ? fallback : args[index + 1]
}

function parent() {
  const sizes = option('sizes', '1,2,5,10').split(',').map(Number)
  const shapes = option('shapes', 'prose,nopunct,giantword,caps').split(',')
  const formats = option('formats', 'text,markdown,html').split(',')
  console.log('shape      format    size    ms      ms/KB   peak RSS  messages')
  for (const shape of shapes) {
    for (const format of formats) {
      for (const size of sizes) {
        let line
        try {
          const out = execFileSync(process.execPath, ['--max-old-space-size=4096', here, '--child', shape, format, String(size)], {
            encoding: 'utf8',
            maxBuffer: 1 << 20,
            stdio: ['ignore', 'pipe', 'inherit']
          })
          const r = JSON.parse(out.trim().split('\n').at(-1))
          line = [
            shape.padEnd(10),
            format.padEnd(9),
            (size < 1 ? `${Math.round(size * 1024)} KB` : `${size} MB`).padEnd(7),
            String(r.ms).padEnd(7),
            r.msPerKb.toFixed(2).padEnd(7),
            `${r.rssMb} MB`.padEnd(9),
            r.messages
          ].join(' ')
        } catch (error) {
          line = `${shape.padEnd(10)} ${format.padEnd(9)} ${size} MB  FAILED: ${String(error.message).split('\n')[0]}`
        }
        console.log(line)
      }
    }
  }
}

async function child(shape, format, megabytes) {
  const {check} = await import('../dist/index.js')
  const text = build(shape, format, Math.round(megabytes * 1024 * 1024))
  // Warm up: load dictionaries and parsers, so the figure is the story's.
  await check('The the warm-up.', {format})
  const start = performance.now()
  const file = await check(text, {format})
  const ms = Math.round(performance.now() - start)
  if (String(file.value) !== text) throw new Error('the input was changed')
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  console.log(JSON.stringify({shape, format, megabytes, ms, msPerKb: ms / (text.length / 1024), rssMb, messages: file.messages.length}))
}

function build(shape, format, size) {
  // The slow shapes of issue 12, at any size (use small ones: --sizes 0.01,0.02,0.04,0.08).
  const story = 'The minister said the the blockade had eased. '
  if (shape === 'dt') return ('<dt>'.repeat(Math.ceil((size - story.length) / 9)) + story + '</dt>'.repeat(Math.ceil((size - story.length) / 9))).slice(0, size)
  if (shape === 'dashes') return '- '.repeat(Math.ceil(size / 2)).slice(0, size)
  if (shape === 'quotes') return '>'.repeat(size)
  if (shape === 'qz') return 'qz/ '.repeat(Math.ceil(size / 4)).slice(0, size)
  if (shape === 'ab') return 'a\n\nb\n\n'.repeat(Math.ceil(size / 6)).slice(0, size)
  if (shape === 'tiny') {
    const words = prose().join(' ').split(/\s+/).filter(Boolean)
    const out = []
    for (let index = 0, length = 0; length < size; index++) {
      const word = words[index % words.length] + '\n\n'
      out.push(format === 'html' ? `<p>${word.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>\n` : word)
      length += out.at(-1).length
    }
    return out.join('').slice(0, size)
  }
  if (shape === 'giantword') return wrap(['abcdefghij'.repeat(Math.ceil(size / 10)).slice(0, size)], format, size)
  let paragraphs = prose()
  if (shape === 'nopunct') {
    const words = paragraphs.join(' ').replace(/[^\p{L}\p{N}\s]/gu, '').split(/\s+/).filter(Boolean).join(' ')
    return wrap([words.repeat(Math.ceil(size / words.length)).slice(0, size)], format, size)
  }
  if (shape === 'caps') paragraphs = paragraphs.map((paragraph) => paragraph.toUpperCase())
  if (shape !== 'prose' && shape !== 'caps') throw new Error(`unknown shape ${shape}`)
  return wrap(paragraphs, format, size)
}

/** Paragraphs repeated and dressed for `format` until the text is `size` long. */
function wrap(paragraphs, format, size) {
  const out = []
  let length = 0
  for (let index = 0; length < size; index++) {
    const paragraph = paragraphs[index % paragraphs.length]
    const heading = index % 5 === 4 && paragraph.length < 200
    let piece
    if (format === 'markdown') piece = (heading ? '## ' : '') + paragraph + '\n\n'
    else if (format === 'html') {
      const tag = heading ? 'h2' : 'p'
      piece = `<${tag}>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${tag}>\n`
    } else piece = paragraph + '\n\n'
    out.push(piece)
    length += piece.length
  }
  return out.join('').slice(0, size)
}

function prose() {
  const shared = process.env.COPYDESK_SHARED || path.resolve(path.dirname(here), '..', '..', 'shared')
  const folder = path.join(shared, 'corpus', 'news')
  const paragraphs = []
  if (fs.existsSync(folder)) {
    for (const set of fs.readdirSync(folder).sort()) {
      const dir = path.join(folder, set)
      if (!fs.statSync(dir).isDirectory()) continue
      for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
        for (const paragraph of fs.readFileSync(path.join(dir, name), 'utf8').split(/\n\s*\n/)) {
          const clean = paragraph.replace(/\s+/g, ' ').trim()
          if (clean) paragraphs.push(clean)
        }
      }
    }
  }
  if (paragraphs.length > 0) return paragraphs
  // No corpus: generated sentences from a small vocabulary.
  const words = 'the minister said on tuesday that talks with rebel leaders in the north had eased a blockade of fuel and food which officials called a first step toward a wider accord'.split(' ')
  let state = 1
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
  for (let p = 0; p < 200; p++) {
    const sentences = []
    for (let s = 0; s < 4; s++) {
      const sentence = Array.from({length: 8 + Math.floor(random() * 14)}, () => words[Math.floor(random() * words.length)]).join(' ')
      sentences.push(sentence[0].toUpperCase() + sentence.slice(1) + '.')
    }
    paragraphs.push(sentences.join(' '))
  }
  return paragraphs
}
