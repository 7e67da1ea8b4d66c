/**
 * The buttons on an answer: Helpful / Not helpful (stored as feedback), Ask the Clerk (forwards the
 * question, who asked and the best match), Share in channel (an ephemeral answer posted for all
 * via its response_url), and clause buttons that open the clause.
 */
import type { App, BlockAction, ButtonAction, RespondFn, webApi } from '@slack/bolt';
import type { ProtocolCore } from '../../src/core';
import type { Role } from '../../src/protocol/model';
import { ACTIONS, type AnswerRef, decodeAnswerRef, decodeClauseRef } from './action-values';
import { renderAnswer, renderClause } from './answer-blocks';
import { POST_OPTIONS, type SlackMessage, context, fallback, section, sections, textMessage } from './block-kit';
import { escapeMrkdwn, quote, userMention } from './mrkdwn';
import { type SlackAdapterDeps, roleOf } from './slack-context';
import { slackMessages } from './slack-messages';

interface ButtonArgs {
  body: BlockAction;
  action: ButtonAction;
  respond: RespondFn;
  client: webApi.WebClient;
}

export function registerAnswerActions(app: App, deps: SlackAdapterDeps): void {
  const { core, store, config } = deps;
  /** The council a button names, if the core still knows it; else this workspace's. */
  const councilOf = (id: string) => (core.councils().some((c) => c.id === id) ? id : deps.council);

  const feedback = (helpful: boolean) =>
    async ({ ack, body, action, respond, client }: ButtonArgs & { ack: () => Promise<void> }) => {
      await ack();
      const ref = decodeAnswerRef(action.value);
      if (!ref) return;
      await store.recordFeedback({
        platform: 'slack',
        userId: body.user.id,
        council: councilOf(ref.k),
        question: ref.q,
        clauseId: ref.c,
        helpful,
      });
      await replyPrivately({ body, respond, client }, textMessage(slackMessages.feedbackThanks));
    };
  app.action<BlockAction<ButtonAction>>(ACTIONS.helpful, feedback(true));
  app.action<BlockAction<ButtonAction>>(ACTIONS.notHelpful, feedback(false));

  app.action<BlockAction<ButtonAction>>(ACTIONS.askClerk, async ({ ack, body, action, respond, client }) => {
    await ack();
    const ref = decodeAnswerRef(action.value);
    if (!ref) return;
    const target = config.escalationChannel ?? config.officerIds[0];
    if (!target) {
      await replyPrivately({ body, respond, client }, textMessage(slackMessages.noClerkConfigured));
      return;
    }
    const userId = body.user.id;
    const message = clerkMessage(core, councilOf(ref.k), ref, userId, roleOf(config, userId));
    await client.chat.postMessage({ channel: target, ...message, ...POST_OPTIONS });
    await replyPrivately({ body, respond, client }, textMessage(slackMessages.sentToClerk));
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.share, async ({ ack, body, action, respond }) => {
    await ack();
    const ref = decodeAnswerRef(action.value);
    if (!ref || !body.response_url) return;
    const userId = body.user.id;
    const answer = core.ask({ council: councilOf(ref.k), role: roleOf(config, userId), text: ref.q, asker: { platform: 'slack', id: userId } });
    const message = renderAnswer(answer, { ephemeral: false, sharedBy: userMention(userId) });
    await respond({ response_type: 'in_channel', replace_original: false, ...message });
  });

  // Clause buttons are numbered; "Show the whole clause" under a focused item opens its clause the same way.
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTIONS.openClause}_(\\d+|whole)$`), async ({ ack, body, action, respond, client }) => {
    await ack();
    const ref = decodeClauseRef(action.value);
    if (!ref) return;
    const council = councilOf(ref.k);
    const userId = body.user.id;
    const inMessage = Boolean(body.response_url);
    // Asking for the number gives the same answer as typing it: the clause, what is within it, escalation.
    const answer = core.ask({ council, role: roleOf(config, userId), text: ref.id, asker: { platform: 'slack', id: userId } });
    let message: SlackMessage;
    if (answer.kind === 'lookup' && answer.clauses[0]?.id === ref.id) message = renderAnswer(answer, { ephemeral: inMessage });
    else {
      const clause = core.clause(council, ref.id);
      message = clause ? renderClause(answer.council.name, council, clause, []) : textMessage(slackMessages.clauseUnavailable(ref.id));
    }
    await replyPrivately({ body, respond, client }, message);
  });
}

/** What the Clerk receives: who asked (and as what), the question quoted, and the bot's best match. */
function clerkMessage(core: ProtocolCore, council: string, ref: AnswerRef, userId: string, role: Role): SlackMessage {
  const clause = ref.c ? core.clause(council, ref.c) : undefined;
  const best = clause ? slackMessages.clerkBestMatch(`clause ${clause.id} (${clause.heading})`) : slackMessages.clerkNoMatch;
  return {
    text: fallback(slackMessages.clerkFallback(role, ref.q)),
    blocks: [
      section(`${userMention(userId)} ${escapeMrkdwn(slackMessages.clerkForwardIntro(role))}`),
      ...sections(quote(ref.q)),
      context(escapeMrkdwn(best)),
    ],
  };
}

/** Only the person who pressed the button sees the reply: ephemerally in the message's conversation, else in the app DM. */
export async function replyPrivately(
  args: { body: BlockAction; respond: RespondFn; client: webApi.WebClient },
  message: SlackMessage,
): Promise<void> {
  if (args.body.response_url) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...message });
    return;
  }
  await args.client.chat.postMessage({ channel: args.body.user.id, ...message, ...POST_OPTIONS });
}
