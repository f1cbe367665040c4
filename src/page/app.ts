/**
 * The copy-desk page: a textarea with a mirrored overlay behind it that
 * highlights findings in place, a side list grouped by check, the verdict,
 * and one-click fixes. Plain DOM, no framework. Talks only to
 * `POST /page/check` on the server that served it.
 */

type Severity = 'error' | 'warning' | 'suggestion'
type Field = 'body' | 'headline'
type Verdict = 'block' | 'hold' | 'warn' | 'pass'

/** A message as the server sends it (src/result.ts). */
interface ServerMessage {
  ruleId: string | null
  severity: Severity
  reason: string
  actual: string | null
  expected: string[] | null
  url: string | null
  note: string | null
  offset: number | null
  endOffset: number | null
  field?: Field
}

interface CheckAnswer {
  verdict: Verdict
  counts: Record<Severity, number>
  messages: ServerMessage[]
  complete: boolean
  incomplete?: string[]
  reason?: string
}

/** A finding on the page: a server message with a span that follows the editor's edits. */
interface Finding {
  id: number
  field: Field
  start: number
  end: number
  ruleId: string
  severity: Severity
  reason: string
  actual: string | null
  expected: string[] | null
  url: string | null
  note: string | null
}

interface IgnoredSpan {
  field: Field
  ruleId: string
  start: number
  end: number
}

interface Snapshot {
  body: string
  headline: string
  findings: Finding[]
  ignoredSpans: IgnoredSpan[]
  ignoredChecks: string[]
}

const storageKey = 'copydesk.page.v1'
const severityRank: Record<Severity, number> = {error: 0, warning: 1, suggestion: 2}
const severityLabel: Record<Severity, string> = {error: 'Error', warning: 'Warning', suggestion: 'Suggestion'}
const severityIcon: Record<Severity, string> = {error: '✖', warning: '!', suggestion: 'i'}
// A single suggestion from these checks may still be wrong (a name, a rare word): never "safe".
const unsafeChecks = new Set(['spelling', 'name-consistency'])
const debounceMs = 700

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const story = $<HTMLTextAreaElement>('story')
const backdrop = $<HTMLDivElement>('backdrop')
const headlineInput = $<HTMLInputElement>('headline')
const dialectSelect = $<HTMLSelectElement>('dialect')
const formatSelect = $<HTMLSelectElement>('format')
const fileInput = $<HTMLInputElement>('file')
const editor = $<HTMLDivElement>('editor')
const verdictBox = $<HTMLDivElement>('verdict')
const errorBox = $<HTMLDivElement>('error')
const groupsBox = $<HTMLDivElement>('groups')
const detailBox = $<HTMLElement>('detail')
const totalBox = $<HTMLSpanElement>('total')
const statusBox = $<HTMLParagraphElement>('status')
const undoButton = $<HTMLButtonElement>('undo')

const state = {
  findings: [] as Finding[],
  ignoredSpans: [] as IgnoredSpan[],
  ignoredChecks: new Set<string>(),
  selected: null as number | null,
  verdict: 'not-checked' as Verdict | 'not-checked' | 'checking',
  complete: true,
  reason: '',
  counts: null as Record<Severity, number> | null,
  undo: [] as Snapshot[],
  nextId: 1,
  // The text as it was when the last answer's findings were made, per field.
  lastBody: '',
  lastHeadline: '',
  sequence: 0,
  controller: null as AbortController | null,
  timer: 0 as number | ReturnType<typeof setTimeout>,
  pending: false,
  frame: 0
}

// ---------------------------------------------------------------- spans

/** Where `before` and `after` differ: `[start, oldEnd, newEnd]`. */
function difference(before: string, after: string): [number, number, number] {
  const limit = Math.min(before.length, after.length)
  let start = 0
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let tail = 0
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++
  return [start, before.length - tail, after.length - tail]
}

