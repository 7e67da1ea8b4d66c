/** What the store contract suites share: a way to open (or reopen) the store under test. */
import type { BotStore } from '../../src/store/store';
import type { ManualClock } from './manual-clock';

/** Opens a new, unmigrated store on the database the current test uses (so reopening sees its data). */
export type MakeStore = (options: { clock: () => Date }) => Promise<BotStore>;

export interface ContractHarness {
  clock: ManualClock;
  /** Opens a store on the current test's database and migrates it; closed after the test. */
  open(): Promise<BotStore>;
  /** Opens without migrating, e.g. to migrate several replicas at once. */
  openUnmigrated(): Promise<BotStore>;
}
