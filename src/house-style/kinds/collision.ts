/**
 * Kind `collision`: two function words side by side that cannot stand
 * together (`its pressure on of the country's`, `out of a the single
 * currency`) — what is left when an edit changes one word and keeps the other.
 * The word classes, the particles of phrasal verbs (`came in at 5%`) and the
 * pairs that are English (`out of`, `because of`) are data in the rules file;
 * this code only walks word nodes.
 */
import type {Root, Sentence, Word} from 'nlcst'
import type {VFile} from 'vfile'
import {toString} from 'nlcst-to-string'
import {eachSentence} from '../sequence.js'
import type {CompiledRuleFile, Kind, KindPluginOptions, LoadedRuleFile, RuleEntry} from '../kind.js'
import {RuleDataError} from '../kind.js'
import {Story, dataLevel, emit, entryPolicySchema, policyOf, type EntrySettings, type Policy} from '../runtime.js'
import type {Level} from '../../types.js'

/** One entry as written in a rules file. */
export interface CollisionEntry extends RuleEntry, EntrySettings {
  /** Words that may come first (`on`, `at`, `the`). */
  first: string[]
  /** Words that may not follow them (`of`, `the`). */
  second: string[]
  /**
   * Words of `first` that are also particles of phrasal verbs, fine before any
   * `second` word: `came in at 5%`, `went on to win`.
   */
  particles?: string[]
  /** Phrases containing a pair that are English: `out of`, `and beyond of`, `the a cappella`; `*` is any word (`* of course`). */
  allow?: string[]
  /**
   * Words of `first` that a verb can leave at the end of its phrase, so another
   * preposition may follow: "dealt with on a global scale", "unaccounted for in
   * the area", "can work with across networks". The pair is fine after a
   * participle (`-ed`, or one of `participles`) or after a bare verb that
   * follows a modal or `to`.
   */
  stranded?: string[]
  /**
   * What the first word most often stands for in this pair, best suggestion
   * first: `it's` for `its the` ("I think its the best song").
   */
  contraction?: string
  /** Words right before a `stranded` word that end its verb: irregular participles (`dealt`, `paid`) and forms of be (`was`); `-ed` forms need no listing. */
  verbs?: string[]
  /** Words of `first` a relative clause can strand ("the woman he was with at the time"): fine when one of `subjects` is up to three words back. */
  relative?: string[]
  /** Subjects for `relative`: `he` in "the woman he was with at the time". */
  subjects?: string[]
  /**
   * Words of `first` that are adverbs after some words (phrasal verbs), with
   * those words in their base form: `{in: [come, step], by: [stop]}`. The
   * pair is fine when one of them, in any form (`came`, `steps`, `stopped`),
   * is up to three words back ("came in at 67%", "let him in on the secret",
   * "sold off in late trading"), or right after a form of be, a figure or an
   * article ("were off in May", "is in on the plan", "5% off at", "an in
   * with"); otherwise it is residue ("said in at the meeting", "rose by with
   * the dollar").
   */
  phrasal?: Record<string, string[]>
  /** `insensitive` (default): `On of` too; `sensitive`: only as written (`the A shares` is not `the a`). */
  case?: 'sensitive' | 'insensitive'
}

interface CompiledEntry {
  policy: Policy
  /** The entry's fields, for `{…}` in the message. */
  fields: Record<string, unknown>
  sensitive: boolean
  second: ReadonlySet<string>
  stranded: ReadonlySet<string>
  contraction?: string
  verbs: ReadonlySet<string>
  relative: ReadonlySet<string>
  subjects: ReadonlySet<string>
  /** Particle → the words (base forms, lower case) it ends a phrasal verb after. */
  phrasal: ReadonlyMap<string, ReadonlySet<string>>
  /** Allowed phrases (lower case), each with where its pair sits. */
  allow: ReadonlyArray<{words: string[]; at: number}>
}

/** What the plugin gets per rules file. */
export interface CollisionData {
  /** Entries by first word, exact (case-sensitive entries). */
  exact: ReadonlyMap<string, CompiledEntry[]>
  /** Entries by first word, lower case (case-insensitive entries). */
  folded: ReadonlyMap<string, CompiledEntry[]>
  /** The level the data gave the file. */
  level: Level
}

const wordList = {type: 'array', minItems: 1, items: {type: 'string', minLength: 1}}

