// A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fds 3 and 4, NUL-separated JSON): no npm package.
import { spawn } from 'node:child_process';

export class Chromium {
  #next = 1;
  #pending = new Map();
  #listeners = new Set();
  #buffer = '';

  constructor(process) {
    this.process = process;
    this.exited = new Promise(resolve => process.once('exit', code => resolve(code)));
    process.stdio[4].setEncoding('utf8');
    process.stdio[4].on('data', chunk => this.#receive(chunk));
    process.stdio[3].on('error', () => {}); // EPIPE once the browser has gone; the pending calls fail below
    this.exited.then(code => {
      for (const { reject } of this.#pending.values()) reject(new Error(`Chromium exited (code ${code})`));
      this.#pending.clear();
    });
  }

  /** Starts headless Chromium with an empty profile of its own; stderr goes to `log` (a writable stream). */
  static launch({ executable, userDataDir, width, height, log }) {
    const args = [
      '--headless=new', '--remote-debugging-pipe', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--mute-audio', '--hide-scrollbars', '--lang=en-US',
      // Offline and the same on every machine: the page's CDN fonts and animations fail at once instead of timing out.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
      `--user-data-dir=${userDataDir}`, `--window-size=${width},${height}`, 'about:blank',
    ];
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    if (log) child.stdio[2].pipe(log); else child.stdio[2].resume();
    return new Chromium(child);
  }

  /** One CDP command; `sessionId` addresses a page once attached. Every call is bounded by `timeoutMs`. */
  send(method, params = {}, sessionId = undefined, timeoutMs = 30_000) {
    if (this.process.exitCode !== null || this.process.signalCode !== null)
      return Promise.reject(new Error(`${method}: Chromium has exited (code ${this.process.exitCode ?? this.process.signalCode})`));
    const id = this.#next++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.#pending.delete(id); reject(new Error(`${method}: no answer from Chromium within ${timeoutMs / 1000} s`)); }, timeoutMs);
      this.#pending.set(id, {
        resolve: v => { clearTimeout(timer); resolve(v); },
        reject: e => { clearTimeout(timer); reject(e); },
      });
      this.process.stdio[3].write(message + '\0');
    });
  }

  /** Calls `listener(method, params, sessionId)` for every event; returns a function that removes it. */
  on(listener) { this.#listeners.add(listener); return () => this.#listeners.delete(listener); }

  async close() {
    if (this.process.exitCode !== null) return;
    try { await this.send('Browser.close', {}, undefined, 5_000); } catch { /* gone or stuck: killed below */ }
    const exited = await Promise.race([this.exited.then(() => true), new Promise(r => setTimeout(() => r(false), 5_000))]);
    if (!exited) this.process.kill('SIGKILL');
  }

  #receive(chunk) {
    this.#buffer += chunk;
    let end;
    while ((end = this.#buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.#buffer.slice(0, end));
      this.#buffer = this.#buffer.slice(end + 1);
      if (message.id !== undefined) {
        const call = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        if (!call) continue;
        if (message.error) call.reject(new Error(`${message.error.message} (${message.error.code})`));
        else call.resolve(message.result);
      } else {
        for (const listener of this.#listeners) listener(message.method, message.params, message.sessionId);
      }
    }
  }
}

/** A page (target) of the browser: the calls the screenshot script needs. */
export class Page {
  constructor(browser, sessionId) { this.browser = browser; this.sessionId = sessionId; }

  static async open(browser, { width, height, scale }) {
    const { targetInfos } = await browser.send('Target.getTargets');
    const blank = targetInfos.find(t => t.type === 'page');
    const targetId = blank ? blank.targetId : (await browser.send('Target.createTarget', { url: 'about:blank' })).targetId;
    const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(browser, sessionId);
    await page.send('Page.enable');
    await page.send('Runtime.enable');
    await page.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: scale, mobile: false });
    return page;
  }

  send(method, params = {}, timeoutMs = 30_000) { return this.browser.send(method, params, this.sessionId, timeoutMs); }

  async navigate(url, timeoutMs = 30_000) {
    const loaded = this.#event('Page.loadEventFired', timeoutMs);
    await this.send('Page.navigate', { url });
    await loaded;
  }

  /** Evaluates an expression (a string, or a function's source with JSON arguments) in the page and returns its value. */
  async evaluate(fn, ...args) {
    const expression = typeof fn === 'function' ? `(${fn})(...${JSON.stringify(args)})` : fn;
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  }

  /** Polls `fn(...args)` in the page until it returns something truthy; fails after `timeoutMs` with `what`. */
  async waitFor(what, timeoutMs, fn, ...args) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.evaluate(fn, ...args);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
      await sleep(250);
    }
  }

  async click(x, y) {
    for (const type of ['mousePressed', 'mouseReleased'])
      await this.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', clickCount: 1 });
  }

  async type(text) { await this.send('Input.insertText', { text }); }

  async press(key, code = key, keyCode = 13) {
    for (const type of ['rawKeyDown', 'keyUp'])
      await this.send('Input.dispatchKeyEvent', { type, key, code, windowsVirtualKeyCode: keyCode, ...(type === 'rawKeyDown' && key === 'Enter' ? { text: '\r' } : {}) });
  }

  /** A PNG of the page region `clip` ({x, y, width, height} in CSS pixels, page coordinates). */
  async screenshot(clip) {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png', clip: { ...clip, scale: 1 }, captureBeyondViewport: false }, 60_000);
    return Buffer.from(data, 'base64');
  }

  #event(name, timeoutMs) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { off(); reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${name}`)); }, timeoutMs);
      const off = this.browser.on((method, params, sessionId) => {
        if (method === name && sessionId === this.sessionId) { clearTimeout(timer); off(); resolve(params); }
      });
    });
  }
}

export const sleep = ms => new Promise(r => setTimeout(r, ms));
