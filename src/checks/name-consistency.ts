/**
 * Check `name-consistency`: one name spelled two ways in a story
 * (`Lyammouri` … `Lyamouri`, `Keir Starmer` … `Kier Starmer`).
 */
import type {Position} from 'unist'
import type {Word} from 'nlcst'
import {report} from '../message.js'
import {spellerFor} from '../spell/dictionaries.js'
import {editDistance} from '../spell/edits.js'
import {personalWords} from '../spell/personal.js'
import {likeWritten, piecesOf, shapeOf, writtenText, type Piece} from '../spell/tokens.js'
import {codeChecks, dialects, type CodeCheckPlugin, type Level} from '../types.js'

/**
 * The `name-consistency` check: two capitalized names in one story one edit
 * apart (two for names of {@link longName} letters or more) are one name
 * spelled two ways. The rarer spelling is reported (on a tie, the one that
 * appears later), at every place it is used, with the other as `expected`
 * and `cause` pointing at the first use of the other. Three or more
 * spellings of one name (`Mykolayivsky`, `Mykolayivskiy`, `Mikolayivskiy`)
 * are all reported against the most used one.
 *
 * Compared: capitalized words of four letters or more that the dictionary
 * does not know (`Lyammouri`, `Keir`). A name the dictionary knows is
 * compared only where both spellings stand in the same multiword name
 * (`John Smith` … `John Smyth`). A name in `dictionary` (the house and desk
 * dictionaries: `Okafor`) is one the desk confirmed: a spelling one edit
 * from it (`Okafer`) is reported wherever both are in the story, however
 * often each is used. Not compared: two dictionary words
 * (`Austria`, `Australia`), forms that differ by a plural or possessive `s`
 * (`Smith`, `Smiths`) or by their first letter (`Tung`, `Fung`: two people),
 * ALL-CAPS and mixed-case words.
 *
 * Options: `level` (default `'warning'`), `dialect` (`'en-US'`, whose
 * dictionary decides what a known word is), `dictionary` (extra known words).
 */
