/**
 * Every entry in rules/*.yml carries its own examples; this one test turns
 * each into a named test case, so a desk editor who adds an entry gets a test
 * without writing code.
 */
import {describe, expect, test} from 'vitest'
import {check} from '../src/index.js'
import {defaultRulesFolder} from '../src/house-style/compile.js'
import {kinds} from '../src/house-style/kinds/index.js'
import {loadRules} from '../src/house-style/load.js'

const files = loadRules([defaultRulesFolder], kinds)

for (const file of files) {
  describe(`rules/${file.ruleId}.yml`, () => {
    // An entry for headlines only (`scope: headline`) is tried on its examples as headlines.
    const cases = file.entries.flatMap((entry) => {
      const headline = (entry.scope ?? file.header.scope) === 'headline'
      return [
        ...(entry.examples?.flag || []).map((text) => ({entry: entry.id, text, flag: true, headline})),
        ...(entry.examples?.allow || []).map((text) => ({entry: entry.id, text, flag: false, headline}))
      ]
    })
    test('every entry has examples', () => {
      const bare = file.entries.filter((entry) => !entry.examples?.flag?.length && !entry.examples?.allow?.length)
      expect(bare.map((entry) => entry.id)).toEqual([])
    })
    if (cases.length === 0) return
    test.each(cases)('$entry: $flag: $text', async ({entry, text, flag, headline}) => {
      // A rule off by default is still tested: switch it on for its own examples.
      const checks = {[file.ruleId]: 'warning' as const}
      const result = headline ? await check('', {checks, headline: text}) : await check(text, {checks})
      const mine = result.messages.filter((message) => message.ruleId === file.ruleId)
      if (flag) {
        expect(mine.map(String), `"${text}" should be flagged by ${file.ruleId}/${entry}`).not.toEqual([])
        const entries = mine.map((message) => (message as {data?: {entry?: string}}).data?.entry)
        expect(entries, `flagged, but not by entry ${entry}`).toContain(entry)
      } else {
        expect(mine.map(String), `"${text}" should not be flagged by ${file.ruleId}`).toEqual([])
      }
    })
  })
}
