/**
 * PLACEHOLDER — being written. Kind `collision`.
 */
import type {Kind} from '../house-style/kind.js'

/** The `collision` kind. */
export const kind: Kind<null> = {
  name: 'collision',
  description: 'placeholder',
  entrySchema: {properties: {}},
  compile: () => null,
  plugin: () => undefined
}
