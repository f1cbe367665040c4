/**
 * Parsers per input format. Every message's place stays in the original
 * input: plain text is parsed by retext-english directly.
 */
import {unified, type Processor} from 'unified'
import retextEnglish from 'retext-english'
import type {Root} from 'nlcst'
import type {Options} from './options.js'
import type {Format} from './types.js'
import {copydesk} from './preset.js'

/** A processor that parses `format` and runs the copydesk preset over it. */
export function processorFor(format: Format, options: Options): Processor<any, any, any, any, any> {
  if (format === 'text') {
    return unified().use(retextEnglish).use(copydesk, options).freeze() as unknown as Processor<Root>
  }
  throw new TypeError(`copydesk: format \`${format}\` is not supported yet`)
}
