/**
 * `applyFixes` on Markdown and HTML in a process that has not checked a
 * Markdown or HTML story yet (their parsers load on first use; this file
 * runs in a module graph of its own). It threw "parsers are not loaded yet"
 * (issue 24's mutation work, issue 18).
 */
import {describe, expect, test} from 'vitest'
import {applyFixes} from '../src/index.js'
import {loadMarkup, markupLoaded} from '../src/input/formats.js'

/** A `repeated-word` message on the `nth` (0-based) `actual` of `text`. */
function at(text: string, actual: string, expected: string[], nth = 0) {
  let offset = -1
  for (let index = 0; index <= nth; index++) offset = text.indexOf(actual, offset + 1)
  if (offset === -1) throw new Error(`no ${actual}`)
  return {ruleId: 'repeated-word', actual, expected, offset, endOffset: offset + actual.length}
}

const stories = [
  ['markdown', '> He said "the the harbor."\n\nThey left the the town.\n', '> He said "the the harbor."\n\nThey left the town.\n'],
  ['markdown', 'He said “*the the* harbor.”\n\nThey left **the the** town.', 'He said “*the the* harbor.”\n\nThey left **the** town.'],
  ['html', '<p>He said &ldquo;the the harbor.&rdquo;</p>\n<p>They left the the town.</p>', '<p>He said &ldquo;the the harbor.&rdquo;</p>\n<p>They left the town.</p>'],
  ['html', '<p>He said &#8220;<em>the the</em> harbor.&#8221;</p><p>They <b>left</b> the the town.</p>', '<p>He said &#8220;<em>the the</em> harbor.&#8221;</p><p>They <b>left</b> the town.</p>']
] as const

describe('applyFixes before any Markdown or HTML story is checked', () => {
  test.each(stories)('%s: fixes %j, leaving the quotation', (format, story, fixed) => {
    expect(markupLoaded()).toBe(false)
    const messages = [at(story, 'the the', ['the']), at(story, 'the the', ['the'], 1)]
    expect(applyFixes(story, messages, {format}).text).toBe(fixed)
  })

  test.each(stories)('%s: the same fixes once the parsers are loaded', async (format, story, fixed) => {
    await loadMarkup()
    const messages = [at(story, 'the the', ['the']), at(story, 'the the', ['the'], 1)]
    expect(applyFixes(story, messages, {format}).text).toBe(fixed)
  })
})
