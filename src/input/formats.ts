/**
 * Parsers per input format. Every message's place stays in the original
 * input:
 *
 * - `text`: retext-english's parser, fed in bounded blocks (src/input/parse.ts:
 *   parse-english is superlinear on huge input).
 * - `markdown`: remark-parse (plain paragraphs made without it), then, as
 *   remark-retext in bridge mode does, the checks run on an nlcst tree made
 *   from the mdast tree, 64 top-level blocks at a time (src/input/markup.ts).
 * - `html`: rehype-parse (as a fragment), then rehype-retext in bridge mode.
 *
 * The Markdown and HTML parsers are loaded on first use (`loadMarkup`).
 *
 * The bridges give tokens offsets counted in *decoded* text, which drift
 * after an entity (`&#8217;`), a CR, or a block quote's `> `; `recordText`
 * and `realign` (src/nlcst/source-map.ts) put them back on the source before
 * any check runs. Inline `<!-- copydesk … -->` comments filter the messages
 * afterwards (src/nlcst/control.ts).
 *
 * Never checked: HTML `<script>`, `<style>`, `<pre>`, `<code>`, `<kbd>`,
 * `<samp>`, `<var>`, `<textarea>`, `<template>`, `<noscript>`, `<svg>`,
 * `<math>`, `<del>`, attributes and comments; Markdown code, inline code and
 * raw HTML; and any element marked `class="copydesk-skip"` or
 * `data-copydesk="skip"` (credits, bylines, editor's notes).
 */
import {unified, type Processor} from 'unified'
import {ParseEnglish} from 'parse-english'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {parseBlocks, retextBlocks} from './parse.js'
import type {Options} from '../options.js'
import type {Format} from '../types.js'
import {copydesk} from '../preset.js'
import {withDeadlines} from '../deadline.js'

type Markup = typeof import('./markup.js')

let markup: Markup | undefined

/** Load the Markdown and HTML parsers (once). `check()` does this when it meets a story in those formats. */
export async function loadMarkup(): Promise<Markup> {
  markup ??= await import('./markup.js')
  return markup
}

/** A processor that parses `format` and runs the copydesk preset over it (Markdown and HTML: `checks` instead, when given; see `markupProcessor`). */
export function processorFor(format: Format, options: Options, checks?: (tree: Root, file: VFile) => Promise<void>): Processor<any, any, any, any, any> {
  if (format === 'text') {
    return withDeadlines(unified().use(retextBlocks)).use(copydesk, options).freeze() as unknown as Processor<Root>
  }
  if (format !== 'markdown' && format !== 'html') {
    throw new TypeError(`copydesk: format \`${format}\` is not supported; accepted: 'text', 'markdown', 'html'`)
  }
  return loaded().markupProcessor(format, options, checks)
}

/**
 * The nlcst tree copydesk's checks would see for `value` in `format`, with
 * positions in the original; no checks run. For callers that need the
 * sentence structure of a story, such as `applyFixes` finding quotations.
 * For Markdown and HTML, `check()` (or `loadMarkup()`) must have run once.
 */
export function nlcstFor(value: string, format: Format = 'text'): Root {
  if (format === 'text') return parseBlocks(value, () => new ParseEnglish())
  return loaded().markupTree(value, format)
}

/** Whether the Markdown and HTML parsers are loaded (`loadMarkup`). */
export function markupLoaded(): boolean {
  return markup !== undefined
}

function loaded(): Markup {
  if (!markup) {
    throw new Error('copydesk: the Markdown and HTML parsers are not loaded yet; `await loadMarkup()` (or check a story in that format) first')
  }
  return markup
}
