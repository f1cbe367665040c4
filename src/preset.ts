/**
 * The copydesk preset: the ordered list of checks, as one unified plugin.
 * `retext().use(copydesk, options)` works in anyone's retext pipeline.
 */
import type {Plugin, Processor} from 'unified'
import type {Root} from 'nlcst'
import type {VFileMessage} from 'vfile-message'
import type {Options} from './options.js'
import {assertKnownChecks, levelFor, normalizeOptions} from './options.js'
import type {CodeCheck, CodeCheckPlugin} from './types.js'
import {codeChecks} from './types.js'
import {defaultRulesFolder, loadStyle, type Style} from './style.js'
import {kinds} from './house-style/kinds/index.js'
import {emptyStory} from './checks/empty-story.js'
import {spelling} from './checks/spelling.js'
import {dialect} from './checks/dialect.js'
import {nameConsistency} from './checks/name-consistency.js'
import {repeatedWord} from './checks/repeated-word.js'
import {indefiniteArticle} from './checks/indefinite-article.js'
import {confusables} from './checks/confusables.js'

/** The code checks, in the order they run. */
export const codePlugins: Record<CodeCheck, CodeCheckPlugin> = {
  'empty-story': emptyStory,
  spelling,
  dialect,
  'name-consistency': nameConsistency,
  'repeated-word': repeatedWord,
  'indefinite-article': indefiniteArticle,
  confusables
}

/** Load the style named by options (cached). */
export function styleFor(options: Options | null | undefined): Style {
  if (options?.style) return options.style
  const settings = normalizeOptions(options)
  const sources = [...(settings.defaultRules ? [defaultRulesFolder] : []), ...settings.rules]
  return loadStyle(sources)
}

/**
 * Check news copy: spelling with a names policy, edit residue, and house
 * style from `rules/`.
 *
 * Options: `dialect` (`'en-US'`), `checks` (levels per check), `dictionary`
 * (extra words), `rules` (a newsroom's rules folders), `defaultRules` (`true`).
 */
export const copydesk: Plugin<[Options?], Root> = function (options) {
  const settings = normalizeOptions(options)
  const style = styleFor(options)
  assertKnownChecks(settings.checks, style.files.map((file) => file.ruleId))
  const dictionary = [...style.dictionary, ...settings.dictionary]
  const processor = this as unknown as Processor<Root>

  for (const [name, plugin] of Object.entries(codePlugins) as Array<[CodeCheck, (typeof codePlugins)[CodeCheck]]>) {
    const level = levelFor(settings.checks, name, codeChecks[name])
    if (level) processor.use(plugin, {level, dialect: settings.dialect, dictionary, style})
  }

  // Data rules, grouped by kind, each at its configured level.
  for (const kind of kinds.values()) {
    const files = style.files.flatMap((file) => {
      if (file.kind !== kind.name) return []
      const off = (file as {off?: boolean}).off
      const level = levelFor(settings.checks, file.ruleId, off ? ('off' as never) : file.level)
      return level ? [{...file, level}] : []
    })
    if (files.length > 0) processor.use(kind.plugin, {files})
  }

  processor.use(dedupe)
}

/**
 * Two checks can reach the same verdict on the same words (`travellers` is
 * both British spelling and a house form): keep the first message for a span
 * and replacement, so an editor reads each fix once.
 */
export const dedupe: Plugin<[], Root> = function () {
  return function (_tree, file) {
    file.messages = dedupeMessages(file.messages)
  }
}

/** The messages `dedupe` keeps, in order: the first for each span and replacement. */
export function dedupeMessages(messages: VFileMessage[]): VFileMessage[] {
  const seen = new Set<string>()
  return messages.filter((message) => {
    const place = message.place
    if (!place || !('start' in place)) return true
    const key = `${place.start.offset}:${place.end.offset}:${message.expected?.[0] ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export default copydesk
