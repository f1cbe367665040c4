/**
 * copydesk's version, read once from package.json (one folder up from both
 * src/ and dist/).
 */
import fs from 'node:fs'

/** The package version, such as `0.1.0`. */
export const version: string = (
  JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
).version
