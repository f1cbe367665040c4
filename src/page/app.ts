/**
 * The copy-desk page: wires the parts together. The story is a formatted
 * editor (editor.ts) checked as HTML; findings are highlighted in place,
 * listed in story order (list.ts), opened in a card at the word (card.ts),
 * summed up in the verdict line (verdict.ts); keys in keys.ts; state, storage
 * and the server client in state.ts; rich text in and out in rich.ts.
 * Plain DOM, no framework. Talks only to the server that served it.
 */
import {closeCard, cardFinding, openCard} from './card.js'
import {contextOf, drawHighlights, findingAt, insertHtml, isEmpty, isLive, offsetOf, plainText, rangeFor, replaceRange, selectRange, serialize, setStory, type Serialized} from './editor.js'
import {bindKeys} from './keys.js'
import {renderList, rows, storyOrder} from './list.js'
import {markdownToHtml, sanitizeHtml, textToHtml} from './rich.js'
import {addWord, createState, decisionFor, requestCheck, restore, save, toFinding, type CheckRequest} from './state.js'
import type {CheckAnswer, Finding} from './types.js'
import {renderVerdict} from './verdict.js'

// A single suggestion from these checks may still be wrong (a name, a rare word): never "safe".
const unsafeChecks = new Set(['spelling', 'name-consistency'])
const debounceMs = 700

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const editor = $<HTMLDivElement>('story')
const frame = $<HTMLElement>('editor-pane')
const card = $<HTMLElement>('card')
const headlineInput = $<HTMLInputElement>('headline')
const dialectSelect = $<HTMLSelectElement>('dialect')
const nameInput = $<HTMLInputElement>('editor-name')
const orderSelect = $<HTMLSelectElement>('order')
const fileInput = $<HTMLInputElement>('file')
const verdictBox = $<HTMLDivElement>('verdict')
const errorBox = $<HTMLDivElement>('error')
const groupsBox = $<HTMLDivElement>('groups')
const totalBox = $<HTMLSpanElement>('total')
const statusBox = $<HTMLParagraphElement>('status')
const undoButton = $<HTMLButtonElement>('undo')
const side = $<HTMLElement>('side')
const listToggle = $<HTMLButtonElement>('list-toggle')

const state = createState()
let timer: ReturnType<typeof setTimeout> | undefined
let frameRequest = 0
let copying = false
// The finding whose card Esc closed: the caret on its words does not open it again until it leaves them.
let quiet: number | null = null

document.execCommand('defaultParagraphSeparator', false, 'p')

// ---------------------------------------------------------------- what is shown

/** Findings still counted and still on their words: headline first, then story order. */
function visible(): Finding[] {
  const headline = headlineInput.value
  return storyOrder(
    state.findings.filter((finding) => {
      if (state.dismissedIds.has(finding.id)) return false
      if (finding.field === 'headline') return finding.actual === null || headline.slice(finding.start, finding.end) === finding.actual
      // A finding the page cannot place on words (its offsets fall between tags) is still listed.
      return finding.range === null || isLive(finding)
    })
  ) as Finding[]
}

function findingById(id: number | null): Finding | undefined {
  return id === null ? undefined : state.findings.find((finding) => finding.id === id)
}

function scheduleRender(): void {
  if (frameRequest) return
  frameRequest = requestAnimationFrame(() => {
    frameRequest = 0
    render()
  })
}

function render(): void {
  const shown = visible()
  if (state.selected !== null && !shown.some((finding) => finding.id === state.selected)) state.selected = null
  drawHighlights(shown, state.selected)
  renderList(groupsBox, rows(shown, state.order), {selected: state.selected, expanded: state.expanded, actions: {select: (id) => select(id, true), dismissAll}})
  const dismissed = state.dismissedCount + state.dismissedIds.size
  totalBox.textContent = `(${shown.length}${dismissed > 0 ? `, ${dismissed} dismissed` : ''})`
  listToggle.textContent = `Findings (${shown.length})`
  renderVerdict(verdictBox, {verdict: state.verdict, counts: state.counts, findings: shown, complete: state.complete, reason: state.reason, dismissed})
  undoButton.disabled = state.undo.length === 0
  const open = cardFinding(card)
  if (open !== null && !shown.some((finding) => finding.id === open)) closeCard(card)
}

