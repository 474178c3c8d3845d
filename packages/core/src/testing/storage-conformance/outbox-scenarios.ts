import { expect } from "vitest";
import type { OutboxEntry } from "../../ports/storage";
import { addMilliseconds } from "../../time/instant";
import { expectTesseraError } from "./expect-tessera-error";
import { fixtureNow } from "./fixtures";
import { rawInstant, rawNumber } from "./raw-values";
import type { StorageScenario } from "./storage-scenario";

const now = "2026-03-01T12:00:10.000Z";
const fresh = (event: OutboxEntry["event"]): OutboxEntry => ({
  event,
  attempts: 0,
  nextAttemptAt: event.occurredAt,
  deliveredAt: null,
  lastError: null,
  lease: null,
});

/** The outbox: events written with the change, delivered at least once under leases. */
export const outboxScenarios = {
  outboxAppendRoundTrip: {
    title: "stores events exactly, undelivered and due at once, listed oldest first",
    async run({ storage, fixtures }) {
      const first = fixtures.event(null);
      const second = fixtures.event(fixtures.ids("unit"), { occurredAt: "2026-03-01T12:00:01.500Z" });
      await storage.outbox.append([first, second]);
      await storage.outbox.append([]);
      expect(await storage.outbox.findById(first.id)).toEqual(fresh(first));
      expect(await storage.outbox.findById(fixtures.ids("event"))).toBeNull();
      expect(await storage.outbox.listUndelivered(10)).toEqual([fresh(first), fresh(second)]);
      expect(await storage.outbox.listUndelivered(1)).toEqual([fresh(first)]);
    },
  },

  outboxRollbackDropsEvents: {
    title: "keeps events appended in a transaction only when it commits",
    async run({ storage, readRows, fixtures }) {
      const kept = fixtures.event(null);
      const dropped = fixtures.event(null);
      await storage.transaction((tx) => tx.outbox.append([kept]));
      await expect(
        storage.transaction(async (tx) => {
          await tx.outbox.append([dropped]);
          throw new Error("the change failed");
        }),
      ).rejects.toThrow("the change failed");
      expect(await readRows("outbox", { id: kept.id })).toHaveLength(1);
      expect(await readRows("outbox", { id: dropped.id })).toEqual([]);
    },
  },

  outboxAppendsOfATransaction: {
    title:
      "shows a transaction the events it appended, from every append, and writes them all with its commit",
    async run({ storage, readRows, fixtures }) {
      const [first, second, third] = [
        fixtures.event(null),
        fixtures.event(null),
        fixtures.event(null),
      ] as const;
      await storage.transaction(async (tx) => {
        await tx.outbox.append([first]);
        await tx.outbox.append([second, third]);
        expect(await tx.outbox.findById(second.id)).toEqual(fresh(second));
        expect(await tx.outbox.listUndelivered(10)).toEqual([fresh(first), fresh(second), fresh(third)]);
        await tx.outbox.append([]);
      });
      for (const event of [first, second, third])
        expect(await readRows("outbox", { id: event.id })).toHaveLength(1);
      // An event id appended twice is refused when the transaction writes it: nothing commits.
      const twice = fixtures.event(null);
      await expectTesseraError(
        storage.transaction(async (tx) => {
          await tx.outbox.append([twice]);
          await tx.outbox.append([twice]);
        }),
        "conflict",
      );
      expect(await readRows("outbox", { id: twice.id })).toEqual([]);
    },
  },

  outboxClaimDeliverAndFail: {
    title:
      "claims due events in id order under a lease, records failures with their backoff, and marks delivery",
    async run({ storage, readRows, fixtures }) {
      const events = [fixtures.event(null), fixtures.event(null), fixtures.event(null)] as const;
      await storage.outbox.append([...events]);
      const lease = { owner: "relay-a", expiresAt: addMilliseconds(now, 30_000), version: 1 };
      const claimed = await storage.outbox.claim({ limit: 2, owner: "relay-a", leaseMs: 30_000, now });
      expect(claimed).toEqual([
        { ...fresh(events[0]), lease },
        { ...fresh(events[1]), lease },
      ]);
      const [last] = await storage.outbox.claim({ limit: 5, owner: "relay-b", leaseMs: 600_000, now });
      expect(last?.event.id).toBe(events[2].id);
      expect(await storage.outbox.claim({ limit: 5, owner: "relay-c", leaseMs: 30_000, now })).toEqual([]);

      const retryAt = addMilliseconds(now, 60_000);
      await storage.outbox.markFailed(
        events[0].id,
        { owner: "relay-a", version: 1 },
        { error: "HTTP 503", nextAttemptAt: retryAt },
      );
      await storage.outbox.markDelivered(events[1].id, { owner: "relay-a", version: 1 }, now);
      expect(await storage.outbox.findById(events[0].id)).toEqual({
        ...fresh(events[0]),
        attempts: 1,
        lastError: "HTTP 503",
        nextAttemptAt: retryAt,
      });
      const [delivered] = await readRows("outbox", { id: events[1].id });
      expect(rawInstant(delivered?.delivered_at)).toBe(now);
      expect(delivered?.lease_owner).toBeNull();
      expect((await storage.outbox.listUndelivered(10)).map((e) => e.event.id)).toEqual([
        events[0].id,
        events[2].id,
      ]);

      // Before its backoff the failed event waits; after it, it is claimable again with a newer lease.
      expect(
        await storage.outbox.claim({
          limit: 5,
          owner: "relay-c",
          leaseMs: 30_000,
          now: addMilliseconds(now, 59_999),
        }),
      ).toEqual([]);
      const [retried] = await storage.outbox.claim({
        limit: 5,
        owner: "relay-c",
        leaseMs: 30_000,
        now: retryAt,
      });
      expect(retried?.event.id).toBe(events[0].id);
      expect(retried?.lease?.version).toBe(2);
      const [row] = await readRows("outbox", { id: events[0].id });
      expect(rawNumber(row?.attempts)).toBe(1);
    },
  },

  outboxLeaseFencing: {
    title:
      "lets an expired lease be taken over and refuses the old holder's markDelivered and markFailed with lease_lost",
    async run({ storage, readRows, fixtures }) {
      const event = fixtures.event(null, { occurredAt: fixtureNow });
      await storage.outbox.append([event]);
      await storage.outbox.claim({ limit: 1, owner: "relay-a", leaseMs: 1_000, now });
      expect(
        await storage.outbox.claim({
          limit: 1,
          owner: "relay-b",
          leaseMs: 1_000,
          now: addMilliseconds(now, 999),
        }),
      ).toEqual([]);
      const [taken] = await storage.outbox.claim({
        limit: 1,
        owner: "relay-b",
        leaseMs: 1_000,
        now: addMilliseconds(now, 1_000),
      });
      expect(taken?.lease).toEqual({ owner: "relay-b", expiresAt: addMilliseconds(now, 2_000), version: 2 });
      await expectTesseraError(
        storage.outbox.markDelivered(event.id, { owner: "relay-a", version: 1 }, now),
        "lease_lost",
      );
      await expectTesseraError(
        storage.outbox.markFailed(
          event.id,
          { owner: "relay-a", version: 1 },
          { error: "late", nextAttemptAt: now },
        ),
        "lease_lost",
      );
      const [row] = await readRows("outbox", { id: event.id });
      expect(row?.delivered_at).toBeNull();
      expect(rawNumber(row?.attempts)).toBe(0);
      expect(row?.lease_owner).toBe("relay-b");
      await storage.outbox.markDelivered(event.id, { owner: "relay-b", version: 2 }, now);
      expect((await storage.outbox.findById(event.id))?.deliveredAt).toBe(now);
    },
  },
} satisfies Record<string, StorageScenario>;
