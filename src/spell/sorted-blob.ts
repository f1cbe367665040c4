/**
 * Sorted strings stored as one UTF-8 blob and an offset table, searched
 * where they lie (no string made per entry): how the build stores a
 * dictionary's word forms and stems (src/spell/dictionaries.ts) so a run
 * loads them without per-word work.
 */

/** Sorted strings in one UTF-8 blob, found by binary search where they lie (no string made per entry). */
export class SortedBlob {
  readonly count: number

  constructor(
    private readonly blob: Buffer,
    private readonly offsets: Uint32Array
  ) {
    this.count = offsets.length - 1
  }

  /** Whether `form` is among them. */
  has(form: string): boolean {
    return this.find(form) >= 0
  }

  /** Form number `at`. */
  form(at: number): string {
    return this.blob.toString('utf8', this.offsets[at], this.offsets[at + 1])
  }

  /** Position of `form`, or -1. */
  find(form: string): number {
    const {blob, offsets} = this
    // ASCII (most words): its code units are its UTF-8 bytes, so compare them as they are.
    const key = isAscii(form) ? undefined : Buffer.from(form, 'utf8')
    let low = 0
    let high = this.count - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const order = key ? compareBytes(blob, offsets[middle], offsets[middle + 1], key) : compareAscii(blob, offsets[middle], offsets[middle + 1], form)
      if (order === 0) return middle
      if (order < 0) low = middle + 1
      else high = middle - 1
    }
    return -1
  }
}

/** Sorted forms with the dialects holding each. */
export class SortedForms extends SortedBlob {
  constructor(
    blob: Buffer,
    offsets: Uint32Array,
    /** Per form, a bit for each dialect that holds it. */
    readonly dialects: Uint8Array
  ) {
    super(blob, offsets)
  }
}

export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false
  return true
}

/** {@link compareBytes} for an ASCII `key` given as a string. */
export function compareAscii(blob: Uint8Array, start: number, end: number, key: string): number {
  const length = Math.min(end - start, key.length)
  for (let i = 0; i < length; i++) {
    const difference = blob[start + i] - key.charCodeAt(i)
    if (difference !== 0) return difference
  }
  return end - start - key.length
}

/** Byte order of `blob[start, end)` against `key` (UTF-8 byte order is code point order). */
export function compareBytes(blob: Uint8Array, start: number, end: number, key: Uint8Array): number {
  const length = Math.min(end - start, key.length)
  for (let i = 0; i < length; i++) {
    const difference = blob[start + i] - key[i]
    if (difference !== 0) return difference
  }
  return end - start - key.length
}


/** Distinct strings in UTF-8 byte order, as one blob and the offsets of each. */
export function sortedBlob(words: Iterable<string>): {blob: Buffer; offsets: Uint32Array} {
  const encoded = [...new Set(words)].map((word) => Buffer.from(word, 'utf8'))
  encoded.sort(Buffer.compare)
  const offsets = new Uint32Array(encoded.length + 1)
  encoded.forEach((bytes, at) => (offsets[at + 1] = offsets[at] + bytes.length))
  return {blob: Buffer.concat(encoded), offsets}
}