// ---------------------------------------------------------------- the card and selecting

function anchorOf(finding: Finding): DOMRect | null {
  if (finding.field === 'headline') return headlineInput.getBoundingClientRect()
  const rects = finding.range?.getClientRects()
  return rects && rects.length > 0 ? rects[rects.length - 1] : (finding.range?.getBoundingClientRect() ?? null)
}

function showCard(finding: Finding): void {
  openCard(card, frame, finding, anchorOf(finding), {accept, dismiss, addWord: addToDictionary, close: hideCard}, true)
  announce(`${finding.severity}: ${finding.actual ?? ''}. Tab to the card for fixes.`)
}

function hideCard(backToWords: boolean): void {
  const finding = findingById(cardFinding(card))
  quiet = finding?.id ?? null
  closeCard(card)
  if (backToWords && finding) focusWords(finding)
}

function focusWords(finding: Finding): void {
  if (finding.field === 'headline') {
    headlineInput.focus({preventScroll: true})
    headlineInput.setSelectionRange(finding.start, finding.end)
  } else if (finding.range) selectRange(editor, finding.range)
}

/** Make a finding current; with `focus`, select its words and open its card. */
function select(id: number | null, focus: boolean): void {
  state.selected = id
  render()
  const finding = findingById(id)
  if (!finding) {
    closeCard(card)
    return
  }
  if (focus) {
    if (side.classList.contains('open')) setDrawer(false)
    focusWords(finding)
  }
  showCard(finding)
}

/** The next (or previous) finding from the current one, or from the caret. */
function step(direction: 1 | -1): void {
  const shown = visible()
  if (shown.length === 0) return
  let index = shown.findIndex((finding) => finding.id === state.selected)
  if (index === -1) {
    const selection = window.getSelection()
    const inHeadline = document.activeElement === headlineInput
    const node = selection?.focusNode
    const inStory = !inHeadline && node && editor.contains(node)
    // Is the finding at or after the caret?
    const after = (finding: Finding): boolean => {
      if (inHeadline) return finding.field === 'body' || finding.start >= (headlineInput.selectionStart ?? 0)
      if (finding.field === 'headline') return false
      if (!inStory || !finding.range || !node) return true
      try {
        return finding.range.comparePoint(node, selection.focusOffset) <= 0
      } catch {
        return true
      }
    }
    if (direction === 1) index = shown.findIndex(after)
    else for (let at = shown.length - 1; at >= 0 && index === -1; at--) if (!after(shown[at])) index = at
    if (index === -1) index = direction === 1 ? 0 : shown.length - 1
  } else {
    index = (index + direction + shown.length) % shown.length
  }
  select(shown[index].id, true)
}

// ---------------------------------------------------------------- editing

function snapshot(): void {
  const current = serialize(editor)
  state.undo.push({
    html: current.html,
    headline: headlineInput.value,
    decisions: [...state.decisions],
    findings: state.findings.flatMap((finding) => {
      const {range, ...data} = finding
      if (finding.field === 'headline') return [data]
      if (!range || !isLive(finding)) return []
      const start = offsetOf(current, range.startContainer, range.startOffset)
      const end = offsetOf(current, range.endContainer, range.endOffset)
      return start < 0 || end < 0 ? [] : [{...data, start, end}]
    })
  })
  if (state.undo.length > 100) state.undo.shift()
}

function undo(): void {
  const last = state.undo.pop()
  if (!last) return
  setStory(editor, last.html)
  headlineInput.value = last.headline
  state.decisions = [...last.decisions]
  const current = serialize(editor)
  state.findings = last.findings.map((data) => ({...data, range: data.field === 'body' ? rangeFor(current, data.start, data.end) : null}))
  state.dismissedIds.clear()
  announce('Undone.')
  persist()
  render()
  scheduleCheck(0)
}

