/**
 * The one entry point: `check(input, options) → VFile`. Pure: it touches no
 * files, environment or network once its checker is made; rules and
 * dictionaries are loaded once per checker and reused. (One exception: with
 * `rules` folders, the desk dictionary's file is stat'ed for each story,
 * so a word the desk adds is seen at once: src/desk/live.ts.)
 */
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {stringifyPosition} from 'unist-util-stringify-position'
import {blockSize, markdownCuts, piecesOf, shiftPoint, type Piece} from './input/parse.js'
import type {Point} from 'unist'
import type {Processor} from 'unified'
import type {CheckOptions, Options, Settings} from './options.js'
import {normalizeOptions} from './options.js'
import {styleFor} from './preset.js'
import {loadMarkup, processorFor} from './input/formats.js'
import type {Style} from './house-style/compile.js'
import type {Format} from './types.js'
import type {HeadlineData} from './nlcst/scope.js'
import type {ControlData} from './nlcst/control.js'
import {levelFor} from './options.js'
import {codeChecks, type CodeCheck} from './types.js'
import {deadlineOf, markSkipped, pastDeadline} from './deadline.js'
import {byImportance, capFindings, mergeDropped} from './result.js'
import {markerGate} from './house-style/kinds/existence-gate.js'
import type {VisibleText} from './nlcst/visible-text.js'
import {liveDesk} from './desk/live.js'
import {decideFile} from './decisions.js'
import {htmlParseCache, type HtmlParse} from './input/html-blocks.js'
import {ByteLru, parseCache, pluginOrder, runIncremental, wholeStoryChecks, type IncrementalOptions, type IncrementalStats} from './incremental.js'
import {dedupeMessages} from './preset.js'
import type {Root} from 'nlcst'

/**
 * Per-story hooks for callers that must act before the whole check is done
 * (the server's workers post the must-never-publish findings first).
 */
export interface RunHooks {
  /** Called once the must-never-publish checks have run over the whole story (and headline), with their findings. */
  onCritical?(messages: VFileMessage[]): void
}

/**
 * Which checks a checker runs, in two groups: `critical` (rules files of
 * kind `existence` at level `error`, such as `leftovers`: copy that must
 * never be published) run first, over the whole story, whatever the time
 * budget; `rest` run after them while the budget lasts.
 */
export interface CheckPlan {
  critical: string[]
  rest: string[]
}

const plans = new WeakMap<object, CheckPlan>()

/** The checks `checker` runs (see `CheckPlan`); for a checker not made by `createChecker`, every check is `rest`. */
export function planOf(checker: Checker): CheckPlan {
  return plans.get(checker) ?? {critical: [], rest: []}
}

const caches = new WeakMap<object, ByteLru>()

/** How many paragraphs an incremental checker (`createChecker(options, {incremental: true})`) reused and checked, and its cache's size; `undefined` for another checker. */
export function incrementalStatsOf(checker: Checker): (IncrementalStats & {entries: number; bytes: number}) | undefined {
  const cache = caches.get(checker)
  return cache && {...cache.stats, entries: cache.size, bytes: cache.bytes}
}

/** A prepared checker: settings validated, rules compiled, dictionaries loaded on first use. */
export interface Checker {
  /** Check one story. The input is never changed. */
  check(input: string | VFile, options?: CheckOptions & RunHooks): Promise<VFile>
  /** The compiled house style in use. */
  readonly style: Style
  /** The validated settings. */
  readonly settings: Settings
}

/**
 * Make a checker with its own settings (dictionary additions, which checks
 * run, levels, dialect, a newsroom's rules). Make it once and reuse it.
 * `Custom` names the ruleIds of a newsroom's own rules files so `checks`
 * accepts them: `createChecker<'local-names'>({rules, checks: {'local-names': 'error'}})`.
 */
