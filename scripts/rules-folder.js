// A generated newsroom rules folder of a given size, the shape of a big house
// style (issue 23): substitution entries (one- to three-word phrases, some
// with two or three forms to avoid), existence lists (one to four phrases of
// one to four words), and a few hundred token patterns, in several files.
// Words come from dictionary-en's word list with a fixed seed, so the same
// `entries` gives the same files byte for byte. Used by scripts/bench-rules.js
// and test/rules-cache.test.ts.
//
// What a one-word phrase to avoid is (`avoid`):
// - `variants` (the default): a variant spelling of a dictionary word (a
//   letter doubled, dropped or changed: "adviser" → "advisor"), as a real
//   house style's one-word entries are (towards, e-mail, Kiev), and so rare
//   in edited copy; phrases of two or more words are dictionary words. Over
//   the news corpus the 13,000-entry style then flags about as much as the
//   default style does.
// - `common`: any dictionary word, so a style bans everyday words ("just",
//   "according", "recent") and flags about 3.5× the default's messages on
//   clean copy (15 more per story): the cost of many messages, not of a
//   realistic style (`node scripts/bench-rules.js --avoid common`).
//
//   import {writeRulesFolder} from './rules-folder.js'
//   writeRulesFolder('/tmp/newsroom', 13000)  // → {files, entries, bytes}
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

let vocabulary
let everyWord
let ourWords
function words() {
  if (vocabulary) return vocabulary
  const dic = fs.readFileSync(path.join(path.dirname(require.resolve('dictionary-en')), 'index.dic'), 'utf8')
  const all = dic
    .split('\n')
    .slice(1)
    .map((line) => line.split('/')[0])
  everyWord = new Set(all.map((word) => word.toLowerCase()))
  vocabulary = all.filter((word) => /^[A-Za-z][a-z]{2,13}$/.test(word))
  // One spelling of each word whatever its case (Patsy, patsy), so the halves below do not share one.
  // …and none that copydesk's own rules use, so no entry conflicts with ours.
  const ours = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'rules')
  const seen = new Set()
  ourWords = seen
  for (const name of fs.readdirSync(ours).filter((n) => n.endsWith('.yml'))) {
    for (const word of fs.readFileSync(path.join(ours, name), 'utf8').toLowerCase().match(/[a-z]+/g) ?? []) seen.add(word)
  }
  vocabulary = vocabulary.filter((word) => !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase()))
  return vocabulary
}

