/**
 * copydesk: checks news copy before it is published.
 */
export {check, createChecker, type Checker} from './check.js'
export {copydesk, copydesk as default, codePlugins} from './preset.js'
export type {Options, CheckOptions, Settings} from './options.js'
export type {Level, Setting, Dialect, Format, CodeCheck, CodeCheckOptions} from './types.js'
export {codeChecks, levels, dialects, formats} from './types.js'
export type {Finding, StampOptions} from './message.js'
export {report, wrap, levelOf} from './message.js'
export {loadStyle, defaultRulesFolder, type Style} from './house-style/compile.js'
export {RulesError} from './house-style/load.js'
export type {Kind, CompiledRuleFile, LoadedRuleFile, RuleHeader, RuleEntry} from './house-style/kind.js'
export {kinds} from './house-style/kinds.js'
export {spelling} from './plugins/spelling.js'
export {dialect} from './plugins/dialect.js'
export {nameConsistency} from './plugins/name-consistency.js'
export {repeatedWord} from './plugins/repeated-word.js'
export {indefiniteArticle} from './plugins/indefinite-article.js'
