/**
 * PLACEHOLDER — being written. Kind `title`.
 */
import type {Kind} from '../house-style/kind.js'

/** The `title` kind. */
export const kind: Kind<null> = {
  name: 'title',
  description: 'placeholder',
  entrySchema: {properties: {}},
  compile: () => null,
  plugin: () => undefined
}
