/**
 * The position contract every message keeps, whatever the input: its span is
 * inside the text, start before end, not between the halves of a surrogate
 * pair, and its line and column agree with its offset (lines end at LF, CR
 * or CRLF, as in vfile-location). Used by the position tests and the fuzzer.
 */
import type {VFile} from 'vfile'

interface Point {
  line: number
  column: number
  offset?: number
}

/** The problems with `file`'s message places as lines; empty when all is well. */
export function placeProblems(text: string, file: VFile): string[] {
  const starts = lineStarts(text)
  const problems: string[] = []
  for (const message of file.messages) {
    const place = message.place as {start?: Point; end?: Point} | Point | undefined
    const name = `${message.ruleId} ${JSON.stringify(place)}`
    if (!place) {
      problems.push(`${name}: no place`)
      continue
    }
    const points = 'start' in place && place.start ? [place.start, place.end!] : [place as Point]
    for (const point of points) {
      const offset = point.offset
      if (offset === undefined) {
        problems.push(`${name}: no offset`)
        continue
      }
      if (offset < 0 || offset > text.length) problems.push(`${name}: offset ${offset} outside 0..${text.length}`)
      if (splitsPair(text, offset)) problems.push(`${name}: offset ${offset} splits a surrogate pair`)
      if (starts[point.line - 1] === undefined || starts[point.line - 1] + point.column - 1 !== offset) {
        problems.push(`${name}: ${point.line}:${point.column} is not offset ${offset}`)
      }
    }
    if (points.length === 2 && (points[0].offset ?? 0) > (points[1].offset ?? 0)) problems.push(`${name}: start after end`)
    if (message.line !== points[0].line || message.column !== points[0].column) problems.push(`${name}: line/column of the message differ from its place`)
  }
  return problems
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(index + 1)
  }
  return starts
}

function splitsPair(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset)
  const before = text.charCodeAt(offset - 1)
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff
}
