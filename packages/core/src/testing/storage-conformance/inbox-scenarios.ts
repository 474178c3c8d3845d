import { expect } from "vitest";
import { expectTesseraError } from "./expect-tessera-error";
import { rawJson } from "./raw-values";
import type { StorageScenario } from "./storage-scenario";

/** The inbox: provider notifications kept as received, once per provider event. */
export const inboxScenarios = {
  inboxRecordOnce: {
    title: "records a notification once: a replay returns inserted false and the first entry",
    async run({ storage, readRows, fixtures }) {
      const entry = fixtures.inboxEntry({ providerEventId: "evt-42" });
      expect(await storage.inbox.record(entry)).toEqual({ inserted: true, entry });
      const replay = fixtures.inboxEntry({
        providerEventId: "evt-42",
        rawBody: "{}",
        receivedAt: "2026-03-01T12:01:00.000Z",
      });
      expect(await storage.inbox.record(replay)).toEqual({ inserted: false, entry });
      expect(await readRows("inbox", { provider_event_id: "evt-42" })).toHaveLength(1);
      const otherGateway = fixtures.inboxEntry({ providerEventId: "evt-42", gatewayId: "inter" });
      expect(await storage.inbox.record(otherGateway)).toEqual({ inserted: true, entry: otherGateway });
      expect(await storage.inbox.findById(entry.id)).toEqual(entry);
      const [row] = await readRows("inbox", { id: entry.id });
      expect(row?.raw_body).toBe(entry.rawBody);
      expect(rawJson(row?.headers)).toEqual(entry.headers);
    },
  },

  inboxConcurrentReplays: {
    title: "records one entry when the same notification arrives several times at once",
    async run({ storage, readRows, fixtures }) {
      const copies = [1, 2, 3, 4].map(() => fixtures.inboxEntry({ providerEventId: "evt-burst" }));
      const results = await Promise.all(copies.map((copy) => storage.inbox.record(copy)));
      expect(results.filter((r) => r.inserted)).toHaveLength(1);
      const winner = results.find((r) => r.inserted)?.entry;
      expect(results.every((r) => r.entry.id === winner?.id)).toBe(true);
      expect(await readRows("inbox", { provider_event_id: "evt-burst" })).toHaveLength(1);
    },
  },

  inboxMarkProcessed: {
    title: "marks an entry processed or rejected with its outcome, and lists entries by status",
    async run({ storage, fixtures }) {
      const a = fixtures.inboxEntry();
      const b = fixtures.inboxEntry();
      const c = fixtures.inboxEntry();
      for (const entry of [a, b, c]) await storage.inbox.record(entry);
      const at = "2026-03-01T12:00:02.000Z";
      await storage.inbox.markProcessed(a.id, {
        status: "processed",
        outcome: "payment pay_1 succeeded",
        at,
      });
      await storage.inbox.markProcessed(b.id, { status: "rejected", outcome: "bad signature", at });
      expect(await storage.inbox.findById(a.id)).toEqual({
        ...a,
        status: "processed",
        outcome: "payment pay_1 succeeded",
        processedAt: at,
      });
      expect(await storage.inbox.listByStatus("received", 10)).toEqual([c]);
      expect((await storage.inbox.listByStatus("rejected", 10)).map((e) => e.id)).toEqual([b.id]);
      await expectTesseraError(
        storage.inbox.markProcessed(fixtures.ids("inboxEntry"), { status: "processed", outcome: "x", at }),
        "not_found",
      );
    },
  },

  idempotencyKeyOnce: {
    title: "remembers an idempotency key once per scope: a second insert is a conflict",
    async run({ storage, fixtures }) {
      const record = fixtures.idempotencyRecord({ scope: "sale:unit_a", key: "k-1" });
      await storage.idempotencyKeys.insert(record);
      expect(await storage.idempotencyKeys.find("sale:unit_a", "k-1")).toEqual(record);
      expect(await storage.idempotencyKeys.find("sale:unit_b", "k-1")).toBeNull();
      const error = await expectTesseraError(
        storage.idempotencyKeys.insert({ ...record, fingerprint: "other" }),
        "conflict",
      );
      expect(error.details.entity).toBe("idempotencyKey");
      await storage.idempotencyKeys.insert({ ...record, scope: "sale:unit_b" });
      expect(await storage.idempotencyKeys.find("sale:unit_a", "k-1")).toEqual(record);
    },
  },
} satisfies Record<string, StorageScenario>;