function accept(id: number, value?: string): void {
  const finding = findingById(id)
  if (!finding || !finding.expected || finding.expected.length === 0) return
  if (finding.field === 'body' && !finding.range) {
    announce('This finding has no place on the page to fix: fix it by hand.')
    return
  }
  const replacement = value ?? finding.expected[0]
  snapshot()
  const shown = visible()
  const index = shown.findIndex((item) => item.id === id)
  if (finding.field === 'headline') {
    const text = headlineInput.value
    headlineInput.value = text.slice(0, finding.start) + replacement + text.slice(finding.end)
  } else if (finding.range) replaceRange(editor, finding.range, replacement)
  state.findings = state.findings.filter((item) => item.id !== id)
  announce(`Replaced “${finding.actual ?? ''}” with “${replacement}”.`)
  const next = visible()[index] ?? null
  closeCard(card)
  if (next) select(next.id, true)
  else {
    state.selected = null
    render()
  }
  scheduleCheck()
}

function acceptAll(): void {
  const safe = visible()
    .filter((finding) => finding.expected?.length === 1 && !unsafeChecks.has(finding.ruleId) && finding.end > finding.start && (finding.field === 'headline' || finding.range !== null))
    .reverse()
  if (safe.length === 0) {
    announce('No safe fixes to accept.')
    return
  }
  snapshot()
  for (const finding of safe) {
    const value = (finding.expected as string[])[0]
    if (finding.field === 'headline') {
      const text = headlineInput.value
      headlineInput.value = text.slice(0, finding.start) + value + text.slice(finding.end)
    } else if (finding.range) replaceRange(editor, finding.range, value)
  }
  const done = new Set(safe.map((finding) => finding.id))
  state.findings = state.findings.filter((finding) => !done.has(finding.id))
  state.selected = null
  closeCard(card)
  announce(`Accepted ${safe.length} safe fix${safe.length === 1 ? '' : 'es'}.`)
  render()
  scheduleCheck()
}

/** The editor's name for decisions and the desk dictionary; asks for it when missing. */
function editorName(): string | null {
  const name = nameInput.value.trim()
  if (name) return name
  announce('Type your name first: the desk records who dismissed a finding or added a word.')
  nameInput.focus()
  return null
}

function dismissAll(ids: number[]): void {
  const by = editorName()
  if (!by) return
  const current = serialize(editor)
  const findings = ids.map((id) => findingById(id)).filter((finding): finding is Finding => finding !== undefined && finding.severity !== 'error')
  if (findings.length === 0) return
  snapshot()
  const index = visible().findIndex((finding) => finding.id === findings[0].id)
  for (const finding of findings) {
    const decision = decisionOf(finding, current, by)
    if (!decision) continue
    state.decisions.push(decision)
    state.dismissedIds.add(finding.id)
  }
  announce(findings.length === 1 ? `Dismissed “${findings[0].actual ?? ''}” for this story.` : `Dismissed ${findings.length} findings for this story.`)
  persist()
  closeCard(card)
  // One finding dismissed from its card: on to the next, as after a fix.
  const next = findings.length === 1 ? (visible()[index] ?? null) : null
  if (next) select(next.id, true)
  else {
    state.selected = null
    render()
  }
  scheduleCheck(0)
}

function dismiss(id: number): void {
  dismissAll([id])
}

function decisionOf(finding: Finding, current: Serialized, by: string) {
  if (finding.field === 'headline') return decisionFor(headlineInput.value, finding, finding.start, finding.end, by)
  if (!finding.range) return null
  const start = offsetOf(current, finding.range.startContainer, finding.range.startOffset)
  const end = offsetOf(current, finding.range.endContainer, finding.range.endOffset)
  return start < 0 || end < 0 ? null : decisionFor(current.html, finding, start, end, by)
}

