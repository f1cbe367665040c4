<?php
/**
 * Plugin Name: copydesk pre-publish check
 * Description: Checks stories with a copydesk server before they are published; a story copydesk did not pass is not published.
 * Version: 2.0.0
 *
 * Copy this folder to wp-content/plugins/copydesk/ and set the endpoint in
 * wp-config.php: define('COPYDESK_ENDPOINT', 'https://copydesk.newsroom.example/v1/check');
 * Optional: define('COPYDESK_TIMEOUT', 10); // seconds to wait for copydesk
 *
 * Two layers:
 * - On the server (every path a post takes to the site: block editor and
 *   REST, classic editor, Quick Edit, XML-RPC, WP-CLI, scheduled posts), a
 *   post becomes `publish` or `future` only when copydesk answered HTTP 200
 *   with a result it could parse, `complete: true` and verdict `pass` or
 *   `warn`. Anything else holds it: a REST save is refused with the reason
 *   (the block editor shows it), any other save is kept as Pending, with the
 *   reason in an admin notice and in the post's `_copydesk_held` meta.
 * - In the block editor (copydesk-panel.js), the same rule locks the Publish
 *   button in the pre-publish panel and lists the findings.
 *
 * Filter `copydesk_post_types` (default `['post']`) picks the post types checked.
 */

if (!defined('ABSPATH')) {
    exit;
}

/** The endpoint and the time to wait. */
function copydesk_endpoint() {
    return defined('COPYDESK_ENDPOINT') ? COPYDESK_ENDPOINT : 'http://127.0.0.1:8080/v1/check';
}

function copydesk_timeout() {
    return defined('COPYDESK_TIMEOUT') ? (float) COPYDESK_TIMEOUT : 10.0;
}

/**
 * Ask copydesk about a story. Returns `['publish' => bool, 'reason' => string,
 * 'result' => array|null]`: `publish` is true only for HTTP 200, a JSON
 * result, `complete: true` and verdict `pass` or `warn`.
 */
function copydesk_check($title, $content) {
    static $cache = array();
    $key = md5($title . "\0" . $content);
    if (isset($cache[$key])) {
        return $cache[$key];
    }
    $cache[$key] = copydesk_ask($title, $content);
    return $cache[$key];
}

function copydesk_ask($title, $content) {
    $hold = function ($reason, $result = null) {
        return array('publish' => false, 'reason' => $reason, 'result' => $result);
    };
    $payload = wp_json_encode(array('headline' => (string) $title, 'body' => (string) $content, 'format' => 'html'));
    if ($payload === false) {
        return $hold('copydesk could not send this story (it is not valid UTF-8)');
    }
    $response = wp_remote_post(copydesk_endpoint(), array(
        'headers' => array('content-type' => 'application/json'),
        'body' => $payload,
        'timeout' => copydesk_timeout(),
    ));
    if (is_wp_error($response)) {
        return $hold('copydesk could not be reached (' . $response->get_error_message() . ')');
    }
    $status = (int) wp_remote_retrieve_response_code($response);
    $body = wp_remote_retrieve_body($response);
    $result = json_decode($body, true);
    if ($status !== 200) {
        $detail = is_array($result) && isset($result['message']) && is_string($result['message']) ? ': ' . $result['message'] : '';
        return $hold('copydesk answered HTTP ' . $status . $detail);
    }
    if (!is_array($result) || !isset($result['verdict']) || !is_string($result['verdict']) || !isset($result['messages']) || !is_array($result['messages'])) {
        return $hold('copydesk\'s answer is not a result it understands');
    }
    $verdict = $result['verdict'];
    $reason = isset($result['reason']) && is_string($result['reason']) ? $result['reason'] : '';
    if ($verdict === 'block' && (!isset($result['complete']) || $result['complete'] === true)) {
        return $hold('copydesk found errors: ' . copydesk_errors($result) . ($reason !== '' ? ' (' . $reason . ')' : ''), $result);
    }
    if (!isset($result['complete']) || $result['complete'] !== true) {
        return $hold('copydesk did not finish checking this story' . ($reason !== '' ? ': ' . $reason : ''), $result);
    }
    if ($verdict === 'pass' || $verdict === 'warn') {
        return array('publish' => true, 'reason' => '', 'result' => $result);
    }
    if ($verdict === 'hold') {
        return $hold('copydesk held the story' . ($reason !== '' ? ': ' . $reason : ''), $result);
    }
    return $hold('copydesk answered verdict "' . $verdict . '", which this plugin does not know', $result);
}

/** The first three errors, for the reason: "Remove `TK` … (body 3:12); …". */
function copydesk_errors($result) {
    $lines = array();
    foreach ($result['messages'] as $message) {
        if (!is_array($message) || !isset($message['severity']) || $message['severity'] !== 'error') {
            continue;
        }
        $where = (isset($message['field']) ? $message['field'] : 'body') . ' ' . (isset($message['line']) ? $message['line'] : '?') . ':' . (isset($message['column']) ? $message['column'] : '?');
        $lines[] = (isset($message['reason']) ? $message['reason'] : '') . ' (' . $where . ')';
        if (count($lines) === 3) {
            break;
        }
    }
    return $lines ? implode('; ', $lines) : 'see the copydesk panel';
}

function copydesk_post_types() {
    return (array) apply_filters('copydesk_post_types', array('post'));
}

/** Statuses that put a post on the site, now or at its date. */
function copydesk_goes_public($status) {
    return $status === 'publish' || $status === 'future';
}

