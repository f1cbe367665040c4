/**
 * Strapi 5: check a story before it is published, in process.
 *
 * A Document Service middleware runs before every document operation that
 * puts a story on the site: `publish`, and `create` or `update` with
 * `status: 'published'` (or on a content type without Draft & Publish, where
 * every save is live). It reads the headline and body (Strapi 5's default
 * rich-text field, Blocks JSON, or a Markdown/text string), asks copydesk
 * for a verdict, and lets the operation through only when copydesk finished
 * the check (`complete: true`) with verdict `pass` or `warn`. Anything else
 * (errors in the story, a check that ran out of time, a `hold`, copydesk
 * failing) throws an ApplicationError, which the admin panel shows as a red
 * notice with the reason, and nothing is published. Drafts save as usual.
 *
 * The editors' decisions about the story's findings (dismiss one for this
 * story, with who and why; accept a suggestion: docs/desk.md) live in a JSON
 * field of the story (`decisions`, default `copydeskDecisions`), so they
 * travel with it, and are sent with every check: a dismissed warning stays
 * dismissed across saves, and the log names who dismissed what.
 *
 * In your Strapi app (`npm install copydesk`), in `src/index.js`:
 *
 *     import {registerCopydesk} from './copydesk.js'
 *
 *     export default {
 *       register({strapi}) {
 *         registerCopydesk(strapi, {uid: 'api::article.article', headline: 'title', body: 'body'})
 *       }
 *     }
 */
import {createChecker, prePublish} from 'copydesk'

/**
 * Register the pre-publish check.
 *
 * Options: `uid` (content type or list of them, default
 * `'api::article.article'`), `headline` and `body` (field names, default
 * `'title'` and `'body'`), `format` of a string body (`'markdown'`, the
 * default, for Strapi's Markdown rich-text field; `'html'`; `'text'`; a
 * Blocks body is always read as blocks), `policy` (default: errors block,
 * warnings warn), `timeoutMs` (default 5000), `copydesk` (checker options
 * such as `{rules: ['./newsroom-rules']}`), `decisions` (the JSON field
 * holding the decisions, default `'copydeskDecisions'`; `false`: none),
 * `allowErrorDismissal` (whether a decision may dismiss a must-never-publish
 * finding such as a `TK`, by a named editor with a reason; default `false`).
 */
export function registerCopydesk(strapi, options = {}) {
  strapi.documents.use(copydeskMiddleware(strapi, options))
}

/** The middleware itself (registered by {@link registerCopydesk}). */
export function copydeskMiddleware(strapi, options = {}) {
  const {
    uid = 'api::article.article',
    headline = 'title',
    body = 'body',
    format = 'markdown',
    policy,
    timeoutMs = 5000,
    copydesk,
    decisions: decisionsField = 'copydeskDecisions',
    allowErrorDismissal = false
  } = options
  const uids = Array.isArray(uid) ? uid : [uid]
  // Dictionaries and rules load once, at boot, not on the first Publish.
  const checker = createChecker(copydesk)

  return async function copydeskCheck(context, next) {
    if (!uids.includes(context.uid) || !goesLive(strapi, context)) return next()
    const label = context.params?.documentId || 'new document'
    let versions
    try {
      versions = await storiesOf(strapi, context, [headline, body, decisionsField].filter(Boolean))
    } catch (error) {
      return hold(`copydesk could not read the story to check it (${messageOf(error)})`)
    }
    for (const version of versions) {
      let story
      let decisions
      try {
        story = toStory(version, headline, body, format)
        decisions = decisionsField ? decisionsOf(version[decisionsField], decisionsField) : undefined
      } catch (error) {
        return hold(messageOf(error))
      }
      let result
      try {
        result = await prePublish(story, policy, {checker, timeoutMs, decisions, allowErrorDismissal})
      } catch (error) {
        return hold(`copydesk could not check this story (${messageOf(error)})`)
      }
      for (const line of trail(result)) strapi.log.info(`copydesk: ${label}: ${line}`)
      const decision = decide(result)
      // A dismissal the desk refused is why a story the editor thought cleared is still held: say so.
      const refused = (result.decisions?.refused || []).map((item) => item.why)
      if (!decision.publish) return hold([decision.reason, ...refused].join('; '), result)
      if (result.verdict === 'warn') strapi.log.warn(`copydesk: ${label}: ${result.counts.warning} warning(s); published`)
    }
    return next()

    async function hold(reason, result) {
      const ApplicationError = await applicationError()
      strapi.log.warn(`copydesk: ${label}: not published: ${reason}`)
      throw new ApplicationError(`copydesk: not published: ${reason}`, {copydesk: result ?? null})
    }
  }
}

/**
 * What to do with a result: publish only when the check finished
 * (`complete: true`) with verdict `pass` or `warn`. Any other verdict
 * (`block`, `hold`, one this recipe does not know) holds the story.
 */
export function decide(result) {
  if (!result || typeof result !== 'object' || typeof result.verdict !== 'string') {
    return {publish: false, reason: "copydesk's answer is not a result it understands"}
  }
  const reason = typeof result.reason === 'string' && result.reason ? result.reason : ''
  if (result.verdict === 'block' && result.complete !== false) {
    const errors = (result.messages || []).filter((message) => message.severity === 'error').slice(0, 3)
    const list = errors.map((message) => `${message.reason} (${message.field || 'body'} ${message.line}:${message.column})`)
    return {publish: false, reason: `fix before publishing: ${list.join('; ') || 'see the findings'}${reason ? ` (${reason})` : ''}`}
  }
  if (result.complete !== true) {
    return {publish: false, reason: `copydesk did not finish checking this story${reason ? `: ${reason}` : ''}`}
  }
  if (result.verdict === 'pass' || result.verdict === 'warn') return {publish: true}
  if (result.verdict === 'hold') return {publish: false, reason: `copydesk held the story${reason ? `: ${reason}` : ''}`}
  return {publish: false, reason: `copydesk answered verdict "${result.verdict}", which this recipe does not know`}
}

