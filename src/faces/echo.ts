/**
 * What a face may echo of a request: at most a short prefix of what a client
 * sent, JSON-escaped (quotes, control characters), so an error reply never
 * carries a client's 900 KB field back, nor raw markup or escapes.
 */
export function quote(value: string, max = 40): string {
  return JSON.stringify(value.length > max ? value.slice(0, max) : value) + (value.length > max ? '…' : '')
}
