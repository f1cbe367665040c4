/**
 * What the fuzzer feeds `check()` and what it demands of the result. Shared
 * by test/fuzz.test.ts (a few thousand cases in `npm test`) and
 * scripts/fuzz.js (`npm run fuzz`, 100,000 and more).
 */
import fc from 'fast-check'

// Pieces chosen to hit what has broken before: line ends, BOM, NUL and
// control characters, astral and RTL text, combining marks, lone
// surrogates, entities, comments, container markers, code fences.
const specials = [
  '\ufeff', '\r', '\n', '\r\n', '\n\n', '\r\r', '\u0000', '\u0007', '\u001b[31m', '\u0008', '\u000b', '\u000c', '\u0085',
  '\u2028', '\u2029', '\u00a0', '\u200b', '\u200d', '\u200e', '\u200f', '\u202e', '\t',
  '𠀀', '👩🏽‍⚖️', '🇲🇱', 'e\u0301', 'a\u0308\u0308', '\ud800', '\udc00', '\udbff', '\uffff', '\ufffd',
  'جماعة نصرة الإسلام', 'שלום', 'Zürich', 'naïve café', 'İstanbul', 'ß', 'ﬁ',
  'the the', 'The the', 'importats', 'goverment', 'TK', 'Mr. Diallo', 'US', 'a apple', "Jama'att", 'e.g.', '—', '“', '”', '’', "'",
  '<p>', '</p>', '<div>', '</div>', '<dt>', '<dd>', '<dl>', '<li>', '<ul>', '<br>', '<pre>', '<code>', '</code>', '<script>', '</script>',
  '<!--', '-->', '<!-- copydesk ignore spelling -->', '<!-- copydesk disable -->', '<!-- copydesk enable -->', '<!copydesk', '<!-- copydesk frob -->',
  '&', '&amp;', '&#8217;', '&#x1F600;', '&nbsp', '&NotEqualTilde;', '&#0;', '&#xD800;', '<', '>', '"',
  '> ', '>', '- ', '* ', '+ ', '1. ', '1) ', '#', '# ', '```', '~~~', '    ', '[', ']', '](', '![', '**', '__', '_', '`', '\\', '|', '---', '===',
  '[x]: http://a.example', '<https://example.com>', 'http://example.com/a_b', '@user', '#tag'
]

const special = fc.constantFrom(...specials)
const word = fc.stringMatching(/^[A-Za-z]{1,12}$/)
const unit = fc.oneof(
  {weight: 4, arbitrary: special},
  {weight: 3, arbitrary: word.map((w) => w + ' ')},
  {weight: 2, arbitrary: fc.string({unit: 'binary', maxLength: 8})},
  {weight: 1, arbitrary: fc.integer({min: 0, max: 0xffff}).map((code) => String.fromCharCode(code))},
  {weight: 1, arbitrary: fc.string({unit: 'grapheme', maxLength: 6})}
)

/** A run of one piece: long words and lines, deep nesting, regex-hostile repeats. */
const run = (max) =>
  fc.tuple(fc.oneof(special, word, fc.constantFrom('a', '.', '!', '-', 'qz/ ', 'A ', '<dt>', '<div>', '> ', '- ', '*a ', '[a](', '&#')), fc.integer({min: 2, max}))
    .map(([piece, count]) => piece.repeat(count))

/** Arbitrary story text; `max` bounds the length of a repeated run. */
export function story(max = 400) {
  return fc
    .tuple(fc.boolean(), fc.array(fc.oneof({weight: 8, arbitrary: unit}, {weight: 1, arbitrary: run(max)}), {maxLength: 40}))
    .map(([bom, pieces]) => (bom ? '\ufeff' : '') + pieces.join(''))
}

/** Formats, for the arbitrary that picks one. */
export const format = fc.constantFrom('text', 'markdown', 'html')

/**
 * The problems with `file`'s message places, as lines (empty when all is
 * well): every span inside the text, start before end, not between the
 * halves of a surrogate pair, line and column agreeing with the offset
 * (lines end at LF, CR or CRLF, as in vfile-location).
 */
export function placeProblems(text, file) {
  const starts = [0]
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 10 || (code === 13 && text.charCodeAt(index + 1) !== 10)) starts.push(index + 1)
  }
  const problems = []
  for (const message of file.messages) {
    const place = message.place
    const name = `${message.ruleId} ${JSON.stringify(place)}`
    if (!place) {
      problems.push(`${name}: no place`)
      continue
    }
    const points = 'start' in place && place.start ? [place.start, place.end] : [place]
    for (const point of points) {
      const offset = point.offset
      if (offset === undefined) {
        problems.push(`${name}: no offset`)
        continue
      }
      if (offset < 0 || offset > text.length) problems.push(`${name}: offset ${offset} outside 0..${text.length}`)
      const code = text.charCodeAt(offset)
      const before = text.charCodeAt(offset - 1)
      if (code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff) problems.push(`${name}: offset ${offset} splits a surrogate pair`)
      if (starts[point.line - 1] === undefined || starts[point.line - 1] + point.column - 1 !== offset) {
        problems.push(`${name}: ${point.line}:${point.column} is not offset ${offset}`)
      }
    }
    if (points.length === 2 && points[0].offset > points[1].offset) problems.push(`${name}: start after end`)
    if (message.line !== points[0].line || message.column !== points[0].column) problems.push(`${name}: line/column of the message differ from its place`)
  }
  return problems
}

/**
 * Check `text` as `format` and say what is wrong: `{crash, problems, ms}`.
 * A `StoryError` (markup too deep to read) is an answer, not a crash.
 */
export async function probe(check, text, format) {
  const start = performance.now()
  let file
  try {
    file = await check(text, {format})
  } catch (error) {
    const ms = performance.now() - start
    if (error && error.name === 'StoryError') return {crash: undefined, problems: [], ms}
    return {crash: error, problems: [], ms}
  }
  const ms = performance.now() - start
  const problems = placeProblems(text, file)
  if (String(file.value) !== text) problems.push('the input was changed')
  return {crash: undefined, problems, ms}
}
