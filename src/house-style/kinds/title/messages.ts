/**
 * Message building for the `title` kind: given a title found in a sentence,
 * decide what AP wants there (lowercase alone, capitalized or abbreviated
 * before a name, no courtesy title) and report it with the words as written.
 */
import type {Sentence} from 'nlcst'
import type {CompiledRuleFile} from '../../kind.js'
import {Story, emit} from '../../runtime.js'
import {isSentenceStart} from '../../../nlcst/words.js'
import type {Level} from '../../../types.js'
import type {TitleData} from './forms.js'
import {
  adjacent,
  caseOf,
  coreWords,
  isAbbreviation,
  lowercaseModifiers,
  openBefore,
  textBetween,
  usedAlone,
  type Occurrence,
  type SentenceWord
} from './match.js'
import {
  capitalizedAfter,
  firstNameLike,
  following,
  isName,
  lastNameAlone,
  musicWords,
  nameAfter,
  notNames,
  sportsSentence
} from './names.js'

function capitalizeFirst(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}

export function judge(
  story: Story,
  file: CompiledRuleFile<TitleData>,
  sentence: Sentence,
  list: SentenceWord[],
  found: Occurrence
): void {
  const {form} = found
  const entry = form.entry
  if (isName(list, found)) return
  if (entry.class === 'courtesy') {
    courtesy(story, file, sentence, list, found)
    return
  }
  const first = list[found.start]
  const last = list[found.end]
  const initial = isSentenceStart(sentence, first.child)
  const core = coreWords(list, found)
  const casing = caseOf(core, initial && !found.prefix)
  const plural = form.type === 'plural' || form.type === 'abbrPlural'
  const after = following(sentence, list, found.end)
  const previous = found.start > 0 ? list[found.start - 1] : undefined
  const previousAdjacent = previous && adjacent(sentence, previous, first) ? previous : undefined

  const say = (
    start: number,
    end: number,
    expected: string,
    why: string,
    level?: Level
  ): void => {
    const text = textBetween(sentence, list[start], list[end])
    if (text === expected) return
    emit(
      story,
      file,
      file.data.level,
      entry.policy,
      {start: list[start].node, end: list[end].node},
      {actual: text, expected: [expected], values: {why}, level},
      list[start].node
    )
  }

  // Never-abbreviated forms and "Reverend": before a capitalized word.
  if (form.type === 'wrong') {
    if (after === 'none') return
    const target = entry.abbreviation
      ? entry.abbreviation
      : entry.class === 'descriptive'
        ? entry.form.toLowerCase()
        : entry.form
    replaceWithArticle(say, found, target, previousAdjacent, initial, entry.abbreviation ? 'abbreviate' : 'spell')
    return
  }

  // "Rev. Al Sharpton" → "the Rev. Al Sharpton".
  if (form.type === 'abbr' && entry.abbreviation && /^the /i.test(entry.abbreviation)) {
    if (after !== 'name' || previousAdjacent?.lower === 'the') return
    const start = initial ? 'The' : 'the'
    say(found.start, found.end, `${start} ${textBetween(sentence, first, last)}`, 'AP writes “the Rev.” before a name')
    return
  }
  if (form.type === 'abbr' || form.type === 'abbrPlural') return

  // "President-Elect Joe Biden" → "President-elect".
  if (found.suffix && found.suffix !== found.suffix.toLowerCase() && after === 'name' && casing !== 'lower') {
    const text = last.text
    const at = text.length - found.suffix.length - (last.possessive ? 2 : 0)
    say(found.end, found.end, text.slice(0, at) + found.suffix.toLowerCase() + text.slice(at + found.suffix.length), '-elect and -designate are lowercase')
  }

  if (after === 'name') {
    const names = nameAfter(sentence, list, found.end, form.type === 'plural')
    beforeName(say, sentence, list, found, casing, initial, names, previousAdjacent)
    return
  }
  if (after === 'unclear') return

  // Standing alone: lowercase when the sentence shows it is a noun.
  if (casing === 'lower') return
  if (!usedAlone(sentence, list, found, plural)) return
  // "the Prime Minister's Office", "the President's Cup": a possessive title before a capitalized
  // word is part of a name.
  if (last.possessive) {
    const next = list[found.end + 1]
    if (next && adjacent(sentence, last, next) && next.text.charAt(0) !== next.text.charAt(0).toLowerCase()) return
  }
  // "The Queen's song was lackluster": the band Queen, the musician Prince, in music copy.
  if (form.words.length === 1 && (form.words[0] === 'queen' || form.words[0] === 'prince') && list.some((word) => musicWords.has(word.core))) return
  // A bare one-word plural in sports copy is a team ("the Senators beat the Bruins", "the Kings' season").
  if (plural && form.words.length === 1 && !previousAdjacent?.possessive && sportsSentence(list)) return
  const words = core.map((word) => (isAbbreviation(word) ? word : word.toLowerCase()))
  if (initial && !found.prefix) words[0] = capitalizeFirst(words[0])
  let expected = words.join(' ')
  if (found.prefix) expected = `${found.prefix}-${expected}`
  if (found.suffix) expected = `${expected}-${found.suffix.toLowerCase()}`
  const lastText = last.text
  if (last.possessive) expected += lastText.endsWith("'") ? "'" : lastText.slice(-2)
  const from = found.start
  const to = found.end
  say(from, to, expected, 'a title is capitalized only directly before a name')
}

