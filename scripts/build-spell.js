#!/usr/bin/env node
// Run by `npm run build` after tsc: works out the spelling artefacts once
// (both dialects' word forms, their suggestion indexes, SUBTLEX counts) and
// stores them in dist/spell/, so a run need not build nspell dictionaries or
// a suggestion trie on its first typo. See src/spell/dictionaries.ts; a run
// without these files does the same work at run time, with the same results.
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {createSpeller, usableArtefacts, writeSpellArtefacts} from '../dist/spell/dictionaries.js'
import {artefactFolder} from '../dist/spell/index-store.js'
import {readWordList, writeWordList} from '../dist/spell/wordlist.js'

const start = performance.now()
const written = writeSpellArtefacts(artefactFolder)
// The larger word lists `spelling` accepts (src/spell/wordlist.ts), filtered.
for (const dialect of ['en-US', 'en-GB']) {
  const speller = createSpeller(dialect)
  written.push(await writeWordList(dialect, (word) => speller.correct(word), artefactFolder))
  if (!readWordList(dialect, artefactFolder)) throw new Error(`build-spell: the ${dialect} word list does not read back`)
}
const total = written.reduce((sum, {bytes}) => sum + bytes, 0)
for (const {path: file, bytes} of written) {
  console.log(`  ${path.relative(process.cwd(), fileURLToPath(file))}  ${(bytes / 1024).toFixed(0)} KB`)
}
// A lexicon that does not read back is a bug: fail rather than ship files
// every run ignores. An index can be missing by design (a dictionary form
// the index rewrites); runs then index at run time, correct but slower.
for (const dialect of ['en-US', 'en-GB']) {
  const usable = usableArtefacts(dialect)
  if (!usable.lexicon) {
    throw new Error(`build-spell: the ${dialect} lexicon was written but does not read back`)
  }
  if (!usable.index) {
    console.warn(`build-spell: no usable ${dialect} suggestion index; runs will index at run time (slower)`)
  }
}
console.log(`spelling artefacts: ${(total / 1024 / 1024).toFixed(1)} MB in ${Math.round(performance.now() - start)} ms`)
