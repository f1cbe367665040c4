/**
 * JSON Schema of a rules file: the common header and entry fields, plus each
 * kind's entry fields. Published as `rules/schema.json` (`npm run schema`) so
 * editors autocomplete rules files; the loader validates with the same schema.
 */
import type {Kind} from './kind.js'

/**
 * A link must be an http(s) address: it becomes each message's `url`, which
 * reports, editors and the LanguageTool endpoint show as a link, so
 * `javascript:` or `data:` would run or load whatever the rules file says.
 */
export const linkPattern = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s<>"]+$'

/** Header fields every rules file has. */
export const headerSchema = {
  kind: {type: 'string', description: 'The kind of check: decides which fields entries have.'},
  message: {
    type: 'string',
    minLength: 1,
    description:
      'Message template for a copy editor. `{actual}`, `{expected}` and entry fields in braces are filled in.'
  },
  level: {
    enum: ['suggestion', 'warning', 'error', 'off'],
    description: 'Severity: suggestion (info), warning, error (blocks publishing), or off (switched off).'
  },
  link: {
    type: 'string',
    pattern: linkPattern,
    description: 'Stylebook section or README anchor shown with each message: an http(s) address.'
  },
  scope: {
    enum: ['text', 'headline', 'all'],
    description: 'Where the rule applies: body text, headlines, or both (default: text).'
  },
  quotes: {
    enum: ['skip', 'suggestion', 'apply'],
    description:
      'Inside quotation marks: skip, report as a suggestion only, or apply as usual (AP does not alter quotations).'
  },
  description: {type: 'string', description: 'What the rule is for (shown in the rules table).'}
} as const

/** Fields every entry has. */
export const commonEntrySchema = {
  id: {
    type: 'string',
    pattern: '^[a-z0-9][a-z0-9-]*$',
    description:
      'Stable id of the entry (lowercase, digits, dashes); a newsroom layer overrides an entry by id.'
  },
  enabled: {type: 'boolean', description: 'Set to false in a newsroom layer to remove one of ours.'},
  level: {
    enum: ['suggestion', 'warning', 'error', 'off'],
    description:
      'Severity of this entry (default: the file level); `off` removes the entry, like `enabled: false`.'
  },
  note: {type: 'string', description: 'Why: shown to the copy editor with the message.'},
  link: {
    type: 'string',
    pattern: linkPattern,
    description: 'Stylebook section for this entry (overrides the file link): an http(s) address.'
  },
  examples: {
    type: 'object',
    additionalProperties: false,
    properties: {
      flag: {type: 'array', items: {type: 'string'}, description: 'Copy this entry must flag.'},
      allow: {type: 'array', items: {type: 'string'}, description: 'Copy this entry must leave alone.'}
    },
    description: 'Examples, run as tests by `npm test`.'
  }
} as const

/** Options for {@link fileSchema}. */
export interface FileSchemaOptions {
  /**
   * A layer over an existing file of the same name (a newsroom override):
   * only `kind` is required in the header and only `id` in entries, because
   * the rest merges with the file below (default `false`).
   */
  partial?: boolean
}

/** The JSON Schema of one entry of a kind. */
export function entrySchema(kind: Kind, options: FileSchemaOptions = {}): Record<string, unknown> {
  const properties = {...commonEntrySchema, ...(kind.entrySchema.properties as object)}
  const required = options.partial ? ['id'] : ['id', ...((kind.entrySchema.required as string[]) || [])]
  const {properties: _ignored, required: _alsoIgnored, ...rest} = kind.entrySchema
  return {...rest, type: 'object', additionalProperties: false, required, properties}
}

/** The schema of a file of one kind. */
export function fileSchema(kind: Kind, options: FileSchemaOptions = {}): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    required: options.partial ? ['kind'] : ['kind', 'message', 'entries'],
    properties: {
      ...headerSchema,
      kind: {const: kind.name, description: kind.description},
      entries: {type: 'array', items: entrySchema(kind, options)}
    }
  }
}

/**
 * The schema of any rules file (for `rules/schema.json`): for editors, so a
 * newsroom's override file (only `kind` and the fields it changes) is valid
 * too. The loader is stricter: a file or entry that overrides nothing must be
 * complete.
 */
export function publishedSchema(kinds: ReadonlyArray<Kind>): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'urn:copydesk:rules-schema',
    title: 'copydesk rules file',
    description:
      'A house-style rules file: a header and entries with examples. Its file name is the ruleId. ' +
      'A new file needs `kind`, `message` and `entries`; a newsroom file that overrides one of ours ' +
      'needs only `kind` and what it changes.',
    type: 'object',
    required: ['kind'],
    properties: {kind: {enum: kinds.map((kind) => kind.name), description: 'The kind of check.'}},
    allOf: kinds.map((kind) => ({
      if: {properties: {kind: {const: kind.name}}},
      then: fileSchema(kind, {partial: true})
    }))
  }
}
