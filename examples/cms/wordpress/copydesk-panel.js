/**
 * WordPress block editor: a copydesk panel in the pre-publish checks.
 *
 * Sends the title and content to copydesk's HTTP endpoint (`POST /v1/check`)
 * as the editor types (debounced), lists the findings in the pre-publish
 * panel, and keeps the Publish button locked (`lockPostSaving`) until
 * copydesk passes the story: HTTP 200, a result it can read, `complete:
 * true` and verdict `pass` or `warn`. Anything else (copydesk unreachable or
 * slow, an HTTP error, a check that did not finish, verdict `hold` or
 * `block`) keeps it locked and says why. The panel is shown only in the
 * publish flow, so drafts save as usual; copydesk.php guards the server side
 * (REST, Quick Edit, scheduled posts) with the same rule.
 *
 * Loaded by copydesk.php (same folder); no build step. The copydesk server
 * must allow the WordPress origin: `copydesk serve --cors https://cms.example.com`.
 */
;(function (window) {
  /**
   * What to do with copydesk's answer: `{publish: true, result}` only for HTTP
   * 200, a result, `complete: true` and verdict `pass` or `warn`; otherwise
   * `{publish: false, reason, result?}`. `status` is the HTTP status (0 when
   * there was no answer), `text` the body.
   */
  function decide(status, text) {
    let result
    try {
      result = JSON.parse(text)
    } catch (error) {
      result = undefined
    }
    if (status !== 200) {
      const detail = result && typeof result.message === 'string' ? ': ' + result.message : ''
      return {publish: false, reason: 'copydesk answered HTTP ' + status + detail}
    }
    if (!result || typeof result !== 'object' || typeof result.verdict !== 'string' || !Array.isArray(result.messages)) {
      return {publish: false, reason: "copydesk's answer is not a result it understands"}
    }
    const reason = typeof result.reason === 'string' && result.reason ? result.reason : ''
    if (result.verdict === 'block' && (result.complete === undefined || result.complete === true)) {
      return {publish: false, reason: 'Fix the errors below to publish.' + (reason ? ' (' + reason + ')' : ''), result: result}
    }
    if (result.complete !== true) {
      return {publish: false, reason: 'copydesk did not finish checking this story' + (reason ? ': ' + reason : ''), result: result}
    }
    if (result.verdict === 'pass' || result.verdict === 'warn') return {publish: true, result: result}
    if (result.verdict === 'hold') {
      return {publish: false, reason: 'copydesk held the story' + (reason ? ': ' + reason : ''), result: result}
    }
    return {publish: false, reason: 'copydesk answered verdict "' + result.verdict + '", which this panel does not know', result: result}
  }

  // For tests and other scripts.
  window.copydeskDecide = decide

  const wp = window.wp
  if (!wp || !wp.plugins) return
  const {registerPlugin} = wp.plugins
  const PluginPrePublishPanel = (wp.editor && wp.editor.PluginPrePublishPanel) || wp.editPost.PluginPrePublishPanel
  const {useSelect, useDispatch} = wp.data
  const {createElement: h, useEffect, useState} = wp.element
  const {Notice} = wp.components
  const endpoint = window.copydeskSettings.endpoint
  const timeoutMs = window.copydeskSettings.timeoutMs || 10000
  const lock = 'copydesk'

  function CopydeskPanel() {
    const {title, content} = useSelect(function (select) {
      const editor = select('core/editor')
      return {title: editor.getEditedPostAttribute('title'), content: editor.getEditedPostContent()}
    }, [])
    const {lockPostSaving, unlockPostSaving} = useDispatch('core/editor')
    const [state, setState] = useState({status: 'checking'})

    useEffect(
      function () {
        // Locked from the first keystroke until copydesk passes this version.
        lockPostSaving(lock)
        setState({status: 'checking'})
        const controller = new AbortController()
        let timedOut = false
        const timer = setTimeout(function () {
          const deadline = setTimeout(function () {
            timedOut = true
            controller.abort()
          }, timeoutMs)
          fetch(endpoint, {
            method: 'POST',
            headers: {'content-type': 'application/json'},
            body: JSON.stringify({headline: title || '', body: content || '', format: 'html'}),
            signal: controller.signal
          })
            .then(function (response) {
              return response.text().then(function (text) {
                return decide(response.status, text)
              })
            })
            .then(function (decision) {
              clearTimeout(deadline)
              setState({status: 'done', decision: decision})
              if (decision.publish) unlockPostSaving(lock)
              else lockPostSaving(lock)
            })
            .catch(function (error) {
              clearTimeout(deadline)
              if (error.name === 'AbortError' && !timedOut) return
              const reason = timedOut
                ? 'copydesk did not answer within ' + Math.round(timeoutMs / 1000) + ' s'
                : 'copydesk could not be reached (' + String(error.message || error) + ')'
              setState({status: 'done', decision: {publish: false, reason: reason}})
              lockPostSaving(lock)
            })
        }, 600)
        return function () {
          clearTimeout(timer)
          controller.abort()
        }
      },
      [title, content]
    )

    // Leaving the publish panel unlocks saving drafts; the server-side guard still holds publishing.
    useEffect(function () {
      return function () {
        unlockPostSaving(lock)
      }
    }, [])

    return h(PluginPrePublishPanel, {title: 'copydesk', initialOpen: true}, body(state))
  }

  function body(state) {
    if (state.status === 'checking') return h('p', null, 'Checking… Publishing waits for copydesk.')
    const decision = state.decision
    const result = decision.result
    const items = result
      ? result.messages.filter(function (message) {
          return message && message.severity !== 'suggestion'
        })
      : []
    const notice = decision.publish
      ? h(
          Notice,
          {status: result.verdict === 'warn' ? 'warning' : 'success', isDismissible: false},
          result.verdict === 'warn' ? 'Worth a look before publishing.' : 'No problems found.'
        )
      : h(Notice, {status: 'error', isDismissible: false}, 'Not published: ' + decision.reason)
    return h(
      'div',
      null,
      notice,
      h(
        'ul',
        null,
        items.map(function (message, index) {
          return h(
            'li',
            {key: index},
            h('strong', null, message.severity === 'error' ? 'Error: ' : 'Warning: '),
            String(message.reason),
            message.field === 'headline' ? ' (headline)' : ''
          )
        })
      )
    )
  }

  registerPlugin('copydesk', {render: CopydeskPanel})
})(window)
