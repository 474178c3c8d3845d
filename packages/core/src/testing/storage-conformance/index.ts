export { runStorageConformance, type StorageConformanceOptions } from "./run-storage-conformance";
export type { StorageScenarioId } from "./storage-scenarios";
export type { SecondConnection, StorageUnderTest } from "./storage-under-test";
