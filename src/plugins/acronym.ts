/**
 * PLACEHOLDER — being written. Kind `acronym`.
 */
import type {Kind} from '../house-style/kind.js'

/** The `acronym` kind. */
export const kind: Kind<null> = {
  name: 'acronym',
  description: 'placeholder',
  entrySchema: {properties: {}},
  compile: () => null,
  plugin: () => undefined
}
