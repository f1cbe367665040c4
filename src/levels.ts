/**
 * Severity levels, on their own so the rules engine (src/house-style/kind.ts)
 * can name them without importing src/types.ts, which imports the engine's
 * compiled style back (an import circle). src/types.ts re-exports both.
 */

/** How serious a finding is. `suggestion` → `file.info`, `warning` → `file.message`, `error` → `fatal: true`. */
export type Level = 'suggestion' | 'warning' | 'error'

/** A level, or `'off'` to switch a check off. */
export type Setting = Level | 'off'
