/**
 * An RTF's list numbering: `\listtable` defines each list's levels (`\levelnfc` format, `\levelstartat`,
 * `\leveltext` with `\'00`…`\'08` standing for the levels' numbers) and `\listoverridetable` maps the `\lsN`
 * a paragraph carries to a list. Read into the same counters as Word's numbering.xml, so a paragraph whose
 * writer did not store the number it shows is numbered as Word would number it.
 */
import { WORD_NUMBER_FORMATS, WordNumbering, type NumberingInstance, type NumberingLevel } from './docx-numbering';
import { decodeBytes } from './rtf-code-pages';
import { groupsNamed, paramOf, type RtfGroup } from './rtf-syntax';

/** The document's numbering, or undefined when it defines no lists. */
export function readRtfLists(root: RtfGroup, codePage: number): WordNumbering | undefined {
  const table = groupsNamed(root, 'listtable')[0];
  if (!table) return undefined;
  const lists = new Map<string, Map<number, NumberingLevel>>();
  for (const list of groupsNamed(table, 'list')) {
    const levels = new Map<number, NumberingLevel>();
    groupsNamed(list, 'listlevel').forEach((level, i) => levels.set(i, readLevel(level, codePage)));
    lists.set(String(paramOf(list, 'listid') ?? ''), levels);
  }
  const instances = new Map<string, NumberingInstance>();
  const overrides = groupsNamed(root, 'listoverridetable')[0];
  for (const override of overrides ? groupsNamed(overrides, 'listoverride') : []) {
    const startOverrides = new Map<number, number>();
    groupsNamed(override, 'lfolevel').forEach((lfo, i) => {
      if (!lfo.children.some((c) => c.kind === 'word' && c.name === 'listoverridestartat')) return;
      const level = groupsNamed(lfo, 'listlevel')[0];
      startOverrides.set(i, paramOf(lfo, 'levelstartat') ?? (level && paramOf(level, 'levelstartat')) ?? 1);
    });
    instances.set(String(paramOf(override, 'ls') ?? ''), { abstractId: String(paramOf(override, 'listid') ?? ''), startOverrides });
  }
  // A document with a list table but no overrides (some writers) numbers `\lsN` straight from list N.
  if (instances.size === 0) for (const id of lists.keys()) instances.set(id, { abstractId: id, startOverrides: new Map() });
  return WordNumbering.fromLists(lists, instances);
}

function readLevel(level: RtfGroup, codePage: number): NumberingLevel {
  const nfc = paramOf(level, 'levelnfc') ?? paramOf(level, 'levelnfcn') ?? 0;
  return {
    start: paramOf(level, 'levelstartat') ?? 1,
    format: WORD_NUMBER_FORMATS[nfc] ?? 'decimal',
    text: levelText(groupsNamed(level, 'leveltext')[0], codePage),
    legal: (paramOf(level, 'levellegal') ?? 0) !== 0,
  };
}

/**
 * `{\leveltext \'03\'00.\'01;}` as Word's "%1.%2": the first byte is the text's length, bytes below 9 stand
 * for the number of that level, and `;` ends it.
 */
function levelText(group: RtfGroup | undefined, codePage: number): string {
  if (!group) return '';
  let out = '';
  let lengthRead = false;
  let skip = 0;
  for (const node of group.children) {
    if (node.kind === 'byte') {
      if (!lengthRead) lengthRead = true;
      else if (skip > 0) skip--;
      else out += node.value < 9 ? `%${node.value + 1}` : decodeBytes([node.value], codePage);
    } else if (node.kind === 'text') {
      const text = node.text.slice(skip);
      skip = Math.max(0, skip - node.text.length);
      const end = text.indexOf(';');
      if (end >= 0) return out + text.slice(0, end);
      out += text;
    } else if (node.kind === 'word' && node.name === 'u' && node.param !== undefined) {
      out += String.fromCharCode(node.param < 0 ? node.param + 65536 : node.param);
      skip = 1;
    }
  }
  return out;
}
