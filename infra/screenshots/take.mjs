// The scenes of docs/images: run by infra/screenshots/take against a bot and an Agents Playground it started.
// node take.mjs --url http://127.0.0.1:<playground>/ --out docs/images [--chromium /usr/bin/chromium] [--scale 1]
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Chromium } from './cdp.mjs';
import { PlaygroundUi } from './playground-ui.mjs';
import { fastForwardToSummary, refreshAs } from './incident.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' }, out: { type: 'string' }, work: { type: 'string', default: '/tmp' },
    chromium: { type: 'string', default: '/usr/bin/chromium' }, scale: { type: 'string', default: '1' },
  },
});
if (!args.url || !args.out) throw new Error('usage: node take.mjs --url <playground url> --out <dir> [--work <dir>] [--chromium <path>] [--scale 1]');
const size = { width: 1280, height: 900, scale: Number(args.scale) };
const MEGAN = 'user-id-1'; // an approver of the demo client (bot/ChatOps.Bot/clients.Development.yaml)

await mkdir(args.out, { recursive: true });
const browser = Chromium.launch({ executable: args.chromium, userDataDir: join(args.work, 'chromium'), ...size, log: createWriteStream(join(args.work, 'chromium.log')) });
// On timeout (infra/screenshots/take runs this under `timeout`) or Ctrl-C, the browser goes too.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => { browser.process.kill('SIGKILL'); process.exit(1); });
const taken = [];
const step = what => console.error(`[take.mjs] ${what}`);

async function scenes() {
  const ui = await PlaygroundUi.open(browser, args.url, size);
  const shot = async (file, texts, shoot = ui.shootCard.bind(ui)) => {
    const bytes = await shoot(join(args.out, file), texts);
    taken.push({ file, bytes });
    step(`${file} (${Math.round(bytes / 1024)} KB)`);
  };

  step('personal chat: help, oncall, declare');
  await ui.waitForCard(['Thanks for adding me'], 60_000); // the page installs the app in the personal chat when it opens
  await ui.send('help');
  await shot('help.png', ['Incident response bot: commands']);
  await ui.send('oncall');
  await shot('oncall.png', ['Primary on-call'], ui.shootText.bind(ui));
  await ui.send('declare');
  await shot('declare-form.png', ['Declare an incident']);
  await ui.send('declare P1 web-defacement client=contoso "Homepage defaced"');
  const declared = await ui.page.waitFor('the declaration', 30_000, () => document.body.innerText.match(/(INC-\d{4}-\d{4}) declared/)?.[1]);

  step(`the incident thread of ${declared} in General`);
  await ui.openConversation('General');
  await shot('incident-card-zh.png', [declared, '合同时限']);
  await shot('page.png', [declared, 'PG-01']);
  const thread = (await ui.posted()).find(e => e.message?.postConversationId && JSON.stringify(e.message.attachments ?? []).includes(declared)).message.postConversationId;
  await ui.send('status', { mention: true, thread: declared });
  await shot('incident-card.png', [declared, 'Contract clocks (SLA)']);
  await shot('checklist.png', [`${declared} · Phase 1/6`]);

  step('the client\'s authorisation: request CP-09, the form, the request card as an approver sees it');
  await ui.send('request CP-09', { mention: true, thread: declared });
  const form = [`${declared} · Ask the client's authorisation`];
  await ui.fill(form, [
    'Isolate web-01 from the network and restore the homepage from the last clean backup',
    'web-01 (10.0.4.21), IIS site www.contoso.com',
    'The site is offline during the restore; no risk to data',
    'Reconnect web-01 and start the IIS site again',
    'www.contoso.com offline for about 30 minutes',
    'Tonight 22:00–23:00 (client time)',
  ]);
  await shot('approval-form.png', form);
  const before = (await ui.posted()).length;
  await ui.clickButton(form, 'Send to the client\'s approvers');
  const request = await ui.waitForPost('the request card APR-01', before, e => e.action === 'createMessage' && JSON.stringify(e.message?.attachments ?? []).includes('approval.refresh'));
  // Teams refreshes the card for each approver (refresh.userIds); the Playground's page is Alex's, so do Megan's refresh.
  const meganView = await refreshAs(ui, MEGAN, thread, request);
  await shot('approval-request.png', ['Authorisation request APR-01', 'Request changes']);

  step('through the playbook to the Summary phase, then the report');
  await fastForwardToSummary(ui, { thread, incidentId: declared, approver: MEGAN, request, meganView, log: step });
  await ui.send('summary', { mention: true, thread: declared });
  await shot('summary-form.png', [`Summary for the report · ${declared}`]);
  await ui.send('report en', { mention: true, thread: declared });
  await ui.waitForCard(['应急响应报告 R1', '.docx'], 60_000);
  await ui.clickButton(['应急响应报告 R1', '.docx'], '获取下载链接');
  await shot('report.png', ['Emergency response report R1', 'Download DOCX']);
}

try {
  await scenes();
} catch (e) {
  step(`failed: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
const total = taken.reduce((sum, t) => sum + t.bytes, 0);
console.log(taken.map(t => `${t.file}\t${Math.round(t.bytes / 1024)} KB`).join('\n') + `\n${taken.length} images, ${Math.round(total / 1024)} KB in ${args.out}`);
