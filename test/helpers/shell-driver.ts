/** Drives the terminal chat through streams: send a line, await the reply up to the next prompt. */
import { PassThrough } from 'node:stream';

export class ShellDriver {
  readonly input = new PassThrough();
  readonly output = new PassThrough();
  private buffer = '';
  private waiters: (() => void)[] = [];

  /** `columns` makes the output look like a terminal window that wide, as process.stdout does. */
  constructor(options: { columns?: number } = {}) {
    if (options.columns !== undefined) Object.assign(this.output, { columns: options.columns });
    this.output.setEncoding('utf8');
    this.output.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  /** Resolves with everything written until the output ends with a prompt ("> " or a field label's ": "). */
  async next(prompt: RegExp = /(?:> |: )$/): Promise<string> {
    while (!prompt.test(this.buffer)) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    const out = this.buffer;
    this.buffer = '';
    return out;
  }

  async send(line: string, prompt?: RegExp): Promise<string> {
    this.input.write(`${line}\n`);
    return this.next(prompt);
  }

  /** Everything written since the last reply, without waiting for a prompt. */
  pending(): string {
    const out = this.buffer;
    this.buffer = '';
    return out;
  }

  end(): void {
    this.input.end();
  }
}