export function createChecker<Custom extends string = never>(options: Options<NoInfer<Custom>> = {}, tuning: CheckerTuning = {}): Checker {
  const settings = normalizeOptions(options)
  const style = styleFor(options)
  const plan = planFor(settings, style)
  // The must-never-publish markers, found again on the whole story's characters (a backstop to the token matcher).
  const gate = markerGate(style.files.filter((file) => plan.critical.includes(file.ruleId)), [...Object.keys(codeChecks), ...style.files.map((file) => file.ruleId)])
  // Two pipelines per format: the critical checks alone, then every other check.
  const off = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'off' as const]))
  // The desk dictionary's words join `dictionary`; the pipelines are made again when they change.
  const desk = settings.desk && settings.rules.length > 0 ? liveDesk(settings.rules) : undefined
  let deskStamp = ''
  const presetFor = (deskWords: ReadonlyArray<string>): Record<Phase, Options> => {
    const base = deskWords.length > 0 ? {...options, style, dictionary: [...(options.dictionary ?? []), ...deskWords]} : {...options, style}
    return {
      all: base,
      critical: {...base, checks: {...options.checks, ...off([...Object.keys(codeChecks), ...plan.rest])}},
      rest: {...base, checks: {...options.checks, ...off(plan.critical)}}
    }
  }
  let presetOptions = presetFor([])
  const processors = new Map<string, Processor<any, any, any, any, any>>()
  const refreshDesk = () => {
    if (!desk) return
    const now = desk.current()
    if (now.stamp === deskStamp) return
    deskStamp = now.stamp
    presetOptions = presetFor(now.words)
    processors.clear()
    cache?.clear()
  }

  // Instant re-checks (src/incremental.ts): paragraphs seen before are not checked again.
  const cache = tuning.incremental ? new ByteLru((tuning.incremental === true ? undefined : tuning.incremental.maxBytes) ?? 32 * 1024 * 1024) : undefined
  const incrementalMarkup = typeof tuning.incremental !== 'object' || tuning.incremental.markup !== false
  const wholeIds = wholeStoryChecks(style)
  const allIds = [...Object.keys(codeChecks), ...style.files.map((file) => file.ruleId)]
  const order = pluginOrder(style)
  // The story-wide facts the paragraph checks read: none for the floor's checker.
  const facts = {names: plan.rest.includes('spelling') || plan.rest.includes('dialect'), curly: plan.rest.includes('confusables')}
  function pipeline(phase: 'all' | 'rest', part: 'whole' | 'paragraph') {
    const key = `${phase}:text:${part}`
    let value = processors.get(key)
    if (!value) {
      const base = presetOptions[phase]
      const ids = part === 'whole' ? allIds.filter((id) => !wholeIds.includes(id)) : wholeIds
      value = processorFor('text', {...base, checks: {...base.checks, ...off(ids)}})
      processors.set(key, value)
    }
    return value
  }
  /** Whether `file` can be checked incrementally (a story with a headline line is checked whole). */
  function incremental(file: VFile): boolean {
    const data = file.data as HeadlineData
    return cache !== undefined && !data.headline && data.headlineLines === undefined
  }
  /** The incremental run of `phase` over `file`, when it can stand in for a whole run (plain text; HTML `parsed` by blocks; else Markdown and HTML: {@link processor}). */
  function incrementalFor(phase: 'all' | 'rest', format: Format, file: VFile, parsed?: HtmlParse): ((tree: unknown) => Promise<void>) | undefined {
    if (!cache || !incremental(file)) return undefined
    if (format === 'html' && parsed) {
      // Even for the floor's checker (`markup: false`): a block's paragraphs are keyed cheaply (their shapes are kept by the block parsed, src/incremental.ts `shapeOf`).
      const pipelines = {whole: pipeline(phase, 'whole'), paragraph: pipeline(phase, 'paragraph')}
      return (tree) => runIncremental(pipelines, file, tree as Root, cache, `${phase}\u0000${format}\u0000${deskStamp}`, order, dedupeMessages, true, facts)
    }
    if (format !== 'text') return undefined
    const pipelines = {whole: pipeline(phase, 'whole'), paragraph: pipeline(phase, 'paragraph')}
    return (tree) => runIncremental(pipelines, file, tree as Root, cache, `${phase}\u0000${deskStamp}`, order, dedupeMessages, false, facts)
  }

  /** The checks of `phase` run over a tree already parsed (an HTML story parsed by blocks), as its format's processor runs them. */
  function treeRun(phase: Phase, file: VFile): (tree: unknown) => Promise<void> {
    const checks = processor('text', phase)
    return async (tree) => {
      await checks.run(tree as never, file)
    }
  }

  /** An HTML story checked whole by an incremental checker, parsed only where it changed (src/input/html-blocks.ts; the floor's checker and the other share it); `undefined`: parsed as before. */
  async function htmlParse(format: Format, file: VFile, pieces: Piece[] | undefined): Promise<HtmlParse | undefined> {
    if (!cache || format !== 'html' || pieces !== undefined || !incremental(file)) return undefined
    const markup = await loadMarkup()
    return htmlParseCache.parse(String(file.value), markup, markup.htmlPartSize)
  }

  /** Plain text `file` parsed (whole: no sections); an incremental checker parses only the paragraphs it has not seen ({@link parseCache}). */
  function textTree(file: VFile): unknown {
    const text = processor('text')
    if (cache && incremental(file)) {
      const tree = parseCache.parse(String(file.value), (value) => text.parse(value) as Root, blockSize)
      if (tree) return tree
    }
    return parse(text, file)
  }

  /** The processor for `format` and `phase`; for Markdown and HTML `file` checked incrementally, one whose bridge runs the incremental checks. */
  function processor(format: Format, phase: Phase = 'rest', file?: VFile) {
    // 'all': every check in one pipeline (no budget); 'critical' then 'rest' under a budget.
    const markup = cache !== undefined && incrementalMarkup && format !== 'text' && phase !== 'critical' && file !== undefined && incremental(file)
    const key = phase + ':' + format + (markup ? ':incremental' : '')
    let value = processors.get(key)
    if (!value) {
      const checks = markup
        ? (tree: Root, each: VFile) => {
            const at = phase as 'all' | 'rest'
            const pipelines = {whole: pipeline(at, 'whole'), paragraph: pipeline(at, 'paragraph')}
            return runIncremental(pipelines, each, tree, cache!, `${phase}\u0000${format}\u0000${deskStamp}`, order, dedupeMessages, true, facts)
          }
        : undefined
      value = processorFor(format, presetOptions[phase], checks)
      processors.set(key, value)
    }
    return value
  }

  /** Run both phases over `file`: critical (no deadline, whole text), then the rest (under the deadline). */
  async function phases(format: Format, file: VFile, hooks: RunHooks, headline?: string): Promise<void> {
    const head = typeof headline === 'string' && headline.trim() !== '' ? headline : undefined
    const max = settings.maxFindings
    // Both paths below cut the story into the same sections and place messages the same way (`runWhole`).
    const pieces = piecesFor(String(file.value), format, format === 'html' ? await loadMarkup() : undefined)
    // HTML in sections: the gate runs on each section's visible text (`runSections`), never cut by a section (see src/input/html-cuts.ts).
    const sectionGate = pieces && format === 'html' ? (section: VFile, visible: VisibleText) => gate(section, format, section.messages, undefined, visible) : undefined
    // Without a budget (or a caller waiting for the critical findings) order does not matter: one pipeline, one parse.
    // The gate reads the visible text off the tree the checks ran on when a Markdown story was parsed whole.
    // HTML is parsed again for it, after the checks' trees are gone: read off their tree, 5 MB of HTML peaked higher (790 MB, 649 MB).
    const keep = format === 'markdown' ? format : undefined
    const parsed = await htmlParse(format, file, pieces)
    if (deadlineOf(file) === undefined && !hooks.onCritical) {
      const instead = incrementalFor('all', format, file, parsed)
      const body = await runWhole(processor(format, 'all', file), file, {pieces, max, keep, gate: sectionGate, instead, tree: instead && pieces === undefined ? (parsed?.tree ?? textTree(file)) : undefined})
      if (head !== undefined) {
        const allHead = headlineFile(head, file)
        await runWhole(processor('text', 'all'), allHead, {pieces: piecesFor(head, 'text'), max})
        file.messages.push(...headlineMessages(allHead, file))
      }
      file.messages.push(...gate(file, format, file.messages, head, sectionGate ? noText : (parsed?.visible ?? (await visibleFor(file, format, body)))))
      return
    }
    const found: VFileMessage[] = []
    // Plain text checked whole is parsed once for both runs (the checks read the tree, never change it).
    const tree = pieces === undefined && format === 'text' ? textTree(file) : parsed?.tree
    if (plan.critical.length > 0) {
      const critical = new VFile({value: file.value, path: file.path})
      critical.data = {...file.data, copydeskDeadline: undefined}
      const body = await runWhole(processor(format, 'critical'), critical, {pieces, tree, max, keep, gate: sectionGate, instead: parsed && treeRun('critical', critical)})
      // Only the critical checks' own findings: anything else the pipeline
      // reports (a bad control comment) comes again from the second run.
      const own = (message: VFileMessage) => plan.critical.includes(message.ruleId ?? '')
      found.push(...critical.messages.filter(own))
      mergeDropped(file, critical, (ruleId) => plan.critical.includes(ruleId))
      if (head !== undefined) {
        const criticalHead = headlineFile(head, file)
        await runWhole(processor('text', 'critical'), criticalHead, {pieces: piecesFor(head, 'text'), max})
        found.push(...headlineMessages(criticalHead, file).filter(own))
      }
      found.push(...gate(file, format, found, head, sectionGate ? noText : (parsed?.visible ?? (await visibleFor(file, format, body)))))
      file.messages.push(...found)
    }
    // No more than `maxFindings` cross to the caller (a worker posts them to the server's thread).
    hooks.onCritical?.(found.length > max ? [...found].sort(byImportance).slice(0, max) : found)
    await runWhole(processor(format, 'rest', file), file, {pieces, checks: plan.rest, tree, max, instead: incrementalFor('rest', format, file, parsed)})
    if (head !== undefined) {
      const restHead = headlineFile(head, file)
      restHead.data = {...restHead.data, copydeskDeadline: deadlineOf(file)}
      if (pastDeadline(restHead)) markSkipped(file, plan.rest)
      else await runWhole(processor('text'), restHead, {pieces: piecesFor(head, 'text'), max})
      file.messages.push(...headlineMessages(restHead, file))
      markSkipped(file, (restHead.data as {copydeskSkipped?: string[]}).copydeskSkipped ?? [])
    }
  }

  // Build the text processors now so a bad option or rules file fails here, not on first story.
  refreshDesk()
  processor('text', 'all')

  const checker: Checker = {
    style,
    settings,
    async check(input, checkOptions = {}) {
      const {format = 'text', headline, decisions, allowErrorDismissal, ...hooks} = checkOptions
      if (format !== 'text' && format !== 'markdown' && format !== 'html') {
        throw new TypeError(
          `copydesk: option \`format\` is ${JSON.stringify(format)}; accepted: 'text', 'markdown', 'html'`
        )
      }
      if (format !== 'text') await loadMarkup()
      refreshDesk()
      const file = toFile(input)
      if (headline === true) (file.data as HeadlineData).headlineLines = 1
      await phases(format, file, hooks, typeof headline === 'string' ? headline : undefined)
      snapToCodePoints(file)
      file.messages.sort(compareMessages)
      // Keep the `maxFindings` most important; `tallyOf(file)` (src/result.ts) still counts them all.
      capFindings(file, settings.maxFindings)
      if (decisions !== undefined) decideFile(file, typeof headline === 'string' ? headline : undefined, decisions, {allowErrorDismissal})
      return file
    }
  }
  plans.set(checker, plan)
  if (cache) caches.set(checker, cache)
  return checker
}

