export { type FileStoreScenario, type FileStoreScenarioId, fileStoreScenarios } from "./file-store-scenarios";
export { type FileStoreConformanceOptions, runFileStoreConformance } from "./run-file-store-conformance";
