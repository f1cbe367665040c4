/**
 * What the per-check test files share: which checks to run, the findings of
 * one rule as `line:column-line:column: reason` strings, and every field of a
 * message a consumer reads, so a "whole message" test pins all of it.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {check, codeChecks} from '../../src/index.js'
import type {CheckOptions, CodeCheck, Options} from '../../src/index.js'

/**
 * Options that switch off every code check but `names`, so a test sees only
 * the check it is about. The rules-file checks (`dates`, `leftovers`, …)
 * stay on: they are told apart by `ruleId`, and running them all is how a
 * test shows two rules do not both claim one span.
 *
 * `onlyChecks()` keeps no code check (for a rules-file check);
 * `onlyChecks('dialect')` keeps `dialect`.
 */
export function onlyChecks(...names: CodeCheck[]): {checks: Record<string, 'off'>} {
  // Vitest does not type-check, and a misspelled name would switch off the very check under test.
  for (const name of names) {
    if (!Object.hasOwn(codeChecks, name)) throw new Error(`onlyChecks: \`${name}\` is not a code check`)
  }
  const off = Object.keys(codeChecks).filter((name) => !names.includes(name as CodeCheck))
  return {checks: Object.fromEntries(off.map((name) => [name, 'off' as const]))}
}

/** The messages of one rule, in the order the file holds them. */
function messagesOf(file: VFile, ruleId: string): VFileMessage[] {
  return file.messages.filter((message) => message.ruleId === ruleId)
}

/**
 * A `flagged(text, extra?)` for one rule: checks `text` with `options` and
 * returns that rule's messages as strings (place and reason), which is what
 * most table tests compare. `extra` is merged over `options` one level deep,
 * so `{dialect: 'en-GB'}` or `{headline: '…'}` adds to them, while `checks`
 * would replace them.
 */
export function flaggedBy(
  ruleId: string,
  options: Options & CheckOptions = {}
): (text: string, extra?: Options & CheckOptions) => Promise<string[]> {
  return async function (text, extra = {}) {
    const file = await check(text, {...options, ...extra})
    return messagesOf(file, ruleId).map(String)
  }
}

/**
 * Every field of a message a consumer reads (the CLI, the server, editors),
 * for `toEqual`. A field the message does not set comes back `undefined`,
 * which `toEqual` treats as absent, so a pinned object lists only what is set.
 */
export function fields(message: VFileMessage) {
  return {
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    place: message.place,
    actual: message.actual,
    expected: message.expected,
    url: message.url,
    note: message.note,
    fatal: message.fatal,
    cause: causeFields(message.cause),
    data: (message as {data?: unknown}).data
  }
}

// A cause is a whole VFileMessage; the reason and place are what a reader is shown.
function causeFields(cause: unknown): {reason: string; place: unknown} | undefined {
  if (!cause) return undefined
  const error = cause as Error & {place?: unknown}
  return {reason: error.message, place: error.place}
}
