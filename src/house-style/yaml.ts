/**
 * YAML to plain data for files a newsroom writes (rules files,
 * `.copydeskrc`): the `yaml` package refuses an "alias bomb" (anchors that
 * repeat anchors until one small file expands to millions of values) with a
 * bare `ReferenceError`; this turns it into an error that says where.
 */
import {isAlias, isCollection, visit, type Document, type Node} from 'yaml'

/** A document whose aliases expand too far; `offset` is the alias to look at. */
export class AliasBombError extends Error {
  override name = 'AliasBombError'
  constructor(
    /** Offset in the text of the alias that repeats a value holding other aliases (else the first alias). */
    readonly offset: number,
    /** The alias as written (`*rows`). */
    readonly alias: string
  ) {
    super(`the alias \`${alias}\` repeats a value that repeats others, which would expand past yaml's limit of 100 copies`)
  }
}

/** The fix sentence both callers give. */
export const aliasBombFix =
  'Fix: write the values out instead of repeating them with anchors (`&name`) and aliases (`*name`); a rules or settings file never needs them.'

/** `document.toJS()`, throwing {@link AliasBombError} instead of yaml's bare resource-exhaustion error. */
export function toPlain(document: Document): unknown {
  try {
    return document.toJS()
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias/i.test(error.message)) throw error
    throw locateBomb(document)
  }
}

function locateBomb(document: Document): AliasBombError {
  let first: {offset: number; alias: string} | undefined
  let nested: {offset: number; alias: string} | undefined
  visit(document, {
    Alias(_, node) {
      const found = {offset: node.range?.[0] ?? 0, alias: '*' + node.source}
      first ||= found
      const target = node.resolve(document) as Node | undefined
      if (target && isCollection(target) && holdsAlias(target)) {
        nested = found
        return visit.BREAK
      }
      return undefined
    }
  })
  const where = nested || first || {offset: 0, alias: '*'}
  return new AliasBombError(where.offset, where.alias)
}

function holdsAlias(node: Node): boolean {
  let found = false
  visit(node, {
    Alias(_, item) {
      if (isAlias(item)) found = true
      return visit.BREAK
    }
  })
  return found
}
