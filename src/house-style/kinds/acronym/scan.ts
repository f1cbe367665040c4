/**
 * Scanning the story for the `acronym` kind: one pass in story order that
 * records each acronym's uses and where each is spelled out.
 */
import type {Root, Sentence, Word} from 'nlcst'
import type {Position} from 'unist'
import type {CompiledRuleFile} from '../../kind.js'
import {eachSentence} from '../../sequence.js'
import {wordText} from '../../../nlcst/words.js'
import {bare, withPeriods, type AcronymData} from './entries.js'
import {adjacentWord, matchWords, neighbor, span, textOf, upper} from './nodes.js'
import {datelineEnd, firstUse, inName, inTicker, isShouting, setOffAround, startsName, unexplainedCandidate, type Use} from './uses.js'
import {glossedAt, introducedAt, spelledOut} from './spelled-out.js'

/** A spelled-out form seen in the story. */
export interface Spelled {
  index: number
  position?: Position
  text: string
}

// Roman numerals up to 39 (King Charles III, World War II).
const roman = /^X{0,3}(IX|IV|V?I{0,3})$/

export interface Scan {
  /** First uses of each acronym, in order, and every parenthetical use. */
  uses: Map<string, Use[]>
  /** First index of each listed acronym's expansion. */
  introduced: Map<string, Spelled>
  /** First index of each run of capitalized words by its initials. */
  initials: Map<string, Spelled>
  /** First index of a use introduced right where it stands ("liquefied natural gas, or LNG"). */
  nearby: Map<string, number>
  /** Acronyms explained right after a use ("LIFFE, the London futures exchange,"; "EBIDTA (earnings before …)"). */
  glossed: Set<string>
}

export function scanStory(tree: Root, files: ReadonlyArray<CompiledRuleFile<AcronymData>>): Scan {
  const uses = new Map<string, Use[]>()
  const introduced = new Map<string, Spelled>()
  const initials = new Map<string, Spelled>()
  const nearby = new Map<string, number>()
  const glossed = new Set<string>()
  // Pass 1, cheap: the all-caps words and where they are.
  let counter = 0
  eachSentence(tree, (sentence: Sentence) => {
    const children = sentence.children
    let shouting: boolean | undefined
    let dateline: number | undefined
    for (let childIndex = 0; childIndex < children.length; childIndex++) {
      const child = children[childIndex]
      if (child.type !== 'WordNode') continue
      const index = counter++
      const leaves = child.children
      const head = (leaves[0] as {value?: string} | undefined)?.value ?? ''
      // Quick reject: an acronym starts with two capitals, or a capital and a period.
      if (!upper(head.charCodeAt(0))) continue
      if (head.length > 1 ? !upper(head.charCodeAt(1)) : (leaves[1] as {value?: string} | undefined)?.value !== '.') continue
      shouting ??= isShouting(sentence)
      if (shouting) break
      const text = wordText(child)
      const found = /^((?:\p{Lu}\.){2,}|\p{Lu}[\p{Lu}\d&-]*\p{Lu}|\p{Lu}{2,})((?:'s|s|'|s')?)$/u.exec(text)
      if (!found || roman.test(found[1])) continue
      dateline ??= datelineEnd(sentence)
      const key = found[1]
      const list = uses.get(key) || []
      const after = adjacentWord(sentence, childIndex, 1)
      const before = adjacentWord(sentence, childIndex, -1)
      const following = neighbor(children, childIndex, 1)
      list.push({
        node: child,
        text,
        key,
        rest: found[2],
        index,
        sentence,
        childIndex,
        setOff: setOffAround(sentence, childIndex),
        inName: inName(sentence, childIndex),
        startsName: startsName(sentence, childIndex),
        next: after ? wordText(after.word) : undefined,
        previous: before ? wordText(before.word) : undefined,
        after: following ? textOf(children[following.index]) : undefined,
        ignored: childIndex < dateline || inTicker(sentence, childIndex)
      })
      uses.set(key, list)
    }
  })
  // What needs spelled-out forms: second-reference acronyms, and unlisted ones
  // (spelled out later, or never).
  const needed = new Set<string>()
  const expansionsNeeded = new Set<string>()
  for (const [key, list] of uses) {
    const first = firstUse(list)
    if (!first || first.setOff) continue
    for (const file of files) {
      const listed = file.data.acronyms.get(key) || file.data.acronyms.get(withPeriods(key))
      if (listed) {
        if (listed.first === 'second') {
          needed.add(bare(key))
          expansionsNeeded.add(listed.acronym)
        }
      } else if (file.data.accepted.has(bare(key))) {
        continue
      } else if (file.data.spelledOutLater && bare(key).length >= 3 && !first.startsName) {
        needed.add(bare(key))
      } else if (file.data.unexplained && unexplainedCandidate(first, file.data.unexplained.except, list)) {
        needed.add(bare(key))
      }
    }
  }
  if (needed.size === 0) return {uses, introduced, initials, nearby, glossed}
  // Introduced where it stands: "liquefied natural gas, or LNG".
  for (const [key, list] of uses) {
    if (!needed.has(bare(key))) continue
    for (const use of list) {
      if (!nearby.has(bare(key)) && introducedAt(use.sentence, use.childIndex, bare(key))) nearby.set(bare(key), use.index)
      if (glossedAt(use.sentence, use.childIndex)) glossed.add(bare(key))
    }
  }
  // Pass 2, only for what is needed: spelled-out forms (a run of capitalized
  // words with the acronym's initials) and listed expansions.
  const byLetter = new Map<string, string[]>()
  for (const key of needed) {
    const list = byLetter.get(key.charAt(0)) || []
    list.push(key)
    byLetter.set(key.charAt(0), list)
  }
  const expansionFirst = new Map<string, Array<{words: string[]; acronym: string}>>()
  for (const file of files) {
    for (const [first, candidates] of file.data.expansions) {
      const wanted = candidates.filter((candidate) => expansionsNeeded.has(candidate.acronym))
      if (wanted.length > 0) expansionFirst.set(first, [...(expansionFirst.get(first) || []), ...wanted])
    }
  }
  counter = 0
  eachSentence(tree, (sentence: Sentence) => {
    const children = sentence.children
    for (let childIndex = 0; childIndex < children.length; childIndex++) {
      const child = children[childIndex]
      if (child.type !== 'WordNode') continue
      const index = counter++
      const head = (child.children[0] as {value?: string} | undefined)?.value ?? ''
      if (expansionFirst.size > 0) {
        const candidates = expansionFirst.get(wordText(child).toLowerCase())
        for (const candidate of candidates || []) {
          if (introduced.has(candidate.acronym)) continue
          const end = matchWords(sentence, childIndex, candidate.words)
          if (end === undefined) continue
          introduced.set(candidate.acronym, {index, position: span(child, children[end]), text: candidate.words.join(' ').replace(/ ,/g, ',')})
        }
      }
      const keys = byLetter.get(head.charAt(0))
      if (!keys) continue
      for (const key of keys) {
        if (initials.has(key)) continue
        const end = spelledOut(sentence, childIndex, key)
        if (end === undefined) continue
        const words = children.slice(childIndex, end + 1).filter((node): node is Word => node.type === 'WordNode')
        initials.set(key, {index, position: span(child, children[end]), text: words.map((word) => wordText(word)).join(' ')})
      }
    }
  })
  return {uses, introduced, initials, nearby, glossed}
}