/** Move spans in `field` past an edit; spans the edit touched are dropped (the next check decides). */
function shift<T extends {field: Field; start: number; end: number}>(items: T[], field: Field, change: [number, number, number]): T[] {
  const [start, oldEnd, newEnd] = change
  if (start === oldEnd && start === newEnd) return items
  const delta = newEnd - oldEnd
  const result: T[] = []
  for (const item of items) {
    if (item.field !== field || item.end <= start) result.push(item)
    else if (item.start >= oldEnd) result.push({...item, start: item.start + delta, end: item.end + delta})
  }
  return result
}

function follow(field: Field, before: string, after: string): void {
  if (before === after) return
  const change = difference(before, after)
  state.findings = shift(state.findings, field, change)
  state.ignoredSpans = shift(state.ignoredSpans, field, change)
  if (state.selected !== null && !state.findings.some((finding) => finding.id === state.selected)) state.selected = null
}

// ---------------------------------------------------------------- what is shown

function isIgnored(finding: Finding): boolean {
  if (state.ignoredChecks.has(finding.ruleId)) return true
  return state.ignoredSpans.some(
    (span) => span.field === finding.field && span.ruleId === finding.ruleId && span.start === finding.start && span.end === finding.end
  )
}

/** Findings not ignored, headline first, then in story order. */
function visible(): Finding[] {
  return state.findings
    .filter((finding) => !isIgnored(finding))
    .sort((a, b) => (a.field === b.field ? a.start - b.start || a.end - b.end : a.field === 'headline' ? -1 : 1))
}

function isSafe(finding: Finding): boolean {
  return finding.expected !== null && finding.expected.length === 1 && !unsafeChecks.has(finding.ruleId) && finding.end > finding.start
}

function scheduleRender(): void {
  if (state.frame) return
  state.frame = requestAnimationFrame(() => {
    state.frame = 0
    render()
  })
}

function render(): void {
  const shown = visible()
  renderOverlay(shown)
  renderList(shown)
  renderDetail(shown)
  renderVerdict(shown)
  undoButton.disabled = state.undo.length === 0
}

/** The mirror behind the textarea: the same text, transparent, with a `<mark>` per finding. */
function renderOverlay(shown: Finding[]): void {
  const text = story.value
  const fragment = document.createDocumentFragment()
  let at = 0
  for (const finding of shown) {
    if (finding.field !== 'body' || finding.start < at || finding.end <= finding.start || finding.end > text.length) continue
    fragment.append(text.slice(at, finding.start))
    const mark = document.createElement('mark')
    mark.className = `sev-${finding.severity}${finding.id === state.selected ? ' selected' : ''}`
    mark.dataset.id = String(finding.id)
    mark.textContent = text.slice(finding.start, finding.end)
    fragment.append(mark)
    at = finding.end
  }
  // A trailing line break needs a character after it to take up its line.
  fragment.append(text.slice(at) + '\u200b')
  backdrop.replaceChildren(fragment)
  backdrop.scrollTop = story.scrollTop
}

function checkName(ruleId: string): string {
  return ruleId.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase())
}

function icon(severity: Severity): HTMLElement {
  const element = document.createElement('span')
  element.className = `sev sev-icon-${severity}`
  element.setAttribute('aria-hidden', 'true')
  element.textContent = severityIcon[severity]
  return element
}

function hidden(text: string): HTMLElement {
  const element = document.createElement('span')
  element.className = 'visually-hidden'
  element.textContent = text
  return element
}

function summary(finding: Finding): string {
  const actual = finding.actual ?? (finding.field === 'headline' ? headlineInput.value : story.value).slice(finding.start, finding.end)
  if (finding.expected && finding.expected.length > 0) return `${actual} → ${finding.expected.slice(0, 3).join(', ')}`
  return actual || finding.reason
}

