/**
 * Checks the GraphQL IDE of development in a real headless browser (Debian's chromium, driven by
 * playwright-core):
 *   npm run ide:check [-- --url http://localhost:4000 --token <jwt>] [--login cpip.grenoble] [--out file.png]
 * Without --url it serves the demo data from a scratch database on a free port of 127.0.0.1.
 * With --url it uses that server, and the token given (or `npm run -s token -- <login>`).
 * It opens GET /graphql as a browser does (the token in the address's fragment), sets a query in
 * the editor, runs it, waits for the answer in the result pane, then asserts that no request left
 * the server's origin and that the console shows no error (a Content-Security-Policy violation is
 * one). Prints the screenshot's path; exits 1 on a failure.
 *
 * Needs chromium (`apt-get install chromium`; CHROMIUM_PATH to use another): not part of npm test.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { signDevToken } from '../src/auth/tokens';
import { applicationUrl, EMBEDDED_APP_LOGIN } from '../src/config/database';
import { loadDemoData } from '../src/config/demo-data';
import { loadConfig } from '../src/config/env';
import { initOrm, migrate } from '../src/config/orm';
import { startScratchDatabase } from '../src/config/scratch-database';
import { createServer } from '../src/server/app';
import { createLogger } from '../src/server/logger';
import { runCommand } from './support/run-command';

const QUERY = '{ me { login role structure { name } } }';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

interface Target {
  url: string;
  token: string;
  stop(): Promise<void>;
}

/** The demo data on a scratch database, served on a free port of the loopback interface. */
async function serveDemo(login: string): Promise<Target> {
  const db = await startScratchDatabase('ide');
  try {
    const config = loadConfig({ NODE_ENV: 'development', IDE: 'on', LOG_LEVEL: 'silent', PLATFORM_SIGNING_KEY_FILE: path.join(os.tmpdir(), 'passerelle-ide-check-key.pem') });
    const owner = await initOrm(db.url, { onDriverWarning: () => undefined });
    await migrate(owner, EMBEDDED_APP_LOGIN);
    await loadDemoData(owner);
    const [account] = await owner.em.getConnection().execute<{ id: string; login: string }[]>('select id, login from account where login = ?', [login]);
    await owner.close();
    if (!account) throw new Error(`no demo account "${login}"`);
    const orm = await initOrm(applicationUrl(db.url), { onDriverWarning: () => undefined });
    const server = await createServer({ config, orm, logger: createLogger('silent') });
    const port = await server.listen(0, '127.0.0.1');
    return {
      url: `http://127.0.0.1:${port}`,
      token: await signDevToken(config.jwt, account),
      stop: async () => {
        await server.stop();
        await orm.close();
        await db.stop();
      },
    };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

async function main(): Promise<number> {
  const login = option('login') ?? 'cpip.grenoble';
  const out = path.resolve(option('out') ?? path.join(os.tmpdir(), 'passerelle-ide-check.png'));
  const given = option('url');
  const target: Target = given
    ? {
        url: given.replace(/\/+$/, ''),
        token: option('token') ?? execFileSync('npm', ['run', '-s', 'token', '--', login], { encoding: 'utf8' }).trim(),
        stop: async () => undefined,
      }
    : await serveDemo(login);
  const origin = new URL(target.url).origin;
  const problems: string[] = [];
  const requests: string[] = [];
  let browser: Browser | undefined;
  let page: Page | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1400, height: 800 }, colorScheme: 'light' });
    page.on('request', (request) => {
      const url = request.url();
      requests.push(`${request.method()} ${url}`);
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
    page.on('response', (response) => {
      if (response.status() < 400) return;
      const request = response.request();
      const sent = `${request.headers().authorization ? 'with' : 'without'} a token${request.postData() ? `, ${request.postData()!.slice(0, 120)}` : ''}`;
      problems.push(`HTTP ${response.status()} for ${request.method()} ${response.url()} (${sent})`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

    // The address bar's request (Accept: text/html), the token in the fragment (never sent).
    const response = await page.goto(`${target.url}/graphql#token=${target.token}`, { waitUntil: 'load' });
    if (response?.status() !== 200 || !response.headers()['content-type']?.startsWith('text/html')) {
      throw new Error(`GET /graphql answered ${response?.status()} ${response?.headers()['content-type']}, not the IDE`);
    }
    if (page.url().includes('token=')) problems.push('the token stayed in the address bar');
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: 30_000 });
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // insertText: one input event, so the editor does not close the braces a second time.
    await page.keyboard.insertText(QUERY);
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.graphiql-response .result-window');
    await result.getByText(`"${login}"`).first().waitFor({ timeout: 30_000 });
    const shown = (await result.innerText()).replace(/\u00a0/g, ' ');
    if (!shown.includes('"data"') || !shown.includes('"structure"')) problems.push(`the result pane shows no data: ${shown.slice(0, 300)}`);
    // The schema came with the token: the documentation explorer lists its types.
    await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
    await page.locator('.graphiql-doc-explorer').getByText('Account', { exact: true }).first().waitFor({ timeout: 10_000 });
    // Let late requests (workers, fonts) and their errors arrive before the verdict.
    await page.waitForTimeout(1000);
    await page.screenshot({ path: out });

    console.log(`IDE at ${target.url}/graphql, as ${login}: ${requests.length} requests, all to ${origin}`);
    console.log(`result pane:\n${shown.trim()}`);
    console.log(`screenshot: ${out}`);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
    // What the page showed when it failed.
    if (page) await page.screenshot({ path: out }).then(() => console.error(`screenshot of the failure: ${out}`), () => undefined);
  } finally {
    await browser?.close();
    await target.stop();
  }
  if (problems.length > 0) {
    console.error(`ide:check failed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    console.error(`requests:\n${requests.map((request) => `  ${request}`).join('\n')}`);
    return 1;
  }
  console.log('ide:check passed');
  return 0;
}

runCommand('ide:check', main);
