/**
 * The reports CI systems and code-review tools read, from the same results
 * as the readable report (`--format sarif|checkstyle|junit|github`):
 *
 * - SARIF 2.1.0: code scanning services (GitHub, GitLab, Azure DevOps);
 *   validated against the OASIS schema in test/report-formats.test.ts.
 * - checkstyle XML: Jenkins' warnings plugin, reviewdog, danger.
 * - JUnit XML: any CI's test report (one test case per finding).
 * - GitHub Actions workflow commands: annotations on a pull request's lines.
 *
 * Written here, not taken from a package: the vfile family has reporters
 * for the terminal and JSON only (vfile-reporter, vfile-reporter-json,
 * -pretty, -shiny), and the SARIF, checkstyle and JUnit formatters on npm are
 * ESLint's, which take ESLint's results and name ESLint as the tool. Each
 * format is a page of the spec, so copydesk writes them from its own results.
 */
import type {FileResult, ResultMessage} from '../result.js'

/** The machine-readable formats beside `report` and `json`. */
export const ciFormats = ['sarif', 'checkstyle', 'junit', 'github'] as const
export type CiFormat = (typeof ciFormats)[number]

/** About the tool, for the formats that name it. */
export interface ToolInfo {
  version: string
}

/** Format checked stories in one of `ciFormats`. */
export function formatCi(format: CiFormat, files: ReadonlyArray<FileResult>, tool: ToolInfo): string {
  if (format === 'sarif') return JSON.stringify(sarif(files, tool), null, 2) + '\n'
  if (format === 'checkstyle') return checkstyle(files)
  if (format === 'junit') return junit(files)
  return github(files)
}

const sarifLevel = {error: 'error', warning: 'warning', suggestion: 'note'} as const

/** A SARIF 2.1.0 log: one run, copydesk's checks as its rules. */
export function sarif(files: ReadonlyArray<FileResult>, tool: ToolInfo): object {
  const rules: Array<{id: string; helpUri?: string}> = []
  const ruleIndex = new Map<string, number>()
  const results = []
  for (const file of files) {
    for (const message of file.messages) {
      const ruleId = message.ruleId ?? message.source ?? 'copydesk'
      if (!ruleIndex.has(ruleId)) {
        ruleIndex.set(ruleId, rules.length)
        rules.push({id: ruleId, ...(message.url && /^[a-z][a-z0-9+.-]*:/i.test(message.url) ? {helpUri: message.url} : {})})
      }
      results.push({
        ruleId,
        ruleIndex: ruleIndex.get(ruleId),
        level: sarifLevel[message.severity],
        message: {text: message.reason},
        locations: [
          {
            physicalLocation: {
              artifactLocation: {uri: artifactUri(file.path)},
              ...(message.line === null ? {} : {region: region(message)})
            }
          }
        ],
        ...(message.expected === null && message.actual === null
          ? {}
          : {properties: {...(message.actual === null ? {} : {actual: message.actual}), ...(message.expected === null ? {} : {expected: message.expected})}})
      })
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'copydesk', version: tool.version, informationUri: 'https://www.npmjs.com/package/copydesk', rules}},
        // Columns count UTF-16 code units, as copydesk's do (SARIF's default).
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
}

function region(message: ResultMessage): Record<string, number> {
  const place: Record<string, number> = {startLine: message.line!, startColumn: message.column ?? 1}
  if (message.endLine !== null) place.endLine = message.endLine
  // SARIF's endColumn is the column after the last character, as vfile's end is.
  if (message.endColumn !== null) place.endColumn = message.endColumn
  return place
}

