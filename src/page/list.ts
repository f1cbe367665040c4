/**
 * The findings list an editor reads: in story order (or by check), each row
 * with its place (paragraph), a few words of context with the flagged words
 * marked, the reason in plain words and the fix. Identical findings (same
 * check, words, reason and fix) fold into one row with a count, expandable.
 *
 * `rows` and `plainReason` are pure (no DOM); `renderList` draws them.
 */
import type {FindingData, Severity} from './types.js'

export type Order = 'story' | 'check'

/** One row of the list: the first finding and every identical one after it. */
export interface Row {
  key: string
  items: FindingData[]
}

/** A group of rows under a check's name (by-check order), or one unnamed group (story order). */
export interface Group {
  ruleId: string | null
  rows: Row[]
}

export const severityRank: Record<Severity, number> = {error: 0, warning: 1, suggestion: 2}
export const severityLabel: Record<Severity, string> = {error: 'Error', warning: 'Warning', suggestion: 'Suggestion'}
const severityIcon: Record<Severity, string> = {error: '✖', warning: '!', suggestion: 'i'}

/** A check's name for people: `repeated-word` → `Repeated word`. */
export function checkName(ruleId: string): string {
  return ruleId.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase())
}

/**
 * A message's reason without Markdown: code spans become quoted words
 * ("Use `U.S.`" → "Use “U.S.”"), emphasis and link syntax go.
 */
