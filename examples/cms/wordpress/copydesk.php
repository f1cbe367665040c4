<?php
/**
 * Plugin Name: copydesk pre-publish check
 * Description: Checks stories with a copydesk server before they are published; a story copydesk did not pass is not published.
 * Version: 2.1.0
 *
 * Copy this folder to wp-content/plugins/copydesk/ and set the endpoint in
 * wp-config.php: define('COPYDESK_ENDPOINT', 'https://copydesk.newsroom.example/v1/check');
 * Optional: define('COPYDESK_TOKEN', '…'); // the server's --token (required beyond its own machine)
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
 *   button in the pre-publish panel and lists the findings, each with
 *   "Dismiss" and, for a word copydesk does not know, "Add to desk dictionary".
 *
 * Desk memory (docs/desk.md): an editor's decision to dismiss a finding is
 * kept with the post (`_copydesk_decisions` meta, with who, when and why)
 * and sent with every check of it; a word added from WordPress goes to the
 * desk dictionary of the copydesk server (`/v1/words`), with the editor's
 * name. The browser talks only to WordPress (REST routes under
 * `copydesk/v1`); WordPress talks to copydesk with the token.
 *
 * Filter `copydesk_post_types` (default `['post']`) picks the post types checked;
 * `copydesk_words_capability` (default `edit_others_posts`: editors) who may add words.
 */

if (!defined('ABSPATH')) {
    exit;
}

/** The endpoint, the token and the time to wait. */
function copydesk_endpoint() {
    return defined('COPYDESK_ENDPOINT') ? COPYDESK_ENDPOINT : 'http://127.0.0.1:8080/v1/check';
}

/** Another of copydesk's routes (`/v1/words`), beside the endpoint's `/v1/check`. */
function copydesk_route($route) {
    return preg_replace('#/v1/check/?$#', '', copydesk_endpoint()) . $route;
}

function copydesk_timeout() {
    return defined('COPYDESK_TIMEOUT') ? (float) COPYDESK_TIMEOUT : 10.0;
}

/** The request headers: JSON, and the server's token when there is one. */
function copydesk_headers() {
    $headers = array('content-type' => 'application/json');
    if (defined('COPYDESK_TOKEN') && COPYDESK_TOKEN !== '') {
        $headers['authorization'] = 'Bearer ' . COPYDESK_TOKEN;
    }
    return $headers;
}

/**
 * Ask copydesk about a story, with the editors' decisions about it (see
 * copydesk_decisions()). Returns `['publish' => bool, 'reason' => string,
 * 'result' => array|null]`: `publish` is true only for HTTP 200, a JSON
 * result, `complete: true` and verdict `pass` or `warn`.
 */
function copydesk_check($title, $content, $decisions = array()) {
    static $cache = array();
    $key = md5($title . "\0" . $content . "\0" . serialize($decisions));
    if (isset($cache[$key])) {
        return $cache[$key];
    }
    $cache[$key] = copydesk_ask($title, $content, $decisions);
    return $cache[$key];
}

