/** Walks a protocol's body line by line, building clauses: numbering, headings, lists and wrapped text. */
import { ClauseDraft } from './clause-draft';
import type { HyphenContext } from './hyphenation';
import {
  classifyLine,
  closesSentence,
  headingCase,
  isInlineClauseHeading,
  isInlineSectionHeading,
  isSectionNumber,
  isUpperCase,
  looksLikeHeading,
  sectionLabel,
  type NumberStyle,
  type SourceLine,
} from './line-patterns';
import { Lookahead } from './line-lookahead';
import { splitWrappedItems } from './line-wrapping';

/** A section's number before its heading ("4. Working with the Executive"). */
const SECTION_NUMBER_BEFORE = /^\d{1,2}\.\s+(?=\p{Lu})/u;

/** This many blank lines in a row, where a list belongs, are bullets whose glyphs were lost. */
const LOST_BULLET_RUN = 3;

/** Lines gathered for items whose markers came apart from their text (blank bullets, or "i / ii / iii" alone). */
interface Gathering {
  count: number;
  labels?: string[];
  lines: string[];
  /** A clause number that turned up between the markers and their text; it starts after the items. */
  deferred?: string;
}

export class BodyParser {
  readonly clauses: ClauseDraft[] = [];
  readonly notes: string[] = [];
  private lines: SourceLine[] = [];
  private ahead = new Lookahead([], Infinity);
  private current?: ClauseDraft;
  private section = 0;
  /** A sub-heading standing above a run of clauses (borough's "Officer Impartiality" over 2.2-2.4). */
  private group?: string;
  private expectHeading = false;
  private pendingLabels: string[] = [];
  private gathering?: Gathering;
  /** The last line of running text or item, to tell whether a paragraph has closed. */
  private prevText?: string;

  /** The section a group heading was set for: it lasts through that section (all sections when numbering is flat). */
  private groupSection?: number;

  /**
   * @param style the document's clause numbering ("1.1", "1)", "(1)", "Paragraph 1"); numbers in
   *   another style are list items. @param flat paragraphs are numbered straight through (no "1.1").
   */
  constructor(
    private readonly width: number,
    private readonly style: NumberStyle = 'dotted',
    private readonly flat = false,
    private readonly hyphens: HyphenContext = { corpus: '' },
  ) {}

  /** A heading standing before the first clause (after the title) heads the clauses under it. */
  setGroupHeading(heading: string): void {
    this.group = heading;
    this.groupSection = undefined;
  }

  /** Starts a section whose number the document leaves out (bfstc's "BACKGROUND", "POLITICAL GROUPS"). */
  startUnnumberedSection(id: string, heading: string): void {
    this.openClause(id);
    this.current!.heading = heading;
  }

  parse(raw: readonly string[]): void {
    this.lines = raw.map(classifyLine);
    this.ahead = new Lookahead(this.lines, this.width);
    let blankRun = 0;
    this.lines.forEach((line, i) => {
      if (line.kind === 'blank') {
        if (this.gathering && this.gathering.lines.length > 0) this.finishGathering();
        blankRun++;
        return;
      }
      const run = blankRun;
      blankRun = 0;
      if (!this.gathering && run >= LOST_BULLET_RUN && this.current && this.startsLostList(line, i)) {
        this.gathering = { count: run - 1, lines: [] };
      }
      if (this.gathering && this.gather(line, i)) return;
      this.handle(line, i);
    });
    if (this.gathering) this.finishGathering();
    for (const c of this.clauses) {
      if (c.listAfterTail) this.notes.push(`Clause ${c.id}: a list follows text that comes after an earlier list; check the order.`);
    }
  }

  private startsLostList(line: SourceLine, i: number): boolean {
    return line.kind === 'text' || (line.kind === 'number' && line.rest === '' && this.ahead.nextIsRunningText(i));
  }

