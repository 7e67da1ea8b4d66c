import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runShell } from '../../../adapters/shell/shell-adapter';
import { createLogger, silentLogger } from '../../../src/logger';
import { NoticeService } from '../../../src/notices/notice-service';
import { loadCore } from '../../../src/protocol-core';
import { DataProtection } from '../../../src/store/data-protection';
import { openStore } from '../../../src/store/open-store';
import type { BotStore } from '../../../src/store/store';
import { failingStore } from '../../helpers/failing-store';
import { ShellDriver } from '../../helpers/shell-driver';
import { LogLines } from '../../helpers/slack-test-bot';

const core = loadCore('content', 'model');

/** A reply as one line of words: wrapping and the quote bar removed, for matching phrases. */
const flat = (reply: string) => reply.replace(/\n {2}│ ?/g, ' ').replace(/\s+/g, ' ');

describe('terminal chat', () => {
  let dir: string;
  let store: BotStore;
  let shell: ShellDriver;
  let done: Promise<void>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shell-'));
    store = await openStore({ dataDir: dir, logger: silentLogger() });
    const notices = new NoticeService({ store, couriers: [], logger: silentLogger(), council: 'model' });
    shell = new ShellDriver({ columns: 72 });
    done = runShell({ core, store, notices, dataProtection: new DataProtection(store, silentLogger()), logger: silentLogger(), input: shell.input, output: shell.output, council: 'model' });
    await shell.next();
  });

  afterEach(async () => {
    shell.end();
    await done;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a question with the clause and the escalation path', async () => {
    // A complaint, so the whole escalation route is shown (a plain question shows only the steps governing its clause).
    const reply = await shell.send("I'm not happy: can I tell the groundsman what to do?");
    expect(reply).toMatch(/Clause 2\.2\.4/);
    expect(flat(reply)).toMatch(/Councillors should not involve themselves in the day to day running of the Council/);
    expect(reply).toMatch(/as a councillor go to/);
  });

  it('looks up a clause by number and says when one does not exist', async () => {
    expect(await shell.send('clause 3.3')).toMatch(/Clause 3\.3: Some General Principles/);
    expect(await shell.send('2.9')).toMatch(/There is no clause 2\.9/);
  });

  it('switches council and role, and rejects unknown ones clearly', async () => {
    expect(await shell.send('/council atlantis')).toMatch(/don't know a council called "atlantis"/);
    expect(await shell.send('/council hexham')).toMatch(/Hexham Town Council/);
    expect(await shell.send('5.3')).toMatch(/If a Councillor is dissatisfied/);
    expect(await shell.send('/role mayor')).toMatch(/not a role I know/);
    expect(await shell.send('/role officer')).toMatch(/an officer/);
    expect(await shell.send('I am dissatisfied with the performance of an employee')).toMatch(/as an officer go to/);
  });

  it('gives help and handles empty and oversized input without crashing', async () => {
    const help = await shell.send('help');
    expect(help).toMatch(/Look up a clause/);
    // Examples are the model protocol's own numbers, not another council's.
    expect(help).not.toContain('3.1(e)');
    expect(help).toContain('2.4');
    expect(core.protocol('model').clauses.some((c) => c.id === '2.4')).toBe(true);
    expect(await shell.send('')).toMatch(/type a question/);
    expect(await shell.send('y'.repeat(10_000))).toMatch(/too long/);
  });

  it('refuses officer-only commands to a councillor and stores nothing', async () => {
    expect(await shell.send('notice')).toMatch(/only officers can/i);
    expect(await shell.send('notices')).toMatch(/only officers can/i);
    expect(await shell.send('report')).toMatch(/only officers can/i);
    expect(await store.listNotices('model')).toEqual([]);
  });

  it('walks an officer through filing a notice, checking each field as it is typed', async () => {
    await shell.send('/role officer');
    expect(await shell.send('notice')).toMatch(/for Model.*\nPolitical group: $/s);
    expect(await shell.send('   ')).toBe('• Political group is required.\nPolitical group: ');
    expect(await shell.send('Labour group')).toMatch(/Meeting date \(e\.g\. 23 November 2026\): $/);
    // An ambiguous date is refused at once, and the same field is asked again.
    const ambiguous = await shell.send('12/11/2026');
    expect(ambiguous).toMatch(/could be 12 November or 11 December/);
    expect(ambiguous).toMatch(/Meeting date \(e\.g\. 23 November 2026\): $/);
    expect(await shell.send('31 February 2026')).toMatch(/not a real date/);
    expect(await shell.send('20 November 2026')).toMatch(/Officer\(s\) who attended: $/);
    expect(await shell.send('Town Clerk')).toMatch(/Advice given/);
    expect(await shell.send('The precept was set at £120,000 on 1 March.')).toMatch(/Information provided/);
    expect(await shell.send('')).toMatch(/Notice filed in the Model .* register/);
    const register = await shell.send('notices');
    expect(register).toMatch(/2026-11-20\s+Labour group/);
    expect(await store.listNotices('model')).toHaveLength(1);
  });

  it('files a notice under the council selected, and shows that council\'s register', async () => {
    await shell.send('/role officer');
    await shell.send('/council hexham');
    expect(await shell.send('notice')).toMatch(/for Hexham Town Council/);
    for (const line of ['Independent group', '2026-11-23', 'Town Clerk', 'Standing orders were explained.']) await shell.send(line);
    expect(await shell.send('')).toMatch(/Notice filed in the Hexham Town Council register/);
    expect(await store.listNotices('hexham')).toHaveLength(1);
    expect(await store.listNotices('model')).toHaveLength(0);
    expect(await shell.send('notices')).toMatch(/2026-11-23\s+Independent group/);
    await shell.send('/council model');
    expect(flat(await shell.send('notices'))).toMatch(/register is empty/);
  });

  it('reports unanswered questions grouped, with a count', async () => {
    await shell.send('recipe for lemon drizzle cake');
    await shell.send('Recipe for lemon drizzle cake?');
    await shell.send('/role officer');
    const report = await shell.send('report');
    expect(report).toMatch(/• 2× Recipe for lemon drizzle cake\? \(unanswered; last \d{4}-\d{2}-\d{2}\)/);
    expect(report.match(/lemon drizzle/g)).toHaveLength(1);
  });

  describe('forget <user id>', () => {
    const SLACK_COUNCILLOR = 'U0COUNCIL1';
    const askedInSlack = () =>
      store.recordUnanswered({ platform: 'slack', userId: SLACK_COUNCILLOR, council: 'model', question: 'Can the clerk walk my dog?' });
    const lastHour = () => store.report('model', new Date(Date.now() - 3600_000));

    it("lets an officer erase a councillor's questions from any platform, with help and a usage line", async () => {
      await askedInSlack();
      await shell.send('/role officer');
      expect(flat(await shell.send('help'))).toContain("forget <user id> erases that person's questions and feedback");
      expect(flat(await shell.send('forget'))).toContain("forget <user id>: erases that person's questions and feedback; the notices register is kept");

      const reply = flat(await shell.send(`forget ${SLACK_COUNCILLOR}`));

      expect(reply).toContain(`Erased 1 question and 0 feedback records for ${SLACK_COUNCILLOR}.`);
      expect(await lastHour()).toEqual([]);
      expect(flat(await shell.send('report'))).not.toContain('walk my dog');
    });

    it('refuses a councillor politely and erases nothing', async () => {
      await askedInSlack();

      expect(await shell.send(`forget ${SLACK_COUNCILLOR}`)).toMatch(/only officers can erase a person's questions and feedback/i);

      expect(await lastHour()).toEqual([expect.objectContaining({ kind: 'unanswered', question: 'Can the clerk walk my dog?' })]);
    });
  });

  it('wraps replies to the terminal width at word boundaries', async () => {
    const reply = await shell.send('3.3');
    const lines = reply.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(72);
    expect(lines.filter((l) => l.startsWith('  │ ')).length).toBeGreaterThan(1);
    expect(reply).not.toContain('\u001b[');
  });

  it('ends on /quit', async () => {
    shell.input.write('/quit\n');
    await done;
    expect(shell.pending()).toBe('Goodbye.\n');
  });
});

