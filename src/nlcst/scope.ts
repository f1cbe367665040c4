/**
 * Whether a node is in a headline. AP headlines differ (`US` in headlines,
 * `U.S.` in text), so rules have a `scope`.
 */
import type {Node} from 'unist'
import type {VFile} from 'vfile'

/** What the checker records on a file about its headline. */
export interface HeadlineData {
  /** The whole file is a headline. */
  headline?: boolean
  /** The first `headlineLines` lines of the file are the headline. */
  headlineLines?: number
}

/** Whether `node` is part of a headline in `file`. */
export function inHeadline(file: VFile, node: Node): boolean {
  const data = file.data as HeadlineData
  if (data.headline) return true
  const lines = data.headlineLines
  const line = node.position?.start.line
  return lines !== undefined && line !== undefined && line <= lines
}
