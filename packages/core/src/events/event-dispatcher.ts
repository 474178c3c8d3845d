import { z } from "zod";
import type { ServiceContext } from "../ports/service-context";
import { addMilliseconds } from "../time/instant";
import { parseInput } from "../validation/parse-input";

/** What one delivery pass did. */
export interface DeliveryReport {
  delivered: number;
  failed: number;
}

/** Delivers outbox events to plugins. */
export interface EventDispatcher {
  /**
   * Claims undelivered events under a lease, runs every plugin handler subscribed to each,
   * and marks it delivered — or, when a handler throws, schedules another try with
   * exponential backoff (1 s, 2 s, 4 s … up to an hour). At least once: a handler may see
   * an event again (after a crash, or when another handler of the same event failed), so
   * handlers deduplicate by `event.id`. A handler's failure never reaches the sale.
   */
  deliverPending(options?: { owner?: string; limit?: number; leaseMs?: number }): Promise<DeliveryReport>;
}

const deliveryOptionsSchema = z.object({
  owner: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
  leaseMs: z.number().int().min(1).max(86_400_000).optional(),
});

/** The wait before try `attempts + 1`. */
export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export function createEventDispatcher(ctx: ServiceContext): EventDispatcher {
  return {
    async deliverPending(rawOptions = {}) {
      const options = parseInput(deliveryOptionsSchema, rawOptions, "delivery options");
      const owner = options.owner ?? `dispatcher-${ctx.ids("lease")}`;
      const entries = await ctx.storage.outbox.claim({
        limit: options.limit ?? 100,
        owner,
        leaseMs: options.leaseMs ?? 30_000,
        now: ctx.clock.now(),
      });
      const report: DeliveryReport = { delivered: 0, failed: 0 };
      for (const entry of entries) {
        const lease = { owner, version: entry.lease?.version ?? 0 };
        const errors: string[] = [];
        for (const { plugin, handler } of ctx.plugins.handlersFor(entry.event.type)) {
          try {
            await handler(entry.event);
          } catch (error) {
            errors.push(`${plugin}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        if (errors.length === 0) {
          await ctx.storage.outbox.markDelivered(entry.event.id, lease, ctx.clock.now());
          report.delivered++;
        } else {
          await ctx.storage.outbox.markFailed(entry.event.id, lease, {
            error: errors.join("; ").slice(0, 2000),
            nextAttemptAt: addMilliseconds(ctx.clock.now(), backoffMs(entry.attempts + 1)),
          });
          report.failed++;
        }
      }
      return report;
    },
  };
}
