/**
 * WordPress block editor: a copydesk panel in the pre-publish checks.
 *
 * As the editor types (debounced), sends the title and content to WordPress
 * (`POST /wp-json/copydesk/v1/check`, copydesk.php), which asks copydesk
 * with the post's decisions and the server's token and applies the rule:
 * publish only on HTTP 200, a result it can read, `complete: true` and
 * verdict `pass` or `warn`. The panel lists the findings and keeps the
 * Publish button locked (`lockPostSaving`) until that rule holds for the
 * text in the editor; anything else (copydesk or WordPress unreachable or
 * slow, an HTTP error, a check that did not finish, `hold`, `block`) keeps
 * it locked and says why. Drafts save as usual; copydesk.php guards the
 * server side (REST, Quick Edit, scheduled posts) with the same rule.
 *
 * Desk memory: each warning has "Dismiss" (for this story, with a reason,
 * kept with the post and sent with every check; a dismissed finding is
 * listed with who and why, and "Undo" takes it back); a word copydesk does
 * not know has "Add to desk dictionary" for editors (copydesk's `/v1/words`,
 * in the editor's name). The browser talks only to WordPress: copydesk
 * needs no `--cors`, and its token stays on the server.
 *
 * Loaded by copydesk.php (same folder); no build step.
 */
