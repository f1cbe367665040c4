/**
 * Check `confusables`: a real word in the place of the word it is confused
 * with, which a spellchecker passes: `it's`/`its`, `their`/`there`/`they're`,
 * `your`/`you're`, `whose`/`who's`, `than`/`then`, `affect`/`effect`,
 * `lose`/`loose`, `principal`/`principle`, `complement`/`compliment`,
 * `council`/`counsel`, `led`/`lead`, `passed`/`past`, `accept`/`except`,
 * `advice`/`advise`, `breath`/`breathe`, `capital`/`capitol`,
 * `whether`/`weather`, `to`/`too`, `every day`/`everyday`, `less people`, and
 * `could of`.
 *
 * Decided by the words around the candidate (see `confusables/rules.ts`):
 * each rule fires only where the written word cannot stand, so edited copy
 * stays silent. Words inside quotations are checked too (a transcriber's
 * `its` for `it's` is still a slip), but the message is marked `quoted` so a
 * fix is never applied to a quote unasked.
 */
import type {Root, Sentence, Word} from 'nlcst'
import {nextWord, previousWord} from '../nlcst/words.js'
import type {VFile} from 'vfile'
import {toString} from 'nlcst-to-string'
import {report} from '../message.js'
import {sentencesOf, wordString} from '../nlcst/tree.js'
import {isQuoted, quotesOf, type QuoteRanges} from '../nlcst/quotes.js'
import type {CodeCheckPlugin, Level} from '../types.js'
import {Context, tokensOf, type Token} from './confusables/context.js'
import {glosses, isLeadCompound, lemma, rulesByWord, tooAdjectives, type Verdict} from './confusables/rules.js'
import {classesOf} from './confusables/lexicon.js'
import {tooBefore} from './confusables/rules/toToo.js'
import {haveModals} from './confusables/words.js'

const ruleId = 'confusables'

/**
 * The `confusables` check: flags a word that is a real word but the wrong
 * one for its place, with the right word first in `expected`.
 *
 * Options (from the preset): `level` (default `warning`).
 */
export const confusables: CodeCheckPlugin = function (options) {
  const level: Level = options?.level ?? 'warning'

  return function (tree: Root, file: VFile) {
    let quotes: QuoteRanges | undefined
    for (const sentence of sentencesOf(tree)) {
      // Cheap pass: most sentences hold no candidate at all.
      let candidate = false
      const children = sentence.children
      for (let index = 0; index < children.length; index++) {
        const child = children[index]
        if (child.type !== 'WordNode') continue
        const text = wordString(child)
        if (rulesByWord.has(text)) {
          // `to`, `of` and `every` are in most sentences, and matter only beside a few words.
          const near = neighbours.get(text)
          if (near && !near.words.has(neighbour(sentence, index, near.after)) && !(text === 'to' && toNeighbour(sentence, index))) continue
          candidate = true
          break
        }
        // Lower case and straight apostrophes only when the word is not already so:
        // a capital, or a curly `it’s`/`they’re` or a `-lead` compound (ending in s, e or d).
        const code = text.charCodeAt(0)
        const last = text.charCodeAt(text.length - 1)
        if ((code >= 65 && code <= 90) || ((last === 115 || last === 101 || last === 100) && (text.includes('’') || text.includes('-')))) {
          const lower = text.toLowerCase().replace(/’/g, "'")
          if (rulesByWord.has(lower) || isLeadCompound(lower)) {
            candidate = true
            break
          }
        }
      }
      if (!candidate) continue
      const tokens = tokensOf(sentence)
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]
        if (!token.node) continue
        const rules = rulesByWord.get(token.lower) ?? (isLeadCompound(token.lower) ? rulesByWord.get('lead') : undefined)
        if (!rules) continue
        let context = new Context(tokens, index)
        // "Lead Belly", "Passed Pawn": a capital inside a sentence is a name.
        if (/^[A-Z]/.test(token.text) && !context.first && token.text !== 'Capital' && token.text !== 'Counsel' && token.text !== 'Capitol' && !isLeadCompound(token.lower)) {
          // "performed his hit Dry You're Eyes": a contraction is never a name; a title in title case is read lower case.
          if (!token.lower.includes("'") || !titleCase(tokens, index)) continue
          context = new Context(lowered(tokens, index), index)
        }
        for (const rule of rules) {
          const verdict: Verdict | undefined = rule(context)
          if (!verdict) continue
          const first = tokens[index + (verdict.from ?? 0)]
          const last = tokens[index + (verdict.extend ?? 0)]
          if (!first.node || !last.node) continue
          const actual = spanText(tokens, index + (verdict.from ?? 0), index + (verdict.extend ?? 0))
          const expected = curly(tree, verdict.whole ? verdict.expected : matchCase(verdict.expected, actual), actual)
          quotes ??= quotesOf(tree)
          report(file, {start: first.node, end: last.node}, {
            ruleId,
            level,
            reason: reasonFor(actual, expected),
            actual,
            expected: [expected],
            quoted: isQuoted(quotes, first.node) || undefined
          })
          break
        }
      }
    }
  }
}