type Phase = keyof CheckPlan | 'all'

/** How a checker works, beside what it checks. */
export interface CheckerTuning {
  /** Keep each paragraph's findings and check only changed paragraphs of a story seen before (src/incremental.ts); findings equal a full check's. */
  incremental?: boolean | IncrementalOptions
}

function planFor(settings: Settings, style: Style): CheckPlan {
  const plan: CheckPlan = {critical: [], rest: []}
  for (const name of Object.keys(codeChecks) as CodeCheck[]) {
    if (levelFor(settings.checks, name, codeChecks[name])) plan.rest.push(name)
  }
  for (const file of style.files) {
    const off = (file as {off?: boolean}).off
    const level = levelFor(settings.checks, file.ruleId, off ? ('off' as never) : file.level)
    if (!level) continue
    plan[file.kind === 'existence' && level === 'error' ? 'critical' : 'rest'].push(file.ruleId)
  }
  return plan
}

function headlineFile(headline: string, file: VFile): VFile {
  const head = new VFile({value: headline, path: file.path})
  ;(head.data as HeadlineData).headline = true
  return head
}

function headlineMessages(head: VFile, file: VFile): VFileMessage[] {
  for (const message of head.messages) {
    message.file = file.path || ''
    Object.assign(message, {data: {...(message as {data?: object}).data, field: 'headline'}})
  }
  return head.messages
}

