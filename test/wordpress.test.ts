/**
 * The WordPress recipe (examples/cms/wordpress) in a real WordPress: Debian's
 * `wordpress` package on its own MariaDB, served by `php -S` on 127.0.0.1,
 * with the built `copydesk serve` beside it (test/util/wordpress.ts). End to
 * end through WordPress's own REST API (application passwords, as any REST
 * client) and its cron (`wp-cron.php`): a post with a `TK` is not published,
 * by REST or from the schedule; a clean one is; a warning an editor dismissed
 * stays dismissed across saves, with who and why; a word an editor adds to
 * the desk dictionary from WordPress is accepted everywhere.
 *
 * Needs the Debian packages wordpress, mariadb-server, php-mysql and
 * php-cli. Without them these tests are skipped with one line, unless `CI`
 * is set: then they fail. `.ci/run` installs them.
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import type {Page} from 'puppeteer-core'
import {buildIfStale} from './util/build.js'
import os from 'node:os'
import {processesUsing, startWordPress, wordpressMissing, type WordPress} from './util/wordpress.js'

const root = path.resolve(import.meta.dirname, '..')
const missing = wordpressMissing()
if (missing) {
  if (process.env.CI) {
    test('the Debian packages for the WordPress tests', () => {
      throw new Error(`WordPress tests cannot run in CI: ${missing}`)
    })
  } else {
    console.log(`wordpress tests skipped: ${missing}`)
  }
}

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file): file is string => Boolean(file) && fs.existsSync(file as string))
if (!missing && !chromium) console.log('wordpress: the block editor test skipped: no chromium binary (apt-get install chromium, or set CHROMIUM_PATH)')

// The panel's own helpers (anchorFor, decisionOf), as the block editor loads them.
const panel: {anchorFor: (checked: {title: string; content: string}, message: Message) => Anchor; decisionOf: (answer: unknown) => unknown} = (() => {
  const window: {copydeskPanel?: unknown} = {}
  vm.runInNewContext(fs.readFileSync(path.join(root, 'examples/cms/wordpress/copydesk-panel.js'), 'utf8'), {window})
  return window.copydeskPanel as never
})()

interface Message {
  ruleId: string
  actual: string
  severity: string
  reason: string
  field?: string
  offset: number
  endOffset: number
  dismissedBy?: string
  dismissReason?: string | null
}
interface Anchor {
  ruleId: string
  actual: string
  before: string
  after: string
  field: string
}
interface Check {
  publish: boolean
  reason: string
  result: {verdict: string; messages: Message[]; decisions?: {applied: unknown[]; dismissed: Message[]; lapsed: unknown[]; refused: Array<{why: string}>}}
}

/** A block-editor paragraph, as the editor saves it. */
const paragraph = (text: string) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`
const tkReason = (line: number, column: number) => `copydesk found errors: Remove \`TK\` before publishing: it marks copy still to come (body ${line}:${column})`

