/** Clause ids ("2.4", "2.2.3", "3.1(e)"): ordering, containment and parents, in one place. */

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

/** The nearest existing ancestor: "2.4.1" -> "2.4" if present, else "2". */
export function parentOf(id: string, existing: ReadonlySet<string>): string | undefined {
  const parts = id.split('.');
  for (let n = parts.length - 1; n >= 1; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (existing.has(candidate)) return candidate;
  }
  return undefined;
}
