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
  // Asked of every word a check looks at: once per distinct word.
  const answers = new Map<string, boolean>()
  return {
    has(word) {
      if (exact.size === 0) return false
      let answer = answers.get(word)
      if (answer === undefined) {
        const value = word.replace(/’/g, "'")
        // "Qaida's": the possessive of an extra word.
        answer = accepts(value) || (/'s$/i.test(value) && accepts(value.slice(0, -2)))
        // Bounded so a long-running server stays small.
        if (answers.size > 100_000) answers.clear()
        answers.set(word, answer)
      }
      return answer
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
