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
import {report, wrap} from '../message.js'
import {sentencesOf, wordString} from '../nlcst/tree.js'
import type {CodeCheckPlugin, Level} from '../types.js'

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
 * Degree words doubled for emphasis before the word they modify: "far far
 * away", "so so much", "very very good", "much much bigger", "a long long
 * time", "way way back". Only before a content word (see {@link
 * functionWords}): "he said so so the plan" is a slip.
 */
const intensifiers = new Set(['very', 'so', 'too', 'far', 'much', 'really', 'way', 'long', 'many'])

/**
 * Interjections doubled as speech: "Wait wait!", "No no, not that", "Oh oh.",
 * "Yes yes", "Well well", "There there", "Now now", "Come come". Only where
 * the speech stops (punctuation or the end of the sentence follows), so "no
 * no longer" or "there there are" stay slips.
 */
const interjections = new Set([
  'no',
  'yes',
  'yeah',
  'wait',
  'oh',
  'ah',
  'hey',
  'now',
  'there',
  'well',
  'come',
  'please',
  'stop',
  'go',
  'run',
  'help',
  'hurry',
  'quick',
  'wow',
  'okay',
  'ok',
  'bravo',
  'encore',
  'bye'
])

/** Words after which a doubled degree word is a slip, not emphasis ("so so the", "too too to"). */
const functionWords = new Set(
  'a an the this that these those my your his her its our their to of in on at by for from with as and or but if than then so is are was were be been am do does did has have had will would can could should may might must not it he she we they i you me him us them who which what when where why how'.split(
    ' '
  )
)

/**
 * The `repeated-word` check: flags a word written twice in a row
 * (`the the`, `not not`, `to to`), spanning both, with the single word as
 * the fix.
 *
 * Leaves alone: doubles that are English (`had had`, `that that`, `gave her
 * her`), capitalised names (`Walla Walla`, `Bora Bora`), initials (`D. D.`),
 * runs of three or more (`"no no no no no"`), and emphatic doubles: a degree
 * word before the word it modifies (`far far away`, `so so much`, `very very
 * good`) and an interjection where the speech stops (`Wait wait!`, `no no,`,
 * `bye bye`), all deliberate. Flags stammers (`is is`, `the the`) even in
 * quotes, and the pronoun `I I` (which retext-repeated-words takes for a
 * name such as `Walla Walla`).
 *
 * Options (from the preset): `level` (default `warning`).
 */
export const repeatedWord: CodeCheckPlugin = function (options) {
  const level: Level = options?.level ?? 'warning'
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
    for (const sentence of sentences) pronounDoubles(sentence, file, level)
    return library({type: 'RootNode', children: sentences} as unknown as Root, file)
  }
}

/**
 * "I I think so": the pronoun twice, which retext-repeated-words passes as a
 * capitalised name (`Walla Walla`). Reported as the plugin reports a double.
 */
function pronounDoubles(sentence: Sentence, file: VFile, level: Level): void {
  const children = sentence.children
  for (let index = 0; index < children.length; index++) {
    const first = children[index]
    if (first.type !== 'WordNode' || toString(first) !== 'I') continue
    const second = wordAt(children, index, 1)
    if (!second || toString(second) !== 'I' || inRun(sentence, second)) continue
    report(file, {start: first, end: second}, {
      ruleId: 'repeated-word',
      reason: 'Remove the repeated `I`',
      level,
      actual: toString(children.slice(index, children.indexOf(second) + 1)),
      expected: ['I']
    })
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
  if (parent && node && emphatic(parent, node, word.toLowerCase())) return false
  // "The the recent rule": the fix keeps the first word's capital.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, as above
  const first = parent && node ? wordAt(parent.children, parent.children.indexOf(node), -1) : undefined
  // Stryker disable next-line ConditionalExpression: equivalent: a reported pair is always split by white space, so the first word is found
  if (first) message.expected = [toString(first)]
  return 'Remove the repeated `' + word + '`'
}

/**
 * Whether a double is emphasis, not a slip: a degree word before a content
 * word (`far far away`, `very very good`), or an interjection where the
 * speech stops (`Wait wait!`, `no no,`, `Oh oh.`).
 */
function emphatic(parent: Sentence, node: SentenceContent, word: string): boolean {
  const children = parent.children
  const index = children.indexOf(node)
  if (index === -1) return false
  const next = wordAt(children, index, 1)
  if (intensifiers.has(word) && next && !functionWords.has(toString(next).toLowerCase())) return true
  if (!interjections.has(word)) return false
  // The next node past any white space: punctuation, a closing quote, or nothing.
  let at = index + 1
  while (children[at]?.type === 'WhiteSpaceNode') at++
  const after = children[at]
  return after === undefined || after.type === 'PunctuationNode' || after.type === 'SymbolNode'
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
