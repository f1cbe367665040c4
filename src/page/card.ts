/**
 * The card at the word: opened when a click or the caret lands on a
 * highlight (or a finding is picked in the list or with F8), next to the
 * flagged words. It says what is wrong in plain words and offers the fixes
 * as buttons, "Dismiss for this story", "Add to desk dictionary" for a
 * spelling finding, and "About this rule" (the message's `url`).
 *
 * It sits right after the story in the document, so Tab from the story
 * reaches its buttons; Esc in it goes back to the words. It is a labelled,
 * non-modal dialog.
 */
import {checkName, plainReason, severityLabel} from './list.js'
import type {Finding} from './types.js'

/** What the card's buttons do. */
export interface CardActions {
  accept(id: number, value: string): void
  dismiss(id: number): void
  addWord(id: number): void
  close(backToWords: boolean): void
}

/** Draw the card for `finding` next to `anchor` (a rectangle in the viewport), inside `card` (positioned in `frame`). */
export function openCard(card: HTMLElement, frame: HTMLElement, finding: Finding, anchor: DOMRect | null, actions: CardActions, dictionary: boolean): void {
  const title = document.createElement('h3')
  title.id = 'card-title'
  title.textContent = `${severityLabel[finding.severity]} · ${checkName(finding.ruleId)}`
  const reason = document.createElement('p')
  reason.className = 'reason'
  reason.textContent = plainReason(finding.reason)
  const parts: HTMLElement[] = [title, reason]
  if (finding.note) {
    const note = document.createElement('p')
    note.className = 'muted'
    note.textContent = plainReason(finding.note)
    parts.push(note)
  }
  const actionsBox = document.createElement('div')
  actionsBox.className = 'actions'
  const words = finding.actual ?? ''
  for (const value of (finding.expected ?? []).slice(0, 3)) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'accept'
    button.textContent = value === '' ? 'Delete' : value
    button.setAttribute('aria-label', value === '' ? `Delete “${words}”` : `Replace “${words}” with “${value}”`)
    button.addEventListener('click', () => actions.accept(finding.id, value))
    actionsBox.append(button)
  }
  if (finding.severity !== 'error') {
    const dismiss = document.createElement('button')
    dismiss.type = 'button'
    dismiss.className = 'dismiss'
    dismiss.textContent = 'Dismiss'
    dismiss.setAttribute('aria-label', `Dismiss “${words}” for this story`)
    dismiss.addEventListener('click', () => actions.dismiss(finding.id))
    actionsBox.append(dismiss)
  } else {
    const must = document.createElement('p')
    must.className = 'muted'
    must.textContent = 'This must be fixed before publishing; it cannot be dismissed.'
    parts.push(must)
  }
  if (dictionary && finding.ruleId === 'spelling' && words) {
    const add = document.createElement('button')
    add.type = 'button'
    add.className = 'add-word'
    add.textContent = 'Add to desk dictionary'
    add.setAttribute('aria-label', `Add to desk dictionary: “${words}”`)
    add.addEventListener('click', () => actions.addWord(finding.id))
    actionsBox.append(add)
  }
  parts.push(actionsBox)
  const foot = document.createElement('div')
  foot.className = 'card-foot'
  if (finding.url) {
    const link = document.createElement('a')
    link.href = finding.url
    link.target = '_blank'
    link.rel = 'noopener'
    link.textContent = 'About this rule'
    link.setAttribute('aria-label', `About this rule: ${checkName(finding.ruleId).toLowerCase()} (opens in a new tab)`)
    foot.append(link)
  }
  const close = document.createElement('button')
  close.type = 'button'
  close.className = 'close'
  close.textContent = 'Close'
  close.setAttribute('aria-label', 'Close this finding (Esc)')
  close.addEventListener('click', () => actions.close(true))
  foot.append(close)
  parts.push(foot)
  card.replaceChildren(...parts)
  card.dataset.id = String(finding.id)
  card.hidden = false
  place(card, frame, anchor)
}

/** Put the card under the words (above them when there is no room below), inside the frame. */
function place(card: HTMLElement, frame: HTMLElement, anchor: DOMRect | null): void {
  const box = frame.getBoundingClientRect()
  const width = Math.min(card.offsetWidth || 320, box.width)
  if (!anchor) {
    card.style.left = '0px'
    card.style.top = '0px'
    return
  }
  let left = anchor.left - box.left
  if (left + width > box.width) left = Math.max(0, box.width - width)
  let top = anchor.bottom - box.top + 6
  const height = card.offsetHeight
  if (anchor.bottom + height + 6 > window.innerHeight && anchor.top - box.top - height - 6 > 0) top = anchor.top - box.top - height - 6
  card.style.left = `${Math.max(0, left)}px`
  card.style.top = `${Math.max(0, top)}px`
}

export function closeCard(card: HTMLElement): void {
  card.hidden = true
  delete card.dataset.id
  card.replaceChildren()
}

/** The finding the card shows, or null. */
export function cardFinding(card: HTMLElement): number | null {
  return card.hidden || !card.dataset.id ? null : Number(card.dataset.id)
}
