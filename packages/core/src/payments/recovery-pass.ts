import { z } from "zod";
import { isTesseraError } from "../errors/tessera-error";
import type { AnyDomainEvent } from "../events/domain-event";
import type { Id } from "../ids/id";
import type { ServiceContext } from "../ports/service-context";

/** The options of a recovery pass, for payments (`payments.recover`) and refunds (`refunds.recover`) alike. */
export const recoverOptionsSchema = z.object({
  /** Only records left open at least this long; default `recoveryGraceMs`. */
  olderThanMs: z
    .number()
    .int()
    .min(0)
    .max(366 * 24 * 3_600_000)
    .optional(),
  /** How many records one pass looks at; default 100. */
  limit: z.number().int().min(1).max(10_000).optional(),
});
export type RecoverOptions = z.input<typeof recoverOptionsSchema>;

/** One gateway a recovery pass could not ask, and how many records it left for that. */
export interface GatewayFailure {
  gatewayId: string;
  code: string;
  message: string;
  count: number;
}

/**
 * The gateways a recovery pass could not ask (an outage, refused credentials), one line per
 * gateway however many records it left: `record` for each, then `report` once, which also
 * tells staff through one `gateway.failing` event per gateway.
 */
export interface GatewayFailureTally {
  record(gatewayId: string, unitId: Id<"unit">, error: unknown): void;
  report(ctx: ServiceContext): Promise<GatewayFailure[]>;
}

export function tallyGatewayFailures(): GatewayFailureTally {
  const failing = new Map<string, GatewayFailure & { unitId: Id<"unit"> }>();
  return {
    record(gatewayId, unitId, error) {
      const seen = failing.get(gatewayId);
      if (seen) {
        seen.count++;
        return;
      }
      failing.set(gatewayId, {
        gatewayId,
        code: isTesseraError(error) ? error.code : "gateway_unreachable",
        message: error instanceof Error ? error.message : String(error),
        count: 1,
        unitId,
      });
    },
    async report(ctx) {
      const failures: GatewayFailure[] = [];
      const events: AnyDomainEvent[] = [];
      for (const { unitId, ...failure } of failing.values()) {
        failures.push(failure);
        events.push(
          ctx.events(
            "gateway.failing",
            { gatewayId: failure.gatewayId, code: failure.code, message: failure.message, paymentId: null },
            unitId,
          ),
        );
      }
      if (events.length > 0) await ctx.storage.outbox.append(events);
      return failures;
    },
  };
}
