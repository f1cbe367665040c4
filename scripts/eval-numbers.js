#!/usr/bin/env node
// Evaluation of the AP number and money house rules (rules/numbers.yml,
// money.yml, percent.yml, dates.yml, times.yml, states.yml and the
// Washington entries of house-forms.yml) on real sentences nobody here wrote:
// every sentence of ../shared/corpus/news (or COPYDESK_SHARED) that holds a
// form AP wants (`nine people`, `$5 million`, `5%`, `Jan. 5`, a 3-1 win,
// `Washington`) is checked as written (a control: any message of the group's
// rules is a false alarm) and with that form made into a slip AP copy editors
// fix (`9 people`, `$5 Million`, `5 percent`, `January 5th`, a 3 to 1 win,
// `Washington D.C.`): it must be flagged, with the written form first. Per
// group: recall, right fix first, control false-alarm rate.
//
// Slips inside quoted speech are not made: AP does not alter quotations and
// the house rules skip them (`quotes: skip`). Develop on Reuters; BBC is held
// out (and is not AP copy: it writes `5 January`, `£5m`, so it has fewer cases).
//
// Usage: npm run build && node scripts/eval-numbers.js [--set reuters|bbc] [--json] [--show N] [--dist DIR]
// The test (test/numbers-eval.test.ts) runs `evaluate` on src/.
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {loadCorpus} from './corpus.js'
import {rates, runner, sentencesOf} from './eval-confusables.js'

export {rates}

const ones = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

/** 0–99 in words: `45` → `forty-five`. */
export function inWords(n) {
  if (n < 20) return ones[n]
  return tens[Math.floor(n / 10)] + (n % 10 === 0 ? '' : '-' + ones[n % 10])
}

/** Words (any case) to their value, 0–99. */
const valueOf = new Map(Array.from({length: 100}, (_, n) => [inWords(n), n]))

const capital = (word) => word.charAt(0).toUpperCase() + word.slice(1)

/**
 * Plural nouns AP never counts in words (units, money, scores, rates), and
 * words ending in s that are no plural nouns: a count before these is no
 * slip to make.
 */
const notCounted = new Set([
  'percent', 'miles', 'kilometres', 'kilometers', 'km', 'feet', 'inches', 'meters', 'metres', 'yards', 'acres', 'hectares',
  'tons', 'tonnes', 'pounds', 'kilograms', 'kilos', 'grams', 'ounces', 'gallons', 'litres', 'liters', 'barrels', 'degrees',
  'cents', 'dollars', 'euros', 'yen', 'pence', 'points', 'basis', 'runs', 'wickets', 'goals', 'seats', 'votes', 'mph',
  'bytes', 'kilobytes', 'megabytes', 'gigabytes', 'terabytes', 'watts', 'megawatts', 'gigawatts', 'knots', 'carats',
  'thirds', 'quarters', 'halves', 'fifths', 'tenths', 'times', 'was', 'has', 'his', 'its', 'this', 'thus', 'plus', 'does',
  'goes', 'as', 'is', 'us', 'yes', 'news', 'series', 'whereas', 'perhaps', 'always', 'across', 'besides', 'less', 'unless',
  'towards', 'afterwards', 'sometimes', 'politics', 'economics', 'various', 'previous', 'serious', 'famous', 'numerous',
  'dangerous', 'nervous', 'obvious', 'enormous', 'status', 'bonus', 'focus', 'virus', 'census', 'campus', 'bus',
  'consensus', 'stimulus', 'analysis', 'basis', 'crisis', 'thesis', 'versus', 'minus', 'gas', 'yes', 'alias', 'atlas',
  'bias', 'chaos', 'ethos', 'lens', 'means', 'species', 'headquarters', 'months-long', 'years-long'
])