/**
 * "Mr. Pritzker said" → "Pritzker said"; "Ms. Jane Doe" → "Jane Doe": AP uses
 * no courtesy titles outside quotations, so the name stands alone (the last
 * name on second reference, which is what a bare "Mr. Pritzker" is).
 */
function courtesy(story: Story, file: CompiledRuleFile<TitleData>, sentence: Sentence, list: SentenceWord[], found: Occurrence): void {
  const first = list[found.start]
  // "MS Dhoni", "MRS" in a headline: only the title as written, capital then lowercase.
  const bare = first.text.replace(/\.$/, '')
  if (bare.charAt(0) !== bare.charAt(0).toUpperCase() || bare.slice(1) !== bare.slice(1).toLowerCase()) return
  // "Mr. President", "Mr. Speaker, Mr. Vice President": a form of address, not a name.
  if (addressed(sentence, list, found)) return
  let end = found.end
  for (let index = found.end + 1; index < list.length && index <= found.end + 6; index++) {
    const word = list[index]
    if (!adjacent(sentence, list[index - 1], word)) break
    const head = word.text.charAt(0)
    const nameWord =
      (head !== head.toLowerCase() && !notNames.has(word.lower)) ||
      /^(?:jr\.?|sr\.?)$/.test(word.lower) ||
      (index === found.end + 1 && firstNameLike(sentence, list, index)) ||
      // "Mr. de Klerk", "Mr. van Gaal".
      (/^(?:de|van|von|da|del|della|di|du|le|bin|ibn)$/.test(word.lower) && capitalizedAfter(sentence, list, index)) ||
      // "Messrs. Lopez and Chen".
      (word.lower === 'and' && found.form.type === 'plural' && index > found.end + 1 && capitalizedAfter(sentence, list, index))
    if (!nameWord) break
    end = index
    if (word.possessive) break
  }
  if (end === found.end) return
  const name = textBetween(sentence, list[found.end + 1], list[end])
  emit(
    story,
    file,
    file.data.level,
    found.form.entry.policy,
    {start: list[found.start].node, end: list[end].node},
    {actual: textBetween(sentence, list[found.start], list[end]), expected: [name], values: {why: 'AP uses courtesy titles only in direct quotations'}},
    list[found.start].node
  )
}

/**
 * Whether a courtesy title is followed by one of its entry's `address`
 * titles and then by no name: "Mr. Speaker, Mr. Vice President, members of
 * Congress", "Thank you, Mr. President." ("Mr. Vice President Mike Pence"
 * is a courtesy title before a name.)
 */
function addressed(sentence: Sentence, list: SentenceWord[], found: Occurrence): boolean {
  outer: for (const title of found.form.entry.address) {
    let previous = list[found.end]
    for (let offset = 0; offset < title.length; offset++) {
      const word = list[found.end + 1 + offset]
      if (!word || !adjacent(sentence, previous, word) || word.core !== title[offset]) continue outer
      previous = word
    }
    return !capitalizedAfter(sentence, list, found.end + title.length) || list[found.end + title.length].possessive
  }
  return false
}

type Say = (start: number, end: number, expected: string, why: string, level?: Level) => void

