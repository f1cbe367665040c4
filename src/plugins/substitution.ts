/**
 * PLACEHOLDER — being written. Kind `substitution`.
 */
import type {Kind} from '../house-style/kind.js'

/** The `substitution` kind. */
export const kind: Kind<null> = {
  name: 'substitution',
  description: 'placeholder',
  entrySchema: {properties: {}},
  compile: () => null,
  plugin: () => undefined
}
