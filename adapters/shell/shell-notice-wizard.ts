/** Walks an officer through filing a political-group attendance notice in the terminal, field by field. */
import type { NoticeField } from '../../src/notices/notice-model';
import type { Filer, NoticeService } from '../../src/notices/notice-service';

const FIELDS: { field: NoticeField; label: string; optional?: boolean }[] = [
  { field: 'group', label: 'Political group' },
  { field: 'meetingDate', label: 'Meeting date (YYYY-MM-DD)' },
  { field: 'officers', label: 'Officer(s) who attended' },
  { field: 'advice', label: 'Advice given (statements of material fact)' },
  { field: 'information', label: 'Information provided (optional, press Enter to skip)', optional: true },
];

export class NoticeWizard {
  private readonly values: Partial<Record<NoticeField, string>> = {};
  private index = 0;

  constructor(
    private readonly notices: NoticeService,
    private readonly filer: Filer,
  ) {}

  intro(): string {
    return 'Filing a political-group attendance notice. Type /cancel at any point to stop.';
  }

  prompt(): string {
    return `${FIELDS[this.index]!.label}: `;
  }

  /** Takes one line; returns true when the wizard has finished (filed or cancelled). */
  async answer(line: string, write: (text: string) => void): Promise<boolean> {
    if (line.trim() === '/cancel') {
      write('Cancelled; nothing was filed.');
      return true;
    }
    this.values[FIELDS[this.index]!.field] = line;
    this.index += 1;
    if (this.index < FIELDS.length) return false;

    const result = await this.notices.file(this.values, this.filer);
    if (!result.ok) {
      const fields = Object.keys(result.errors) as NoticeField[];
      for (const f of fields) write(`• ${FIELDS.find((x) => x.field === f)?.label ?? f}: ${result.errors[f]}`);
      // Ask again from the first field that was wrong; earlier answers are kept.
      this.index = Math.min(...fields.map((f) => FIELDS.findIndex((x) => x.field === f)));
      write('Please correct the field(s) above.');
      return false;
    }
    const progress = await this.notices.progress(result.notice.id);
    write(`Notice filed and stored in the register (${result.notice.id}).`);
    write(
      progress.total > 0
        ? `Delivering to members: ${progress.delivered} of ${progress.total} so far. Type "notices" to see the register.`
        : 'Delivery to members runs through Slack or Teams when they are configured; type "notices" to see the register.',
    );
    return true;
  }
}
