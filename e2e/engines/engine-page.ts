/**
 * What the cross-engine smoke suite needs from a browser, whatever protocol drives it: WebKit speaks
 * classic WebDriver (webkit-driver.ts), Firefox WebDriver BiDi (firefox-driver.ts).
 */
export type EngineName = 'webkit' | 'firefox';

export interface EnginePage {
  readonly engine: EngineName;
  /** The browser's name and version, as it reports them. */
  readonly version: string;
  /** Loads `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * Runs `fn(arg)` in the page and returns its (awaited) result, which must survive JSON. `fn` is
   * sent as source text, so it may use nothing from outside itself.
   */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** A real pointer click at the middle of the first element matching `selector`. */
  click(selector: string): Promise<void>;
  /** Focuses the element (a real click), clears it and types `text` key by key. */
  type(selector: string, text: string): Promise<void>;
  /** Chooses a file on disk in an <input type=file>, as the file dialog does. */
  setFile(selector: string, filePath: string): Promise<void>;
  /** Presses the primary button at the first point, moves through the rest, releases (viewport pixels). */
  drag(points: Array<readonly [number, number]>): Promise<void>;
  /** Console errors and uncaught exceptions seen so far. */
  consoleErrors(): Promise<string[]>;
  close(): Promise<void>;
}
