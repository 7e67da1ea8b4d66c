/**
 * Regression gate for the sets of issue 10's third, fourth and fifth rounds: the dev sets tuned on, the decline
 * sets, and (once scored at the end, and so spent) the sealed sets and the new councils. Councils outside
 * content/ are imported from their own documents, as a new council would be. Floors sit just under the
 * scores measured when they were set (recorded in test/eval/FIRST-TOUCH.md and HELDOUT.md).
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { importedContentDir } from '../../src/evaluation/imported-content';
import { parseEvalFile, runEval, type EvalQuestion } from '../../src/evaluation/eval-scorer';
import type { ProtocolCore } from '../../src/core';
import { loadCore } from '../../src/protocol-core';

const read = (file: string): EvalQuestion[] => parseEvalFile(readFileSync(`test/eval/${file}`, 'utf8'));

interface Floors {
  top1: number;
  top3: number;
  declined: number;
  escalation: number;
}

const floors = (top1: number, top3: number, declined: number, escalation: number): Floors => ({ top1, top3, declined, escalation });

/** file, hints?, floors (measured in round 6, 30 Nov 2026, in the comment). */
const SHIPPED: [string, boolean, Floors][] = [
  ['round3/dev-five.jsonl', false, floors(0.82, 0.94, 0.99, 0.99)], // 82.1 / 94.0 / 36 of 36 / 5 of 5
  ['round3/dev-five.jsonl', true, floors(0.92, 0.97, 0.99, 0.99)], // 92.9 / 97.6 / 36 of 36 / 5 of 5 (96.4 before the round 8 session's foretold words and bank)
  ['round3/declines-dev-five.jsonl', false, floors(0.99, 0.99, 0.96, 0.99)], // 100 / 100 / 26 of 27
  ['round3/sealed-five.jsonl', false, floors(0.8, 0.89, 0.95, 0.75)], // 80.7 / 89.5 / 22 of 23 / 3 of 4
  ['round3/sealed-five.jsonl', true, floors(0.87, 0.96, 0.95, 0.75)], // 87.7 / 96.5 / 22 of 23 / 3 of 4
  ['sealed-five.jsonl', false, floors(0.8, 0.96, 0.99, 0.99)], // 80.6 / 96.8 / 19 of 19 / 4 of 4
  ['sealed-five.jsonl', true, floors(0.9, 0.99, 0.99, 0.99)], // 90.3 / 100 / 19 of 19 / 4 of 4
  ['round4/sealed-five.jsonl', false, floors(0.79, 0.94, 0.99, 0.99)], // 79.2 / 94.3 / 22 of 22 / 3 of 3 (81.1 before the foretold words)
  ['round4/sealed-five.jsonl', true, floors(0.9, 0.96, 0.99, 0.99)], // 90.6 / 96.2 / 22 of 22 / 3 of 3 (92.5 before the foretold words)
  ['round5/sealed-five.jsonl', false, floors(0.79, 0.91, 0.99, 0.99)], // 79.3 / 91.4 / 22 of 22 / 3 of 3
  ['round5/sealed-five.jsonl', true, floors(0.87, 0.94, 0.99, 0.99)], // 87.9 / 94.8 / 22 of 22 / 3 of 3 (89.7 before the round 8 session)
  // Rounds 6 and 7, at their scores after the fixes found from their misses (both spent).
  ['round6/sealed-five.jsonl', false, floors(0.87, 0.93, 0.99, 0.99)], // 87.9 / 93.1 / 22 of 22 / 3 of 3 (94.8 top-3 before the round 8 session)
  ['round6/sealed-five.jsonl', true, floors(0.87, 0.96, 0.99, 0.99)], // 87.9 / 96.6 / 22 of 22 / 3 of 3 (94.8 / 100 before the round 8 session)
  ['round7/sealed-five.jsonl', false, floors(0.82, 0.94, 0.99, 0.66)], // 82.8 / 94.8 / 22 of 22 / 2 of 3
  ['round7/sealed-five.jsonl', true, floors(0.93, 0.96, 0.99, 0.66)], // 93.1 / 96.6 / 22 of 22 / 2 of 3
  // Round 8, after the fixes from its decline misses (spent).
  ['round8/sealed-five.jsonl', false, floors(0.63, 0.89, 0.99, 0.99)], // 63.8 / 89.7 / 22 of 22 / 3 of 3
  ['round8/sealed-five.jsonl', true, floors(0.7, 0.91, 0.99, 0.99)], // 70.7 / 91.4 / 22 of 22 / 3 of 3
  // Round 9, after the fixes from its misses in the round-7 session (spent; first touch 62.1 / 81.0 / 16 of 22 and 67.2 / 84.5 / 13 of 22).
  ['round9/sealed-five.jsonl', false, floors(0.65, 0.84, 0.99, 0.66)], // 65.5 / 84.5 / 22 of 22 / 2 of 3
  ['round9/sealed-five.jsonl', true, floors(0.7, 0.87, 0.95, 0.66)], // 70.7 / 87.9 / 21 of 22 / 2 of 3
  // Round 11, a dev set of the round-7 session, after tuning on it (first touch 53.7 / 68.7 / 18 of 33 and 61.2 / 76.1 / 17 of 33).
  ['round11/dev-five.jsonl', false, floors(0.67, 0.82, 0.93, 0.66)], // 68.7 / 85.1 / 31 of 33 / 2 of 3 (68.7 / 82.1 / 26 of 33 before the round 8 session)
  ['round11/dev-five.jsonl', true, floors(0.74, 0.88, 0.93, 0.66)], // 74.6 / 88.1 / 31 of 33 / 2 of 3 (71.6 / 88.1 / 25 of 33 before the round 8 session)
  // Rounds 10, 12 and 13, sealed (unread), at their scores on the final code of the round 8 session (round 13's first
  // touch on 5e9ced8: 60.3 / 69.0 / 17 of 22 / 2 of 3 without hints, 60.3 / 77.6 / 17 of 22 / 2 of 3 with).
  ['round10/sealed-five.jsonl', false, floors(0.46, 0.7, 0.77, 0.66)], // 46.6 / 70.7 / 17 of 22 / 2 of 3 (48.3 / 72.4 / 16 of 22 on 12d2d02)
  ['round10/sealed-five.jsonl', true, floors(0.53, 0.75, 0.68, 0.66)], // 53.4 / 75.9 / 15 of 22 / 2 of 3 (56.9 / 75.9 / 14 of 22 on 12d2d02)
  ['round12/sealed-five.jsonl', false, floors(0.5, 0.77, 0.77, 0.66)], // 50.0 / 77.6 / 17 of 22 / 2 of 3 (50.0 / 75.9 / 17 of 22 on 12d2d02)
  ['round12/sealed-five.jsonl', true, floors(0.63, 0.87, 0.68, 0.66)], // 63.8 / 87.9 / 15 of 22 / 2 of 3 (65.5 / 82.8 / 15 of 22 on 12d2d02)
  ['round13/sealed-five.jsonl', false, floors(0.56, 0.7, 0.77, 0.66)], // 56.9 / 70.7 / 17 of 22 / 2 of 3
  ['round13/sealed-five.jsonl', true, floors(0.65, 0.75, 0.77, 0.66)], // 65.5 / 75.9 / 17 of 22 / 2 of 3
  // Text addressed to the bot, written in the round 9 session before its screen was changed (first touch 17 of 20
  // without hints, 16 of 20 with; then a dev set: the screen learnt 'system override', whole-document rewrites and
  // requests for someone's home address from it).
  ['injections/dev.jsonl', false, floors(0, 0, 0.99, 0)], // 20 of 20
  ['injections/dev.jsonl', true, floors(0, 0, 0.99, 0)], // 20 of 20
  // Near-domain dev set of the round 10 session (a helper who read only the seeds): after the neighbours it led to
  // (first touch 124 / 118 of 150 declined; answerable 75.0 / 88.0 and 85.0 / 93.0).
  ['neardev/declines.jsonl', false, floors(0, 0, 0.85, 0)], // 129 of 150
  ['neardev/declines.jsonl', true, floors(0, 0, 0.82, 0)], // 124 of 150
  ['neardev/answerable.jsonl', false, floors(0.74, 0.87, 0, 0)], // 75.0 / 88.0
  ['neardev/answerable.jsonl', true, floors(0.84, 0.92, 0, 0)], // 85.0 / 93.0
  // Round 14, sealed, written at the end of the round 8 session: at its first touch on that session's final code.
  ['round14/sealed-five.jsonl', false, floors(0.58, 0.72, 0.77, 0.99)], // 58.6 / 72.4 / 17 of 22 / 3 of 3
  ['round14/sealed-five.jsonl', true, floors(0.62, 0.75, 0.72, 0.99)], // 62.1 / 75.9 / 16 of 22 / 3 of 3
  // (Round 14 scored again at the end of the round 9 session: the same scores, both ways.)
  // Round 15, sealed, written at the start of the round 9 session: at its end (the same as its first touch on 5750e1c).
  ['round15/sealed-five.jsonl', false, floors(0.48, 0.6, 0.63, 0.33)], // 48.3 / 60.3 / 14 of 22 / 1 of 3
  ['round15/sealed-five.jsonl', true, floors(0.48, 0.68, 0.49, 0.33)], // 48.3 / 69.0 / 11 of 22 / 1 of 3
  // Round 16, sealed, written at the end of the round 9 session: at its first touch on that session's final code,
  // and the same at the end of the round 10 session.
  ['round16/sealed-five.jsonl', false, floors(0.43, 0.6, 0.54, 0.66)], // 43.1 / 60.3 / 12 of 22 / 2 of 3
  ['round16/sealed-five.jsonl', true, floors(0.55, 0.65, 0.54, 0.66)], // 55.2 / 65.5 / 12 of 22 / 2 of 3 at the round 10 session's end (53.4 at first touch)
  // Round 17, sealed, written during the round 10 session: at its first touch on that session's final code, and the
  // same at the round 11 session's end.
  ['round17/sealed-five.jsonl', false, floors(0.5, 0.65, 0.68, 0.33)], // 50.0 / 65.5 / 15 of 22 / 1 of 3
  ['round17/sealed-five.jsonl', true, floors(0.55, 0.72, 0.68, 0.33)], // 55.2 / 72.4 / 15 of 22 / 1 of 3
  // Round 18, sealed, written during the round 11 session: at its first touch on that session's final code (8c4706a).
  ['round18/sealed-five.jsonl', false, floors(0.46, 0.67, 0.86, 0)], // 46.6 / 67.2 / 19 of 22 / 0 of 3
  ['round18/sealed-five.jsonl', true, floors(0.56, 0.72, 0.77, 0)], // 56.9 / 72.4 / 17 of 22 / 0 of 3
  // (Round 18 scored again at the end of the round 12 session: the same scores, both ways.)
  // Round 19, written during the round 12 session and sealed until the end of the round 13 session (43.1 / 55.2 / 19 of 22 /
  // 2 of 3 and 53.4 / 65.5 / 18 of 22 / 2 of 3 there); spent in the round 14 session, whose fixes came partly from its
  // misses: at that session's end (no longer an unbiased figure).
  ['round19/sealed-five.jsonl', false, floors(0.5, 0.65, 0.95, 0.99)], // 50.0 / 65.5 / 21 of 22 / 3 of 3
  ['round19/sealed-five.jsonl', true, floors(0.6, 0.72, 0.9, 0.99)], // 60.3 / 72.4 / 20 of 22 / 3 of 3
  // Round 20, written during the round 13 session and sealed until the end of the round 14 session (first touch on the
  // round 13 session's final code ea5a5b3: 37.9 / 56.9 / 13 of 22 / 1 of 3 and 41.4 / 62.1 / 13 of 22 / 1 of 3; at the end of
  // the round 14 session, 578383e: 39.7 / 60.3 / 14 of 22 / 1 of 3 and 41.4 / 63.8 / 14 of 22 / 1 of 3); spent in the round 15
  // session, whose fixes came partly from its misses: at that session's end (no longer an unbiased figure).
  ['round20/sealed-five.jsonl', false, floors(0.46, 0.67, 0.9, 0.66)], // 46.6 / 67.2 / 20 of 22 / 2 of 3
  ['round20/sealed-five.jsonl', true, floors(0.48, 0.7, 0.86, 0.66)], // 48.3 / 70.7 / 19 of 22 / 2 of 3
  // Round 21, written during the round 14 session and sealed until the end of the round 15 session (first touch on the round
  // 14 session's start code eab6e18: 37.9 / 58.6 / 18 of 22 / 1 of 3 and 51.7 / 69.0 / 17 of 22 / 2 of 3; its held-out figure
  // at the end of the round 15 session, e4626b2: 46.6 / 65.5 / 18 of 22 / 2 of 3 and 58.6 / 75.9 / 17 of 22 / 2 of 3); spent
  // in the round 16 session, whose fixes came partly from its misses: at that session's end (no longer an unbiased figure).
  ['round21/sealed-five.jsonl', false, floors(0.53, 0.7, 0.9, 0.99)], // 53.4 / 70.7 / 20 of 22 / 3 of 3
  ['round21/sealed-five.jsonl', true, floors(0.65, 0.82, 0.9, 0.99)], // 65.5 / 82.8 / 20 of 22 / 3 of 3
  // Round 22, written during the round 15 session and sealed until the end of the round 16 session (first touch on the round
  // 15 session's start code 5722c7f: 36.2 / 67.2 / 16 of 22 / 2 of 3 and 43.1 / 74.1 / 16 of 22 / 2 of 3; its held-out figure
  // at the end of the round 16 session, e8b7130: 39.7 / 69.0 / 16 of 22 / 2 of 3 and 44.8 / 77.6 / 16 of 22 / 2 of 3); spent
  // in the round 17 session, whose fixes came partly from its misses: at that session's end (no longer an unbiased figure).
  ['round22/sealed-five.jsonl', false, floors(0.44, 0.77, 0.81, 0.66)], // 44.8 / 77.6 / 18 of 22 / 2 of 3
  ['round22/sealed-five.jsonl', true, floors(0.49, 0.82, 0.81, 0.66)], // 50.0 / 82.8 / 18 of 22 / 2 of 3
  // Round 23, written during the round 16 session and sealed until the end of the round 17 session (first touch on aabef5a,
  // the same at the end of the round 16 session, e8b7130, and as its held-out figure at the end of the round 17 session,
  // cb996cf: 53.4 / 74.1 / 17 of 22 / 1 of 3 and 53.4 / 79.3 / 15 of 22 / 1 of 3); spent in the round 18 session, whose
  // fixes came partly from its misses: at that session's end (no longer an unbiased figure).
  ['round23/sealed-five.jsonl', false, floors(0.62, 0.86, 0.95, 0.33)], // 62.1 / 86.2 / 21 of 22 / 1 of 3
  ['round23/sealed-five.jsonl', true, floors(0.62, 0.86, 0.86, 0.33)], // 62.1 / 86.2 / 19 of 22 / 1 of 3
  // Round 24, sealed, written during the round 17 session: first touch on that session's start code (f3b4578), the same
  // on cb996cf, that session's final code, and the same once more as its held-out figure at the end of the round 18
  // session (16ada74):
  ['round24/sealed-five.jsonl', false, floors(0.46, 0.72, 0.77, 0.66)], // 46.6 / 72.4 / 17 of 22 / 2 of 3
  ['round24/sealed-five.jsonl', true, floors(0.55, 0.75, 0.77, 0.66)], // 55.2 / 75.9 / 17 of 22 / 2 of 3
  // Round 25, sealed, written during the round 18 session: first touch on that session's start code (afd4daf):
  ['round25/sealed-five.jsonl', false, floors(0.46, 0.65, 0.81, 0.66)], // 46.6 / 65.5 / 18 of 22 / 2 of 3
  ['round25/sealed-five.jsonl', true, floors(0.48, 0.63, 0.81, 0.66)], // 48.3 / 63.8 / 18 of 22 / 2 of 3
  // Round 26, sealed, written during the round 19 session: first touch on that session's start code (c5ee40e):
  ['round26/sealed-five.jsonl', false, floors(0.46, 0.6, 0.5, 0.33)], // 46.6 / 60.3 / 11 of 22 / 1 of 3
  ['round26/sealed-five.jsonl', true, floors(0.46, 0.68, 0.5, 0.33)], // 46.6 / 69.0 / 11 of 22 / 1 of 3
];