/** How `runWhole` runs over a story. */
interface RunPlan {
  /** The story's sections ({@link piecesFor}); `undefined`: checked whole. */
  pieces: Piece[] | undefined
  /** The ruleIds to mark skipped when the deadline has passed. */
  checks?: string[]
  /** The story already parsed, when checked whole. */
  tree?: unknown
  /** Findings kept (`maxFindings`): between sections, findings past twice this are left out (and tallied). */
  max: number
  /** Run instead of `processor` over the parsed story, when checked whole (the incremental run, src/incremental.ts; plain text only). */
  instead?: (tree: unknown) => Promise<void>
  /** Markdown and HTML: return the visible text of the story's tree, when it is parsed whole (src/input/markup.ts `keepVisible`). */
  keep?: 'markdown' | 'html'
  /** HTML in sections: the gate, run on each section with its visible text; its findings are the section's. */
  gate?: (section: VFile, visible: VisibleText) => VFileMessage[]
}

/**
 * Run `processor` over all of `file`: in the sections `pieces` (from
 * {@link piecesFor}) with every message moved back to its place in `file`,
 * else whole (over `tree` when the story is already parsed). The one place
 * where sections are cut and places shifted, for every phase and face.
 */
async function runWhole(processor: Processor<any, any, any, any, any>, file: VFile, {pieces, checks = [], tree, max, instead, keep, gate}: RunPlan): Promise<VisibleText | undefined> {
  const markup = keep || gate ? await loadMarkup() : undefined
  if (pieces) return runSections(processor, file, pieces, checks, max, pieces.length === 1 && keep ? {markup: markup!, language: keep} : undefined, gate && {markup: markup!, gate})
  if (checks.length > 0 && pastDeadline(file)) markSkipped(file, checks)
  else if (instead) await instead(tree ?? parse(processor, file))
  else {
    markup?.keepVisible(file)
    await processor.run((tree ?? parse(processor, file)) as never, file)
    return markup?.takeVisible(file, keep!)
  }
  return undefined
}

