/**
 * vitest globalSetup: say once whether the tests that read the shared news
 * corpus (../shared/corpus) will run. A user's clone has no corpus: those
 * tests are skipped with this one line. CI (`CI=true`) must have it.
 */
import {hasCorpus, shared} from '../../scripts/corpus.js'

export default function setup(): void {
  if (hasCorpus()) return
  if (process.env.CI && process.env.CI !== 'false') {
    throw new Error(`CI needs the shared corpus at ${shared}/corpus (or set COPYDESK_SHARED): the precision tests cannot be skipped under CI.`)
  }
  console.log(`corpus tests skipped: no corpus at ${shared}/corpus (it is not part of this repo; set COPYDESK_SHARED to run them)`)
}
