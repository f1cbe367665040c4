// Shared by the bench and precision scripts: the clean news corpus beside the repo.
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Folder of the shared material (`../shared` beside the clone), or COPYDESK_SHARED. */
export const shared = process.env.COPYDESK_SHARED || path.resolve(here, '..', '..', 'shared')

/** Whether the shared news corpus and seed story are beside the repo. */
export function hasCorpus() {
  return fs.existsSync(path.join(shared, 'corpus', 'news')) && fs.existsSync(path.join(shared, 'corpus', 'seed', 'mali.txt'))
}

/** Words as the corpus README counts them. */
export function countWords(text) {
  return (text.match(/[A-Za-z0-9][A-Za-z0-9'’.-]*/g) || []).length
}

/** Stories of the news corpus: `{name, set, text, words}`. */
export function loadCorpus(sets = ['reuters', 'bbc']) {
  const stories = []
  for (const set of sets) {
    const folder = path.join(shared, 'corpus', 'news', set)
    if (!fs.existsSync(folder)) {
      throw new Error(`No corpus at ${folder}: the shared material must be beside the repo (or set COPYDESK_SHARED).`)
    }
    for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.txt')).sort()) {
      const text = fs.readFileSync(path.join(folder, name), 'utf8')
      stories.push({name: `${set}/${name}`, set, text, words: countWords(text)})
    }
  }
  return stories
}

/** The seed story (`corpus/seed/mali.txt`). */
export function loadSeed() {
  const text = fs.readFileSync(path.join(shared, 'corpus', 'seed', 'mali.txt'), 'utf8')
  return {name: 'seed/mali.txt', set: 'seed', text, words: countWords(text)}
}
