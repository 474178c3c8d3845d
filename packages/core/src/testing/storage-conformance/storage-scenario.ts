import type { Storage } from "../../ports/storage";
import type { Fixtures } from "./fixtures";
import type { StorageUnderTest } from "./storage-under-test";

/** What a scenario gets: a fresh storage, the independent row reader, and builders. */
export interface ScenarioContext {
  storage: Storage;
  readRows: StorageUnderTest["readRows"];
  openSecondConnection: StorageUnderTest["openSecondConnection"];
  fixtures: Fixtures;
}

/** One rule a storage must keep, proven on a fresh database. */
export interface StorageScenario {
  /** Reads as the rule: "refuses a second customer with the same document in an organization". */
  title: string;
  run(context: ScenarioContext): Promise<void>;
  /** For the scenarios that race many operations; vitest's default otherwise. */
  timeoutMs?: number;
}
