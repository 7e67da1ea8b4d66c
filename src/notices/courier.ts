/**
 * The port a chat platform implements so the notice outbox can deliver through it.
 * The outbox owns retries, pacing and bookkeeping; a courier only talks to its platform.
 */
import type { Platform, StoredNotice } from '../store/store';

/** Recipients named `channel:<id>` are the post in a members channel, not a member. */
export const CHANNEL_RECIPIENT_PREFIX = 'channel:';

/** The channel id of a `channel:<id>` recipient, or undefined for a member. */
export function channelOf(recipient: string): string | undefined {
  return recipient.startsWith(CHANNEL_RECIPIENT_PREFIX) ? recipient.slice(CHANNEL_RECIPIENT_PREFIX.length) : undefined;
}

export interface Recipient {
  /** A member's user id, or `channel:<id>` for the post in the members channel. */
  id: string;
}

export interface DeliveryRequest {
  deliveryId: string;
  notice: StoredNotice;
  recipient: string;
}

export interface Courier {
  platform: Platform;
  /** Every human member who should get the notice, plus `channel:<id>` entries; pages as needed. */
  listRecipients(): Promise<Recipient[]>;
  /** Sends one delivery; resolves with the platform's message id. Throws DeliveryError on failure. */
  deliver(request: DeliveryRequest): Promise<{ messageId: string }>;
  /**
   * For a delivery whose outcome is unknown (claimed before a crash): the message already sent for
   * it, found by the delivery id carried in its metadata, or null when none was sent.
   */
  findDelivered(request: DeliveryRequest): Promise<{ messageId: string } | null>;
  /** Pacing: most messages per second this courier may send in all, and per recipient/channel. */
  limits: { perSecond: number; perRecipientPerSecond: number };
}
