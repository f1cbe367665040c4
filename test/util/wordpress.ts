/**
 * A throwaway WordPress for tests: Debian's `wordpress` package (read-only,
 * in /usr/share/wordpress), a MariaDB of its own (`mariadbd` with its data
 * folder and socket in a temp folder, no TCP port), PHP's built-in server
 * on 127.0.0.1, and a `copydesk serve` (the built CLI) beside it. The site
 * is installed by WordPress's own installer (`wp-admin/install.php`, over
 * HTTP), with the recipe in examples/cms/wordpress copied in as a plugin.
 *
 * Every process is started in a process group of its own and ended by
 * {@link WordPress.stop}, which also removes the temp folder; a start that
 * fails half-way stops what it started before it throws, and the test
 * process ending kills whatever is left.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('../..', import.meta.url))
const wordpressFolder = '/usr/share/wordpress'
const mariadbd = ['/usr/sbin/mariadbd', '/usr/bin/mariadbd', '/usr/sbin/mysqld'].find((file) => fs.existsSync(file))

/**
 * What is missing to run a real WordPress here, as one line naming the
 * Debian packages to install; `undefined` when everything is there.
 */
export function wordpressMissing(): string | undefined {
  const missing: string[] = []
  if (!fs.existsSync(path.join(wordpressFolder, 'wp-settings.php'))) missing.push('wordpress')
  if (!mariadbd || !found('mariadb')) missing.push('mariadb-server')
  if (!found('php')) missing.push('php-cli')
  else {
    if (spawnSync('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']).status !== 0) missing.push('php-mysql')
    // XML-RPC (wp.newPost) parses with PHP's xml extension, which Debian's wordpress only suggests.
    if (spawnSync('php', ['-r', 'exit(extension_loaded("xml") ? 0 : 1);']).status !== 0) missing.push('php-xml')
  }
  if (missing.length === 0) return undefined
  return `no ${missing.join(', ')} (apt-get install -y ${missing.join(' ')})`
}

function found(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
}

/** A running site. */
export interface WordPress {
  /** The temp folder holding the database, the site and the newsroom (removed by `stop`). */
  folder: string
  /** The site's address, `http://127.0.0.1:PORT`. */
  url: string
  /** copydesk's address, and the token it wants. */
  copydesk: string
  token: string
  /** The newsroom folder copydesk serves (its rules folder holds the desk dictionary). */
  newsroom: string
  /** Users made at the start: `admin` (administrator), `jane` (editor, "Jane Editor"), `walt` (author, "Walt Writer"), each with a password (`<login>-password-1`, for wp-login.php) and an application password (`auth`, for REST). */
  users: Record<'admin' | 'jane' | 'walt', {login: string; name: string; id: number; password: string; auth: string}>
  /** Ask WordPress's REST API (`/wp-json/…` as `?rest_route=`), as `user`. */
  rest(user: 'admin' | 'jane' | 'walt', method: string, route: string, body?: unknown): Promise<{status: number; body: any}>
  /** Run WordPress's cron (`wp-cron.php`, as a system cron would). */
  cron(): Promise<void>
  /** Run PHP inside WordPress (for setup and inspection only); returns what it echoes. */
  php(code: string): string
  /** The last lines of PHP's, WordPress's and copydesk's logs, for failure messages. */
  log(): string
  /** The whole of PHP's server log and WordPress's debug log (notices, warnings, errors). */
  phpMessages(): string
  /** Stop every process and remove the temp folder. */
  stop(): Promise<void>
}

export interface WordPressOptions {
  /** Constants for wp-config.php beyond the database and copydesk's endpoint and token. */
  config?: Record<string, string | number | boolean>
  /** Activate the copydesk plugin at the start (default `true`). */
  activate?: boolean
  /** Where to make the temp folder (default: the system's temp folder). */
  tempParent?: string
}

/**
 * Processes still using `folder`: a command line naming it, or a working
 * folder inside it (Linux /proc). For tests of the clean-up.
 */
export function processesUsing(folder: string): string[] {
  const found: string[] = []
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim()
      let cwd = ''
      try {
        cwd = fs.readlinkSync(`/proc/${pid}/cwd`)
      } catch {
        // Not ours to read.
      }
      if (command.includes(folder) || cwd.startsWith(folder)) found.push(`${pid} ${command}`)
    } catch {
      // Gone meanwhile.
    }
  }
  return found
}

interface Started {
  child: ChildProcess
  name: string
}

