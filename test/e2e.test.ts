/**
 * End to end: our example story in text, Markdown and HTML, checked with the
 * default settings and snapshotted as a marked-up proof (each finding, its
 * line, and `^~~~` under the span); and the seed story copydesk was
 * conceived for, whose findings are asserted here (it is third-party copy,
 * so it is read from ../shared and never snapshotted).
 */
import fs from 'node:fs'
import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {check} from '../src/index.js'
import {renderFindings} from './util/render.js'
import {describeCorpus, readShared} from './util/corpus.js'

const formats = [
  ['story.txt', 'text'],
  ['story.md', 'markdown'],
  ['story.html', 'html']
] as const

describe('examples/story', () => {
  test.each(formats)('%s', async (name, format) => {
    const path = new URL(`../examples/${name}`, import.meta.url)
    const file = await check(new VFile({path: `examples/${name}`, value: fs.readFileSync(path, 'utf8')}), {format})
    await expect(renderFindings(file)).toMatchFileSnapshot(`__snapshots__/${name}.snap`)
  })

  test('the three formats report the same findings', async () => {
    const found = await Promise.all(
      formats.map(async ([name, format]) => {
        const file = await check(fs.readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8'), {format})
        return file.messages.map((message) => `${message.ruleId}: ${message.actual} → ${message.expected?.[0] ?? ''}`)
      })
    )
    expect(found[1]).toEqual(found[0])
    expect(found[2]).toEqual(found[0])
  })
})

describeCorpus('seed story (../shared/corpus/seed/mali.txt)', () => {
  const seed = readShared('corpus/seed/mali.txt')

  test('reports the two slips, the page debris and the house-style findings, and no names', async () => {
    const file = await check(seed)
    const found = file.messages.map((message) => `${message.ruleId}: ${message.actual}${message.expected?.length ? ' → ' + message.expected[0] : ''}`)
    expect(found).toContain('spelling: importats → imports')
    expect(found).toContain('word-collision: on of → on')
    for (const debris of ['Sponsored Adspot_img', 'LEAVE A REPLY', 'Please enter your comment!', 'Please enter your name here']) {
      expect(found.some((line) => line.startsWith('leftovers: ' + debris))).toBe(true)
    }
    expect(found.filter((line) => line.startsWith('acronyms:'))).toEqual(['acronyms: (JNIM)'])
    const names = ['Bamako', 'Landau', 'Moussa', 'Acharatoumane', 'Rida', 'Lyammouri', 'James', 'Barnett', 'Ope', 'Adetayo', 'Jama', 'Nusrat', 'Muslimin', 'Al-Qaida', 'Sahelian', 'Burkina', 'Faso', 'Hudson']
    const spelling = file.messages.filter((message) => message.ruleId === 'spelling').map((message) => message.actual)
    expect(spelling).toEqual(['importats'])
    // Names are not typos, and are spelled consistently: neither speller nor
    // name-consistency may touch them. (`Al-Qaida` mid-sentence is a real
    // house-style finding: AP writes `al-Qaida`.)
    const nameChecks = file.messages.filter((message) => message.ruleId === 'spelling' || message.ruleId === 'name-consistency')
    for (const name of names) {
      expect(nameChecks.filter((message) => String(message.actual).includes(name))).toEqual([])
    }
  })
})
