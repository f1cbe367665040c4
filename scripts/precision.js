#!/usr/bin/env node
// Precision report: messages per 1,000 words on professionally edited copy
// (../shared/corpus/news), split by check, with what was flagged.
// Usage: npm run precision [-- --set reuters|bbc] [-- --json]
import {createChecker} from '../dist/index.js'
import {loadCorpus} from './corpus.js'

const args = process.argv.slice(2)
const setIndex = args.indexOf('--set')
const sets = setIndex === -1 ? ['reuters', 'bbc'] : [args[setIndex + 1]]
const json = args.includes('--json')

const report = await precision(sets)
if (json) {
  console.log(JSON.stringify(report, null, 2))
} else {
  print(report)
}

/** Check every story; count messages per rule and the strings flagged. */
export async function precision(sets) {
  const checker = createChecker()
  const stories = loadCorpus(sets)
  const byRule = new Map()
  let words = 0
  for (const story of stories) {
    words += story.words
    const file = await checker.check(story.text)
    for (const message of file.messages) {
      const rule = byRule.get(message.ruleId) || {ruleId: message.ruleId, count: 0, strings: new Map()}
      rule.count++
      const key = `${message.actual ?? '?'}${message.expected?.length ? ' → ' + message.expected[0] : ''}`
      const seen = rule.strings.get(key) || {count: 0, where: []}
      seen.count++
      if (seen.where.length < 3) seen.where.push(`${story.name}:${message.line}:${message.column}`)
      rule.strings.set(key, seen)
      byRule.set(message.ruleId, rule)
    }
  }
  const rules = [...byRule.values()]
    .sort((a, b) => b.count - a.count)
    .map((rule) => ({
      ruleId: rule.ruleId,
      count: rule.count,
      perThousand: round((rule.count / words) * 1000),
      flagged: [...rule.strings.entries()]
        .sort((a, b) => b[1].count - a[1].count)
        .map(([text, seen]) => ({text, count: seen.count, where: seen.where}))
    }))
  const total = rules.reduce((sum, rule) => sum + rule.count, 0)
  return {sets, stories: stories.length, words, total, perThousand: round((total / words) * 1000), rules}
}

function print(report) {
  console.log(`copydesk precision on ${report.sets.join(' + ')}: ${report.stories} stories, ${report.words} words`)
  console.log(`${report.total} messages, ${report.perThousand} per 1,000 words\n`)
  for (const rule of report.rules) {
    console.log(`${rule.ruleId.padEnd(22)} ${String(rule.count).padStart(5)}  ${rule.perThousand} / 1,000 words`)
    for (const item of rule.flagged.slice(0, 15)) {
      console.log(`    ${String(item.count).padStart(3)}×  ${item.text}   (${item.where.join(', ')})`)
    }
    if (rule.flagged.length > 15) console.log(`    … ${rule.flagged.length - 15} more`)
  }
}

function round(value) {
  return Math.round(value * 100) / 100
}