function renderList(shown: Finding[]): void {
  const groups = new Map<string, Finding[]>()
  for (const finding of shown) {
    const list = groups.get(finding.ruleId) ?? []
    list.push(finding)
    groups.set(finding.ruleId, list)
  }
  const ordered = [...groups.entries()].sort(
    ([a, left], [b, right]) =>
      Math.min(...left.map((item) => severityRank[item.severity])) - Math.min(...right.map((item) => severityRank[item.severity])) || a.localeCompare(b)
  )
  const fragment = document.createDocumentFragment()
  for (const [ruleId, items] of ordered) {
    const section = document.createElement('section')
    section.className = 'group'
    const headingId = `group-${ruleId}`
    section.setAttribute('aria-labelledby', headingId)
    const head = document.createElement('div')
    head.className = 'group-head'
    const heading = document.createElement('h3')
    heading.id = headingId
    heading.append(`${checkName(ruleId)} `)
    const count = document.createElement('span')
    count.className = 'count'
    count.textContent = `(${items.length})`
    heading.append(count)
    const ignore = document.createElement('button')
    ignore.type = 'button'
    ignore.textContent = 'Ignore check'
    ignore.setAttribute('aria-label', `Ignore check: ${checkName(ruleId).toLowerCase()}, for this story`)
    ignore.addEventListener('click', () => ignoreCheck(ruleId))
    head.append(heading, ignore)
    const list = document.createElement('ul')
    for (const finding of items) {
      const item = document.createElement('li')
      const button = document.createElement('button')
      button.type = 'button'
      button.className = 'finding'
      button.dataset.id = String(finding.id)
      if (finding.id === state.selected) button.setAttribute('aria-current', 'true')
      const text = document.createElement('span')
      text.textContent = (finding.field === 'headline' ? 'Headline: ' : '') + summary(finding)
      button.append(icon(finding.severity), hidden(severityLabel[finding.severity] + ': '), text)
      button.addEventListener('click', () => select(finding.id, true))
      item.append(button)
      list.append(item)
    }
    section.append(head, list)
    fragment.append(section)
  }
  groupsBox.replaceChildren(fragment)
  const ignored = state.findings.length - shown.length
  totalBox.textContent = `(${shown.length}${ignored > 0 ? `, ${ignored} ignored` : ''})`
}

function renderDetail(shown: Finding[]): void {
  const index = shown.findIndex((finding) => finding.id === state.selected)
  const finding = shown[index]
  if (!finding) {
    const paragraph = document.createElement('p')
    paragraph.className = 'muted'
    paragraph.textContent = shown.length > 0 ? 'Select a finding to read it (F8 for the next one).' : 'No findings to show.'
    detailBox.replaceChildren(paragraph)
    return
  }
  const heading = document.createElement('h3')
  heading.append(icon(finding.severity), `${severityLabel[finding.severity]} · ${checkName(finding.ruleId)}`)
  const position = document.createElement('span')
  position.className = 'count'
  position.textContent = ` ${index + 1} of ${shown.length}`
  heading.append(position)
  const reason = document.createElement('p')
  reason.className = 'reason'
  reason.textContent = finding.reason
  const parts: HTMLElement[] = [heading, reason]
  if (finding.note) {
    const note = document.createElement('p')
    note.className = 'muted'
    note.textContent = finding.note
    parts.push(note)
  }
  if (finding.url) {
    const link = document.createElement('a')
    link.href = finding.url
    link.target = '_blank'
    link.rel = 'noopener'
    link.textContent = `About ${checkName(finding.ruleId).toLowerCase()}`
    const paragraph = document.createElement('p')
    paragraph.append(link)
    parts.push(paragraph)
  }
  const actions = document.createElement('div')
  actions.className = 'actions'
  for (const value of (finding.expected ?? []).slice(0, 3)) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'accept'
    button.textContent = value === '' ? 'Delete' : `Use “${value}”`
    button.addEventListener('click', () => accept(finding.id, value))
    actions.append(button)
  }
  const ignore = document.createElement('button')
  ignore.type = 'button'
  ignore.className = 'ignore'
  ignore.textContent = 'Ignore'
  ignore.addEventListener('click', () => ignoreFinding(finding.id))
  actions.append(ignore)
  parts.push(actions)
  detailBox.replaceChildren(...parts)
}

