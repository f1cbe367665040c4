/**
 * Kind `title`: titles of people (AP `titles`). A formal title is
 * capitalized only directly before a name and lowercase everywhere else;
 * a descriptive title is lowercase even before a name; some titles are
 * abbreviated before a name (Gov., Sen., Gen., the Rev.) and some never are
 * (President, not Pres.).
 *
 * ```yaml
 * - id: governor
 *   forms: [Governor]
 *   abbreviation: Gov.
 * ```
 *
 * What it flags, and what it leaves alone because case alone cannot tell:
 *
 * - **Alone** — "the President said", "Macron, the French President,",
 *   "Mali's Foreign Minister said": a capitalized title with no name after
 *   it, when a determiner, a possessive, a plural or a pair of commas shows
 *   it is used as a noun. Bare "Prince returned" (the musician), "Billie Jean
 *   King", "General Motors" (a capitalized word follows) stay silent.
 * - **Descriptive before a name** — "Spokesperson Tammy Bruce" → spokesperson
 *   (never at the start of a sentence: "Astronaut Sunita Williams returned").
 * - **Lowercase formal before a name** — "deputy secretary of state
 *   Christopher Landau" → Deputy Secretary of State, when a full name (two
 *   capitalized words that look like a person's name) follows.
 * - **Abbreviation** — "Governor Gavin Newsom" → Gov.; "Rev. Al Sharpton" →
 *   the Rev.; never-abbreviated forms ("Pres.", "Atty. Gen.") → spelled out.
 * - **Modifiers** — "then President Barack Obama" → then-President; "met
 *   Former President Obama" → former; "President-Elect" → President-elect.
 *
 * A "name" is a capitalized word that is not a title, an institution word
 * (Ministry, Motors, Inc., Monday …) or a common English word written with a
 * capital (dictionary-en: "General Electric" is no person).
 */
import type {Root, Sentence} from 'nlcst'
import type {Plugin} from 'unified'
import type {CompiledRuleFile, Kind, KindPluginOptions} from '../kind.js'
import {eachSentence} from '../sequence.js'
import {Story} from '../runtime.js'
import {compileFile, entrySchema, type TitleData} from './title/forms.js'
import {findTitle, mayHaveTitle, sentenceWords, type SentenceWord} from './title/match.js'
import {judge} from './title/messages.js'

// The kind's parts are in title/: forms.ts (entry schema, compiling),
// match.ts (finding titles, reading the words around them), names.ts (what
// is a person's name), messages.ts (what to report).
export type {CompiledTitle, TitleClass, TitleData, TitleEntry} from './title/forms.js'

/** The retext plugin. */
export const title: Plugin<[KindPluginOptions<TitleData>], Root> = function (options) {
  const files = options.files
  return function (tree, file) {
    const story = new Story(tree, file)
    eachSentence(tree, (sentence: Sentence) => {
      let list: SentenceWord[] | undefined
      for (const compiled of files) {
        if (!mayHaveTitle(compiled.data, sentence)) continue
        list ||= sentenceWords(sentence)
        checkSentence(story, compiled, sentence, list)
      }
    })
  }
}

function checkSentence(story: Story, file: CompiledRuleFile<TitleData>, sentence: Sentence, list: SentenceWord[]): void {
  for (let index = 0; index < list.length; index++) {
    let found = findTitle(file.data, sentence, list, index)
    if (!found) continue
    // "U.S. attorney general Merrick Garland": `U.S. Attorney` is a title, but
    // one starting inside it reaches further (`Attorney General`); the longer
    // reach is the title, and what comes before it a modifier.
    for (let inner = found.start + 1; inner <= found.end; inner++) {
      const other = findTitle(file.data, sentence, list, inner)
      if (other && other.end > found.end) {
        found = other
        break
      }
    }
    judge(story, file, sentence, list, found)
    index = found.end
  }
}

/** The `title` kind. */
export const kind: Kind<TitleData> = {
  name: 'title',
  description:
    'Titles of people: capitalized only directly before a name, lowercase alone; descriptive titles always lowercase; AP abbreviations before names.',
  entrySchema,
  defaults: {quotes: 'skip', scope: 'all', level: 'warning'},
  compile: (file, others) => compileFile(file, others),
  plugin: title
}
