/**
 * Bad input through the real command: one clear sentence saying what is wrong and what to do, a non-zero
 * exit, no stack trace and nothing written. The 20 MB file is built at test time, never committed.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR } from './corpus-expectations';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const BAD = join(CORPUS_DIR, 'bad');

function importCli(file: string, out: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, 'scripts/import.ts', file, '--id', 'bad', '--name', 'Bad Council', '--out', out], { cwd: ROOT }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-bad-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CASES: [string, () => string, RegExp][] = [
  ['a scanned PDF with no text layer', () => join(BAD, 'scanned.pdf'), /no text layer.*OCR/],
  ['an encrypted PDF', () => join(BAD, 'encrypted.pdf'), /password-protected/],
  ['a corrupt PDF', () => join(BAD, 'corrupt.pdf'), /PDF is damaged/],
  ['an empty file', () => join(BAD, 'empty.txt'), /file is empty/],
  ['text with no numbered paragraphs', () => join(BAD, 'no-numbers.txt'), /no numbered paragraphs/],
  ['minutes as Word', () => join(BAD, 'minutes.docx'), /minutes of a meeting, not a member\/officer relations protocol/],
  ['minutes as text (with a numbered list and a mention of the protocol)', () => join(BAD, 'minutes.txt'), /minutes of a meeting/],
  ['a spreadsheet named .docx', () => join(BAD, 'budget-spreadsheet.docx'), /spreadsheet, not a protocol/],
  ['a CSV budget saved as .txt', () => join(BAD, 'budget.txt'), /spreadsheet saved as text/],
  [
    'a 20 MB file',
    () => {
      const file = join(dir, 'huge.txt');
      writeFileSync(file, '1. A councillor and an officer. '.repeat(Math.ceil((20 * 1024 * 1024) / 32)));
      return file;
    },
    /20\.0 MB, over the 10 MB limit/,
  ],
  [
    'a PDF that is not one',
    () => {
      const file = join(dir, 'renamed.pdf');
      writeFileSync(file, 'PK\u0003\u0004 not really a pdf');
      return file;
    },
    /named \.pdf but is not a PDF/,
  ],
  [
    'a file type the importer does not read',
    () => {
      const file = join(dir, 'protocol.wpd');
      writeFileSync(file, 'x');
      return file;
    },
    /cannot import \.wpd: save the protocol as PDF, Word \(\.docx or \.doc\), Rich Text \(\.rtf\)/,
  ],
  [
    'a Rich Text file cut short',
    () => {
      const file = join(dir, 'protocol.rtf');
      writeFileSync(file, '{\\rtf1\\ansi {\\b 1. Introduction}\\par 1.1 Officers advise');
      return file;
    },
    /Rich Text file is damaged or cut short/,
  ],
  [
    'an email with no text and nothing attached',
    () => {
      const file = join(dir, 'protocol.eml');
      writeFileSync(file, 'From: clerk@example.org\r\nSubject: Protocol\r\n\r\n');
      return file;
    },
    /email has no message text and no document attached/,
  ],
];

test.each(CASES)('%s: one sentence, exit 2, nothing written', async (_, make, message) => {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  const { code, stdout, stderr } = await importCli(make(), out);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr).toMatch(message);
  // One line, one sentence for the clerk: no stack trace.
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^import: [a-z].*\.\n$/);
  expect(existsSync(out)).toBe(false);
});
