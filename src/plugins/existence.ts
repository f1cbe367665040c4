/**
 * PLACEHOLDER — being written. Kind `existence`.
 */
import type {Kind} from '../house-style/kind.js'

/** The `existence` kind. */
export const kind: Kind<null> = {
  name: 'existence',
  description: 'placeholder',
  entrySchema: {properties: {}},
  compile: () => null,
  plugin: () => undefined
}
