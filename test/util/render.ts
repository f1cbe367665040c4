/**
 * Render findings the way Harper's `.snap.yml` files do: each finding with
 * its line of copy and a `^~~~` under the exact span, so a snapshot reads
 * like a marked-up proof.
 */
import type {VFile} from 'vfile'

/** One block per message: header line, the source line, the underline. */
export function renderFindings(file: VFile): string {
  const text = String(file.value)
  const lines = text.split('\n')
  const blocks: string[] = []
  for (const message of file.messages) {
    const start = message.place && 'start' in message.place ? message.place.start : message.place
    const end = message.place && 'end' in message.place ? message.place.end : undefined
    const field = (message as {data?: {field?: string}}).data?.field
    const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'suggestion'
    const header = `${field ? field + ' ' : ''}${message.line}:${message.column} ${severity} ${message.ruleId}: ${message.reason}` +
      (message.expected?.length ? ` → ${message.expected.map((value) => JSON.stringify(value)).join(', ')}` : '')
    if (field === 'headline' || !start) {
      blocks.push(header)
      continue
    }
    const line = lines[start.line - 1] ?? ''
    const from = start.column - 1
    const to = end && end.line === start.line ? end.column - 1 : line.length
    const window = excerpt(line, from, to)
    blocks.push(`${header}\n  | ${window.text}\n  | ${' '.repeat(window.from)}^${'~'.repeat(Math.max(0, window.to - window.from - 1))}`)
  }
  return blocks.join('\n\n') + '\n'
}

// Long paragraphs are one line: show 40 characters either side of the span.
function excerpt(line: string, from: number, to: number): {text: string; from: number; to: number} {
  const left = Math.max(0, from - 40)
  const right = Math.min(line.length, to + 40)
  const prefix = left > 0 ? '…' : ''
  return {
    text: prefix + line.slice(left, right) + (right < line.length ? '…' : ''),
    from: from - left + prefix.length,
    to: to - left + prefix.length
  }
}
