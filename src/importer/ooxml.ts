/** A small view over fast-xml-parser's order-preserving output, for reading Word's XML parts. */
import { XMLParser } from 'fast-xml-parser';

/** One element: its tag, attributes (without prefix) and children in document order. */
export interface XmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text content, for text nodes (tag '#text'). */
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

type Raw = Record<string, unknown>;

function toNode(raw: Raw): XmlNode {
  const tag = Object.keys(raw).find((k) => k !== ':@')!;
  if (tag === '#text') return { tag, attrs: {}, children: [], text: String(raw[tag]) };
  const attrs = (raw[':@'] as Record<string, string> | undefined) ?? {};
  const children = ((raw[tag] as Raw[] | undefined) ?? []).map(toNode);
  return { tag, attrs, children };
}

export function parseXml(xml: string): XmlNode[] {
  return (parser.parse(xml) as Raw[]).map(toNode);
}

export function child(node: XmlNode | undefined, tag: string): XmlNode | undefined {
  return node?.children.find((c) => c.tag === tag);
}

export function childrenOf(node: XmlNode | undefined, tag: string): XmlNode[] {
  return node?.children.filter((c) => c.tag === tag) ?? [];
}

/** The w:val attribute of a child element, e.g. val(pPr, 'w:pStyle'). */
export function val(node: XmlNode | undefined, tag: string): string | undefined {
  return child(node, tag)?.attrs['w:val'];
}

/** The first element with this tag anywhere below the given roots. */
export function find(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  for (const n of nodes) {
    if (n.tag === tag) return n;
    const below = find(n.children, tag);
    if (below) return below;
  }
  return undefined;
}
