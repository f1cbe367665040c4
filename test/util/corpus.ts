/**
 * The clean news corpus beside the repo (../shared/corpus/news), for tests
 * that measure what a check flags on professionally edited copy.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, test} from 'vitest'
import type {VFileMessage} from 'vfile-message'
import {check, type CheckOptions, type Options} from '../../src/index.js'
// Plain JavaScript, shared with scripts/precision.js and scripts/bench.js.
import {hasCorpus, loadCorpus, shared} from '../../scripts/corpus.js'

/** Whether ../shared/corpus is there; without it corpus tests skip (test/util/corpus-setup.ts says so once). */
export const corpusAvailable: boolean = hasCorpus()

/** `describe` for a block that needs the corpus: skipped without it. */
export const describeCorpus = describe.skipIf(!corpusAvailable)

/** `test` for a case that needs the corpus: skipped without it. */
export const testCorpus = test.skipIf(!corpusAvailable)

/** Names of the news corpus's stories (`reuters/0001.txt`), Reuters then BBC; `[]` without the corpus. */
export function corpusFileNames(): string[] {
  if (!corpusAvailable) return []
  return ['reuters', 'bbc'].flatMap((folder) =>
    fs
      .readdirSync(path.join(shared, 'corpus', 'news', folder))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => folder + '/' + name)
  )
}

/** A file of the shared material (`corpus/seed/mali.txt`), or '' when it is not there (its tests skip). */
export function readShared(relative: string): string {
  const file = path.join(shared, relative)
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
}

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