function replaceWithArticle(
  say: Say,
  found: Occurrence,
  target: string,
  previous: SentenceWord | undefined,
  initial: boolean,
  how: 'abbreviate' | 'spell'
): void {
  let expected = target
  if (/^the /i.test(target)) {
    // "the Reverend Al Sharpton" → "the Rev."; "Reverend Al Sharpton" → "the Rev." ("The Rev." first in a sentence).
    expected = previous?.lower === 'the' ? target.replace(/^the /i, '') : initial ? capitalizeFirst(target) : target
  } else if (initial) {
    expected = capitalizeFirst(expected)
  }
  say(
    found.start,
    found.end,
    expected,
    how === 'abbreviate' ? `AP writes \u201c${target}\u201d before a name` : 'AP never abbreviates this title'
  )
}

function beforeName(
  say: Say,
  sentence: Sentence,
  list: SentenceWord[],
  found: Occurrence,
  casing: 'upper' | 'lower' | 'mixed',
  initial: boolean,
  names: number,
  previous: SentenceWord | undefined
): void {
  const {form} = found
  const entry = form.entry
  const plural = form.type === 'plural'
  const first = list[found.start]
  const last = list[found.end]

  // "met Former President Barack Obama" → "former"; "then President Barack Obama" → "then-President".
  if (previous && names >= 1 && lowercaseModifiers.has(previous.lower) && !found.prefix) {
    const previousInitial = isSentenceStart(sentence, previous.child)
    if (previous.lower === 'then' && casing !== 'lower') {
      const then = previousInitial ? 'Then' : 'then'
      say(found.start - 1, found.start, `${then}-${first.text}`, '“then” joins the title with a hyphen')
    } else if (!previousInitial && previous.text !== previous.lower) {
      say(found.start - 1, found.start - 1, previous.lower, 'modifiers such as former and acting stay lowercase')
    }
  }

  if (entry.class === 'descriptive') {
    // "Spokesperson Tammy Bruce" → "spokesperson"; at the start of a sentence the capital is fine.
    if (casing === 'lower' || names === 0) return
    if (initial && !found.prefix) return
    const expected = coreWords(list, found)
      .map((word) => word.toLowerCase())
      .join(' ')
    say(found.start, found.end, withAffixes(expected, found, last), 'a descriptive title is lowercase even before a name')
    return
  }

  const needed = entry.nameWords
  const abbreviation = plural ? entry.abbreviationPlural : entry.abbreviation
  // "Governor Gavin Newsom" → "Gov. Gavin Newsom".
  const abbreviate =
    abbreviation &&
    !found.suffix &&
    (casing === 'lower'
      ? entry.class === 'formal' && names >= needed && openBefore(sentence, list, found)
      : names >= needed)
  if (abbreviation && abbreviate) {
    let expected = abbreviation
    if (/^the /i.test(abbreviation)) {
      expected = previous?.lower === 'the' ? abbreviation.replace(/^the /i, '') : initial ? capitalizeFirst(abbreviation) : abbreviation
    }
    // "then-Governor Jerry Brown" → "then-Gov. Jerry Brown".
    if (found.prefix) expected = `${found.prefix}-${expected.replace(/^the /i, '')}`
    say(found.start, found.end, expected, `AP abbreviates this title before a name (${abbreviation.replace(/^the /i, '')})`)
    return
  }

  // "deputy secretary of state Christopher Landau" → "Deputy Secretary of State".
  if (entry.class !== 'formal' || casing === 'upper') return
  // "governor Pritzker said": one name word is enough when it is no dictionary word
  // ("major Chinese newspapers", "the major Manchester hotels") or the phrase ends there.
  const strongName = names >= 2 || (names === 1 && (found.prefix !== undefined || found.suffix !== undefined || lastNameAlone(sentence, list, found.end + 1)))
  if (!strongName || !openBefore(sentence, list, found)) return
  // "the president of Mali, Assimi Goita": "of" after the title is not this case; handled by adjacency.
  let expected = form.text
  if (found.prefix) expected = `${initial ? capitalizeFirst(found.prefix.toLowerCase()) : found.prefix.toLowerCase()}-${expected}`
  if (found.suffix) expected = `${expected}-${found.suffix.toLowerCase()}`
  if (last.possessive) expected += last.text.endsWith("'") ? "'" : last.text.slice(-2)
  say(found.start, found.end, expected, 'a formal title directly before a name is capitalized')
}

function withAffixes(expected: string, found: Occurrence, last: SentenceWord): string {
  let value = expected
  if (found.prefix) value = `${found.prefix}-${value}`
  if (found.suffix) value = `${value}-${found.suffix.toLowerCase()}`
  if (last.possessive) value += last.text.endsWith("'") ? "'" : last.text.slice(-2)
  return value
}
