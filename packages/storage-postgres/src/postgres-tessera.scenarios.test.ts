import { runTesseraScenarios } from "@tessera/core/testing";
import { afterAll } from "vitest";
import { openTestDatabase } from "./testing/test-database";

// The library-level scenarios (catalog, sale, recovery, webhooks, activation, plugins),
// each on a fresh schema.
const database = await openTestDatabase();
afterAll(() => database.close());

runTesseraScenarios({ name: database.name, createStorage: () => database.freshStorage() });
