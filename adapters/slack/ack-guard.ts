/**
 * Every request Slack sends is acknowledged within its 3 seconds, whatever the listeners do: the
 * receiver (HTTP or Socket Mode) is wrapped so that the App gets an `ack` that works once and is
 * then a no-op, sent by us after ACK_WITHIN_MS if no listener has sent it by then (a stalled
 * database), and sent when the App has finished without anyone acking (no listener for an old or
 * unknown button, view_closed, a shortcut). Uses only Bolt's public Receiver interface.
 */
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../src/logger';

/** Slack shows the user an error after 3 s without an ack; leave margin for a busy machine. */
export const ACK_WITHIN_MS = 2000;

export interface AckGuardHooks {
  /** Called after the App finished with nobody having acked and no error reported: nothing handled it. */
  unhandled(body: Record<string, unknown>): Promise<void>;
}

export class AckGuard {
  /** Bodies whose processing failed and was reported (and answered) by the error handler. */
  private readonly failed = new WeakSet<object>();

  constructor(
    private readonly logger: Logger,
    private readonly hooks: AckGuardHooks,
  ) {}

  /** For the App's error handler: this request failed and the user has been told. */
  noteFailure(body: unknown): void {
    if (typeof body === 'object' && body !== null) this.failed.add(body);
  }

  /** The receiver the App should be given in place of `inner`. */
  wrap(inner: Receiver): Receiver {
    return {
      init: (app: App) => {
        // The inner receiver only calls processEvent on what it is given.
        const guarded = { processEvent: (event: ReceiverEvent) => this.process(app, event) } as unknown as App;
        inner.init(guarded);
      },
      start: (...args: unknown[]) => inner.start(...args),
      stop: (...args: unknown[]) => inner.stop(...args),
    };
  }

  private async process(app: App, event: ReceiverEvent): Promise<void> {
    const body = event.body as Record<string, unknown>;
    let acked = false;
    const ack = async (response?: unknown): Promise<void> => {
      if (acked) {
        this.logger.debug({ slackRequest: describe(body) }, 'Slack ack already sent; later ack ignored');
        return;
      }
      acked = true;
      clearTimeout(timer);
      await event.ack(response);
    };
    const timer = setTimeout(() => {
      if (acked) return;
      this.logger.warn({ slackRequest: describe(body), afterMs: ACK_WITHIN_MS }, 'Slack request acknowledged before its listener finished, to stay inside 3 s');
      ack().catch((err: unknown) => this.logger.warn({ err }, 'could not acknowledge a Slack request'));
    }, ACK_WITHIN_MS);
    try {
      await app.processEvent({ ...event, ack });
    } finally {
      clearTimeout(timer);
    }
    if (acked) return;
    await ack();
    if (this.failed.has(body)) return;
    this.logger.info({ slackRequest: describe(body) }, 'Slack request nobody handled; acknowledged');
    await this.hooks.unhandled(body).catch((err: unknown) => this.logger.warn({ err }, 'could not answer an unhandled Slack request'));
  }
}

/** Enough to find a request in the logs, without what the user typed. */
export function describe(body: Record<string, unknown>): Record<string, unknown> {
  const actions = Array.isArray(body.actions) ? (body.actions as { action_id?: unknown }[]) : [];
  const view = body.view as { callback_id?: unknown } | undefined;
  return {
    type: body.type ?? (body.command ? 'slash_command' : undefined),
    actionId: actions[0]?.action_id,
    callbackId: view?.callback_id ?? body.callback_id,
    user: (body.user as { id?: unknown } | undefined)?.id ?? body.user_id,
  };
}