/** The `collision` kind. */
export const kind: Kind<CollisionData> = {
  name: 'collision',
  description:
    'Flags two function words side by side that cannot stand together (`on of`, `a the`): edit residue. Entries give the word classes and the pairs that are English.',
  entrySchema: {
    required: ['first', 'second'],
    properties: {
      ...entryPolicySchema,
      first: {...wordList, description: 'Words that may come first (`on`, `at`, `the`).'},
      second: {...wordList, description: 'Words that cannot follow them (`of`, `the`).'},
      particles: {
        type: 'array',
        items: {type: 'string', minLength: 1},
        description: 'Words of `first` that are also phrasal-verb particles, fine before any `second` word (`came in at`).'
      },
      allow: {
        type: 'array',
        items: {type: 'string', minLength: 1},
        description: 'Phrases containing a pair that are English (`off of`, `and beyond of`); `*` is any word (`* of course`).'
      },
      stranded: {
        type: 'array',
        items: {type: 'string', minLength: 1},
        description: 'Words of `first` a verb can strand (`dealt with on`, `accounted for in`): fine after a participle or after a bare verb that follows a modal or `to`.'
      },
      contraction: {
        type: 'string',
        minLength: 1,
        description: 'What the first word stands for in this pair, suggested first (`it\'s` for `its the`).'
      },
      verbs: {
        type: 'array',
        items: {type: 'string', minLength: 1},
        description: 'Words right before a `stranded` word that end its verb (`dealt`, `paid`, `was`); words ending in -ed need no listing.'
      },
      relative: {
        type: 'array',
        items: {type: 'string', minLength: 1},
        description: 'Words of `first` a relative clause can strand: fine when one of `subjects` is up to three words back.'
      },
      subjects: {
        type: 'array',
        items: {type: 'string', minLength: 1},
        description: 'Subjects of a relative clause that strands a `stranded` word, up to three words back (`he` in "the woman he was with at the time").'
      },
      phrasal: {
        type: 'object',
        additionalProperties: {type: 'array', items: {type: 'string', minLength: 1}},
        description:
          'Words of `first` that are adverbs after some words, each with those words in their base form (`in: [come, step]`): fine when one of them, in any form, is up to three words back (`came in at`), or after a form of be, a figure or an article.'
      },
      case: {
        enum: ['sensitive', 'insensitive'],
        description: 'Whether words match only as written (default: insensitive).'
      }
    }
  },
  compile,
  plugin: function (options: KindPluginOptions<CollisionData>) {
    const files = options?.files || []
    return function (tree: Root, file: VFile) {
      run(new Story(tree, file), files)
    }
  }
}

