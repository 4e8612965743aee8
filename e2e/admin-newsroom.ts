/**
 * The whole paper on a real port for the newsroom app's journeys: a fresh database with the
 * reference article (its section and photo), the real clock (schedules must come due), and the
 * scheduler running every second. Plus the few steps every journey repeats in the browser.
 */
import { createServer, type AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Role } from '../src/domain/roles/role.js';
import { startScheduler } from '../src/jobs/scheduler.js';
import { createUser } from '../src/services/accounts/create-user.js';
import type { AppOverrides } from '../src/app.js';
import { loadReferenceArticle, startTestApp, type TestApp } from '../test/test-app.js';
import { createSqliteDatabase } from '../test/test-databases.js';
import { STRONG_PASSWORD as PASSWORD } from '../test/test-password.js';

export { PASSWORD };

/** A laptop window. */
export const LAPTOP_VIEWPORT = { width: 1280, height: 900 } as const;
/** The phone every admin page must fit: no sideways scrolling at 390 px. */
export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;

/** The browser's zone in these journeys; not UTC, so a schedule proves the conversion. */
export const BROWSER_ZONE = 'Asia/Muscat';

export interface NewsroomSite {
  readonly baseUrl: string;
  readonly test: TestApp;
  addStaff(role: Role, email: string, name: string): Promise<void>;
  close(): Promise<void>;
}

/** A port nobody listens on now, so the server can be told its own address before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts the paper and its scheduler; the reference article gives it a section and a photo,
 * unless `empty` asks for a first day's install (no account, no section, no story); `publicUrl`
 * gives it its own address as PUBLIC_URL, which turns the page cache on.
 * `overrides` swaps in fakes for outside systems, such as a RecordingMailer. The server knows
 * its port, so the links it hands out (invitations, resets) open on it.
 */
export async function startNewsroomSite(
  overrides: AppOverrides = {},
  options: { empty?: boolean; publicUrl?: boolean } = {},
): Promise<NewsroomSite> {
  const port = await freePort();
  // With its own address as PUBLIC_URL the paper keeps its pages in memory, as in production.
  const publicUrl: Record<string, string> = options.publicUrl
    ? { PUBLIC_URL: `http://127.0.0.1:${port}` }
    : {};
  const test = await startTestApp(
    { SCHEDULER_INTERVAL_SECONDS: '1', PORT: String(port), ...publicUrl },
    createSqliteDatabase(),
    overrides,
  );
  const { app } = test;
  const scheduler = startScheduler(
    { ...app.newsroom, locks: app.storage.locks, log: () => undefined },
    app.config.schedulerIntervalMs,
  );
  try {
    const report = options.empty ? { failed: [] } : await loadReferenceArticle(app);
    if (report.failed.length > 0)
      throw new Error(`the reference article: ${JSON.stringify(report.failed)}`);
    const address = await test.server.listen({ port, host: '127.0.0.1' });
    return {
      baseUrl: address.replace(/\/$/, ''),
      test,
      async addStaff(role, email, name) {
        await createUser(app.accounts, { email, role, password: PASSWORD, name });
      },
      async close() {
        await scheduler.stop();
        await test.close();
      },
    };
  } catch (error) {
    await scheduler.stop();
    await test.close();
    throw error;
  }
}

/** A tablet held upright (iPad Air class): the newsroom's smallest target. */
export const TABLET_VIEWPORT = { width: 820, height: 1180 } as const;

/** A browser window of its own (cookies included), in the journeys' zone. */
export async function newWindow(
  browser: Browser,
  viewport: { width: number; height: number } = LAPTOP_VIEWPORT,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, timezoneId: BROWSER_ZONE });
  context.setDefaultTimeout(10_000);
  return context;
}

/**
 * The windows a suite opens, all closed with `closeAll` when it ends; `browser` is read when a
 * window opens, so the suite may launch it in beforeAll.
 */
export function trackedWindows(browser: () => Browser) {
  const windows: BrowserContext[] = [];
  return {
    async open(viewport?: { width: number; height: number }) {
      const context = await newWindow(browser(), viewport);
      windows.push(context);
      return context;
    },
    async closeAll() {
      for (const context of windows.splice(0)) await context.close();
    },
  };
}

/** Waits for the app's status line to say `text`. */
export const notice = (page: Page, text: string) =>
  page.getByRole('status').filter({ hasText: text }).waitFor();

/** Answers the open confirmation by pressing `button` (its confirm label, or Cancel). */
export async function answerConfirmation(page: Page, button: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Signs in through the app's form and waits for the dashboard. */
export async function signIn(context: BrowserContext, baseUrl: string, email: string) {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/`);
  await page.getByRole('heading', { name: 'Sign in to the newsroom' }).waitFor();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  return page;
}

/** The article body's rich-text box. */
export const bodyBox = (page: Page) => page.getByRole('textbox', { name: 'Body' });

/** Types at the end of the body, in a new paragraph when asked. */
export async function typeAtEndOfBody(page: Page, text: string, newParagraph = false) {
  const box = bodyBox(page);
  await box.click();
  await page.keyboard.press('Control+End');
  // On a loaded machine the editor can take the click before it is ready and leave the caret at
  // the start, so the caret is put at the end by hand too, and typing waits until it is there.
  await box.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    range.collapse(false);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  await box.evaluate(
    (element) =>
      new Promise<void>((resolve, reject) => {
        const deadline = Date.now() + 5_000;
        const check = () => {
          const selection = getSelection();
          const atEnd =
            selection?.focusNode && element.contains(selection.focusNode) && caretAtEnd();
          if (atEnd) resolve();
          else if (Date.now() > deadline) reject(new Error('the caret never reached the body end'));
          else requestAnimationFrame(check);
        };
        const caretAtEnd = () => {
          const rest = document.createRange();
          rest.setStart(getSelection()!.focusNode!, getSelection()!.focusOffset);
          rest.setEnd(element, element.childNodes.length);
          return rest.toString() === '';
        };
        check();
      }),
  );
  if (newParagraph) await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}

/** Fetches a reader page until it contains `text`: the site changes when the desk acts. */
export async function waitForReaderText(url: string, text: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await (await fetch(url)).text();
    if (body.includes(text)) return body;
    if (Date.now() > deadline) throw new Error(`${url} never showed "${text}" in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `YYYY-MM-DDTHH:mm:ss` in the browser's zone, as a datetime-local input takes it. */
export function localInputValue(instant: Date, timeZone = BROWSER_ZONE): string {
  return instant.toLocaleString('sv-SE', { timeZone, hour12: false }).replace(' ', 'T');
}