function renderVerdict(shown: Finding[]): void {
  verdictBox.className = `verdict verdict-${state.verdict}`
  const word = verdictBox.querySelector('.verdict-word') as HTMLElement
  const detail = verdictBox.querySelector('.verdict-detail') as HTMLElement
  const iconBox = verdictBox.querySelector('.verdict-icon') as HTMLElement
  const words = {block: 'Block', hold: 'Hold: incomplete', warn: 'Warn', pass: 'Pass', 'not-checked': 'Not checked', checking: 'Checking…'}
  const icons = {block: '✖', hold: '⏸', warn: '!', pass: '✔', 'not-checked': '?', checking: '…'}
  word.textContent = words[state.verdict]
  iconBox.textContent = icons[state.verdict]
  let text = ''
  if (state.verdict === 'hold') text = state.reason || 'Not every check ran; do not publish yet.'
  else if (state.counts && state.verdict !== 'not-checked' && state.verdict !== 'checking') {
    const {error, warning, suggestion} = state.counts
    text = `${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${suggestion} suggestion${suggestion === 1 ? '' : 's'}`
    const ignored = state.findings.length - shown.length
    if (ignored > 0) text += ` (${ignored} ignored here)`
    // A block from a story not checked to the end: say so, the rest may hold more.
    if (!state.complete) text += ` · incomplete: ${state.reason}`
  }
  detail.textContent = text ? `— ${text}` : ''
}

// ---------------------------------------------------------------- selecting

function findingById(id: number): Finding | undefined {
  return state.findings.find((finding) => finding.id === id)
}

/** Make a finding current; with `focusSpan`, select its span in the text and scroll to it. */
function select(id: number | null, focusSpan: boolean): void {
  state.selected = id
  render()
  const finding = id === null ? undefined : findingById(id)
  if (!finding || !focusSpan) return
  const input = finding.field === 'headline' ? headlineInput : story
  input.focus({preventScroll: true})
  input.setSelectionRange(finding.start, finding.end)
  if (finding.field === 'body') {
    const mark = backdrop.querySelector(`mark[data-id="${finding.id}"]`) as HTMLElement | null
    if (mark) story.scrollTop = Math.max(0, mark.offsetTop - story.clientHeight / 3)
    backdrop.scrollTop = story.scrollTop
  }
}

function caretIn(field: Field): number {
  const input = field === 'headline' ? headlineInput : story
  return input.selectionStart ?? 0
}

/** The next (or previous) finding from the current one, or from the caret. */
function step(direction: 1 | -1): void {
  const shown = visible()
  if (shown.length === 0) return
  let index = shown.findIndex((finding) => finding.id === state.selected)
  if (index === -1) {
    const field: Field = document.activeElement === headlineInput ? 'headline' : 'body'
    const caret = caretIn(field)
    const order = (finding: Finding) => (finding.field === 'headline' ? -1e12 : 0) + finding.start
    const here = (field === 'headline' ? -1e12 : 0) + caret
    index = direction === 1 ? shown.findIndex((finding) => order(finding) >= here) : findLastIndex(shown, (finding) => order(finding) < here)
    if (index === -1) index = direction === 1 ? 0 : shown.length - 1
  } else {
    index = (index + direction + shown.length) % shown.length
  }
  select(shown[index].id, true)
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index--) if (test(items[index])) return index
  return -1
}

// ---------------------------------------------------------------- editing

function snapshot(): void {
  state.undo.push({
    body: story.value,
    headline: headlineInput.value,
    findings: [...state.findings],
    ignoredSpans: [...state.ignoredSpans],
    ignoredChecks: [...state.ignoredChecks]
  })
  if (state.undo.length > 100) state.undo.shift()
}

function undo(): void {
  const last = state.undo.pop()
  if (!last) return
  const changed = last.body !== story.value || last.headline !== headlineInput.value
  setValue(story, last.body)
  headlineInput.value = last.headline
  state.findings = [...last.findings]
  state.ignoredSpans = [...last.ignoredSpans]
  state.ignoredChecks = new Set(last.ignoredChecks)
  state.lastBody = story.value
  state.lastHeadline = headlineInput.value
  announce('Undone.')
  save()
  render()
  if (changed) scheduleCheck(0)
}

function setValue(input: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  const top = input.scrollTop
  input.value = value
  input.scrollTop = top
}

