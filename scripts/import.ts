/**
 * `npm run import -- <plain-text file> --id <id> --name "<council name>" [--title "<title>"] [--out <path>] [--force]`:
 * turns a protocol's extracted plain text into a content file for the clerk to review.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { BotError, ContentError } from '../src/errors';
import { toContentYaml } from '../src/importer/content-writer';
import { importPlainText } from '../src/importer/plain-text-importer';
import { parseProtocol } from '../src/protocol/content-loader';

const USAGE =
  'usage: npm run import -- <plain-text file> --id <id> --name "<council name>" [--title "<document title>"] [--out <path>] [--force]';

function main(): number {
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
    process.stderr.write(`import: give one plain-text file, --id and --name.\n${USAGE}\n`);
    return 2;
  }

  const { content, notes } = importPlainText(readFileSync(file, 'utf8'), {
    id: values.id,
    name: values.name,
    ...(values.title ? { title: values.title } : {}),
    source: basename(file),
  });
  const yaml = toContentYaml(content, notes);
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

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`import: ${err instanceof BotError ? err.message : (err as Error).message}\n`);
  process.exitCode = 2;
}
