/**
 * Parsers per input format. Every message's place stays in the original
 * input. Plain text is parsed by `retextBlocks` (src/parse.ts: retext-english's
 * parser fed in bounded blocks, because parse-english is superlinear on huge
 * input) — keep using it for text; markdown/html paragraphs are small already.
 */
import {unified, type Processor} from 'unified'
import {retextBlocks} from './parse.js'
import type {Root} from 'nlcst'
import type {Options} from './options.js'
import type {Format} from './types.js'
import {copydesk} from './preset.js'

/** A processor that parses `format` and runs the copydesk preset over it. */
export function processorFor(format: Format, options: Options): Processor<any, any, any, any, any> {
  if (format === 'text') {
    return unified().use(retextBlocks).use(copydesk, options).freeze() as unknown as Processor<Root>
  }
  throw new TypeError(`copydesk: format \`${format}\` is not supported yet`)
}
