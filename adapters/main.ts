/** Entry point: reads the environment once, starts the bot, and handles signals. */
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../src/config';
import { BotError } from '../src/errors';
import { createLogger } from '../src/logger';
import { installProcessGuards } from './process-guards';
import { startBot, type RunningBot } from './start-bot';

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const chatPlatform = Boolean(config.slack || config.teams);
  // In the terminal chat, logs go to stderr and only warnings show, so they don't interleave with answers.
  const logger = createLogger({
    level: chatPlatform ? config.logLevel : process.env.LOG_LEVEL ? config.logLevel : 'warn',
    fd: chatPlatform ? 1 : 2,
    pretty: Boolean(chatPlatform ? process.stdout.isTTY : process.stderr.isTTY),
  });
  installProcessGuards(logger, (code) => process.exit(code));
  // Signals are taken from the start, so one that arrives during start-up still stops the bot cleanly.
  const running: { bot?: RunningBot; stopRequested: boolean } = { stopRequested: false };
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    running.stopRequested = true;
    void running.bot?.stop();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  const bot = await startBot(config, logger, { input: process.stdin, output: process.stdout });
  running.bot = bot;
  if (running.stopRequested) void bot.stop();
  await bot.done;
  process.exit(0);
}

main().catch((err: unknown) => {
  // Start-up failures (bad content, bad config, database down) end here with a precise message.
  const message = err instanceof BotError ? err.message : (err as Error)?.stack ?? String(err);
  process.stderr.write(`Start-up failed: ${message}\n`);
  process.exit(1);
});
