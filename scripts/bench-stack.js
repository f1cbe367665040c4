#!/usr/bin/env node
// One stack of scripts/bench.js, in a process of its own, so that no stack's
// garbage collection is paid by another. scripts/bench.js forks one per stack
// and drives them over IPC:
//   {type: 'init', stack, stories} → times the first story (cold) and a warm-up
//                                     round, answers {type: 'ready', first}
//   {type: 'round'}                 → checks every story once, answers
//                                     {type: 'round', times, messages}
//   {type: 'done'}                  → answers {type: 'done', rss} and exits
// Stacks: `copydesk` (createChecker() from dist/, or from the module the
// environment variable BENCH_DIST names, to compare two builds), `baseline` (retext-english +
// retext-spell with dictionary-en + retext-repeated-words, defaults) and
// `parse-english` (new ParseEnglish().parse(text) alone).
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextSpell from 'retext-spell'
import retextRepeatedWords from 'retext-repeated-words'
import dictionaryEn from 'dictionary-en'
import {ParseEnglish} from 'parse-english'
import {VFile} from 'vfile'

let run
let stories = []

process.on('message', async (message) => {
  if (message.type === 'init') {
    stories = message.stories
    run = await load(message.stack)
    const start = performance.now()
    await run(stories[0].text)
    const first = performance.now() - start
    for (const story of stories) await run(story.text) // warm-up round
    process.send({type: 'ready', first})
  } else if (message.type === 'round') {
    const times = []
    let messages = 0
    for (const story of stories) {
      const start = performance.now()
      const file = await run(story.text)
      times.push(performance.now() - start)
      messages += file.messages.length
    }
    process.send({type: 'round', times, messages})
  } else if (message.type === 'done') {
    process.send({type: 'done', rss: Math.round(process.resourceUsage().maxRSS / 1024)}, () => process.exit(0))
  }
})

async function load(stack) {
  if (stack === 'copydesk') {
    const {createChecker} = await import(process.env.BENCH_DIST || '../dist/index.js')
    const checker = createChecker()
    return (text) => checker.check(text)
  }
  if (stack === 'baseline') {
    const processor = unified().use(retextEnglish).use(retextSpell, dictionaryEn).use(retextRepeatedWords).freeze()
    return async (text) => {
      const file = new VFile(text)
      await processor.run(processor.parse(file), file)
      return file
    }
  }
  if (stack === 'parse-english') {
    const parser = new ParseEnglish()
    return (text) => {
      parser.parse(text)
      return {messages: []}
    }
  }
  throw new Error(`bench-stack: unknown stack ${stack}`)
}
