/**
 * Walks an officer through filing a political-group attendance notice in the terminal, field by
 * field. Each answer is checked as it is typed, so a wrong date is asked again at once rather than
 * after the last field; the notice is filed under the council selected when the wizard started.
 */
import { noticeInputSchema, type NoticeField } from '../../src/notices/notice-model';
import type { Filer, NoticeService } from '../../src/notices/notice-service';
import { readMeetingDate } from './meeting-date';

const FIELDS: { field: NoticeField; label: string }[] = [
  { field: 'group', label: 'Political group' },
  { field: 'meetingDate', label: 'Meeting date (e.g. 23 November 2026)' },
  { field: 'officers', label: 'Officer(s) who attended' },
  { field: 'advice', label: 'Advice given (statements of material fact)' },
  { field: 'information', label: 'Information provided (optional, press Enter to skip)' },
];

/** The field's value as the notice will hold it, or what is wrong with it. */
function checkField(field: NoticeField, line: string): { ok: true; value: string } | { ok: false; message: string } {
  let value = line;
  if (field === 'meetingDate' && line.trim()) {
    const date = readMeetingDate(line);
    if (!date.ok) return date;
    value = date.iso;
  }
  const parsed = noticeInputSchema.shape[field].safeParse(value);
  return parsed.success ? { ok: true, value } : { ok: false, message: parsed.error.issues[0]?.message ?? 'Please check this field.' };
}

export class NoticeWizard {
  private readonly values: Partial<Record<NoticeField, string>> = {};
  private index = 0;

  constructor(
    private readonly notices: NoticeService,
    private readonly filer: Filer,
    /** The council whose register the notice goes in. */
    private readonly council: string,
    private readonly councilName: string,
  ) {}

  intro(): string {
    return `Filing a political-group attendance notice for ${this.councilName}. Type /cancel at any point to stop.`;
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
    const { field } = FIELDS[this.index]!;
    const checked = checkField(field, line);
    if (!checked.ok) {
      write(`• ${checked.message}`);
      return false;
    }
    this.values[field] = checked.value;
    this.index += 1;
    if (this.index < FIELDS.length) return false;

    const result = await this.notices.file(this.values, this.filer, { council: this.council });
    if (!result.ok) {
      // Each field passed on its own; this is a rule across fields. Ask again from the first one named.
      const fields = Object.keys(result.errors) as NoticeField[];
      for (const f of fields) write(`• ${FIELDS.find((x) => x.field === f)?.label ?? f}: ${result.errors[f]}`);
      this.index = Math.max(0, Math.min(...fields.map((f) => FIELDS.findIndex((x) => x.field === f))));
      write('Please correct the field(s) above.');
      return false;
    }
    const progress = await this.notices.progress(result.notice.id);
    write(`Notice filed in the ${this.councilName} register (${result.notice.id}).`);
    write(
      progress.total > 0
        ? `Delivering to members: ${progress.delivered} of ${progress.total} so far. Type "notices" to see the register.`
        : 'Delivery to members runs through Slack or Teams when they are configured; type "notices" to see the register.',
    );
    return true;
  }
}
