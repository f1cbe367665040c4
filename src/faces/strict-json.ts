/**
 * Duplicate keys in JSON. `JSON.parse` (and Fastify's parser) keep the last
 * of two equal keys, so `{"body": "TK", "body": "Clean."}` means what its
 * last key says to one reader and what its first says to another: a request
 * a gate must refuse. Keys are compared as parsed (`"bo\u0064y"` is `body`).
 */

/**
 * The first key given twice in one object of `text`, as a dotted path
 * (`body`, `policy.block`, `items.2.name`), or `undefined` when there is
 * none. `text` must be valid JSON (parse it first): this only scans it.
 */
export function duplicateKey(text: string): string | undefined {
  // One frame per open object or array: the keys seen (objects), the path to it, the current key or index.
  const stack: Array<{keys?: Set<string>; path: string[]; key?: string; index: number; expectKey: boolean}> = []
  let index = 0
  while (index < text.length) {
    const char = text[index]!
    const top = stack[stack.length - 1]
    if (char === '"') {
      // The closing quote: the next one not escaped (after an even run of backslashes). A story's body is one long
      // string: found with indexOf, not a character at a time (this runs on the server's thread for every request).
      let end = index
      for (;;) {
        end = text.indexOf('"', end + 1)
        let slashes = 0
        while (text.charCodeAt(end - 1 - slashes) === 92) slashes++
        if (slashes % 2 === 0) break
      }
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(index, end + 1)) as string
        if (top.keys.has(key)) return [...top.path, key].join('.')
        top.keys.add(key)
        top.key = key
        top.expectKey = false
      }
      index = end + 1
      continue
    }
    if (char === '{' || char === '[') {
      const path = top ? [...top.path, top.keys ? (top.key ?? '') : String(top.index)] : []
      stack.push(char === '{' ? {keys: new Set(), path, index: 0, expectKey: true} : {path, index: 0, expectKey: false})
    } else if (char === '}' || char === ']') {
      stack.pop()
    } else if (char === ',' && top) {
      if (top.keys) top.expectKey = true
      else top.index++
    }
    index++
  }
  return undefined
}
