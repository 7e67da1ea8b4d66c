/**
 * A protocol of any size, made from the real councils' clauses, to show how answering cost grows
 * with a protocol's length. Sections of varying size, some numbered to three levels; each clause
 * takes a real clause's heading, opening sentence and list, mixed with sentences from other
 * clauses, and a share of that clause's search hints. Seeded, so every run builds the same one.
 * It goes through the content loader's own validation, like a council's file would.
 */
import { stringify } from 'yaml';
import { parseProtocol } from '../src/protocol/content-loader';
import type { Clause, EscalationPath, Protocol, Role } from '../src/protocol/model';
import type { SearchHints } from '../src/search/search-hints';

export interface SourceCouncil {
  protocol: Protocol;
  hints: SearchHints;
}

export interface SyntheticProtocol {
  protocol: Protocol;
  hints: Map<string, string[]>;
}

interface PoolClause {
  key: string;
  heading: string;
  sentences: string[];
  items: string[];
  tail: string;
  hints: readonly string[];
}

interface DraftClause {
  id: string;
  heading: string;
  text: string;
  items: { label: string; text: string }[];
  tail: string;
}

const LABEL_STYLES: ((i: number) => string)[] = [
  (i) => String.fromCharCode(97 + (i % 26)),
  (i) => ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][i % 12]!,
  (i) => String(i + 1),
];

/** Builds a `clauseCount`-clause protocol from `sources`; the first source lends its escalation paths. */
export function syntheticProtocol(sources: SourceCouncil[], clauseCount: number, seed = 20_240_601): SyntheticProtocol {
  const random = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pool = poolOf(sources);
  if (pool.length === 0) throw new Error('no clauses with text to build a synthetic protocol from');
  const deck = new Deck(pool, random);

  const drafts: DraftClause[] = [];
  const hints = new Map<string, string[]>();
  const firstUse = new Map<string, string>();
  const addBody = (id: string, sectionHeading: string) => {
    const src = deck.draw();
    firstUse.set(src.key, firstUse.get(src.key) ?? id);
    const mixed = Array.from({ length: int(0, 2) }, () => deck.peekAny().sentences).flatMap((s) => (s.length ? [s[int(0, s.length - 1)]!] : []));
    const opening = src.sentences.slice(0, int(1, Math.max(1, src.sentences.length)));
    const kept = src.items.filter(() => random() < 0.8);
    // Roman numerals run out at xii; longer lists are lettered.
    const style = kept.length > 12 ? LABEL_STYLES[0]! : LABEL_STYLES[int(0, LABEL_STYLES.length - 1)]!;
    const items = kept.map((text, i) => ({ label: style(i), text }));
    let text = [...opening, ...mixed].join(' ');
    if (!text && items.length === 0) text = deck.peekAny().sentences[0] ?? src.heading;
    drafts.push({ id, heading: random() < 0.8 ? src.heading : sectionHeading, text, items, tail: random() < 0.5 ? src.tail : '' });
    const own = src.hints.filter(() => random() < 0.7);
    const borrowed = random() < 0.3 ? deck.peekAny().hints.slice(0, int(1, 2)) : [];
    if (own.length + borrowed.length) hints.set(id, [...own, ...borrowed]);
  };

  for (let section = 1; drafts.length < clauseCount; section++) {
    const sectionHeading = deck.peekAny().heading;
    drafts.push({ id: String(section), heading: sectionHeading, text: '', items: [], tail: '' });
    const size = int(6, 30);
    const deep = random() < 0.3;
    for (let k = 1, made = 0; made < size; k++) {
      addBody(`${section}.${k}`, sectionHeading);
      made++;
      const children = deep ? int(0, 3) : 0;
      for (let m = 1; m <= children && made < size; m++, made++) addBody(`${section}.${k}.${m}`, sectionHeading);
    }
  }
  const kept = drafts.slice(0, clauseCount);
  const ids = new Set(kept.map((d) => d.id));
  for (const id of hints.keys()) if (!ids.has(id)) hints.delete(id);

  const escalationFrom = sources[0]!.protocol;
  const mapRef = (ref: string | undefined) => {
    const mapped = ref === undefined ? undefined : firstUse.get(`${escalationFrom.id}:${ref}`);
    return mapped && ids.has(mapped) ? mapped : undefined;
  };
  const path = (role: Role) => {
    const p: EscalationPath = escalationFrom.escalation[role];
    return {
      council_setting: p.isCouncilSetting,
      steps: p.steps.map((s) => {
        const clause = mapRef(s.clause);
        return { to: s.to, when: s.when, ...(clause ? { clause } : {}), governs: s.governs.flatMap((g) => mapRef(g) ?? []) };
      }),
    };
  };
  const file = {
    id: 'synthetic',
    name: 'Synthetic Council',
    title: `Protocol for Member/Officer Relations (${clauseCount} clauses, generated)`,
    source: 'bench/synthetic-protocol.ts',
    escalation: { councillor: path('councillor'), officer: path('officer') },
    clauses: kept,
  };
  return { protocol: parseProtocol(stringify(file), 'synthetic.yaml'), hints };
}

function poolOf(sources: SourceCouncil[]): PoolClause[] {
  return sources.flatMap(({ protocol, hints }) =>
    protocol.clauses
      .filter((c: Clause) => c.text || c.items.length || c.tail)
      .map((c) => ({
        key: `${protocol.id}:${c.id}`,
        heading: c.heading,
        sentences: sentencesOf(c.text),
        items: c.items.map((i) => i.text),
        tail: c.tail,
        hints: hints.get(c.id) ?? [],
      })),
  );
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.;:!?])\s+(?=[A-Z(“"])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Deals every pool clause once per pass, in a fresh order each pass, so all are used evenly. */
class Deck {
  private order: PoolClause[] = [];

  constructor(
    private readonly pool: PoolClause[],
    private readonly random: () => number,
  ) {}

  draw(): PoolClause {
    if (this.order.length === 0) this.order = shuffle([...this.pool], this.random);
    return this.order.pop()!;
  }

  peekAny(): PoolClause {
    return this.pool[Math.floor(this.random() * this.pool.length)]!;
  }
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** A small, fast, seedable PRNG (public domain); Math.random cannot be seeded. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
