/**
 * A fast reader for the plain shape most rules files have — block mappings
 * and sequences, one-line flow collections, quoted and plain scalars,
 * comments — without source positions. A 13,000-entry newsroom folder parses
 * in a fraction of the time the `yaml` package takes to build a document
 * with positions (issue 23).
 *
 * It either returns exactly what `yaml` (1.2 core schema, unique keys) would
 * make of the text, or `undefined` when the text uses anything outside that
 * shape (anchors, aliases, tags, block scalars, multi-line scalars or flow
 * collections, quoted keys, unusual indentation, a duplicate key, any error):
 * the caller then parses with `yaml`, which also gives every error its line
 * and column. Positions for a valid file's data errors come from parsing it
 * again with `yaml` when an error is found (src/house-style/load.ts), so no
 * error message changes. test/rules-fast-yaml.test.ts compares the two
 * readers on every rules file, generated folders and mutated texts.
 */

type Plain = null | boolean | number | string | Plain[] | {[key: string]: Plain}

/** Thrown inside the reader when the text is outside its shape; never escapes {@link fastYaml}. */
const outside = Symbol('outside')
/** A flow collection not closed on its line: the reader joins the next line and tries again. */
const unfinished = Symbol('unfinished')

interface Line {
  indent: number
  text: string
}

/** The text's data as `yaml`'s `toJS()` makes it, or undefined (see the module's comment). */
export function fastYaml(text: string): {[key: string]: unknown} | undefined {
  // A byte-order mark, characters YAML does not print, and line breaks other than \n and \r\n are left to `yaml`.
  if (text.charCodeAt(0) === 0xfeff || unusual.test(text)) return undefined
  const lines: Line[] = []
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.includes('\t') || line.includes('\r')) return undefined
    let indent = 0
    while (line.charCodeAt(indent) === 32) indent++
    if (indent === line.length || line.charCodeAt(indent) === 35 /* # */) continue
    // Directives and document markers are left to `yaml`.
    if (indent === 0 && (line.startsWith('---') || line.startsWith('...') || line.startsWith('%'))) return undefined
    lines.push({indent, text: trimSpaces(line.slice(indent))})
  }
  if (lines.length === 0 || lines[0].indent !== 0) return undefined
  const reader = new Reader(lines)
  try {
    const value = reader.block(0)
    if (reader.at < lines.length) return undefined
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined
    return value
  } catch (error) {
    if (error === outside || error === unfinished) return undefined
    throw error
  }
}

// eslint-disable-next-line no-control-regex
const unusual = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** `text` without the spaces (YAML's white space, not Unicode's) at its end; `\n` too when `breaks`. */
function trimSpaces(text: string, breaks = false): string {
  let end = text.length
  for (let code = text.charCodeAt(end - 1); code === 32 || (breaks && code === 10); code = text.charCodeAt(--end - 1));
  return end === text.length ? text : text.slice(0, end)
}

