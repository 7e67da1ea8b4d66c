/**
 * Section 3: the real HTTP server (startBot, in its own process) under load from autocannon, with
 * signed Slack slash commands and Teams message activities, against a bare node:http server given
 * the same load. The fake Slack Web API and Bot Connector run here, in the load generator's
 * process, as the outside world does.
 */
import { join } from 'node:path';
import autocannon from 'autocannon';
import { FakeBotConnector } from '../test/helpers/fake-bot-connector';
import { FAKE_BOT_TOKEN, FakeSlackApi } from '../test/helpers/fake-slack-api';
import { aSlashCommand } from '../test/helpers/slack-payloads';
import { TEST_SIGNING_SECRET, slackSignatureHeaders } from '../test/helpers/slack-signing';
import { aPersonalMessage } from '../test/helpers/teams-activities';
import { BenchChild } from './child-process';
import type { HttpTargetArgs, HttpTargetCommand } from './http-target';
import { describeHot, describePlaces, type ProfileSummary } from './cpu-profile';
import { verdict, type Row, type SectionReport } from './report';
import { CONTENT_DIR, DEFAULT_COUNCIL } from './seed-content';
import { formatMs } from './stats';

const LOAD = { connections: 50, durationS: 10, warmupS: 2, timeoutS: 10, profileS: 3 };
/** Bolt answers with the project's Block Kit; the floor acks with one section block. */
const HAS_BLOCKS = (body: string) => body.includes('"blocks"');
const TARGET_SHARE_OF_BARE = 0.5;
const TARGET_CHILD = join(__dirname, 'http-target.ts');
const SLACK_PATH = '/slack/events';
const TEAMS_PATH = '/api/messages';

const QUESTIONS = [
  'can I ask the clerk to deliver my campaign leaflets',
  'can I ask the clerk to draft my election leaflet',
  'can I ask the clerk to change the recommendation in her report',
  'can I ask the clerk to tell the groundsman which verges to cut',
  'can I ask the clerk to come to our labour group meeting',
];

export const HTTP_TITLE = '3. HTTP throughput';

interface Run {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}

export async function measureHttp(): Promise<SectionReport> {
  const slackApi = await FakeSlackApi.start();
  const connector = await FakeBotConnector.start();
  try {
    const slack = slackCommands(slackApi.responseUrl('bench'));
    const teams = teamsMessages(connector.url);
    const bare = await withTarget('bare', slackApi, ({ port }) => load(port, slack));
    const boltFloor = await withTarget('bolt-floor', slackApi, ({ port }) => load(port, slack, HAS_BLOCKS));
    const teamsFloor = await withTarget('teams-floor', slackApi, ({ port }) => load(port, teams));
    let teamsReplies = 0;
    const [slackRun, teamsRun, slackProfile, teamsProfile] = await withTarget('bot', slackApi, async (target) => {
      const s = await load(target.port, slack, HAS_BLOCKS);
      const before = connector.activities.length;
      const t = await load(target.port, teams);
      teamsReplies = connector.activities.length - before;
      // Profiled separately, so the profiler's own cost is not in the figures above.
      const sp = await target.profile(() => burst(target.port, slack));
      const tp = await target.profile(() => burst(target.port, teams));
      return [s, t, sp, tp] as const;
    });
    return {
      title: HTTP_TITLE,
      method: `autocannon (programmatic), ${LOAD.connections} connections for ${LOAD.durationS} s after a ${LOAD.warmupS} s warm-up, against startBot in its own process (Slack HTTP mode + Teams, SQLite in a temp dir, logging silent); baseline: a bare node:http server in its own process answering 200 with a fixed body to the same signed Slack requests.`,
      rows: [
        ...platformRows('Slack /protocol (signed, form-encoded)', slackRun, bare),
        floorRow('Bolt alone: HTTPReceiver, fixed ack (diagnosis)', boltFloor, slackRun, bare),
        ...platformRows('Teams message activity', teamsRun, bare),
        floorRow('botbuilder alone: CloudAdapter, fixed text reply (diagnosis)', teamsFloor, teamsRun, bare),
      ],
      notes: [
        `Requests completed in the measured ${LOAD.durationS} s: bare ${bare.total}, Slack ${slackRun.total}, Teams ${teamsRun.total} (Teams replies the fake Bot Connector received, warm-up included: ${teamsReplies}).`,
        'The framework rows run Bolt, and botbuilder behind the project\'s HTTP bridge, with a fixed reply and nothing else (no core, store or rendering), under the same load: the most the bot could reach on those frameworks, and so how much of the gap to bare node:http is the bot\'s own.',
        'Every Slack request is signed as it is sent (v0 HMAC over v0:timestamp:body, fresh timestamp) and must come back with Block Kit blocks; every Teams activity has a new id, so none is dropped as a duplicate, and its answer card goes to the fake Bot Connector before the 200.',
        `Where the bot's CPU goes under Slack load (profiled in a separate ${LOAD.profileS} s run): ${describePlaces(slackProfile.places)}; hottest: ${slackProfile.functions.map(describeHot).join('; ')}.`,
        `Where the bot's CPU goes under Teams load (same): ${describePlaces(teamsProfile.places)}; hottest: ${teamsProfile.functions.map(describeHot).join('; ')}.`,
        'The bot under load is started with HOST=127.0.0.1, so it listens on loopback only.',
      ],
    };
  } finally {
    await connector.close();
    await slackApi.close();
  }
}