/** corpus folder, files, floors: councils imported from their own documents. */
const IMPORTED: [string, string[], Floors][] = [
  ['test/importer/corpus', ['round3/dev-cold.jsonl'], floors(0.87, 0.97, 0.97, 0.95)], // 87.8 / 98.0 / 41 of 42 / 21 of 21 (89.8 before the round 8 session's bank)
  ['test/importer/corpus', ['round3/declines-dev.jsonl'], floors(0.95, 0.97, 0.95, 0.99)], // 95.2 / 97.6 / 113 of 118 (the ashby precept question, as in the cold floors)
  ['test/importer/corpus', ['round3/sealed-cold.jsonl'], floors(0.85, 0.92, 0.93, 0.81)], // 85.1 / 92.5 / 31 of 33 / 13 of 16 (86.6 / 95.5 before the round 7 session's logistic scope model; top-3 94.0 before the round 15 session kept 'letter' apart from 'let': a pasted email ending "Let's talk about it at group first?", wrong at top-1 before, had its right clause second only through that)
  ['test/eval/new-councils', councilFiles('new-councils'), floors(0.77, 0.95, 0.99, 0.95)], // 77.7 / 95.1 / 29 of 29 / 19 of 20 (78.6 / 97.1 before the foretold words)
  ['test/eval/round4/new-councils', councilFiles('round4/new-councils'), floors(0.8, 0.93, 0.96, 0.85)], // 81.5 / 93.5 / 27 of 28 / 19 of 20 (81.5 / 95.4 / 18 of 20 before the foretold words)
  ['test/eval/round5/new-councils', councilFiles('round5/new-councils'), floors(0.67, 0.83, 0.96, 0.99)], // 67.6 / 83.3 / 27 of 28 / 20 of 20
  ['test/eval/round6/new-councils', councilFiles('round6/new-councils'), floors(0.74, 0.92, 0.99, 0.9)], // 74.1 / 92.6 / 28 of 28 / 18 of 20
  ['test/eval/round7/new-councils', councilFiles('round7/new-councils'), floors(0.75, 0.92, 0.96, 0.99)], // 75.9 / 92.6 / 27 of 28 / 20 of 20 (round 7 session)
  ['test/eval/round8/new-councils', councilFiles('round8/new-councils'), floors(0.66, 0.8, 0.94, 0.83)], // 66.7 / 81.9 / 18 of 18 / 10 of 12 (spent; 68.1 / 80.6 before the foretold words)
  ['test/eval/round9/new-councils', councilFiles('round9/new-councils'), floors(0.7, 0.83, 0.88, 0.91)], // 70.8 / 86.1 / 17 of 18 / 11 of 12 (spent; first touch 61.1 / 83.3 / 15 of 18; 66.7 / 88.9 before the round 8 session)
  ['test/eval/round11/new-councils', councilFiles('round11/new-councils'), floors(0.68, 0.8, 0.83, 0.99)], // 68.1 / 80.6 / 15 of 18 / 12 of 12 (dev; first touch 56.9 / 70.8 / 12 of 18 / 7 of 12)
  ['test/eval/round10/new-councils', councilFiles('round10/new-councils'), floors(0.79, 0.88, 0.72, 0.91)], // 79.2 / 88.9 / 13 of 18 / 11 of 12 (sealed, at the round 8 session's end; 77.8 / 86.1 on 12d2d02)
  ['test/eval/round12/new-councils', councilFiles('round12/new-councils'), floors(0.68, 0.81, 0.72, 0.91)], // 68.1 / 81.9 / 13 of 18 / 11 of 12 (sealed, at the round 8 session's end; 63.9 / 81.9 / 12 of 18 on 12d2d02)
  // Round 13, sealed: first touch on 5e9ced8 the town PDF did not load (lettered paragraphs); the other two 50.0 / 62.5 / 6 of 12 / 8 of 8.
  ['test/eval/round13/new-councils', councilFiles('round13/new-councils'), floors(0.51, 0.63, 0.61, 0.91)], // 51.4 / 63.9 / 11 of 18 / 11 of 12 (sealed, at the round 8 session's end)
  // Rounds 14 and 15, sealed, at the round 9 session's end. Round 14's borough Word file (one layout table) did not
  // import at first touch (the other two: 64.6 / 75.0 / 9 of 12 / 7 of 8); round 15's city Word file (legal
  // numbering) did not import, and its two-column district PDF imported 25 of 59 clauses (the two that imported:
  // 33.3 / 45.8 / 7 of 12 / 6 of 8). The importer fixes came from their READMEs' layout descriptions.
  ['test/eval/round14/new-councils', councilFiles('round14/new-councils'), floors(0.63, 0.77, 0.72, 0.91)], // 63.9 / 77.8 / 13 of 18 / 11 of 12
  ['test/eval/round15/new-councils', councilFiles('round15/new-councils'), floors(0.49, 0.68, 0.49, 0.91)], // 50.0 / 68.1 / 9 of 18 / 11 of 12
  // Round 16, sealed, at the round 10 session's end (first touch 36.1 / 51.4 / 11 of 18 / 6 of 12, with the island's
  // side-heading PDF at 45 of 63 clauses and the wiki page's Markdown at 44 of 53; both import whole at the end, the
  // fixes built from the README's layout description).
  ['test/eval/round16/new-councils', councilFiles('round16/new-councils'), floors(0.41, 0.58, 0.61, 0.58)], // 41.7 / 58.3 / 11 of 18 / 7 of 12
  // Round 17, sealed, at the round 11 session's end (first touch on the round 10 session's final code: the national
  // park's agenda-pack PDF was refused as a meeting agenda, the other two 58.3 / 66.7 / 9 of 12 / 5 of 8; it imports at
  // the end through a fix built from the README's layout description, so it is not cold).
  ['test/eval/round17/new-councils', councilFiles('round17/new-councils'), floors(0.47, 0.58, 0.77, 0.74)], // 47.2 / 58.3 / 14 of 18 / 9 of 12
  // Round 18, sealed, at the round 12 session's end (first touch on the round 11 session's final code: the joint waste
  // authority's .rtf and the conservators' .eml were formats the importer did not read, the crime panel's PDF 45.8 /
  // 70.8 / 4 of 6 / 2 of 4; both import at the end through readers briefed by the lead after reading the README's
  // layout descriptions, so they are not cold).
  ['test/eval/round18/new-councils', councilFiles('round18/new-councils'), floors(0.44, 0.56, 0.66, 0.58)], // 44.4 / 56.9 / 12 of 18 / 7 of 12
  // Round 19, sealed, written during the round 12 session; first touch on that session's final code: the drainage
  // board's .docx (numbered through a Word list style) did not import and the fisheries authority's sections came out
  // '02'-'13' (the two that imported: 41.7 / 54.2 / 7 of 12 / 4 of 8). Gated after the fixes (from the README's layout
  // descriptions, so those two are not cold), which changed no other score.
  // Spent in the round 14 session (44.4 / 56.9 / 12 of 18 / 8 of 12 before); at its end:
  ['test/eval/round19/new-councils', councilFiles('round19/new-councils'), floors(0.51, 0.63, 0.94, 0.66)], // 51.4 / 63.9 / 17 of 18 / 8 of 12
];

