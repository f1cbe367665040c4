/**
 * parse-latin's `breakImplicitSentences` (a sentence is broken where white
 * space inside it holds a blank line) without its cost: it turned every white
 * space node of a story into a string and split it into lines, an array per
 * space between two words (7% of what a warm check allocated). This one
 * counts line breaks in place and makes the same trees
 * (test/break-sentences.test.ts compares them on the news corpus).
 */
import {ParseLatin} from 'parse-latin'
import type {Paragraph, Sentence} from 'nlcst'

/** parse-latin's own plugin, as its paragraph plugins list it. */
const original = ParseLatin.prototype.tokenizeParagraphPlugins[9]

/**
 * Put {@link breakImplicitSentences} in place of parse-latin's plugin in
 * `plugins` (a parser's `tokenizeParagraphPlugins`); a list without it (a
 * parse-latin whose plugins moved) is left as it is.
 */
export function fastParagraphPlugins(plugins: unknown[]): void {
  const index = plugins.indexOf(original)
  if (index !== -1 && original !== undefined && plugins.lastIndexOf(original) === index) plugins[index] = breakImplicitSentences
}

/** Break each sentence of `paragraph` at white space holding two line breaks or more, as parse-latin does. */
export function breakImplicitSentences(paragraph: Paragraph): void {
  const siblings = paragraph.children
  // The list grows while it is walked: a sentence broken in two is followed by the white space and its second half, walked next.
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (child.type !== 'SentenceNode') continue
    const children = child.children
    // Not at the first or the last child.
    for (let position = 1; position < children.length - 1; position++) {
      const node = children[position]
      if (node.type !== 'WhiteSpaceNode' || lineBreaks(node.value) < 2) continue
      child.children = children.slice(0, position)
      const insertion: Sentence = {type: 'SentenceNode', children: children.slice(position + 1)}
      const tail = children[position - 1]
      const head = children[position + 1]
      siblings.splice(index + 1, 0, node, insertion)
      if (child.position && tail.position && head.position) {
        const end = child.position.end
        child.position.end = tail.position.end
        insertion.position = {start: head.position.start, end}
      }
      break
    }
  }
}

/** Line breaks in `value`, a CRLF counting once (as parse-latin's `split(/\r\n|\r|\n/)`). */
function lineBreaks(value: string): number {
  let count = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 10) count++
    else if (code === 13) {
      count++
      if (value.charCodeAt(index + 1) === 10) index++
    }
  }
  return count
}
