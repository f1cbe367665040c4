/**
 * `confusables` on real sentences nobody here wrote (scripts/eval-confusables.js):
 * each sentence of ../shared/corpus/news holding a group member is checked as
 * written (a control) and with that word swapped for its confusable (an
 * error). Developed on Reuters; BBC is held out. The word-collision rules
 * flag `its the` and `your a` for this check, so their messages count for the
 * errors (not for the controls). The floors are what the
 * check reaches today, so a change that loses recall or adds false alarms
 * fails here; `node scripts/eval-confusables.js --show 20` prints the misses.
 */
import {describe, expect} from 'vitest'
import {codeChecks, createChecker, defaultRuleIds} from '../src/index.js'
// Plain JavaScript, shared with the script.
import {evaluate, groups, rates, runner} from '../scripts/eval-confusables.js'
import {testCorpus} from './util/corpus.js'

// This check and the word-collision rules (`its the`, `your a`), the rest off.
const run = runner({codeChecks, createChecker, defaultRuleIds})

/** Recall floors in percent, Reuters (development) then BBC (held out); groups with under 10 errors in a set have none. */
const floors: Record<string, [number | null, number | null]> = {
  "its/it's": [87, 83],
  "their/there/they're": [84, 83],
  'whose/who\'s': [84, null],
  'than/then': [93, 86],
  'affect/effect': [95, null],
  'lose/loose': [100, null],
  'council/counsel': [null, 85],
  'led/lead': [75, 85],
  'passed/past': [93, 85],
  'capital/capitol': [93, null],
  'whether/weather': [86, null],
  'to/too': [91, 91],
  'could of': [null, 100]
}

/**
 * Controls the check flags, all for slips in the source itself: a Reuters
 * story's "has lead Wall Street analysts" and readers' comments quoted in a
 * BBC story ("I don't think its the best song", "I think its a brilliantly
 * written song", "worked hard for there glory"). Any other flagged control
 * is a false alarm.
 */
const sourceSlips = ['has lead Wall Street analysts', "don't think its the best song", 'I think its a brilliantly written song', 'worked hard for there glory']

describe('confusables on real sentences', () => {
  for (const [set, column] of [['reuters', 0], ['bbc', 1]] as const) {
    testCorpus(`${set}: recall, right word first and false alarms per group`, async () => {
      const result = await evaluate(run, [set])
      const report = Object.fromEntries(groups.map((group: string) => [group, rates(result.stats[group])]))
      const summary = JSON.stringify(report, null, 1)
      for (const group of groups as string[]) {
        const r = report[group]
        const floor = floors[group]?.[column]
        if (floor !== undefined && floor !== null) expect(r.recall, `${set} ${group} recall\n${summary}`).toBeGreaterThanOrEqual(floor)
        if (r.top1 !== null) expect(r.top1, `${set} ${group} right word first\n${summary}`).toBeGreaterThanOrEqual(95)
        const falseAlarms = (result.alarms[group] as string[]).filter((line) => !sourceSlips.some((slip) => line.includes(slip)))
        expect(falseAlarms, `${set} ${group} false alarms`).toEqual([])
      }
    }, 300_000)
  }
})
