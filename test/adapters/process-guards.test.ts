/**
 * The last-resort policy: an unhandled rejection is logged and the process keeps serving; an
 * uncaught exception is logged as fatal and the process exits 1 for its supervisor to restart.
 */
import { spawnSync } from 'node:child_process';

function run(mode: 'rejection' | 'exception') {
  const child = spawnSync(process.execPath, ['-r', 'tsx/cjs', 'test/helpers/process-guards-child.ts', mode], { encoding: 'utf8', timeout: 20_000 });
  const logs = child.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: child.status, logs, stderr: child.stderr };
}

describe('process guards', () => {
  it('logs an unhandled rejection and keeps running', () => {
    const { status, logs, stderr } = run('rejection');

    expect(logs.map((l) => l.msg)).toEqual(['unhandled promise rejection; still serving', 'still serving']);
    expect((logs[0]!.err as { message: string }).message).toBe('a stray rejection nobody awaited');
    expect(status).toBe(0);
    expect(stderr).toBe('');
  }, 30_000);

  it('logs an uncaught exception as fatal and exits 1', () => {
    const { status, logs } = run('exception');

    expect(logs).toHaveLength(1);
    expect(logs[0]).toEqual(expect.objectContaining({ level: 60, msg: 'uncaught exception; exiting so the supervisor restarts the bot' }));
    expect(status).toBe(1);
  }, 30_000);
});
