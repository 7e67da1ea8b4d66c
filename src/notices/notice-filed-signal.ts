/**
 * In-process signal from NoticeService to any NoticeOutbox on the same store, so a filed notice is
 * sent at once instead of at the next poll, without the service having to hold the outbox.
 * Replicas elsewhere find the work by polling.
 */
import type { BotStore } from '../store/store';

const listeners = new WeakMap<BotStore, Set<() => void>>();

/** Calls `listener` whenever a notice is filed on `store` in this process; returns an unsubscribe. */
export function onNoticeFiled(store: BotStore, listener: () => void): () => void {
  let set = listeners.get(store);
  if (!set) listeners.set(store, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function announceNoticeFiled(store: BotStore): void {
  for (const listener of listeners.get(store) ?? []) listener();
}
