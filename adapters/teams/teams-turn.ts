/**
 * One Teams turn: de-duplicates, keeps the saved team up to date, and routes a message (typed
 * text or a card button) to the core's answers or the notice commands. Errors go to onTurnError.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Answer } from '../../src/answer/answer-model';
import { parseCommand, parseForgetCommand, type Command, type ForgetCommand } from '../../src/commands';
import type { TeamsConfig } from '../../src/config';
import type { ProtocolCore } from '../../src/core';
import type { Logger } from '../../src/logger';
import { messages } from '../../src/messages';
import { type DataProtection, describeErasure } from '../../src/store/data-protection';
import type { BotStore } from '../../src/store/store';
import { ASK_CLERK_LIMIT, PerUserLimit } from '../per-user-limit';
import { cardAttachment, textBlock, type AdaptiveCard } from './adaptive-card';
import { answerSummary, renderAnswerCard, renderClauseCard, renderHelpCard } from './answer-card';
import { readSubmission, type CardAction } from './card-actions';
import type { ClerkEscalation } from './clerk-escalation';
import type { NoticeTurns } from './notice-turns';
import { teamTargetFrom, type TeamDirectory } from './team-target';
import { askerFrom, conversationKind, describeWhere, messageText, replyTarget, type TeamsAsker } from './teams-request';
import { teamsMessages } from './teams-messages';

export interface TurnDeps {
  config: TeamsConfig;
  core: ProtocolCore;
  store: BotStore;
  dataProtection: DataProtection;
  logger: Logger;
  council: string;
  directory: TeamDirectory;
  clerk: ClerkEscalation;
  noticeTurns: NoticeTurns;
}

export function createTurnHandler(deps: TurnDeps): (context: TurnContext) => Promise<void> {
  const { core, store, logger, directory } = deps;
  const askClerkLimit = new PerUserLimit(ASK_CLERK_LIMIT);

  const sendCard = (context: TurnContext, card: AdaptiveCard, summary: string) =>
    context.sendActivity({ type: 'message', summary, attachments: [cardAttachment(card)] });

  async function answer(context: TurnContext, asker: TeamsAsker, text: string): Promise<void> {
    const result: Answer = core.ask({ council: deps.council, role: asker.role, text, asker: { platform: 'teams', id: asker.id, name: asker.name } });
    if (result.kind === 'no-match') {
      await store.recordUnanswered({ platform: 'teams', userId: asker.id, council: result.council.id, question: result.question });
    }
    logger.info({ kind: result.kind, clause: result.clauses[0]?.id, role: asker.role, conversation: conversationKind(context.activity) }, 'question answered');
    if (result.kind === 'invalid') {
      await context.sendActivity(result.message ?? '');
      return;
    }
    await sendCard(context, renderAnswerCard(result), answerSummary(result));
  }

  async function command(context: TurnContext, asker: TeamsAsker, cmd: Command): Promise<void> {
    switch (cmd.kind) {
      case 'help': {
        const council = councilSummary(core, deps.council);
        await sendCard(context, withForgetHelp(renderHelpCard(council, core.sections(deps.council), core.protocol(deps.council))), council.name);
        return;
      }
      case 'ask':
        return answer(context, asker, cmd.text);
      default:
        return deps.noticeTurns.command(context, asker, cmd);
    }
  }

  /** `forget <user id>`: officers erase that person's Teams questions and feedback. */
  async function forget(context: TurnContext, asker: TeamsAsker, cmd: ForgetCommand): Promise<void> {
    if (asker.role !== 'officer') {
      logger.info({ userId: asker.id, role: asker.role }, 'officers-only command refused');
      await context.sendActivity(messages.officersOnly(teamsMessages.forgetRefusal));
      return;
    }
    // Plain text: Teams would read "<user id>" as a tag, and the id is echoed as the officer typed it.
    const plain = (text: string) => context.sendActivity({ type: 'message', text, textFormat: 'plain' });
    if (!cmd.userId) {
      await plain(teamsMessages.forgetUsage);
      return;
    }
    const erased = await deps.dataProtection.forget(asker.role, { userId: cmd.userId, platform: 'teams' }, { platform: 'teams', userId: asker.id });
    await plain(describeErasure(cmd.userId, erased));
  }

  async function button(context: TurnContext, asker: TeamsAsker, action: Exclude<CardAction, { action: 'notice-submit' }>): Promise<void> {
    switch (action.action) {
      case 'clause': {
        const council = knownCouncil(core, action.council) ?? deps.council;
        const clause = core.clause(council, action.id);
        if (!clause) {
          await context.sendActivity(teamsMessages.clauseUnavailable(action.id));
          return;
        }
        const within = core
          .protocol(council)
          .clauses.filter((c) => c.parent === clause.id)
          .map((c) => ({ id: c.id, heading: c.heading }));
        await sendCard(context, renderClauseCard(councilSummary(core, council), clause, within), `Clause ${clause.id}`);
        return;
      }
      case 'feedback':
        await store.recordFeedback({
          platform: 'teams',
          userId: asker.id,
          council: knownCouncil(core, action.council) ?? deps.council,
          question: action.question,
          clauseId: action.clauseId,
          helpful: action.helpful,
        });
        logger.info({ helpful: action.helpful, clause: action.clauseId }, 'feedback recorded');
        await context.sendActivity(teamsMessages.feedbackThanks);
        return;
      case 'ask-clerk': {
        if (!askClerkLimit.take(asker.id)) {
          logger.info({ userId: asker.id }, 'Ask the Clerk refused: per-user limit reached');
          await context.sendActivity(teamsMessages.askClerkLimited(ASK_CLERK_LIMIT.max, ASK_CLERK_LIMIT.windowMs / 60_000));
          return;
        }
        const council = councilSummary(core, knownCouncil(core, action.council) ?? deps.council);
        const outcome = await deps.clerk.forward({
          asker,
          council,
          question: action.question,
          clauseId: action.clauseId,
          clauseHeading: action.clauseId ? core.clause(council.id, action.clauseId)?.heading : undefined,
          where: describeWhere(context.activity),
          origin: replyTarget(context.activity),
        });
        await context.sendActivity(outcome === 'sent' ? teamsMessages.sentToClerk : teamsMessages.noClerkConfigured);
        return;
      }
      case 'notice-ack':
        return deps.noticeTurns.acknowledge(context, asker, action.noticeId);
      case 'command':
        return command(context, asker, parseCommand(action.command));
    }
  }

  async function message(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const asker = askerFrom(activity, deps.config.officerIds);
    const team = conversationKind(activity) === 'channel' ? teamTargetFrom(activity) : undefined;
    if (team) await directory.seen(team);
    if (asker.role === 'officer' && asker.aadObjectId) {
      await directory.rememberUser(asker.aadObjectId, { id: asker.id, name: asker.name, serviceUrl: activity.serviceUrl, tenantId: replyTarget(activity).tenantId });
    }
    if (activity.value !== undefined && activity.value !== null) {
      const submission = readSubmission(activity.value);
      if (submission.kind === 'action') return button(context, asker, submission.action);
      if (submission.kind === 'notice-form') return deps.noticeTurns.submit(context, asker, submission.fields);
      logger.warn({ value: typeof activity.value }, 'unreadable card submission ignored');
      await context.sendActivity(teamsMessages.unreadableButton);
      return;
    }
    const text = messageText(activity);
    const forgetCommand = parseForgetCommand(text);
    if (forgetCommand) return forget(context, asker, forgetCommand);
    await command(context, asker, parseCommand(text));
  }

  async function membership(activity: Partial<Activity>): Promise<void> {
    const botId = activity.recipient?.id;
    const team = teamTargetFrom(activity);
    if (!team || !botId) return;
    const action = (activity as { action?: string }).action;
    const added = activity.membersAdded?.some((m) => m.id === botId) || (activity.type === 'installationUpdate' && action === 'add');
    const removed = activity.membersRemoved?.some((m) => m.id === botId) || (activity.type === 'installationUpdate' && action === 'remove');
    if (added) await directory.installed(team);
    else if (removed) await directory.removed(team.teamId);
  }

  return async (context) => {
    const activity = context.activity;
    // Teams retries a delivery it thinks failed; the same activity must not be answered twice.
    // Activity ids are unique within a conversation, so the key carries both.
    if (activity.id && activity.type === 'message') {
      const first = await store.claimEvent(`teams:${activity.conversation?.id ?? ''}:${activity.id}`);
      if (!first) {
        logger.info({ activityId: activity.id }, 'duplicate Teams activity ignored');
        return;
      }
    }
    if (activity.type === 'message') return message(context);
    if (activity.type === 'conversationUpdate' || activity.type === 'installationUpdate') return membership(activity);
  };
}

/** The core's help predates `forget`: its officers' line goes after the core's own officers' line. */
function withForgetHelp(card: AdaptiveCard): AdaptiveCard {
  const officers = card.body.findIndex((e) => typeof e.text === 'string' && e.text.startsWith('- Officers'));
  const at = officers === -1 ? card.body.length : officers + 1;
  return { ...card, body: [...card.body.slice(0, at), textBlock(teamsMessages.helpForget), ...card.body.slice(at)] };
}

function knownCouncil(core: ProtocolCore, id: string): string | undefined {
  return core.councils().some((c) => c.id === id) ? id : undefined;
}

function councilSummary(core: ProtocolCore, id: string) {
  const p = core.protocol(id);
  return { id: p.id, name: p.name, title: p.title };
}
