/** Clause ids ("2.4", "2.2.3", "4(b)", "3.1(e)"): ordering, containment and parents, in one place. */

/**
 * A clause's own id: a number ("4", "2.4", "2.2.3"), or a lettered paragraph of a numbered section ("4(b)",
 * in protocols whose sections hold paragraphs (a), (b)… rather than 4.1, 4.2). List items inside a clause
 * add further brackets ("3.1(e)", "4(b)(ii)") and are not clause ids.
 */
export const CLAUSE_ID = /^\d+(?:\.\d+)*(?:\([a-z]\))?$/;

/** Orders clause ids numerically: 2.4 < 2.10, 3.1 < 3.1(e). */
export function compareIds(a: string, b: string): number {
  const pa = a.split(/[.()]/).filter(Boolean);
  const pb = b.split(/[.()]/).filter(Boolean);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    const d = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (d !== 0) return d;
  }
  return 0;
}

/** True when `id` is `ancestor` or inside it: 2.4.1 and 2.4(e) are within 2.4, and 2.4 within 2. */
export function isWithin(id: string, ancestor: string): boolean {
  return id === ancestor || id.startsWith(`${ancestor}.`) || id.startsWith(`${ancestor}(`);
}

/** The nearest existing ancestor: "2.4.1" -> "2.4" if present, else "2"; "4(b)" -> "4". */
export function parentOf(id: string, existing: ReadonlySet<string>): string | undefined {
  const lettered = /^(.+)\([a-z]\)$/.exec(id);
  if (lettered) return existing.has(lettered[1]!) ? lettered[1] : parentOf(lettered[1]!, existing);
  const parts = id.split('.');
  for (let n = parts.length - 1; n >= 1; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (existing.has(candidate)) return candidate;
  }
  return undefined;
}