/** No story text: the gate then reads only the headline (HTML in sections is gated section by section). */
const noText: VisibleText = {text: '', start: () => 0, end: () => 0, shift: 0}

/** The visible text the gate reads: `kept` off the checks' tree, else read (plain text) or parsed whole (a story checked in sections). */
async function visibleFor(file: VFile, format: Format, kept: VisibleText | undefined): Promise<VisibleText | undefined> {
  if (kept || format === 'text') return kept
  return (await loadMarkup()).visibleOfMarkup(String(file.value), format)
}

const checkers = new Map<string, Checker>()

/**
 * Check one story with copydesk's default checker (made on first call and
 * reused), or a cached checker for the given checker options (`Custom`: as
 * for {@link createChecker}).
 */
export async function check<Custom extends string = never>(
  input: string | VFile,
  options: Options<NoInfer<Custom>> & CheckOptions = {}
): Promise<VFile> {
  const {format, headline, decisions, allowErrorDismissal, ...checkerOptions} = options
  const key = JSON.stringify(checkerOptions)
  let checker = checkers.get(key)
  if (!checker) {
    checker = createChecker(checkerOptions)
    // Keep a few configurations warm; a caller with many should use createChecker.
    if (checkers.size >= 16) checkers.delete(checkers.keys().next().value as string)
    checkers.set(key, checker)
  }
  return checker.check(input, {format, headline, decisions, allowErrorDismissal})
}

