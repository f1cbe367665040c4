/**
 * Extra words the speller accepts: the house dictionary (`rules/dictionary.txt`)
 * and `options.dictionary`. Kept beside the shared nspell instance rather than
 * added to it, so that one checker's words never leak into another's.
 */

/** A set of extra words, with hunspell's case rules. */
export interface Personal {
  /**
   * Whether `word` is one of the extra words, or a form hunspell would accept
   * for one: `Qaida` also accepts `QAIDA` and `Qaida's`; a lower-case
   * `livestream` also accepts `Livestream` and `LIVESTREAM`.
   */
  has(word: string): boolean
}

/** Make a {@link Personal} set from a list of words (`#` comments and blanks are not expected here). */
export function personalWords(words: ReadonlyArray<string>): Personal {
  const exact = new Set<string>()
  for (const word of words) {
    const value = word.trim().replace(/’/g, "'")
    if (value) exact.add(value)
  }
  return {
    has(word) {
      const value = word.replace(/’/g, "'")
      if (exact.size === 0) return false
      if (accepts(value)) return true
      // "Qaida's": the possessive of an extra word.
      return /'s$/i.test(value) && accepts(value.slice(0, -2))
    }
  }

  function accepts(value: string): boolean {
    if (exact.has(value)) return true
    const lower = value.toLowerCase()
    // "Livestream" at the start of a sentence, "LIVESTREAM" in a headline.
    if (value === capitalize(lower) || value === value.toUpperCase()) {
      if (exact.has(lower)) return true
    }
    // "QAIDA" in a headline.
    return value === value.toUpperCase() && exact.has(capitalize(lower))
  }
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}
