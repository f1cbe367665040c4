/**
 * The gate property (issue 18): whatever clean story, insertion point,
 * marker variant and format, a story holding a must-never-publish marker is
 * blocked by `prePublish`, with a `leftovers` error on the marker. Shared by
 * test/gate-property.test.ts (a few thousand cases in `npm test`) and
 * `npm run fuzz -- --gate` (100,000 and more).
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import fc from 'fast-check'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// Our own clean copy: the example story with its planted slips fixed, and two
// fixtures of sentences that start lower case (`eBay`, `de Klerk`, `al-Shabab`)
// and CJK text, after which a `TK` once passed.
const repairs = [
  ['about TK days', 'about three days'],
  ['the the', 'the'],
  ['residnets', 'residents'],
  ['on of the', 'on the'],
  ['a earlier', 'an earlier'],
  ['The Mayor said', 'The mayor said'],
  ['US officials', 'U.S. officials']
]

/** The paragraphs of each clean story. */
export function stories() {
  const read = (file) => fs.readFileSync(path.join(root, file), 'utf8')
  let example = read('examples/story.txt')
  for (const [from, to] of repairs) example = example.split(from).join(to)
  return [example, read('test/fixtures/clean-story.txt'), read('test/fixtures/gate/lowercase-story.txt'), read('test/fixtures/gate/council-story.txt')].map(
    (text) => text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean)
  )
}

/** Marker variants, and the formats each is written in (all when absent). */
export const variants = [
  {text: 'TK'},
  {text: 'TK’s'},
  {text: "TK's"},
  {text: 'TKs'},
  {text: 'TK-TK'},
  {text: 'TK/TK'},
  {text: 'TKTK'},
  {text: 'TKTKTKTK'},
  {text: 'T\u00adK'},
  {text: 'T\u200bK'},
  {text: 'T\u200cK'},
  {text: 'T\u200dK'},
  {text: 'T\u2060K'},
  {text: 'T\ufeffK'},
  {text: '死亡人数TK'},
  {text: 'TK死亡'},
  {text: '(TK)'},
  {text: '[TK]'},
  {text: 'XXX'},
  {text: 'XXX’s'},
  {text: 'X\u200bXX'},
  {text: 'lorem ipsum'},
  {text: 'Lorem ipsum dolor sit amet'},
  {text: 'lorem\u00ad ipsum'},
  {text: '[INSERT QUOTE]'},
  {text: '[insert name]'},
  {text: 'FIXME'},
  {text: '<b>T</b>K', formats: ['html']},
  {text: 'T<wbr>K', formats: ['html']},
  {text: '<em>TK</em>', formats: ['html']},
  {text: 'T&shy;K', formats: ['html']},
  {text: '&#84;&#75;', formats: ['html']},
  {text: '<i>lorem</i> ipsum', formats: ['html']},
  {text: '**T**K', formats: ['markdown']},
  {text: '_TK_', formats: ['markdown']},
  {text: '[TK](https://example.com)', formats: ['markdown']}
]

/** What follows a marker: a space, the end of a sentence (one that starts lower case), a paragraph break. */
const followers = [' ', '. ', ', ', ': ', '. eBay said so. ', '. de Klerk said so. ', '? al-Shabab said so. ', '.\n\n', '.\n\nde Klerk said so.\n\n']

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
}

/** Wrap some words of a paragraph in inline markup (word `i` when `(i * step + offset) % 5 === 0`). */
function inline(paragraph, format, step, offset) {
  const words = paragraph.split(' ')
  const tags = format === 'html' ? [['<b>', '</b>'], ['<em>', '</em>'], ['<a href="https://example.com/a?b=1&amp;c=2">', '</a>'], ['<span class="x">', '</span>'], ['<strong>', '</strong>']] : [['**', '**'], ['_', '_'], ['[', '](https://example.com/a)'], ['*', '*']]
  return words
    .map((word, index) => {
      const text = format === 'html' ? escapeHtml(word) : word
      if ((index * step + offset) % 5 !== 0 || !/^[A-Za-z]+$/.test(word)) return text
      const [open, close] = tags[(index + offset) % tags.length]
      return open + text + close
    })
    .join(' ')
}

/** A story in `format`: blocks of paragraphs (headings, list items, quotes, table cells) with inline markup. */
export function render(paragraphs, format, blocks, step, offset) {
  if (format === 'text') return paragraphs.join('\n\n')
  const parts = paragraphs.map((paragraph, index) => {
    const body = inline(paragraph, format, step, offset + index)
    const block = blocks[index % blocks.length]
    if (format === 'markdown') {
      return {p: body, h: '## ' + body, li: '- ' + body, quote: '> ' + body, cell: '| ' + body + ' |\n| --- |'}[block]
    }
    return {
      p: `<p>${body}</p>`,
      h: `<h2>${body}</h2>`,
      li: `<ul>\n  <li>${body}</li>\n</ul>`,
      quote: `<blockquote><p>${body}</p></blockquote>`,
      cell: `<table><tr><td>${body}</td></tr></table>`
    }[block]
  })
  return format === 'html' ? `<article>\n${parts.join('\n')}\n</article>` : parts.join('\n\n')
}

/**
 * Where a marker may go in `doc`: the start, the end, before any word, after
 * any sentence end, inside any inline element (never inside a tag, an
 * entity or a Markdown link's address).
 */
