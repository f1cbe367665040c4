/**
 * A time budget for one story, checked between checks.
 *
 * Checks are synchronous CPU work: a timer racing `check()` cannot fire while
 * one runs, so it would never cut a slow story short. Instead each check's
 * transformer first looks at the story's deadline and, once it has passed,
 * does not start: the story comes back with what the checks that did run
 * found, marked incomplete, with the ruleIds of the checks that did not run.
 * A check that has started always finishes, so in process a story can
 * overrun its budget by at most the slowest single check; the server runs
 * checks in a worker it terminates at the budget.
 */
import type {Processor, Transformer} from 'unified'
import type {VFile} from 'vfile'
import {codePlugins} from './preset.js'

interface DeadlineData {
  /** `Date.now()` after which no further check starts. */
  copydeskDeadline?: number
  /** The ruleIds of checks skipped because the deadline passed. */
  copydeskSkipped?: string[]
}

/** Give `file` a deadline `ms` from now; checks that have not started by then are skipped. */
export function setDeadline(file: VFile, ms: number): void {
  ;(file.data as DeadlineData).copydeskDeadline = Date.now() + ms
}

/** The deadline of `file` (`Date.now()` time), if it has one. */
export function deadlineOf(file: VFile): number | undefined {
  return (file.data as DeadlineData).copydeskDeadline
}

/** Whether the deadline of `file` has passed. */
export function pastDeadline(file: VFile): boolean {
  const deadline = deadlineOf(file)
  // Stryker disable next-line ConditionalExpression: equivalent: without a deadline `Date.now() > undefined` is false too
  return deadline !== undefined && Date.now() > deadline
}

/** How many checks `file` skipped because its deadline passed (0: complete). */
export function skippedChecks(file: VFile): number {
  return incompleteChecks(file).length
}

/** The ruleIds of the checks `file` skipped (on any section) because its deadline passed, sorted; `[]`: complete. */
export function incompleteChecks(file: VFile): string[] {
  return [...((file.data as DeadlineData).copydeskSkipped ?? [])]
}

/** Record that the checks `ruleIds` did not run (over all or part of `file`). */
export function markSkipped(file: VFile, ruleIds: Iterable<string>): void {
  const data = file.data as DeadlineData
  const all = new Set([...(data.copydeskSkipped ?? []), ...ruleIds])
  data.copydeskSkipped = [...all].sort()
}

/**
 * Make every plugin used on `processor` from now on (including the ones a
 * preset adds while it is attached) skip its transformer once the file's
 * deadline has passed. Returns the processor.
 */
export function withDeadlines<P extends Processor<any, any, any, any, any>>(processor: P): P {
  const use = processor.use
  const patched = function (this: P, value: unknown, ...parameters: unknown[]) {
    const plugin = typeof value === 'function' ? budgeted(value as AnyPlugin) : value
    return (use as (...values: unknown[]) => P).call(this, plugin, ...parameters)
  }
  // Stryker disable next-line BooleanLiteral: equivalent: nothing assigns or redefines a processor's `use` after this
  Object.defineProperty(processor, 'use', {value: patched, configurable: true, writable: true})
  return processor
}

type AnyPlugin = (this: unknown, ...parameters: unknown[]) => Transformer<any, any> | void | undefined

const wrapped = new WeakMap<AnyPlugin, AnyPlugin>()

function budgeted(plugin: AnyPlugin): AnyPlugin {
  let result = wrapped.get(plugin)
  if (result) return result
  result = function (this: unknown, ...parameters: unknown[]) {
    const transformer = plugin.apply(this, parameters)
    if (typeof transformer !== 'function') return transformer
    // Only checks are skipped: helpers such as `dedupe` always run.
    const ruleIds = ruleIdsOf(plugin, parameters)
    return function (tree: unknown, file: VFile) {
      if (ruleIds.length > 0 && pastDeadline(file)) {
        markSkipped(file, ruleIds)
        return undefined
      }
      if (transformer.length < 3) return (transformer as (tree: unknown, file: VFile) => unknown)(tree, file)
      // A callback-style transformer.
      return new Promise((resolve, reject) => {
        ;(transformer as (tree: unknown, file: VFile, next: (error?: unknown, tree?: unknown) => void) => void)(
          tree,
          file,
          (error, node) => (error ? reject(error) : resolve(node))
        )
      })
    } as Transformer<any, any>
  }
  Object.defineProperty(result, 'name', {value: plugin.name})
  wrapped.set(plugin, result)
  return result
}

/**
 * The ruleIds a plugin reports under: a code check's name, or the rules files a kind plugin was given.
 * (The code checks are looked up here, not in a table made when the module loads: a mutation of a
 * module-level table is a "static" mutant, which Stryker cannot pin to the tests that reach it; see
 * docs/mutation.md.)
 */
function ruleIdsOf(plugin: AnyPlugin, parameters: unknown[]): string[] {
  const code = Object.entries(codePlugins).find(([, value]) => value === plugin)
  if (code) return [code[0]]
  const files = (parameters[0] as {files?: unknown} | undefined)?.files
  if (!Array.isArray(files)) return []
  // Stryker disable next-line OptionalChaining: equivalent: the preset gives a kind plugin compiled rules files (objects), never null
  return files.flatMap((file) => (typeof file?.ruleId === 'string' ? [file.ruleId as string] : []))
}
