/**
 * A time budget for one story, checked between checks.
 *
 * Checks are synchronous CPU work: a timer racing `check()` cannot fire while
 * one runs, so it would never cut a slow story short. Instead each check's
 * transformer first looks at the story's deadline and, once it has passed,
 * does not start: the story comes back with what the checks that did run
 * found, marked incomplete. A check that has started always finishes, so a
 * story can overrun its budget by at most the slowest single check.
 */
import type {Processor, Transformer} from 'unified'
import type {VFile} from 'vfile'

interface DeadlineData {
  /** `Date.now()` after which no further check starts. */
  copydeskDeadline?: number
  /** How many checks were skipped because the deadline passed. */
  copydeskSkipped?: number
}

/** Give `file` a deadline `ms` from now; checks that have not started by then are skipped. */
export function setDeadline(file: VFile, ms: number): void {
  ;(file.data as DeadlineData).copydeskDeadline = Date.now() + ms
}

/** How many checks `file` skipped because its deadline passed (0: complete). */
export function skippedChecks(file: VFile): number {
  return (file.data as DeadlineData).copydeskSkipped ?? 0
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
    return function (tree: unknown, file: VFile) {
      const data = file.data as DeadlineData
      if (data.copydeskDeadline !== undefined && Date.now() > data.copydeskDeadline) {
        data.copydeskSkipped = (data.copydeskSkipped ?? 0) + 1
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
