/**
 * Message building for the `acronym` kind: from the story's scan, what to
 * report for each rules file (an acronym before its expansion, a
 * parenthetical acronym, one spelled out only later).
 */
import type {CompiledRuleFile} from '../../kind.js'
import {Story, emit} from '../../runtime.js'
import {isSentenceStart} from '../../../nlcst/words.js'
import {bare, withPeriods, type AcronymData} from './entries.js'
import {nodeText} from './nodes.js'
import {firstUse, unexplainedCandidate, type Use} from './uses.js'
import type {Scan, Spelled} from './scan.js'

export function judge(story: Story, file: CompiledRuleFile<AcronymData>, scan: Scan): void {
  const data = file.data
  for (const [key, list] of scan.uses) {
    const listed = data.acronyms.get(key) || data.acronyms.get(withPeriods(key))
    // Set off in parentheses or dashes: every time.
    if (data.parenthetical && !data.parenthetical.except.has(key)) {
      for (const use of list) {
        if (!use.setOff || use.ignored) continue
        const from = use.setOff.start.position?.start.offset
        const to = use.setOff.end.position?.end.offset
        const actual =
          from !== undefined && to !== undefined
            ? String(story.file.value).slice(from, to)
            : nodeText(use.setOff.start) + use.text + nodeText(use.setOff.end)
        emit(
          story,
          file,
          data.level,
          data.parenthetical.policy,
          {start: use.setOff.start, end: use.setOff.end},
          {
            actual,
            expected: [],
            values: {
              why: `AP does not put an acronym in parentheses or dashes after a name; use the full name, then a generic word (the group, the agency), or introduce it in words (“known as ${key}”)`
            }
          },
          use.node
        )
      }
    }
    const first = firstUse(list)
    if (!first || first.setOff) continue
    const spelledBefore = (spelled: Spelled | undefined) => spelled !== undefined && spelled.index < first.index
    const nearby = scan.nearby.get(bare(key))
    if (listed) {
      if (listed.first !== 'second') continue
      const introduced = scan.introduced.get(listed.acronym)
      const byInitials = scan.initials.get(bare(key))
      if (spelledBefore(introduced) || spelledBefore(byInitials) || (nearby !== undefined && nearby <= first.index)) continue
      const later = [introduced, byInitials].filter((item): item is Spelled => item !== undefined).sort((a, b) => a.index - b.index)[0]
      const expansion = listed.expansions[0] || later?.text
      emit(
        story,
        file,
        data.level,
        listed.policy,
        first.node,
        {
          actual: first.text,
          expected: expansion ? [atStart(first, expansion) + first.rest] : [],
          values: {
            why: `spell it out${expansion ? ` (${expansion})` : ''} on first reference; AP uses ${key} only after that`
          },
          cause: later ? {reason: 'spelled out here', place: later.position} : undefined
        },
        first.node
      )
      continue
    }
    // Two letters are too often something else ("SA" after a company's name).
    if (bare(key).length < 3 || data.accepted.has(bare(key))) continue
    if (nearby !== undefined && nearby <= first.index) continue
    const spelled = scan.initials.get(bare(key))
    // "ING Barings": an acronym that starts a name is the name.
    if (data.spelledOutLater && !first.startsName && spelled && spelled.index > first.index) {
      emit(
        story,
        file,
        data.level,
        data.spelledOutLater.policy,
        first.node,
        {
          actual: first.text,
          expected: [spelled.text + first.rest],
          values: {why: `it is spelled out only later (${spelled.text}); spell it out on first reference`},
          cause: {reason: 'spelled out here', place: spelled.position}
        },
        first.node
      )
      continue
    }
    if (!data.unexplained || spelled || nearby !== undefined || scan.glossed.has(bare(key))) continue
    if (!unexplainedCandidate(first, data.unexplained.except, list)) continue
    emit(
      story,
      file,
      data.level,
      data.unexplained.policy,
      first.node,
      {
        actual: first.text,
        expected: [],
        values: {
          why: `the story never says what ${key} stands for; spell out the name on first reference (AP uses an acronym readers may not know only after that), or use a generic word such as the agency or the group`
        }
      },
      first.node
    )
  }
}

/** "IPO plans were shelved." → "Initial public offering": a lowercase expansion starting a sentence takes a capital; names keep their own. */
function atStart(use: Use, expansion: string): string {
  return isSentenceStart(use.sentence, use.childIndex) ? expansion.charAt(0).toUpperCase() + expansion.slice(1) : expansion
}
