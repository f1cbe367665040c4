/**
 * Issue 18: no TK ever passes the gate. For clean stories of our own, any
 * insertion point, any marker variant (`TK’s`, `TK-TK`, `T\u00adK`,
 * `<b>T</b>K`, `死亡人数TK`, `lorem ipsum`, `[INSERT QUOTE]` …) and any
 * format, `prePublish` blocks the story with a `leftovers` error on the
 * marker (scripts/gate-lib.js). `GATE_RUNS` sets the cases (default 2,000);
 * `npm run fuzz -- --gate` runs 100,000 and more.
 */
import {beforeAll, describe, expect, test} from 'vitest'
import fc from 'fast-check'
import {createChecker, prePublish} from '../src/index.js'
// @ts-expect-error: a plain JavaScript module shared with `npm run fuzz`.
import {gateCase, gateProblems, render, stories} from '../scripts/gate-lib.js'

const runs = Number(process.env.GATE_RUNS ?? 2000)
const checker = createChecker()
const formats = ['text', 'markdown', 'html'] as const

describe('the gate', () => {
  beforeAll(async () => {
    for (const format of formats) await prePublish({body: 'Warm up.', format}, {}, {checker})
  }, 120_000)

  test('the stories it draws from are clean: no error in any format', async () => {
    const errors: string[] = []
    for (const paragraphs of stories() as string[][]) {
      for (const format of formats) {
        const body = render(paragraphs, format, ['p', 'h', 'li', 'quote', 'cell'], 1, 0)
        const result = await prePublish({body, format}, {}, {checker})
        for (const message of result.messages) if (message.severity === 'error') errors.push(`${format} ${message.ruleId}: ${message.reason}`)
      }
    }
    expect(errors).toEqual([])
  }, 120_000)

  test(`${runs} stories with a marker inserted: every one is blocked, with a leftovers error on the marker`, async () => {
    await fc.assert(
      fc.asyncProperty(gateCase(), async (item: {format: (typeof formats)[number]; doc: string}) => {
        const result = await prePublish({body: item.doc, format: item.format}, {}, {checker})
        expect(gateProblems(result, item)).toEqual([])
      }),
      {numRuns: runs, seed: Number(process.env.GATE_SEED ?? 18)}
    )
  }, 600_000)
})
