/**
 * Check `repeated-word`: the same word twice in a row (`whether the the
 * recent rule`), an edit slip that spell-checkers pass. Wraps
 * retext-repeated-words and stamps its messages as ours.
 */
import type {Root, Sentence, SentenceContent} from 'nlcst'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {toString} from 'nlcst-to-string'
import retextRepeatedWords from 'retext-repeated-words'
import {wrap} from '../message.js'
import {sentencesOf, wordString} from '../nlcst/tree.js'
import type {CodeCheckPlugin} from '../types.js'

/**
 * Doubles that are English, on top of the ones retext-repeated-words already
 * accepts (`had had`, `that that`, `can can`, `blah blah`, and capitalised
 * names such as `Walla Walla` and `Bora Bora`).
 */
const legitimate = new Set([
  // "gave her her passport back"
  'her',
  // "What they do do is talk."
  'do',
  // Interjections and baby talk: "bye bye", "knock knock", "tut tut".
  'bye',
  'ha',
  'ho',
  'hip',
  'knock',
  'tut',
  'tsk',
  'chop',
  'hush',
  'boo',
  'yum',
  'bla'
])

/**
 * The `repeated-word` check: flags a word written twice in a row
 * (`the the`, `not not`, `to to`), spanning both, with the single word as
 * the fix.
 *
 * Leaves alone: doubles that are English (`had had`, `that that`, `gave her
 * her`), capitalised names (`Walla Walla`, `Bora Bora`), initials (`D. D.`),
 * and runs of three or more (`"no no no no no"`), which are deliberate.
 * Flags stammers and intensifiers (`is is`, `very very`) even in quotes: a
 * copy editor decides whether the speaker said it.
 *
 * Options (from the preset): `level` (default `warning`).
 */
export const repeatedWord: CodeCheckPlugin = function (options) {
  const level = options?.level ?? 'warning'
  const library = wrap(retextRepeatedWords, {ruleId: 'repeated-word', level, rewrite}).call(this) as (
    tree: Root,
    file: VFile
  ) => Promise<void> | void
  return function (tree, file) {
    // Only sentences with a word written twice in a row can hold a finding:
    // the plugin sees those alone, not every word of the story.
    // Stryker disable next-line MethodExpression: equivalent: a filter; the plugin finds nothing more in more sentences
    const sentences = sentencesOf(tree).filter(mayRepeat)
    // Stryker disable next-line ConditionalExpression: equivalent: the plugin finds nothing in no sentences
    if (sentences.length === 0) return
    return library({type: 'RootNode', children: sentences} as unknown as Root, file)
  }
}

/**
 * Whether retext-repeated-words could report in `sentence`: its own walk
 * (a word, white space, the same word, compared lower case), without its
 * list of doubles that are fine, so it never skips a sentence the plugin
 * would report in.
 */
// Stryker disable all: letting more sentences through is equivalent (the plugin decides); fewer fails test/repeated-word*.test.ts
function mayRepeat(sentence: Sentence): boolean {
  const children = sentence.children
  let previous: string | undefined
  let current: string | undefined
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (child.type === 'WordNode') {
      current = wordString(child).toLowerCase()
      if (previous !== undefined && previous === current) return true
    } else if (child.type === 'WhiteSpaceNode') {
      previous = current
      current = undefined
    } else {
      previous = undefined
      current = undefined
    }
  }
  return false
}
// Stryker restore all

function rewrite(message: VFileMessage): string | false {
  const [parent, node] = (message.ancestors || []) as [Sentence | undefined, SentenceContent | undefined]
  // Stryker disable next-line LogicalOperator,OptionalChaining,ConditionalExpression,StringLiteral: equivalent: the plugin's `expected` is always the word
  const word = message.expected?.[0] ?? (node ? toString(node) : '')
  if (legitimate.has(word.toLowerCase())) return false
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: the plugin's messages always have their sentence and word
  if (parent && node && inRun(parent, node)) return false
  // "The the recent rule": the fix keeps the first word's capital.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, as above
  const first = parent && node ? wordAt(parent.children, parent.children.indexOf(node), -1) : undefined
  // Stryker disable next-line ConditionalExpression: equivalent: a reported pair is always split by white space, so the first word is found
  if (first) message.expected = [toString(first)]
  return 'Remove the repeated `' + word + '`'
}

/**
 * Whether the repeated word is part of a run of three or more (`no no no`):
 * that is emphasis or a chant, not a slip.
 */
function inRun(parent: Sentence, node: SentenceContent): boolean {
  const children = parent.children
  const index = children.indexOf(node)
  // Stryker disable next-line all: equivalent: the word is in its sentence
  if (index === -1) return false
  const value = toString(node).toLowerCase()
  const before = wordAt(children, index, -2)
  const after = wordAt(children, index, 1)
  return (
    (before !== undefined && toString(before).toLowerCase() === value) ||
    (after !== undefined && toString(after).toLowerCase() === value)
  )
}

/**
 * The word `steps` words away from `index` (negative: before it), with only
 * white space between, or `undefined`.
 */
function wordAt(children: SentenceContent[], index: number, steps: number): SentenceContent | undefined {
  // Stryker disable next-line EqualityOperator: equivalent: `steps` is never 0
  const direction = steps < 0 ? -1 : 1
  let remaining = Math.abs(steps)
  let at = index
  while (remaining > 0) {
    at += direction
    const child = children[at]
    if (!child || child.type !== 'WhiteSpaceNode') return undefined
    at += direction
    const word = children[at]
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent: white space in a sentence is followed by a node, and a non-word never equals a word
    if (!word || word.type !== 'WordNode') return undefined
    remaining--
  }
  return children[at]
}
