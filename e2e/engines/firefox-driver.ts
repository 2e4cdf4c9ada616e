/**
 * Firefox (Debian's firefox-esr, headless) driven over WebDriver BiDi by puppeteer-core: Firefox
 * has no classic WebDriver without geckodriver, which Debian does not ship and cannot be downloaded
 * here; puppeteer-core launches the installed binary and speaks BiDi to it directly.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { EnginePage } from './engine-page.ts';
import { pageExpression, parsePageResult } from './page-script.ts';

class FirefoxPage implements EnginePage {
  readonly engine = 'firefox' as const;
  private readonly errors: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    readonly version: string,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(message.text());
    });
    page.on('pageerror', (error) => this.errors.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return parsePageResult<R>(await this.page.evaluate(pageExpression(fn, arg)), 'evaluate');
  }

  async click(selector: string): Promise<void> {
    await this.page.click(selector);
  }

  async type(selector: string, text: string): Promise<void> {
    await this.page.click(selector, { count: 3 }); // selects what is there, as a person would
    await this.page.keyboard.press('Backspace');
    await this.page.type(selector, text);
  }

  async setFile(selector: string, filePath: string): Promise<void> {
    const input = await this.page.$(selector);
    if (!input) throw new Error(`no element matches ${selector}`);
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(filePath);
  }

  async drag(points: Array<readonly [number, number]>): Promise<void> {
    const [first, ...rest] = points;
    await this.page.mouse.move(first[0], first[1]);
    await this.page.mouse.down();
    for (const [x, y] of rest) await this.page.mouse.move(x, y);
    await this.page.mouse.up();
  }

  async consoleErrors(): Promise<string[]> {
    return [...this.errors];
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export async function launchFirefox(executablePath: string): Promise<FirefoxPage> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: { width: 1100, height: 800 },
    protocolTimeout: 600_000, // the bench runs a VGG16 for minutes in one evaluate
  });
  const [page] = await browser.pages();
  return new FirefoxPage(browser, page ?? (await browser.newPage()), await browser.version());
}