function compile(file: LoadedRuleFile): CollisionData {
  const exact = new Map<string, CompiledEntry[]>()
  const folded = new Map<string, CompiledEntry[]>()
  /** Which entry flags each pair, to refuse a pair flagged twice. */
  const owner = new Map<string, string>()
  const placeholders = [...file.header.message.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
  file.entries.forEach((raw, index) => {
    const entry = raw as CollisionEntry
    const path = ['entries', index]
    const sensitive = entry.case === 'sensitive'
    const fold = (word: string) => (sensitive ? word : word.toLowerCase())
    for (const name of placeholders) {
      if (!['actual', 'expected', 'first', 'second'].includes(name) && entry[name] === undefined) {
        throw new RuleDataError(
          `entry "${entry.id}" has no \`${name}\`, which the message uses as {${name}}`,
          path,
          `add \`${name}:\` to the entry, or take {${name}} out of the message`
        )
      }
    }
    const first = words(entry.first, 'first')
    const second = words(entry.second, 'second')
    const particles = words(entry.particles || [], 'particles')
    ;(entry.particles || []).forEach((word, item) => {
      const particle = fold(word.trim())
      if (!first.has(particle)) {
        throw new RuleDataError(
          `particle \`${particle}\` in entry "${entry.id}" is not in \`first\``,
          [...path, 'particles', item],
          `add \`${particle}\` to \`first\`, or remove it from \`particles\``
        )
      }
    })
    const phrasal = new Map<string, Set<string>>()
    for (const [raw, list] of Object.entries(entry.phrasal || {})) {
      const particle = fold(raw.trim())
      if (!first.has(particle)) {
        throw new RuleDataError(
          `phrasal \`${particle}\` in entry "${entry.id}" is not in \`first\``,
          [...path, 'phrasal', raw],
          `add \`${particle}\` to \`first\`, or remove it from \`phrasal\``
        )
      }
      const set = new Set<string>()
      for (const word of words(list, 'phrasal', raw)) set.add(word.toLowerCase())
      phrasal.set(particle, set)
    }
    // `*` in an allowed phrase stands for any word: "* of course", "his will *" (the noun).
    const flagged = (a: string, b: string) =>
      (a === '*' || (first.has(a) && !particles.has(a))) && (b === '*' || second.has(b)) && a.toLowerCase() !== b.toLowerCase()

    for (const a of first) {
      if (particles.has(a)) continue
      for (const b of second) {
        if (a.toLowerCase() === b.toLowerCase()) continue
        const key = `${a} ${b}`
        const other = owner.get(key)
        if (other !== undefined) {
          throw new RuleDataError(
            `\`${key}\` is flagged by both entries "${other}" and "${entry.id}"`,
            path,
            `take \`${a}\` out of \`first\` or \`${b}\` out of \`second\` in one of them`
          )
        }
        owner.set(key, entry.id)
      }
    }

    const allow = (entry.allow || []).map((phrase, item) => {
      const where = [...path, 'allow', item]
      const list = phrase.trim().split(/\s+/).map(fold)
      let at = -1
      for (let position = 0; position + 1 < list.length; position++) {
        if (flagged(list[position], list[position + 1])) {
          at = position
          break
        }
      }
      if (at === -1) {
        const pair = list.length === 2 ? `\`${phrase}\`` : `no pair in ${JSON.stringify(phrase)}`
        const why =
          list.length === 2 && particles.has(list[0])
            ? `\`${list[0]}\` is a particle, so \`${phrase}\` is never flagged`
            : `${pair} is never flagged by entry "${entry.id}"`
        throw new RuleDataError(
          `${why}, so allowing it does nothing`,
          where,
          'write an allowed phrase that contains a flagged pair (a `first` word then a `second` word), or remove it'
        )
      }
      // Allowed phrases match in any case: "The a cappella group".
      return {words: list.map((word) => word.toLowerCase()), at}
    })
    const seenAllow = new Set<string>()
    allow.forEach((phrase, item) => {
      const key = phrase.words.join(' ')
      if (seenAllow.has(key)) {
        throw new RuleDataError(`\`${key}\` is allowed twice in entry "${entry.id}"`, [...path, 'allow', item], 'remove one')
      }
      seenAllow.add(key)
    })

    const policy = policyOf(file.header, entry)
    const compiled: CompiledEntry = {
      // The note is in the message already when the template says {note}.
      policy: placeholders.includes('note') ? {...policy, note: undefined} : policy,
      fields: entry,
      sensitive,
      second,
      stranded: words(entry.stranded || [], 'stranded'),
      contraction: entry.contraction,
      verbs: words(entry.verbs || [], 'verbs'),
      relative: words(entry.relative || [], 'relative'),
      subjects: words(entry.subjects || [], 'subjects'),
      phrasal,
      allow
    }
    const map = sensitive ? exact : folded
    for (const word of first) {
      if (particles.has(word)) continue
      const list = map.get(word) || []
      list.push(compiled)
      map.set(word, list)
    }

    function words(list: string[], field: string, key?: string): Set<string> {
      const set = new Set<string>()
      const at = key === undefined ? [...path, field] : [...path, field, key]
      list.forEach((word, item) => {
        const value = fold(word.trim())
        if (value === '' || /\s/.test(value)) {
          throw new RuleDataError(
            `${field} ${JSON.stringify(word)} in entry "${entry.id}" is not one word`,
            [...at, item],
            field === 'phrasal'
              ? 'list one word per item, the verb in its base form (`come`, not `came in`)'
              : `list single words in \`${field}\`; put phrases in \`allow\``
          )
        }
        if (set.has(value)) {
          throw new RuleDataError(
            `\`${value}\` is listed twice in \`${field}\` of entry "${entry.id}"`,
            [...at, item],
            'remove one'
          )
        }
        set.add(value)
      })
      return set
    }
  })
  return {exact, folded, level: dataLevel(file.header)}
}

function run(story: Story, files: ReadonlyArray<CompiledRuleFile<CollisionData>>): void {
  const named = wordsNamed(story.file)
  eachSentence(story.tree, (sentence: Sentence) => {
    const children = sentence.children
    for (let index = 0; index + 2 < children.length; index++) {
      const node = children[index]
      if (node.type !== 'WordNode') continue
      // Adjacent words: separated by white space only.
      const space = children[index + 1]
      const next = children[index + 2]
      if (space.type !== 'WhiteSpaceNode' || next.type !== 'WordNode') continue
      const a = text(node)
      let b: string | undefined
      for (const file of files) {
        const exact = file.data.exact.get(a)
        const folded = file.data.folded.get(a.toLowerCase())
        if (!exact && !folded) continue
        b ??= text(next)
        for (const entry of exact || []) check(file, entry, a, b, index, node, next)
        for (const entry of folded || []) check(file, entry, a, b, index, node, next)
      }
    }

    function check(
      file: CompiledRuleFile<CollisionData>,
      entry: CompiledEntry,
      a: string,
      b: string,
      index: number,
      node: Word,
      next: Word
    ): void {
      const fold = (word: string) => (entry.sensitive ? word : word.toLowerCase())
      const second = fold(b)
      // "of of", "the the": the `repeated-word` check has these.
      if (!entry.second.has(second) || a.toLowerCase() === b.toLowerCase()) return
      // "Its a shame.": `confusables` already said `Its` is `It's`; the pair is no residue then.
      if (named.size > 0 && named.has(`${node.position?.start.offset}:${node.position?.end.offset}`)) return
      if (entry.allow.some((phrase) => allowed(sentence, index, phrase))) return
      if (entry.stranded.has(fold(a)) && strandedBy(sentence, index, entry)) return
      if (entry.relative.has(fold(a)) && inRelative(sentence, index, entry)) return
      const verbs = entry.phrasal.get(fold(a))
      if (verbs && endsPhrasal(sentence, index, verbs)) return
      // As written: "on\nof" split over a line stays so.
      const start = node.position?.start.offset
      const end = next.position?.end.offset
      const actual = start !== undefined && end !== undefined ? String(story.file.value).slice(start, end) : `${a} ${b}`
      emit(story, file, file.data.level, entry.policy, {start: node, end: next}, {
        actual,
        expected: entry.contraction ? [`${matchCase(entry.contraction, a)} ${b}`, a, b] : [a, b],
        values: {...entry.fields, first: a, second: b}
      })
    }
  })
}

/**
 * The words (`start:end` offsets) the `confusables` check, which runs
 * before the data rules, has already named the right word for (`Its` →
 * `It's` in "Its a shame.", `their` → `they're` in "said their a good
 * team"): a pair that starts with one is that slip, not edit residue, so it
 * is not reported twice with two reasons. (Other checks' words are not
 * taken: `indefinite-article`'s `a` → `an` in "a of the worst" leaves the
 * residue to report.)
 */
function wordsNamed(file: VFile): Set<string> {
  const named = new Set<string>()
  for (const message of file.messages) {
    const place = message.place
    if (message.ruleId !== 'confusables' || !message.expected?.length || !place || !('start' in place) || place.start.offset === undefined) continue
    named.add(`${place.start.offset}:${place.end.offset}`)
  }
  return named
}

/**
 * Whether an allowed phrase (`and beyond of`) matches the words around the
 * pair that starts at `index`, word by word with only white space between.
 */
function allowed(
  sentence: Sentence,
  index: number,
  phrase: {words: string[]; at: number}
): boolean {
  const children = sentence.children
  const {words, at} = phrase
  if (!same(words[at], children[index]) || !same(words[at + 1], children[index + 2])) return false
  // Words before the pair, walking back.
  let position = index
  for (let offset = phrase.at - 1; offset >= 0; offset--) {
    const space = children[position - 1]
    const word = children[position - 2]
    if (space?.type !== 'WhiteSpaceNode' || word?.type !== 'WordNode') return false
    if (!same(words[offset], word)) return false
    position -= 2
  }
  // Words after the pair, walking on.
  position = index + 2
  for (let offset = phrase.at + 2; offset < phrase.words.length; offset++) {
    const space = children[position + 1]
    const word = children[position + 2]
    if (space?.type !== 'WhiteSpaceNode' || word?.type !== 'WordNode') return false
    if (!same(words[offset], word)) return false
    position += 2
  }
  return true

  // `*` in an allowed phrase is any word: "* of course".
  function same(expected: string, node: Sentence['children'][number]): boolean {
    return expected === '*' || toString(node).toLowerCase() === expected
  }
}

/**
 * Whether the word before the pair at `index` is a verb that left its
 * preposition there: a participle ("dealt with on", "provided for at") or a
 * bare verb after a modal or `to` ("can work with across").
 */
function strandedBy(sentence: Sentence, index: number, entry: CompiledEntry): boolean {
  const children = sentence.children
  const before = wordBefore(index)
  if (before === undefined) return false
  const verb = text(children[before] as Word).toLowerCase()
  if (beForm.test(verb)) return true
  const earlier = wordBefore(before)
  // "can be dealt with on", "remain unaccounted for in", "we're appropriately provided for at":
  // a passive participle. "She worked for with the agency" is active, and residue.
  if ((verb.length > 4 && verb.endsWith('ed')) || entry.verbs.has(verb)) {
    let at = earlier
    for (let step = 0; step < 3 && at !== undefined; step++) {
      if (beForm.test(text(children[at] as Word))) return true
      at = wordBefore(at)
    }
    return false
  }
  if (earlier === undefined) return false
  return /^(to|can|cannot|could|will|would|shall|should|may|might|must)$/i.test(text(children[earlier] as Word))

  function wordBefore(at: number): number | undefined {
    const space = children[at - 1]
    const word = children[at - 2]
    return space?.type === 'WhiteSpaceNode' && word?.type === 'WordNode' ? at - 2 : undefined
  }
}

/**
 * Whether the particle at `index` ends a phrasal verb or stands as an adverb:
 * one of `verbs`, in any form, up to three words back ("came in at 67%", "let
 * him in on the secret", "sold off in late trading"), or right before it a
 * form of be ("were off in May", "we're in for a shock", "is still in on
 * it"), a figure ("5% off at Macy's") or an article ("an in with the mayor").
 */
function endsPhrasal(sentence: Sentence, index: number, verbs: ReadonlySet<string>): boolean {
  const children = sentence.children
  const before: string[] = []
  let at = index
  // The four words before, nearest first (the fourth only to see what precedes the third).
  while (before.length < 4) {
    const space = children[at - 1]
    const word = children[at - 2]
    if (space?.type !== 'WhiteSpaceNode' || word?.type !== 'WordNode') break
    at -= 2
    before.push(text(word).toLowerCase())
  }
  // "5% off at Macy's": the figure ends in a sign.
  if (before.length === 0) {
    const sign = children[index - 2]
    return children[index - 1]?.type === 'WhiteSpaceNode' && sign !== undefined && toString(sign) === '%'
  }
  // "5 points off at the close", "an in with the mayor".
  if (/^\d/.test(before[0]) || /^(?:a|an|the)$/.test(before[0])) return true
  // "were off in May", "is still in on it": be right before, or with an adverb between.
  if (beForm.test(before[0]) || (before.length > 1 && beForm.test(before[1]) && adverb.test(before[0]))) return true
  // Three words back at most: a separable verb's object is short ("let him in", "called the strike
  // off"); an intransitive one has none ("went to the polls in on Sunday" is residue).
  for (let step = 0; step < Math.min(3, before.length); step++) {
    if (!baseForms(before[step]).some((base) => verbs.has(base))) continue
    // Further back, a word after a determiner is a noun ("The talks will resume on at noon"),
    // right before the particle a compound is fine ("the sell off in bank shares").
    if (step > 0 && before[step + 1] !== undefined && determiner.test(before[step + 1])) continue
    return true
  }
  return false
}

const adverb = /^(?:\w+ly|still|also|not|never|already|now|just|all|well|way|far|then|even|once|back|n['’]t)$/
const determiner = /^(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)$/

/**
 * The base forms a word may have as a verb: itself, without `-s`, `-ed`,
 * `-ing` (`steps`, `stopped`, `moving`, `carried`), or from the table of
 * irregular verbs (`came` → `come`, `sold` → `sell`). Overgenerates (`sing` →
 * `s`): the result is only looked up.
 */
function baseForms(word: string): string[] {
  const forms = [word]
  const irregular = irregularBase.get(word)
  if (irregular) forms.push(irregular)
  const doubled = (stem: string) => stem.length > 2 && stem.at(-1) === stem.at(-2) ? [stem.slice(0, -1)] : []
  if (word.endsWith('s')) {
    forms.push(word.slice(0, -1))
    if (word.endsWith('es')) forms.push(word.slice(0, -2))
    if (word.endsWith('ies')) forms.push(word.slice(0, -3) + 'y')
  } else if (word.endsWith('ed')) {
    const stem = word.slice(0, -2)
    forms.push(stem, word.slice(0, -1), ...doubled(stem))
    if (word.endsWith('ied')) forms.push(word.slice(0, -3) + 'y')
  } else if (word.endsWith('ing')) {
    const stem = word.slice(0, -3)
    forms.push(stem, stem + 'e', ...doubled(stem))
  }
  return forms
}

// Irregular verbs: past tense and participle → base form (`came` → `come`).
const irregularBase = new Map<string, string>()
for (const line of `
arise arose arisen|awake awoke awoken|bear bore borne born|beat beat beaten|become became|begin began begun|bend bent
bet bet|bid bid|bind bound|bite bit bitten|bleed bled|blow blew blown|break broke broken|breed bred|bring brought
build built|burn burnt|burst burst|buy bought|cast cast|catch caught|choose chose chosen|cling clung|come came
creep crept|cut cut|deal dealt|dig dug|do did done|draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten
fall fell fallen|feed fed|feel felt|fight fought|find found|flee fled|fling flung|fly flew flown|forbid forbade forbidden
forget forgot forgotten|freeze froze frozen|get got gotten|give gave given|go went gone goes|grind ground|grow grew grown
hang hung|have had has|hear heard|hide hid hidden|hit hit|hold held|hurt hurt|keep kept|kneel knelt|know knew known
lay laid|lead led|lean leant|leap leapt|leave left|lend lent|let let|lie lay lain|light lit|lose lost|make made|mean meant
meet met|pay paid|put put|quit quit|read read|ride rode ridden|ring rang rung|rise rose risen|run ran|say said|see saw seen
seek sought|sell sold|send sent|set set|shake shook shaken|shed shed|shine shone|shoot shot|show showed shown|shrink shrank shrunk
shut shut|sing sang sung|sink sank sunk|sit sat|sleep slept|slide slid|sling slung|slit slit|speak spoke spoken|speed sped
spend spent|spin spun|spit spat|split split|spread spread|spring sprang sprung|stand stood|steal stole stolen|stick stuck
sting stung|stride strode|strike struck|string strung|strive strove striven|swear swore sworn|sweep swept|swell swollen
swim swam swum|swing swung|take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown
tread trod trodden|wake woke woken|wear wore worn|weave wove woven|weep wept|win won|wind wound|withdraw withdrew withdrawn
wring wrung|write wrote written
`.trim().split(/[|\n]/)) {
  const [base, ...forms] = line.trim().split(' ')
  for (const form of forms) if (form !== base && !irregularBase.has(form)) irregularBase.set(form, base)
}

/** Forms of be (and get, remain) before a passive participle: "can be dealt with", "we're provided for". */
const beForm = /^(?:be|is|are|was|were|been|being|am|remain|remains|remained|get|gets|got|gotten)$|['’]re$/i

/**
 * Whether a subject of a relative clause is up to three words before the
 * pair at `index`: "the company she works for in Chicago", "who you vote for
 * in the election", "the woman he was with at the time".
 */
function inRelative(sentence: Sentence, index: number, entry: CompiledEntry): boolean {
  const children = sentence.children
  let at = index
  for (let step = 0; step < 4; step++) {
    const space = children[at - 1]
    const word = children[at - 2]
    if (space?.type !== 'WhiteSpaceNode' || word?.type !== 'WordNode') return false
    at -= 2
    const value = text(word).toLowerCase()
    if (!entry.subjects.has(value)) continue
    // "who", "which" open a clause anywhere; "she" only inside one ("the company she works
    // for"), not as the sentence's own subject ("She worked for with the agency").
    if (/^(?:who|whom|which|what|whose)$/.test(value)) return true
    return children[at - 1]?.type === 'WhiteSpaceNode' && children[at - 2]?.type === 'WordNode'
  }
  return false
}

/** `it's` as `It's` when the word was written `Its`. */
function matchCase(value: string, like: string): string {
  return like.charAt(0) !== like.charAt(0).toLowerCase() ? value.charAt(0).toUpperCase() + value.slice(1) : value
}

/** A word's text; most words are one text node, so skip the generic walk. */
function text(word: Word): string {
  const [only] = word.children
  return word.children.length === 1 && only.type === 'TextNode' ? only.value : toString(word)
}
