/**
 * The page's keys (docs/page.md): F8 / Alt+↓ next finding, Shift+F8 / Alt+↑
 * previous, Alt+Enter accept the first fix, Alt+D dismiss, Alt+Z undo, Esc
 * close the card (back to the words) or the list drawer.
 */

/** What the keys do. */
export interface KeyActions {
  step(direction: 1 | -1): void
  acceptFirst(): void
  dismiss(): void
  undo(): void
  escape(): boolean
}

/** The action a key press asks for, or null (pure: testable without a page). */
export function keyAction(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): 'next' | 'previous' | 'accept' | 'dismiss' | 'undo' | 'escape' | null {
  if (event.ctrlKey || event.metaKey) return null
  if (event.key === 'F8') return event.shiftKey ? 'previous' : 'next'
  if (event.key === 'Escape') return 'escape'
  if (!event.altKey) return null
  if (event.key === 'ArrowDown') return 'next'
  if (event.key === 'ArrowUp') return 'previous'
  if (event.key === 'Enter') return 'accept'
  if (event.code === 'KeyD' || event.code === 'KeyI') return 'dismiss'
  if (event.code === 'KeyZ') return 'undo'
  return null
}

/** Listen for the page's keys on `target`. */
export function bindKeys(target: Document, actions: KeyActions): void {
  target.addEventListener('keydown', (event) => {
    const action = keyAction(event)
    if (!action) return
    if (action === 'escape') {
      if (actions.escape()) event.preventDefault()
      return
    }
    event.preventDefault()
    if (action === 'next') actions.step(1)
    else if (action === 'previous') actions.step(-1)
    else if (action === 'accept') actions.acceptFirst()
    else if (action === 'dismiss') actions.dismiss()
    else actions.undo()
  })
}
