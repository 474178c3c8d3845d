import { afterEach, beforeEach, describe } from "vitest";
import type { Storage } from "../../ports/storage";
import { activationScenarios } from "./activation-scenarios";
import { attachmentScenarios } from "./attachment-scenarios";
import { billingScenarios } from "./billing-scenarios";
import { catalogScenarios } from "./catalog-scenarios";
import { faultScenarios } from "./fault-scenarios";
import { fuzzScenarios } from "./fuzz-scenarios";
import { orderScenarios } from "./order-scenarios";
import { pluginScenarios } from "./plugin-scenarios";
import { providerAccountScenarios } from "./provider-account-scenarios";
import { providerRecurrenceScenarios } from "./provider-recurrence-scenarios";
import { recoveryScenarios } from "./recovery-scenarios";
import { recurrenceScenarios } from "./recurrence-scenarios";
import { refundScenarios } from "./refund-scenarios";
import { reminderScenarios } from "./reminder-scenarios";
import { renewalScenarios } from "./renewal-scenarios";
import { reportScenarios } from "./report-scenarios";
import { saleScenarios } from "./sale-scenarios";
import { createScenarioEnv, type ScenarioEnv } from "./scenario-env";
import { splitPaymentScenarios } from "./split-payment-scenarios";
import { staffScenarios } from "./staff-scenarios";
import { walletScenarios } from "./wallet-scenarios";
import { webhookScenarios } from "./webhook-scenarios";

/** A storage under test, made fresh for each scenario, and how to dispose of it. */
export interface ScenarioStorage {
  storage: Storage;
  cleanup(): Promise<void>;
}

export interface TesseraScenarioOptions {
  /** Shown in the test names: `sqlite`, `postgres`. */
  name: string;
  createStorage(): Promise<ScenarioStorage>;
}

/**
 * The library-level scenarios — the catalog, the sale and its outcomes, pending-payment
 * actions, recovery, webhooks, activation codes, attachments, staff and plugins — run through `createTessera`
 * on a real storage with the sandbox provider. Every storage package runs them, so the
 * same rules are proven on SQLite and on PostgreSQL.
 */
export function runTesseraScenarios(options: TesseraScenarioOptions): void {
  describe(`Tessera scenarios on ${options.name}`, () => {
    let under: ScenarioStorage;
    let env: ScenarioEnv;
    const current = () => env;

    beforeEach(async () => {
      under = await options.createStorage();
      env = await createScenarioEnv(under.storage);
    });

    afterEach(async () => {
      await under.cleanup();
    });

    describe("catalog", () => catalogScenarios(current));
    describe("sale", () => saleScenarios(current));
    describe("recovery", () => recoveryScenarios(current));
    describe("faults, free plans and resent requests", () => faultScenarios(current));
    describe("webhooks", () => webhookScenarios(current));
    describe("refunds", () => refundScenarios(current));
    describe("wallet", () => walletScenarios(current));
    describe("split payments and paying from the balance", () => splitPaymentScenarios(current));
    describe("orders", () => orderScenarios(current));
    describe("billing run", () => billingScenarios(current));
    describe("renewals", () => renewalScenarios(current));
    describe("reminders", () => reminderScenarios(current));
    describe("provider recurrence", () => recurrenceScenarios(current));
    describe("provider-driven recurrence", () => providerRecurrenceScenarios(current));
    describe("bad input", () => fuzzScenarios(current));
    describe("activation codes", () => activationScenarios(current));
    describe("attachments", () => attachmentScenarios(current));
    describe("staff, API keys and the audit log", () => staffScenarios(current));
    describe("provider accounts", () => providerAccountScenarios(current));
    describe("reports", () => reportScenarios(current));
    describe("plugins", () => pluginScenarios(() => under.storage));
  });
}
