/**
 * What the confusables rules share: a rule's verdict, the rule type, and
 * `set`, which makes each small inline word set once.
 */
import type {Context} from '../context.js'

// Rules name small word sets inline (`set('out up down')`): each is made once, on first use.
const sets = new Map<string, ReadonlySet<string>>()
export const set = (words: string): ReadonlySet<string> => {
  let value = sets.get(words)
  if (!value) {
    value = new Set(words.trim().split(/\s+/))
    sets.set(words, value)
  }
  return value
}

/** A rule's verdict: the right word, and how many tokens after the candidate the span takes. */
export interface Verdict {
  expected: string
  /** Tokens after the candidate that belong to the slip (`could of` → 1 is `of`). */
  extend?: number
  /** Tokens before the candidate that belong to the slip (`could of` → -1 is `could`). */
  from?: number
  /** The expected text is final, case and all (`Saudi-led`). */
  whole?: boolean
  /** Which group, for the message and the docs (`its/it's`). */
  group: string
}

export type Rule = (context: Context) => Verdict | undefined