/** Words after a number that make no count: "one of 10", "two to three", "one way or another". */
const functionWords = new Set([
  'of', 'in', 'to', 'or', 'and', 'for', 'at', 'by', 'on', 'with', 'is', 'was', 'has', 'had', 'are', 'were', 'will', 'would',
  'could', 'should', 'may', 'might', 'must', 'can', 'that', 'which', 'who', 'the', 'a', 'an', 'as', 'but', 'than', 'from',
  'percent', 'million', 'billion', 'trillion', 'hundred', 'thousand', 'dozen', 'more', 'less', 'another', 'other', 'way',
  'half', 'quarter', 'third', 'point', 'day', 'time', 'thing', 'each', 'apiece', 'too', 'also', 'such', 'not', 'if', 'so',
  'after', 'before', 'into', 'over', 'under', 'about', 'all', 'both', 'per', 'cent', 'year', 'month', 'week', 'hour',
  // Singular units: "1 tonne", "1 penny", "1 franc" take figures.
  'tonne', 'ton', 'pound', 'dollar', 'euro', 'penny', 'franc', 'yen', 'yuan', 'mark', 'rupee', 'peso', 'mile', 'kilometre',
  'kilometer', 'foot', 'inch', 'meter', 'metre', 'yard', 'acre', 'hectare', 'degree', 'ounce', 'gram', 'kilo', 'kilogram',
  'barrel', 'gallon', 'litre', 'liter', 'goal', 'run', 'seat', 'vote', 'share', 'percentage', 'minute', 'second'
])

/** A plural count noun, as far as its shape says: `people`, `cars`, not `was`, `miles`. */
function countNoun(word) {
  if (['people', 'children', 'men', 'women', 'police', 'staff', 'aircraft', 'sheep', 'cattle'].includes(word)) return word !== 'police' && word !== 'staff'
  return /^[a-z]{3,}s$/.test(word) && !/(ss|us|is|ous)$/.test(word) && !notCounted.has(word)
}

/**
 * The groups: `rules` whose messages count, and `make(sentence)`, which finds
 * each AP form in a sentence and gives the slips made from it:
 * `{index, length, wrong, right}` (the span of the form, what replaces it,
 * the fix expected first).
 */
