/**
 * PLACEHOLDER — being written. Check `name-consistency`.
 */
import type {Plugin} from 'unified'
import type {Root} from 'nlcst'
import type {CodeCheckOptions} from '../types.js'

/** The `name-consistency` check. */
export const nameConsistency: Plugin<[CodeCheckOptions], Root> = function () {
  return undefined
}
