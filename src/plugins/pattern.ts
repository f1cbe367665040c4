/**
 * PLACEHOLDER — being written. Kind `pattern`.
 */
import type {Kind} from '../house-style/kind.js'

/** The `pattern` kind. */
export const kind: Kind<null> = {
  name: 'pattern',
  description: 'placeholder',
  entrySchema: {properties: {}},
  compile: () => null,
  plugin: () => undefined
}
