/**
 * PLACEHOLDER — being written. Check `dialect`.
 */
import type {Plugin} from 'unified'
import type {Root} from 'nlcst'
import type {CodeCheckOptions} from '../types.js'

/** The `dialect` check. */
export const dialect: Plugin<[CodeCheckOptions], Root> = function () {
  return undefined
}
