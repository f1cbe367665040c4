/**
 * Message templates of rules files: `message: Use \`{expected}\`, not \`{actual}\`.`
 * Kept apart from compile.ts so kind plugins can use it without importing the
 * kind registry (which imports them).
 */

/** Fill a message template: `{actual}`, `{expected}` and other fields in braces. */
export function fillTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key]
    if (value === undefined || value === null) return whole
    return Array.isArray(value) ? value.map(String).join('`, `') : String(value)
  })
}