export function plainReason(reason: string): string {
  return reason
    .replace(/`+([^`]*)`+/g, '“$1”')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
}

/** What identical findings share (the headline's are never folded with the story's). */
function foldKey(finding: FindingData): string {
  return [finding.field, finding.ruleId, finding.severity, finding.actual ?? '', finding.reason, (finding.expected ?? []).join('\u0001')].join('\u0000')
}

/** Story order: the headline first, then by place. */
export function storyOrder(findings: ReadonlyArray<FindingData>): FindingData[] {
  return [...findings].sort((a, b) => (a.field === b.field ? a.start - b.start || a.end - b.end : a.field === 'headline' ? -1 : 1))
}

/**
 * The list's groups: in story order one group whose rows sit at their first
 * finding; by check, a group per check (errors' checks first), rows in
 * story order within. Identical findings fold into one row.
 */
export function rows(findings: ReadonlyArray<FindingData>, order: Order): Group[] {
  const fold = (items: FindingData[]): Row[] => {
    const byKey = new Map<string, Row>()
    const result: Row[] = []
    for (const finding of items) {
      const key = foldKey(finding)
      const row = byKey.get(key)
      if (row) row.items.push(finding)
      else {
        const fresh = {key, items: [finding]}
        byKey.set(key, fresh)
        result.push(fresh)
      }
    }
    return result
  }
  const ordered = storyOrder(findings)
  if (order === 'story') return [{ruleId: null, rows: fold(ordered)}]
  const byCheck = new Map<string, FindingData[]>()
  for (const finding of ordered) {
    const list = byCheck.get(finding.ruleId) ?? []
    list.push(finding)
    byCheck.set(finding.ruleId, list)
  }
  const rank = (items: FindingData[]) => Math.min(...items.map((item) => severityRank[item.severity]))
  return [...byCheck.entries()]
    .sort(([a, left], [b, right]) => rank(left) - rank(right) || a.localeCompare(b))
    .map(([ruleId, items]) => ({ruleId, rows: fold(items)}))
}

/** Where a finding is, for people: `Headline`, `¶ 3`, or `Story` when it has no place on the page. */
export function place(finding: FindingData): string {
  return finding.field === 'headline' ? 'Headline' : finding.paragraph > 0 ? `¶ ${finding.paragraph}` : 'Story'
}

/** The fix in words: `→ U.S.`, `→ delete`, or nothing when there is none. */
export function fixText(finding: FindingData): string {
  const expected = finding.expected ?? []
  if (expected.length === 0) return ''
  return '→ ' + expected.slice(0, 3).map((value) => (value === '' ? 'delete' : value)).join(', ')
}

/** What the list does when a row is used. */
export interface ListActions {
  select(id: number): void
  dismissAll(ids: number[]): void
}

/** Draw the groups into `box`; `expanded` holds the keys of opened folded rows, `selected` the current finding. */
export function renderList(box: HTMLElement, groups: Group[], options: {selected: number | null; expanded: Set<string>; actions: ListActions}): void {
  const fragment = document.createDocumentFragment()
  for (const group of groups) {
    const section = document.createElement('section')
    section.className = 'group'
    if (group.ruleId !== null) {
      const heading = document.createElement('h3')
      heading.id = `group-${group.ruleId}`
      const count = group.rows.reduce((sum, row) => sum + row.items.length, 0)
      heading.append(`${checkName(group.ruleId)} `, countSpan(`(${count})`))
      section.setAttribute('aria-labelledby', heading.id)
      section.append(heading)
    }
    const list = document.createElement('ul')
    list.className = 'rows'
    for (const row of group.rows) list.append(renderRow(row, options))
    section.append(list)
    fragment.append(section)
  }
  box.replaceChildren(fragment)
}

function renderRow(row: Row, options: {selected: number | null; expanded: Set<string>; actions: ListActions}): HTMLLIElement {
  const first = row.items[0]
  const item = document.createElement('li')
  item.className = `row sev-row-${first.severity}`
  const button = findingButton(first, options.selected, options.actions)
  item.append(button)
  if (row.items.length > 1) {
    const open = options.expanded.has(row.key)
    const listId = `fold-${first.id}`
    const toggle = document.createElement('button')
    toggle.type = 'button'
    toggle.className = 'fold'
    toggle.setAttribute('aria-expanded', String(open))
    toggle.setAttribute('aria-controls', listId)
    toggle.textContent = `×${row.items.length}`
    toggle.setAttribute('aria-label', `×${row.items.length}: ${open ? 'hide' : 'show'} each of the ${row.items.length}`)
    toggle.addEventListener('click', () => {
      if (options.expanded.has(row.key)) options.expanded.delete(row.key)
      else options.expanded.add(row.key)
      const again = renderRow(row, options)
      item.replaceWith(again)
      ;(again.querySelector('.fold') as HTMLElement).focus()
    })
    item.append(toggle)
    if (open) {
      const each = document.createElement('ul')
      each.className = 'folded'
      each.id = listId
      for (const finding of row.items) {
        const sub = document.createElement('li')
        sub.append(findingButton(finding, options.selected, options.actions, true))
        each.append(sub)
      }
      if (first.severity !== 'error') {
        const dismiss = document.createElement('button')
        dismiss.type = 'button'
        dismiss.className = 'dismiss-all'
        dismiss.textContent = `Dismiss all ${row.items.length}`
        dismiss.addEventListener('click', () => options.actions.dismissAll(row.items.map((finding) => finding.id)))
        const sub = document.createElement('li')
        sub.append(dismiss)
        each.append(sub)
      }
      item.append(each)
    }
  }
  return item
}

/** A row's button: icon, place, context with the words marked, reason, fix. */
function findingButton(finding: FindingData, selected: number | null, actions: ListActions, short = false): HTMLButtonElement {
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'finding'
  button.dataset.id = String(finding.id)
  if (finding.id === selected) button.setAttribute('aria-current', 'true')
  const icon = document.createElement('span')
  icon.className = `sev sev-icon-${finding.severity}`
  icon.setAttribute('aria-hidden', 'true')
  icon.textContent = severityIcon[finding.severity]
  const hidden = document.createElement('span')
  hidden.className = 'visually-hidden'
  hidden.textContent = `${severityLabel[finding.severity]}, `
  const where = document.createElement('span')
  where.className = 'place'
  where.textContent = place(finding)
  const context = document.createElement('span')
  context.className = 'context'
  const words = document.createElement('b')
  words.textContent = finding.actual ?? ''
  context.append(finding.before, words, finding.after)
  const body = document.createElement('span')
  body.className = 'row-body'
  const top = document.createElement('span')
  top.className = 'row-top'
  top.append(where, ' ', context)
  body.append(top)
  if (!short) {
    const reason = document.createElement('span')
    reason.className = 'row-reason'
    reason.textContent = plainReason(finding.reason)
    body.append(reason)
    const fix = fixText(finding)
    if (fix) {
      const fixSpan = document.createElement('span')
      fixSpan.className = 'row-fix'
      fixSpan.textContent = fix
      body.append(fixSpan)
    }
  }
  button.append(icon, hidden, body)
  button.addEventListener('click', () => actions.select(finding.id))
  return button
}

function countSpan(text: string): HTMLSpanElement {
  const span = document.createElement('span')
  span.className = 'count'
  span.textContent = text
  return span
}
