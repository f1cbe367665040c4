#!/usr/bin/env node
/**
 * Memory of `check()` on long HTML (issue 18): a generated story of the given
 * size in megabytes, `<p>` after `<p>` inside a `<div>`, with a `TK` near
 * its end that must block. Prints the `TK`'s place, the messages and the
 * peak RSS as JSON; exits 1 when the `TK` is not found.
 *
 * Run it under a heap limit to prove a bound (test/html-sections.test.ts does):
 *
 *   npm run build
 *   node --max-old-space-size=200 scripts/html-memory.js 10
 *   node scripts/html-memory.js 5 --all    # every check, not only the must-never-publish ones
 *
 * Without `--all` only the must-never-publish checks run (and the gate), so
 * the figure is parsing's and the gate's, in a fraction of the time.
 */
import {codeChecks, createChecker, defaultRuleIds} from '../dist/index.js'

const args = process.argv.slice(2)
const megabytes = Number(args.find((arg) => !arg.startsWith('--')) ?? 1)
const all = args.includes('--all')

const sentences = [
  'The minister said on Tuesday that talks with rebel leaders in the north had eased a blockade of fuel and food.',
  'Officials called it a first step toward a wider accord &amp; said aid convoys would move within days.',
  'Traders in the capital said prices of rice and cooking oil had fallen by a third since the weekend.',
  'The United Nations said about 200,000 people had fled the fighting since March, many of them to camps near the border.'
]

/** `size` characters of HTML: paragraphs in a `div`, a `TK` in the last 1% of it. */
export function story(size) {
  const out = ['<div class="story">\n']
  let length = out[0].length
  let tk = -1
  for (let index = 0; length < size; index++) {
    let paragraph = `<p>${sentences[index % 4]} ${sentences[(index + 1) % 4]}</p>\n`
    if (tk === -1 && length > size * 0.99) {
      paragraph = '<p>The death toll was <b>T</b>K, the ministry said.</p>\n'
      tk = length + paragraph.indexOf('<b>') + 3
    }
    out.push(paragraph)
    length += paragraph.length
  }
  out.push('</div>\n')
  return {text: out.join(''), tk}
}

const {text, tk} = story(Math.round(megabytes * 1024 * 1024))
// Without --all: every check off but `leftovers` (which the gate reads too).
const off = Object.fromEntries([...Object.keys(codeChecks), ...defaultRuleIds].map((name) => [name, name === 'leftovers' ? 'error' : 'off']))
const checker = createChecker(all ? {} : {checks: off})
await checker.check('<p>The the warm-up.</p>', {format: 'html'})
const start = performance.now()
const file = await checker.check(text, {format: 'html'})
const ms = Math.round(performance.now() - start)
const found = file.messages.filter((message) => message.ruleId === 'leftovers').map((message) => message.place?.start?.offset)
const result = {
  megabytes,
  all,
  ms,
  tk,
  found,
  messages: file.messages.length,
  rssMb: Math.round(process.resourceUsage().maxRSS / 1024)
}
console.log(JSON.stringify(result))
if (!found.includes(tk)) process.exit(1)
