/**
 * Check `dialect`: correct spellings from the other side of the Atlantic
 * (`defence`, `programme`, `organisation` in American copy; `color`,
 * `center`, `organize` in British copy).
 */
import {report} from '../message.js'
import {isQuoted, quotesOf, type QuoteRanges} from '../nlcst/quotes.js'
import {otherDialect, spellerFor} from '../spell/dictionaries.js'
import {personalWords} from '../spell/personal.js'
import {likeWritten, namesOf, piecesOf, shapeOf, writtenText, type Piece} from '../spell/tokens.js'
import {counterpart} from '../spell/variants.js'
import {loadWordList, type WordList} from '../spell/wordlist.js'
import {codeChecks, dialects, type CodeCheckPlugin, type Dialect, type Level} from '../types.js'

/**
 * The `dialect` check: a word the dictionary of the story's dialect lacks but
 * the other dialect's has, with a counterpart in the story's dialect, is
 * reported with that counterpart as `expected`: under en-US, "`defence` is
 * British spelling; use `defense`". The counterpart is derived, not listed:
 * the regular differences (`our`/`or`, `tre`/`ter`, `ise`/`ize`,
 * `ence`/`ense`, `ll`/`l`, `ogue`/`og`, `mme`/`m`, `ae`/`e` …) applied to the
 * word and checked against the target dictionary (see `src/spell/variants.ts`).
 *
 * Left alone: capitalized words inside a sentence (`the Labour Party`,
 * `Defence Secretary`), and at the start of a sentence when the story writes
 * them capitalized inside one too, a capitalized word follows
 * (`Labour Party officials said`) or they stand alone in quotation marks
 * (soap `“Neighbours”`); ALL-CAPS words; house-dictionary words;
 * other-dialect words with no derivable counterpart (`whilst`). The
 * `spelling` check leaves every word of the other dialect to this one, so
 * no word is reported twice.
 *
 * Options: `level` (default `'warning'`), `dialect` (`'en-US'`; `'en-GB'`
 * reports American spellings), `dictionary` (extra words, never reported).
 */
export const dialect: CodeCheckPlugin = function (options) {
  const level: Level = options?.level ?? codeChecks.dialect
  const target: Dialect = options?.dialect ?? 'en-US'
  if (!dialects.includes(target)) {
    throw new TypeError(`dialect: option \`dialect\` is ${JSON.stringify(target)}; accepted: 'en-US', 'en-GB'`)
  }
  const personal = personalWords(options?.dictionary ?? [])
  const speller = spellerFor(target)
  const other = spellerFor(otherDialect(target))
  const ours = target === 'en-US' ? 'American' : 'British'
  const theirs = target === 'en-US' ? 'British' : 'American'
  // The larger word lists (src/spell/wordlist.ts), loaded on the first story.
  let lists: [WordList, WordList] | undefined

  return async function (tree, file) {
    lists ??= await Promise.all([
      loadWordList(target, (word) => speller.correct(word)),
      loadWordList(other.dialect, (word) => other.correct(word))
    ])
    const pieces = piecesOf(tree)
    const names = namesOf(tree)
    let quotes: QuoteRanges | undefined
    for (const piece of pieces) {
      const expected = variantOf(piece, names)
      if (!expected) continue
      quotes ??= quotesOf(tree)
      const actual = writtenText(file, piece.position, piece.value)
      const [replacement] = likeWritten([expected], actual)
      report(file, piece.position, {
        ruleId: 'dialect',
        reason: `\`${actual}\` is ${theirs} spelling; use \`${replacement}\``,
        level,
        actual,
        expected: [replacement],
        note: `The story is checked as ${target} (${ours} spelling); set \`dialect\` to change it.`,
        quoted: isQuoted(quotes, {type: 'WordNode', position: piece.position}) || undefined
      })
    }
  }

  /** The story dialect's spelling of a piece written in the other dialect. */
  function variantOf(piece: Piece, names: Set<string>): string | undefined {
    const shape = shapeOf(piece.base)
    if (shape === 'skip') return undefined
    // "the Labour Party", "Defence Secretary": names keep their spelling.
    if (shape === 'capitalized' && (!piece.initial || piece.alone || piece.beforeCapitalized || names.has(piece.base))) {
      return undefined
    }
    const {value} = piece
    if (speller.correct(value) || personal.has(value)) return undefined
    if (!other.correct(value) && !knownToOtherList(value)) return undefined
    return counterpart(value, target)
  }

  /**
   * "foetus", "gramme" under en-US: only the other dialect's word list
   * knows them (each list keeps to its dialect: src/spell/wordlist.ts), and
   * ours does not, so `spelling` leaves them here.
   */
  function knownToOtherList(value: string): boolean {
    if (!lists) return false
    const lower = value.toLowerCase()
    return lists[1].has(lower) && !lists[0].has(lower)
  }
}
