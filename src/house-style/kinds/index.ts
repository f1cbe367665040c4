/**
 * The registry of rule kinds. A new kind is a plugin file exporting `kind`,
 * registered here; a new rule of a known kind needs no code.
 */
import type {Kind} from '../kind.js'
import {kind as existence} from './existence.js'
import {kind as collision} from './collision.js'
import {kind as substitution} from './substitution.js'
import {kind as title} from './title.js'
import {kind as acronym} from './acronym.js'
import {kind as pattern} from './pattern.js'

/** Every kind, by the name used in `kind:`. */
export const kinds: ReadonlyMap<string, Kind> = new Map(
  ([existence, collision, substitution, title, acronym, pattern] as Kind[]).map((kind) => [kind.name, kind])
)