function councilFiles(folder: string): string[] {
  return readdirSync(`test/eval/${folder}`)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => `${folder}/${f}`);
}

/** Whether a set's folder is sealed: its scores are for the lead to take at a session's end, not to watch while working. */
const sealedSet = (file: string) => existsSync(`test/eval/${dirname(file)}/SEALED`) || existsSync(`test/eval/${dirname(dirname(file))}/SEALED`);

function expectFloors(core: ProtocolCore, questions: EvalQuestion[], floors: Floors, sealed = false): void {
  const { summary } = runEval(core, questions);
  if (sealed) {
    // A sealed set's gate says only whether it holds, never its scores: a value seen while working would be a look at it.
    const o = summary.overall;
    const holds = o.top1Rate >= floors.top1 && o.top3Rate >= floors.top3 && o.rejectionRate >= floors.declined && o.escalationRate >= floors.escalation;
    if (!holds) throw new Error('a sealed set fell below its floors (scores withheld: score it only at the session end)');
    return;
  }
  expect(summary.overall.top1Rate).toBeGreaterThanOrEqual(floors.top1);
  expect(summary.overall.top3Rate).toBeGreaterThanOrEqual(floors.top3);
  expect(summary.overall.rejectionRate).toBeGreaterThanOrEqual(floors.declined);
  expect(summary.overall.escalationRate).toBeGreaterThanOrEqual(floors.escalation);
}

describe('round 3 to 18 sets on the shipped councils', () => {
  const withHints = loadCore('content', 'model');
  const withoutHints = loadCore('content', 'model', { hints: false });
  it.each(SHIPPED)('%s (hints: %s) keeps its scores', (file, hints, floors) => {
    expectFloors(hints ? withHints : withoutHints, read(file), floors, sealedSet(file));
  });
});

describe('round 3 to 18 sets on councils imported from their own documents', () => {
  const cores = new Map<string, ProtocolCore>();
  beforeAll(async () => {
    for (const corpus of new Set(IMPORTED.map(([dir]) => dir))) {
      const { dir } = await importedContentDir(corpus);
      const first = read(IMPORTED.find(([d]) => d === corpus)![1][0]!)[0]!.council;
      cores.set(corpus, loadCore(dir, first, { hints: false, knowledgeDir: 'content' }));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.each(IMPORTED)('%s: %j keeps its scores', (corpus, files, floors) => {
    expect(files.length).toBeGreaterThan(0);
    expectFloors(cores.get(corpus)!, files.flatMap(read), floors, sealedSet(files[0]!));
  });
});
