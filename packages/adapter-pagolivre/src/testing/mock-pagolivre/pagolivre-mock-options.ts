import type { Clock } from "@tessera/core";
import { z } from "zod";
import { type PagoLivreBehaviour, pagolivreProtocol } from "../../pagolivre-protocol";

/** How to start a mock PagoLivre; every field has a default. */
export interface PagoLivreMockOptions {
  /** The clock creation times, the lookup limits, link expiry and payments read (default: the system clock). */
  clock?: Clock;
  /** `documented` (default): a repeated create with the same orderKey answers the existing order; `observed`: it makes another. */
  behaviour?: PagoLivreBehaviour;
  /** The merchant's API token, as PagoLivre issues it (already base64); default generated. */
  token?: string;
  /** Pauses before each retry of a callback not answered 2xx (default PagoLivre's: 5 minutes, 10 times). */
  retryDelaysMs?: readonly number[];
  /** Default true: a lookup sooner than 5 s after creation, or 1 s after the last of that order, answers 429. */
  enforceLookupRateLimit?: boolean;
  /** The merchant the hosted page names (default "Estúdio Tessera"). */
  merchantName?: string;
  /** How long a payment link lasts before the order expires by the clock (default 48 h, assumed). */
  orderLifetimeMs?: number;
  /** `timeoutNextCreate("after_charge")`: how long the answer is held before the socket is destroyed (default 30 s). */
  createHoldMs?: number;
}

export const pagolivreMockOptionsSchema = z.object({
  behaviour: z.enum(["documented", "observed"]).optional(),
  token: z.string().min(1).optional(),
  retryDelaysMs: z.array(z.number().int().min(0)).optional(),
  enforceLookupRateLimit: z.boolean().optional(),
  merchantName: z.string().min(1).optional(),
  orderLifetimeMs: z.number().int().min(1).optional(),
  createHoldMs: z.number().int().min(0).optional(),
});

/** PagoLivre's own retry schedule (documented): ten more tries, five minutes apart. */
export const pagolivreRetryDelaysMs: readonly number[] = Array.from(
  { length: pagolivreProtocol.callback.retries },
  () => pagolivreProtocol.callback.retryIntervalMs,
);

/** assumed: how long a payment link lasts. */
export const defaultOrderLifetimeMs = 48 * 60 * 60_000;
