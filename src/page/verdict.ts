/**
 * The verdict line, always in view: the word (Block, Hold, Warn, Pass) and
 * what makes it so ("Block: 1 TK to replace · 6 warnings to review").
 * `verdictLine` is pure; `renderVerdict` draws it.
 */
import type {FindingData, Severity, Verdict} from './types.js'
import {checkName} from './list.js'

export type PageVerdict = Verdict | 'not-checked' | 'checking'

/** What the verdict line reads from the page's state. */
export interface VerdictInput {
  verdict: PageVerdict
  counts: Record<Severity, number> | null
  /** The findings still counted (not dismissed). */
  findings: ReadonlyArray<FindingData>
  complete: boolean
  reason: string
  /** Findings dismissed for this story (still reported to the CMS). */
  dismissed: number
}

const words: Record<PageVerdict, string> = {block: 'Block', hold: 'Hold: incomplete', warn: 'Warn', pass: 'Pass', 'not-checked': 'Not checked', checking: 'Checking…'}
const icons: Record<PageVerdict, string> = {block: '✖', hold: '⏸', warn: '!', pass: '✔', 'not-checked': '?', checking: '…'}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** What blocks: the error findings by their words ("1 TK", "2 [[notes]]"), or by check when the words are long. */
export function blockers(findings: ReadonlyArray<FindingData>): string {
  const counts = new Map<string, number>()
  for (const finding of findings) {
    if (finding.severity !== 'error') continue
    const words = finding.actual && finding.actual.length <= 24 ? finding.actual : checkName(finding.ruleId).toLowerCase()
    counts.set(words, (counts.get(words) ?? 0) + 1)
  }
  return [...counts.entries()].map(([words, count]) => `${count} ${words}`).join(', ')
}

/** The verdict's icon, word and detail. */
export function verdictLine(input: VerdictInput): {icon: string; word: string; detail: string} {
  const {verdict, counts} = input
  let detail = ''
  if (verdict === 'hold') detail = input.reason || 'Not every check ran; do not publish yet.'
  else if (counts && verdict !== 'not-checked' && verdict !== 'checking') {
    const parts: string[] = []
    if (counts.error > 0) {
      const named = blockers(input.findings)
      parts.push(`${named || plural(counts.error, 'error')} to replace`)
    }
    if (counts.warning > 0) parts.push(`${plural(counts.warning, 'warning')} to review`)
    if (counts.suggestion > 0) parts.push(plural(counts.suggestion, 'suggestion'))
    if (parts.length === 0) parts.push('no findings')
    if (input.dismissed > 0) parts.push(`${input.dismissed} dismissed`)
    detail = parts.join(' · ')
    // A block from a story not checked to the end: say so, the rest may hold more.
    if (!input.complete) detail += ` · incomplete: ${input.reason}`
  }
  return {icon: icons[verdict], word: words[verdict], detail}
}

/** Draw the verdict into its box (`.verdict-icon`, `.verdict-word`, `.verdict-detail`). */
export function renderVerdict(box: HTMLElement, input: VerdictInput): void {
  const line = verdictLine(input)
  box.className = `verdict verdict-${input.verdict}`
  ;(box.querySelector('.verdict-icon') as HTMLElement).textContent = line.icon
  ;(box.querySelector('.verdict-word') as HTMLElement).textContent = line.detail ? `${line.word}:` : line.word
  ;(box.querySelector('.verdict-detail') as HTMLElement).textContent = line.detail
}
