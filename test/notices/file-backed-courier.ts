/**
 * A fake platform kept in a file, so a test and a child process it SIGKILLs share one view of
 * which messages reached members. A message "reaches" a member the moment its line is written.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import type { Courier } from '../../src/notices/courier';

export interface LoggedMessage {
  deliveryId: string;
  recipient: string;
  messageId: string;
}

export function readSentLog(file: string): LoggedMessage[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoggedMessage);
}

/** `afterSend` runs once each message is out; the child uses it to hang before the bot records it. */
export function fileBackedCourier(file: string, members: string[], afterSend: (count: number) => Promise<void> = async () => undefined): Courier {
  let count = 0;
  return {
    platform: 'slack',
    limits: { perSecond: 10_000, perRecipientPerSecond: 10_000 },
    listRecipients: async () => members.map((id) => ({ id })),
    deliver: async ({ deliveryId, recipient }) => {
      const messageId = `msg-${process.pid}-${++count}`;
      appendFileSync(file, `${JSON.stringify({ deliveryId, recipient, messageId })}\n`);
      await afterSend(count);
      return { messageId };
    },
    findDelivered: async ({ deliveryId }) => {
      const found = readSentLog(file).find((m) => m.deliveryId === deliveryId);
      return found ? { messageId: found.messageId } : null;
    },
  };
}