async function addToDictionary(id: number): Promise<void> {
  const finding = findingById(id)
  const by = editorName()
  if (!finding?.actual || !by) return
  try {
    await addWord(finding.actual, by)
  } catch (error) {
    announce(`Could not add “${finding.actual}”: ${(error as Error).message}.`)
    return
  }
  // Gone from every place it was flagged; the next answer confirms.
  for (const item of state.findings) if (item.ruleId === 'spelling' && item.actual === finding.actual) state.dismissedIds.add(item.id)
  closeCard(card)
  announce(`Added “${finding.actual}” to the desk dictionary.`)
  render()
  scheduleCheck(0, true)
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

function scheduleCheck(delay = debounceMs, force = false): void {
  state.pending = true
  if (force) state.lastRequest = ''
  setBusy('pending')
  clearTimeout(timer)
  timer = setTimeout(() => void check(), delay)
}

function requestFor(story: Serialized): CheckRequest {
  const headline = headlineInput.value
  return {
    body: story.html,
    ...(headline.trim() ? {headline} : {}),
    format: 'html',
    dialect: dialectSelect.value,
    ...(state.decisions.length > 0 ? {decisions: state.decisions} : {})
  }
}

async function check(force = false): Promise<void> {
  clearTimeout(timer)
  state.pending = false
  const sent = serialize(editor)
  const request = requestFor(sent)
  const key = JSON.stringify(request)
  persist(sent.html)
  // The same story as last time (a key that changed nothing): no new request.
  if (!force && key === state.lastRequest && state.answered !== null) {
    // Typed and taken back: the last answer stands.
    state.verdict = state.answered
    render()
    if (state.controller === null) setBusy('idle')
    return
  }
  state.lastRequest = key
  state.controller?.abort()
  const controller = new AbortController()
  state.controller = controller
  const sequence = ++state.sequence
  state.verdict = 'checking'
  setBusy('checking')
  render()
  let answer: CheckAnswer
  try {
    answer = await requestCheck(request, controller.signal)
  } catch (error) {
    if (controller.signal.aborted || sequence !== state.sequence) return
    state.controller = null
    state.lastRequest = ''
    fail((error as Error).message)
    setBusy('idle')
    return
  }
  if (sequence !== state.sequence) return
  state.controller = null
  errorBox.hidden = true
  errorBox.textContent = ''
  apply(answer, sent)
  setBusy('idle')
}

/** Take an answer for the story as `sent`: findings placed on live ranges, with paragraph and context. */
function apply(answer: CheckAnswer, sent: Serialized): void {
  const selected = findingById(state.selected)
  const headline = headlineInput.value
  state.findings = answer.messages.map((message) => {
    const finding = toFinding(message, state.nextId++)
    if (finding.field === 'headline') {
      finding.before = headline.slice(0, finding.start)
      finding.after = headline.slice(finding.end)
      return finding
    }
    finding.range = rangeFor(sent, finding.start, finding.end)
    if (finding.range) Object.assign(finding, contextOf(editor, finding.range))
    if (finding.actual === null && finding.range) finding.actual = finding.range.toString()
    return finding
  })
  state.dismissedIds.clear()
  state.dismissedCount = answer.decisions?.dismissed.length ?? 0
  const refused = answer.decisions?.refused ?? []
  if (refused.length > 0) announce(`Not dismissed: ${refused[0].why}.`)
  const again = selected && state.findings.find((item) => item.ruleId === selected.ruleId && item.field === selected.field && item.start === selected.start && item.actual === selected.actual)
  state.selected = again ? again.id : null
  state.verdict = answer.complete === false && answer.verdict !== 'block' ? 'hold' : answer.verdict
  state.answered = state.verdict
  state.complete = answer.complete !== false
  state.reason = answer.reason ?? (answer.complete === false ? 'The check did not finish: not every check ran over the whole story.' : '')
  state.counts = answer.counts
  const open = cardFinding(card)
  render()
  // The card stays open on the same words.
  if (open !== null && again) showCard(again)
}

function fail(message: string): void {
  state.verdict = 'not-checked'
  state.answered = null
  state.counts = null
  errorBox.hidden = false
  errorBox.textContent = `Could not check the story: ${message}. Your text is safe in this browser; the page tries again when you edit, or press “Check now”.`
  render()
}

function persist(html = serialize(editor).html): void {
  save({html, headline: headlineInput.value, dialect: dialectSelect.value, editor: nameInput.value, order: state.order, decisions: state.decisions})
}

// ---------------------------------------------------------------- rich text in and out

function formatFor(name: string): 'markdown' | 'html' | 'text' {
  if (/\.(md|markdown)$/i.test(name)) return 'markdown'
  if (/\.html?$/i.test(name)) return 'html'
  return 'text'
}

/** An opened or dropped file becomes the story, formatted: its decisions start empty (a new story). */
async function open(file: File): Promise<void> {
  const text = await file.text()
  const format = formatFor(file.name)
  snapshot()
  setStory(editor, format === 'html' ? sanitizeHtml(text) : format === 'markdown' ? markdownToHtml(text) : textToHtml(text))
  state.decisions = []
  state.findings = []
  closeCard(card)
  announce(`Opened ${file.name}.`)
  render()
  scheduleCheck(0)
}

editor.addEventListener('paste', (event) => {
  const data = event.clipboardData
  if (!data) return
  event.preventDefault()
  const html = data.getData('text/html')
  const text = data.getData('text/plain')
  if (!html && !/\n/.test(text)) {
    document.execCommand('insertText', false, text)
    return
  }
  const clean = html ? sanitizeHtml(html) : textToHtml(text)
  if (isEmpty(editor) || coversStory()) {
    // A whole story pasted over the old one (or into an empty box): it becomes the story as it is.
    snapshot()
    setStory(editor, clean)
    const end = document.createRange()
    end.selectNodeContents(editor)
    end.collapse(false)
    window.getSelection()?.removeAllRanges()
    window.getSelection()?.addRange(end)
    editor.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}))
  } else insertHtml(clean)
})

