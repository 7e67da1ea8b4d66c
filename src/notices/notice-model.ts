/** A political-group attendance notice as the clerk files it, validated at every way in. */
import { z } from 'zod';
import type { Platform } from '../store/store';

export const NOTICE_LIMITS = {
  group: 120,
  officers: 300,
  advice: 3000,
  information: 3000,
} as const;

const trimmed = (max: number, what: string) =>
  z
    .string({ error: `${what} is required.` })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1, `${what} is required.`)
        .max(max, `${what} must be at most ${max} characters.`),
    );

export const noticeInputSchema = z.object({
  /** The political group whose meeting the officer attended. */
  group: trimmed(NOTICE_LIMITS.group, 'Political group'),
  /** ISO date (YYYY-MM-DD) of the meeting. */
  meetingDate: z
    .string({ error: 'Meeting date is required.' })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Meeting date must be a date like 2026-11-23.')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Meeting date is not a real date.'),
  /** The officer or officers who attended. */
  officers: trimmed(NOTICE_LIMITS.officers, 'Officer(s) who attended'),
  /** The advice given: statements of material fact. */
  advice: trimmed(NOTICE_LIMITS.advice, 'Advice given'),
  /** Information provided to the group, if any. */
  information: z
    .string()
    .optional()
    .transform((s) => (s ?? '').replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().max(NOTICE_LIMITS.information, `Information provided must be at most ${NOTICE_LIMITS.information} characters.`)),
});

export type NoticeInput = z.output<typeof noticeInputSchema>;
export type NoticeField = keyof NoticeInput;

/** Validates raw form values; returns the notice or a message per field. */
export function validateNoticeInput(
  raw: unknown,
): { ok: true; notice: NoticeInput } | { ok: false; errors: Partial<Record<NoticeField, string>> } {
  // Anything but an object (a missing form, a string) is judged as an empty form, so each field
  // gets its own message rather than one error that names no field.
  const form = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  const parsed = noticeInputSchema.safeParse(form);
  if (parsed.success) return { ok: true, notice: parsed.data };
  const errors: Partial<Record<NoticeField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as NoticeField | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** How far a notice's delivery has got, for the officer who filed it. */
export interface NoticeProgress {
  /** Deliveries to members; posts in members channels and the roster-expansion row are not counted. */
  total: number;
  delivered: number;
  failed: number;
  /** Waiting, being sent, or waiting to retry. */
  pending: number;
  /** Failed deliveries with the reason; recipient `*` means the member list itself could not be read. */
  failures: { recipient: string; platform: Platform; error: string }[];
  /** True when nothing is left to send (member lists read, every delivery delivered or failed). */
  done: boolean;
  /** The posts in members channels (`channel:<id>` recipients). */
  channels: { total: number; delivered: number };
}
