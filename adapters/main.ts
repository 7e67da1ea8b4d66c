/** Entry point: reads the environment once, starts the bot, and handles signals. */
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../src/config';
import { ConfigError } from '../src/errors';
import { createLogger } from '../src/logger';
import { installProcessGuards } from './process-guards';
import { startBot, type RunningBot } from './start-bot';

/** Exit codes: 2 for configuration the operator must change, 1 for any other start-up failure. */
const EXIT_CONFIG = 2;
const EXIT_FAILED = 1;

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const chatPlatform = Boolean(config.slack || config.teams);
  // In the terminal chat, logs go to stderr and only warnings show, so they don't interleave with answers.
  const logger = createLogger({
    level: chatPlatform || config.logLevelSet ? config.logLevel : 'warn',
    fd: chatPlatform ? 1 : 2,
    pretty: Boolean(chatPlatform ? process.stdout.isTTY : process.stderr.isTTY),
  });
  installProcessGuards(logger, (code) => process.exit(code));
  // Signals are taken from the start, so one that arrives during start-up still stops the bot cleanly.
  const running: { bot?: RunningBot; stopRequested: boolean } = { stopRequested: false };
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running.stopRequested = true;
    if (running.bot) {
      void running.bot.stop();
      return;
    }
    // Still starting (say, waiting on a database that does not answer): nothing is under way to finish.
    process.stderr.write(`Stopped by ${signal} during start-up.\n`);
    process.exit(0);
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  const bot = await startBot(config, logger, { input: process.stdin, output: process.stdout });
  running.bot = bot;
  if (running.stopRequested) void bot.stop();
  await bot.done;
  process.exit(0);
}

/** One plain line for the operator: a configuration error as it stands, anything else prefixed, never a stack. */
function startupMessage(err: unknown): string {
  if (err instanceof ConfigError) return err.message;
  const message = err instanceof Error ? err.message : String(err);
  const firstLine = message.split('\n')[0]!.trim() || (err instanceof Error ? err.name : 'unknown error');
  return `Start-up failed: ${firstLine}`;
}

main().catch((err: unknown) => {
  process.stderr.write(`${startupMessage(err)}\n`);
  process.exit(err instanceof ConfigError ? EXIT_CONFIG : EXIT_FAILED);
});