/** Replace one finding's span with `value`; only that span changes. */
function replace(finding: Finding, value: string): void {
  const input = finding.field === 'headline' ? headlineInput : story
  const before = input.value
  const after = before.slice(0, finding.start) + value + before.slice(finding.end)
  setValue(input, after)
  // Move the other findings by exactly this edit.
  const change: [number, number, number] = [finding.start, finding.end, finding.start + value.length]
  state.findings = shift(
    state.findings.filter((item) => item.id !== finding.id),
    finding.field,
    change
  )
  state.ignoredSpans = shift(state.ignoredSpans, finding.field, change)
  if (finding.field === 'body') state.lastBody = after
  else state.lastHeadline = after
}

function accept(id: number, value?: string): void {
  const finding = findingById(id)
  if (!finding || !finding.expected || finding.expected.length === 0) return
  snapshot()
  const shown = visible()
  const index = shown.findIndex((item) => item.id === id)
  replace(finding, value ?? finding.expected[0])
  const next = visible()[index] ?? null
  state.selected = next ? next.id : null
  announce(`Replaced “${finding.actual ?? ''}” with “${value ?? finding.expected[0]}”.`)
  save()
  render()
  if (next) select(next.id, true)
  else story.focus()
  scheduleCheck()
}

function acceptAll(): void {
  const safe = visible()
    .filter(isSafe)
    .sort((a, b) => b.start - a.start)
  if (safe.length === 0) {
    announce('No safe fixes to accept.')
    return
  }
  snapshot()
  let count = 0
  const taken: Record<Field, number> = {body: Infinity, headline: Infinity}
  for (const finding of safe) {
    // Right to left, so earlier spans stay where they are; skip overlaps.
    if (finding.end > taken[finding.field]) continue
    replace(finding, (finding.expected as string[])[0])
    taken[finding.field] = finding.start
    count++
  }
  state.selected = null
  announce(`Accepted ${count} safe fix${count === 1 ? '' : 'es'}.`)
  save()
  render()
  scheduleCheck()
}

function ignoreFinding(id: number): void {
  const finding = findingById(id)
  if (!finding) return
  snapshot()
  const shown = visible()
  const index = shown.findIndex((item) => item.id === id)
  state.ignoredSpans.push({field: finding.field, ruleId: finding.ruleId, start: finding.start, end: finding.end})
  const next = visible()[index] ?? null
  announce('Ignored this finding for this story.')
  save()
  if (next) select(next.id, true)
  else select(null, false)
}

function ignoreCheck(ruleId: string): void {
  snapshot()
  state.ignoredChecks.add(ruleId)
  if (state.selected !== null && findingById(state.selected)?.ruleId === ruleId) state.selected = null
  announce(`Ignored the ${checkName(ruleId).toLowerCase()} check for this story.`)
  save()
  render()
}

let announceTimer: ReturnType<typeof setTimeout> | undefined
function announce(text: string): void {
  statusBox.textContent = text
  clearTimeout(announceTimer)
  announceTimer = setTimeout(() => {
    statusBox.textContent = ''
  }, 6000)
}

// ---------------------------------------------------------------- checking

/** `data-state` on `<body>`: `pending`, `checking` or `idle`, for tests and styles. */
function setBusy(value: 'pending' | 'checking' | 'idle'): void {
  document.body.dataset.state = value === 'idle' && state.pending ? 'pending' : value
}

function scheduleCheck(delay = debounceMs): void {
  state.pending = true
  setBusy('pending')
  clearTimeout(state.timer)
  state.timer = setTimeout(() => void check(), delay)
}

