/** Looking at the lines after the current one: whether a line is a heading, a wrapped paragraph or runs on. */
import { isColonHeading, isInlineSectionHeading, looksLikeHeading, startsLowerCase, startsUpperCase, type SourceLine } from './line-patterns';

export class Lookahead {
  constructor(
    private readonly lines: readonly SourceLine[],
    private readonly width: number,
  ) {}

  /** "2. Communication with staff:" directly over 2.1: a colon there introduces the section, not a list. */
  colonHeadsSection(id: string, rest: string, i: number): boolean {
    const next = this.nextLine(i);
    return isColonHeading(rest) && isInlineSectionHeading(rest.slice(0, -1)) && next?.kind === 'number' && next.id.startsWith(`${id}.`);
  }

  /**
   * "3.1 Dealing with the press" followed at once by 3.1.1: a few words with no full stop over clauses
   * numbered under it are its heading, in sentence case as much as in Title Case.
   */
  headsChildren(id: string, rest: string, i: number): boolean {
    const next = this.nextLine(i);
    return (
      next?.kind === 'number' &&
      next.id.startsWith(`${id}.`) &&
      rest.length <= 70 &&
      rest.split(/\s+/).length <= 10 &&
      startsUpperCase(rest) &&
      (!/[.;:!?,]$/.test(rest.trim()) || isColonHeading(rest.trim()))
    );
  }

  /** A line running to the wrap width was wrapped: its words run on, so they are not a heading. */
  fillsLine(i: number): boolean {
    const line = this.lines[i];
    return Number.isFinite(this.width) && line !== undefined && line.kind !== 'blank' && line.raw.length >= this.width * 0.8;
  }

  nextLine(i: number): SourceLine | undefined {
    for (let j = i + 1; j < this.lines.length; j++) if (this.lines[j]!.kind !== 'blank') return this.lines[j];
    return undefined;
  }

  nextIsRunningText(i: number): boolean {
    const next = this.nextLine(i);
    return next?.kind === 'text' && !looksLikeHeading(next.text, this.width);
  }

  nextContinues(i: number): boolean {
    const next = this.nextLine(i);
    return next?.kind === 'text' && startsLowerCase(next.text);
  }

  nextAllowsHeading(i: number): boolean {
    const next = this.nextLine(i);
    if (!next) return false;
    return next.kind !== 'text' || startsUpperCase(next.text);
  }

}
