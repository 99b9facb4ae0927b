// The benchmark peer (`sdk` command): the Bot Framework SDK for JavaScript doing the work of one card click.
// CloudAdapter validates the channel's token against a local OpenID metadata server, and a TeamsActivityHandler
// answers the adaptiveCard/action invoke with a small card. No storage, no outbound calls.
//
//   node index.js --port 0 --app-id <id> --openid-metadata-url http://127.0.0.1:…/v1/.well-known/openidconfiguration
//
// Prints "listening http://127.0.0.1:<port>/api/messages node/<version> botbuilder/<version>" once it accepts requests.
'use strict';
const http = require('node:http');
const { parseArgs } = require('node:util');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsActivityHandler } = require('botbuilder');
const { AuthenticationError } = require('botframework-connector');

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'app-id': { type: 'string', default: process.env.MicrosoftAppId },
    'openid-metadata-url': { type: 'string', default: process.env.ToBotFromChannelOpenIdMetadataUrl },
    issuer: { type: 'string', default: process.env.ToBotFromChannelTokenIssuer || 'https://api.botframework.com' },
  },
});
if (!args['app-id'] || !args['openid-metadata-url']) {
  console.error('usage: node index.js --port N --app-id ID --openid-metadata-url URL [--issuer https://api.botframework.com]');
  process.exit(2);
}

// botbuilder 4.23.3 rethrows jsonwebtoken's own errors (a bad signature, alg none, a wrong algorithm), which CloudAdapter
// answers with 500 after refusing the turn; a refusal is a 401, so they become AuthenticationErrors. Valid tokens: no change.
class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  async authenticateRequest(activity, authHeader) {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error && (error.name === 'JsonWebTokenError' || error.name === 'NotBeforeError')) throw new AuthenticationError(error.message, 401);
      throw error;
    }
  }
}

// Once any URL or issuer key is set, botbuilder uses only the values given (shared/reference/teams-protocol.md).
const auth = new ChannelAuthentication({
  MicrosoftAppId: args['app-id'],
  ToBotFromChannelOpenIdMetadataUrl: args['openid-metadata-url'],
  ToBotFromChannelTokenIssuer: args.issuer,
});
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => console.error(`turn error: ${error.message}`);

class ClickBot extends TeamsActivityHandler {
  async onAdaptiveCardInvoke(context, invokeValue) {
    const lang = invokeValue.action.data && invokeValue.action.data.language === 'zh-CN' ? 'zh-CN' : 'en-US';
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: helpCard(lang) };
  }
}
const bot = new ClickBot();

// Built per click, as ours is, with our help card's English text (a personal chat's commands): the same size of answer.
const commands = [
  ['help', 'Show this card.'],
  ['declare', 'Declare an incident: a form, or in one line: declare P1 web-defacement client=contoso "Homepage defaced"'],
  ['oncall', 'Who is on call now and who is next, in every rotation or one: oncall [rotation]'],
  ['override', 'Someone covers a rotation for a while, in its time zone: override primary @someone now 4h, or override primary @someone 2026-11-24 09:00 2026-11-24 18:00'],
];
function helpCard(lang) {
  const other = lang === 'en-US' ? 'zh-CN' : 'en-US';
  const switchTitle = other === 'zh-CN' ? '中文' : 'English';
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: lang.slice(0, 2),
    body: [
      { type: 'TextBlock', text: 'Incident response bot: commands', wrap: true, size: 'Medium', weight: 'Bolder' },
      {
        type: 'TextBlock',
        text: "I run a security incident with your response team and your client: declare it, follow the six-phase playbook, get the client's authorisation in the channel, keep the SLA clocks and compile the emergency response report.",
        wrap: true,
      },
      { type: 'TextBlock', text: 'Commands', wrap: true, weight: 'Bolder', spacing: 'Medium' },
      { type: 'FactSet', facts: commands.map(([title, value]) => ({ title, value })) },
      { type: 'TextBlock', text: 'In a channel, @mention me before the command, for example: @bot help', wrap: true, size: 'Small', isSubtle: true },
    ],
    actions: [
      {
        type: 'Action.Execute',
        title: switchTitle,
        verb: 'help.show',
        data: { verb: 'help.show', language: other },
        fallback: { type: 'Action.Submit', title: switchTitle, data: { verb: 'help.show', language: other } },
      },
    ],
  };
}

// CloudAdapter.process wants an Express/Restify-shaped request (parsed body) and response: the least of both over node:http.
function shim(res) {
  return {
    socket: res.socket,
    status(code) { res.statusCode = code; },
    header(name, value) { res.setHeader(name, value); },
    send(body) {
      if (typeof body === 'object' && !Buffer.isBuffer(body)) {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.write(JSON.stringify(body));
      } else {
        res.write(String(body));
      }
    },
    end() { res.end(); },
  };
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.statusCode = 404;
    return res.end();
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      return res.end();
    }
    adapter.process(req, shim(res), (context) => bot.run(context)).catch((error) => {
      console.error(`process: ${error.message}`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(args.port), '127.0.0.1', () => {
  const versions = `node/${process.versions.node} botbuilder/${require('botbuilder/package.json').version}`;
  console.log(`listening http://127.0.0.1:${server.address().port}/api/messages ${versions}`);
});
// Stops when its parent closes stdin, so a crashed benchmark leaves no orphan behind.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
