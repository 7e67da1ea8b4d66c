/** The real content the bench measures: every council in content/, its hints, and the eval questions. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEvalFile, type EvalQuestion } from '../src/evaluation/eval-scorer';
import { loadProtocols } from '../src/protocol/content-loader';
import { loadLexicon, type Lexicon } from '../src/search/lexicon';
import { loadHints } from '../src/search/search-hints';
import type { SourceCouncil } from './synthetic-protocol';

export const REPO_ROOT = resolve(__dirname, '..');
export const CONTENT_DIR = join(REPO_ROOT, 'content');
export const EVAL_FILE = join(REPO_ROOT, 'test', 'eval', 'questions.jsonl');
/** The council start-up defaults to; any loaded council would do. */
export const DEFAULT_COUNCIL = 'model';

export function seedCouncils(): { councils: SourceCouncil[]; lexicon: Lexicon } {
  const protocols = loadProtocols(CONTENT_DIR);
  // The default council first: the synthetic protocol borrows its escalation paths.
  const ordered = [...protocols.values()].sort((a, b) => Number(b.id === DEFAULT_COUNCIL) - Number(a.id === DEFAULT_COUNCIL));
  return {
    councils: ordered.map((protocol) => ({ protocol, hints: loadHints(CONTENT_DIR, protocol) })),
    lexicon: loadLexicon(CONTENT_DIR),
  };
}

export function evalQuestions(): EvalQuestion[] {
  return parseEvalFile(readFileSync(EVAL_FILE, 'utf8'));
}
