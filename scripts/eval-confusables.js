#!/usr/bin/env node
// Evaluation of the `confusables` check on real sentences nobody here wrote:
// every sentence of ../shared/corpus/news (or COPYDESK_SHARED) that holds a
// group member is checked as written (a control: any message is a false
// alarm) and with that word swapped for its confusable (an error: it must be
// flagged, with the right word first; word-collision's `its the` → `it's the`
// counts, since it reports those for this check). Per group: recall, top-1 right word,
// control false-alarm rate. Develop on Reuters; BBC is held out.
//
// Usage: npm run build && node scripts/eval-confusables.js [--set reuters|bbc] [--json] [--show N]
// The test (test/confusables-eval.test.ts) runs `evaluate` on src/.
import {pathToFileURL} from 'node:url'
import {loadCorpus} from './corpus.js'

/**
 * The swaps: a right word (lower case) and what it is swapped for, by group.
 * Inflections count where the group has them.
 */
export const swaps = [
  ["its/it's", 'its', "it's"],
  ["its/it's", "it's", 'its'],
  ["their/there/they're", 'their', 'there'],
  ["their/there/they're", 'their', "they're"],
  ["their/there/they're", 'there', 'their'],
  ["their/there/they're", 'there', "they're"],
  ["their/there/they're", "they're", 'their'],
  ["their/there/they're", "they're", 'there'],
  ["your/you're", 'your', "you're"],
  ["your/you're", "you're", 'your'],
  ["whose/who's", 'whose', "who's"],
  ["whose/who's", "who's", 'whose'],
  ['than/then', 'than', 'then'],
  ['than/then', 'then', 'than'],
  ...pairs('affect/effect', ['affect', 'affects', 'affected', 'affecting'], ['effect', 'effects', 'effected', 'effecting']),
  ...pairs('lose/loose', ['lose', 'loses', 'losing'], ['loose', 'looses', 'loosing']),
  ['lose/loose', 'loose', 'lose'],
  ...pairs('principal/principle', ['principal', 'principals'], ['principle', 'principles']),
  ...pairs('complement/compliment', ['complement', 'complements', 'complemented'], ['compliment', 'compliments', 'complimented']),
  ...pairs('council/counsel', ['council', 'councils'], ['counsel', 'counsels']),
  ['led/lead', 'led', 'lead'],
  ['led/lead', 'lead', 'led'],
  ['passed/past', 'passed', 'past'],
  ['passed/past', 'past', 'passed'],
  ...pairs('accept/except', ['accept', 'accepted'], ['except', 'excepted']),
  ['advice/advise', 'advice', 'advise'],
  ['advice/advise', 'advise', 'advice'],
  ...pairs('breath/breathe', ['breath', 'breaths'], ['breathe', 'breathes']),
  ...pairs('capital/capitol', ['capital', 'capitals'], ['capitol', 'capitols']),
  ['whether/weather', 'whether', 'weather'],
  ['whether/weather', 'weather', 'whether'],
  ['to/too', 'to', 'too'],
  ['to/too', 'too', 'to'],
  ['every day/everyday', 'every day', 'everyday'],
  ['every day/everyday', 'everyday', 'every day'],
  ['fewer/less', 'fewer', 'less'],
  ...['could', 'would', 'should', 'might', 'must'].map((modal) => ['could of', `${modal} have`, `${modal} of`])
]

function pairs(group, left, right) {
  return left.flatMap((word, index) => [
    [group, word, right[index]],
    [group, right[index], word]
  ])
}

export const groups = [...new Set(swaps.map(([group]) => group))]

/** Sentences of a story: its lines cut after `.`, `?` or `!` before a capital or a quote. */
export function sentencesOf(text) {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.?!]["”’]?)\s+(?=["“‘]?[A-Z])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.split(/\s+/).length >= 4)
}

