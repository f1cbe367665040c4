/**
 * Property tests over `check()` in all three formats (issue 7 "Prove it"):
 * random Unicode, BOM, CR/LF mixes, NUL and control characters, long runs,
 * deep nesting, broken markup. Whatever the input, check() returns (or
 * throws the documented StoryError), leaves the input alone, and every
 * message's place is inside the text with line and column agreeing with the
 * offset. `FUZZ_RUNS` sets the cases per format (default 700: 2,100 in all); `npm run
 * fuzz` runs 100,000 and more and prints counts.
 */
import {beforeAll, describe, expect, test} from 'vitest'
import fc from 'fast-check'
import {check} from '../src/index.js'
// @ts-expect-error: a plain JavaScript module shared with `npm run fuzz`.
import {probe, story} from '../scripts/fuzz-lib.js'

const runs = Number(process.env.FUZZ_RUNS ?? 700)
// Generous: a check may take a few seconds on a loaded machine, but never a
// super-linear stall. (Speed itself is measured by scripts/bench-scale.js.)
const budget = (text: string) => 10_000 + 2_000 * (text.length / 1024)

describe.each(['text', 'markdown', 'html'] as const)('%s', (format) => {
  // Load dictionaries and parsers first: the first story pays for them.
  beforeAll(async () => {
    await check('The the warm-up.', {format})
  }, 120_000)

  test(`${runs} random stories: no crash, input unchanged, places inside the text`, async () => {
    await fc.assert(
      fc.asyncProperty(story(), async (text: string) => {
        const {crash, problems, ms} = await probe(check, text, format)
        if (crash) throw crash
        expect(problems).toEqual([])
        expect(ms).toBeLessThan(budget(text))
      }),
      {numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 7)}
    )
  }, 600_000)
})

// Inputs `npm run fuzz` found, kept as fixtures (see the commit that fixed each).
describe('found by npm run fuzz', () => {
  test.each([
    // An elision (`Jama'att`) split by offsets after an entity without `;` (`&nbsp`): its span ran past the text.
    ['html', "&nbspJama'attx\u000b\u000b\u000b</p>"],
    // A name ending in astral characters: parse-latin cut between their halves, and a courtesy-title span ended there.
    ['text', '\ufeff' + "'".repeat(22) + 'Mr. DialloGKxbud Xkeh Mr. Diallo\u{11339}\u{1bc0c}\u{1d8a7}\u{1f3aa}\u2fbb'],
    // CRLF blank lines ending in a form feed: parse-latin backtracked 2^n times.
    ['text', 'PXJK' + '\r\n'.repeat(40) + '\fPXJK qz/ qz/']
  ] as const)('%s: %j', async (format, text) => {
    const {crash, problems} = await probe(check, text, format)
    expect(crash).toBeUndefined()
    expect(problems).toEqual([])
  })
})
