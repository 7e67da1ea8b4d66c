import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runShell } from '../../../adapters/shell/shell-adapter';
import { silentLogger } from '../../../src/logger';
import { NoticeService } from '../../../src/notices/notice-service';
import { loadCore } from '../../../src/protocol-core';
import { openStore } from '../../../src/store/open-store';
import type { BotStore } from '../../../src/store/store';
import { ShellDriver } from '../../helpers/shell-driver';

const core = loadCore('content', 'model');

describe('terminal chat', () => {
  let dir: string;
  let store: BotStore;
  let shell: ShellDriver;
  let done: Promise<void>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shell-'));
    store = await openStore({ dataDir: dir, logger: silentLogger() });
    const notices = new NoticeService({ store, couriers: [], logger: silentLogger(), council: 'model' });
    shell = new ShellDriver();
    done = runShell({ core, store, notices, logger: silentLogger(), input: shell.input, output: shell.output, council: 'model' });
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
    expect(reply).toMatch(/Councillors should not involve themselves in the day to day running of the Council/);
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
    expect(await shell.send('help')).toMatch(/Look up a clause/);
    expect(await shell.send('')).toMatch(/type a question/);
    expect(await shell.send('y'.repeat(10_000))).toMatch(/too long/);
  });

  it('refuses officer-only commands to a councillor and stores nothing', async () => {
    expect(await shell.send('notice')).toMatch(/only officers can/i);
    expect(await shell.send('notices')).toMatch(/only officers can/i);
    expect(await shell.send('report')).toMatch(/only officers can/i);
    expect(await store.listNotices('model')).toEqual([]);
  });

  it('walks an officer through filing a notice, re-asking a field that is wrong', async () => {
    await shell.send('/role officer');
    expect(await shell.send('notice')).toMatch(/Political group: $/);
    expect(await shell.send('Labour group')).toMatch(/Meeting date/);
    expect(await shell.send('23/11/2026')).toMatch(/Officer\(s\) who attended: $/);
    expect(await shell.send('Town Clerk')).toMatch(/Advice given/);
    expect(await shell.send('The precept was set at £120,000 on 1 March.')).toMatch(/Information provided/);
    const errors = await shell.send('');
    expect(errors).toMatch(/Meeting date.*: Meeting date must be a date like/);
    expect(errors).toMatch(/Meeting date \(YYYY-MM-DD\): $/);
    for (const line of ['2026-11-20', 'Town Clerk', 'The precept was set at £120,000 on 1 March.']) await shell.send(line);
    expect(await shell.send('')).toMatch(/Notice filed and stored in the register/);
    const register = await shell.send('notices');
    expect(register).toMatch(/2026-11-20\s+Labour group/);
    expect(await store.listNotices('model')).toHaveLength(1);
  });

  it('records an unanswered question for the report', async () => {
    await shell.send('recipe for lemon drizzle cake');
    await shell.send('/role officer');
    expect(await shell.send('report')).toMatch(/unanswered.*lemon drizzle/);
  });

  it('ends on /quit', async () => {
    shell.input.write('/quit\n');
    await done;
    expect(shell.pending()).toBe('Goodbye.\n');
  });
});
