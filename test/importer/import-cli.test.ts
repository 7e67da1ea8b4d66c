import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseProtocol } from '../../src/protocol/content-loader';
import { SEED_DIR, seed } from './seed-councils';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const HONITON = join(SEED_DIR, seed('honiton').file);

/** Runs `npx tsx scripts/import.ts ...args`; resolves with the exit code rather than rejecting on failure. */
async function importCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/import.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('scripts/import.ts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('prints a content file the loader accepts', async () => {
    const { code, stdout } = await importCli(HONITON, '--id', 'x', '--name', 'X');
    expect(code).toBe(0);
    const protocol = parseProtocol(stdout, 'x.yaml');
    expect(protocol).toMatchObject({ id: 'x', name: 'X', source: seed('honiton').file, title: 'Protocol on Member / Officer Relations' });
    expect(protocol.clauses.map((c) => c.id)).toEqual(seed('honiton').clauseIds);
    expect(stdout).toMatch(/^# X: Protocol on Member \/ Officer Relations\./);
  });

  test('writes --out, and refuses to overwrite it without --force', async () => {
    const out = join(dir, 'honiton.yaml');
    const first = await importCli(HONITON, '--id', 'honiton', '--name', 'Honiton Town Council', '--title', 'Protocol', '--out', out);
    expect(first.code).toBe(0);
    expect(parseProtocol(readFileSync(out, 'utf8'), out).title).toBe('Protocol');

    writeFileSync(out, 'edited by the clerk\n');
    const again = await importCli(HONITON, '--id', 'honiton', '--name', 'Honiton Town Council', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${out} already exists; add --force to overwrite it`);
    expect(readFileSync(out, 'utf8')).toBe('edited by the clerk\n');

    const forced = await importCli(HONITON, '--id', 'honiton', '--name', 'Honiton Town Council', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(parseProtocol(readFileSync(out, 'utf8'), out).id).toBe('honiton');
  });

  test('explains its usage when --id or --name is missing', async () => {
    const { code, stdout, stderr } = await importCli(HONITON, '--id', 'x');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('usage: npm run import -- <protocol.pdf|.docx|.doc|.odt|.rtf|.html|.eml|.msg|.txt|.md> --id <id> --name');
  });

  test('says plainly when the text has no protocol clauses in it', async () => {
    const file = join(dir, 'minutes.txt');
    writeFileSync(file, 'Minutes of the meeting\nApologies were received.\n');
    const { code, stderr } = await importCli(file, '--id', 'x', '--name', 'X');
    expect(code).toBe(2);
    expect(stderr).toContain('import: this looks like the minutes of a meeting');
  });
});
