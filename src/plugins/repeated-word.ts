/**
 * PLACEHOLDER — being written. Check `repeated-word`.
 */
import type {Plugin} from 'unified'
import type {Root} from 'nlcst'
import type {CodeCheckOptions} from '../types.js'

/** The `repeated-word` check. */
export const repeatedWord: Plugin<[CodeCheckOptions], Root> = function () {
  return undefined
}