interface Target {
  port: number;
  /** Profiles the target while `work` runs. */
  profile(work: () => Promise<unknown>): Promise<ProfileSummary>;
}

/** Starts a target process, runs `work` against it, and stops it. */
async function withTarget<T>(mode: HttpTargetArgs['mode'], slackApi: FakeSlackApi, work: (target: Target) => Promise<T>): Promise<T> {
  const args: HttpTargetArgs = {
    mode,
    contentDir: CONTENT_DIR,
    council: DEFAULT_COUNCIL,
    slackApiUrl: slackApi.apiUrl,
    botToken: FAKE_BOT_TOKEN,
    signingSecret: TEST_SIGNING_SECRET,
  };
  const child = BenchChild.start(TARGET_CHILD, args, { timeoutMs: 120_000 });
  try {
    const { port } = (await child.next()) as { port: number };
    const tell = (command: HttpTargetCommand) => child.send(command);
    return await work({
      port,
      async profile(during) {
        tell({ command: 'profile-start' });
        await child.next();
        await during();
        tell({ command: 'profile-stop' });
        return (await child.next()) as ProfileSummary;
      },
    });
  } finally {
    child.send({ command: 'stop' } satisfies HttpTargetCommand);
    await child.stop();
  }
}

async function load(port: number, request: autocannon.Request, verifyBody?: (body: string) => boolean): Promise<Run> {
  const options = { url: `http://127.0.0.1:${port}`, connections: LOAD.connections, timeout: LOAD.timeoutS, requests: [request] };
  await autocannon({ ...options, duration: LOAD.warmupS });
  const r = await autocannon({ ...options, duration: LOAD.durationS, ...(verifyBody ? { verifyBody } : {}) });
  return {
    rps: r.requests.average,
    total: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    mismatches: verifyBody ? r.mismatches : 0,
  };
}

/** The same load for a short while, results unused: the bot is being profiled. */
async function burst(port: number, request: autocannon.Request): Promise<void> {
  await autocannon({ url: `http://127.0.0.1:${port}`, connections: LOAD.connections, timeout: LOAD.timeoutS, requests: [request], duration: LOAD.profileS });
}

/** `/protocol can I ask the clerk to…`, signed as Slack signs it, a fresh signature per request. */
function slackCommands(responseUrl: string): autocannon.Request {
  let n = 0;
  return {
    method: 'POST',
    path: SLACK_PATH,
    setupRequest: (request) => {
      const { body, contentType } = aSlashCommand({ text: QUESTIONS[n++ % QUESTIONS.length], response_url: responseUrl });
      return { ...request, body, headers: { 'content-type': contentType, ...slackSignatureHeaders(body, { secret: TEST_SIGNING_SECRET }) } };
    },
  };
}

/** A councillor's message in the bot's personal chat, each with a new activity id. */
function teamsMessages(serviceUrl: string): autocannon.Request {
  let n = 0;
  return {
    method: 'POST',
    path: TEAMS_PATH,
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify(aPersonalMessage({ serviceUrl, text: QUESTIONS[n++ % QUESTIONS.length]! })),
      headers: { 'content-type': 'application/json' },
    }),
  };
}

function floorRow(name: string, floor: Run, bot: Run, bare: Run): Row {
  const failed = floor.errors + floor.timeouts + floor.non2xx + floor.mismatches;
  return {
    measure: name,
    target: '—',
    measured: `${Math.round(floor.rps)} req/s (${pct(floor.rps / bare.rps)} of bare), p99 ${formatMs(floor.p99)}${failed ? `, ${failed} failed` : ''}`,
    baseline: `the bot reaches ${pct(bot.rps / floor.rps)} of this`,
    verdict: 'report only',
  };
}

const pct = (share: number) => `${(share * 100).toFixed(0)}%`;

function platformRows(name: string, run: Run, bare: Run): Row[] {
  const share = run.rps / bare.rps;
  const failures = (r: Run) => `${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx${r.mismatches ? `, ${r.mismatches} wrong replies` : ''}`;
  return [
    {
      measure: `${name}: requests/s`,
      target: `≥ ${TARGET_SHARE_OF_BARE * 100}% of bare`,
      measured: `${Math.round(run.rps)} req/s (${pct(share)} of bare)`,
      baseline: `${Math.round(bare.rps)} req/s`,
      verdict: verdict(share >= TARGET_SHARE_OF_BARE),
    },
    { measure: `${name}: latency`, target: '—', measured: `p50 ${formatMs(run.p50)} · p99 ${formatMs(run.p99)}`, baseline: `p50 ${formatMs(bare.p50)} · p99 ${formatMs(bare.p99)}`, verdict: 'report only' },
    { measure: `${name}: errors`, target: '—', measured: failures(run), baseline: failures(bare), verdict: 'report only' },
  ];
}
