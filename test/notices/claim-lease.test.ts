import { ClaimLease } from '../../src/notices/claim-lease';
import { aStoredNotice } from '../builders/notice-builders';
import { logger, sqliteKit, type SqliteKit } from './notice-test-kit';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ClaimLease', () => {
  let kit: SqliteKit;
  const leases: ClaimLease[] = [];
  beforeEach(async () => {
    kit = await sqliteKit();
  });
  afterEach(async () => {
    for (const l of leases.splice(0)) l.end();
    await kit.dispose();
  });

  async function claimTwo(leaseMs: number, hungSendMs?: number) {
    const notice = aStoredNotice({ filedAt: new Date(Date.now() - 1000) });
    await kit.store.fileNotice(notice, [
      { platform: 'slack', recipient: 'U1' },
      { platform: 'slack', recipient: 'U2' },
    ]);
    const claimedAt = new Date();
    const batch = await kit.store.claimDeliveries('slack', 10, claimedAt, leaseMs);
    const clock = () => new Date();
    const lease = new ClaimLease(kit.store, batch, claimedAt, leaseMs, clock, logger, hungSendMs);
    leases.push(lease);
    return { batch, lease };
  }

  it('renews the rows it holds, so no one else can claim them while they are worked', async () => {
    const { batch, lease } = await claimTwo(90);
    await wait(400);
    expect(await kit.store.claimDeliveries('slack', 10, new Date(), 90)).toEqual([]);
    expect(batch.every((d) => lease.holds(d.id))).toBe(true);

    await kit.store.markDelivered(batch[0]!.id, 'ts-1');
    lease.finish(batch[0]!.id);
    lease.end();
    await wait(200);
    // Renewals over: the unfinished row lapses and is handed on as possibly sent.
    expect(await kit.store.claimDeliveries('slack', 10, new Date(), 90)).toMatchObject([{ id: batch[1]!.id, mayHaveBeenSent: true }]);
  });

  it('stops renewing a send presumed hung, leaving its row to be rechecked elsewhere', async () => {
    const { batch, lease } = await claimTwo(60, 150);
    lease.sending(batch[0]!.id);
    await wait(500);
    const reclaimed = await kit.store.claimDeliveries('slack', 10, new Date(), 60);
    expect(reclaimed.map((d) => [d.id, d.mayHaveBeenSent])).toEqual([[batch[0]!.id, true]]);
    expect(lease.holds(batch[0]!.id)).toBe(false);
    expect(lease.holds(batch[1]!.id)).toBe(true);
  });

  it('never vouches for a lease it could not renew', async () => {
    const { batch, lease } = await claimTwo(90);
    // Another claimer took the rows (their lease lapsed while this process was stalled).
    await kit.store.releaseDeliveries(batch.map((d) => d.id), new Date(0));
    await kit.store.claimDeliveries('slack', 10, new Date(Date.now() + 1), 60_000);
    await wait(200);
    expect(batch.map((d) => lease.holds(d.id))).toEqual([false, false]);
    expect(lease.stillHeld(batch)).toEqual([]);
  });
});
