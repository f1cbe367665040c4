/**
 * Span agreement (issue 18): one story must get the same places whichever
 * way it is checked. `spanProblems` checks `text` with `check()` (one
 * pipeline), `prePublish` without a budget, and `prePublish` with a budget
 * (the critical checks first, then the rest: src/check.ts), and lists every
 * finding whose span one of them places differently. Plain JavaScript over
 * the functions it is given, so `npm run fuzz` (dist/) and
 * test/spans-agree.test.ts (src/) share it.
 */
import {placeProblems} from './fuzz-lib.js'

/** A budget no loaded machine runs out of: the budgeted path, not a cut-off story. */
export const generousBudget = 600_000

/** One finding as a comparable line: rule, span and flagged text. */
export function spanKey(message) {
  const {ruleId, line, column, endLine, endColumn, offset, endOffset, actual} = message
  return JSON.stringify([ruleId, line, column, endLine, endColumn, offset, endOffset, actual])
}

/** `spanKey` of every finding of a result (`messages` as JSON, each `field` `body` or none), sorted. */
export function spanKeys(messages) {
  return messages.map(spanKey).sort()
}

/**
 * The ways `text` is checked, as sorted span keys: `{check, prePublish, budgeted}`.
 * `api`: `{check, prePublish, toResultMessage}` from the library.
 */
export async function spansEveryWay(api, text, format) {
  const file = await api.check(text, {format})
  const untimed = await api.prePublish({body: text, format}, {})
  const budgeted = await api.prePublish({body: text, format}, {}, {timeoutMs: generousBudget})
  return {
    file,
    ways: {
      check: spanKeys(file.messages.map((message) => api.toResultMessage(message))),
      prePublish: spanKeys(untimed.messages),
      budgeted: budgeted.complete ? spanKeys(budgeted.messages) : undefined
    }
  }
}

/** Lines saying where `ways` (name → sorted keys) disagree with the first; empty when all agree. */
export function disagreements(ways) {
  const entries = Object.entries(ways).filter(([, keys]) => keys !== undefined)
  const [firstName, first] = entries[0]
  const problems = []
  for (const [name, keys] of entries.slice(1)) {
    const missing = first.filter((key) => !keys.includes(key))
    const extra = keys.filter((key) => !first.includes(key))
    for (const key of missing) problems.push(`${firstName} has ${key}, ${name} does not`)
    for (const key of extra) problems.push(`${name} has ${key}, ${firstName} does not`)
  }
  return problems
}

/**
 * Everything wrong with the places of `text`'s findings (empty when all is
 * well): spans that differ between the ways of checking it, and spans outside
 * the text or with line and column not matching the offset (scripts/fuzz-lib.js).
 * A `StoryError` (markup too deep to read) has no spans to compare.
 */
export async function spanProblems(api, text, format) {
  let result
  try {
    result = await spansEveryWay(api, text, format)
  } catch (error) {
    if (error && error.name === 'StoryError') return []
    throw error
  }
  return [...placeProblems(text, result.file), ...disagreements(result.ways)]
}
