#!/usr/bin/env node
// Print a Markdown table of the shipped house-style entries, from the data:
// rule file, entry id, what it flags → what it expects, stylebook link.
// Run after `npm run build`.
// Usage: node scripts/rules-table.js [ruleId …] [--rules folder]   (a newsroom folder layers over ours)
import {defaultRulesFolder} from '../dist/house-style/compile.js'
import {kinds} from '../dist/house-style/kinds/index.js'
import {loadRules} from '../dist/house-style/load.js'

/** The Markdown table of `files`' entries (loaded rule files). */
export function rulesTable(files, {withFile = true} = {}) {
  const rows = [[...(withFile ? ['Rule file'] : []), 'Entry', 'Flags → expected', 'Level', 'Stylebook']]
  for (const file of files) {
    for (const entry of file.entries) {
      const level = entry.level || file.header.level
      const link = entry.link || file.header.link
      rows.push([
        ...(withFile ? [`\`${file.ruleId}\``] : []),
        `\`${entry.id}\``,
        describe(file.header.kind, entry),
        level,
        link ? `[${link.replace(/^https:\/\/www\.apstylebook\.com\/ap_stylebook\//, 'AP: ')}](${link})` : ''
      ])
    }
  }
  return rows.map((row, index) => `| ${row.map(cell).join(' | ')} |` + (index === 0 ? `\n|${row.map(() => ' --- ').join('|')}|` : '')).join('\n')
}

/** Loaded rule files: ours, then `extra` folders layered over them. */
export function shippedRules(extra = []) {
  return loadRules([defaultRulesFolder, ...extra], kinds)
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2)
  const rulesAt = args.indexOf('--rules')
  const extra = rulesAt === -1 ? [] : [args[rulesAt + 1]]
  const only = args.filter((arg, index) => !arg.startsWith('--') && (rulesAt === -1 || index !== rulesAt + 1))
  console.log(rulesTable(shippedRules(extra).filter((file) => only.length === 0 || only.includes(file.ruleId))))
}

/** One line on what an entry flags and what it expects, by kind. */
export function describe(kind, entry) {
  const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value])
  const code = (value) => '`' + value + '`'
  switch (kind) {
    case 'substitution': {
      if (entry.avoid && typeof entry.avoid === 'object' && !Array.isArray(entry.avoid)) {
        return Object.entries(entry.avoid).map(([avoid, use]) => `${code(avoid)} → ${code(use)}`).join('; ')
      }
      return `${list(entry.avoid).map(code).join(', ')} → ${list(entry.use).map(code).join(' or ')}`
    }
    case 'title': {
      const forms = entry.forms.slice(0, 4).map(code).join(', ') + (entry.forms.length > 4 ? ` (+${entry.forms.length - 4})` : '')
      const how =
        entry.class === 'descriptive'
          ? 'lowercase even before a name'
          : entry.abbreviation
            ? `${code(entry.abbreviation)} before a name; lowercase alone`
            : entry.class === 'ambiguous'
              ? 'lowercase alone'
              : 'capitalized before a name, lowercase alone'
      const wrong = entry.wrong ? `; never ${list(entry.wrong).map(code).join(', ')}` : ''
      return `${forms}: ${how}${wrong}`
    }
    case 'acronym': {
      if (entry.check === 'parenthetical') return 'an acronym in parentheses or dashes after a name → rewrite'
      if (entry.check === 'spelled-out-later') return 'an unlisted acronym used before it is spelled out → spell out first'
      if (entry.check === 'unexplained') return 'an unlisted acronym the story never spells out → give the full name'
      const said = entry.pronounced === 'word' ? 'said as a word' : 'said as letters'
      return entry.first === 'second'
        ? `${code(entry.acronym)} before ${list(entry.expansion).slice(0, 1).map(code).join('')} → spell out first (${said})`
        : `${code(entry.acronym)}: fine on first reference (${said})`
    }
    case 'pattern':
      return `${list(entry.match).map(code).join(', ')} → ${list(entry.expected).map(code).join(' or ')}`
    default: {
      const {id, examples, note, link, level, enabled, ...rest} = entry
      return Object.entries(rest)
        .map(([key, value]) => `${key}: ${code(Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : value)}`)
        .join('; ')
    }
  }
}

function cell(value) {
  return String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
