<?php
/**
 * Plugin Name: copydesk pre-publish check
 * Description: Checks stories with a copydesk server before they are published.
 * Version: 1.0.0
 *
 * Copy this folder to wp-content/plugins/copydesk/ and set the endpoint in
 * wp-config.php: define('COPYDESK_ENDPOINT', 'https://copydesk.newsroom.example/v1/check');
 */

if (!defined('ABSPATH')) {
    exit;
}

add_action('enqueue_block_editor_assets', function () {
    wp_enqueue_script(
        'copydesk-panel',
        plugins_url('copydesk-panel.js', __FILE__),
        array('wp-plugins', 'wp-editor', 'wp-edit-post', 'wp-data', 'wp-element', 'wp-components'),
        '1.0.0',
        true
    );
    wp_localize_script('copydesk-panel', 'copydeskSettings', array(
        'endpoint' => defined('COPYDESK_ENDPOINT') ? COPYDESK_ENDPOINT : 'http://127.0.0.1:8080/v1/check',
    ));
});
