/**
 * Fresh Node processes for the figures that need one (start-up, memory, a server under load): the
 * parent forks a bench script through tsx and talks to it over IPC. Every child has a deadline and
 * is ended by its own handle if it overstays it; a child also exits when its parent goes away.
 */
import { fork, type ChildProcess } from 'node:child_process';

const TSX_REQUIRE_HOOK = require.resolve('tsx/cjs');

/** What a child says to its parent. */
export type ChildMessage = { kind: 'result'; value: unknown } | { kind: 'error'; message: string } | { kind: 'ready'; value: unknown };

export interface ChildOptions {
  /** Extra flags for node itself, e.g. --expose-gc. */
  nodeArgs?: string[];
  /** The child is killed after this long, whatever it is doing. */
  timeoutMs: number;
}

export class BenchChild {
  private readonly inbox: ChildMessage[] = [];
  private waiting: { resolve: (m: ChildMessage) => void; reject: (e: Error) => void } | undefined;
  private exitError: Error | undefined;
  private readonly exited: Promise<void>;
  private readonly deadline: NodeJS.Timeout;

  private constructor(private readonly child: ChildProcess, timeoutMs: number) {
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exitError = new Error(`child exited (${signal ?? `code ${code}`}) before answering`);
        this.waiting?.reject(this.exitError);
        this.waiting = undefined;
        clearTimeout(this.deadline);
        resolve();
      });
    });
    child.on('message', (m: ChildMessage) => {
      if (this.waiting) {
        this.waiting.resolve(m);
        this.waiting = undefined;
      } else this.inbox.push(m);
    });
    this.deadline = setTimeout(() => {
      this.waiting?.reject(new Error(`child still running after ${timeoutMs} ms; killed`));
      this.waiting = undefined;
      child.kill('SIGKILL');
    }, timeoutMs);
  }

  /** Forks `script` (a .ts file) with `args` as its one JSON argument. */
  static start(script: string, args: unknown, options: ChildOptions): BenchChild {
    const child = fork(script, [JSON.stringify(args)], {
      // The child's heap is set up as the parent's was (npm run bench runs it as npm start runs the bot).
      execArgv: [...process.execArgv.filter((a) => a.startsWith('--max-semi-space-size')), ...(options.nodeArgs ?? []), '--require', TSX_REQUIRE_HOOK],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new BenchChild(child, options.timeoutMs);
  }

  /** The child's next message; an `error` message rejects. */
  async next(): Promise<unknown> {
    const message =
      this.inbox.shift() ??
      (await new Promise<ChildMessage>((resolve, reject) => {
        if (this.exitError) reject(this.exitError);
        else this.waiting = { resolve, reject };
      }));
    if (message.kind === 'error') throw new Error(message.message);
    return message.value;
  }

  send(message: unknown): void {
    if (this.child.connected) this.child.send(message as object);
  }

  /** Waits up to `graceMs` for the child to exit, then kills it. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    clearTimeout(this.deadline);
  }
}

/** Runs `script` in a fresh process and resolves with the one result it sends. */
export async function runInChild<T>(script: string, args: unknown, options: ChildOptions): Promise<T> {
  const child = BenchChild.start(script, args, options);
  try {
    return (await child.next()) as T;
  } finally {
    await child.stop();
  }
}

// ---- the child's side ----

/** The JSON argument the parent passed. */
export function childArgs<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

export function tellParent(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('not started as a bench child (no IPC channel)'));
      return;
    }
    process.send(message, (err: Error | null) => (err ? reject(err) : resolve()));
  });
}

/** Entry point of a one-shot child: runs `work`, sends its result (or error) and exits. */
export function runAsChild<A, R>(work: (args: A) => Promise<R> | R): void {
  // A child whose parent has gone has nobody to report to.
  process.on('disconnect', () => process.exit(1));
  Promise.resolve()
    .then(() => work(childArgs<A>()))
    .then(
      (value) => tellParent({ kind: 'result', value }),
      (err: unknown) => {
        console.error(err);
        return tellParent({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    )
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
}
