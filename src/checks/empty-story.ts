/**
 * Check `empty-story`: a story with no text in it. An empty story is most
 * often a failed export or fetch (`curl … | copydesk` when the CMS was down),
 * and a gate that says "no problems" about nothing waves the failure through.
 */
import type {Root} from 'nlcst'
import type {Node, Parent} from 'unist'
import {report} from '../message.js'
import type {CodeCheckPlugin} from '../types.js'

/**
 * What is left when a story has no copy: white space, control characters
 * (a lone NUL, which the parsers see as U+FFFD) and invisible marks (a
 * byte-order mark, zero-width spaces).
 */
const blank = /^[\s\p{Cc}\u200B-\u200D\u2060\uFEFF\uFFFD]*$/u

/**
 * The `empty-story` check: one message for a story that holds no text once
 * its markup is set aside: `''`, `'  \n'`, Markdown of blank lines, HTML such
 * as `<p></p>` or only comments and scripts. The span is the whole input.
 *
 * Leaves alone: any story with a visible character, even a lone `—`.
 *
 * Options (from the preset): `level` (default `error`).
 */
export const emptyStory: CodeCheckPlugin = function (options) {
  const level = options?.level ?? 'error'
  return function (tree, file) {
    // For Markdown and HTML the tree holds only the copy; markup is not in it.
    if (!isBlank(tree)) return
    const length = String(file.value ?? '').length
    const start = {line: 1, column: 1, offset: 0}
    // The tree's end, when it is the end of the input, is what `endOf` works out; it only spares splitting a long blank story.
    // Stryker disable next-line ConditionalExpression: equivalent (both branches give the same point)
    const end = tree.position?.end.offset === length ? {...tree.position.end} : endOf(String(file.value ?? ''))
    report(file, {start, end}, {
      ruleId: 'empty-story',
      reason: 'The story is empty: there is no text to check. Make sure the whole story was sent (a failed export or download sends nothing)',
      level
    })
  }
}

/**
 * Whether the text of `node` (what `nlcst-to-string` would give) is blank,
 * stopping at the first leaf that is not: a story's first word answers it,
 * where joining the whole story into one string would not. A character of
 * the `blank` class is never a half of an astral character, so testing the
 * leaves one by one answers as testing their join does.
 */
function isBlank(node: Node): boolean {
  if ('value' in node) {
    const value = (node as {value?: unknown}).value
    // `join('')` writes nothing for these.
    return value === undefined || value === null || blank.test(String(value))
  }
  const children = (node as Parent).children
  if (!children) return true
  for (const child of children) if (!isBlank(child)) return false
  return true
}

function endOf(value: string): {line: number; column: number; offset: number} {
  const lines = value.split(/\r\n|\r|\n/)
  return {line: lines.length, column: lines[lines.length - 1].length + 1, offset: value.length}
}
