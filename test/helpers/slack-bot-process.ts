/**
 * The whole bot as a child process, started the way it is deployed (the entry point reading its
 * environment), so a test can SIGKILL it mid-work and start it again on the same DATA_DIR.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Json } from './fake-slack-api';

/** The composition root's entry point: src/main.ts as agreed, or adapters/main.ts where it lives today. */
/** The bot's real entry point, as `npm start` runs it. */
export const BOT_ENTRY_POINT = 'adapters/main.ts';

export class BotProcess {
  readonly logs: Json[] = [];
  private stderr = '';
  private listeners = new Set<() => void>();
  readonly exited: Promise<number | null>;
  port = 0;

  private constructor(private readonly child: ChildProcess) {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        this.logs.push(JSON.parse(line));
      } catch {
        this.logs.push({ msg: line });
      }
      for (const l of [...this.listeners]) l();
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => child.once('exit', (code) => {
      resolve(code);
      for (const l of [...this.listeners]) l();
    }));
  }

  /** Starts the bot and resolves once it logs that it is ready (with its port); rejects if it exits first. */
  static async start(env: Record<string, string>): Promise<BotProcess> {
    const args = ['-r', 'tsx/cjs', BOT_ENTRY_POINT];
    const child = spawn(process.execPath, args, {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bot = new BotProcess(child);
    const ready = await bot.waitForLog((l) => l.msg === 'bot ready');
    if (!ready) throw new Error(`the bot exited before it was ready:\n${bot.stderr}\n${bot.logs.map((l) => JSON.stringify(l)).join('\n')}`);
    bot.port = Number(ready.port);
    return bot;
  }

  /** The first log line matching, or undefined if the process exits without writing one. */
  waitForLog(match: (line: Json) => boolean): Promise<Json | undefined> {
    return new Promise((resolve) => {
      const check = () => {
        const found = this.logs.find(match);
        if (found || this.child.exitCode !== null || this.child.signalCode !== null) {
          this.listeners.delete(check);
          resolve(found);
        }
      };
      this.listeners.add(check);
      check();
    });
  }

  /** The operating system's id for the bot process (for reading its memory from /proc). */
  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Whether the process is still running. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the process wrote to stderr so far (outside the JSON log). */
  get stderrText(): string {
    return this.stderr;
  }

  /** SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill. */
  async crash(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await this.exited;
  }
}
