/**
 * Kind `acronym`: acronyms on first reference, across the whole story and in
 * order (AP `abbreviations and acronyms`). Entries are acronyms, with how
 * they may be used first and how they are said (for `a`/`an`), or checks:
 *
 * ```yaml
 * - id: epa
 *   acronym: EPA
 *   expansion: Environmental Protection Agency
 *   first: second        # spell out before first use
 *   pronounced: letters
 * - id: parenthetical
 *   check: parenthetical # "Islamic extremist militants (JNIM)"
 * ```
 *
 * What it flags:
 * - `check: parenthetical` — an acronym in parentheses after a name or set
 *   off by dashes ("the Federal Emergency Management Agency (FEMA)"): AP
 *   does not use that crutch.
 * - `first: second` — the first use of a listed acronym before its
 *   expansion (or a run of capitalized words with its initials) appears;
 *   `cause` points at a later spelled-out form, if any.
 * - `check: spelled-out-later` — an acronym that is not listed, used first
 *   and spelled out only later in the story. Unlisted acronyms never spelled
 *   out (company tickers, BHP, NYSE) are left alone.
 *
 * The compiled data exposes `pronounced`: acronym as written → `letters` or
 * `word` (NATO → word, FBI → letters), for the indefinite-article check.
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {Kind, KindPluginOptions} from '../kind.js'
import {Story} from '../runtime.js'
import {compileFile, entrySchema, type AcronymData} from './acronym/entries.js'
import {scanStory} from './acronym/scan.js'
import {judge} from './acronym/messages.js'

// The kind's parts are in acronym/: entries.ts (entry schema, compiling),
// scan.ts (one pass over the story), uses.ts (what is an acronym use to
// judge), spelled-out.ts (finding names spelled out), nodes.ts (node
// helpers), messages.ts (what to report).
export type {AcronymData, AcronymEntry, CompiledAcronym, Pronounced} from './acronym/entries.js'

/** The retext plugin: one pass over the story in order, then the findings. */
export const acronym: Plugin<[KindPluginOptions<AcronymData>], Root> = function (options) {
  const files = options.files
  return function (tree, file) {
    const story = new Story(tree, file)
    const scan = scanStory(tree, files)
    for (const compiled of files) judge(story, compiled, scan)
  }
}

/** The `acronym` kind. */
export const kind: Kind<AcronymData> = {
  name: 'acronym',
  description:
    'Acronyms on first reference, in story order: second-reference-only acronyms spelled out first, no parenthetical acronyms; also how each is said (for a/an).',
  entrySchema,
  defaults: {quotes: 'suggestion', scope: 'text', level: 'warning'},
  compile: (file, others) => compileFile(file, others),
  plugin: acronym
}