async function check(): Promise<void> {
  clearTimeout(state.timer)
  state.pending = false
  state.controller?.abort()
  const controller = new AbortController()
  state.controller = controller
  const sequence = ++state.sequence
  const body = story.value
  const headline = headlineInput.value
  state.verdict = 'checking'
  setBusy('checking')
  renderVerdict(visible())
  let answer: CheckAnswer
  try {
    const response = await fetch('/page/check', {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({body, ...(headline.trim() ? {headline} : {}), format: formatSelect.value, dialect: dialectSelect.value}),
      signal: controller.signal
    })
    if (!response.ok) throw new Error(await failure(response))
    answer = (await response.json()) as CheckAnswer
    if (!answer || !Array.isArray(answer.messages) || typeof answer.verdict !== 'string') throw new Error('the server sent an answer the page cannot read')
  } catch (error) {
    if (controller.signal.aborted || sequence !== state.sequence) return
    fail((error as Error).message)
    setBusy('idle')
    return
  }
  if (sequence !== state.sequence) return
  errorBox.hidden = true
  errorBox.textContent = ''
  const findings: Finding[] = answer.messages.map((message) => ({
    id: state.nextId++,
    field: message.field === 'headline' ? 'headline' : 'body',
    start: message.offset ?? 0,
    end: message.endOffset ?? message.offset ?? 0,
    ruleId: message.ruleId ?? 'other',
    severity: message.severity,
    reason: message.reason,
    actual: message.actual,
    expected: message.expected,
    url: message.url,
    note: message.note
  }))
  const selected = state.selected === null ? undefined : findingById(state.selected)
  state.findings = findings
  // The editor may have typed while the server worked: move the spans along.
  follow('body', body, story.value)
  follow('headline', headline, headlineInput.value)
  state.lastBody = story.value
  state.lastHeadline = headlineInput.value
  // Keep the same finding current if it is still there.
  const again = selected ? state.findings.find((item) => item.ruleId === selected.ruleId && item.field === selected.field && item.start === selected.start && item.end === selected.end) : undefined
  state.selected = again ? again.id : null
  state.verdict = answer.complete === false && answer.verdict !== 'block' ? 'hold' : answer.verdict
  state.complete = answer.complete !== false
  state.reason = answer.reason ?? (answer.complete === false ? 'The check did not finish: not every check ran over the whole story.' : '')
  state.counts = answer.counts
  render()
  setBusy('idle')
}

async function failure(response: Response): Promise<string> {
  let detail = ''
  try {
    const text = await response.text()
    try {
      detail = (JSON.parse(text) as {message?: string}).message ?? ''
    } catch {
      detail = text.slice(0, 200)
    }
  } catch {
    // No body to read.
  }
  return `the server answered ${response.status}${detail ? `: ${detail}` : ''}`
}

function fail(message: string): void {
  state.verdict = 'not-checked'
  state.counts = null
  errorBox.hidden = false
  errorBox.textContent = `Could not check the story: ${message}. Your text is safe in this browser; the page tries again when you edit, or press “Check now”.`
  render()
}

// ---------------------------------------------------------------- storage

function save(): void {
  try {
    localStorage.setItem(
      storageKey,
      JSON.stringify({
        body: story.value,
        headline: headlineInput.value,
        dialect: dialectSelect.value,
        format: formatSelect.value,
        ignoredChecks: [...state.ignoredChecks],
        ignoredSpans: state.ignoredSpans
      })
    )
  } catch {
    // Storage full or off: the text stays in the page.
  }
}

function restore(): void {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as {
      body?: string
      headline?: string
      dialect?: string
      format?: string
      ignoredChecks?: string[]
      ignoredSpans?: IgnoredSpan[]
    } | null
    if (!saved) return
    if (typeof saved.body === 'string') story.value = saved.body
    if (typeof saved.headline === 'string') headlineInput.value = saved.headline
    if (saved.dialect) dialectSelect.value = saved.dialect
    if (saved.format) formatSelect.value = saved.format
    state.ignoredChecks = new Set(saved.ignoredChecks ?? [])
    state.ignoredSpans = Array.isArray(saved.ignoredSpans) ? saved.ignoredSpans : []
  } catch {
    // Unreadable storage: start empty.
  }
}

// ---------------------------------------------------------------- files

function formatFor(name: string): string {
  if (/\.(md|markdown)$/i.test(name)) return 'markdown'
  if (/\.html?$/i.test(name)) return 'html'
  return 'text'
}

async function open(file: File): Promise<void> {
  const text = await file.text()
  snapshot()
  story.value = text
  formatSelect.value = formatFor(file.name)
  follow('body', state.lastBody, text)
  state.lastBody = text
  announce(`Opened ${file.name}.`)
  save()
  render()
  scheduleCheck(0)
}

// ---------------------------------------------------------------- wiring