describe('terminal chat with its database down', () => {
  it('says the records are not answering, with no error detail, and logs it at error level', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shell-down-'));
    const real = await openStore({ dataDir: dir, logger: silentLogger() });
    const { store, failing } = failingStore(real);
    const logs = new LogLines();
    const logger = createLogger({ level: 'info', destination: logs });
    const notices = new NoticeService({ store, couriers: [], logger, council: 'model' });
    const shell = new ShellDriver({ columns: 200 });
    const done = runShell({ core, store, notices, dataProtection: new DataProtection(store, logger), logger, input: shell.input, output: shell.output, council: 'model', role: 'officer' });
    try {
      await shell.next();
      failing.add('report');
      failing.add('forgetUser');

      for (const line of ['report', 'forget U0COUNCIL1']) {
        const reply = await shell.send(line);
        expect(reply).toContain("The bot's records are not answering just now, so this could not be done.");
        expect(reply).toContain('check the register (`notices`) before trying again');
        expect(reply).not.toMatch(/PostgreSQL|ECONNREFUSED|Error|at .*\.ts/);
      }
      const failures = logs.lines.filter((l) => l.msg === 'terminal turn failed');
      expect(failures).toHaveLength(2);
      expect(failures.every((l) => l.level === 50 && l.err.code === 'STORE_FAILURE')).toBe(true);

      failing.clear();
      expect(await shell.send('report')).toMatch(/No unanswered|nothing/i);
    } finally {
      shell.end();
      await done;
      await real.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