function toFile(input: string | VFile): VFile {
  if (typeof input === 'string') return new VFile({value: input})
  if (input instanceof VFile) return input
  if (input && typeof input === 'object' && 'value' in input) return new VFile(input as VFile)
  throw new TypeError(`copydesk: input must be a string or a VFile, got ${input === null ? 'null' : typeof input}`)
}

/**
 * A story copydesk cannot read at all (as opposed to a bad option, which is a
 * `TypeError`). `statusCode` 422 tells the HTTP face it is the story's fault.
 */
export class StoryError extends Error {
  override name = 'StoryError'
  readonly statusCode = 422
}

function parse(processor: Processor<any, any, any, any, any>, file: VFile): unknown {
  try {
    return processor.parse(file)
  } catch (error) {
    // The HTML and Markdown parsers recurse: markup nested thousands deep
    // overflows the stack. Say what is wrong instead of "Maximum call stack".
    if (error instanceof RangeError) {
      throw new StoryError(
        'copydesk: the story’s markup is nested too deeply to read (thousands of elements inside one another), which is usually broken CMS output. Fix the markup, or check the story as plain text (format `text`).'
      )
    }
    throw error
  }
}

/**
 * Plain text longer than this is checked in sections cut at blank lines, so
 * memory stays bounded (an nlcst tree takes ~200 bytes a character) and time
 * linear. No real story is this long; story-wide checks (first reference of
 * an acronym, name consistency) then work within a section.
 */
export const sectionSize = 256 * 1024

/**
 * Markdown longer than this is checked in sections too, cut at blank lines
 * outside fenced code (src/input/parse.ts `markdownCuts`). Smaller than for text:
 * the mdast and hast trees are kept beside the nlcst tree while a section is
 * checked.
 */
export const markdownSectionSize = 64 * 1024

/**
 * HTML longer than this is checked in sections too, cut after block
 * elements where the parser has nothing pending (src/input/html-cuts.ts),
 * so each section parses into the tree the whole story would have there.
 * Memory then stays bounded: 5 MB of HTML held a whole hast tree, and the
 * gate a visible text of it, at once.
 */
export const htmlSectionSize = 256 * 1024

/**
 * The sections `value` is checked in, or `undefined` when it is checked whole.
 * A leading byte order mark is never handed to a parser (they disagree on
 * whether it counts): the story is checked from the character after it, and
 * places are shifted back, so columns on line 1 count the mark as text does.
 */
function piecesFor(value: string, format: Format, markup?: Awaited<ReturnType<typeof loadMarkup>>): Piece[] | undefined {
  const bom = value.charCodeAt(0) === 0xfeff ? 1 : 0
  const size = format === 'text' ? sectionSize : format === 'markdown' ? markdownSectionSize : htmlSectionSize
  if (bom === 0 && value.length <= size) return undefined
  const start = {line: 1, column: 1 + bom, offset: bom}
  const body = value.slice(bom)
  if (body.length <= size) return [{text: body, start}]
  const cut = format === 'markdown' ? markdownCuts : format === 'html' ? markup!.htmlSectionCuts : undefined
  const pieces = [...piecesOf(body, size, cut)]
  for (const piece of pieces) shiftPoint(piece.start, start)
  return pieces
}