/** Whether a capitalised word follows the one at `index`, as in a title written in title case (`You're Game`). */
function titleCase(tokens: Token[], index: number): boolean {
  const capital = (token: Token | undefined) => token?.node !== undefined && /^[A-Z][a-z']/.test(token.text)
  return capital(tokens[index + 1])
}

/** The tokens with the capitalised words around `index` (no mark between) as if written lower case. */
function lowered(tokens: Token[], index: number): Token[] {
  const copy = [...tokens]
  for (const step of [-1, 1]) {
    for (let k = index + step; copy[k]?.node && /^[A-Z]/.test(copy[k].text); k += step) copy[k] = {...copy[k], text: copy[k].lower}
  }
  copy[index] = {...copy[index], text: copy[index].lower}
  return copy
}

/** For the commonest candidates, the neighbour a rule needs: `is to expensive`, `could of`, `every day`. */
const neighbours = new Map<string, {after: boolean; words: ReadonlySet<string>}>([
  ['to', {after: true, words: tooAdjectives}],
  ['of', {after: false, words: haveModals}],
  ['every', {after: true, words: new Set(['day'])}]
])

/** Whether the words beside `to` may make it "too": an adverb in -ly after it, or an adjective after "is", "not", "sounds" ("to seriously", "is to sick to work"). */
function toNeighbour(sentence: Sentence, index: number): boolean {
  const word = neighbour(sentence, index, true)
  if (word.endsWith('ly')) return true
  if (!tooBefore.has(neighbour(sentence, index, false))) return false
  const classes = classesOf(word)
  return classes.adjective && !classes.verb
}

/** The word next to the word at `index` (after or before, white space only between), lower case. */
function neighbour(sentence: Sentence, index: number, after: boolean): string {
  const at = after ? nextWord(sentence, index) : previousWord(sentence, index)
  return at === undefined ? '' : wordString(sentence.children[at] as Word).toLowerCase()
}

/** The words from token `from` to token `to`, joined by single spaces, as written (apostrophes straightened). */
function spanText(tokens: ReturnType<typeof tokensOf>, from: number, to: number): string {
  const words: string[] = []
  for (let index = from; index <= to; index++) words.push(tokens[index].node ? wordString(tokens[index].node!) : tokens[index].text)
  return words.join(' ')
}

/** "Use `it's` (it is), not `its` (belonging to it)". */
function reasonFor(actual: string, expected: string): string {
  const wrong = gloss(actual)
  const right = gloss(expected)
  if (/ of$/i.test(actual)) return `Use \`${expected}\`, not \`${actual}\`: \`of\` is never a verb`
  return `Use \`${expected}\`${right ? ` (${right})` : ''}, not \`${actual}\`${wrong ? ` (${wrong})` : ''}`
}

function gloss(word: string): string {
  const lower = word.toLowerCase().replace(/’/g, "'")
  if (lower.includes('-') && /-le(a)?d$/.test(lower)) return glosses[lower.endsWith('lead') ? 'lead' : 'led']
  return glosses[lemma(lower)] ?? ''
}

const curlyKey = Symbol('copydesk.curly')

/**
 * The fix with the story's apostrophe: curly when the word or the story uses
 * curly ones (`it’s`), else straight.
 */
function curly(tree: Root, expected: string, actual: string): string {
  if (!expected.includes("'")) return expected
  const cached = tree as Root & {[curlyKey]?: boolean}
  if (cached[curlyKey] === undefined) cached[curlyKey] = /’/.test(toString(tree))
  return actual.includes('’') || cached[curlyKey] ? expected.replace(/'/g, '’') : expected
}

/** Say whether the story `tree` is part of uses curly apostrophes (src/incremental.ts checks some paragraphs alone). */
export function presetCurly(tree: Root, curlyStory: boolean): void {
  ;(tree as Root & {[curlyKey]?: boolean})[curlyKey] = curlyStory
}

/** The right word in the written word's case: `Its` → `It's`, `LESS` → `FEWER`. */
function matchCase(expected: string, actual: string): string {
  if (actual.length > 1 && actual === actual.toUpperCase() && actual !== actual.toLowerCase()) return expected.toUpperCase()
  if (/^[A-Z]/.test(actual)) return expected.charAt(0).toUpperCase() + expected.slice(1)
  return expected
}
