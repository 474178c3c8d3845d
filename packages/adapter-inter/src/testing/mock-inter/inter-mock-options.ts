import { type Clock, isValidCnpj } from "@tessera/core";
import type { TestPki } from "@tessera/pix-api/testing";
import { z } from "zod";

/** How to start a mock Inter; every field has a default. */
export interface InterMockOptions {
  /** The PKI its server and integration certificates come from (default: a new one). */
  pki?: TestPki;
  /** The clock due dates, the 19:59 cutoff, the duplicate window and tokens read (default: the system clock). */
  clock?: Clock;
  /** Default: generated. */
  clientId?: string;
  /** Default: generated. */
  clientSecret?: string;
  /** `manual` (default): a new charge stays `EM_PROCESSAMENTO` until `issue`; `immediate`: issued right after the answer. */
  issue?: "manual" | "immediate";
  /** Pauses before each retry of a failed callback (default [50, 200, 1000]: four attempts in all). */
  retryDelaysMs?: readonly number[];
  /** False: callbacks are recorded in `deliveries()`, never posted (default true). */
  notify?: boolean;
  /** The account holder's CNPJ (default a valid made-up one); a payer with it gets the sandbox's 500. */
  beneficiaryCnpj?: string;
  /**
   * Token calls allowed per minute by the clock, beyond which the token endpoint answers 429
   * (Inter's limit is 5). Default: no limit, so tests that start many sessions are not throttled.
   */
  tokenLimitPerMinute?: number;
}

/** The plain-data options, checked at the mock's edge (pki and clock are taken as given). */
export const interMockOptionsSchema = z.object({
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  issue: z.enum(["manual", "immediate"]).optional(),
  retryDelaysMs: z.array(z.number().int().min(0)).optional(),
  notify: z.boolean().optional(),
  beneficiaryCnpj: z
    .string()
    .refine((value) => isValidCnpj(value.replace(/\D/g, "")), "must be a valid CNPJ")
    .optional(),
  tokenLimitPerMinute: z.number().int().min(1).optional(),
});
