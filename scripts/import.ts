/**
 * `npm run import -- <file> --id <id> --name "<council name>" [--title "<title>"] [--out <path>] [--force]`:
 * turns a council's protocol (PDF, Word .docx or .doc, OpenDocument .odt, a saved web page .html, Rich Text .rtf, an email saved as .eml or Outlook .msg, .txt or .md) into a content file for the clerk to review.
 * Exit codes: 0 written and it loads; 1 written but will not load until edited (or --out exists); 2 refused.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ContentError } from '../src/errors';
import { ImportError, importDocument } from '../src/importer/import-document';
import { parseProtocol } from '../src/protocol/content-loader';

const USAGE =
  'usage: npm run import -- <protocol.pdf|.docx|.doc|.odt|.rtf|.html|.eml|.msg|.txt|.md> --id <id> --name "<council name>" [--title "<document title>"] [--out <path>] [--force]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      title: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0 || !values.id || !values.name) {
    process.stderr.write(`import: give one protocol file, --id and --name.\n${USAGE}\n`);
    return 2;
  }
  if (!/^[a-z0-9-]+$/.test(values.id)) {
    process.stderr.write('import: --id must be lower-case letters, digits and hyphens (for example anytown-tc).\n');
    return 2;
  }

  const { content, yaml, notes } = await importDocument(file, {
    id: values.id,
    name: values.name,
    ...(values.title ? { title: values.title } : {}),
  });
  const problem = loadProblem(yaml, values.out ?? `${values.id}.yaml`);

  if (!values.out) {
    process.stdout.write(yaml);
    return problem ? 1 : 0;
  }
  try {
    writeFileSync(values.out, yaml, { flag: values.force ? 'w' : 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    process.stderr.write(`import: ${values.out} already exists; add --force to overwrite it.\n`);
    return 1;
  }
  process.stderr.write(
    `import: wrote ${values.out} (${content.clauses.length} clauses, ${notes.length} note(s) for the reviewer in its header).\n`,
  );
  return problem ? 1 : 0;
}

/** Runs the loader's own check, so the clerk hears now (not at start-up) if the file will not load. */
function loadProblem(yaml: string, file: string): string | undefined {
  try {
    parseProtocol(yaml, file);
    return undefined;
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    process.stderr.write(`import: the content file will not load until this is fixed by hand: ${err.message}\n`);
    return err.message;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // An ImportError is the one sentence for the clerk; anything else is a bug, reported without a stack trace.
    const message = err instanceof ImportError ? err.message : `could not import this file (${(err as Error).message}).`;
    process.stderr.write(`import: ${message}\n`);
    process.exitCode = 2;
  },
);
