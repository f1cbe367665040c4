/**
 * A node copied out of the parse cache (src/incremental.ts) remembers the
 * node it was copied from: facts that hang only on a node's words, not on
 * where they stand (an acronym spelled out from a word, by child index), are
 * then worked out once per paragraph's text and kept on the original, not
 * once per copy. Checks never change a tree, so the original and its copies
 * hold the same words.
 */
const originKey = Symbol('copydesk.origin')

type WithOrigin = object & {[originKey]?: object}

/** Say that `copy` was copied from `origin`. */
export function setOrigin(copy: object, origin: object): void {
  ;(copy as WithOrigin)[originKey] = origin
}

/** The node `node` was copied from, or `node` itself. */
export function originOf<T extends object>(node: T): T {
  return ((node as WithOrigin)[originKey] as T | undefined) ?? node
}
