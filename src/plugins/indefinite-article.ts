/**
 * PLACEHOLDER — being written. Check `indefinite-article`.
 */
import type {Plugin} from 'unified'
import type {Root} from 'nlcst'
import type {CodeCheckOptions} from '../types.js'

/** The `indefinite-article` check. */
export const indefiniteArticle: Plugin<[CodeCheckOptions], Root> = function () {
  return undefined
}