/** Whether the selection holds the whole story (select all, then paste). */
function coversStory(): boolean {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0) return false
  const range = selection.getRangeAt(0)
  return range.toString().trim() === (editor.textContent ?? '').trim()
}

document.addEventListener('copy', (event) => {
  if (!copying || !event.clipboardData) return
  event.preventDefault()
  event.clipboardData.setData('text/html', serialize(editor).html)
  event.clipboardData.setData('text/plain', plainText(editor))
})

async function copyStory(): Promise<void> {
  copying = true
  let done = false
  try {
    done = document.execCommand('copy')
  } finally {
    copying = false
  }
  if (!done && typeof ClipboardItem !== 'undefined') {
    try {
      const html = new Blob([serialize(editor).html], {type: 'text/html'})
      const text = new Blob([plainText(editor)], {type: 'text/plain'})
      await navigator.clipboard.write([new ClipboardItem({'text/html': html, 'text/plain': text})])
      done = true
    } catch {
      done = false
    }
  }
  announce(done ? 'Copied the story, formatted and as plain text.' : 'Select the story and copy it with Ctrl+C.')
}

// ---------------------------------------------------------------- the list drawer (narrow screens)

function setDrawer(open: boolean): void {
  side.classList.toggle('open', open)
  listToggle.setAttribute('aria-expanded', String(open))
  if (open) (side.querySelector('button, select') as HTMLElement | null)?.focus()
}

// ---------------------------------------------------------------- wiring