export const groups = [
  {
    // AP: one through nine spelled out for counts of people and things (`nine people` → `9 people`).
    name: 'one-nine as figure',
    rules: ['numbers'],
    make(sentence) {
      const found = []
      for (const m of sentence.matchAll(/(?<![\w'’$£€.,:/-]|\w[-–] ?|(?:\d|No\.?|[Nn]umber|[Aa]ged?|[Pp]age|[Rr]oute|[Ss]ize|[Gg]rade|[Ll]evel|[Tt]ype|[Yy]ear) )(one|two|three|four|five|six|seven|eight|nine) ([a-z]+)\b(?![-–'’]\w)( [a-z]+)?/g)) {
        const [, word, noun, next = ''] = m
        const second = next.trim()
        const count =
          (countNoun(noun) && !/^(old|apart|ago)$/.test(second)) ||
          // "two of the banks", "one of them"; "one of 10" is a ratio.
          (noun === 'of' && /^(the|them|its|their|his|her|those|these|our|us|you)$/.test(second)) ||
          // An adjective and a plural: "two other companies", "three largest banks".
          (!functionWords.has(noun) && !notCounted.has(noun) && !/ly$/.test(noun) && countNoun(second)) ||
          // One and a singular noun: "one analyst said".
          (word === 'one' && /^[a-z]{3,}$/.test(noun) && !functionWords.has(noun) && !notCounted.has(noun) && !/(ly|ed|ing|est|er)$/.test(noun) && !countNoun(noun) && /^(said|says|who|that|of|in|at|for|with|was|is|has|had|and|or|to|on|from|told|,)?$/.test(second))
        if (!count) continue
        // Ratios and ranges: "one in five people", "two or three cars", "five to 10 people".
        if (/\b(in|or|to|and|of)\s*$/.test(sentence.slice(Math.max(0, m.index - 4), m.index)) && /\d|\bone|two|three|four|five|six|seven|eight|nine\b/.test(sentence.slice(Math.max(0, m.index - 14), m.index))) continue
        found.push({index: m.index, length: word.length, wrong: String(valueOf.get(word)), right: word})
      }
      return found
    }
  },
  {
    // AP: figures for 10 and above (`12 people` → `twelve people`).
    name: '10+ spelled out',
    rules: ['numbers'],
    make(sentence) {
      const found = []
      for (const m of sentence.matchAll(/(?<=[a-z,;] )([1-9]\d) ([a-z]+)\b(?![-–'’]\w)( [a-z]+)?/g)) {
        const [, figure, noun, next = ''] = m
        const second = next.trim()
        const count =
          (countNoun(noun) && !/^(old|apart|ago)$/.test(second)) ||
          (noun === 'of' && /^(the|them|its|their|his|her|those|these|our)$/.test(second)) ||
          (!functionWords.has(noun) && !notCounted.has(noun) && !/ly$/.test(noun) && countNoun(second))
        if (!count) continue
        // A date, rank or range: "on Jan. 12 talks", "No. 12", "from 10 to 12 people".
        const before = sentence.slice(0, m.index)
        if (/(?:\b(?:to|and|or|No\.|of|in|[A-Z][a-z]{2}\.?|[A-Z][a-z]+)|\d[-–]?) $/.test(before)) continue
        found.push({index: m.index, length: figure.length, wrong: inWords(Number(figure)), right: figure})
      }
      return found
    }
  },
  {
    // AP: spell out a number that starts a sentence (`Twenty people died.` → `20 people died.`).
    name: 'sentence start as figure',
    rules: ['numbers'],
    make(sentence) {
      const m = /^(["“‘(]?)([A-Z][a-z]+(?:-[a-z]+)?) ([a-z]+)/.exec(sentence)
      if (!m) return []
      const value = valueOf.get(m[2].toLowerCase())
      if (value === undefined || value === 0) return []
      return [{index: m[1].length, length: m[2].length, wrong: String(value), right: m[2]}]
    }
  },
  {
    // AP: million and billion lowercase and spelled out, with $ and figures (`$5 million`).
    name: 'money',
    rules: ['money'],
    make(sentence) {
      const found = []
      for (const m of sentence.matchAll(/(?<![\w$])\$(\d{1,3}(?:\.\d{1,2})?) (million|billion|trillion)\b(?! (?:dollars|worth)\b)/g)) {
        const [all, figure, scale] = m
        const at = m.index + all.length - scale.length
        found.push({index: at, length: scale.length, wrong: capital(scale), right: scale, kind: '$5 Million'})
        const [whole, part = ''] = figure.split('.')
        const zeros = {million: 6, billion: 9, trillion: 12}[scale] - part.length
        const digits = (whole + part).replace(/^0+/, '') + '0'.repeat(zeros)
        const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
        found.push({index: m.index, length: all.length, wrong: '$' + grouped, right: all, kind: '$5,000,000'})
        found.push({index: m.index, length: all.length, wrong: `${figure} ${scale} dollars`, right: all, kind: '5 million dollars'})
      }
      for (const m of sentence.matchAll(/(?<![\w$])\$(\d{1,3}(?:,\d{3})*(?:\.\d\d)?)(?![\w,.=/-]*\w| (?:million|billion|trillion|mln|bln)\b|[-–=])/g)) {
        found.push({index: m.index, length: m[0].length, wrong: `${m[1]} dollars`, right: m[0], kind: '500 dollars'})
      }
      return found
    }
  },
  {
    // AP: votes and scores with figures and a hyphen (`a 3-1 win`, `voted 52-48`).
    name: 'score/vote "to"',
    rules: ['numbers'],
    make(sentence) {
      const found = []
      for (const m of sentence.matchAll(/(?<![\w.,$£€:/-])(\d{1,3})-(\d{1,3})(?![\w.,%:/-]|\.\d)/g)) {
        const before = sentence.slice(Math.max(0, m.index - 30), m.index)
        const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 30)
        const cue =
          /\b(won|win|wins|winning|beat|beats|lost|loses|losing|drew|draw|voted|vote of|vote was|defeated|thrashed|trailed|led|leads|leading|score of|by a|by|lead)\s+(?:[A-Z][\w.]*\s+){0,3}$/.test(before) ||
          /^\s+(win|victory|defeat|loss|draw|vote|votes|decision|ruling|verdict|lead|margin|home|away|thrashing|triumph|majority|scoreline|aggregate)\b/.test(after)
        if (!cue || Number(m[1]) > 200) continue
        found.push({index: m.index, length: m[0].length, wrong: `${m[1]} to ${m[2]}`, right: m[0]})
      }
      return found
    }
  },
  {
    // AP: Washington alone for the city (or `Washington, D.C.,`), never `Washington D.C.`.
    name: 'Washington D.C.',
    rules: ['house-forms/washington-dc', 'house-forms/washington-dc-periods'],
    make(sentence) {
      const found = []
      for (const m of sentence.matchAll(/(?<=(?:^|[a-z,;:(] |["“]))Washington(?![\w'’-]| [A-Z(]|,? D\.?C\b| state| area)/g)) {
        found.push({index: m.index, length: m[0].length, wrong: 'Washington D.C.', right: 'Washington'})
      }
      return found
    }
  },
  {
    // AP (since 2019): a figure and the % sign (`5%`, `4.4%`), even below 10.
    name: 'percent',
    rules: ['percent', 'house-forms/percent'],
    make(sentence) {
      const found = []
      for (const m of sentence.matchAll(/(?<=[a-z,;(] )(\d{1,3}(?:\.\d+)?)%/g)) {
        const [all, figure] = m
        found.push({index: m.index, length: all.length, wrong: `${figure} percent`, right: all, kind: '5 percent'})
        found.push({index: m.index, length: all.length, wrong: `${figure} per cent`, right: all, kind: '5 per cent'})
        if (/^\d+$/.test(figure) && Number(figure) < 100) found.push({index: m.index, length: all.length, wrong: `${inWords(Number(figure))} percent`, right: all, kind: 'five percent'})
      }
      return found
    }
  },
  {
    // AP: Jan., Feb., Aug., Sept., Oct., Nov., Dec. with a date; March–July never abbreviated; no ordinals.
    name: 'dates',
    rules: ['dates'],
    make(sentence) {
      const months = {'Jan.': 'January', 'Feb.': 'February', 'Aug.': 'August', 'Sept.': 'September', 'Oct.': 'October', 'Nov.': 'November', 'Dec.': 'December', March: 'Mar.', April: 'Apr.', June: 'Jun.', July: 'Jul.'}
      const found = []
      for (const m of sentence.matchAll(/(?<![\w.])(Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|March|April|May|June|July) (3[01]|[12]\d|[1-9])(?![\d/]|[,.]\d|\s*(?:%|percent|per cent|million|billion))/g)) {
        const [all, month, day] = m
        const th = day + (/1[123]$/.test(day) ? 'th' : ['th', 'st', 'nd', 'rd'][Number(day.slice(-1))] ?? 'th')
        if (months[month]) found.push({index: m.index, length: all.length, wrong: `${months[month]} ${day}`, right: all, kind: 'month form'})
        found.push({index: m.index, length: all.length, wrong: `${month} ${th}`, right: all, kind: 'ordinal'})
      }
      return found
    }
  },
  {
    // AP: lowercase a.m. and p.m. with periods, a space after the figure, no :00.
    name: 'times',
    rules: ['times', 'house-forms/noon'],
    make(sentence) {
      const found = []
      for (const m of sentence.matchAll(/(?<![\w.:])(1[0-2]|[1-9])(:[0-5]\d)? ([ap])\.m\.(?=\W|$)/g)) {
        const [all, hour, minutes = '', half] = m
        // The sentence's closing period is the abbreviation's: keep it where the slip drops it.
        const end = m.index + all.length === sentence.length ? '.' : ''
        found.push({index: m.index, length: all.length, wrong: `${hour}${minutes} ${half.toUpperCase()}M${end}`, right: all, kind: '3 PM'})
        found.push({index: m.index, length: all.length, wrong: `${hour}${minutes}${half}m${end}`, right: all, kind: '3pm'})
        if (!minutes) found.push({index: m.index, length: all.length, wrong: `${hour}:00 ${half}.m.`, right: all, kind: '3:00 p.m.'})
      }
      return found
    }
  },
  {
    // AP (since 2014): states spelled out after a city in body text.
    name: 'states',
    rules: ['states'],
    make(sentence) {
      const found = []
      const pattern = new RegExp(`(?<=[A-Z][a-z]+, )(${Object.keys(stateAbbreviations).join('|')})(?=[,.;)]|$)`, 'g')
      for (const m of sentence.matchAll(pattern)) {
        found.push({index: m.index, length: m[0].length, wrong: stateAbbreviations[m[0]], right: m[0]})
      }
      return found
    }
  },
  {
    // AP: figures for ages (`a 5-year-old`, `aged 45`) and with million and billion (`2 million`).
    name: 'ages, millions',
    rules: ['numbers'],
    make(sentence) {
      const found = []
      for (const m of sentence.matchAll(/(?<![\w$£€.,-])(\d{1,2})(-year-olds?| years old|-month-old)(?!\w)/g)) {
        found.push({index: m.index, length: m[1].length, wrong: inWords(Number(m[1])), right: m[1], kind: 'age'})
      }
      for (const m of sentence.matchAll(/(?<=\b[Aa]ged )(\d{1,2})(?![\w.,-])/g)) {
        found.push({index: m.index, length: m[1].length, wrong: inWords(Number(m[1])), right: m[1], kind: 'age'})
      }
      for (const m of sentence.matchAll(/(?<=[a-z,;(] )(\d{1,2}) (million|billion)(?!\w)/g)) {
        if (Number(m[1]) === 0) continue
        found.push({index: m.index, length: m[1].length, wrong: inWords(Number(m[1])), right: m[1], kind: 'millions'})
      }
      return found
    }
  }
]

/** States AP spells out in text, and the abbreviations a slip puts in their place. */
const stateAbbreviations = {
  Alabama: 'Ala.', Arizona: 'Ariz.', Arkansas: 'Ark.', California: 'Calif.', Colorado: 'Colo.', Connecticut: 'Conn.',
  Delaware: 'Del.', Florida: 'Fla.', Georgia: 'Ga.', Illinois: 'Ill.', Indiana: 'Ind.', Kansas: 'Kan.', Kentucky: 'Ky.',
  Louisiana: 'La.', Maryland: 'Md.', Massachusetts: 'Mass.', Michigan: 'Mich.', Minnesota: 'Minn.', Mississippi: 'Miss.',
  Missouri: 'Mo.', Montana: 'Mont.', Nebraska: 'Neb.', Nevada: 'Nev.', 'New Hampshire': 'N.H.', 'New Jersey': 'N.J.',
  'New Mexico': 'N.M.', 'New York': 'N.Y.', 'North Carolina': 'N.C.', 'North Dakota': 'N.D.', Oklahoma: 'Okla.', Oregon: 'Ore.',
  Pennsylvania: 'Pa.', 'Rhode Island': 'R.I.', 'South Carolina': 'S.C.', 'South Dakota': 'S.D.', Tennessee: 'Tenn.',
  Vermont: 'Vt.', Virginia: 'Va.', Wisconsin: 'Wis.', Wyoming: 'Wyo.', Texas: 'TX'
}

/** Every rule file the groups read (`house-forms/noon` is one entry of house-forms). */
export const ruleIds = [...new Set(groups.flatMap((group) => group.rules.map((rule) => rule.split('/')[0])))]

/** Whether a message is one of a group's: its rule file, or `file/entry`. */
const ofGroup = (group, message) => group.rules.includes(message.ruleId) || group.rules.includes(`${message.ruleId}/${message.data?.entry}`)

export const groupNames = groups.map((group) => group.name)

/**
 * Where quoted speech is open at `index`: an odd count of straight quotes
 * before it, an opening curly quote not yet closed, or a closing curly quote
 * later with no opening one before (a quote begun in an earlier sentence).
 */
function quoted(sentence, index) {
  const before = sentence.slice(0, index)
  if ((before.match(/"/g) ?? []).length % 2 === 1) return true
  const opened = before.lastIndexOf('“')
  const closed = before.lastIndexOf('”')
  if (opened > closed) return true
  const closing = sentence.indexOf('”', index)
  const opening = sentence.indexOf('“', index)
  return opened === -1 && closing !== -1 && (opening === -1 || opening > closing)
}

/**
 * Evaluate: `run(text)` gives the messages of `ruleIds` for a text (objects
 * with `ruleId`, `place.start.offset`, `place.end.offset`, `expected`).
 * Returns per group `{errors, flagged, top1, controls, alarms}` and examples.
 */
export async function evaluate(run, sets = ['reuters']) {
  const stats = Object.fromEntries(groupNames.map((name) => [name, {errors: 0, flagged: 0, top1: 0, controls: 0, alarms: 0, quoted: 0}]))
  const misses = Object.fromEntries(groupNames.map((name) => [name, []]))
  const alarms = Object.fromEntries(groupNames.map((name) => [name, []]))
  const wrongFirst = Object.fromEntries(groupNames.map((name) => [name, []]))
  const seen = new Set()
  for (const story of loadCorpus(sets)) {
    for (const sentence of sentencesOf(story.text)) {
      if (seen.has(sentence)) continue
      seen.add(sentence)
      const controlGroups = []
      for (const group of groups) {
        const cases = group.make(sentence)
        if (cases.length === 0) continue
        controlGroups.push(group)
        const stat = stats[group.name]
        for (const {index, length, wrong, right, kind} of cases) {
          if (quoted(sentence, index)) {
            stat.quoted++
            continue
          }
          const changed = sentence.slice(0, index) + wrong + sentence.slice(index + length)
          const messages = (await run(changed)).filter((message) => ofGroup(group, message))
          const hit = messages.find((message) => message.place.start.offset < index + wrong.length && message.place.end.offset > index)
          stat.errors++
          const label = `[${kind ? kind + ': ' : ''}${right}→${wrong}]`
          if (!hit) {
            misses[group.name].push(`${label} ${changed}`)
            continue
          }
          stat.flagged++
          // The fix may span a little more or less than the slip: compare what the sentence becomes.
          // A fix ending in a period before the sentence's own ("PM." → "p.m.") takes its place.
          const fixed = (changed.slice(0, hit.place.start.offset) + (hit.expected?.[0] ?? '') + changed.slice(hit.place.end.offset)).replace(/\.\.$/, '.')
          if (fixed === sentence) stat.top1++
          else wrongFirst[group.name].push(`${label} ${changed}  → ${hit.actual} → ${hit.expected?.[0]}`)
        }
      }
      if (controlGroups.length === 0) continue
      const messages = await run(sentence)
      for (const group of controlGroups) {
        const mine = messages.filter((message) => ofGroup(group, message))
        stats[group.name].controls++
        if (mine.length > 0) {
          stats[group.name].alarms++
          alarms[group.name].push(`${sentence}  [${mine.map((message) => message.actual + '→' + message.expected?.[0]).join(', ')}]`)
        }
      }
    }
  }
  return {sets, stats, misses, alarms, wrongFirst}
}

/** A `run` over a checker (from dist/ or src/): every check off but the groups' rules. */
export function numbersRunner(lib) {
  return runner(lib, ruleIds)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const setAt = args.indexOf('--set')
  const showAt = args.indexOf('--show')
  const show = showAt === -1 ? 0 : Number(args[showAt + 1])
  const sets = setAt === -1 ? [['reuters'], ['bbc']] : [[args[setAt + 1]]]
  // `--dist DIR`: another built tree (an older main, to measure before a change).
  const distAt = args.indexOf('--dist')
  const dist = distAt === -1 ? new URL('../dist/index.js', import.meta.url).href : pathToFileURL(path.resolve(args[distAt + 1], 'index.js')).href
  const run = numbersRunner(await import(dist))
  for (const set of sets) {
    const result = await evaluate(run, set)
    if (args.includes('--json')) {
      console.log(JSON.stringify({sets: set, groups: Object.fromEntries(groupNames.map((name) => [name, rates(result.stats[name])]))}))
      continue
    }
    console.log(`\nAP numbers on ${set.join(' + ')}${set[0] === 'bbc' ? ' (held out)' : ' (development)'}`)
    console.log('group'.padEnd(26) + 'errors  recall  top-1  controls  false alarms  (quoted, not made)')
    for (const name of groupNames) {
      const r = rates(result.stats[name])
      const cell = (value) => (value === null ? '—' : value + '%').padStart(6)
      console.log(`${name.padEnd(26)}${String(r.errors).padStart(6)}  ${cell(r.recall)}  ${cell(r.top1)}  ${String(r.controls).padStart(8)}  ${cell(r.falseAlarms).padStart(12)}  ${result.stats[name].quoted}`)
    }
    if (show > 0) {
      for (const name of groupNames) {
        for (const line of result.alarms[name].slice(0, show)) console.log(`ALARM ${name}: ${line}`)
        for (const line of result.wrongFirst[name].slice(0, show)) console.log(`WRONG ${name}: ${line}`)
        for (const line of result.misses[name].slice(0, show)) console.log(`MISS  ${name}: ${line}`)
      }
    }
  }
}
