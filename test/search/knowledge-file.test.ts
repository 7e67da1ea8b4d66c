import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError } from '../../src/errors';
import { loadLexicon } from '../../src/search/lexicon';
import { loadSubjects } from '../../src/search/subjects';
import { loadCore } from '../../src/protocol-core';

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

describe('a council that brings only its protocol', () => {
  it('gets every shared knowledge file from the shipped content folder, and its own copy where it has one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'own-content-'));
    mkdirSync(join(dir, 'councils'));
    copyFileSync('content/councils/bfstc.yaml', join(dir, 'councils', 'bfstc.yaml'));
    const own = loadCore(dir, 'bfstc');
    const shipped = loadCore('content', 'bfstc', { hints: false });
    for (const text of ['the deputy clerk was snotty with me', 'does the council have a cctv policy', 'can i get my ofice 365 acount working']) {
      const [a, b] = [own, shipped].map((core) => {
        const answer = core.ask({ council: 'bfstc', role: 'councillor', text });
        return { kind: answer.kind, ids: answer.clauses.map((c) => c.id) };
      });
      expect(a).toEqual(b);
    }
    // Its own lexicon, where it has one, is the one read.
    writeFileSync(join(dir, 'lexicon.yaml'), 'concepts:\n  email: []\n');
    expect(() => loadCore(dir, 'bfstc')).toThrow(/concepts\.email/);
  });
});
