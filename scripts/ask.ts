/** `npm run ask -- --council <id> [--role councillor|officer] [--json] "<question>"`: answers once. */
import { renderAnswer } from '../adapters/shell/shell-render';
import { loadConfig } from '../src/config';
import { BotError } from '../src/errors';
import { ROLES, type Role } from '../src/protocol/model';
import { loadCore } from '../src/protocol-core';

const USAGE = 'usage: npm run ask -- --council <id> [--role councillor|officer] [--json] "<question>"';

function main(): number {
  const args = process.argv.slice(2);
  let council: string | undefined;
  let role = 'councillor';
  let json = false;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--council') council = args[++i];
    else if (a === '--role') role = args[++i] ?? '';
    else if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else words.push(a);
  }
  if (!(ROLES as readonly string[]).includes(role)) {
    process.stderr.write(`ask: unknown role "${role}"; use councillor or officer.\n`);
    return 2;
  }
  const config = loadConfig(process.env);
  const core = loadCore(config.contentDir, config.council);
  const question = words.join(' ');
  const answer = core.ask({ council: council ?? core.defaultCouncil, role: role as Role, text: question });
  if (json) {
    const out = {
      council: answer.council.id,
      question: answer.question,
      kind: answer.kind,
      confident: answer.confident,
      clauses: answer.clauses.slice(0, 3).map((c) => ({ id: c.id, heading: c.heading, text: c.text, score: c.score })),
      // The item or sentence the answer leads with, when the best clause is long or a list.
      ...(answer.focus ? { focus: answer.focus } : {}),
      escalation: { steps: answer.escalation.steps, text: answer.escalation.text },
      ...(answer.message ? { message: answer.message } : {}),
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else {
    process.stdout.write(`${renderAnswer(answer)}\n`);
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`ask: ${err instanceof BotError ? err.message : (err as Error).message}\n`);
  process.exitCode = 2;
}