// A plain key: no indicator first, no `:`, `#` or flow indicator in it, no space at its end.
const keyPattern = /^([^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#,[\]{}]*[^\s:#,[\]{}])?):(?: +(.*))?$/

class Reader {
  at = 0
  constructor(readonly lines: Line[]) {}

  /** The block (mapping or sequence) starting at the current line, indented `indent`. */
  block(indent: number): Plain {
    const line = this.lines[this.at]
    if (line.indent !== indent) throw outside
    return isItem(line.text) ? this.sequence(indent) : this.mapping(indent)
  }

  mapping(indent: number): {[key: string]: Plain} {
    const map: {[key: string]: Plain} = {}
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]
      if (line.indent < indent) break
      if (line.indent > indent) throw outside
      const match = keyPattern.exec(line.text)
      if (!match) throw outside
      const key = match[1]
      if (typeof scalar(key) !== 'string' || key === '__proto__' || Object.prototype.hasOwnProperty.call(map, key)) throw outside
      this.at++
      const rest = match[2] === undefined ? '' : match[2]
      map[key] = this.value(rest, indent, true)
    }
    return map
  }

  sequence(indent: number): Plain[] {
    const list: Plain[] = []
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]
      if (line.indent < indent) break
      if (line.indent > indent || !isItem(line.text)) throw outside
      let offset = 1
      while (line.text.charCodeAt(offset) === 32) offset++
      const rest = line.text.slice(offset)
      if (rest === '' || rest.startsWith('#')) {
        this.at++
        list.push(this.nested(indent, false))
      } else if (keyPattern.test(rest)) {
        // `- id: x` starts a mapping at the column after the dash.
        this.lines[this.at] = {indent: indent + offset, text: rest}
        list.push(this.mapping(indent + offset))
      } else {
        this.at++
        list.push(this.inline(rest, indent))
      }
    }
    return list
  }

  /** A mapping value: on the line (`rest`), or the block under the key. */
  value(rest: string, indent: number, inMapping: boolean): Plain {
    if (rest === '' || rest.startsWith('#')) return this.nested(indent, inMapping)
    return this.inline(rest, indent)
  }

  /**
   * A value on the current line (already passed); a flow collection may go on
   * over lines indented deeper than `indent`, joined by a line break that
   * counts as a space between items (never inside a scalar).
   */
  inline(rest: string, indent: number): Plain {
    let text = rest
    for (;;) {
      try {
        return inline(text)
      } catch (error) {
        const next = this.lines[this.at]
        // Continued on lines deeper than the key, or closed at the key's own indent.
        const deep = next && (next.indent > indent || (next.indent === indent && /^[\]}]/.test(next.text)))
        if (error !== unfinished || !deep || next.text.includes('#')) throw outside
        text += '\n' + next.text
        this.at++
      }
    }
  }

  /** The block after `key:` or `-` with nothing on the line: deeper lines, a sequence at the key's indent, or null. */
  nested(indent: number, inMapping: boolean): Plain {
    const next = this.lines[this.at]
    if (!next || next.indent < indent) return null
    if (next.indent > indent) return this.block(next.indent)
    // A mapping's value may be a sequence at the key's own indent.
    if (inMapping && isItem(next.text)) return this.sequence(indent)
    return null
  }
}

function isItem(text: string): boolean {
  return text === '-' || text.startsWith('- ')
}

/** A value written on one line: quoted, flow or plain. */
function inline(text: string): Plain {
  const first = text[0]
  if (first === '"' || first === "'" || first === '[' || first === '{') {
    const [value, end] = first === '[' || first === '{' ? flow(text, 0) : quoted(text, 0)
    if (!comment(text, end)) throw outside
    return value
  }
  return scalar(plainBlock(text))
}

/** Whether only white space and a comment follow `end`. */
function comment(text: string, end: number): boolean {
  const rest = text.slice(end)
  return /^ *$/.test(rest) || /^ +#/.test(rest)
}

/** A plain scalar in block context (its comment cut off). */
function plainBlock(text: string): string {
  if (/^[-?:](?: |$)/.test(text) || /^[,\]}#&*!|>%@`]/.test(text)) throw outside
  const hash = text.indexOf(' #')
  const value = trimSpaces(hash === -1 ? text : text.slice(0, hash))
  if (value.includes('#') || value.includes(': ') || value.endsWith(':')) throw outside
  return value
}

