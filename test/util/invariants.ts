/**
 * The position contract every message keeps, whatever the input (shared with
 * the fuzzer, scripts/fuzz-lib.js): its span is inside the text, start before
 * end, not between the halves of a surrogate pair, and its line and column
 * agree with its offset (lines end at LF, CR or CRLF, as in vfile-location).
 */
import type {VFile} from 'vfile'
// @ts-expect-error: a plain JavaScript module shared with `npm run fuzz`.
import {placeProblems as problems} from '../../scripts/fuzz-lib.js'

/** The problems with `file`'s message places as lines; empty when all is well. */
export function placeProblems(text: string, file: VFile): string[] {
  return problems(text, file)
}