function copydesk_ask($title, $content, $decisions = array()) {
    $hold = function ($reason, $result = null) {
        return array('publish' => false, 'reason' => $reason, 'result' => $result);
    };
    $request = array('headline' => (string) $title, 'body' => (string) $content, 'format' => 'html');
    if ($decisions) {
        $request['decisions'] = copydesk_decisions_for_check($decisions);
    }
    $payload = wp_json_encode($request);
    if ($payload === false) {
        return $hold('copydesk could not send this story (it is not valid UTF-8)');
    }
    $response = wp_remote_post(copydesk_endpoint(), array(
        'headers' => copydesk_headers(),
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
        $detail = is_array($result) && isset($result['message']) && is_string($result['message']) ? ': ' . copydesk_sentence($result['message']) : '';
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

/** A message without its closing period, to go inside a sentence of ours. */
function copydesk_sentence($text) {
    return rtrim((string) $text, '.');
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
    $id = isset($postarr['ID']) ? (int) $postarr['ID'] : 0;
    $check = copydesk_check(wp_unslash($data['post_title']), wp_unslash($data['post_content']), copydesk_decisions($id));
    $GLOBALS['copydesk_holds'][$id] = $check;
    if ($check['publish']) {
        return $data;
    }
    $data['post_status'] = 'pending';
    set_transient('copydesk_held_' . get_current_user_id(), $check['reason'], 300);
    return $data;
}
add_filter('wp_insert_post_data', 'copydesk_guard_insert', 99, 4);

/**
 * After the save: keep the reason with the post (or clear it once copydesk
 * passed it), and what the check said (`_copydesk_last_check`: verdict,
 * counts, and the findings editors dismissed, by whom and why).
 */
function copydesk_record_hold($post_id, $post = null, $update = false) {
    $holds = $GLOBALS['copydesk_holds'];
    $key = array_key_exists($post_id, $holds) ? $post_id : (array_key_exists(0, $holds) ? 0 : null);
    if ($key === null) {
        return;
    }
    $check = $holds[$key];
    unset($GLOBALS['copydesk_holds'][$key]);
    copydesk_record($post_id, $check);
}
add_action('wp_insert_post', 'copydesk_record_hold', 10, 3);

function copydesk_record($post_id, $check) {
    if ($check['publish']) {
        delete_post_meta($post_id, '_copydesk_held');
    } else {
        update_post_meta($post_id, '_copydesk_held', $check['reason']);
    }
    if (is_array($check['result'])) {
        update_post_meta($post_id, '_copydesk_last_check', wp_slash(copydesk_summary($check['result'])));
    }
}

/** What a desk chief reads later: the verdict, the counts, and what was dismissed, by whom and why. */
function copydesk_summary($result) {
    $dismissed = array();
    $report = isset($result['decisions']) && is_array($result['decisions']) ? $result['decisions'] : array();
    foreach (isset($report['dismissed']) && is_array($report['dismissed']) ? $report['dismissed'] : array() as $message) {
        $dismissed[] = array(
            'ruleId' => isset($message['ruleId']) ? $message['ruleId'] : null,
            'actual' => isset($message['actual']) ? $message['actual'] : null,
            'reason' => isset($message['reason']) ? $message['reason'] : null,
            'dismissedBy' => isset($message['dismissedBy']) ? $message['dismissedBy'] : null,
            'dismissReason' => isset($message['dismissReason']) ? $message['dismissReason'] : null,
        );
    }
    return array(
        'at' => gmdate('Y-m-d\TH:i:s\Z'),
        'verdict' => $result['verdict'],
        'counts' => isset($result['counts']) ? $result['counts'] : null,
        'dismissed' => $dismissed,
        'lapsed' => isset($report['lapsed']) && is_array($report['lapsed']) ? count($report['lapsed']) : 0,
        'refused' => isset($report['refused']) && is_array($report['refused']) ? array_values(array_map(function ($item) {
            return isset($item['why']) ? $item['why'] : '';
        }, $report['refused'])) : array(),
    );
}

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
    $check = copydesk_check($title, $content, copydesk_decisions($stored ? (int) $stored->ID : 0));
    if ($check['publish']) {
        return $prepared_post;
    }
    return new WP_Error('copydesk_held', 'Not published: ' . copydesk_sentence($check['reason']) . '.', array('status' => 409, 'copydesk' => $check['result']));
}
// On rest_api_init, so post types a theme or plugin adds to `copydesk_post_types` later are covered.
add_action('rest_api_init', function () {
    foreach (copydesk_post_types() as $type) {
        add_filter('rest_pre_insert_' . $type, 'copydesk_guard_rest', 99, 2);
    }
    copydesk_rest_routes();
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
    $check = copydesk_check($post->post_title, $post->post_content, copydesk_decisions($post_id));
    if (!$check['publish']) {
        // Off the schedule and into Pending, so check_and_publish_future_post leaves it.
        wp_update_post(array('ID' => $post_id, 'post_status' => 'pending'));
    }
    copydesk_record($post_id, $check);
}
add_action('publish_future_post', 'copydesk_guard_schedule', 9, 1);

/*
 * Per-story decisions (docs/desk.md): kept in the post's
 * `_copydesk_decisions` meta as a list of {action: "dismiss", ruleId,
 * actual, before, after, field, by, reason, at}, written only through the
 * REST routes below (`by` is the signed-in user, never the request's), and
 * sent to copydesk with every check of the post.
 */

/** The decisions kept with a post (none for a post not yet saved). */
function copydesk_decisions($post_id) {
    if (!$post_id) {
        return array();
    }
    $decisions = get_post_meta($post_id, '_copydesk_decisions', true);
    return is_array($decisions) ? array_values($decisions) : array();
}

/** The decisions as copydesk's /v1/check takes them (without `at`, which only WordPress keeps). */
function copydesk_decisions_for_check($decisions) {
    $keys = array('action', 'ruleId', 'actual', 'before', 'after', 'field', 'by', 'reason');
    return array_values(array_map(function ($decision) use ($keys) {
        return array_intersect_key($decision, array_flip($keys));
    }, $decisions));
}

/** Length in UTF-16 code units, as copydesk (JavaScript) counts; -1 when not UTF-8. */
function copydesk_length($text) {
    if (!is_string($text) || preg_match('//u', $text) !== 1) {
        return -1;
    }
    return preg_match_all('/./us', $text) + preg_match_all('/[\x{10000}-\x{10FFFF}]/u', $text);
}

/** A decision from a request, checked as copydesk checks it (src/decisions.ts), or a WP_Error saying what is wrong. */
function copydesk_decision_from($params, $by) {
    $bad = function ($message) {
        return new WP_Error('copydesk_bad_decision', $message, array('status' => 400));
    };
    foreach (array('ruleId', 'actual') as $key) {
        if (!isset($params[$key]) || !is_string($params[$key]) || trim($params[$key]) === '' || copydesk_length($params[$key]) > 200) {
            return $bad('`' . $key . '` must be non-empty text (the finding\'s check and words).');
        }
    }
    foreach (array('before', 'after') as $key) {
        $length = isset($params[$key]) ? copydesk_length($params[$key]) : -1;
        if ($length < 0 || $length > 24) {
            return $bad('`' . $key . '` must be text of at most 24 characters (the words around the finding).');
        }
    }
    $field = isset($params['field']) ? $params['field'] : 'body';
    if ($field !== 'body' && $field !== 'headline') {
        return $bad('`field` must be "body" or "headline".');
    }
    if (isset($params['reason']) && (!is_string($params['reason']) || copydesk_length($params['reason']) > 500)) {
        return $bad('`reason` must be text of at most 500 characters.');
    }
    $decision = array(
        'action' => 'dismiss',
        'ruleId' => $params['ruleId'],
        'actual' => $params['actual'],
        'before' => $params['before'],
        'after' => $params['after'],
        'field' => $field,
        'by' => $by,
    );
    if (isset($params['reason']) && trim($params['reason']) !== '') {
        $decision['reason'] = trim($params['reason']);
    }
    $decision['at'] = gmdate('Y-m-d\TH:i:s\Z');
    return $decision;
}

/** Two decisions about the same words in the same place. */
function copydesk_same_anchor($a, $b) {
    foreach (array('ruleId', 'actual', 'before', 'after', 'field') as $key) {
        if ((isset($a[$key]) ? $a[$key] : 'body') !== (isset($b[$key]) ? $b[$key] : 'body')) {
            return false;
        }
    }
    return true;
}

/** Who the signed-in user is, for the trail. */
function copydesk_user_name() {
    $user = wp_get_current_user();
    return $user && $user->exists() ? ($user->display_name !== '' ? $user->display_name : $user->user_login) : '';
}

/**
 * REST routes under `copydesk/v1`, for the block editor's panel (and any
 * other client signed in to WordPress):
 * - `POST /copydesk/v1/check` `{post?, title, content}` → `{publish, reason, result}`:
 *   the text as it is in the editor, checked with the post's decisions.
 * - `GET /copydesk/v1/posts/{id}` → `{decisions, held, lastCheck}`.
 * - `POST /copydesk/v1/posts/{id}/decisions` `{ruleId, actual, before, after, field?, reason?}`:
 *   dismiss a finding in this post (`by` is the signed-in user); `DELETE` with
 *   the same fields takes the decision back. → `{decisions}`.
 * - `POST /copydesk/v1/words` `{word, note?}`: add a word to copydesk's desk
 *   dictionary, in the signed-in user's name (capability
 *   `copydesk_words_capability`, default `edit_others_posts`). → copydesk's answer.
 */
function copydesk_rest_routes() {
    $can_edit = function ($request) {
        $id = (int) $request['id'];
        return $id > 0 && get_post($id) && current_user_can('edit_post', $id);
    };
    register_rest_route('copydesk/v1', '/check', array(
        'methods' => 'POST',
        'permission_callback' => function ($request) {
            $id = (int) $request->get_param('post');
            return $id > 0 ? (get_post($id) && current_user_can('edit_post', $id)) : current_user_can('edit_posts');
        },
        'callback' => function ($request) {
            $id = (int) $request->get_param('post');
            $check = copydesk_check((string) $request->get_param('title'), (string) $request->get_param('content'), copydesk_decisions($id));
            return rest_ensure_response($check);
        },
    ));
    register_rest_route('copydesk/v1', '/posts/(?P<id>\d+)', array(
        'methods' => 'GET',
        'permission_callback' => $can_edit,
        'callback' => function ($request) {
            $id = (int) $request['id'];
            $held = get_post_meta($id, '_copydesk_held', true);
            $last = get_post_meta($id, '_copydesk_last_check', true);
            return rest_ensure_response(array('decisions' => copydesk_decisions($id), 'held' => $held === '' ? null : $held, 'lastCheck' => is_array($last) ? $last : null));
        },
    ));
    register_rest_route('copydesk/v1', '/posts/(?P<id>\d+)/decisions', array(
        array(
            'methods' => 'POST',
            'permission_callback' => $can_edit,
            'callback' => function ($request) {
                $id = (int) $request['id'];
                $decision = copydesk_decision_from($request->get_json_params(), copydesk_user_name());
                if (is_wp_error($decision)) {
                    return $decision;
                }
                $decisions = array_values(array_filter(copydesk_decisions($id), function ($kept) use ($decision) {
                    return !copydesk_same_anchor($kept, $decision);
                }));
                if (count($decisions) >= 1000) {
                    return new WP_Error('copydesk_bad_decision', 'This post has 1000 decisions, copydesk\'s limit; take some back first.', array('status' => 400));
                }
                $decisions[] = $decision;
                update_post_meta($id, '_copydesk_decisions', wp_slash($decisions));
                return rest_ensure_response(array('decisions' => $decisions));
            },
        ),
        array(
            'methods' => 'DELETE',
            'permission_callback' => $can_edit,
            'callback' => function ($request) {
                $id = (int) $request['id'];
                $params = (array) $request->get_json_params();
                $before = copydesk_decisions($id);
                $decisions = array_values(array_filter($before, function ($kept) use ($params) {
                    return !copydesk_same_anchor($kept, $params);
                }));
                update_post_meta($id, '_copydesk_decisions', wp_slash($decisions));
                return rest_ensure_response(array('decisions' => $decisions, 'removed' => count($before) - count($decisions)));
            },
        ),
    ));
    register_rest_route('copydesk/v1', '/words', array(
        'methods' => 'POST',
        'permission_callback' => function () {
            return current_user_can(apply_filters('copydesk_words_capability', 'edit_others_posts'));
        },
        'callback' => function ($request) {
            $params = (array) $request->get_json_params();
            $word = isset($params['word']) ? $params['word'] : null;
            $payload = array('word' => $word, 'by' => copydesk_user_name());
            if (isset($params['note']) && is_string($params['note']) && trim($params['note']) !== '') {
                $payload['note'] = $params['note'];
            }
            $response = wp_remote_post(copydesk_route('/v1/words'), array(
                'headers' => copydesk_headers(),
                'body' => wp_json_encode($payload),
                'timeout' => copydesk_timeout(),
            ));
            if (is_wp_error($response)) {
                return new WP_Error('copydesk_unreachable', 'copydesk could not be reached (' . $response->get_error_message() . ')', array('status' => 502));
            }
            $status = (int) wp_remote_retrieve_response_code($response);
            $answer = json_decode(wp_remote_retrieve_body($response), true);
            if ($status !== 200) {
                $detail = is_array($answer) && isset($answer['message']) && is_string($answer['message']) ? $answer['message'] : 'HTTP ' . $status;
                return new WP_Error('copydesk_words', 'copydesk did not add the word: ' . $detail, array('status' => $status >= 400 && $status < 500 ? $status : 502));
            }
            return rest_ensure_response($answer);
        },
    ));
}

/** Tell the editor who saved why the post is Pending. */
function copydesk_notice() {
    $key = 'copydesk_held_' . get_current_user_id();
    $reason = get_transient($key);
    if (!$reason) {
        return;
    }
    delete_transient($key);
    echo '<div class="notice notice-error"><p>' . esc_html('copydesk: not published, kept as Pending: ' . copydesk_sentence($reason) . '.') . '</p></div>';
}
add_action('admin_notices', 'copydesk_notice');

add_action('enqueue_block_editor_assets', function () {
    wp_enqueue_script(
        'copydesk-panel',
        plugins_url('copydesk-panel.js', __FILE__),
        array('wp-plugins', 'wp-editor', 'wp-edit-post', 'wp-data', 'wp-element', 'wp-components', 'wp-api-fetch'),
        '2.1.0',
        true
    );
    wp_localize_script('copydesk-panel', 'copydeskSettings', array(
        'timeoutMs' => (int) (copydesk_timeout() * 1000),
        'canAddWords' => current_user_can(apply_filters('copydesk_words_capability', 'edit_others_posts')),
    ));
});