  /** Feeds one line to the gathering; false when the line ends it and must be handled normally. */
  private gather(line: SourceLine, i: number): boolean {
    const g = this.gathering!;
    if (line.kind === 'number' && line.rest === '' && g.lines.length === 0 && !g.deferred && this.ahead.nextIsRunningText(i)) {
      g.deferred = line.id;
      return true;
    }
    if (line.kind === 'text') {
      g.lines.push(line.text);
      this.prevText = line.text;
      return true;
    }
    this.finishGathering();
    return false;
  }

  private finishGathering(): void {
    const g = this.gathering!;
    this.gathering = undefined;
    const clause = this.current!;
    if (g.lines.length > 0) {
      const items = splitWrappedItems(g.lines, g.count);
      items.forEach((lines, n) => clause.addWrappedItem(g.labels?.[n], lines));
      const markers = g.labels ? `labels ${g.labels.join(', ')}` : `${g.count} blank bullet marker(s)`;
      this.notes.push(
        `Clause ${clause.id}: ${items.length} list item(s) rebuilt from wrapped lines (the text had ${markers} apart from the items); check where each item starts.`,
      );
    }
    if (g.deferred) {
      this.openClause(g.deferred);
      this.expectHeading = true;
      this.notes.push(`Clause ${g.deferred}: its number stood among the previous clause's list markers; it starts after that list.`);
    }
  }

  private handle(line: SourceLine, i: number): void {
    switch (line.kind) {
      case 'number':
        if (line.style !== this.style) return this.numberInOtherStyle(line, i);
        if (this.headsParagraphs(line, i)) return this.handleText(line.raw, i);
        if (!this.isPlausible(line.id)) return this.handleText(line.raw, i);
        if (isSectionNumber(line.id)) return this.startSection(line.id, line.rest, i);
        return this.startClause(line.id, line.rest, i);
      case 'item':
        // A stray bullet in front of a heading (bfstc's " POLITICAL GROUPS").
        if (!line.label && isUpperCase(line.text) && looksLikeHeading(line.text, this.width)) return this.handleText(line.text, i);
        this.expectHeading = false;
        this.current?.addItem(line.label, line.text, line.glyph);
        this.prevText = line.text;
        return;
      case 'label':
        this.pendingLabels.push(line.label);
        return;
      case 'text':
        return this.handleText(line.text, i);
      case 'blank':
        return;
    }
  }

  /** "(1)" in a document numbered "1.1" is a list item; "1.2" in one numbered "(1)" is text. */
  private numberInOtherStyle(line: Extract<SourceLine, { kind: 'number' }>, i: number): void {
    if (!this.current || line.id.includes('.') || !line.rest) return this.handleText(line.raw, i);
    this.expectHeading = false;
    this.current.addItem(line.id, line.rest);
    this.prevText = line.rest;
  }

  private handleText(text: string, i: number): void {
    if (this.pendingLabels.length > 0) return this.textAfterLabels(text);
    const closed = this.prevText === undefined || closesSentence(this.prevText);
    if (this.expectHeading) {
      this.expectHeading = false;
      if (looksLikeHeading(text, this.width) && this.ahead.nextAllowsHeading(i)) {
        this.current!.heading = headingCase(text);
        return;
      }
    } else if (closed && looksLikeHeading(text, this.width) && this.nextIsClause(i)) {
      const next = this.ahead.nextLine(i) as Extract<SourceLine, { kind: 'number' }>;
      const opensNext = !this.flat && !isSectionNumber(next.id) && Number(next.id.split('.')[0]) === this.section + 1;
      const labelled = sectionLabel(text);
      if (opensNext && labelled?.values.includes(this.section + 1)) {
        this.startUnnumberedSection(String(this.section + 1), headingCase(labelled.heading));
        this.notes.push(`"${text}" heads section ${this.section}, whose clauses are numbered ${next.id} and on.`);
        return;
      }
      if (opensNext && isUpperCase(text)) {
        this.startUnnumberedSection(String(this.section + 1), headingCase(text));
        this.notes.push(`Section ${this.section} ("${headingCase(text)}") has no number in the text; it is numbered by its position.`);
        return;
      }
      // "4. Working with the Executive" over paragraphs numbered straight through: the section's number is not a clause's.
      const heading = headingCase(this.flat ? text.replace(SECTION_NUMBER_BEFORE, '') : text);
      this.setGroupHeading(heading);
      this.prevText = undefined;
      this.notes.push(`"${heading}" stands unnumbered between paragraphs: it was taken as the heading of the clauses under it (from ${next.id}).`);
      return;
    } else if (!this.flat && closed && isUpperCase(text) && looksLikeHeading(text, this.width) && this.ahead.nextAllowsHeading(i)) {
      const id = String(this.section + 1);
      this.startUnnumberedSection(id, headingCase(text));
      this.notes.push(`Section ${id} ("${headingCase(text)}") has no number in the text; it is numbered by its position.`);
      return;
    }
    if (!this.current) {
      this.notes.push(`Text before any clause was left out: "${text.slice(0, 60)}".`);
      return;
    }
    this.current.addText(text);
    this.prevText = text;
  }

