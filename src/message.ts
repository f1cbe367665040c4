/**
 * The message contract: every finding copydesk reports is made here, so that
 * `ruleId`, `source`, `url`, level and span are the same in every check.
 */
import type {Node, Position} from 'unist'
import type {Plugin, Transformer} from 'unified'
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Level} from './types.js'
import {codeChecks, defaultRuleIds} from './types.js'

// The shipped docs folder, as a `file:` URL.
const docsRoot = new URL('../docs/', import.meta.url).href

/**
 * Where a check is explained: its page in the docs shipped with the package
 * (`docs/checks/<ruleId>.md`, the part for editors first, then the developer
 * facts), as a `file:` URL that resolves wherever copydesk is installed and
 * matches the installed version, with no network and no site to keep up.
 * For a rules entry, `#entry-<id>` points at its row in the page's entries
 * table, which links the entry's stylebook section. The HTTP server answers
 * the same text as HTML at `/docs/checks/<ruleId>` and links there instead
 * (src/faces/docs-routes.ts).
 */
export function docsUrl(ruleId: string, entry?: string): string {
  let url = docsUrls.get(ruleId)
  if (url === undefined) {
    url = docsPageUrl(`checks/${encodeURIComponent(ruleId)}.md`)
    docsUrls.set(ruleId, url)
  }
  return entry ? `${url}#entry-${encodeURIComponent(entry)}` : url
}

// The checks whose pages ship in docs/checks/: their findings link there,
// whatever link the data gives (the page links the stylebook in turn). A
// newsroom's own rules files have no page here and keep their own link.
const explained = new Set<string>([...Object.keys(codeChecks), ...defaultRuleIds])

/** The `url` of a finding: its check's explanation, or for a check copydesk does not ship, the link given. */
function explanationOf(ruleId: string, url: string | undefined, entry?: string): string {
  if (explained.has(ruleId) && !url?.startsWith(docsRoot)) return docsUrl(ruleId, entry)
  return url || docsUrl(ruleId, entry)
}

// Every message asks for its check's page: parse each URL once.
const docsUrls = new Map<string, string>()

/** A page of the shipped docs (`configuration.md#inline-control`), as a `file:` URL. */
export function docsPageUrl(page: string): string {
  return new URL(page, docsRoot).href
}

/** What a check says about one span. */
export interface Finding {
  /** Stable name of the check (`spelling`, `titles`, …). */
  ruleId: string
  /** One sentence for a copy editor, naming the text and the fix. */
  reason: string
  /** Severity. */
  level: Level
  /** The flagged text, as written. */
  actual?: string
  /** Replacements, best first (empty: remove or rewrite). */
  expected?: string[]
  /**
   * Where the rule is documented: a stylebook section, or a page of the docs.
   * A finding of a check copydesk ships links to that check's page instead
   * (`docsUrl`), which links the stylebook in turn.
   */
  url?: string
  /** Why (the rule behind it). */
  note?: string
  /** Related place, e.g. where the other spelling of a name was first used. */
  cause?: {reason: string; place?: Position}
  /** Stable id of the rules entry that fired, for data rules. */
  entry?: string
  /** Whether the span is inside quotation marks (fixes never touch quotes). */
  quoted?: boolean
}

/**
 * Report a finding on `file` at `place` (a node or a span start..end).
 * Never throws and never stops other checks (no `file.fail`).
 */
export function report(
  file: VFile,
  place: Node | Position | {start: Node; end: Node},
  finding: Finding
): VFileMessage {
  const position = toPosition(place)
  // A VFileMessage is an Error, and sets its `stack` to '' once V8 has
  // captured one: skip that capture, which costs more than the rest of it.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: VFileMessage
  try {
    message = file.message(finding.reason, {
      place: position,
      ruleId: finding.ruleId,
      source: 'copydesk'
    })
    if (finding.cause) {
      // A message, not an Error: reporters print it as a place ("3:12 first used
      // here"), not as a stack trace.
      const cause = new VFileMessage(finding.cause.reason, {
        place: finding.cause.place,
        ruleId: finding.ruleId,
        source: 'copydesk'
      })
      cause.file = file.path || ''
      message.cause = cause
    }
  } finally {
    Error.stackTraceLimit = limit
  }
  message.actual = finding.actual
  message.expected = finding.expected
  message.url = explanationOf(finding.ruleId, finding.url, finding.entry)
  if (finding.note) message.note = finding.note
  const data: Record<string, unknown> = {}
  if (finding.entry) data.entry = finding.entry
  if (finding.quoted) data.quoted = true
  if (Object.keys(data).length > 0) Object.assign(message, {data})
  setLevel(message, finding.level)
  return message
}

/** Give a message the `fatal` value of a level. */
export function setLevel(message: VFileMessage, level: Level): void {
  // vfile: `info` is `fatal: undefined`, `message` is `false`, an error `true`.
  message.fatal = level === 'error' ? true : level === 'warning' ? false : undefined
}

/** The level a message has. */
export function levelOf(message: VFileMessage): Level {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'suggestion'
}

/** Options to stamp a third-party plugin's messages as one of ours. */
export interface StampOptions {
  ruleId: string
  level: Level
  url?: string
  /** Rewrite the plugin's reason for a copy editor; return `false` to drop the message. */
  rewrite?: (message: VFileMessage) => string | false | undefined
}

/**
 * Wrap a retext plugin: run its transformer, then stamp only the messages it
 * added with our `ruleId`, `source`, `url` and level (the way
 * `unified-lint-rule` stamps only its own rule's messages). Keeps its
 * `actual` / `expected`.
 */
export function wrap<Options extends unknown[]>(
  plugin: Plugin<Options, Root>,
  stamp: StampOptions,
  ...options: Options
): Plugin<[], Root> {
  return function () {
    const inner = plugin.call(this, ...options) as Transformer<Root> | undefined
    return function (tree, file) {
      if (!inner) return
      const before = file.messages.length
      // Works for sync, promise and callback transformers alike; a sync one
      // (all retext plugins) is stamped at once, without a promise.
      let called = false
      let failure: Error | null | undefined
      let settle: ((error?: Error | null) => void) | undefined
      const result = inner(tree, file, (error?: Error | null) => {
        called = true
        failure = error
        settle?.(error)
        return undefined
      })
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        return (result as Promise<unknown>).then(() => stampAdded(file, before, stamp))
      }
      if (inner.length < 3 || called) {
        if (failure) throw failure
        stampAdded(file, before, stamp)
        return
      }
      return new Promise<void>((resolve, reject) => {
        settle = (error) => {
          if (error) reject(error)
          else {
            stampAdded(file, before, stamp)
            resolve()
          }
        }
      })
    }
  }
}

/** Stamp the messages a wrapped plugin added to `file` after the first `before`. */
function stampAdded(file: VFile, before: number, stamp: StampOptions): void {
  const added = file.messages.splice(before)
  for (const message of added) {
    const reason = stamp.rewrite ? stamp.rewrite(message) : undefined
    if (reason === false) continue
    if (reason) message.reason = message.message = reason
    message.ruleId = stamp.ruleId
    message.source = 'copydesk'
    message.url = explanationOf(stamp.ruleId, stamp.url)
    setLevel(message, stamp.level)
    file.messages.push(message)
  }
}

function toPosition(place: Node | Position | {start: Node; end: Node}): Position | undefined {
  if ('type' in place) return place.position
  const {start, end} = place as {start: unknown; end: unknown}
  if (start && typeof start === 'object' && 'type' in start) {
    const from = (start as Node).position
    const to = (end as Node).position
    return from && to ? {start: from.start, end: to.end} : undefined
  }
  return place as Position
}