const escape = (value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every place `word` occurs in `sentence` as a whole word (either apostrophe, any case). */
function occurrences(sentence, word) {
  const pattern = new RegExp(`(?<![\\w'’-])${escape(word).replace(/'/g, "['’]").replace(/ /g, '\\s+')}(?![\\w'’-])`, 'gi')
  const found = []
  for (const match of sentence.matchAll(pattern)) {
    // "could have" only before a participle: "could have gone", not "could have a say".
    if (/ have$/.test(word) && !/^\s+(?:been|[a-z]+(?:ed|en|wn|ne|ught|ung|ade|ost|ept|elt|eft|ent|id|et|ut|un|ound))\b/i.test(sentence.slice(match.index + match[0].length))) continue
    found.push({index: match.index, text: match[0]})
  }
  return found
}

/** `written` in the case of `model`: `Its` → `It's`. */
function inCase(written, model) {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return written.toUpperCase()
  if (/^[A-Z]/.test(model)) return written.charAt(0).toUpperCase() + written.slice(1)
  return written
}

/**
 * Evaluate: `run(text)` gives the confusables messages of a text (objects
 * with `place.start.offset`, `place.end.offset`, `expected`). Returns per
 * group `{errors, flagged, top1, controls, alarms}` and examples of misses.
 */
export async function evaluate(run, sets = ['reuters']) {
  const stats = Object.fromEntries(groups.map((group) => [group, {errors: 0, flagged: 0, top1: 0, controls: 0, alarms: 0}]))
  const misses = Object.fromEntries(groups.map((group) => [group, []]))
  const alarms = Object.fromEntries(groups.map((group) => [group, []]))
  const wrongFirst = Object.fromEntries(groups.map((group) => [group, []]))
  const seen = new Set()
  for (const story of loadCorpus(sets)) {
    for (const sentence of sentencesOf(story.text)) {
      if (seen.has(sentence)) continue
      seen.add(sentence)
      const controlGroups = new Set()
      for (const [group, right, wrong] of swaps) {
        for (const {index, text} of occurrences(sentence, right)) {
          controlGroups.add(group)
          const swapped = /^(could|would|should|might|must) have$/i.test(right)
            ? text.replace(/have$/i, (have) => inCase('of', have))
            : inCase(wrong.replace("'", /’/.test(sentence) ? '’' : "'"), text)
          const changed = sentence.slice(0, index) + swapped + sentence.slice(index + text.length)
          const messages = await run(changed)
          const hit = messages.find((message) => message.place.start.offset <= index + swapped.length - 1 && message.place.end.offset > index)
          const stat = stats[group]
          stat.errors++
          if (!hit) {
            misses[group].push(`[${right}→${wrong}] ${changed}`)
            continue
          }
          stat.flagged++
          const first = (hit.expected?.[0] ?? '').toLowerCase().replace(/’/g, "'")
          // word-collision's fix spans the next word too ("it's the" for "its the").
          if (first === right || (hit.ruleId !== 'confusables' && first.startsWith(right + ' '))) stat.top1++
          else wrongFirst[group].push(`${changed}  → ${first}`)
        }
      }
      if (controlGroups.size === 0) continue
      // A control counts this check's messages only: word-collision's own precision is measured elsewhere.
      const messages = (await run(sentence)).filter((message) => message.ruleId === 'confusables')
      for (const group of controlGroups) {
        stats[group].controls++
        if (messages.length > 0) {
          stats[group].alarms++
          alarms[group].push(`${sentence}  [${messages.map((message) => message.actual + '→' + message.expected?.[0]).join(', ')}]`)
        }
      }
    }
  }
  return {sets, stats, misses, alarms, wrongFirst}
}

/** Rates in percent, one decimal: recall, top-1 of flagged, false alarms of controls. */
export function rates(stat) {
  const percent = (part, whole) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10)
  return {errors: stat.errors, recall: percent(stat.flagged, stat.errors), top1: percent(stat.top1, stat.flagged), controls: stat.controls, falseAlarms: percent(stat.alarms, stat.controls)}
}

/**
 * Which checks report confusables: this one, and the word-collision rules,
 * which already flag `its the`, `your a` with the contraction first.
 */
export const reporting = ['confusables', 'word-collision']

/**
 * A `run` over a checker: every check off but `ids` (default `reporting`);
 * the messages of those. `createChecker` and its lists of checks come from
 * dist/ (the script) or src/ (the test). scripts/eval-numbers.js uses it too.
 */
export function runner({createChecker, codeChecks, defaultRuleIds}, ids = reporting) {
  const off = Object.fromEntries([...Object.keys(codeChecks), ...defaultRuleIds].filter((id) => !ids.includes(id)).map((id) => [id, 'off']))
  const checker = createChecker({checks: off})
  return async (text) => {
    const file = await checker.check(text)
    return file.messages.filter((message) => ids.includes(message.ruleId))
  }
}

async function builtRunner() {
  return runner(await import('../dist/index.js'))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const setAt = args.indexOf('--set')
  const showAt = args.indexOf('--show')
  const show = showAt === -1 ? 0 : Number(args[showAt + 1])
  const sets = setAt === -1 ? [['reuters'], ['bbc']] : [[args[setAt + 1]]]
  const run = await builtRunner()
  for (const set of sets) {
    const result = await evaluate(run, set)
    if (args.includes('--json')) {
      console.log(JSON.stringify({sets: set, groups: Object.fromEntries(groups.map((group) => [group, rates(result.stats[group])]))}))
      continue
    }
    console.log(`\nconfusables on ${set.join(' + ')}${set[0] === 'bbc' ? ' (held out)' : ' (development)'}`)
    console.log('group'.padEnd(24) + 'errors  recall  top-1  controls  false alarms')
    for (const group of groups) {
      const r = rates(result.stats[group])
      const cell = (value) => (value === null ? '—' : value + '%').padStart(6)
      console.log(`${group.padEnd(24)}${String(r.errors).padStart(6)}  ${cell(r.recall)}  ${cell(r.top1)}  ${String(r.controls).padStart(8)}  ${cell(r.falseAlarms)}`)
    }
    if (show > 0) {
      for (const group of groups) {
        for (const line of result.alarms[group].slice(0, show)) console.log(`ALARM ${group}: ${line}`)
        for (const line of result.wrongFirst[group].slice(0, show)) console.log(`WRONG ${group}: ${line}`)
        for (const line of result.misses[group].slice(0, show)) console.log(`MISS  ${group}: ${line}`)
      }
    }
  }
}
