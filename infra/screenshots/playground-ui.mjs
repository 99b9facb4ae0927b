// Drives the Agents Playground's web page as a person would (click a conversation, type into the compose box, @mention
// the bot, press Enter, click a card's button) and screenshots what it renders. What a person cannot do from this page
// (act as another user) goes through the Playground's own HTTP API, from inside the page.
import { writeFile } from 'node:fs/promises';
import { Page, sleep } from './cdp.mjs';

const TIMEOUT_MS = 30_000;

// Runs in the page: finds the elements the steps below act on. `texts` picks the newest card showing all of them.
function pageHelpers() {
  const cards = texts => [...document.querySelectorAll('.ac-adaptiveCard')].filter(c => texts.every(t => c.innerText.includes(t)));
  const leaf = name => [...document.querySelectorAll('span,div')].find(e => e.childElementCount === 0 && e.textContent.trim() === name);
  return {
    card: texts => cards(texts).at(-1),
    // A text message: the sender's line, the avatar and the bubble.
    message: texts => [...document.querySelectorAll('.fai-OutputCard')].filter(b => texts.every(t => b.innerText.includes(t))).at(-1)?.parentElement?.parentElement,
    input: (texts, n) => cards(texts).at(-1)?.querySelectorAll('input,textarea')[n],
    button: (texts, title) => [...(cards(texts).at(-1)?.querySelectorAll('button') ?? [])].find(b => b.innerText.trim() === title),
    // The chat's compose box, or the reply box of the channel thread whose first card shows `thread`.
    composeBox: thread => thread
      ? cards([thread])[0]?.closest('[role=group]')?.querySelector('[data-lexical-editor][role=textbox]')
      : [...document.querySelectorAll('[data-lexical-editor][role=textbox]')].at(-1),
    conversation: name => leaf(name)?.parentElement,
    menuItem: name => [...document.querySelectorAll('[role=menuitem]')].find(e => e.innerText.trim() === name),
  };
}

const call = (helper, args) => `shots.${helper}(...${JSON.stringify(args)})`;

export class PlaygroundUi {
  constructor(page, size) { this.page = page; this.size = size; }

  static async open(browser, url, size) {
    const page = await Page.open(browser, size);
    await page.navigate(url, 60_000);
    // Every websocket client gets every event: this one keeps what the bot posted, with ids the page does not show.
    await page.evaluate(() => {
      window.__posted = [];
      const socket = new WebSocket(`ws://${location.host}/_ws_conversation/v1/conversations/stream`);
      socket.onmessage = e => window.__posted.push(JSON.parse(e.data));
      return new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = () => reject(new Error('websocket')); });
    });
    await page.evaluate(`window.shots = (${pageHelpers})(); true`);
    await page.waitFor('the compose box', TIMEOUT_MS, () => !!document.querySelector('[data-lexical-editor]'));
    await page.evaluate(() => document.fonts.ready.then(() => true));
    return new PlaygroundUi(page, size);
  }

  /** Clicks a conversation in the left pane by its name ("Personal Chat", "General"). */
  async openConversation(name) {
    await this.#click(`the conversation "${name}"`, 'conversation', name);
    await sleep(800); // the pane slides in
  }

  /** Types into a compose box (see composeBox) as a user; `mention` first picks the bot from the @ menu, as channels need. */
  async send(text, { mention = false, thread = null } = {}) {
    await this.#click('the compose box', 'composeBox', thread);
    if (mention) {
      for (const type of ['keyDown', 'keyUp'])
        await this.page.send('Input.dispatchKeyEvent', { type, key: '@', code: 'Digit2', modifiers: 8, windowsVirtualKeyCode: 50, ...(type === 'keyDown' ? { text: '@' } : {}) });
      await this.#click('"Test Bot" in the @ menu', 'menuItem', 'Test Bot');
      text = ' ' + text;
    }
    await this.page.type(text);
    await this.page.press('Enter');
  }

  /** Waits for a rendered card showing every one of `texts`. */
  waitForCard(texts, timeoutMs = TIMEOUT_MS) {
    return this.page.waitFor(`a card showing ${JSON.stringify(texts)}`, timeoutMs, `!!${call('card', [texts])}`);
  }

  /** Types each value into the card's inputs in order, clicking each first, as a person fills a form. */
  async fill(texts, values) {
    for (let i = 0; i < values.length; i++) {
      await this.#click(`input ${i + 1} of the form`, 'input', texts, i);
      await this.page.type(values[i]);
    }
  }

  clickButton(texts, title) { return this.#click(`the button "${title}"`, 'button', texts, title); }

  /** A PNG of the newest card showing `texts`, with the frame around it. */
  shootCard(file, texts) { return this.#shoot(file, `a card showing ${JSON.stringify(texts)}`, call('card', [texts]), 2); }

  /** A PNG of the newest text message showing `texts`. */
  shootText(file, texts) { return this.#shoot(file, `a message showing ${JSON.stringify(texts)}`, call('message', [texts]), 8); }

  /** What the bot posted or updated, as the Playground's websocket carried it. */
  posted() { return this.page.evaluate(() => window.__posted); }

  /** Waits for a post (or update) of the bot matching `predicate(event)` among those after index `since`. */
  async waitForPost(what, since, predicate, timeoutMs = TIMEOUT_MS) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.posted()).slice(since).filter(predicate).at(-1);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
      await sleep(250);
    }
  }

  /** A call to the Playground's HTTP API from the page (same origin), e.g. an invoke as another user. */
  api(path, body, method = 'POST') {
    return this.page.evaluate(async (p, b, m) => {
      const response = await fetch(p, { method: m, headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
      const text = await response.text();
      if (!response.ok) throw new Error(`${m} ${p} → ${response.status}: ${text}`);
      return text ? JSON.parse(text) : null;
    }, path, body, method);
  }

  /** Crops to the element (plus `margin`) once it stops moving; the window grows for a tall one, then shrinks back. */
  async #shoot(file, what, element, margin) {
    const height = await this.page.waitFor(what, TIMEOUT_MS, `${element}?.getBoundingClientRect().height`);
    const tall = height + 160 > this.size.height;
    const metrics = h => this.page.send('Emulation.setDeviceMetricsOverride', { ...this.size, height: h, deviceScaleFactor: this.size.scale, mobile: false });
    if (tall) await metrics(Math.ceil(height) + 240);
    try {
      // No caret or focus ring in the picture.
      await this.page.evaluate(`document.activeElement?.blur(); ${element}.scrollIntoView({ block: 'center' }); true`);
      let box = null;
      for (let i = 0; ; i++) {
        await sleep(200);
        const next = await this.page.evaluate(`(({ x, y, width, height }) => ({ x, y, width, height }))(${element}.getBoundingClientRect())`);
        if (box && JSON.stringify(box) === JSON.stringify(next)) break;
        if (i === 40) throw new Error(`${what} kept moving`);
        box = next;
      }
      const png = await this.page.screenshot({ x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin });
      await writeFile(file, png);
      return png.length;
    } finally {
      if (tall) await metrics(this.size.height);
    }
  }

  async #click(what, helper, ...args) {
    const point = await this.page.waitFor(what, TIMEOUT_MS, `(e => {
      if (!e) return null;
      e.scrollIntoView({ block: 'center' });
      const r = e.getBoundingClientRect();
      return r.width > 0 ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    })(${call(helper, args)})`);
    await this.page.click(point.x, point.y);
    await sleep(300);
  }
}