/** The files of an `entries`-entry folder, as `[name, text]` (`avoid`: see the comment at the top). */
export function rulesFiles(entries, seed = 23, {avoid = 'variants'} = {}) {
  if (avoid !== 'variants' && avoid !== 'common') throw new Error(`avoid: "variants" or "common", not ${JSON.stringify(avoid)}`)
  const list = words()
  // mulberry32: exact in 32-bit integer arithmetic, so the same on every machine.
  let state = seed >>> 0
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  // Phrases to avoid from one half of the words, replacements from the other,
  // so no replacement is itself flagged (which the loader refuses).
  const pick = (half) => list[2 * Math.floor(random() * (list.length / 2 - 1)) + half]
  const used = new Set()
  const vowels = 'aeiou'
  // A variant spelling of a word: not itself a dictionary word.
  const variant = (word) => {
    for (;;) {
      const at = 1 + Math.floor(random() * (word.length - 1))
      const letter = word[at]
      const r = random()
      const changed =
        r < 0.35
          ? word.slice(0, at) + letter + word.slice(at) // doubled
          : r < 0.6 && word.length > 4
            ? word.slice(0, at) + word.slice(at + 1) // dropped
            : vowels.includes(letter)
              ? word.slice(0, at) + vowels[(vowels.indexOf(letter) + 1 + Math.floor(random() * 4)) % 5] + word.slice(at + 1)
              : word.slice(0, at) + letter + word.slice(at)
      if (!everyWord.has(changed.toLowerCase()) && !ourWords.has(changed.toLowerCase())) return changed
      word = pick(0)
    }
  }
  const phrase = (min, max, half = 0) => {
    for (;;) {
      const length = min + Math.floor(random() * (max - min + 1))
      const text =
        avoid === 'variants' && half === 0 && length === 1 ? variant(pick(half)) : Array.from({length}, () => pick(half)).join(' ')
      if (!used.has(text.toLowerCase())) {
        used.add(text.toLowerCase())
        return text
      }
    }
  }
  // Realistic phrase lengths: mostly one or two words.
  const phraseLength = () => {
    const r = random()
    return r < 0.55 ? 1 : r < 0.9 ? 2 : 3
  }
  const quote = (text) => JSON.stringify(text)

  const patterns = Math.min(300, Math.round(entries * 0.025))
  const existence = Math.round(entries * 0.12)
  const substitutions = entries - patterns - existence
  const files = []

  // Substitutions, 2,000 entries to a file.
  for (let start = 0, part = 1; start < substitutions; start += 2000, part++) {
    const lines = ['kind: substitution', 'message: Use `{expected}`, not `{actual}`.', `description: Newsroom forms, part ${part}.`, 'level: warning', 'entries:']
    for (let index = start; index < Math.min(substitutions, start + 2000); index++) {
      const length = phraseLength()
      const forms = random() < 0.2 ? 2 + Math.floor(random() * 2) : 1
      const avoids = Array.from({length: forms}, () => phrase(length, length))
      lines.push(`  - id: form-${index}`)
      lines.push(forms === 1 ? `    avoid: ${quote(avoids[0])}` : `    avoid: [${avoids.map(quote).join(', ')}]`)
      lines.push(`    use: ${quote(phrase(length, length + 1, 1))}`)
      if (random() < 0.1) lines.push(`    note: ${quote('House style since ' + (1990 + Math.floor(random() * 30)) + '.')}`)
    }
    files.push([`newsroom-forms-${String(part).padStart(2, '0')}.yml`, lines.join('\n') + '\n'])
  }

  // Existence lists: words a desk never prints.
  {
    const lines = ['kind: existence', 'message: "Avoid `{actual}`: {note}"', 'description: Words and phrases the desk does not print.', 'level: warning', 'entries:']
    for (let index = 0; index < existence; index++) {
      const count = 1 + Math.floor(random() * 4)
      const matches = Array.from({length: count}, () => phrase(1, 1 + Math.floor(random() * 4)))
      lines.push(`  - id: never-${index}`)
      lines.push(`    match: [${matches.map(quote).join(', ')}]`)
      if (random() < 0.3) lines.push('    case: insensitive')
      lines.push(`    note: ${quote('banned by the desk')}`)
    }
    files.push(['newsroom-never.yml', lines.join('\n') + '\n'])
  }

  // Token patterns: a word then a figure, a figure then a unit written two ways.
  {
    const lines = ['kind: pattern', 'message: Use `{expected}`, not `{actual}`.', 'description: Newsroom patterns.', 'level: warning', 'entries:']
    for (let index = 0; index < patterns; index++) {
      const unit = phrase(1, 1).toLowerCase()
      const other = phrase(1, 1, 1).toLowerCase()
      lines.push(`  - id: pattern-${index}`)
      if (index % 2 === 0) {
        lines.push(`    match: '{number} {unit}'`)
        lines.push('    flag: unit')
        lines.push(`    expected: '{unit}'`)
        lines.push(`    slots: {unit: {${unit}: ${other}}}`)
      } else {
        const word = phrase(1, 1).toLowerCase()
        lines.push(`    match: '${word} {number}'`)
        lines.push(`    expected: '${other} {number}'`)
      }
    }
    files.push(['newsroom-patterns.yml', lines.join('\n') + '\n'])
  }
  return files
}

/** Write the folder (replacing what was there); returns what it holds. */
export function writeRulesFolder(folder, entries, seed, options) {
  fs.rmSync(folder, {recursive: true, force: true})
  fs.mkdirSync(folder, {recursive: true})
  let bytes = 0
  const files = rulesFiles(entries, seed, options)
  for (const [name, text] of files) {
    fs.writeFileSync(path.join(folder, name), text)
    bytes += Buffer.byteLength(text)
  }
  return {files: files.length, entries, bytes}
}
