/**
 * `@tessera/storage-postgres/testing` — what this package's tests, the reference server's
 * tests and `npm run bench` share: a fresh-schema test database (the server, or PGlite where
 * none is reachable) and the multi-process claim harness.
 * @module
 */
export { type ClaimWorkerReport, type ClaimWorkersOptions, runClaimWorkers } from "./claim-workers";
export { seedDueInstallments } from "./seed-due-installments";
export { openTestDatabase, testDatabaseUrl } from "./test-database";
export { randomSchemaName, type SchemaStorage, type TestDatabase } from "./test-schema";
