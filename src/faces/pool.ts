/**
 * The server's checks, off the event loop: a piscina pool of worker threads
 * (src/worker.ts), each with its own checker loaded once. A story that
 * overruns its budget is cut off: its worker is terminated (piscina starts
 * a fresh one) and the story is answered `hold` with the must-never-publish
 * findings the worker had already posted.
 *
 * Budget, for a story given `budgetMs`: checks other than the critical ones
 * do not start after `budgetMs` (counted from when the story was handed in,
 * so time queued is spent); a worker still busy `grace` ms after that is
 * terminated. The critical checks (`leftovers` …) always run to the end
 * over the whole story: a worker gets `criticalMs` (`max(budgetMs, 2000)`
 * ms plus 20 ms per KB of story) from the moment it starts the story to
 * post them; a story still queued `criticalMs` past its budget is dropped
 * from the queue. Either way every check is then reported incomplete.
 *
 * Each worker holds up to two stories: the one it is checking and the next
 * (handed over while the first runs), so it starts the next the moment it
 * finishes instead of waiting for this thread to hand one over. The second
 * waits in the worker's own lane (src/faces/worker.ts) and counts as
 * started only when the worker starts it. A story waiting there is never
 * cut off (that would terminate the worker and the story it is checking):
 * past its allowance it is answered from here and the worker skips it; if
 * the story ahead of it is cut off, it goes back to the queue.
 */
import fs from 'node:fs'
import os from 'node:os'
import {fileURLToPath} from 'node:url'
import {Piscina} from 'piscina'
import {createChecker, planOf, StoryError, type CheckPlan, type Checker} from '../check.js'
import {normalizeOptions, type Options} from '../options.js'
import type {Dialect, Format} from '../types.js'
import {tallyOf, toResultMessage, type ResultMessage, type Tally} from '../result.js'
import {VFile} from 'vfile'
import {incompleteChecks, setDeadline} from '../deadline.js'
import type {WorkerNote, WorkerResult, WorkerTask} from './worker.js'
import {floorFor, floorTally, mergeFloor, runFloor, type Floor} from './floor.js'

/** A story as the routes hand it to a `RunStory`. */
export interface StoryRun {
  body: string
  headline?: string
  format: Format
  dialect: Dialect
}

/** What a run found, and whether every check ran over the whole story. */
export interface RunOutcome {
  messages: ResultMessage[]
  complete: boolean
  /** RuleIds of checks that did not run over the whole story. */
  incomplete: string[]
  /** One sentence for the editor when the run is incomplete. */
  reason?: string
  /** Exact counts and what `maxFindings` left out of `messages` (the worker caps them before they cross threads). */
  tally?: Tally
  /** With the floor: the story's switches it ignored (src/faces/floor.ts). */
  overridden?: string[]
  /** What went wrong when a check failed (a crash in a worker): for the server log, never for the client. */
  failure?: unknown
  /** The worker thread that checked the story (its `threadId`), when one did. */
  worker?: number
}

/** Check one story within `budgetMs` milliseconds. */
export type RunStory = (story: StoryRun, budgetMs: number) => Promise<RunOutcome>

/**
 * Thrown when a story cannot be admitted (HTTP 503 with `Retry-After`): its
 * expected wait does not fit its budget, or the text queued would pass the
 * byte bound, or the queue is at `maxQueue`.
 */
export class BusyError extends Error {
  override name = 'BusyError'
  readonly statusCode = 503
  constructor(
    readonly retryAfter: number,
    message = 'copydesk is checking as many stories as it can queue; try again in a moment.'
  ) {
    super(message)
  }
}

/**
 * Whether a story may join the queue. A story is admitted while its
 * expected wait — the stories ahead of it per worker × the recent cost of a
 * story (a moving average of the time workers spent on each) — plus its own
 * cost fits its budget, and while the text of the stories running and
 * waiting stays under `maxBytes` (memory is bounded by bytes, not by a
 * count). A worker free means no wait. Until a cost has been measured every
 * story fits (the byte bound still holds).
 */
