/** What the composition root gives every chat adapter, and what it gets back. */
import type { ProtocolCore } from '../src/core';
import type { Logger } from '../src/logger';
import type { NoticeService } from '../src/notices/notice-service';
import type { DataProtection } from '../src/store/data-protection';
import type { BotStore } from '../src/store/store';
import type { SharedHttpServer } from './http/http-server';

export interface ChatAdapterDeps<PlatformConfig, Options> {
  config: PlatformConfig;
  core: ProtocolCore;
  store: BotStore;
  notices: NoticeService;
  /** Erasing a person's records (officers' `forget <user id>`). */
  dataProtection: DataProtection;
  http: SharedHttpServer;
  logger: Logger;
  /** The council this platform's questions are answered from. */
  council: string;
  /** Tuning for tests; production uses the defaults. */
  options?: Options;
}

export interface ChatAdapter {
  start(): Promise<void>;
  stop(): Promise<void>;
}