/**
 * The decisions kept in the story's field: a JSON field gives the list, a
 * text field its JSON; empty or unset, none.
 */
export function decisionsOf(value, field = 'copydeskDecisions') {
  if (value === undefined || value === null || value === '') return undefined
  let list = value
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value)
    } catch {
      throw new Error(`copydesk cannot read the \`${field}\` field: it is not JSON (a list of decisions, see docs/desk.md)`)
    }
  }
  if (!Array.isArray(list)) throw new Error(`copydesk cannot read the \`${field}\` field: it must be a list of decisions (see docs/desk.md)`)
  return list
}

/** What the decisions did, one line each, for the log (the trail a desk chief reads). */
export function trail(result) {
  const report = result?.decisions
  if (!report) return []
  const where = (item) => `${item.field || 'body'} ${item.line}:${item.column}`
  return [
    ...report.dismissed.map((message) => `dismissed \`${message.actual}\` (${message.ruleId}, ${where(message)}) by ${message.dismissedBy}${message.dismissReason ? `: ${message.dismissReason}` : ''}`),
    ...(report.accepted || []).map((change) => `${change.done ? 'accepted' : 'accepted, not yet in the copy:'} \`${change.actual}\` → \`${change.replacement}\` (${change.ruleId}, ${where(change)}) by ${change.acceptedBy}`),
    ...report.refused.map((item) => `decision refused: ${item.why}`),
    ...report.lapsed.map((decision) => `decision no longer matches the story: ${decision.action} \`${decision.actual}\` (${decision.ruleId}) by ${decision.by}`)
  ]
}

/** Whether the operation puts content on the site. */
function goesLive(strapi, context) {
  if (context.action === 'publish') return true
  if (context.action !== 'create' && context.action !== 'update') return false
  if (context.params?.status === 'published') return true
  const contentType = context.contentType || strapi.contentType?.(context.uid) || strapi.getModel?.(context.uid)
  // Without Draft & Publish, every save is live.
  return contentType?.options?.draftAndPublish === false
}

/** The versions of the story that would go live: the drafts for `publish`, the saved data merged over the draft otherwise (`fields`: those the check reads). */
async function storiesOf(strapi, context, fields) {
  const {documentId, locale, data} = context.params || {}
  const documents = strapi.documents(context.uid)
  if (context.action === 'publish') {
    const locales = Array.isArray(locale) ? locale : [locale]
    const drafts = []
    for (const one of locales) {
      if (one === '*') {
        drafts.push(...(await documents.findMany({filters: {documentId}, locale: '*', status: 'draft'})))
      } else {
        const draft = await documents.findOne({documentId, locale: one, status: 'draft'})
        if (!draft) throw new Error(`no draft of ${documentId}${one ? ` in locale ${one}` : ''}`)
        drafts.push(draft)
      }
    }
    return drafts
  }
  const given = data || {}
  if (context.action === 'update' && documentId && fields.some((field) => !(field in given))) {
    const draft = await documents.findOne({documentId, locale, status: 'draft'})
    return [{...(draft || {}), ...given}]
  }
  return [given]
}

/** A document version as a copydesk story. */
function toStory(version, headline, body, format) {
  const title = version[headline]
  const value = version[body]
  if (title !== undefined && title !== null && typeof title !== 'string') {
    throw new Error(`copydesk cannot read the \`${headline}\` field (${typeof title}); point \`headline\` at a text field`)
  }
  const story = {headline: title ?? undefined}
  if (Array.isArray(value)) return {...story, body: blocksToText(value), format: 'text'}
  if (value === undefined || value === null) return {...story, body: '', format}
  if (typeof value === 'string') return {...story, body: value, format}
  throw new Error(`copydesk cannot read the \`${body}\` field (${typeof value}); it reads Blocks, Markdown and text fields`)
}

/**
 * The text of a Strapi 5 Blocks value, one block per paragraph: paragraphs,
 * headings, quotes and code as written, list items one per line (nested
 * lists included), links by their text, image captions.
 */
export function blocksToText(blocks) {
  return blocks
    .map(blockText)
    .filter((text) => text.trim() !== '')
    .join('\n\n')
}

function blockText(node) {
  if (!node || typeof node !== 'object') return ''
  switch (node.type) {
    case 'list':
      return (node.children || [])
        .map((item) => (item && item.type === 'list' ? blockText(item) : inlineText(item?.children)))
        .filter((text) => text.trim() !== '')
        .join('\n')
    case 'image':
      return typeof node.image?.caption === 'string' ? node.image.caption : ''
    default:
      return inlineText(node.children)
  }
}

function inlineText(children) {
  if (!Array.isArray(children)) return ''
  let text = ''
  for (const child of children) {
    if (!child || typeof child !== 'object') continue
    if (child.type === 'text') text += typeof child.text === 'string' ? child.text : ''
    else if (child.type === 'list') text += '\n' + blockText(child)
    else text += inlineText(child.children)
  }
  return text
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error)
}

/** Strapi's ApplicationError (a 400 the admin panel shows); a stand-in outside Strapi. */
async function applicationError() {
  try {
    const {errors} = await import('@strapi/utils')
    return errors.ApplicationError
  } catch {
    return class ApplicationError extends Error {
      constructor(message, details) {
        super(message)
        this.name = 'ApplicationError'
        this.details = details
      }
    }
  }
}
