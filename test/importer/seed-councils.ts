/** The five seed protocols (copies in fixtures/seeds) and the clause numbers each document has. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeNoise, splitLines } from '../../src/importer/noise';

export const SEED_DIR = join(__dirname, 'fixtures', 'seeds');

export interface SeedCouncil {
  id: string;
  name: string;
  file: string;
  /** Every clause id, in document order, as the document numbers them. */
  clauseIds: string[];
  /** Whether the protocol has no escalation provisions of its own (the bot's default route is used). */
  defaultEscalation: boolean;
}

export const SEED_COUNCILS: readonly SeedCouncil[] = [
  {
    id: 'hexham',
    name: 'Hexham Town Council',
    file: '000_6fe040bc71789c11.txt',
    clauseIds: ['1', '1.1', '1.2', '2', '2.1', '2.2', '2.3', '2.4', '3', '3.1', '3.2', '3.3', '4', '5', '5.1', '5.2', '5.3'],
    defaultEscalation: false,
  },
  {
    id: 'model',
    name: 'Model protocol for town and parish councils',
    file: '001_f76d5e44ab21964d.txt',
    clauseIds: ['1', '1.1', '1.2', '1.3', '2', '2.1', '2.2', '2.2.2', '2.2.3', '2.2.4', '2.3', '2.4', '3', '3.1', '3.2', '3.3'],
    defaultEscalation: true,
  },
  {
    id: 'bfstc',
    name: 'BFSTC',
    file: '002_dc5537704b24f9ac.txt',
    clauseIds: ['1', '1.1', '1.2', '2', '2.1', '2.2', '2.3', '2.4.1', '2.4.2', '2.5', '2.6', '3', '4', '4.1', '4.2'],
    defaultEscalation: false,
  },
  {
    id: 'borough',
    name: 'Borough Council',
    file: '003_90056be3e595f9ac.txt',
    clauseIds: [
      '1', '1.1', '1.2', '1.3',
      '2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11',
      '3', '3.1', '3.2', '4', '4.1', '4.2', '4.3', '5', '5.1', '6', '6.1', '6.2', '6.3',
      '7', '7.1', '7.2', '8', '8.1', '8.2', '8.3', '9', '9.1',
    ],
    defaultEscalation: false,
  },
  {
    id: 'honiton',
    name: 'Honiton Town Council',
    file: '004_6593495702046e0d.txt',
    clauseIds: ['1', '1.1', '1.2', '1.3', '2', '2.1', '2.2', '2.2.1', '2.2.2', '2.2.3', '2.3', '2.4', '3', '3.1', '3.2', '3.3'],
    defaultEscalation: true,
  },
];

export function seed(id: string): SeedCouncil {
  const found = SEED_COUNCILS.find((c) => c.id === id);
  if (!found) throw new Error(`no seed council ${id}`);
  return found;
}

export function readSeed(council: SeedCouncil): string {
  return readFileSync(join(SEED_DIR, council.file), 'utf8');
}

export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The seed's text without page headers, with whitespace collapsed: what verbatim clause text must be part of. */
export function seedTextWithoutNoise(council: SeedCouncil): string {
  return collapseWhitespace(removeNoise(splitLines(readSeed(council))).lines.join('\n'));
}

/** Every piece of clause wording in a content file or import: text, each item's text, tail. */
export function wordingOf(clauses: readonly { id: string; text: string; items: { label: string; text: string }[]; tail: string }[]) {
  return clauses.flatMap((c) => [
    { where: `${c.id} text`, text: c.text },
    ...c.items.map((i) => ({ where: `${c.id}(${i.label})`, text: i.text })),
    { where: `${c.id} tail`, text: c.tail },
  ]).filter((w) => w.text !== '');
}

/** Page-header and title noise that must never reach clause text. */
export const NOISE_STRINGS = ['HONITON TOWN COUNCIL', 'Protocol on Member / Officer Relations', 'Part 5 –', 'Signed:', 'Dated:', 'PROTOCOL FOR MEMBER/OFFICER RELATIONS', 'HEXHAM TOWN COUNCIL'];