async function configure(): Promise<void> {
  try {
    const response = await fetch('/page/config.json')
    if (!response.ok) return
    const config = (await response.json()) as {dialect: string; dialects: string[]}
    const saved = dialectSelect.value
    const names: Record<string, string> = {'en-US': 'English (US)', 'en-GB': 'English (GB)'}
    dialectSelect.replaceChildren(
      ...config.dialects.map((code) => {
        const option = document.createElement('option')
        option.value = code
        option.textContent = names[code] ?? code
        return option
      })
    )
    dialectSelect.value = localStorage.getItem(storageKey) && config.dialects.includes(saved) ? saved : config.dialect
  } catch {
    // Keep the built-in choices.
  }
}

function onTextInput(field: Field): void {
  const input = field === 'headline' ? headlineInput : story
  const before = field === 'headline' ? state.lastHeadline : state.lastBody
  follow(field, before, input.value)
  if (field === 'body') state.lastBody = input.value
  else state.lastHeadline = input.value
  if (state.verdict !== 'not-checked') state.verdict = 'checking'
  save()
  scheduleRender()
  scheduleCheck()
}

story.addEventListener('input', () => onTextInput('body'))
headlineInput.addEventListener('input', () => onTextInput('headline'))
story.addEventListener('scroll', () => {
  backdrop.scrollTop = story.scrollTop
})
story.addEventListener('click', () => {
  // A click in a highlight makes it current (without selecting the text, so typing there is safe).
  if (story.selectionStart !== story.selectionEnd) return
  const caret = story.selectionStart
  const hit = visible().find((finding) => finding.field === 'body' && finding.start <= caret && caret <= finding.end)
  if (hit && hit.id !== state.selected) select(hit.id, false)
})
dialectSelect.addEventListener('change', () => {
  save()
  scheduleCheck(0)
})
formatSelect.addEventListener('change', () => {
  save()
  scheduleCheck(0)
})
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0]
  if (file) void open(file)
  fileInput.value = ''
})
editor.addEventListener('dragover', (event) => {
  event.preventDefault()
  editor.classList.add('dragging')
})
editor.addEventListener('dragleave', () => editor.classList.remove('dragging'))
editor.addEventListener('drop', (event) => {
  editor.classList.remove('dragging')
  const file = event.dataTransfer?.files?.[0]
  if (!file) return
  event.preventDefault()
  void open(file)
})
$('accept-all').addEventListener('click', acceptAll)
undoButton.addEventListener('click', undo)
$('recheck').addEventListener('click', () => void check())
$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(story.value)
    announce('Copied the story.')
  } catch {
    story.focus()
    story.select()
    announce(document.execCommand('copy') ? 'Copied the story.' : 'Select the text and copy it with Ctrl+C.')
  }
})
$('toolbar').addEventListener('submit', (event) => event.preventDefault())
window.addEventListener('pagehide', save)

document.addEventListener('keydown', (event) => {
  const next = event.key === 'F8' ? (event.shiftKey ? -1 : 1) : event.altKey && event.key === 'ArrowDown' ? 1 : event.altKey && event.key === 'ArrowUp' ? -1 : 0
  if (next) {
    event.preventDefault()
    step(next as 1 | -1)
    return
  }
  if (event.key === 'Escape' && state.selected !== null) {
    // Let go of the current finding; F8 then starts from the caret.
    select(null, false)
    return
  }
  if (!event.altKey) return
  if (event.key === 'Enter' && state.selected !== null) {
    event.preventDefault()
    accept(state.selected)
  } else if (event.code === 'KeyI' && state.selected !== null) {
    event.preventDefault()
    const finding = findingById(state.selected)
    if (event.shiftKey && finding) ignoreCheck(finding.ruleId)
    else ignoreFinding(state.selected)
  } else if (event.code === 'KeyZ') {
    event.preventDefault()
    undo()
  }
})

restore()
state.lastBody = story.value
state.lastHeadline = headlineInput.value
const restored = Boolean(story.value.trim() || headlineInput.value.trim())
// A restored story is checked once the page knows its settings: pending until then, never idle.
setBusy(restored ? 'pending' : 'idle')
render()
void configure().then(() => {
  if (restored) void check()
})
