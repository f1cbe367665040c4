/**
 * Verdicts on words of one to three ASCII letters (`the`, `of`, `He`), kept
 * in an array instead of a Map: such words are nearly half of running news
 * text, and looking a fresh string up in a Map of the story vocabulary
 * (hashing it, probing a large table) cost more than the verdict itself.
 */
export class ShortWords {
  private readonly verdicts = new Uint8Array(53 * 53 * 53)

  /** The verdict on `word`, or `undefined` when none is kept (not asked yet, or not a word this holds). */
  get(word: string): boolean | undefined {
    const slot = slotOf(word)
    if (slot === -1) return undefined
    const verdict = this.verdicts[slot]
    return verdict === 0 ? undefined : verdict === 1
  }

  /** Keep the verdict on `word` (nothing for a word this does not hold). */
  set(word: string, value: boolean): void {
    const slot = slotOf(word)
    if (slot !== -1) this.verdicts[slot] = value ? 1 : 2
  }
}

/**
 * Where a word of one to three ASCII letters is kept: its letters as digits
 * 1–52 (`a`–`z`, `A`–`Z`) in base 53, so no two words share a slot; -1 for
 * any other word.
 */
export function slotOf(word: string): number {
  const length = word.length
  if (length === 0 || length > 3) return -1
  let slot = 0
  for (let index = 0; index < length; index++) {
    const code = word.charCodeAt(index)
    let digit: number
    if (code >= 97 && code <= 122) digit = code - 96
    else if (code >= 65 && code <= 90) digit = code - 38
    else return -1
    slot = slot * 53 + digit
  }
  return slot
}
