/**
 * Strapi 5: check a story when an editor presses Publish, in process.
 *
 * A Document Service middleware runs before `publish`: it loads the draft,
 * asks copydesk for a verdict, and throws an ApplicationError — which the
 * admin panel shows as a red notice — when the story has errors. Warnings are
 * logged and the story publishes.
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
 * Options: `uid` (content type, default `'api::article.article'`), `headline`
 * and `body` (field names, default `'title'` and `'body'`), `format` of the
 * body (`'markdown'` for Strapi's Markdown field, `'html'` for a rich-text
 * field that stores HTML; default `'markdown'`), `policy` (default: errors
 * block, warnings warn), `timeoutMs` (default 2000), `copydesk` (checker
 * options such as `{rules: ['./newsroom-rules']}`).
 */
export function registerCopydesk(strapi, options = {}) {
  const {
    uid = 'api::article.article',
    headline = 'title',
    body = 'body',
    format = 'markdown',
    policy,
    timeoutMs = 2000,
    copydesk
  } = options
  // Dictionaries and rules load once, at boot, not on the first Publish.
  const checker = createChecker(copydesk)

  strapi.documents.use(async (context, next) => {
    if (context.uid !== uid || context.action !== 'publish') return next()

    const {documentId, locale} = context.params
    const draft = await strapi.documents(uid).findOne({documentId, locale, status: 'draft'})
    if (!draft) return next()

    const result = await prePublish(
      {headline: draft[headline] ?? undefined, body: draft[body] ?? '', format},
      policy,
      {checker, timeoutMs}
    )
    if (result.verdict === 'block') {
      const ApplicationError = await applicationError()
      const first = result.messages.filter((message) => message.severity === 'error').slice(0, 3)
      throw new ApplicationError(
        `copydesk: fix before publishing: ${first.map((message) => `${message.field} ${message.line}:${message.column} ${message.reason}`).join('; ')}`,
        {copydesk: result}
      )
    }
    if (result.verdict === 'warn' || !result.complete) {
      strapi.log.warn(`copydesk: ${documentId}: ${result.counts.warning} warnings${result.complete ? '' : ' (check ran out of time)'}`)
    }
    return next()
  })
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
