/**
 * What the confusables rules see of a sentence: its words and punctuation in
 * order, white space dropped, each word lower-cased with straight
 * apostrophes (`it’s` → `it's`), so a rule reads its neighbours as plain
 * strings.
 */
import type {Sentence, Word} from 'nlcst'
import {wordString} from '../../nlcst/tree.js'
import {stopWord} from '../../nlcst/words.js'

/** A word or a mark of a sentence. */
export interface Token {
  /** Lower case, straight apostrophes; a mark's own text (`,`, `“`). */
  lower: string
  /** As written (curly apostrophes made straight). */
  text: string
  /** The word node; `undefined` for a mark. */
  node?: Word
  /**
   * Which sentence of the node it belongs to: parse-latin does not split after
   * a figure's period (`The vote was 12 to 3. There homes were lost.`), so
   * the word after such a figure and white space starts part 1, and so on.
   */
  part: number
}

/** The words and marks of a sentence, in order. */
export function tokensOf(sentence: Sentence): Token[] {
  const tokens: Token[] = []
  const children = sentence.children
  let part = 0
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (child.type === 'WordNode') {
      const written = wordString(child)
      const text = written.includes('’') ? written.replace(/’/g, "'") : written
      const code = text.charCodeAt(0)
      // Most words are lower case already: skip the copy.
      const lower = code >= 97 && code <= 122 && !/[A-Z]/.test(text) ? text : text.toLowerCase()
      tokens.push({lower, text, node: child, part})
      // "… 12 to 3. There homes …": the next word starts a sentence.
      if (children[index + 1]?.type === 'WhiteSpaceNode' && stopWord(child)) part++
    } else if (child.type === 'PunctuationNode' || child.type === 'SymbolNode') {
      tokens.push({lower: child.value, text: child.value, part})
    }
  }
  return tokens
}

/**
 * A rule's view of one candidate word: `at(k)` is the lower-cased token `k`
 * places away (`''` past either end of the sentence, or of the part of it
 * that is a sentence of its own; a mark for a mark).
 */
export class Context {
  private readonly part: number

  constructor(
    readonly tokens: Token[],
    readonly index: number
  ) {
    this.part = tokens[index].part
  }

  /** Lower-cased token `k` places from the candidate (`''` outside the sentence). */
  at(k: number): string {
    const token = this.tokens[this.index + k]
    return token === undefined || token.part !== this.part ? '' : token.lower
  }

  /** Whether token `k` places away is a word (not a mark, not outside). */
  isWord(k: number): boolean {
    const token = this.tokens[this.index + k]
    return token !== undefined && token.node !== undefined && token.part === this.part
  }

  /** The candidate as written. */
  get text(): string {
    return this.tokens[this.index].text
  }

  /** Whether the candidate is the sentence's first word (or first after an opening mark or colon, or a quotation's first). */
  get first(): boolean {
    for (let k = this.index - 1; k >= 0; k--) {
      const token = this.tokens[k]
      if (token.part !== this.part) return true
      if (token.node) return false
      // 'One analyst said, "Its not a stock…"': a quotation starts its own sentence.
      if (token.lower === '“' || (token.lower === '"' && k > 0 && !this.tokens[k - 1].node)) return true
      if (!/^[“"‘'(:[—–-]$/.test(token.lower)) return false
    }
    return true
  }

  /** Whether any of the `count` words before the candidate (no mark between) is in `set`. */
  before(set: ReadonlySet<string>, count: number): boolean {
    for (let k = 1; k <= count; k++) {
      if (!this.isWord(-k)) return false
      if (set.has(this.at(-k))) return true
    }
    return false
  }
}

/** Whether a mark ends a clause (`.`, `,`, `;`, `!`, `?`, `:`, `)`) or the sentence ends. */
export function isBreak(value: string): boolean {
  return value === '' || value === '.' || value === ',' || value === ';' || value === '!' || value === '?' || value === ':' || value === ')' || value === '—' || value === '–'
}
