/** Loads and validates every council's content file; a malformed file stops start-up with a precise error. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContentError } from '../errors';
import { contentFileSchema, type ContentFile } from './content-schema';
import { parentOf } from './clause-id';
import type { Clause, Protocol } from './model';

export const COUNCILS_SUBDIR = 'councils';

/** Loads content/councils/*.yaml into protocols keyed by council id. */
export function loadProtocols(contentDir: string): Map<string, Protocol> {
  const dir = join(contentDir, COUNCILS_SUBDIR);
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (err) {
    throw new ContentError(dir, `cannot read the content folder (${(err as Error).message})`);
  }
  if (files.length === 0) throw new ContentError(dir, 'no council content files (*.yaml) found');
  const protocols = new Map<string, Protocol>();
  for (const file of files) {
    const path = join(dir, file);
    const protocol = parseProtocol(readFileSync(path, 'utf8'), path);
    const expectedId = basename(file).replace(/\.ya?ml$/, '');
    if (protocol.id !== expectedId) {
      throw new ContentError(path, `id "${protocol.id}" does not match the file name (expected id: ${expectedId})`);
    }
    protocols.set(protocol.id, protocol);
  }
  return protocols;
}

/** Parses one content file's YAML text; `file` is used only in error messages. */
export function parseProtocol(yamlText: string, file: string): Protocol {
  let raw: unknown;
  try {
    raw = parseYaml(yamlText, { uniqueKeys: true });
  } catch (err) {
    throw new ContentError(file, `is not valid YAML: ${(err as Error).message.split('\n')[0]!.replace(/:\s*$/, '')}`);
  }
  const parsed = contentFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ContentError(file, `${describePath(issue.path, raw)}${issue.message}`, clauseAt(issue.path, raw));
  }
  return toProtocol(parsed.data, file);
}

function clauseAt(path: PropertyKey[], raw: unknown): string | undefined {
  if (path[0] !== 'clauses' || typeof path[1] !== 'number') return undefined;
  const clause = (raw as { clauses?: { id?: unknown }[] }).clauses?.[path[1]];
  return typeof clause?.id === 'string' ? clause.id : `#${path[1] + 1} in the list`;
}

function describePath(path: PropertyKey[], raw: unknown): string {
  const inClause = clauseAt(path, raw) !== undefined;
  const rest = inClause ? path.slice(2) : path;
  const where = rest.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : `${i ? '.' : ''}${String(p)}`)).join('');
  return where ? `${where}: ` : '';
}

function toProtocol(content: ContentFile, file: string): Protocol {
  const seen = new Set<string>();
  for (const c of content.clauses) {
    if (seen.has(c.id)) throw new ContentError(file, 'duplicate clause id', c.id);
    seen.add(c.id);
    const labels = new Set<string>();
    for (const item of c.items) {
      if (labels.has(item.label)) throw new ContentError(file, `duplicate list item label "${item.label}"`, c.id);
      labels.add(item.label);
      const subLabels = new Set<string>();
      for (const sub of item.items ?? []) {
        if (subLabels.has(sub.label)) throw new ContentError(file, `duplicate list item label "${sub.label}" under (${item.label})`, c.id);
        subLabels.add(sub.label);
      }
    }
    if (!c.text && c.items.length === 0 && !c.tail && !c.heading) {
      throw new ContentError(file, 'clause has neither heading nor text', c.id);
    }
  }
  const byId = new Map(content.clauses.map((c) => [c.id, c]));
  // A clause without a heading takes the nearest ancestor's, wherever that stands in the file.
  const headingOf = (id: string): string | undefined => {
    const clause = byId.get(id);
    if (clause?.heading) return clause.heading;
    const parent = parentOf(id, seen);
    return parent ? headingOf(parent) : undefined;
  };
  const clauses: Clause[] = content.clauses.map((c) => {
    const parent = parentOf(c.id, seen);
    const heading = headingOf(c.id);
    if (!heading) throw new ContentError(file, 'heading is missing and there is no section heading to inherit', c.id);
    return {
      id: c.id,
      heading,
      text: c.text,
      items: c.items.map((i) => {
        const id = `${c.id}(${i.label})`;
        const subs = (i.items ?? []).map((s) => ({ id: `${id}(${s.label})`, label: s.label, text: s.text }));
        return { id, label: i.label, text: i.text, ...(subs.length ? { items: subs } : {}) };
      }),
      tail: c.tail,
      ...(parent ? { parent } : {}),
    };
  });
  for (const role of ['councillor', 'officer'] as const) {
    content.escalation[role].steps.forEach((step, i) => {
      for (const ref of [step.clause, ...step.governs]) {
        if (ref && !seen.has(ref)) {
          throw new ContentError(file, `escalation.${role}.steps[${i + 1}] ("${step.to}") refers to clause ${ref}, which does not exist`);
        }
      }
    });
  }
  return {
    id: content.id,
    name: content.name,
    title: content.title,
    source: content.source,
    clauses,
    escalation: {
      councillor: { steps: content.escalation.councillor.steps, isCouncilSetting: content.escalation.councillor.council_setting },
      officer: { steps: content.escalation.officer.steps, isCouncilSetting: content.escalation.officer.council_setting },
    },
  };
}
