/**
 * The officers' commands in Teams: `notice` (the form, and its submission), `notices` (the
 * register), `notices export` (CSV in code blocks), `report`; and a member's "I've read this".
 * Councillors are refused politely and nothing is stored for them.
 */
import type { TurnContext } from 'botbuilder';
import type { Command } from '../../src/commands';
import { NotAuthorisedError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import { messages } from '../../src/messages';
import { noticeMessages } from '../../src/notices/notice-messages';
import type { NoticeField } from '../../src/notices/notice-model';
import type { NoticeService } from '../../src/notices/notice-service';
import type { BotStore } from '../../src/store/store';
import { cardAttachment, type AdaptiveCard } from './adaptive-card';
import { CARD_LIMITS, codeBlock } from './card-text';
import { renderNoticeForm, renderProgressCard, renderRegisterCard, renderReportCard } from './notice-cards';
import type { NoticeProgressWatcher } from './notice-progress';
import { replyTarget, type TeamsAsker } from './teams-request';
import { teamsMessages } from './teams-messages';

const REPORT_DAYS = 30;
const DAY_MS = 24 * 60 * 60_000;

export interface NoticeTurnsDeps {
  notices: NoticeService;
  store: BotStore;
  logger: Logger;
  council: string;
  progress: NoticeProgressWatcher;
}

export class NoticeTurns {
  constructor(private readonly deps: NoticeTurnsDeps) {}

  async command(context: TurnContext, asker: TeamsAsker, cmd: Exclude<Command, { kind: 'help' | 'ask' }>): Promise<void> {
    switch (cmd.kind) {
      case 'notice':
        if (asker.role !== 'officer') return this.refuse(context, asker, noticeMessages.refusal);
        await this.sendCard(context, renderNoticeForm(), teamsMessages.noticeFormTitle);
        return;
      case 'notices':
        return cmd.export ? this.exportCsv(context, asker) : this.register(context, asker);
      case 'report': {
        if (asker.role !== 'officer') return this.refuse(context, asker, messages.officersOnly('see the report of unanswered questions'));
        const rows = await this.deps.store.report(this.deps.council, new Date(Date.now() - REPORT_DAYS * DAY_MS));
        await this.sendCard(context, renderReportCard(rows, REPORT_DAYS), teamsMessages.reportHeading(REPORT_DAYS));
        return;
      }
    }
  }

  /** The form came back: file it, or send it back with an error under each rejected field. */
  async submit(context: TurnContext, asker: TeamsAsker, fields: Partial<Record<NoticeField, string>>): Promise<void> {
    let result;
    try {
      result = await this.deps.notices.file(
        fields,
        { platform: 'teams', userId: asker.id, name: asker.name, role: asker.role },
        { submissionKey: submissionKeyOf(context) },
      );
    } catch (err) {
      if (err instanceof NotAuthorisedError) return this.refuse(context, asker, noticeMessages.refusal);
      throw err;
    }
    if (!result.ok) {
      this.deps.logger.info({ fields: Object.keys(result.errors) }, 'notice form sent back with errors');
      await this.sendCard(context, renderNoticeForm(fields, result.errors), teamsMessages.noticeFormFix);
      return;
    }
    const sent = await this.sendCard(context, renderProgressCard(result.notice, undefined, false), noticeMessages.filed);
    if (sent?.id) this.deps.progress.watch(result.notice, replyTarget(context.activity), sent.id);
  }

  async acknowledge(context: TurnContext, asker: TeamsAsker, noticeId: string): Promise<void> {
    // Only someone the notice was sent to can say they have read it; the service checks and logs.
    const counted = await this.deps.notices.acknowledge(noticeId, 'teams', asker.id);
    await context.sendActivity(counted ? noticeMessages.acknowledged : teamsMessages.notARecipient);
  }

  private async register(context: TurnContext, asker: TeamsAsker): Promise<void> {
    let rows;
    try {
      rows = await this.deps.notices.register(asker.role);
    } catch (err) {
      if (err instanceof NotAuthorisedError) return this.refuse(context, asker, noticeMessages.registerRefusal);
      throw err;
    }
    await this.sendCard(context, renderRegisterCard(rows), teamsMessages.registerHeading(rows.length));
  }

  /** Teams bots cannot attach a file outside personal chats without a consent flow, so CSV goes in code blocks. */
  private async exportCsv(context: TurnContext, asker: TeamsAsker): Promise<void> {
    let csv;
    try {
      csv = await this.deps.notices.exportCsv(asker.role);
    } catch (err) {
      if (err instanceof NotAuthorisedError) return this.refuse(context, asker, noticeMessages.registerRefusal);
      throw err;
    }
    const [header, ...rows] = csvRecords(csv);
    if (!rows.length) {
      await context.sendActivity(teamsMessages.exportEmpty);
      return;
    }
    // Each part repeats the header so it can be pasted into a spreadsheet on its own.
    const parts = packRecords(rows, CARD_LIMITS.messageText - (header?.length ?? 0) - 1).map((part) => `${header}\n${part}`);
    for (const [i, part] of parts.entries()) {
      await context.sendActivity({ type: 'message', textFormat: 'markdown', text: `${teamsMessages.exportIntro(i + 1, parts.length)}\n\n${codeBlock(part)}` });
    }
  }

  private async refuse(context: TurnContext, asker: TeamsAsker, text: string): Promise<void> {
    this.deps.logger.info({ userId: asker.id, role: asker.role }, 'officers-only command refused');
    await context.sendActivity(text);
  }

  private sendCard(context: TurnContext, card: AdaptiveCard, summary: string) {
    return context.sendActivity({ type: 'message', summary, attachments: [cardAttachment(card)] });
  }
}

/**
 * The form card a submission came from (replyToId), so pressing "File notice" twice on one card
 * files once; a submission with no card reference is keyed by its own activity id.
 */
function submissionKeyOf(context: TurnContext): string | undefined {
  const a = context.activity;
  const conversation = a.conversation?.id ?? '';
  if (a.replyToId) return `teams-card:${conversation}:${a.replyToId}`;
  return a.id ? `teams-activity:${conversation}:${a.id}` : undefined;
}

/** CSV records (a quoted cell may hold line breaks), each without its line end. */
export function csvRecords(csv: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < csv.length; i += 1) {
    const c = csv[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || (c === '\r' && csv[i + 1] === '\n'))) {
      records.push(csv.slice(start, i));
      if (c === '\r') i += 1;
      start = i + 1;
    }
  }
  if (start < csv.length) records.push(csv.slice(start));
  return records;
}

/** Whole records packed into parts of at most `max` characters (a longer record is a part alone). */
function packRecords(records: string[], max: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const record of records) {
    if (current && current.length + 1 + record.length > max) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current}\n${record}` : record;
  }
  if (current) parts.push(current);
  return parts;
}