const running = new Set<Started>()
process.once('exit', () => {
  for (const started of running) kill(started, 'SIGKILL')
})

function kill(started: Started, signal: NodeJS.Signals): void {
  if (started.child.pid === undefined || started.child.exitCode !== null || started.child.signalCode !== null) return
  try {
    // Its own process group: PHP's server workers and copydesk's threads go with it.
    process.kill(-started.child.pid, signal)
  } catch {
    // Already gone.
  }
}

async function end(started: Started): Promise<void> {
  running.delete(started)
  if (started.child.exitCode !== null || started.child.signalCode !== null) return
  const exited = new Promise((resolve) => started.child.once('exit', resolve))
  kill(started, 'SIGTERM')
  const timer = setTimeout(() => kill(started, 'SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

function start(name: string, command: string, args: string[], options: {cwd?: string; env?: NodeJS.ProcessEnv; log: string}): Started {
  const out = fs.openSync(options.log, 'a')
  const child = spawn(command, args, {cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', out, out], detached: true})
  fs.closeSync(out)
  const started = {child, name}
  running.add(started)
  return started
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined, log?: string): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s${log && fs.existsSync(log) ? `:\n${fs.readFileSync(log, 'utf8').slice(-3000)}` : ''}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The last lines of a log, less PHP's deprecation notices about WordPress 6.1's own code. */
function tail(file: string): string {
  if (!fs.existsSync(file)) return ''
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((line) => !line.includes('PHP Deprecated:'))
  return `--- ${path.basename(file)}\n${lines.slice(-40).join('\n')}`
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

const php = (value: string | number | boolean): string => (typeof value === 'string' ? `'${value.replace(/[\\']/g, '\\$&')}'` : String(value))

/**
 * Start MariaDB, copydesk and a WordPress site with the recipe installed.
 * Takes about 10 s; give the calling hook a minute or two.
 */
export async function startWordPress(options: WordPressOptions = {}): Promise<WordPress> {
  const temp = fs.mkdtempSync(path.join(options.tempParent ?? os.tmpdir(), 'copydesk-wordpress-'))
  const started: Started[] = []
  const stop = async () => {
    for (const item of started.reverse()) await end(item)
    started.length = 0
    fs.rmSync(temp, {recursive: true, force: true})
  }
  try {
    return await build(temp, started, stop, options)
  } catch (error) {
    await stop()
    throw error
  }
}

async function build(temp: string, started: Started[], stop: () => Promise<void>, options: WordPressOptions): Promise<WordPress> {
  // MariaDB: its own data folder and socket, no network, no grant tables (nothing but this socket reaches it).
  const data = path.join(temp, 'db')
  const socket = path.join(temp, 'db.sock')
  const dbLog = path.join(temp, 'mariadb.log')
  fs.mkdirSync(data)
  const asRoot = process.getuid?.() === 0
  started.push(
    start('mariadbd', mariadbd!, [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--pid-file=${path.join(temp, 'db.pid')}`,
      '--skip-networking',
      '--skip-grant-tables',
      '--innodb-buffer-pool-size=32M',
      '--innodb-log-file-size=8M',
      '--skip-log-bin',
      ...(asRoot ? ['--user=root'] : [])
    ], {log: dbLog})
  )

  // copydesk, with a newsroom folder whose rules folder keeps the desk dictionary.
  const newsroom = path.join(temp, 'newsroom')
  fs.mkdirSync(path.join(newsroom, 'rules'), {recursive: true})
  fs.writeFileSync(path.join(newsroom, '.copydeskrc'), '{"rules": "rules"}\n')
  const token = 'wordpress-test-token'
  const copydeskLog = path.join(temp, 'copydesk.log')
  started.push(
    start('copydesk', process.execPath, [path.join(root, 'bin', 'copydesk.js'), 'serve', '--port', '0', '--workers', '1', '--token', token, '--log-level', 'warn'], {
      cwd: newsroom,
      log: copydeskLog
    })
  )

  // The site: Debian's WordPress files linked in, with a wp-config.php, wp-content and the plugin of its own.
  const site = path.join(temp, 'site')
  fs.mkdirSync(site)
  for (const name of fs.readdirSync(wordpressFolder)) {
    if (['wp-config.php', 'wp-content', '.htaccess'].includes(name)) continue
    // Copies, not links: these find wp-config.php through their own folder (see router.php).
    if (['wp-load.php', 'wp-cron.php'].includes(name)) fs.copyFileSync(path.join(wordpressFolder, name), path.join(site, name))
    else fs.symlinkSync(path.join(wordpressFolder, name), path.join(site, name))
  }
  const plugin = path.join(site, 'wp-content', 'plugins', 'copydesk')
  fs.mkdirSync(plugin, {recursive: true})
  for (const name of fs.readdirSync(path.join(root, 'examples', 'cms', 'wordpress'))) {
    fs.copyFileSync(path.join(root, 'examples', 'cms', 'wordpress', name), path.join(plugin, name))
  }
  // A bare theme (Debian's package ships none without its recommended theme package).
  const theme = path.join(site, 'wp-content', 'themes', 'bare')
  fs.mkdirSync(theme, {recursive: true})
  fs.writeFileSync(path.join(theme, 'style.css'), '/*\nTheme Name: Bare\n*/\n')
  fs.writeFileSync(path.join(theme, 'index.php'), '<?php while (have_posts()) { the_post(); the_title("<h1>", "</h1>"); the_content(); }\n')

  const phpLog = path.join(temp, 'php.log')
  const debugLog = path.join(temp, 'debug.log')
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const copydesk = await until('copydesk listening', 60_000, () => /listening on (http:\/\/\S+)/.exec(fs.readFileSync(copydeskLog, 'utf8'))?.[1], copydeskLog)
  const config: Record<string, string | number | boolean> = {
    DB_NAME: 'wordpress',
    DB_USER: 'root',
    DB_PASSWORD: '',
    DB_HOST: `localhost:${socket}`,
    DB_CHARSET: 'utf8mb4',
    DB_COLLATE: '',
    WP_HOME: url,
    WP_SITEURL: url,
    WP_DEFAULT_THEME: 'bare',
    // Application passwords over plain HTTP, for a local site.
    WP_ENVIRONMENT_TYPE: 'local',
    // Cron runs when asked (wp-cron.php), as with a system cron, not on page loads.
    DISABLE_WP_CRON: true,
    AUTOMATIC_UPDATER_DISABLED: true,
    WP_HTTP_BLOCK_EXTERNAL: true,
    WP_DEBUG: true,
    WP_DEBUG_LOG: debugLog,
    WP_DEBUG_DISPLAY: false,
    COPYDESK_ENDPOINT: `${copydesk}/v1/check`,
    COPYDESK_TOKEN: token,
    COPYDESK_TIMEOUT: 60,
    ...options.config
  }
  const salts = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
  fs.writeFileSync(
    path.join(site, 'wp-config.php'),
    [
      '<?php',
      ...Object.entries(config).map(([name, value]) => `define('${name}', ${php(value)});`),
      ...salts.map((name) => `define('${name}', '${name.toLowerCase()}-${port}');`),
      "$table_prefix = 'wp_';",
      "require_once ABSPATH . 'wp-settings.php';",
      ''
    ].join('\n')
  )
  // PHP's built-in server runs this for every request: ABSPATH is the site
  // folder (Debian's files resolve their own links to /usr/share/wordpress,
  // and would load its wp-config.php), a folder serves its index.php, and
  // anything else goes to WordPress. wp-cron.php loads WordPress only when
  // ABSPATH is not defined yet: it is a copy, and finds the site's
  // wp-load.php (a copy too) beside it.
  const router = path.join(temp, 'router.php')
  fs.writeFileSync(
    router,
    `<?php
$path = parse_url(urldecode($_SERVER['REQUEST_URI']), PHP_URL_PATH);
if ($path !== '/wp-cron.php') define('ABSPATH', ${php(site + '/')});
$site = ${php(site + '/')};
$file = $site . ltrim($path, '/');
if (is_dir($file)) {
    if (substr($path, -1) !== '/') { header('Location: ' . $path . '/'); return true; }
    $file .= 'index.php';
}
if (is_file($file) && substr($file, -4) !== '.php') return false;
if (!is_file($file)) $file = $site . 'index.php';
$_SERVER['SCRIPT_FILENAME'] = $file;
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/' . substr($file, strlen($site));
chdir(dirname($file));
require $file;
`
  )
  // WordPress inside a PHP command, for setup.
  const cli = path.join(temp, 'wp.php')
  fs.writeFileSync(
    cli,
    `<?php
define('ABSPATH', ${php(site + '/')});
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
require ABSPATH . 'wp-load.php';
eval($argv[1]);
`
  )
  await until('MariaDB listening', 60_000, () => (fs.existsSync(socket) ? true : undefined), dbLog)
  const created = spawnSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-u', 'root', '-e', 'CREATE DATABASE wordpress CHARACTER SET utf8mb4'], {encoding: 'utf8'})
  if (created.status !== 0) throw new Error(`could not create the database: ${created.stderr}`)
  started.push(
    start('php -S', 'php', ['-S', `127.0.0.1:${port}`, '-t', site, router], {
      // Several workers: the block editor and cron make requests while one is answered.
      env: {...process.env, PHP_CLI_SERVER_WORKERS: '4'},
      log: phpLog
    })
  )
  await until('PHP serving', 30_000, async () => (await fetch(url + '/readme.html').then((response) => response.ok, () => false)) || undefined, phpLog)

  // WordPress's own installer, as a person would fill it in.
  const install = await fetch(`${url}/wp-admin/install.php?step=2`, {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({
      weblog_title: 'copydesk test desk',
      user_name: 'admin',
      admin_password: 'admin-password-1',
      admin_password2: 'admin-password-1',
      pw_weak: 'on',
      admin_email: 'admin@example.com',
      blog_public: '0',
      language: ''
    })
  })
  const installed = await install.text()
  if (!install.ok || !installed.includes('WordPress has been installed')) {
    throw new Error(`WordPress's installer failed (HTTP ${install.status}): ${installed.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 800)}\n${tail(phpLog)}\n${tail(debugLog)}`)
  }

  const runPhp = (code: string): string => {
    const result = spawnSync('php', [cli, code], {encoding: 'utf8', cwd: site})
    if (result.status !== 0 || /PHP (Fatal|Parse) error/.test(result.stderr + result.stdout)) throw new Error(`php failed (${result.status}): ${result.stderr}${result.stdout}`)
    return result.stdout
  }
  const users = JSON.parse(
    runPhp(`
    $out = array();
    $make = array(
      'admin' => array('Ada Admin', 'administrator'),
      'jane' => array('Jane Editor', 'editor'),
      'walt' => array('Walt Writer', 'author'),
    );
    foreach ($make as $login => $info) {
      $id = username_exists($login);
      $password = $login . '-password-1';
      if (!$id) $id = wp_insert_user(array('user_login' => $login, 'user_pass' => $password, 'user_email' => $login . '@example.com', 'role' => $info[1]));
      wp_update_user(array('ID' => $id, 'display_name' => $info[0], 'user_pass' => $password));
      list($application) = WP_Application_Passwords::create_new_application_password($id, array('name' => 'copydesk test'));
      $out[$login] = array('login' => $login, 'name' => $info[0], 'id' => $id, 'password' => $password, 'auth' => 'Basic ' . base64_encode($login . ':' . $application));
    }
    echo json_encode($out);
  `)
  ) as WordPress['users']

  const rest: WordPress['rest'] = async (user, method, route, body) => {
    const [pathname, query] = route.split('?')
    const response = await fetch(`${url}/?rest_route=${encodeURIComponent(pathname!)}${query ? '&' + query : ''}`, {
      method,
      headers: {authorization: users[user].auth, ...(body === undefined ? {} : {'content-type': 'application/json'})},
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await response.text()
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new Error(`${method} ${route}: HTTP ${response.status}, not JSON: ${text.slice(0, 1000)}\n${tail(phpLog)}\n${tail(debugLog)}`)
    }
    return {status: response.status, body: parsed}
  }

  if (options.activate !== false) {
    const activated = await rest('admin', 'PUT', '/wp/v2/plugins/copydesk/copydesk', {status: 'active'})
    if (activated.status !== 200) throw new Error(`activating the plugin: HTTP ${activated.status} ${JSON.stringify(activated.body)}`)
  }

  return {
    folder: temp,
    url,
    copydesk,
    token,
    newsroom,
    users,
    rest,
    cron: async () => {
      // Without `doing_wp_cron`: wp-cron.php takes its own lock, as a system cron's request does.
      const response = await fetch(`${url}/wp-cron.php`)
      const text = await response.text()
      if (!response.ok) throw new Error(`wp-cron.php: HTTP ${response.status} ${text.slice(0, 1000)}\n${tail(phpLog)}\n${tail(debugLog)}`)
    },
    php: runPhp,
    log: () => [phpLog, debugLog, copydeskLog].map(tail).join('\n'),
    phpMessages: () => [phpLog, debugLog].map((file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')).join('\n'),
    stop
  }
}
