// What the screenshot run does through the Playground's API rather than the page: another user's card refresh, and
// moving the incident through five phases (the report exists only in the Summary phase) without forty clicks.
import { sleep } from './cdp.mjs';

const BOT = { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' }; // the Playground's built-in bot
const cardOf = e => e.message?.attachments?.[0]?.content ?? e.value;
const actions = node => !node || typeof node !== 'object' ? []
  : Array.isArray(node) ? node.flatMap(actions) : [...(node.verb ? [node] : []), ...Object.values(node).flatMap(actions)];

function invoke(ui, from, thread, replyToId, action) {
  return ui.api('/_conversation/v1/invoke', {
    name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', title: action.title, verb: action.verb, data: action.data } },
    from: { id: from }, conversation: { id: thread }, replyToId,
  });
}

/**
 * The card refresh Teams does for a user listed in the card's refresh.userIds, then shows that user's view in place of
 * the card (the bot's own answer, put back through the Playground's Bot Connector as the bot would update it).
 */
export async function refreshAs(ui, userId, thread, post) {
  const answer = await invoke(ui, userId, thread, post.message.messageId, cardOf(post).refresh.action);
  if (answer?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`the refresh as ${userId} answered ${JSON.stringify(answer)}`);
  await ui.api(`/_connector/v3/conversations/${encodeURIComponent(thread)}/activities/${post.message.messageId}`,
    { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answer.value }] }, 'PUT');
  return answer.value;
}

/**
 * The approver approves the request; the commander breaks the glass on the other gated points (a reason each), marks
 * every point done and closes each phase until the Summary phase, the way the checklist's buttons would.
 */
export async function fastForwardToSummary(ui, { thread, incidentId, approver, request, meganView, log }) {
  const approve = actions(meganView).find(a => a.data?.decision === 'Approve');
  await invoke(ui, approver, thread, request.message.messageId, approve);
  for (const point of ['CP-02', 'CP-05', 'CP-06', 'CP-12']) {
    const before = (await ui.posted()).length;
    await ui.api(`/_conversation/v1/conversations/${encodeURIComponent(thread)}/messages`, {
      from: { id: 'user-id-0' }, text: `<at>${BOT.name}</at> breakglass ${point} Authorised by the client's CISO by phone; the letter follows`,
      textFormat: 'plain', mentions: [{ mentioned: BOT, text: `<at>${BOT.name}</at>` }],
    });
    await ui.waitForPost(`the answer to breakglass ${point}`, before, e => e.action === 'createMessage' && e.actionConversationId === thread);
  }
  for (let phase = 1; phase <= 5; phase++) {
    const checklist = (await ui.posted()).filter(e => e.action === 'createMessage' && e.actionConversationId === thread
      && JSON.stringify(cardOf(e) ?? {}).includes('"phase.advance"')).at(-1);
    let card = cardOf(checklist);
    for (let done; (done = actions(card).find(a => a.data?.to === 'Done'));) {
      const answer = await invoke(ui, 'user-id-0', thread, checklist.message.messageId, done);
      if (answer?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`${done.data.pointId} → Done answered ${JSON.stringify(answer)}`);
      card = answer.value;
    }
    const before = (await ui.posted()).length;
    const answer = await invoke(ui, 'user-id-0', thread, checklist.message.messageId, actions(card).find(a => a.verb === 'phase.advance'));
    const next = await ui.waitForPost(`the checklist of phase ${phase + 1}`, before, e => e.action === 'createMessage'
      && e.actionConversationId === thread && JSON.stringify(cardOf(e) ?? {}).includes(`"phase.advance"`)).catch(e => {
      throw new Error(`${e.message}; closing phase ${phase} answered ${JSON.stringify(answer).slice(0, 400)}`);
    });
    log(`${incidentId}: phase ${phase} closed (${JSON.stringify(cardOf(next).body?.[0]?.text ?? '')})`);
  }
  await sleep(500);
}
