import { expect } from "vitest";
import { isTesseraError } from "../../errors/tessera-error";
import type { Repositories } from "../../ports/storage";
import { expectTesseraError } from "./expect-tessera-error";
import { seedWorld } from "./fixtures";
import { rawNumber } from "./raw-values";
import type { StorageScenario } from "./storage-scenario";

/** The wallet ledger: balance moves with each line and never goes below zero. */
export const walletScenarios = {
  walletAppendMovesBalance: {
    title: "appends ledger lines that move the balance, per currency, and lists them page by page",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id };
      expect(await storage.wallet.balance(world.customer.id, "BRL")).toEqual({ amount: 0, currency: "BRL" });
      const credit = fixtures.walletEntry(owner, 1_000);
      const debit = fixtures.walletEntry(owner, -300, { orderId: null, paymentId: null });
      const dollars = fixtures.walletEntry(owner, 500, { amount: { amount: 500, currency: "USD" } });
      expect(await storage.wallet.append(credit)).toEqual({ balance: { amount: 1_000, currency: "BRL" } });
      expect(await storage.wallet.append(debit)).toEqual({ balance: { amount: 700, currency: "BRL" } });
      expect(await storage.wallet.append(dollars)).toEqual({ balance: { amount: 500, currency: "USD" } });
      expect(await storage.wallet.balance(world.customer.id, "BRL")).toEqual({
        amount: 700,
        currency: "BRL",
      });
      expect(await storage.wallet.balance(world.customer.id, "USD")).toEqual({
        amount: 500,
        currency: "USD",
      });
      const first = await storage.wallet.listEntries(world.customer.id, { limit: 2 });
      expect(first.items).toEqual([credit, debit]);
      const rest = await storage.wallet.listEntries(world.customer.id, {
        limit: 2,
        after: first.nextCursor ?? undefined,
      });
      expect(rest).toEqual({ items: [dollars], nextCursor: null });
      expect(await storage.wallet.findById(debit.id)).toEqual(debit);
      expect(await storage.wallet.findById(fixtures.walletEntry(owner, 1).id)).toBeNull();
      const rows = await readRows("wallet_entries", { customer_id: world.customer.id, currency: "BRL" });
      expect(rows.map((row) => rawNumber(row.amount)).sort((a, b) => a - b)).toEqual([-300, 1_000]);
    },
  },

  walletRefusesOverdraft: {
    title: "refuses a debit beyond the balance with insufficient_balance, writing nothing",
    async run({ storage, readRows, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id };
      await storage.wallet.append(fixtures.walletEntry(owner, 700));
      const tooMuch = fixtures.walletEntry(owner, -701);
      await expectTesseraError(storage.wallet.append(tooMuch), "insufficient_balance");
      expect(await readRows("wallet_entries", { id: tooMuch.id })).toEqual([]);
      expect(await storage.wallet.balance(world.customer.id, "BRL")).toEqual({
        amount: 700,
        currency: "BRL",
      });
      await expectTesseraError(
        storage.wallet.append(
          fixtures.walletEntry({ ...owner }, -1, { amount: { amount: -1, currency: "USD" } }),
        ),
        "insufficient_balance",
      );
      expect(await storage.wallet.append(fixtures.walletEntry(owner, -700))).toEqual({
        balance: { amount: 0, currency: "BRL" },
      });
    },
  },

  walletConcurrentDebitsNeverOverdraw: {
    title:
      "lets exactly as many concurrent debits through as the balance covers (on separate connections when offered)",
    timeoutMs: 60_000,
    async run({ storage, readRows, openSecondConnection, fixtures }) {
      const world = await seedWorld(storage, fixtures);
      const owner = { unitId: world.unit.id, customerId: world.customer.id };
      await storage.wallet.append(fixtures.walletEntry(owner, 1_000));
      const second = openSecondConnection ? await openSecondConnection() : null;
      try {
        const debits = Array.from({ length: 20 }, () => fixtures.walletEntry(owner, -100));
        const outcomes = await Promise.all(
          debits.map(async (entry, index) => {
            const repositories: Repositories = index % 2 === 1 && second ? second : storage;
            try {
              await repositories.wallet.append(entry);
              return "debited";
            } catch (error) {
              if (isTesseraError(error, "insufficient_balance")) return "refused";
              throw error;
            }
          }),
        );
        expect(outcomes.filter((o) => o === "debited")).toHaveLength(10);
        expect(outcomes.filter((o) => o === "refused")).toHaveLength(10);
        expect(await storage.wallet.balance(world.customer.id, "BRL")).toEqual({
          amount: 0,
          currency: "BRL",
        });
        const rows = await readRows("wallet_entries", { customer_id: world.customer.id });
        expect(rows).toHaveLength(11);
        expect(rows.reduce((sum, row) => sum + rawNumber(row.amount), 0)).toBe(0);
      } finally {
        await second?.close();
      }
    },
  },
} satisfies Record<string, StorageScenario>;
