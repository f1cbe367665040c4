/**
 * The clean news corpus beside the repo (../shared/corpus/news), for tests
 * that measure what a check flags on professionally edited copy.
 */
import type {VFileMessage} from 'vfile-message'
import {check, type CheckOptions, type Options} from '../../src/index.js'
// Plain JavaScript, shared with scripts/precision.js and scripts/bench.js.
import {loadCorpus} from '../../scripts/corpus.js'

/** One story of the corpus. */
export interface Story {
  /** `reuters/0001.txt` */
  name: string
  text: string
  words: number
}

let stories: Story[] | undefined

/** Every story of the news corpus (Reuters, then BBC), read once. */
export function corpusStories(): Story[] {
  stories ??= loadCorpus() as Story[]
  return stories
}

/**
 * Check every corpus story and describe each message of `ruleId` as one line
 * (by default `reuters/0001.txt 3:12 the the`), for a test to compare with
 * the list of known slips and print when a ceiling is broken.
 */
export async function corpusHits(
  ruleId: string,
  options: Options & CheckOptions,
  describe: (message: VFileMessage, story: Story) => string = (message, story) =>
    `${story.name} ${message.line}:${message.column} ${message.actual}`
): Promise<string[]> {
  const hits: string[] = []
  for (const story of corpusStories()) {
    const file = await check(story.text, options)
    for (const message of file.messages) {
      if (message.ruleId === ruleId) hits.push(describe(message, story))
    }
  }
  return hits
}
