/**
 * What a TypeScript consumer of copydesk may and may not write, against the
 * published types (`copydesk` resolves to dist/index.d.ts through the
 * package's `exports`). test/types.test.ts compiles this file: a plain line
 * that stops compiling, or a `@ts-expect-error` line that starts to, fails it.
 */
import {retext} from 'retext'
import {
  check,
  copydesk,
  createChecker,
  dialect,
  indefiniteArticle,
  nameConsistency,
  prePublish,
  repeatedWord,
  spelling,
  type CheckName,
  type Options,
  type PrePublishResult,
  type ResultMessage,
  type RuleId
} from 'copydesk'

// `checks` is keyed by the checks copydesk knows: code checks and rules files.
await check('The the story.', {checks: {titles: 'off', spelling: 'suggestion', 'repeated-word': false}})
createChecker({checks: {leftovers: 'error', 'indefinite-article': true}})
// @ts-expect-error `titels` is no check.
await check('The story.', {checks: {titels: 'off'}})
// @ts-expect-error nor is `speling`.
createChecker({checks: {speling: 'off'}})
// @ts-expect-error a level is one of off, suggestion, warning, error (or true, false).
createChecker({checks: {titles: 'loud'}})
// @ts-expect-error the preset's options are the same.
retext().use(copydesk, {checks: {titels: 'off'}})
retext().use(copydesk, {checks: {titles: 'off'}})
retext().use(copydesk)

// A newsroom's own rules files: their ruleIds named once, as the type argument.
const house: Options<'local-names' | 'house-titles'> = {
  rules: 'house/rules',
  checks: {'local-names': 'error', titles: 'off'}
}
createChecker(house)
await check('The story.', house)
await prePublish({body: 'The story.'}, {}, {options: house})
retext().use(copydesk, house)
createChecker<'local-names'>({rules: 'house/rules', checks: {'local-names': 'error'}})
await check<'local-names'>('The story.', {rules: 'house/rules', checks: {'local-names': 'off'}, format: 'html'})
// @ts-expect-error the escape hatch still knows the names it was given.
const typo: Options<'local-names'> = {checks: {'local-nmaes': 'error'}}
// @ts-expect-error and so do the functions given them.
createChecker<'local-names'>({checks: {'local-nmaes': 'error'}})

// Each check plugin runs with no options, or any one of them.
retext().use(spelling)
retext().use(dialect)
retext().use(nameConsistency)
retext().use(repeatedWord)
retext().use(indefiniteArticle)
retext().use(spelling, {dialect: 'en-GB'})
retext().use(repeatedWord, {level: 'suggestion'})
// @ts-expect-error options are still checked.
retext().use(spelling, {dialect: 'en-AU'})
// @ts-expect-error and so are their names.
retext().use(dialect, {level: 'warning', dialects: 'en-GB'})

// A result message carries its severity and a known ruleId.
const result = await prePublish({body: 'The the story.'})
for (const message of result.messages) {
  const severity: 'error' | 'warning' | 'suggestion' = message.severity
  const id: RuleId | null = message.ruleId
  if (message.ruleId === 'titles' || message.ruleId === 'control-comment') console.log(severity, id)
  // @ts-expect-error no check is called `titels`, so no message has that ruleId.
  if (message.ruleId === 'titels') console.log(id)
  // @ts-expect-error severity is one of three levels.
  const loud: ResultMessage['severity'] = 'fatal'
  console.log(loud)
}
// With a newsroom's rules, the result carries their ids.
const houseResult = await prePublish<'local-names'>({body: 'The story.'}, {}, {options: {rules: 'house/rules'}})
for (const message of houseResult.messages) {
  if (message.ruleId === 'local-names' || message.ruleId === 'titles') console.log(message.severity)
}
const read: PrePublishResult<'local-names' | 'house-titles'> = await prePublish({body: 'The story.'}, {}, {options: house})
console.log(read.verdict)

const names: CheckName[] = ['spelling', 'titles', 'acronyms', 'word-collision', 'empty-story']
// @ts-expect-error `control-comment` is a message's ruleId, not a check one can configure.
const configurable: CheckName = 'control-comment'
console.log(names, configurable, typo)
