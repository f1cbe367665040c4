/**
 * `empty-story` used as a retext plugin on its own, as a newsroom's own
 * pipeline would: with no options it is an error, and it reads a tree the
 * way nlcst-to-string does (a node with no value or children is no text).
 * Found by mutation testing (docs/mutation.md).
 */
import {retext} from 'retext'
import {unified} from 'unified'
import type {Root} from 'nlcst'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {codePlugins} from '../src/index.js'

const emptyStory = codePlugins['empty-story']
const reason = 'The story is empty: there is no text to check. Make sure the whole story was sent (a failed export or download sends nothing)'

/** `place: reason (fatal)` of each message. */
function lines(file: VFile): string[] {
  return file.messages.map((message) => `${String(message)} (${message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'suggestion'})`)
}

describe('empty-story as a plugin', () => {
  test('without options it reports an error', async () => {
    const file = await retext().use(emptyStory).process('  \n')
    expect(lines(file)).toEqual([`1:1-2:1: ${reason} (error)`])
    expect(file.messages[0].ruleId).toBe('empty-story')
  })

  test('a level given is the level reported', async () => {
    const file = await retext().use(emptyStory, {level: 'warning'}).process('')
    expect(lines(file)).toEqual([`1:1-1:1: ${reason} (warning)`])
  })

  test('leaves a story with words alone', async () => {
    expect(lines(await retext().use(emptyStory).process('The council met.'))).toEqual([])
  })

  /** Run the plugin over a tree built by hand, on a file with no text. */
  async function run(children: unknown[]): Promise<string[]> {
    const file = new VFile()
    await unified().use(emptyStory).run({type: 'RootNode', children} as unknown as Root, file)
    return lines(file)
  }

  test('a tree with no text, on a file with no value: reported at 1:1', async () => {
    expect(await run([])).toEqual([`1:1-1:1: ${reason} (error)`])
  })

  test('nodes whose value is missing, or that have neither value nor children, are no text', async () => {
    expect(await run([{type: 'ParagraphNode', children: [{type: 'TextNode', value: undefined}]}])).toEqual([`1:1-1:1: ${reason} (error)`])
    expect(await run([{type: 'ParagraphNode', children: [{type: 'TextNode', value: null}]}])).toEqual([`1:1-1:1: ${reason} (error)`])
    expect(await run([{type: 'ParagraphNode', children: [{type: 'SentenceNode'}]}])).toEqual([`1:1-1:1: ${reason} (error)`])
  })

  test('one word anywhere in the tree is text', async () => {
    const word = {type: 'WordNode', children: [{type: 'TextNode', value: 'Mali'}]}
    expect(await run([{type: 'ParagraphNode', children: [{type: 'SentenceNode'}, {type: 'SentenceNode', children: [word]}]}])).toEqual([])
  })
})