async function runSections(
  processor: Processor<any, any, any, any, any>,
  file: VFile,
  pieces: Iterable<Piece>,
  checks: string[],
  max: number,
  keep?: {markup: Awaited<ReturnType<typeof loadMarkup>>; language: 'markdown' | 'html'},
  gated?: {markup: Awaited<ReturnType<typeof loadMarkup>>; gate: NonNullable<RunPlan['gate']>}
): Promise<VisibleText | undefined> {
  let visible: VisibleText | undefined
  let first = true
  // Inline `disable`/`enable` comments met so far: each later section starts with them (src/nlcst/control.ts).
  let carried: string[] = []
  for (const piece of pieces) {
    // Past the deadline, later sections are not even parsed: every check is incomplete.
    if (checks.length > 0 && pastDeadline(file)) {
      markSkipped(file, checks)
      break
    }
    const section = new VFile({value: piece.text, path: file.path})
    section.data = {...file.data, copydeskSkipped: undefined}
    // Only the first section can hold the headline line.
    if (!first) delete (section.data as HeadlineData).headlineLines
    first = false
    if (gated) (section.data as ControlData).copydeskCarry = carried
    ;(keep ?? gated)?.markup.keepVisible(section)
    await processor.run(parse(processor, section) as never, section)
    // One section (the story after a byte order mark): its visible text is the story's, moved by where it starts.
    const kept = keep?.markup.takeVisible(section, keep.language)
    if (kept) visible = movedVisible(kept, piece.start.offset)
    if (gated) {
      carried = (section.data as ControlData).copydeskMarkers ?? carried
      // Read off the section's tree (parsed again when its nesting was flattened), then let go.
      const own = gated.markup.takeVisible(section, 'html') ?? gated.markup.visibleOfMarkup(piece.text, 'html')
      section.messages.push(...gated.gate(section, own))
    }
    // A check skipped on any section did not run over the whole story.
    markSkipped(file, (section.data as {copydeskSkipped?: string[]}).copydeskSkipped ?? [])
    for (const message of section.messages) {
      if (message.ruleId === 'empty-story') {
        // A blank section of a long story is not an empty story; an empty
        // story's message spans all of it (a byte-order mark included).
        if (/\S/.test(String(file.value).replace(/^\uFEFF/, ''))) continue
        spanWhole(message, String(file.value))
      } else {
        shiftMessage(message, piece.start)
      }
      message.file = file.path || ''
      file.messages.push(message)
    }
    // Memory stays bounded however many findings a long story has.
    if (file.messages.length > 2 * max) capFindings(file, max)
  }
  return visible
}

function movedVisible(visible: VisibleText, by: number): VisibleText {
  return {...visible, start: (index) => visible.start(index) + by, end: (index) => visible.end(index) + by, shift: visible.shift + by}
}

function spanWhole(message: VFileMessage, value: string): void {
  const lines = value.split(/\r\n|\r|\n/)
  const start = {line: 1, column: 1, offset: 0}
  const end = {line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: value.length}
  message.place = {start, end}
  message.line = 1
  message.column = 1
  message.name = stringifyPosition(message.place)
}

/**
 * Move `message` from its section to its place in the story. Its points are
 * copied first: checks share point objects with the tree and with one
 * another (two findings ending on one word), and a shared point shifted
 * once per message landed past the text.
 */
function shiftMessage(message: VFileMessage, start: Required<Point>): void {
  const old = message.place
  const place = old ? ('start' in old ? {start: {...old.start}, end: {...old.end}} : {...old}) : undefined
  message.place = place
  const points = (place ? ('start' in place ? [place.start, place.end] : [place]) : []) as Point[]
  for (const point of points) shiftPoint(point, start)
  if (points[0]) {
    message.line = points[0].line
    message.column = points[0].column
    message.name = stringifyPosition(place) || '1:1'
  }
}

/**
 * parse-latin may cut between the two halves of an astral character (an
 * emoji, a historic script), and a span that ends or starts at such a cut
 * would split it: widen it to the whole character, on the same line.
 */
function snapToCodePoints(file: VFile): void {
  const value = String(file.value)
  const high = (index: number) => {
    const code = value.charCodeAt(index)
    return code >= 0xd800 && code <= 0xdbff
  }
  const low = (index: number) => {
    const code = value.charCodeAt(index)
    return code >= 0xdc00 && code <= 0xdfff
  }
  for (const message of file.messages) {
    const place = message.place
    if (!place || !('start' in place)) continue
    // Points may be shared with other messages and the tree: move copies.
    const start = {...place.start}
    const end = {...place.end}
    message.place = {start, end}
    if (start.offset !== undefined && start.offset > 0 && low(start.offset) && high(start.offset - 1)) {
      start.offset--
      start.column--
      message.column = start.column
    }
    if (end.offset !== undefined && end.offset < value.length && low(end.offset) && high(end.offset - 1)) {
      end.offset++
      end.column++
    }
    message.name = stringifyPosition(message.place) || message.name
  }
}

function compareMessages(a: {line?: number; column?: number}, b: {line?: number; column?: number}): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
}