export class Admission {
  /** Stories running or waiting. */
  pending = 0
  /** UTF-8 bytes of those stories' text. */
  pendingBytes = 0
  /** Recent cost of a story in a worker, in ms (exponential moving average), once one has been measured. */
  costMs: number | undefined

  constructor(
    readonly workers: number,
    readonly maxBytes: number,
    readonly maxQueue = Number.POSITIVE_INFINITY
  ) {}

  /** The expected wait, in ms, of a story arriving now before a worker starts it. */
  expectedWait(): number {
    const ahead = this.pending - this.workers + 1
    return ahead <= 0 ? 0 : (ahead / this.workers) * (this.costMs ?? 0)
  }

  /** Take a place for a story of `bytes` with `budgetMs`, or throw {@link BusyError}. */
  admit(bytes: number, budgetMs: number): void {
    const busy = this.pending >= this.workers
    if (busy && this.pending - this.workers >= this.maxQueue) throw new BusyError(Math.max(1, Math.ceil(budgetMs / 1000)))
    if (busy && this.pendingBytes + bytes > this.maxBytes) {
      throw new BusyError(Math.max(1, Math.ceil(((this.costMs ?? 1000) * (this.pending - this.workers + 1)) / this.workers / 1000)))
    }
    const wait = this.expectedWait()
    if (busy && wait + (this.costMs ?? 0) > budgetMs) {
      // When the queue ahead will have drained enough for a story of this budget.
      throw new BusyError(
        Math.max(1, Math.ceil((wait + (this.costMs ?? 0) - budgetMs) / 1000)),
        `copydesk would not check this story within its time budget (about ${(wait / 1000).toFixed(1)} s of stories are queued ahead of it); try again in a moment.`
      )
    }
    this.pending++
    this.pendingBytes += bytes
  }

  /** Give the place back; `costMs`: the time a worker spent on the story, when it ran to its end. */
  release(bytes: number, costMs?: number): void {
    this.pending--
    this.pendingBytes -= bytes
    if (costMs !== undefined && Number.isFinite(costMs) && costMs >= 0) {
      this.costMs = this.costMs === undefined ? costMs : 0.8 * this.costMs + 0.2 * costMs
    }
  }
}

/** The UTF-8 bytes of a story's text (what the byte bound counts). */
function storyBytes(story: StoryRun): number {
  return Buffer.byteLength(story.body) + (story.headline === undefined ? 0 : Buffer.byteLength(story.headline))
}

/** Options for `createPool`. */
export interface PoolOptions {
  /** Worker threads (default: the number of cores, `os.availableParallelism()`). */
  workers?: number
  /** Checker options, passed to each worker as plain data. */
  options?: Options
  /**
   * A hard cap on stories waiting for a worker beyond those running (default:
   * none). Admission is otherwise by expected wait against each story's
   * budget and by `maxQueueBytes` (see {@link Admission}): a newsroom's
   * publish rush is queued while it can be checked in time, not refused.
   */
  maxQueue?: number
  /** Bytes of story text (UTF-8) that may be running and waiting at once (default 64 MiB); more get `BusyError`. */
  maxQueueBytes?: number
  /**
   * How long past its budget a worker may take to answer before it is cut
   * off (default 1000 ms): a check that started in time may finish; a fresh
   * worker costs seconds of loading, so a story is not cut for a few ms.
   */
  grace?: number
  /** The worker module (default copydesk's src/worker.ts, built); tests give one that stalls. */
  workerFile?: string
  /** Run the floor (src/faces/floor.ts) before the other checks of each story (default `false`). */
  floor?: boolean
}

/** A pool of checkers in worker threads. */
export interface CheckPool {
  /** Check a story; `warmUp`: a start-up story, whose cost says nothing of a real one's (not measured). */
  run(story: StoryRun, budgetMs: number, warmUp?: boolean): Promise<RunOutcome>
  /** Stories running or waiting. */
  readonly pending: number
  /** Bytes of story text running or waiting. */
  readonly pendingBytes: number
  /** Recent cost of a story, ms (undefined until one is measured). */
  readonly costMs: number | undefined
  /** Stories cut off in a running worker so far (each worker then replaced). */
  readonly cutOff: number
  readonly workers: number
  close(): Promise<void>
}