export function insertionPoints(doc, format) {
  const points = [0]
  let inTag = false
  let inEntity = false
  let inAddress = false
  for (let index = 0; index < doc.length; index++) {
    const character = doc.charAt(index)
    if (format === 'html') {
      if (character === '<') inTag = true
      else if (character === '>' && inTag) {
        inTag = false
        points.push(index + 1)
        continue
      }
      if (character === '&') inEntity = true
      else if (character === ';') inEntity = false
      if (inTag || inEntity) continue
    }
    if (format === 'markdown') {
      if (character === '(' && doc.charAt(index - 1) === ']') inAddress = true
      else if (character === ')' && inAddress) inAddress = false
      if (inAddress) continue
    }
    if (/\s/.test(character)) points.push(index + 1)
  }
  points.push(doc.length)
  return [...new Set(points)].filter((point) => point <= doc.length)
}

/** One case: `{format, doc, from, to, variant}`, the marker at `from`..`to` of `doc`. */
export function gateCase(all = stories()) {
  const formats = fc.constantFrom('text', 'markdown', 'html')
  const block = fc.constantFrom('p', 'p', 'h', 'li', 'quote', 'cell')
  return fc
    .record({
      format: formats,
      story: fc.nat({max: all.length - 1}),
      first: fc.nat(),
      count: fc.integer({min: 1, max: 3}),
      blocks: fc.array(block, {minLength: 1, maxLength: 4}),
      step: fc.integer({min: 1, max: 4}),
      offset: fc.nat({max: 4}),
      point: fc.nat(),
      end: fc.constantFrom('start', 'end', 'any', 'any', 'any', 'any'),
      variant: fc.nat(),
      follower: fc.nat()
    })
    .map((draw) => {
      const paragraphs = all[draw.story]
      const first = draw.first % paragraphs.length
      const window = paragraphs.slice(first, first + draw.count)
      const doc = render(window, draw.format, draw.blocks, draw.step, draw.offset)
      const points = insertionPoints(doc, draw.format)
      const at = draw.end === 'start' ? 0 : draw.end === 'end' ? doc.length : points[draw.point % points.length]
      const usable = variants.filter((variant) => !variant.formats || variant.formats.includes(draw.format))
      const variant = usable[draw.variant % usable.length].text
      // After a tag the word before may run on (`word</b>TK` reads `wordTK`): set the marker apart.
      const lead = at > 0 && !/\s/.test(doc.charAt(at - 1)) ? ' ' : ''
      // Paragraph breaks only where they keep the markup whole (plain text); no `[TK]: ` in
      // Markdown, which would be a link definition, never shown.
      const options =
        draw.format === 'text' ? followers : followers.filter((follower) => !follower.includes('\n') && (draw.format === 'html' || follower !== ': '))
      const follower = at < doc.length ? options[draw.follower % options.length] : ''
      const from = at + lead.length
      const to = from + variant.length
      return {format: draw.format, doc: doc.slice(0, at) + lead + variant + follower + doc.slice(at), from, to, variant}
    })
}

/** What is wrong with `result` (a `prePublish` result) for `item` (empty when the gate held). */
export function gateProblems(result, item) {
  const problems = []
  if (result.verdict !== 'block') problems.push(`verdict ${result.verdict}, not block`)
  const on = result.messages.filter(
    (message) => message.ruleId === 'leftovers' && message.severity === 'error' && message.offset < item.to && item.from < message.endOffset
  )
  if (on.length === 0) {
    problems.push(`no leftovers error on ${JSON.stringify(item.doc.slice(item.from, item.to))} at ${item.from}-${item.to}; got ${JSON.stringify(result.messages.map((m) => `${m.ruleId} ${m.offset}-${m.endOffset}`))}`)
  }
  return problems
}

/**
 * `npm run fuzz -- --gate`: `runs` cases of {@link gateCase} through
 * `prePublish` with one checker; prints the counts and writes the first
 * failures to gate-failures.json. Returns the exit code (1 on any failure).
 */
export async function runGate({prePublish, createChecker}, {runs = 100_000, seed = 18, batch = 1000} = {}) {
  const checker = createChecker()
  for (const format of ['text', 'markdown', 'html']) await prePublish({body: 'Warm up.', format}, {}, {checker})
  const started = performance.now()
  const arbitrary = gateCase()
  const counts = {text: 0, markdown: 0, html: 0}
  const found = []
  let cases = 0
  for (let round = 0; cases < runs; round++) {
    for (const item of fc.sample(arbitrary, {numRuns: Math.min(batch, runs - cases), seed: seed + round})) {
      const result = await prePublish({body: item.doc, format: item.format}, {}, {checker})
      const problems = gateProblems(result, item)
      cases++
      counts[item.format]++
      if (problems.length > 0) found.push({...item, problems})
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(0)
    process.stderr.write(`${cases} gate cases, ${found.length} failures, ${seconds} s\n`)
    if (found.length > 0) fs.writeFileSync('gate-failures.json', JSON.stringify(found.slice(0, 200), null, 2) + '\n')
  }
  console.log(`seed ${seed}`)
  console.log(`gate cases: ${cases} (text ${counts.text}, markdown ${counts.markdown}, html ${counts.html})`)
  console.log(`failures (not blocked, or no leftovers error on the marker): ${found.length}`)
  console.log(`total: ${((performance.now() - started) / 1000).toFixed(0)} s`)
  if (found.length === 0) return 0
  fs.writeFileSync('gate-failures.json', JSON.stringify(found.slice(0, 200), null, 2) + '\n')
  console.log(`first failures written to gate-failures.json; first: ${JSON.stringify(found[0]).slice(0, 400)}`)
  return 1
}