/** A quoted scalar starting at `start`: its value and the index after its closing quote. */
function quoted(text: string, start: number): [string, number] {
  const quote = text[start]
  let index = start + 1
  if (quote === "'") {
    let value = ''
    for (;;) {
      const close = text.indexOf("'", index)
      if (close === -1) throw outside
      value += text.slice(index, close)
      if (value.includes('\n')) throw outside
      if (text[close + 1] === "'") {
        value += "'"
        index = close + 2
      } else return [value, close + 1]
    }
  }
  let close = text.indexOf('"', index)
  const slash = text.indexOf('\\', index)
  if (close === -1) throw outside
  if (slash === -1 || slash > close) {
    // No escapes (most strings): the text as it stands.
    const body = text.slice(index, close)
    if (controls.test(body)) throw outside
    return [body, close + 1]
  }
  while (close !== -1 && escaped(text, close)) close = text.indexOf('"', close + 1)
  if (close === -1) throw outside
  const body = text.slice(index, close)
  // JSON's escapes are YAML's too; anything else (\x41, \N, \ …) is left to `yaml`.
  if (/\\[^"\\/bfnrtu]/.test(body) || controls.test(body)) throw outside
  let value: unknown
  try {
    value = JSON.parse('"' + body + '"')
  } catch {
    throw outside
  }
  return [value as string, close + 1]
}

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f]/

/** Whether the quote at `at` is escaped (an odd number of backslashes before it). */
function escaped(text: string, at: number): boolean {
  let count = 0
  while (text.charCodeAt(at - 1 - count) === 92) count++
  return count % 2 === 1
}

/** A one-line flow collection starting at `start`: its value and the index after it. */
function flow(text: string, start: number): [Plain, number] {
  const open = text[start]
  const close = open === '[' ? ']' : '}'
  const list: Plain[] = []
  const map: {[key: string]: Plain} = {}
  let index = skip(text, start + 1)
  if (text[index] === close) return [open === '[' ? list : map, index + 1]
  for (;;) {
    if (open === '[') {
      const [value, end] = flowValue(text, index)
      if (text[skip(text, end)] === ':') throw outside
      list.push(value)
      index = skip(text, end)
    } else {
      let name: string
      let after: number
      if (text[index] === '"' || text[index] === "'") {
        ;[name, after] = quoted(text, index)
        if (text[after] !== ':' || text[after + 1] !== ' ') throw outside
      } else {
        const key = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#,[\]{}\n]*[^\s:#,[\]{}])?(?=: )/.exec(text.slice(index))
        if (!key || typeof scalar(key[0]) !== 'string') throw outside
        name = key[0]
        after = index + name.length
      }
      if (name === '__proto__' || Object.prototype.hasOwnProperty.call(map, name)) throw outside
      const [value, end] = flowValue(text, skip(text, after + 1))
      map[name] = value
      index = skip(text, end)
    }
    if (text[index] === ',') {
      index = skip(text, index + 1)
      // A trailing comma before the close is allowed.
      if (text[index] === close) return [open === '[' ? list : map, index + 1]
    } else if (text[index] === close) return [open === '[' ? list : map, index + 1]
    else throw outside
  }
}

function skip(text: string, index: number): number {
  for (let code = text.charCodeAt(index); code === 32 || code === 10; code = text.charCodeAt(++index));
  if (index >= text.length) throw unfinished
  return index
}

function flowValue(text: string, index: number): [Plain, number] {
  const first = text[index]
  if (first === '[' || first === '{') return flow(text, index)
  if (first === '"' || first === "'") return quoted(text, index)
  let end = index
  while (end < text.length && !',[]{}'.includes(text[end])) end++
  const raw = text.slice(index, end)
  const value = trimSpaces(raw, true)
  if (end >= text.length) throw unfinished
  if (value === '' || /[:#&*!|>%@`?]/.test(value[0]) || /^-(?: |$)/.test(value) || /[:#\n]/.test(value)) throw outside
  return [scalar(value), end]
}

/** A plain scalar resolved by the YAML 1.2 core schema (numbers other than plain integers are left to `yaml`). */
function scalar(text: string): Plain {
  // Most scalars are words: nothing the core schema resolves starts with another character.
  if (text !== '' && !'~nNtTfF0123456789+-.'.includes(text[0])) return text
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false
  if (/^[0-9]{1,15}$/.test(text)) return Number(text)
  if (/^[-+.0-9]/.test(text) && /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(text)) throw outside
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) throw outside
  return text
}