describe.skipIf(Boolean(missing))('copydesk in a real WordPress', () => {
  let wp: WordPress
  const started = Date.now()

  beforeAll(async () => {
    buildIfStale()
    wp = await startWordPress()
    console.log(`wordpress: site, MariaDB and copydesk up in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }, 300_000)

  afterAll(async () => {
    await wp?.stop()
    console.log(`wordpress: all tests and clean-up in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    // Every process ended, the temp folder gone.
    if (wp) expect([fs.existsSync(wp.folder), processesUsing(wp.folder)]).toEqual([false, []])
  }, 60_000)

  /** Ask WordPress to check a text as the panel does. */
  const check = async (user: 'jane' | 'walt', post: number, title: string, content: string): Promise<Check> => {
    const answer = await wp.rest(user, 'POST', '/copydesk/v1/check', {post, title, content})
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    return answer.body as Check
  }
  const findings = (result: Check['result']) => result.messages.filter((message) => message.severity !== 'suggestion').map((message) => `${message.ruleId} ${message.actual}`)

  test('a post with a TK is refused by the REST API (as the block editor saves), and publishes once the TK is gone', async () => {
    const title = 'Council passes budget'
    const tk = paragraph('The mayor said TK when asked.')
    const refused = {code: 'copydesk_held', message: `Not published: ${tkReason(2, 19)}.`}

    const created = await wp.rest('walt', 'POST', '/wp/v2/posts', {title, content: tk, status: 'publish'})
    expect(created.status).toBe(409)
    expect(created.body).toMatchObject(refused)
    expect(created.body.data.copydesk.verdict).toBe('block')
    // Nothing was saved.
    expect((await wp.rest('walt', 'GET', '/wp/v2/posts?status=any&author=' + wp.users.walt.id)).body).toEqual([])

    // Saved as a draft, then "Publish": refused, and it stays a draft.
    const draft = await wp.rest('walt', 'POST', '/wp/v2/posts', {title, content: tk, status: 'draft'})
    expect(draft.status).toBe(201)
    const id = draft.body.id as number
    const publish = await wp.rest('walt', 'POST', `/wp/v2/posts/${id}`, {status: 'publish'})
    expect([publish.status, publish.body.code, publish.body.message]).toEqual([409, refused.code, refused.message])
    expect((await wp.rest('walt', 'GET', `/wp/v2/posts/${id}?context=edit`)).body.status).toBe('draft')

    // The TK filled in: it publishes, and the site shows it.
    const fixed = await wp.rest('walt', 'POST', `/wp/v2/posts/${id}`, {content: paragraph('The mayor said no when asked.'), status: 'publish'})
    expect([fixed.status, fixed.body.status]).toEqual([200, 'publish'])
    expect(await (await fetch(`${wp.url}/?p=${id}`)).text()).toContain('The mayor said no when asked.')
    expect((await wp.rest('walt', 'GET', `/copydesk/v1/posts/${id}`)).body).toMatchObject({held: null, decisions: [], lastCheck: {verdict: 'pass'}})

    // A live post edited to add a TK: refused, and the site keeps the published version.
    const edit = await wp.rest('walt', 'POST', `/wp/v2/posts/${id}`, {content: tk})
    expect([edit.status, edit.body.message]).toEqual([409, refused.message])
    expect(await (await fetch(`${wp.url}/?p=${id}`)).text()).toContain('The mayor said no when asked.')
  })

  test('XML-RPC (desktop and mobile apps, scripts; not REST): a post with a TK is saved as Pending, with the reason kept with it', async () => {
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    const newPost = async (content: string) => {
      const member = (name: string, value: string) => `<member><name>${name}</name><value><string>${escape(value)}</string></value></member>`
      const body = `<?xml version="1.0"?><methodCall><methodName>wp.newPost</methodName><params>
        <param><value><int>1</int></value></param>
        <param><value><string>walt</string></value></param>
        <param><value><string>${wp.users.walt.password}</string></value></param>
        <param><value><struct>${member('post_title', 'Council passes budget')}${member('post_content', content)}${member('post_status', 'publish')}</struct></value></param>
      </params></methodCall>`
      const answer = await (await fetch(`${wp.url}/xmlrpc.php`, {method: 'POST', headers: {'content-type': 'text/xml'}, body})).text()
      const id = /<string>(\d+)<\/string>/.exec(answer)?.[1]
      if (!id) throw new Error(`wp.newPost: ${answer.replace(/\s+/g, " ").slice(0, 800)}`)
      return Number(id)
    }
    const tk = await newPost(paragraph('The mayor said TK when asked.'))
    expect((await wp.rest('walt', 'GET', `/wp/v2/posts/${tk}?context=edit`)).body.status).toBe('pending')
    expect((await wp.rest('walt', 'GET', `/copydesk/v1/posts/${tk}`)).body).toMatchObject({held: tkReason(2, 19), lastCheck: {verdict: 'block'}})
    const clean = await newPost(paragraph('The mayor said no when asked.'))
    expect((await wp.rest('walt', 'GET', `/wp/v2/posts/${clean}?context=edit`)).body.status).toBe('publish')
  })

  test('scheduled posts: cron holds one with a TK as Pending, with the reason, and publishes a clean one', async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString().slice(0, 19)
    const post = (text: string) => ({title: 'Storm closes harbor', content: paragraph(text), status: 'future', date_gmt: at})
    // Scheduled before the plugin was active (a site that installs copydesk with posts queued).
    expect((await wp.rest('admin', 'POST', '/wp/v2/plugins/copydesk/copydesk', {status: 'inactive'})).status).toBe(200)
    let tk
    try {
      tk = await wp.rest('walt', 'POST', '/wp/v2/posts', post('The harbor closed at TK on Monday.'))
    } finally {
      expect((await wp.rest('admin', 'POST', '/wp/v2/plugins/copydesk/copydesk', {status: 'active'})).status).toBe(200)
    }
    expect([tk.status, tk.body.status]).toEqual([201, 'future'])

    // With the plugin active, a TK cannot be scheduled at all, and a clean post can.
    const refused = await wp.rest('walt', 'POST', '/wp/v2/posts', post('The harbor closed at TK on Monday.'))
    expect([refused.status, refused.body.message]).toEqual([409, `Not published: ${tkReason(2, 25)}.`])
    const clean = await wp.rest('walt', 'POST', '/wp/v2/posts', post('The harbor closed at noon on Monday.'))
    expect([clean.status, clean.body.status]).toEqual([201, 'future'])

    // The hour passes: the posts' dates and their cron events are moved back (the one step not
    // through HTTP; WordPress schedules a post at least a minute ahead), then cron runs.
    for (const id of [tk.body.id, clean.body.id]) {
      wp.php(`
        global $wpdb;
        $past = gmdate('Y-m-d H:i:s', time() - 120);
        $wpdb->update($wpdb->posts, array('post_date' => $past, 'post_date_gmt' => $past), array('ID' => ${id}));
        clean_post_cache(${id});
        wp_clear_scheduled_hook('publish_future_post', array(${id}));
        wp_schedule_single_event(time() - 60, 'publish_future_post', array(${id}));
      `)
    }
    await wp.cron()
    const status = async (id: number) => (await wp.rest('walt', 'GET', `/wp/v2/posts/${id}?context=edit`)).body.status
    expect([await status(tk.body.id), await status(clean.body.id)]).toEqual(['pending', 'publish'])
    expect((await wp.rest('walt', 'GET', `/copydesk/v1/posts/${tk.body.id}`)).body).toMatchObject({held: tkReason(2, 25), lastCheck: {verdict: 'block'}})
    expect((await wp.rest('walt', 'GET', `/copydesk/v1/posts/${clean.body.id}`)).body).toMatchObject({held: null, lastCheck: {verdict: 'pass'}})
  })

  test('a warning an editor dismissed stays dismissed across saves, with who and why, and lapses when its words change', async () => {
    const title = 'Harbor reopens'
    const content = paragraph('The harbor reopened on Monday after the the storm passed.')
    const draft = await wp.rest('jane', 'POST', '/wp/v2/posts', {title, content, status: 'draft'})
    const id = draft.body.id as number

    const first = await check('jane', id, title, content)
    expect([first.publish, first.result.verdict, findings(first.result)]).toEqual([true, 'warn', ['repeated-word the the']])
    const anchor = panel.anchorFor({title, content}, first.result.messages[0]!)
    expect(anchor).toEqual({ruleId: 'repeated-word', actual: 'the the', before: 'eopened on Monday after ', after: ' storm passed.</p>', field: 'body'})

    // `by` is the signed-in editor, whatever the request says.
    const dismissed = await wp.rest('jane', 'POST', `/copydesk/v1/posts/${id}/decisions`, {...anchor, reason: 'quoting the sign', by: 'Someone Else'})
    expect(dismissed.status).toBe(200)
    expect(dismissed.body.decisions).toEqual([{action: 'dismiss', ...anchor, by: 'Jane Editor', reason: 'quoting the sign', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)}])
    // Another author cannot decide about Jane's story.
    expect((await wp.rest('walt', 'POST', `/copydesk/v1/posts/${id}/decisions`, anchor)).status).toBe(403)

    const second = await check('jane', id, title, content)
    expect([second.result.verdict, findings(second.result)]).toEqual(['pass', []])
    expect(second.result.decisions!.dismissed.map((message) => [message.ruleId, message.actual, message.dismissedBy, message.dismissReason])).toEqual([
      ['repeated-word', 'the the', 'Jane Editor', 'quoting the sign']
    ])

    // Saved and published with a paragraph added before it: the decision still holds, on every save.
    const longer = paragraph('Boats waited offshore all weekend.') + '\n\n' + content
    const published = await wp.rest('jane', 'POST', `/wp/v2/posts/${id}`, {content: longer, status: 'publish'})
    expect([published.status, published.body.status]).toEqual([200, 'publish'])
    const trail = (await wp.rest('jane', 'GET', `/copydesk/v1/posts/${id}`)).body
    expect(trail.lastCheck).toMatchObject({verdict: 'pass', lapsed: 0, refused: [], dismissed: [{ruleId: 'repeated-word', actual: 'the the', reason: 'Remove the repeated `the`', dismissedBy: 'Jane Editor', dismissReason: 'quoting the sign'}]})
    const retitled = await wp.rest('jane', 'POST', `/wp/v2/posts/${id}`, {title: 'Harbor reopens after storm'})
    expect(retitled.status).toBe(200)
    expect((await wp.rest('jane', 'GET', `/copydesk/v1/posts/${id}`)).body.lastCheck).toMatchObject({verdict: 'pass', dismissed: [{dismissedBy: 'Jane Editor'}]})

    // The words next to it change: the decision lapses and the warning is back.
    const changed = await wp.rest('jane', 'POST', `/wp/v2/posts/${id}`, {content: longer.replace('after the the storm', 'as the the storm')})
    expect(changed.status).toBe(200)
    expect((await wp.rest('jane', 'GET', `/copydesk/v1/posts/${id}`)).body.lastCheck).toMatchObject({verdict: 'warn', dismissed: [], lapsed: 1})

    // Taken back ("Undo"): nothing left to send.
    const undone = await wp.rest('jane', 'DELETE', `/copydesk/v1/posts/${id}/decisions`, anchor)
    expect([undone.status, undone.body.removed, undone.body.decisions]).toEqual([200, 1, []])
  })

  test('a TK cannot be dismissed from WordPress: the decision is refused, and the post is still not published', async () => {
    const title = 'Council passes budget'
    const content = paragraph('The mayor said TK when asked.')
    const id = (await wp.rest('jane', 'POST', '/wp/v2/posts', {title, content, status: 'draft'})).body.id as number
    const first = await check('jane', id, title, content)
    const anchor = panel.anchorFor({title, content}, first.result.messages.find((message) => message.ruleId === 'leftovers')!)
    expect((await wp.rest('jane', 'POST', `/copydesk/v1/posts/${id}/decisions`, {...anchor, reason: 'the mayor really said TK'})).status).toBe(200)
    const second = await check('jane', id, title, content)
    expect([second.publish, second.result.verdict]).toEqual([false, 'block'])
    expect(second.result.decisions!.refused.map((item) => item.why)).toEqual(['`TK` (leftovers) must never be published; this desk does not allow dismissing it: fix the copy'])
    const publish = await wp.rest('jane', 'POST', `/wp/v2/posts/${id}`, {status: 'publish'})
    expect([publish.status, publish.body.message]).toEqual([409, `Not published: ${tkReason(2, 19)}.`])
  })

  test('a word an editor adds to the desk dictionary from WordPress is accepted everywhere: WordPress, copydesk over HTTP, LanguageTool clients, the CLI', async () => {
    const title = 'Feed prices rise'
    const content = paragraph('The soymeal shipment arrived at the port.')
    const id = (await wp.rest('jane', 'POST', '/wp/v2/posts', {title, content, status: 'draft'})).body.id as number
    expect(findings((await check('jane', id, title, content)).result)).toEqual(['spelling soymeal'])

    // Authors may not add words; bad input gets copydesk's reason.
    expect((await wp.rest('walt', 'POST', '/copydesk/v1/words', {word: 'soymeal'})).status).toBe(403)
    const bad = await wp.rest('jane', 'POST', '/copydesk/v1/words', {word: 'soy meal'})
    expect([bad.status, bad.body.code]).toEqual([400, 'copydesk_words'])
    expect(bad.body.message).toMatch(/^copydesk did not add the word: /)

    const added = await wp.rest('jane', 'POST', '/copydesk/v1/words', {word: 'soymeal', note: 'feed industry term', by: 'Someone Else'})
    expect(added.status).toBe(200)
    expect(added.body).toMatchObject({added: [{word: 'soymeal', by: 'Jane Editor', note: 'feed industry term'}], already: []})

    // copydesk's own list and trail name the editor.
    const auth = {authorization: `Bearer ${wp.token}`}
    const words = (await (await fetch(`${wp.copydesk}/v1/words`, {headers: auth})).json()) as {words: Array<{word: string; by: string}>}
    expect(words.words.map((entry) => [entry.word, entry.by])).toEqual([['soymeal', 'Jane Editor']])
    expect(fs.readFileSync(path.join(wp.newsroom, 'rules', 'desk-dictionary.txt'), 'utf8')).toMatch(/^soymeal # \S+ "Jane Editor" "feed industry term"$/m)

    // Within a second, nothing flags it: WordPress's check, then a publish…
    const deadline = Date.now() + 5000
    let flagged = findings((await check('jane', id, title, content)).result)
    while (flagged.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      flagged = findings((await check('jane', id, title, content)).result)
    }
    expect(flagged).toEqual([])
    const published = await wp.rest('jane', 'POST', `/wp/v2/posts/${id}`, {status: 'publish'})
    expect([published.status, published.body.status]).toEqual([200, 'publish'])
    expect((await wp.rest('jane', 'GET', `/copydesk/v1/posts/${id}`)).body.lastCheck).toMatchObject({verdict: 'pass'})

    // …copydesk's /v1/check and LanguageTool's /v2/check…
    const v1 = (await (await fetch(`${wp.copydesk}/v1/check`, {method: 'POST', headers: {...auth, 'content-type': 'application/json'}, body: JSON.stringify({body: 'The soymeal shipment arrived.'})})).json()) as {messages: unknown[]}
    expect(v1.messages).toEqual([])
    const v2 = (await (await fetch(`${wp.copydesk}/v2/check`, {method: 'POST', headers: {...auth, 'content-type': 'application/x-www-form-urlencoded'}, body: new URLSearchParams({text: 'The soymeal shipment arrived.', language: 'en-US'})})).json()) as {matches: unknown[]}
    expect(v2.matches).toEqual([])

    // …and the CLI run in the newsroom's folder.
    fs.writeFileSync(path.join(wp.newsroom, 'story.txt'), 'The soymeal shipment arrived at the port.\n')
    const cli = spawnSync(process.execPath, [path.join(root, 'bin', 'copydesk.js'), 'story.txt'], {cwd: wp.newsroom, encoding: 'utf8'})
    expect([cli.status, cli.stdout.trim()]).toEqual([0, 'No problems in 1 story'])
  })
  test.skipIf(!chromium)("the block editor's panel in Chromium: locks Publish on a TK, dismisses a warning with a reason, adds a word to the desk dictionary, then publishes", async () => {
    const {default: puppeteer} = await import('puppeteer-core')
    const title = 'Oilseed markets'
    const id = (await wp.rest('jane', 'POST', '/wp/v2/posts', {title, content: paragraph('Traders said the price was TK on Friday.'), status: 'draft'})).body.id as number
    const browser = await puppeteer.launch({
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
    const scriptErrors: string[] = []
    try {
      const page = await browser.newPage()
      page.setDefaultTimeout(90_000)
      await page.setViewport({width: 1400, height: 1000})
      // Nothing leaves this machine (WordPress's emoji and fonts would try).
      await page.setRequestInterception(true)
      page.on('request', (request) => {
        if (request.url().startsWith(wp.url) || request.url().startsWith('data:') || request.url().startsWith('blob:')) void request.continue()
        else void request.abort()
      })
      page.on('pageerror', (error) => scriptErrors.push(String(error)))
      // The editor's name for the reason prompt of "Dismiss".
      page.on('dialog', (dialog) => void dialog.accept('quoting the trader'))

      await page.goto(`${wp.url}/wp-login.php`)
      await page.type('#user_login', wp.users.jane.login)
      await page.type('#user_pass', wp.users.jane.password)
      await Promise.all([page.waitForNavigation(), page.click('#wp-submit')])
      await page.goto(`${wp.url}/wp-admin/post.php?post=${id}&action=edit`)
      await page.waitForFunction(() => (window as any).wp?.data?.select('core/editor')?.getCurrentPostId?.() > 0)
      // No welcome guide in the way.
      await page.evaluate(() => {
        const data = (window as any).wp.data
        if (data.select('core/edit-post').isFeatureActive('welcomeGuide')) data.dispatch('core/edit-post').toggleFeature('welcomeGuide')
      })

      // "Publish…" opens the pre-publish checks, with copydesk's panel.
      await page.click('.editor-post-publish-panel__toggle')
      const panelText = (pattern: RegExp) =>
        page.waitForFunction((source: string) => new RegExp(source).test(document.querySelector('.copydesk-panel')?.textContent ?? ''), {}, pattern.source)
      await panelText(/Not published: copydesk found errors: Remove `TK`/)
      const locked = () => page.evaluate(() => (window as any).wp.data.select('core/editor').isPostSavingLocked() as boolean)
      const publishDisabled = () => page.$eval('.editor-post-publish-button', (button) => button.getAttribute('aria-disabled') === 'true' || (button as HTMLButtonElement).disabled)
      expect([await locked(), await publishDisabled()]).toEqual([true, true])
      // An error has no "Dismiss".
      expect(await page.$$eval('.copydesk-findings li button', (buttons) => buttons.length)).toBe(0)

      // The editor fills the TK in (a slip and a trade term left).
      await page.evaluate((content: string) => {
        const wp = (window as any).wp
        wp.data.dispatch('core/block-editor').resetBlocks(wp.blocks.parse(content))
      }, paragraph('Traders said the the soyoil price rose on Friday.'))
      await panelText(/Worth a look before publishing\./)
      const findingsShown = () => page.$$eval('.copydesk-findings li', (items) => items.map((item) => item.getAttribute('data-rule') + ': ' + item.textContent))
      expect(await findingsShown()).toEqual([
        'repeated-word: Warning: Remove the repeated `the` Dismiss',
        'spelling: Warning: `soyoil` is not in the dictionary; did you mean `soil`? Dismiss · Add to desk dictionary'
      ])
      const click = (rule: string, label: string) =>
        page.evaluate(
          (rule: string, label: string) => {
            const item = document.querySelector(`.copydesk-findings li[data-rule="${rule}"]`)
            const button = [...(item?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent === label)
            if (!button) throw new Error(`no ${label} button for ${rule}`)
            button.click()
          },
          rule,
          label
        )

      // "Add to desk dictionary": the word is in copydesk's list, in Jane's name, and the panel no longer flags it.
      await click('spelling', 'Add to desk dictionary')
      await page.waitForFunction(() => !document.querySelector('.copydesk-findings li[data-rule="spelling"]') && /Worth a look/.test(document.querySelector('.copydesk-panel')?.textContent ?? ''))
      const words = (await (await fetch(`${wp.copydesk}/v1/words`, {headers: {authorization: `Bearer ${wp.token}`}})).json()) as {words: Array<{word: string; by: string; note: string}>}
      expect(words.words.find((entry) => entry.word === 'soyoil')).toMatchObject({by: 'Jane Editor', note: `added from WordPress post ${id}`})

      // "Dismiss", with a reason: listed as dismissed, by whom and why; nothing left to look at.
      await click('repeated-word', 'Dismiss')
      await panelText(/No problems found\./)
      expect(await page.$eval('.copydesk-dismissed', (element) => element.textContent)).toBe('Dismissed in this story“the the” (repeated-word) by Jane Editor: quoting the trader Undo')
      expect([await locked(), await publishDisabled()]).toEqual([false, false])
      expect((await wp.rest('jane', 'GET', `/copydesk/v1/posts/${id}`)).body.decisions).toMatchObject([{ruleId: 'repeated-word', actual: 'the the', by: 'Jane Editor', reason: 'quoting the trader'}])

      // Publish: WordPress publishes it, with the dismissal in the post's trail.
      await page.click('.editor-post-publish-button')
      await page.waitForFunction(() => (window as any).wp.data.select('core/editor').getCurrentPostAttribute('status') === 'publish')
      expect((await wp.rest('jane', 'GET', `/wp/v2/posts/${id}?context=edit`)).body.status).toBe('publish')
      expect((await wp.rest('jane', 'GET', `/copydesk/v1/posts/${id}`)).body.lastCheck).toMatchObject({verdict: 'pass', dismissed: [{actual: 'the the', dismissedBy: 'Jane Editor', dismissReason: 'quoting the trader'}]})
      expect(scriptErrors).toEqual([])
    } finally {
      await browser.close()
    }
  }, 240_000)

  // Last, after every request above.
  test('the plugin left no PHP notice, warning or error (nor one about its routes) in PHP\'s and WordPress\'s logs', () => {
    const lines = wp.phpMessages().split('\n')
    expect(lines.filter((line) => /PHP (Fatal|Parse|Warning|Notice|Deprecated)|doing_it_wrong|called <strong>incorrectly/.test(line) && /copydesk/i.test(line))).toEqual([])
  })
})

describe.skipIf(Boolean(missing))('a WordPress that fails to start', () => {
  test('leaves no process and no temp folder behind', async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-wordpress-failing-'))
    try {
      // A database WordPress cannot reach: MariaDB, copydesk and PHP are up when the installer fails.
      await expect(startWordPress({tempParent: parent, config: {DB_HOST: 'localhost:/nonexistent/mysqld.sock'}})).rejects.toThrow(/WordPress's installer failed/)
      expect([fs.readdirSync(parent), processesUsing(parent)]).toEqual([[], []])
    } finally {
      fs.rmSync(parent, {recursive: true, force: true})
    }
  }, 120_000)
})