/** Holds of this request, by post ID (0 for a post not yet saved), written to meta after the save. */
$GLOBALS['copydesk_holds'] = array();

/**
 * Every save: a post that would become `publish` or `future` without
 * copydesk passing it is kept as Pending. `$data` is slashed, as WordPress
 * passes it.
 */
function copydesk_guard_insert($data, $postarr = array(), $unsanitized_postarr = array(), $update = false) {
    if (!isset($data['post_status']) || !copydesk_goes_public($data['post_status'])) {
        return $data;
    }
    if (!in_array(isset($data['post_type']) ? $data['post_type'] : 'post', copydesk_post_types(), true)) {
        return $data;
    }
    $check = copydesk_check(wp_unslash($data['post_title']), wp_unslash($data['post_content']));
    $id = isset($postarr['ID']) ? (int) $postarr['ID'] : 0;
    if ($check['publish']) {
        $GLOBALS['copydesk_holds'][$id] = '';
        return $data;
    }
    $data['post_status'] = 'pending';
    $GLOBALS['copydesk_holds'][$id] = $check['reason'];
    set_transient('copydesk_held_' . get_current_user_id(), $check['reason'], 300);
    return $data;
}
add_filter('wp_insert_post_data', 'copydesk_guard_insert', 99, 4);

/** After the save: keep the reason with the post (or clear it once copydesk passed it). */
function copydesk_record_hold($post_id, $post = null, $update = false) {
    $holds = $GLOBALS['copydesk_holds'];
    $key = array_key_exists($post_id, $holds) ? $post_id : (array_key_exists(0, $holds) ? 0 : null);
    if ($key === null) {
        return;
    }
    $reason = $holds[$key];
    unset($GLOBALS['copydesk_holds'][$key]);
    if ($reason === '') {
        delete_post_meta($post_id, '_copydesk_held');
    } else {
        update_post_meta($post_id, '_copydesk_held', $reason);
    }
}
add_action('wp_insert_post', 'copydesk_record_hold', 10, 3);

/**
 * The REST API (the block editor saves through it): refuse a save that would
 * publish or schedule a post copydesk did not pass, so nothing changes and
 * the editor shows the reason. Fields the request leaves out come from the
 * stored post.
 */
function copydesk_guard_rest($prepared_post, $request) {
    if (is_wp_error($prepared_post)) {
        return $prepared_post;
    }
    $stored = !empty($prepared_post->ID) ? get_post($prepared_post->ID) : null;
    $status = isset($prepared_post->post_status) ? $prepared_post->post_status : ($stored ? $stored->post_status : 'draft');
    if (!copydesk_goes_public($status)) {
        return $prepared_post;
    }
    $type = isset($prepared_post->post_type) ? $prepared_post->post_type : ($stored ? $stored->post_type : 'post');
    if (!in_array($type, copydesk_post_types(), true)) {
        return $prepared_post;
    }
    $title = isset($prepared_post->post_title) ? $prepared_post->post_title : ($stored ? $stored->post_title : '');
    $content = isset($prepared_post->post_content) ? $prepared_post->post_content : ($stored ? $stored->post_content : '');
    // Unslashed here (the REST controller slashes it for wp_insert_post).
    $check = copydesk_check($title, $content);
    if ($check['publish']) {
        return $prepared_post;
    }
    return new WP_Error('copydesk_held', 'Not published: ' . $check['reason'] . '.', array('status' => 409, 'copydesk' => $check['result']));
}
// On rest_api_init, so post types a theme or plugin adds to `copydesk_post_types` later are covered.
add_action('rest_api_init', function () {
    foreach (copydesk_post_types() as $type) {
        add_filter('rest_pre_insert_' . $type, 'copydesk_guard_rest', 99, 2);
    }
});

/**
 * Scheduled posts: WordPress publishes them from cron with
 * wp_publish_post(), which does not pass through wp_insert_post_data. Check
 * again just before (priority 9, before check_and_publish_future_post):
 * rules or the story may have changed since it was scheduled.
 */
function copydesk_guard_schedule($post_id) {
    $post = get_post($post_id);
    if (!$post || $post->post_status !== 'future' || !in_array($post->post_type, copydesk_post_types(), true)) {
        return;
    }
    $check = copydesk_check($post->post_title, $post->post_content);
    if ($check['publish']) {
        return;
    }
    // Off the schedule and into Pending, so check_and_publish_future_post leaves it.
    wp_update_post(array('ID' => $post_id, 'post_status' => 'pending'));
    update_post_meta($post_id, '_copydesk_held', $check['reason']);
}
add_action('publish_future_post', 'copydesk_guard_schedule', 9, 1);

/** Tell the editor who saved why the post is Pending. */
function copydesk_notice() {
    $key = 'copydesk_held_' . get_current_user_id();
    $reason = get_transient($key);
    if (!$reason) {
        return;
    }
    delete_transient($key);
    echo '<div class="notice notice-error"><p>' . esc_html('copydesk: not published, kept as Pending: ' . $reason . '.') . '</p></div>';
}
add_action('admin_notices', 'copydesk_notice');

add_action('enqueue_block_editor_assets', function () {
    wp_enqueue_script(
        'copydesk-panel',
        plugins_url('copydesk-panel.js', __FILE__),
        array('wp-plugins', 'wp-editor', 'wp-edit-post', 'wp-data', 'wp-element', 'wp-components'),
        '2.0.0',
        true
    );
    wp_localize_script('copydesk-panel', 'copydeskSettings', array(
        'endpoint' => copydesk_endpoint(),
        'timeoutMs' => (int) (copydesk_timeout() * 1000),
    ));
});