  private textAfterLabels(text: string): void {
    const labels = this.pendingLabels;
    this.pendingLabels = [];
    if (labels.length === 1) {
      this.current?.addItem(labels[0], text);
      this.prevText = text;
      return;
    }
    this.gathering = { count: labels.length, labels, lines: [text] };
  }

  private startSection(id: string, rest: string, i: number): void {
    this.openClause(id);
    if (!rest) {
      this.expectHeading = true;
    } else if ((isInlineSectionHeading(rest) || this.ahead.colonHeadsSection(id, rest, i)) && !this.ahead.nextContinues(i) && !this.ahead.fillsLine(i)) {
      this.current!.heading = headingCase(rest);
      this.group = undefined;
    } else {
      if (this.group) this.current!.heading = this.group;
      this.current!.addText(rest);
      this.prevText = rest;
    }
  }

  private startClause(id: string, rest: string, i: number): void {
    const section = Number(id.split('.')[0]);
    if (section !== this.section) {
      this.notes.push(`Clause ${id} starts section ${section}, which has no heading line of its own.`);
    }
    this.openClause(id);
    if (this.group) this.current!.heading = this.group;
    if (!rest) {
      this.expectHeading = true;
    } else if ((isInlineClauseHeading(rest) || this.ahead.headsChildren(id, rest, i)) && !this.ahead.nextContinues(i) && !this.ahead.fillsLine(i)) {
      this.current!.heading = headingCase(rest);
    } else {
      this.current!.addText(rest);
      this.prevText = rest;
    }
  }

  private openClause(id: string): void {
    const section = Number(id.split('.')[0]);
    if (this.group !== undefined) {
      if (this.groupSection === undefined) this.groupSection = section;
      else if (!this.flat && section !== this.groupSection) this.group = undefined;
    }
    this.section = section;
    this.current = new ClauseDraft(id, this.width, this.hyphens);
    this.clauses.push(this.current);
    this.expectHeading = false;
    this.pendingLabels = [];
    this.prevText = undefined;
  }

  /** A number at a line start is a clause only if it fits the numbering so far (not "2018" or a stray "7"). */
  private isPlausible(id: string): boolean {
    if (this.clauses.some((c) => c.id === id)) return false;
    const first = Number(id.split('.')[0]);
    if (isSectionNumber(id)) return first > this.section && first <= this.section + 2;
    return first === this.section || first === this.section + 1;
  }

  /**
   * "1. Introduction" straight above paragraph "1 This protocol…" in a document whose paragraphs are
   * numbered straight through: the section's heading, whose number the first paragraph shares.
   */
  private headsParagraphs(line: Extract<SourceLine, { kind: 'number' }>, i: number): boolean {
    if (!this.flat || !line.rest || !/^\d{1,2}\.\s/.test(line.raw) || !looksLikeHeading(line.rest, this.width)) return false;
    const next = this.ahead.nextLine(i);
    return next?.kind === 'number' && next.style === this.style && next.id === line.id && next.rest !== '';
  }

  private nextIsClause(i: number): boolean {
    const next = this.ahead.nextLine(i);
    return next?.kind === 'number' && next.style === this.style && (!isSectionNumber(next.id) || this.isPlausible(next.id));
  }
}