/** A story's path as a relative URI reference (`<stdin>` escaped). */
function artifactUri(file: string): string {
  return encodeURI(file.split('\\').join('/')).replace(/[?#]/g, (character) => encodeURIComponent(character))
}

const checkstyleSeverity = {error: 'error', warning: 'warning', suggestion: 'info'} as const

/** checkstyle XML, as ESLint's and Vale's checkstyle output. */
export function checkstyle(files: ReadonlyArray<FileResult>): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">']
  for (const file of files) {
    lines.push(`  <file name="${xml(file.path)}">`)
    for (const message of file.messages) {
      const attributes = [
        ...(message.line === null ? [] : [`line="${message.line}"`]),
        ...(message.column === null ? [] : [`column="${message.column}"`]),
        `severity="${checkstyleSeverity[message.severity]}"`,
        `message="${xml(withChange(message))}"`,
        `source="copydesk.${xml(message.ruleId ?? message.source ?? 'copydesk')}"`
      ]
      lines.push(`    <error ${attributes.join(' ')}/>`)
    }
    lines.push('  </file>')
  }
  lines.push('</checkstyle>')
  return lines.join('\n') + '\n'
}

/**
 * JUnit XML: a test suite per story, a test case per finding (failed:
 * errors and warnings; a suggestion passes, noted in system-out), and a
 * story with no findings one passing test case, so a clean run shows tests.
 */
export function junit(files: ReadonlyArray<FileResult>): string {
  const suites: string[] = []
  let tests = 0
  let failures = 0
  for (const file of files) {
    const cases: string[] = []
    let suiteFailures = 0
    for (const message of file.messages) {
      const where = message.line === null ? '' : `${message.line}:${message.column ?? 1} `
      const name = `${where}${message.ruleId ?? message.source ?? 'copydesk'}`
      const open = `    <testcase classname="${xml(file.path)}" name="${xml(name)}" time="0">`
      if (message.severity === 'suggestion') {
        cases.push(`${open}\n      <system-out>${xml(withChange(message))}</system-out>\n    </testcase>`)
      } else {
        suiteFailures++
        const body = [`${file.path}:${where.trim()}`, withChange(message), message.url ?? ''].filter(Boolean).join('\n')
        cases.push(`${open}\n      <failure type="${message.severity}" message="${xml(message.reason)}">${xml(body)}</failure>\n    </testcase>`)
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${xml(file.path)}" name="copydesk" time="0"/>`)
    tests += cases.length
    failures += suiteFailures
    suites.push(`  <testsuite name="${xml(file.path)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`)
  }
  return ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="copydesk" tests="${tests}" failures="${failures}" errors="0" time="0">`, ...suites, '</testsuites>'].join('\n') + '\n'
}

const githubCommand = {error: 'error', warning: 'warning', suggestion: 'notice'} as const

/** GitHub Actions workflow commands: `::error file=…,line=…::message`, one line per finding. */
export function github(files: ReadonlyArray<FileResult>): string {
  let out = ''
  for (const file of files) {
    for (const message of file.messages) {
      const properties: Array<[string, string | number]> = [['file', file.path]]
      if (message.line !== null) properties.push(['line', message.line])
      if (message.endLine !== null) properties.push(['endLine', message.endLine])
      // Columns only on one line: GitHub ignores them across lines.
      if (message.column !== null && (message.endLine === null || message.endLine === message.line)) {
        properties.push(['col', message.column])
        if (message.endColumn !== null) properties.push(['endColumn', message.endColumn])
      }
      properties.push(['title', `copydesk ${message.ruleId ?? message.source ?? ''}`.trim()])
      const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
      out += `::${githubCommand[message.severity]} ${list}::${escapeData(withChange(message))}\n`
    }
  }
  return out
}

/** The reason, with the change when there is one: `the the → the: Remove the repeated …`. */
function withChange(message: ResultMessage): string {
  const expected = message.expected ?? []
  if (message.actual === null || expected.length === 0) return message.reason
  return `${message.reason} (${message.actual} → ${expected.slice(0, 3).join(', ')})`
}

/** As @actions/core escapes a command's message. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** As @actions/core escapes a command's property values. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * Text for an XML attribute or element: the five entities escaped, and
 * characters XML 1.0 cannot hold at all (C0 controls but tab and line breaks,
 * lone surrogates, U+FFFE/U+FFFF) shown as `\u…`, as the terminal report does.
 */
export function xml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (character) => '\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Kept through attribute-value normalization, which turns a raw line break into a space.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}
