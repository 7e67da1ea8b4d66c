/**
 * botbuilder writes some errors straight to the console (CloudAdapter prints every refused token's
 * stack with console.error), outside the JSON log. While a Teams adapter runs, console.error and
 * console.warn calls made from inside the Bot Framework SDK go to the JSON log at debug level
 * instead; every other console call passes through untouched. (The refusal itself is logged by
 * http-bridge.ts at warn, once, without a stack.)
 */
import { format } from 'node:util';
import type { Logger } from '../../src/logger';

const SDK_FRAME = /node_modules[\\/](botbuilder[\w-]*|botframework-[\w-]+)[\\/]/;

let installed: { loggers: Logger[]; restore: () => void } | undefined;

/** Starts routing; the returned function stops it (the console is restored when the last user stops). */
export function routeSdkConsole(logger: Logger): () => void {
  if (!installed) {
    const original = { error: console.error, warn: console.warn };
    const route = (level: 'error' | 'warn') =>
      (...args: unknown[]) => {
        const target = installed?.loggers.at(-1);
        if (target && SDK_FRAME.test(new Error().stack ?? '')) {
          target.debug({ sdkConsole: level, output: format(...args).slice(0, 4000) }, 'botbuilder console output');
          return;
        }
        original[level].apply(console, args);
      };
    console.error = route('error');
    console.warn = route('warn');
    installed = {
      loggers: [],
      restore: () => {
        console.error = original.error;
        console.warn = original.warn;
      },
    };
  }
  const state = installed;
  state.loggers.push(logger);
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    state.loggers.splice(state.loggers.indexOf(logger), 1);
    if (!state.loggers.length && installed === state) {
      state.restore();
      installed = undefined;
    }
  };
}