/** The default bound on story text running and waiting: 64 MiB (64 stories at the 1 MiB body limit; thousands of ordinary ones). */
export const defaultQueueBytes = 64 * 1024 * 1024

/** The default number of workers: one per core. */
export function defaultWorkers(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length
}

/** Start a pool of workers (each loads its checker at once). */
export function createPool(poolOptions: PoolOptions = {}): CheckPool {
  const workers = poolOptions.workers ?? defaultWorkers()
  if (!Number.isInteger(workers) || workers < 1) {
    throw new TypeError(`copydesk: option \`workers\` must be a whole number of at least 1, got ${JSON.stringify(workers)}`)
  }
  const admission = new Admission(workers, poolOptions.maxQueueBytes ?? defaultQueueBytes, poolOptions.maxQueue)
  const grace = poolOptions.grace ?? 1000
  const options = poolOptions.options ?? {}
  // Which checks are critical, per dialect, from a checker in this thread (it also fails fast on bad options).
  const plans = new Map<Dialect, CheckPlan>()
  const planFor = (dialect: Dialect): CheckPlan => {
    let plan = plans.get(dialect)
    if (!plan) {
      plan = planOf(createChecker({...options, dialect}))
      plans.set(dialect, plan)
    }
    return plan
  }
  // Fail here, before any worker starts, when the options are wrong.
  planFor(normalizeOptions(options).dialect)
  const piscina = new Piscina({
    filename: poolOptions.workerFile ?? workerFile(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Number.POSITIVE_INFINITY,
    // A story running and the next one waiting in each worker (prefetch). Piscina's
    // balancer gives a worker a second task only when no task can be aborted
    // through piscina: a story is cut off here, by terminating its thread (`cut`).
    concurrentTasksPerWorker: 2,
    workerData: {options: plainData(options), floor: poolOptions.floor === true}
  })
  let cutOff = 0
  // What workers say about a story while they check it (started, critical findings), by story id: one
  // channel for all (a MessagePort transferred per story leaked about 1 KB of each worker's heap per story).
  const listeners = new Map<number, (note: WorkerNote) => void>()
  let nextId = 0
  piscina.on('message', (note: WorkerNote) => {
    if (note !== null && typeof note === 'object' && typeof note.story === 'number') listeners.get(note.story)?.(note)
  })

  async function run(story: StoryRun, budgetMs: number, warmUp = false): Promise<RunOutcome> {
    const bytes = storyBytes(story)
    admission.admit(bytes, budgetMs)
    let cost: number | undefined
    const started = Date.now()
    const deadline = started + budgetMs
    let critical: ResultMessage[] | undefined
    let overridden: string[] | undefined
    let startedAt: number | undefined
    let criticalAt: number | undefined
    // More time for the critical checks of a long story: parsing alone is linear in its length.
    const criticalMs = Math.max(budgetMs, 2000) + 20 * Math.ceil((story.body.length + (story.headline?.length ?? 0)) / 1024)
    // Still waiting then (in the queue or in a worker's lane): answered from here, and skipped by the worker.
    const expires = deadline + criticalMs
    // The worker checking the story (its threadId, from its `started` message), and whether it was cut off.
    let thread: number | undefined
    let cut = false
    let dropQueued: () => void = () => {}
    const dropped = new Promise<undefined>((resolve) => (dropQueued = () => resolve(undefined)))
    let timer: NodeJS.Timeout | undefined
    /**
     * When to give up on the story: still waiting at `expires` (dropped; no
     * worker is harmed); running without its critical findings `criticalMs`
     * after it started; running `grace` ms past the later of its deadline
     * and the critical findings (the worker is terminated).
     */
    const schedule = () => {
      clearTimeout(timer)
      const at =
        startedAt === undefined
          ? expires
          : criticalAt === undefined
            ? Math.max(deadline, startedAt + criticalMs)
            : Math.max(deadline, criticalAt) + grace
      timer = setTimeout(() => (startedAt === undefined ? dropQueued() : cutOffStory()), Math.max(0, at - Date.now()))
    }
    // Terminating the thread rejects the story's task (and sends one waiting behind it back to the queue); piscina starts a fresh worker.
    const cutOffStory = () => {
      const worker = thread === undefined ? undefined : piscina.threads.find((candidate) => candidate.threadId === thread)
      // (A worker that did not say which thread it is: the story is answered, the thread left to finish.)
      if (!worker) return dropQueued()
      cut = true
      void worker.terminate()
    }
    const listen = (message: WorkerNote) => {
      if (message.started) {
        startedAt ??= Date.now()
        thread ??= message.worker
      }
      if (message.critical) {
        critical = message.critical
        overridden = message.overridden
        criticalAt = Date.now()
      }
      schedule()
    }
    const id = nextId++
    listeners.set(id, listen)
    schedule()
    let retried = false
    const task: WorkerTask = {...story, deadline, expires, id}
    const submit = async (): Promise<WorkerResult> => {
      try {
        return (await piscina.run(task)) as WorkerResult
      } catch (error) {
        // Handed to a worker behind a story that was then cut off (or whose
        // thread died), it never started: back to the queue, once.
        if (startedAt === undefined && !cut && !retried) {
          retried = true
          return submit()
        }
        throw error
      }
    }
    const outOfTime = (): RunOutcome => {
      const plan = planFor(story.dialect)
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      if (critical !== undefined) {
        return {
          ...(overridden ? {overridden} : {}),
          messages: critical,
          complete: false,
          incomplete: [...plan.rest].sort(),
          reason: `copydesk stopped checking this story after ${seconds} s, its time budget; the checks for copy that must never be published ran, the others did not: hold it and check again, or check it in parts.`
        }
      }
      return {
        messages: [],
        complete: false,
        incomplete: [...plan.critical, ...plan.rest].sort(),
        reason: `copydesk could not check this story within ${seconds} s and stopped; hold it and check again, or check it in parts.`
      }
    }
    try {
      const work = submit()
      // Answered from here when dropped: the worker's answer, if any, is not awaited.
      work.catch(() => {})
      const result = await Promise.race([work, dropped])
      // (A story the worker skipped is never a pass: it was not checked.)
      if (result === undefined || result.skipped) return outOfTime()
      // The worker's time on the story, for the expected wait of the next ones (its own count when its
      // `started` note, on another channel than the result, is not in yet).
      if (!warmUp) cost = startedAt === undefined ? result.ms : Date.now() - startedAt
      if (result.storyError !== undefined) throw new StoryError(result.storyError)
      const outcome: RunOutcome = {messages: result.messages, complete: result.incomplete.length === 0, incomplete: result.incomplete, tally: result.tally}
      if (result.overridden) outcome.overridden = result.overridden
      if (result.worker !== undefined) outcome.worker = result.worker
      return outcome
    } catch (error) {
      if (error instanceof StoryError) throw error
      // A crash in the worker (a bug, memory, the thread dying): fail closed, as for time.
      if (!cut) {
        // The worker's notes (the floor's findings) come on another channel than its failure and may be
        // handled after it: let those already sent arrive, so the hold names the TK the floor found.
        await new Promise((resolve) => setTimeout(resolve, 20))
        return {...failed(error, planFor(story.dialect), critical), ...(overridden ? {overridden} : {})}
      }
      cutOff++
      return outOfTime()
    } finally {
      clearTimeout(timer)
      listeners.delete(id)
      admission.release(bytes, cost)
    }
  }

  return {
    run,
    get pending() {
      return admission.pending
    },
    get pendingBytes() {
      return admission.pendingBytes
    },
    get costMs() {
      return admission.costMs
    },
    get cutOff() {
      return cutOff
    },
    workers,
    async close() {
      await piscina.destroy()
    }
  }
}

/**
 * Run stories in this thread, one at a time (the in-process lane), for a
 * caller-supplied `Checker`, which cannot be moved into a worker. The budget
 * is kept between checks only: a check that has started finishes.
 */
// Stryker disable next-line BooleanLiteral: equivalent: its one caller, createServer, always passes withFloor
export function inProcess(checker: Checker, maxQueue?: number, withFloor = false, maxQueueBytes = defaultQueueBytes): CheckPool {
  const lane = new Lane()
  const admission = new Admission(1, maxQueueBytes, maxQueue)
  const floors = new Map<Dialect, Floor>()
  const floorOf = (dialect: Dialect) => {
    let floor = floors.get(dialect)
    // Stryker disable next-line ConditionalExpression: equivalent: a cache; a floor made again for each story finds the same
    if (!floor) floors.set(dialect, (floor = floorFor({style: checker.style, dialect})))
    return floor
  }
  return {
    workers: 0,
    cutOff: 0,
    get pending() {
      return admission.pending
    },
    // Stryker disable next-line BlockStatement: equivalent: nothing reads an in-process lane's pendingBytes (the server reads pending, workers, cutOff)
    get pendingBytes() {
      return admission.pendingBytes
    },
    // Stryker disable next-line BlockStatement: equivalent: nothing reads an in-process lane's costMs (its Admission uses its own)
    get costMs() {
      return admission.costMs
    },
    async run(story, budgetMs, warmUp = false) {
      const bytes = storyBytes(story)
      admission.admit(bytes, budgetMs)
      let cost: number | undefined
      const deadline = Date.now() + budgetMs
      try {
        return await lane.run(async () => {
          const startedAt = Date.now()
          let found: Awaited<ReturnType<typeof runFloor>> | undefined
          try {
            // The floor first, with no budget (the caller's checker runs its own checks as configured).
            found = withFloor ? await runFloor(floorOf(story.dialect), story) : undefined
            const file = new VFile({value: story.body})
            setDeadline(file, deadline - Date.now())
            const checked = await checker.check(file, {format: story.format, headline: story.headline})
            const incomplete = incompleteChecks(checked)
            const messages = checked.messages.map((message) => toResultMessage(message, 'body'))
            const tally = tallyOf(checked)
            if (!warmUp) cost = Date.now() - startedAt
            if (!found) return {messages, complete: incomplete.length === 0, incomplete, tally}
            const merged = mergeFloor(messages, found.messages)
            return {messages: merged, complete: incomplete.length === 0, incomplete, tally: floorTally(tally, messages, merged), overridden: found.overridden}
          } catch (error) {
            if (error instanceof StoryError) throw error
            return found ? {...failed(error, planOf(checker), found.messages), overridden: found.overridden} : failed(error, planOf(checker))
          }
        })
      } finally {
        admission.release(bytes, cost)
      }
    },
    async close() {}
  }
}

/**
 * The outcome for a story whose check failed (a crash, not the story's
 * fault): `hold`, every check incomplete (the critical ones too, unless
 * their findings were posted first), the error kept for the server log.
 */
function failed(error: unknown, plan: CheckPlan, critical?: ResultMessage[]): RunOutcome {
  return {
    messages: critical ?? [],
    complete: false,
    incomplete: (critical === undefined ? [...plan.critical, ...plan.rest] : [...plan.rest]).sort(),
    reason: 'copydesk failed while checking this story (the error is in the server log); hold it and check again.',
    failure: error
  }
}

/**
 * Stories are checked one at a time, in the order they arrived. A check is
 * CPU work that holds the event loop; between two checks the lane lets the
 * server read new requests, so each waits its turn.
 */
class Lane {
  private readonly queue: Array<() => void> = []
  private busy = false

  run<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push(() => {
        // A task that throws at once must not stall the lane.
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => this.next())
      })
      if (!this.busy) this.next()
    })
  }

  private next(): void {
    const job = this.queue.shift()
    this.busy = job !== undefined
    if (job) setImmediate(job)
  }
}

/** The compiled worker; from the TypeScript sources (tests), the built one in dist/. */
function workerFile(): string {
  const here = fileURLToPath(new URL('worker.js', import.meta.url))
  if (fs.existsSync(here)) return here
  return fileURLToPath(new URL('../../dist/faces/worker.js', import.meta.url))
}

/** Checker options as data a worker can receive (no functions or class instances: a `style` object stays here). */
function plainData(options: Options): Options {
  const {style, ...rest} = options
  if (style) throw new TypeError('copydesk: a loaded `style` cannot be sent to worker threads; pass `rules` folders, or a `checker` (checked in process)')
  return JSON.parse(JSON.stringify(rest)) as Options
}
