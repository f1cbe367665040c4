/**
 * One worker of the server's pool (src/pool.ts), run by piscina in a worker
 * thread. It makes its checker once, from the checker options it was given
 * as plain data (`workerData`), and reuses it for every story; a second
 * dialect is made on first use. It posts the must-never-publish findings
 * to the pool as soon as they are in ({@link note}), so a story the pool cuts off
 * at its budget still reports them.
 *
 * The pool hands a worker its next story while it checks one (src/faces/pool.ts):
 * stories wait their turn in the worker's lane and are checked one at a
 * time, in order; a story whose allowance ran out while it waited is skipped.
 */
import {parentPort, threadId} from 'node:worker_threads'
import {workerData} from 'piscina'
import {VFile} from 'vfile'
import {createChecker, StoryError, type Checker} from '../check.js'
import {normalizeOptions, type Options} from '../options.js'
import type {Dialect, Format} from '../types.js'
import {formats} from '../types.js'
import {incompleteChecks, setDeadline} from '../deadline.js'
import {tallyOf, toResultMessage, type ResultMessage, type Tally} from '../result.js'
import {floorFor, floorTally, mergeFloor, runFloor, type Floor, type FloorRun} from './floor.js'

/** What the pool sends for one story. */
export interface WorkerTask {
  body: string
  headline?: string
  format: Format
  dialect: Dialect
  /** `Date.now()` time after which no further check starts. */
  deadline: number
  /** `Date.now()` time after which the story is not started at all (the pool has answered it). */
  expires?: number
  /** The story's number in the pool, for the notes the worker posts about it ({@link note}). */
  id: number
}

/**
 * What a worker says about a story while it checks it, on its `parentPort`
 * (one channel per worker; piscina hands them to the pool as `message`
 * events): that it started it, and which thread it is (`{started: true,
 * worker}`), so a story that overruns can be cut off; the critical findings
 * as soon as they are in (`{critical, overridden?}`).
 */
export interface WorkerNote {
  /** The task's `id`. */
  story: number
  started?: boolean
  worker?: number
  critical?: ResultMessage[]
  overridden?: string[]
}

/** Post a note about `task` to the pool. */
export function note(task: Pick<WorkerTask, 'id'>, message: Omit<WorkerNote, 'story'>): void {
  parentPort?.postMessage({...message, story: task.id})
}

/** What a worker answers when it finishes in time. */
export interface WorkerResult {
  messages: ResultMessage[]
  incomplete: string[]
  /** Exact counts over every finding; what the checker's `maxFindings` left out. */
  tally: Tally
  /** With the floor: the story's switches it ignored (src/faces/floor.ts). */
  overridden?: string[]
  /** The story could not be read at all (a `StoryError`: markup nested too deep), said in one sentence; the pool answers 422. */
  storyError?: string
  /** This worker's `threadId`. */
  worker: number
  /** The worker's time on the story, ms (the pool's recent cost of a story). */
  ms?: number
  /** Not checked: its allowance ran out while it waited in this worker's lane. */
  skipped?: true
}

const data = (workerData as {options?: Options; floor?: boolean; incremental?: boolean} | undefined) ?? {}
const options: Options = data.options ?? {}
const checkers = new Map<Dialect, Checker>()
const floors = new Map<Dialect, Floor>()
// Incremental: a story sent again (the page's next keystroke, a /v2/check client re-sending) checks only its changed paragraphs, floor included (COPYDESK_INCREMENTAL=0: off).
const incremental = data.incremental ?? process.env.COPYDESK_INCREMENTAL !== '0'

function floorOf(dialect: Dialect): Floor | undefined {
  if (!data.floor) return undefined
  let floor = floors.get(dialect)
  if (!floor) {
    floor = floorFor({...options, dialect}, {incremental})
    floors.set(dialect, floor)
  }
  return floor
}

function checkerFor(dialect: Dialect): Checker {
  let checker = checkers.get(dialect)
  if (!checker) {
    // With the floor, its checks run in the floor's own checker, not twice.
    const floorOff = Object.fromEntries((floorOf(dialect)?.ruleIds ?? []).map((id) => [id, 'off' as const]))
    checker = createChecker({...options, dialect, checks: {...options.checks, ...floorOff} as Options['checks']}, {incremental})
    checkers.set(dialect, checker)
  }
  return checker
}

// Load the rules, dictionaries and every format's parser before the first story.
const first = checkerFor(normalizeOptions(options).dialect)
// (With a budget, as stories come: the budgeted pipelines are the ones built.)
for (const format of formats) {
  const file = new VFile({value: 'Ready.'})
  setDeadline(file, 60_000)
  await first.check(file, {format})
}

const noTally: Tally = {counts: {error: 0, warning: 0, suggestion: 0}}
/** The story being checked, and those waiting behind it, one at a time. */
let lane: Promise<unknown> = Promise.resolve()

/** Check one story, after those handed to this worker before it. */
export default function checkStory(task: WorkerTask): Promise<WorkerResult> {
  const turn = lane.then(() => checkNow(task))
  lane = turn.catch(() => undefined)
  return turn
}

async function checkNow(task: WorkerTask): Promise<WorkerResult> {
  const started = Date.now()
  if (task.expires !== undefined && started >= task.expires) return {messages: [], incomplete: [], tally: noTally, worker: threadId, skipped: true}
  note(task, {started: true, worker: threadId})
  try {
    // The floor first, with no budget; posted at once, so a story cut off later still reports it.
    const floor = floorOf(task.dialect)
    const found: FloorRun = floor ? await runFloor(floor, task) : {messages: [], overridden: []}
    if (floor) note(task, {critical: found.messages, overridden: found.overridden})
    const file = new VFile({value: task.body})
    setDeadline(file, task.deadline - Date.now())
    const checked = await checkerFor(task.dialect).check(file, {
      format: task.format,
      headline: task.headline,
      onCritical(messages) {
        const critical = messages.map((message) => toResultMessage(message, 'body'))
        note(task, {critical: mergeFloor(critical, found.messages), overridden: found.overridden})
      }
    })
    const messages = checked.messages.map((message) => toResultMessage(message, 'body'))
    const merged = mergeFloor(messages, found.messages)
    return {messages: merged, incomplete: incompleteChecks(checked), tally: floorTally(tallyOf(checked), messages, merged, found.omitted), overridden: found.overridden, worker: threadId, ms: Date.now() - started}
  } catch (error) {
    // The story's own fault crosses the thread as data: an Error's class does not.
    if (error instanceof StoryError) return {messages: [], incomplete: [], tally: noTally, storyError: error.message, worker: threadId}
    throw error
  }
}