async function configure(saved: string | undefined): Promise<void> {
  try {
    const response = await fetch('/page/config.json')
    if (!response.ok) return
    const config = (await response.json()) as {dialect: string; dialects: string[]}
    const names: Record<string, string> = {'en-US': 'English (US)', 'en-GB': 'English (GB)'}
    dialectSelect.replaceChildren(
      ...config.dialects.map((code) => {
        const option = document.createElement('option')
        option.value = code
        option.textContent = names[code] ?? code
        return option
      })
    )
    dialectSelect.value = saved && config.dialects.includes(saved) ? saved : config.dialect
  } catch {
    // Keep the built-in choices.
  }
}

editor.addEventListener('input', () => {
  if (state.verdict !== 'not-checked') state.verdict = 'checking'
  scheduleRender()
  scheduleCheck()
})
headlineInput.addEventListener('input', () => {
  scheduleRender()
  scheduleCheck()
})
document.addEventListener('selectionchange', () => {
  // The caret on a highlight opens its card there (focus stays in the story, so typing is safe).
  if (document.activeElement !== editor) return
  const selection = window.getSelection()
  const node = selection?.focusNode
  if (!selection || !node || !editor.contains(node)) return
  const hit = findingAt(visible(), selection.anchorNode ?? node, selection.anchorOffset, state.selected)
  if (hit && hit.id === quiet) return
  quiet = null
  if (hit) {
    if (hit.id !== state.selected || cardFinding(card) !== hit.id) {
      state.selected = hit.id
      render()
      showCard(hit)
    }
  } else if (state.selected !== null || cardFinding(card) !== null) {
    state.selected = null
    closeCard(card)
    render()
  }
})
card.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return
  event.preventDefault()
  event.stopPropagation()
  hideCard(true)
})
dialectSelect.addEventListener('change', () => scheduleCheck(0))
nameInput.addEventListener('change', () => persist())
orderSelect.addEventListener('change', () => {
  state.order = orderSelect.value === 'check' ? 'check' : 'story'
  persist()
  render()
})
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0]
  if (file) void open(file)
  fileInput.value = ''
})
frame.addEventListener('dragover', (event) => {
  event.preventDefault()
  frame.classList.add('dragging')
})
frame.addEventListener('dragleave', () => frame.classList.remove('dragging'))
frame.addEventListener('drop', (event) => {
  frame.classList.remove('dragging')
  const file = event.dataTransfer?.files?.[0]
  if (!file) return
  event.preventDefault()
  void open(file)
})
$('accept-all').addEventListener('click', acceptAll)
undoButton.addEventListener('click', undo)
$('recheck').addEventListener('click', () => void check(true))
$('copy').addEventListener('click', () => void copyStory())
listToggle.addEventListener('click', () => setDrawer(!side.classList.contains('open')))
$('toolbar').addEventListener('submit', (event) => event.preventDefault())
window.addEventListener('pagehide', () => persist())

bindKeys(document, {
  step,
  acceptFirst: () => {
    if (state.selected !== null) accept(state.selected)
  },
  dismiss: () => {
    if (state.selected !== null) dismiss(state.selected)
  },
  undo,
  escape: () => {
    if (side.classList.contains('open')) {
      setDrawer(false)
      listToggle.focus()
      return true
    }
    if (cardFinding(card) !== null || state.selected !== null) {
      quiet = cardFinding(card) ?? state.selected
      state.selected = null
      closeCard(card)
      render()
      return true
    }
    return false
  }
})

const saved = restore()
// Sanitized again: local storage is this page's, but nothing reaches the editor unsanitized.
setStory(editor, typeof saved?.html === 'string' ? sanitizeHtml(saved.html) : '')
if (saved?.headline) headlineInput.value = saved.headline
if (saved?.editor) nameInput.value = saved.editor
if (saved?.order === 'check') state.order = 'check'
orderSelect.value = state.order
state.decisions = saved?.decisions ?? []
const restored = !isEmpty(editor) || headlineInput.value.trim() !== ''
// A restored story is checked once the page knows its settings: pending until then, never idle.
setBusy(restored ? 'pending' : 'idle')
render()
void configure(saved?.dialect).then(() => {
  if (restored) void check(true)
})
