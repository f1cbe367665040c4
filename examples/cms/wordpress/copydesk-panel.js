/**
 * WordPress block editor: a copydesk panel in the pre-publish checks.
 *
 * Sends the title and content to copydesk's HTTP endpoint (`POST /v1/check`)
 * as the editor types (debounced), lists the findings in the pre-publish
 * panel, and locks saving and publishing (`lockPostSaving`) while the verdict
 * is `block`. If copydesk cannot be reached or runs out of time, it says so
 * and does not lock: the desk decides.
 *
 * Loaded by copydesk.php (same folder); no build step. The copydesk server
 * must allow the WordPress origin: `copydesk serve --cors https://cms.example.com`.
 */
;(function (wp) {
  const {registerPlugin} = wp.plugins
  const PluginPrePublishPanel = (wp.editor && wp.editor.PluginPrePublishPanel) || wp.editPost.PluginPrePublishPanel
  const {useSelect, useDispatch} = wp.data
  const {createElement: h, useEffect, useState} = wp.element
  const {Notice} = wp.components
  const endpoint = window.copydeskSettings.endpoint
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
        const controller = new AbortController()
        const timer = setTimeout(function () {
          fetch(endpoint, {
            method: 'POST',
            headers: {'content-type': 'application/json'},
            body: JSON.stringify({headline: title || '', body: content || '', format: 'html'}),
            signal: controller.signal
          })
            .then(function (response) {
              if (!response.ok) throw new Error('copydesk answered ' + response.status)
              return response.json()
            })
            .then(function (result) {
              setState({status: 'done', result: result})
              if (result.verdict === 'block') lockPostSaving(lock)
              else unlockPostSaving(lock)
            })
            .catch(function (error) {
              if (error.name === 'AbortError') return
              setState({status: 'error', error: String(error.message || error)})
              unlockPostSaving(lock)
            })
        }, 600)
        return function () {
          clearTimeout(timer)
          controller.abort()
        }
      },
      [title, content]
    )

    // Leaving the editor must not leave the post locked.
    useEffect(function () {
      return function () {
        unlockPostSaving(lock)
      }
    }, [])

    return h(PluginPrePublishPanel, {title: 'copydesk', initialOpen: true}, body(state))
  }

  function body(state) {
    if (state.status === 'checking') return h('p', null, 'Checking…')
    if (state.status === 'error') return h(Notice, {status: 'warning', isDismissible: false}, 'copydesk could not check this story: ' + state.error)
    const result = state.result
    const items = result.messages.filter(function (message) {
      return message.severity !== 'suggestion'
    })
    return h(
      'div',
      null,
      h(
        Notice,
        {status: result.verdict === 'block' ? 'error' : result.verdict === 'warn' ? 'warning' : 'success', isDismissible: false},
        result.verdict === 'block'
          ? 'Fix the errors below to publish.'
          : result.verdict === 'warn'
            ? 'Worth a look before publishing.'
            : 'No problems found.'
      ),
      result.complete ? null : h('p', null, 'Not every check ran in time.'),
      h(
        'ul',
        null,
        items.map(function (message, index) {
          return h(
            'li',
            {key: index},
            h('strong', null, message.severity === 'error' ? 'Error: ' : 'Warning: '),
            message.reason,
            message.field === 'headline' ? ' (headline)' : ''
          )
        })
      )
    )
  }

  registerPlugin('copydesk', {render: CopydeskPanel})
})(window.wp)
