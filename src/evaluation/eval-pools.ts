/**
 * Every unsealed question set under test/eval answered question by question, so that two versions of the search
 * can be compared set by set: which questions a change gains and which it loses. A folder holding a SEALED file
 * is never read (its sets are scored only by the lead, at a session's end). The shipped councils are asked without
 * their hints; every other council is imported from its own document, as a new council would be.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { AnswerKind } from '../answer/answer-model';
import { COUNCILS_SUBDIR } from '../protocol/content-loader';
import { loadCore } from '../protocol-core';
import { parseEvalFile, rightAtTop, runEval } from './eval-scorer';
import { importedContentDir } from './imported-content';
import { holdsMarker, jsonlFiles } from './scope-training';

/** One question's outcome: `right` is top-1 for an answerable question, a decline for one with empty `expect`. */
export interface PoolRow {
  set: string;
  council: string;
  question: string;
  expect: string[];
  ids: string[];
  confident: boolean;
  right: boolean;
  /** The answer's kind and, for a decline or no-match, its message (which neighbouring matter declined it). */
  kind?: AnswerKind;
  message?: string;
}

export interface SetChange {
  set: string;
  gained: PoolRow[];
  lost: PoolRow[];
}

const SEALED = 'SEALED';
/** Folders of councils' own documents (`<id>/protocol.*` beside `<id>/expected.yaml`) under the eval sets. */
const DOCUMENT_FOLDER = 'new-councils';

/** The question sets under `evalDir` outside any sealed folder, in order (kept-out ones are read). */
export function unsealedSets(evalDir: string): string[] {
  return jsonlFiles(evalDir, [SEALED]);
}

/** The corpus and every unsealed `new-councils` folder under `evalDir`: where councils' own documents are. */
function documentFolders(evalDir: string, corpusDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (holdsMarker(dir, [SEALED])) return;
    for (const f of readdirSync(dir).sort()) {
      const path = join(dir, f);
      if (!statSync(path).isDirectory()) continue;
      if (f === DOCUMENT_FOLDER) found.push(path);
      else walk(path);
    }
  };
  walk(evalDir);
  return [corpusDir, ...found];
}

/** Answers every unsealed set; councils not in `contentDir` are imported from their documents. */
export async function answerPools(evalDir: string, contentDir: string, corpusDir: string): Promise<PoolRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'eval-pools-'));
  try {
    mkdirSync(join(dir, COUNCILS_SUBDIR));
    const have = new Set<string>();
    const take = (from: string) => {
      for (const f of readdirSync(from).filter((x) => x.endsWith('.yaml'))) {
        if (have.has(f)) continue;
        cpSync(join(from, f), join(dir, COUNCILS_SUBDIR, f));
        have.add(f);
      }
    };
    take(join(contentDir, COUNCILS_SUBDIR));
    for (const folder of documentFolders(evalDir, corpusDir)) {
      const imported = await importedContentDir(folder);
      take(join(imported.dir, COUNCILS_SUBDIR));
      rmSync(imported.dir, { recursive: true, force: true });
    }
    const core = loadCore(dir, [...have][0]!.replace(/\.yaml$/, ''), { hints: false, knowledgeDir: contentDir });
    const known = new Set(core.councils().map((c) => c.id));
    return unsealedSets(evalDir).flatMap((file) => {
      const questions = parseEvalFile(readFileSync(file, 'utf8')).filter((q) => known.has(q.council));
      const set = relative(evalDir, file);
      return runEval(core, questions).results.map((r) => ({
        set,
        council: r.council,
        question: r.question,
        expect: r.expect,
        ids: r.ids,
        confident: r.confident,
        right: rightAtTop(r),
        kind: r.kind,
        ...(r.message ? { message: r.message } : {}),
      }));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Per set, the questions right in `after` but not in `before` (gained) and the reverse (lost). */
export function comparePools(before: readonly PoolRow[], after: readonly PoolRow[]): SetChange[] {
  const key = (r: PoolRow) => `${r.set}\u0000${r.council}\u0000${r.question}`;
  const was = new Map(before.map((r) => [key(r), r.right]));
  const bySet = new Map<string, SetChange>();
  for (const r of after) {
    const old = was.get(key(r));
    if (old === undefined || old === r.right) continue;
    const change = bySet.get(r.set) ?? { set: r.set, gained: [], lost: [] };
    (r.right ? change.gained : change.lost).push(r);
    bySet.set(r.set, change);
  }
  return [...bySet.values()].sort((a, b) => a.set.localeCompare(b.set));
}
