/**
 * Hostile requests against the bot as deployed (its own process, the real entry point, Slack HTTP
 * mode and Teams on the shared server): signed bodies of every wrong shape (JSON null among them,
 * which used to kill the process), oversized and trickling bodies, replayed and future-dated
 * signatures. The process must keep serving throughout, hold no large body in memory, and act on
 * nothing it refused.
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aNotice } from '../../builders/notice-builders';
import { FAKE_BOT_TOKEN, FakeSlackApi } from '../../helpers/fake-slack-api';
import { largeBody, stalledBody } from '../../helpers/raw-http';
import { BotProcess } from '../../helpers/slack-bot-process';
import { OFFICER, aSlashCommand, aViewSubmission, noticeFormState } from '../../helpers/slack-payloads';
import { TEST_SIGNING_SECRET, slackSignatureHeaders } from '../../helpers/slack-signing';
import { textOf } from '../../helpers/slack-test-bot';

const MB = 1024 * 1024;

/** Resident memory of a process, in bytes, from /proc. */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(/(\d+)/.exec(line)![1]) * 1024;
}

describe('Slack and Teams over HTTP: hostile requests against the running bot', () => {
  let fake: FakeSlackApi;
  let dataDir: string;
  let bot: BotProcess;
  let base: string;

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    fake.addUser({ id: OFFICER });
    dataDir = mkdtempSync(join(tmpdir(), 'slack-hostile-'));
    bot = await BotProcess.start({
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_OFFICER_IDS: OFFICER,
      MicrosoftAppId: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      MicrosoftAppPassword: 'not-a-real-secret',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      COUNCIL: 'model',
    });
    base = `http://127.0.0.1:${bot.port}`;
  }, 60_000);
  afterAll(async () => {
    await bot.stop();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (body: string | Buffer, headers: Record<string, string>, path = '/slack/events') =>
    fetch(`${base}${path}`, { method: 'POST', headers, body });
  const signed = (contentType: string, body: string, timestamp?: number) =>
    post(body, { 'content-type': contentType, ...slackSignatureHeaders(body, { timestamp }) });
  const healthy = async () => (await fetch(`${base}/healthz`)).status;

  const FORM = 'application/x-www-form-urlencoded';
  const JSON_TYPE = 'application/json';
  const malformed: [string, string, string][] = [
    ['form payload=null', FORM, 'payload=null'],
    ['JSON body null', JSON_TYPE, 'null'],
    ['form payload=[]', FORM, 'payload=%5B%5D'],
    ['form payload=1', FORM, 'payload=1'],
    ['form payload="x"', FORM, 'payload=%22x%22'],
    ['form payload not JSON', FORM, 'payload=%7Bnope'],
    ['form payload without a type', FORM, 'payload=%7B%7D'],
    ['form payload twice', FORM, `payload=${encodeURIComponent('{"type":"block_actions"}')}&payload=null`],
    ['empty form', FORM, ''],
    ['form with neither payload nor command', FORM, 'text=hello'],
    ['JSON array', JSON_TYPE, '[]'],
    ['JSON string', JSON_TYPE, '"event_callback"'],
    ['JSON number', JSON_TYPE, '42'],
    ['JSON object without a type', JSON_TYPE, '{}'],
    ['JSON type not a string', JSON_TYPE, '{"type":null}'],
    ['not JSON at all', JSON_TYPE, '{"type":'],
    ['empty JSON body', JSON_TYPE, ''],
    ['text/plain body', 'text/plain', 'payload=null'],
  ];

  it.each(malformed.map((m, i) => [...m, i] as const))('answers a signed %s with 400 and keeps serving', async (_name, contentType, body, i) => {
    // Each signed at its own second: two of these bodies are byte-for-byte the same, and the same
    // body signed in the same second is the same signature (a replay).
    const res = await signed(contentType, body, Math.floor(Date.now() / 1000) - i);

    expect(res.status).toBe(400);
    expect(await healthy()).toBe(200);
    expect(bot.running).toBe(true);
  });

  it('is still the same process after all of them, with nothing on stderr', async () => {
    expect(bot.running).toBe(true);
    expect(await healthy()).toBe(200);
    expect(bot.stderrText).toBe('');
    expect(bot.logs.filter((l) => l.msg === 'unhandled promise rejection; still serving')).toEqual([]);
  });

  it('refuses four parallel 10 MB unsigned bodies with 413 without holding them in memory', async () => {
    const before = rssOf(bot.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(bot.pid))), 10);
    const answers = await Promise.all([
      largeBody(bot.port, '/slack/events', 10 * MB),
      largeBody(bot.port, '/slack/events', 10 * MB),
      largeBody(bot.port, '/slack/events', 10 * MB, { chunked: true }),
      largeBody(bot.port, '/api/messages', 10 * MB, { chunked: true }),
    ]);
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(bot.pid));

    expect(answers.map((a) => a.status)).toEqual([413, 413, 413, 413]);
    const growthMb = (peak - before) / MB;
    process.stdout.write(`RSS growth from 4 parallel 10 MB bodies: ${growthMb.toFixed(1)} MB (before ${(before / MB).toFixed(0)} MB)\n`);
    expect(growthMb).toBeLessThan(30);
    expect(await healthy()).toBe(200);
  }, 60_000);

  it('refuses a signed body over 1 MB with 413 before reading it', async () => {
    const body = `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', pad: 'x'.repeat(MB) }))}`;
    const res = await signed(FORM, body);
    expect(res.status).toBe(413);
  });

  it('answers a body that stops arriving with 408, on Slack and Teams routes alike', async () => {
    const [slack, teams] = await Promise.all([
      stalledBody(bot.port, '/slack/events', { declared: 1000, sent: '{"type":"event_callback",' }),
      stalledBody(bot.port, '/api/messages', { declared: 1000, sent: '{"type":"message",' }),
    ]);
    expect(slack.status).toBe(408);
    expect(teams.status).toBe(408);
    expect(await healthy()).toBe(200);
  }, 60_000);

  it('refuses a replayed signed request and does what it asked only once', async () => {
    // A councillor asking for the report is answered through the response_url, once per request.
    const command = aSlashCommand({ text: 'report', response_url: fake.responseUrl('replayed') });
    const headers = { 'content-type': command.contentType, ...slackSignatureHeaders(command.body) };

    const first = await post(command.body, headers);
    const replay = await post(command.body, headers);

    expect(first.status).toBe(200);
    expect(replay.status).toBe(401);
    // A request sent after both is answered, and only the first of the two ever was.
    const after = aSlashCommand({ text: 'report', response_url: fake.responseUrl('after-replay') });
    await signed(after.contentType, after.body);
    await fake.waitForResponse('after-replay');
    await fake.waitForResponse('replayed');
    expect(fake.responses.filter((r) => r.key === 'replayed')).toHaveLength(1);
    expect(bot.logs.some((l) => l.reason === 'signature already used (replay)')).toBe(true);
  });

  it('refuses a timestamp more than five minutes in the future', async () => {
    const command = aSlashCommand({ text: '2.4', response_url: fake.responseUrl('future') });
    const res = await signed(command.contentType, command.body, Math.floor(Date.now() / 1000) + 3600);
    expect(res.status).toBe(401);
  });

  it('files a view_submission once when it is replayed, retried or double-clicked', async () => {
    const values = noticeFormState(aNotice({ group: 'Replay Group' }) as Record<string, string>);
    const submission = aViewSubmission({ callbackId: 'notice_modal', user: OFFICER, values, viewId: 'VREPLAYED01' });
    const headers = { 'content-type': submission.contentType, ...slackSignatureHeaders(submission.body) };

    expect((await post(submission.body, headers)).status).toBe(200);
    expect((await post(submission.body, headers)).status).toBe(401); // the same signed bytes again
    // Slack's retry (signed again when sent) and a second click carry the same view id.
    const retried = await post(submission.body, {
      'content-type': submission.contentType,
      'x-slack-retry-num': '1',
      ...slackSignatureHeaders(submission.body, { timestamp: Math.floor(Date.now() / 1000) + 1 }),
    });
    expect(retried.status).toBe(200);
    const again = aViewSubmission({ callbackId: 'notice_modal', user: OFFICER, values, viewId: 'VREPLAYED01' });
    expect((await signed(again.contentType, again.body)).status).toBe(200);

    // Each of the three ends with the modal updated, or with "already being filed"; then count.
    const settled = () =>
      fake.callsTo('views.update').filter((c) => JSON.stringify(c.params.view).includes('Replay Group')).length +
      bot.logs.filter((l) => l.msg === 'notice submission already being filed; not filed again').length;
    while (settled() < 3) await new Promise((resolve) => setTimeout(resolve, 50));
    const register = aSlashCommand({ text: 'notices', user_id: OFFICER, response_url: fake.responseUrl('register-after-replay') });
    await signed(register.contentType, register.body);
    const listed = textOf((await fake.waitForResponse('register-after-replay')).body);
    expect(listed.split('Replay Group').length - 1).toBe(1);
  }, 60_000);
});
