/**
 * CPU profiles of the bench's own work, taken in process with the inspector and reduced to the
 * functions with the most self time (and who called them) and to the share of time per package:
 * the first lines of a diagnosis.
 */
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { REPO_ROOT } from './seed-content';

export interface HotFunction {
  name: string;
  file: string;
  /** Share of all sampled (non-idle) time spent in this function itself. */
  share: number;
  /** The caller it was most often reached from. */
  mainCaller?: string;
}

export interface ProfileSummary {
  functions: HotFunction[];
  /** Self time grouped by where the code lives: a package, src/, adapters/, node internals, GC. */
  places: { place: string; share: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** Starts the sampling profiler; the returned function stops it and summarises. */
export async function startProfile(top = 3): Promise<() => Promise<ProfileSummary>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    try {
      const { profile } = await session.post('Profiler.stop');
      return summarise(profile.nodes as ProfileNode[], profile.samples ?? [], profile.timeDeltas ?? [], top);
    } finally {
      session.disconnect();
    }
  };
}

/** Profiles synchronous `work`; its hottest functions. */
export async function hotFunctions(work: () => void, top = 3): Promise<HotFunction[]> {
  const stop = await startProfile(top);
  work();
  return (await stop()).functions;
}

function summarise(nodes: ProfileNode[], samples: number[], deltas: number[], top: number): ProfileSummary {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // An arrow function is named after the nearest named function that encloses its call.
  const nameOf = (n: ProfileNode): string => {
    if (n.callFrame.functionName) return n.callFrame.functionName;
    for (let p = byId.get(parent.get(n.id) ?? -1); p; p = byId.get(parent.get(p.id) ?? -1)) {
      if (p.callFrame.functionName && p.callFrame.url === n.callFrame.url) return `(arrow in ${p.callFrame.functionName})`;
    }
    return '(anonymous)';
  };
  const label = (n: ProfileNode) => `${nameOf(n)} in ${fileOf(n.callFrame.url)}`;
  // The profiler's own work (answering Profiler.stop) is not the profiled program's.
  const isProfiler = (n: ProfileNode) => n.callFrame.url === 'node:inspector' || byId.get(parent.get(n.id) ?? -1)?.callFrame.url === 'node:inspector';

  const self = new Map<string, { name: string; file: string; us: number; callers: Map<string, number> }>();
  const places = new Map<string, number>();
  let total = 0;
  samples.forEach((id, i) => {
    const node = byId.get(id);
    const us = deltas[i] ?? 0;
    if (!node || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)' || isProfiler(node)) return;
    total += us;
    const entry = self.get(label(node)) ?? { name: nameOf(node), file: fileOf(node.callFrame.url), us: 0, callers: new Map<string, number>() };
    entry.us += us;
    const caller = byId.get(parent.get(id) ?? -1);
    if (caller) entry.callers.set(label(caller), (entry.callers.get(label(caller)) ?? 0) + us);
    self.set(label(node), entry);
    const place = placeOf(node);
    places.set(place, (places.get(place) ?? 0) + us);
  });
  const share = (us: number) => (total ? us / total : 0);
  return {
    functions: [...self.entries()]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([, { name, file, us, callers }]) => {
        const mainCaller = [...callers.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
        return { name, file, share: share(us), ...(mainCaller ? { mainCaller } : {}) };
      }),
    places: [...places.entries()].sort((a, b) => b[1] - a[1]).map(([place, us]) => ({ place, share: share(us) })),
  };
}

function fileOf(url: string): string {
  if (!url) return 'native';
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  return path.startsWith(REPO_ROOT) ? relative(REPO_ROOT, path) : path.replace(/^.*node_modules\//, '');
}

function placeOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'GC';
  if (!url) return 'native (I/O, crypto, sqlite…)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  if (path.startsWith(REPO_ROOT)) return relative(REPO_ROOT, path).split('/')[0]! + '/';
  return 'node internals';
}

/** "compareIds (src/search/clause-index.ts) 62% of CPU, mostly called from …" */
export function describeHot(h: HotFunction): string {
  return `\`${h.name}\` (${h.file}) ${(h.share * 100).toFixed(0)}% of CPU${h.mainCaller ? `, mostly called from \`${h.mainCaller}\`` : ''}`;
}

/** "node internals 40%, @slack/bolt 12%, …" (places with at least 3%). */
export function describePlaces(places: ProfileSummary['places']): string {
  return places
    .filter((p) => p.share >= 0.03)
    .map((p) => `${p.place} ${(p.share * 100).toFixed(0)}%`)
    .join(', ');
}
