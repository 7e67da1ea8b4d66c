/**
 * The terminal chat: a councillor or officer types questions and commands. Streams are injected,
 * so a test drives it with a PassThrough and awaits the prompt instead of sleeping.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseCommand, parseForgetCommand } from '../../src/commands';
import type { ProtocolCore } from '../../src/core';
import { BotError } from '../../src/errors';
import type { Logger } from '../../src/logger';
import { messages } from '../../src/messages';
import { ROLES, type Role } from '../../src/protocol/model';
import { type DataProtection, describeErasure } from '../../src/store/data-protection';
import type { BotStore, NoticeSummary } from '../../src/store/store';
import type { NoticeService } from '../../src/notices/notice-service';
import { registerCsv } from '../../src/notices/notice-register-csv';
import { shellMessages } from './shell-messages';
import { renderAnswer } from './shell-render';
import { NoticeWizard } from './shell-notice-wizard';
import { groupReport, reportText } from './shell-report';
import { widthOf, wrap } from './terminal-text';

export interface ShellDeps {
  core: ProtocolCore;
  store: BotStore;
  notices: NoticeService;
  dataProtection: DataProtection;
  logger: Logger;
  input: Readable;
  output: Writable;
  council?: string;
  role?: Role;
  userId?: string;
  /** Ends the chat (e.g. on SIGTERM) as if the input had closed. */
  signal?: AbortSignal;
  /** Bold and colour: only for a colour terminal (the caller checks isTTY and NO_COLOR). Default off. */
  color?: boolean;
  /** Columns to wrap at; default the output's own `columns` (read at each reply), else 80. */
  width?: number;
}

/** Days of questions the officers' report covers. */
const REPORT_DAYS = 30;

export const PROMPT = '> ';

/** Runs the chat until the input ends or the user quits. */
export async function runShell(deps: ShellDeps): Promise<void> {
  let council = deps.council ?? deps.core.defaultCouncil;
  let role: Role = deps.role ?? 'councillor';
  const userId = deps.userId ?? 'terminal';
  const width = () => deps.width ?? widthOf(deps.output as { columns?: number });
  /** Plain text, wrapped to the window at word boundaries. */
  const write = (text: string) => deps.output.write(`${wrap(text, width()).join('\n')}\n`);
  let wizard: NoticeWizard | undefined;

  const rl = createInterface({ input: deps.input, terminal: false });
  deps.signal?.addEventListener('abort', () => rl.close(), { once: true });
  write(`${deps.core.protocol(council).name}: protocol guidance. Type a question, a clause number, "help", or /quit.`);
  write(`(council: ${council}, role: ${role})`);
  deps.output.write(PROMPT);

  for await (const line of rl) {
    try {
      if (wizard) {
        const done = await wizard.answer(line, write);
        if (done) wizard = undefined;
      } else {
        const result = await handleLine(line.trim());
        if (result === 'quit') break;
      }
    } catch (err) {
      deps.logger.error({ err }, 'terminal turn failed');
      write(errorReply(err));
      wizard = undefined;
    }
    deps.output.write(wizard ? wizard.prompt() : PROMPT);
  }
  rl.close();

  async function handleLine(text: string): Promise<'quit' | void> {
    if (text === '/quit' || text === '/exit' || text === 'quit' || text === 'exit') {
      write('Goodbye.');
      return 'quit';
    }
    if (text === '/councils') {
      write(deps.core.councils().map((c) => `${c.id}: ${c.name}`).join('\n'));
      return;
    }
    if (text.startsWith('/council')) {
      const id = text.slice('/council'.length).trim();
      const known = deps.core.councils().map((c) => c.id);
      if (!known.includes(id)) write(messages.unknownCouncil(id, known));
      else {
        council = id;
        write(`Now answering from ${deps.core.protocol(id).name}.`);
      }
      return;
    }
    if (text.startsWith('/role')) {
      const r = text.slice('/role'.length).trim();
      if (!(ROLES as readonly string[]).includes(r)) write(messages.unknownRole(r));
      else {
        role = r as Role;
        write(`You are now treated as ${role === 'officer' ? 'an officer' : 'a councillor'}.`);
      }
      return;
    }
    const forget = parseForgetCommand(text);
    if (forget) {
      if (role !== 'officer') write(messages.officersOnly(shellMessages.forgetRefusal));
      else if (!forget.userId) write(shellMessages.forgetUsage);
      else {
        // Every platform: the officer may paste a Slack or Teams id here.
        const erased = await deps.dataProtection.forget(role, { userId: forget.userId }, { platform: 'shell', userId });
        write(describeErasure(forget.userId, erased));
      }
      return;
    }
    const command = parseCommand(text);
    switch (command.kind) {
      case 'help':
        write(`${deps.core.help(council)}\n${shellMessages.help}`);
        return;
      case 'notice':
        if (role !== 'officer') {
          write(messages.officersOnly('file political-group attendance notices'));
          return;
        }
        wizard = new NoticeWizard(deps.notices, { platform: 'shell', userId, role }, council, deps.core.protocol(council).name);
        write(wizard.intro());
        return;
      case 'notices': {
        if (role !== 'officer') {
          write(messages.officersOnly('see the notices register'));
          return;
        }
        // The register of the council selected, as new notices are filed under it.
        const rows = await deps.store.listNotices(council);
        if (command.export) deps.output.write(`${registerCsv(rows)}\n`);
        else write(renderRegister(rows, deps.core.protocol(council).name));
        return;
      }
      case 'report': {
        if (role !== 'officer') {
          write(messages.officersOnly('see the report'));
          return;
        }
        const since = new Date(Date.now() - REPORT_DAYS * 24 * 3600 * 1000);
        const rows = await deps.store.report(council, since);
        const isGreeting = (question: string) => deps.core.ask({ council, role, text: question }).kind === 'smalltalk';
        write(reportText(groupReport(rows, isGreeting), REPORT_DAYS, deps.core.protocol(council).name));
        return;
      }
      case 'ask': {
        const answer = deps.core.ask({ council, role, text: command.text, asker: { platform: 'shell', id: userId } });
        if (answer.kind === 'no-match') {
          await deps.store.recordUnanswered({ platform: 'shell', userId, council, question: answer.question });
        }
        deps.output.write(`${renderAnswer(answer, { width: width(), color: deps.color ?? false })}\n`);
        return;
      }
    }
  }
}

/** What the user is told when a line failed: never the error itself. */
function errorReply(err: unknown): string {
  if (!(err instanceof BotError)) return messages.somethingWentWrong;
  if (err.code === 'NOT_AUTHORISED') return messages.officersOnly('do that');
  if (err.code === 'STORE_FAILURE') return shellMessages.storeFailure;
  return messages.somethingWentWrong;
}

function renderRegister(rows: NoticeSummary[], councilName: string): string {
  if (!rows.length) return `The ${councilName} notices register is empty.`;
  return rows
    .map(
      (r) =>
        `${r.notice.meetingDate}  ${r.notice.group}  officers: ${r.notice.officers}\n  advice: ${r.notice.advice}\n  filed by ${r.notice.filedBy.name ?? r.notice.filedBy.userId}; delivered ${r.delivered} of ${r.total}; acknowledged ${r.acknowledged}`,
    )
    .join('\n');
}
