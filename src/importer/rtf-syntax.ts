/**
 * RTF's syntax as a tree: groups holding control words (`\par`, `\ls2`, `\u8217`), control symbols (`\~`),
 * bytes to decode through a code page (`\'92`, or a raw 8-bit byte) and plain ASCII text. `\{`, `\}` and
 * `\\` are text; `\binN` data is stepped over. What the words mean is the reader's business.
 */

export type RtfNode = RtfGroup | RtfWord | { kind: 'symbol'; char: string } | { kind: 'byte'; value: number } | { kind: 'text'; text: string };

export interface RtfGroup {
  kind: 'group';
  children: RtfNode[];
}

export interface RtfWord {
  kind: 'word';
  name: string;
  param?: number;
}

/** Why the bytes are not RTF that can be read: not RTF at all, or braces that do not balance. */
export class RtfSyntaxError extends Error {
  constructor(readonly reason: 'not-rtf' | 'unbalanced') {
    super(reason === 'not-rtf' ? 'not an RTF file' : 'unbalanced braces');
  }
}

/** Deeper nesting than this is a damaged (or hostile) file, not a document. */
const MAX_DEPTH = 1000;

const isLetter = (b: number) => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const HEX = /^[0-9a-f]{2}$/i;

/** The outermost `{\rtf1 …}` group; throws RtfSyntaxError for a file that is not RTF or whose braces do not balance. */
export function parseRtf(bytes: Uint8Array): RtfGroup {
  let i = 0;
  // A byte order mark or blank lines before `{\rtf` are tolerated; anything else is not RTF.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0d || bytes[i] === 0x0a || bytes[i] === 0x09)) i++;
  if (Buffer.from(bytes.subarray(i, i + 5)).toString('latin1') !== '{\\rtf') throw new RtfSyntaxError('not-rtf');

  const root: RtfGroup = { kind: 'group', children: [] };
  const stack: RtfGroup[] = [];
  let current = root;
  let text = '';
  const flushText = () => {
    if (text) current.children.push({ kind: 'text', text });
    text = '';
  };
  const push = (node: RtfNode) => {
    flushText();
    current.children.push(node);
  };

  i++; // the root's opening brace
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x7b) {
      if (stack.length >= MAX_DEPTH) throw new RtfSyntaxError('unbalanced');
      const group: RtfGroup = { kind: 'group', children: [] };
      push(group);
      stack.push(current);
      current = group;
      i++;
    } else if (b === 0x7d) {
      flushText();
      const parent = stack.pop();
      i++;
      if (!parent) return closeRoot(root, bytes, i);
      current = parent;
    } else if (b === 0x5c) {
      i = controlAt(bytes, i + 1, push, (t) => (text += t));
    } else if (b === 0x0d || b === 0x0a || b === 0x00) {
      i++; // line breaks in the file are not text
    } else if (b === 0x09) {
      push({ kind: 'word', name: 'tab' });
      i++;
    } else if (b >= 0x80) {
      push({ kind: 'byte', value: b });
      i++;
    } else {
      text += String.fromCharCode(b);
      i++;
    }
  }
  // The file ended with groups still open: it was cut short.
  throw new RtfSyntaxError('unbalanced');
}

/** After the root group closes only white space (or Word's trailing NUL) may follow. */
function closeRoot(root: RtfGroup, bytes: Uint8Array, from: number): RtfGroup {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x0d && b !== 0x0a && b !== 0x09 && b !== 0x00) throw new RtfSyntaxError('unbalanced');
  }
  return root;
}

/** Reads the control word or symbol after a backslash at `i`; returns where reading goes on. */
function controlAt(bytes: Uint8Array, i: number, push: (node: RtfNode) => void, addText: (t: string) => void): number {
  const b = bytes[i];
  if (b === undefined) return i;
  if (isLetter(b)) {
    let end = i;
    while (end < bytes.length && isLetter(bytes[end]!) && end - i < 32) end++;
    const name = Buffer.from(bytes.subarray(i, end)).toString('latin1');
    let paramEnd = end;
    if (bytes[paramEnd] === 0x2d && isDigit(bytes[paramEnd + 1] ?? 0)) paramEnd++;
    while (paramEnd < bytes.length && isDigit(bytes[paramEnd]!) && paramEnd - end < 11) paramEnd++;
    const param = paramEnd > end ? Number(Buffer.from(bytes.subarray(end, paramEnd)).toString('latin1')) : undefined;
    // One space delimits the word and is not text.
    let next = bytes[paramEnd] === 0x20 ? paramEnd + 1 : paramEnd;
    if (name === 'bin' && param !== undefined && param > 0) next = Math.min(bytes.length, next + param);
    else push(param === undefined ? { kind: 'word', name } : { kind: 'word', name, param });
    return next;
  }
  if (b === 0x27) {
    const hex = Buffer.from(bytes.subarray(i + 1, i + 3)).toString('latin1');
    if (!HEX.test(hex)) return i + 1;
    push({ kind: 'byte', value: Number.parseInt(hex, 16) });
    return i + 3;
  }
  if (b === 0x5c || b === 0x7b || b === 0x7d) {
    addText(String.fromCharCode(b));
    return i + 1;
  }
  // A backslash before a line break is a paragraph mark.
  if (b === 0x0d || b === 0x0a) {
    push({ kind: 'word', name: 'par' });
    return i + 1;
  }
  push({ kind: 'symbol', char: String.fromCharCode(b) });
  return i + 1;
}

/** The group's destination: its first control word, after `\*` when the group is marked optional. */
export function destinationOf(group: RtfGroup): { name?: string; optional: boolean } {
  const [first, second] = group.children;
  if (first?.kind === 'symbol' && first.char === '*') return { name: second?.kind === 'word' ? second.name : undefined, optional: true };
  return { name: first?.kind === 'word' ? first.name : undefined, optional: false };
}

/** The groups among a group's children whose destination is `name`. */
export function groupsNamed(group: RtfGroup, name: string): RtfGroup[] {
  return group.children.filter((c): c is RtfGroup => c.kind === 'group' && destinationOf(c).name === name);
}

/** The parameter of the first control word `name` among a group's own children. */
export function paramOf(group: RtfGroup, name: string): number | undefined {
  return group.children.find((c): c is RtfWord => c.kind === 'word' && c.name === name)?.param;
}
