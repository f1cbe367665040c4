#!/usr/bin/env node
// The plain retext stack as a CLI, for the cold-start baseline of
// scripts/bench.js: retext-english + retext-spell (dictionary-en) +
// retext-repeated-words, defaults. Usage: node scripts/plain-stack.js story.txt
import fs from 'node:fs'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextSpell from 'retext-spell'
import retextRepeatedWords from 'retext-repeated-words'
import dictionaryEn from 'dictionary-en'
import {VFile} from 'vfile'

const name = process.argv[2]
const file = new VFile({path: name, value: fs.readFileSync(name, 'utf8')})
const processor = unified().use(retextEnglish).use(retextSpell, dictionaryEn).use(retextRepeatedWords)
await processor.run(processor.parse(file), file)
for (const message of file.messages) console.log(String(message))
process.exitCode = file.messages.length > 0 ? 1 : 0