export const nameConsistency: CodeCheckPlugin = function (options) {
  const level: Level = options?.level ?? codeChecks['name-consistency']
  const dialect = options?.dialect ?? 'en-US'
  if (!dialects.includes(dialect)) {
    throw new TypeError(`name-consistency: option \`dialect\` is ${JSON.stringify(dialect)}; accepted: 'en-US', 'en-GB'`)
  }
  const personal = personalWords(options?.dictionary ?? [])
  const speller = spellerFor(dialect)

  return function (tree, file) {
    for (const cluster of clusters([...collect(piecesOf(tree)).values()])) {
      // The spelling the desk confirmed (`dictionary`), else the one used
      // most (on a tie, the first), is the one to keep.
      const usual = cluster.reduce((best, form) =>
        form.confirmed !== best.confirmed ? (form.confirmed ? form : best) : form.uses.length > best.uses.length ? form : best
      )
      for (const rare of cluster) {
        if (rare === usual) continue
        for (const use of rare.uses) {
          const actual = writtenText(file, use.position, use.value)
          report(file, use.position, {
            ruleId: 'name-consistency',
            reason: `\`${rare.value}\` is spelled \`${usual.value}\` elsewhere in the story; use one spelling`,
            level,
            actual,
            // "Lyamouri’s" → "Lyammouri’s": keep the possessive as written.
            expected: likeWritten([usual.value + use.value.slice(rare.value.length)], actual),
            note: `\`${usual.value}\` is used ${times(usual.uses.length)}, \`${rare.value}\` ${times(rare.uses.length)}.`,
            cause: {reason: `\`${usual.value}\` first used here`, place: usual.uses[0].position}
          })
        }
      }
    }
  }

  /** Groups of forms that are one name spelled more than one way, forms in order of first use. */
  function clusters(forms: Form[]): Form[][] {
    const parent = forms.map((_, index) => index)
    const root = (index: number): number => (parent[index] === index ? index : (parent[index] = root(parent[index])))
    // Forms with another first letter are never one name (see `sameName`):
    // compare only within each first letter, lower case worked out once.
    const lower = forms.map((form) => form.value.toLowerCase())
    const byInitial = new Map<string, number[]>()
    lower.forEach((value, index) => {
      const list = byInitial.get(value.charAt(0))
      if (list) list.push(index)
      else byInitial.set(value.charAt(0), [index])
    })
    for (const list of byInitial.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]
          const b = list[j]
          if (sameName(forms[a], forms[b], lower[a], lower[b])) parent[root(b)] = root(a)
        }
      }
    }
    // Each group in order of its first form, whichever form is its root.
    const groups = new Map<number, Form[]>()
    forms.forEach((form, index) => {
      const key = root(index)
      const group = groups.get(key)
      if (group) group.push(form)
      else groups.set(key, [form])
    })
    return [...groups.values()].filter((group) => group.length > 1)
  }

  /** Capitalized pieces worth comparing, grouped by spelling in order of first use. */
  function collect(pieces: ReadonlyArray<Piece>): Map<string, Form> {
    const forms = new Map<string, Form>()
    pieces.forEach(function (piece, index) {
      const {base} = piece
      if (base.length < 4 || shapeOf(base) !== 'capitalized') return
      let form = forms.get(base)
      if (!form) {
        const confirmed = !speller.correct(base) && personal.has(base)
        form = {value: base, known: confirmed || speller.correct(base), confirmed, uses: [], neighbours: new Set()}
        forms.set(base, form)
      }
      form.uses.push({value: piece.value, position: piece.position})
      // "John Smith": the capitalized words right beside it in the same name.
      for (const other of [pieces[index - 1], pieces[index + 1]]) {
        if (other && adjacent(piece, other) && shapeOf(other.base) === 'capitalized') form.neighbours.add(other.base)
      }
    })
    return forms
  }

  /** Whether two forms are one name spelled two ways (`x`, `y`: their values lower case). */
  function sameName(a: Form, b: Form, x: string, y: string): boolean {
    if (a.known && b.known) return false
    // "Tung" and "Fung", "Gennady" and "Hennady": a different first letter is a different name.
    if (x.charAt(0) !== y.charAt(0)) return false
    // "Smith" and "Smiths", "Korea" and "Koreas".
    if (x + 's' === y || y + 's' === x) return false
    const limit = Math.min(x.length, y.length) >= longName ? 2 : 1
    if (editDistance(x, y, limit) > limit) return false
    // "Okafor" (a name the desk confirmed) … "Okafer": the confirmed spelling wins, anywhere in the story.
    if (a.confirmed || b.confirmed) return true
    // "John Smith" … "John Smyth": a known word only within the same multiword name.
    return !(a.known || b.known) || [...a.neighbours].some((name) => b.neighbours.has(name))
  }
}

/** Names this long may differ by two edits (`Acharatoumane`, `Acharatoumani`). */
const longName = 8

/** One spelling of a name in a story. */
interface Form {
  value: string
  /** Whether the dictionary (or house dictionary) knows it. */
  known: boolean
  /** Whether only `dictionary` (the house and desk dictionaries) knows it: a name the desk confirmed. */
  confirmed: boolean
  uses: Array<{value: string; position: Position}>
  /** Capitalized words written next to it (`John` for `Smith`). */
  neighbours: Set<string>
}

/** Whether two pieces are neighbouring words of one name (separated only by a space) or parts of one compound. */
function adjacent(a: Piece, b: Piece): boolean {
  if (a.word === b.word) return true
  const [first, second] = (a.position.start.offset ?? 0) < (b.position.start.offset ?? 0) ? [a, b] : [b, a]
  const gap = (second.position.start.offset ?? 0) - (firstEnd(first.word) ?? first.position.end.offset ?? 0)
  return gap === 1 && first.position.end.line === second.position.start.line
}

function firstEnd(word: Word): number | undefined {
  return word.position?.end.offset
}

function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`
}
