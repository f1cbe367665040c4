/** The request body the server benchmarks post: a 1,000-word story (the example story, with its planted slips, repeated and cut) and a headline. */
import fs from 'node:fs'

export function story() {
  const words = fs.readFileSync(new URL('../examples/story.txt', import.meta.url), 'utf8').split(/(?<=\s)/)
  const parts = []
  for (let index = 0, count = 0; count < 1000; index++) {
    const word = words[index % words.length]
    parts.push(word)
    if (/\S/.test(word)) count++
  }
  return JSON.stringify({headline: 'Storm floods harbor town as fishing fleet waits out the tide', body: parts.join('')})
}
