/**
 * The ack guard around Bolt's receiver: a listener stuck on the database still gets Slack its ack
 * (sent for it, before the listener finishes); a request nobody handled is acked and answered
 * once; a failed one (already answered by the error handler) is acked and not answered again; a
 * second ack is ignored instead of throwing. The App here is a stand-in with Bolt's processEvent.
 */
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { AckGuard } from '../../../adapters/slack/ack-guard';
import { silentLogger } from '../../../src/logger';

/** A receiver that only hands events to whatever App it was given. */
class PassingReceiver implements Receiver {
  app?: App;
  init(app: App) {
    this.app = app;
  }
  async start() {}
  async stop() {}
  send(event: ReceiverEvent) {
    return this.app!.processEvent(event);
  }
}

function setUp(processEvent: (event: ReceiverEvent) => Promise<void>) {
  const unhandled: unknown[] = [];
  const guard = new AckGuard(silentLogger(), { unhandled: async (body) => void unhandled.push(body) });
  const receiver = new PassingReceiver();
  guard.wrap(receiver).init({ processEvent } as unknown as App);
  const acks: { at: 'before' | 'after'; response: unknown }[] = [];
  let finished = false;
  const send = (body: Record<string, unknown>) =>
    receiver.send({ body, ack: async (response?: unknown) => void acks.push({ at: finished ? 'after' : 'before', response }) }).then(() => {
      finished = true;
    });
  return { guard, send, acks, unhandled };
}

describe('AckGuard', () => {
  it('acks for a listener that is still waiting (on a stalled database), before it finishes', async () => {
    let listenerDone = false;
    const { send, acks } = setUp(async () => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      listenerDone = true;
    });

    await send({ type: 'block_actions', actions: [{ action_id: 'slow' }], user: { id: 'U1' } });

    expect(listenerDone).toBe(true);
    expect(acks).toEqual([{ at: 'before', response: undefined }]);
  }, 10_000);

  it('ignores a late or second ack instead of throwing', async () => {
    const { send, acks } = setUp(async (event) => {
      await event.ack({ response_action: 'errors' });
      await event.ack();
    });

    await send({ type: 'view_submission', view: { callback_id: 'x' }, user: { id: 'U1' } });

    expect(acks.map((a) => a.response)).toEqual([{ response_action: 'errors' }]);
  });

  it('acks and answers a request no listener acked', async () => {
    const { send, acks, unhandled } = setUp(async () => undefined);
    const body = { type: 'block_actions', actions: [{ action_id: 'retired' }], user: { id: 'U1' } };

    await send(body);

    expect(acks).toHaveLength(1);
    expect(unhandled).toEqual([body]);
  });

  it('acks a request whose listener failed without answering it a second time', async () => {
    const holder: { guard?: AckGuard } = {};
    const setup = setUp(async (event) => holder.guard!.noteFailure(event.body));
    holder.guard = setup.guard;

    await setup.send({ type: 'block_actions', actions: [{ action_id: 'broken' }], user: { id: 'U1' } });

    expect(setup.acks).toHaveLength(1);
    expect(setup.unhandled).toEqual([]);
  });
});
