import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError } from '../../src/errors';
import { loadLexicon } from '../../src/search/lexicon';
import { loadSubjects } from '../../src/search/subjects';

function contentWith(file: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  writeFileSync(join(dir, file), text);
  return dir;
}

describe('shared knowledge files', () => {
  it('stops on a lexicon that is not YAML, naming the file', () => {
    const dir = contentWith('lexicon.yaml', 'concepts: [unclosed');
    expect(() => loadLexicon(dir)).toThrow(ContentError);
    expect(() => loadLexicon(dir)).toThrow(/lexicon\.yaml.*cannot be read as YAML/);
  });

  it('stops on a lexicon whose concept has no terms, naming where', () => {
    const dir = contentWith('lexicon.yaml', 'concepts:\n  email: []\n');
    expect(() => loadLexicon(dir)).toThrow(/concepts\.email: a concept needs at least one term/);
  });

  it('stops on a subjects file that is not YAML, and accepts a folder without one', () => {
    expect(() => loadSubjects(contentWith('subjects.yaml', 'subjects: {a: [b'))).toThrow(/subjects\.yaml.*cannot be read as YAML/);
    expect(() => loadSubjects(mkdtempSync(join(tmpdir(), 'knowledge-')))).not.toThrow();
  });
});
