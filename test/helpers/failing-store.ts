/**
 * The real store with a switch: the methods named in `failing` reject with the STORE_FAILURE
 * BotError the PostgreSQL store raises when its database is down; everything else goes through.
 */
import { BotError } from '../../src/errors';
import type { BotStore } from '../../src/store/store';

export type StoreMethod = Exclude<keyof BotStore, 'close'>;

export interface FailingStore {
  store: BotStore;
  /** Methods that fail from now on (empty: the database is back). */
  failing: Set<StoreMethod>;
}

export const STORE_DOWN_MESSAGE = 'The PostgreSQL store failed: connect ECONNREFUSED 127.0.0.1:5432';

export function failingStore(real: BotStore): FailingStore {
  const failing = new Set<StoreMethod>();
  const store = new Proxy(real, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (failing.has(prop as StoreMethod)) return Promise.reject(new BotError('STORE_FAILURE', STORE_DOWN_MESSAGE));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, failing };
}
