/**
 * PLACEHOLDER — being written. Check `spelling`.
 */
import type {Plugin} from 'unified'
import type {Root} from 'nlcst'
import type {CodeCheckOptions} from '../types.js'

/** The `spelling` check. */
export const spelling: Plugin<[CodeCheckOptions], Root> = function () {
  return undefined
}
