/**
 * Erasing one person's records (UK GDPR right to erasure), for officers in chat and for
 * `npm run forget`. What people asked and how they rated answers is erased; the notices register
 * (notices, who they went to, who read them) is a council record and is kept.
 */
import { NotAuthorisedError } from '../errors';
import type { Logger } from '../logger';
import type { Role } from '../protocol/model';
import type { BotStore, ErasedRecords, Platform } from './store';

export interface ErasureRequest {
  /** The person whose records go: a Slack or Teams user id, or the terminal's user. */
  userId: string;
  /** Only their records on this platform; all platforms when left out. */
  platform?: Platform;
}

export class DataProtection {
  private readonly logger: Logger;

  constructor(
    private readonly store: BotStore,
    logger: Logger,
  ) {
    this.logger = logger.child({ component: 'data-protection' });
  }

  /** Officers only: erases the person's questions and feedback; returns how many records went. */
  async forget(role: Role, request: ErasureRequest, by: { platform: Platform; userId: string }): Promise<ErasedRecords> {
    if (role !== 'officer') throw new NotAuthorisedError("erase a person's records");
    const userId = request.userId.trim();
    if (!userId) throw new RangeError('A user id is needed to erase records.');
    const erased = await this.store.forgetUser(userId, request.platform);
    // A record that the request was carried out, as accountability asks; it holds no question text.
    this.logger.info({ erasedUser: userId, platform: request.platform ?? 'all', ...erased, by }, 'personal records erased');
    return erased;
  }
}

/** The reply to an officer (or the CLI) once erased; adapters may render it as they like. */
export function describeErasure(userId: string, erased: ErasedRecords): string {
  const total = erased.unanswered + erased.feedback;
  const what = total === 0 ? 'No questions or feedback were held' : `Erased ${plural(erased.unanswered, 'question')} and ${plural(erased.feedback, 'feedback record')}`;
  return `${what} for ${userId}. Notices, their deliveries and "I've read this" records are kept: they are the council's register.`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