;(function (window) {
  /** Characters of context a decision keeps on each side of a finding (copydesk's `contextWidth`). */
  const contextWidth = 24

  /**
   * The decision anchoring a finding of the text that was checked: its check,
   * words, field and the text right around it (as copydesk's `decisionFor`).
   * `undefined` for a finding without a place.
   */
  function anchorFor(checked, message) {
    const field = message.field || 'body'
    const text = (field === 'headline' ? checked.title : checked.content) || ''
    if (typeof message.offset !== 'number' || typeof message.endOffset !== 'number' || !message.ruleId || message.actual == null) return undefined
    return {
      ruleId: message.ruleId,
      actual: message.actual,
      // The context stops at a line break, as copydesk's: an edit in the next paragraph is an edit elsewhere.
      before: text.slice(Math.max(0, message.offset - contextWidth), message.offset).replace(/^[^]*[\r\n]/, ''),
      after: text.slice(message.endOffset, message.endOffset + contextWidth).replace(/[\r\n][^]*$/, ''),
      field: field
    }
  }

  /**
   * What to do with WordPress's answer to a check (`{publish, reason,
   * result}`, made by copydesk.php with the server-side rule): anything
   * else holds.
   */
  function decisionOf(answer) {
    if (!answer || typeof answer !== 'object' || typeof answer.publish !== 'boolean') {
      return {publish: false, reason: "WordPress's answer is not a check it understands"}
    }
    const result = answer.result && typeof answer.result === 'object' && Array.isArray(answer.result.messages) ? answer.result : undefined
    if (answer.publish && result) return {publish: true, result: result}
    return {publish: false, reason: String(answer.reason || 'copydesk did not pass this story'), result: result}
  }

  // For tests and other scripts.
  window.copydeskPanel = {anchorFor: anchorFor, decisionOf: decisionOf}

  const wp = window.wp
  if (!wp || !wp.plugins) return
  const {registerPlugin} = wp.plugins
  const PluginPrePublishPanel = (wp.editor && wp.editor.PluginPrePublishPanel) || wp.editPost.PluginPrePublishPanel
  const {useSelect, useDispatch} = wp.data
  const {createElement: h, useEffect, useState} = wp.element
  const {Notice, Button} = wp.components
  const apiFetch = wp.apiFetch
  const settings = window.copydeskSettings || {}
  // WordPress waits for copydesk up to its timeout; give it a little more.
  const timeoutMs = (settings.timeoutMs || 10000) + 5000
  const lock = 'copydesk'

  function CopydeskPanel() {
    const {postId, title, content} = useSelect(function (select) {
      const editor = select('core/editor')
      return {postId: editor.getCurrentPostId(), title: editor.getEditedPostAttribute('title'), content: editor.getEditedPostContent()}
    }, [])
    const {lockPostSaving, unlockPostSaving} = useDispatch('core/editor')
    const [state, setState] = useState({status: 'checking'})
    // Bumped after a decision or a new desk word, to check again.
    const [round, setRound] = useState(0)

    useEffect(
      function () {
        // Locked from the first keystroke until copydesk passes this version.
        lockPostSaving(lock)
        setState({status: 'checking'})
        const controller = new AbortController()
        let timedOut = false
        const checked = {title: title || '', content: content || ''}
        const timer = setTimeout(function () {
          const deadline = setTimeout(function () {
            timedOut = true
            controller.abort()
          }, timeoutMs)
          apiFetch({path: '/copydesk/v1/check', method: 'POST', data: {post: postId, title: checked.title, content: checked.content}, signal: controller.signal})
            .then(function (answer) {
              clearTimeout(deadline)
              const decision = decisionOf(answer)
              setState({status: 'done', decision: decision, checked: checked})
              if (decision.publish) unlockPostSaving(lock)
              else lockPostSaving(lock)
            })
            .catch(function (error) {
              clearTimeout(deadline)
              if (error && error.name === 'AbortError' && !timedOut) return
              const reason = timedOut
                ? 'copydesk did not answer within ' + Math.round(timeoutMs / 1000) + ' s'
                : 'the check could not be made (' + String((error && error.message) || error) + ')'
              setState({status: 'done', decision: {publish: false, reason: reason}, checked: checked})
              lockPostSaving(lock)
            })
        }, 600)
        return function () {
          clearTimeout(timer)
          controller.abort()
        }
      },
      [postId, title, content, round]
    )

    // Leaving the publish panel unlocks saving drafts; the server-side guard still holds publishing.
    useEffect(function () {
      return function () {
        unlockPostSaving(lock)
      }
    }, [])

    const act = function (request) {
      setState(function (current) {
        return Object.assign({}, current, {failure: undefined})
      })
      return apiFetch(request).then(
        function () {
          setRound(function (value) {
            return value + 1
          })
        },
        function (error) {
          setState(function (current) {
            return Object.assign({}, current, {failure: String((error && error.message) || error)})
          })
        }
      )
    }
    const actions = {
      dismiss: function (message) {
        const anchor = anchorFor(state.checked, message)
        if (!anchor) return
        const reason = window.prompt('Dismiss “' + message.actual + '” in this story. Why? (kept with the story, with your name)', '')
        if (reason === null) return
        act({path: '/copydesk/v1/posts/' + postId + '/decisions', method: 'POST', data: Object.assign({reason: reason}, anchor)})
      },
      undo: function (message) {
        const anchor = anchorFor(state.checked, message)
        if (anchor) act({path: '/copydesk/v1/posts/' + postId + '/decisions', method: 'DELETE', data: anchor})
      },
      addWord: function (message) {
        act({path: '/copydesk/v1/words', method: 'POST', data: {word: message.actual, note: 'added from WordPress post ' + postId}})
      }
    }

    return h(PluginPrePublishPanel, {title: 'copydesk', initialOpen: true}, body(state, actions))
  }

  function body(state, actions) {
    if (state.status === 'checking') return h('p', null, 'Checking… Publishing waits for copydesk.')
    const decision = state.decision
    const result = decision.result
    const items = result
      ? result.messages.filter(function (message) {
          return message && message.severity !== 'suggestion'
        })
      : []
    const report = result && result.decisions
    const dismissed = report && Array.isArray(report.dismissed) ? report.dismissed : []
    const refused = report && Array.isArray(report.refused) ? report.refused : []
    const notice = decision.publish
      ? h(
          Notice,
          {status: result.verdict === 'warn' ? 'warning' : 'success', isDismissible: false},
          result.verdict === 'warn' ? 'Worth a look before publishing.' : 'No problems found.'
        )
      : h(Notice, {status: 'error', isDismissible: false}, 'Not published: ' + decision.reason)
    return h(
      'div',
      {className: 'copydesk-panel'},
      notice,
      state.failure ? h(Notice, {status: 'error', isDismissible: false}, state.failure) : null,
      h(
        'ul',
        {className: 'copydesk-findings'},
        items.map(function (message, index) {
          const canDismiss = message.severity !== 'error'
          const canAdd = settings.canAddWords && (message.ruleId === 'spelling' || message.ruleId === 'name-consistency')
          return h(
            'li',
            {key: index, 'data-rule': message.ruleId},
            h('strong', null, message.severity === 'error' ? 'Error: ' : 'Warning: '),
            String(message.reason),
            message.field === 'headline' ? ' (headline)' : '',
            ' ',
            canDismiss ? h(Button, {variant: 'link', onClick: () => actions.dismiss(message)}, 'Dismiss') : null,
            canAdd ? ' · ' : null,
            canAdd ? h(Button, {variant: 'link', onClick: () => actions.addWord(message)}, 'Add to desk dictionary') : null
          )
        })
      ),
      refused.map(function (item, index) {
        return h(Notice, {key: 'refused' + index, status: 'warning', isDismissible: false}, 'Not dismissed: ' + String(item.why))
      }),
      dismissed.length
        ? h(
            'div',
            {className: 'copydesk-dismissed'},
            h('p', null, h('strong', null, 'Dismissed in this story')),
            h(
              'ul',
              null,
              dismissed.map(function (message, index) {
                return h(
                  'li',
                  {key: index},
                  '“' + String(message.actual) + '” (' + String(message.ruleId) + ') by ' + String(message.dismissedBy),
                  message.dismissReason ? ': ' + String(message.dismissReason) : '',
                  ' ',
                  h(Button, {variant: 'link', onClick: () => actions.undo(message)}, 'Undo')
                )
              })
            )
          )
        : null
    )
  }

  registerPlugin('copydesk', {render: CopydeskPanel})
})(window)
