import type { Clock } from "@tessera/core";
import { z } from "zod";
import type { TestPki } from "../test-pki";
import type { PspDelivery } from "./psp-notifier";
import type { ClientAuthentication } from "./psp-oauth";
import type { PixKeyHolder } from "./psp-receiver";

/** How to start a mock PSP; every field has a default. */
export interface PixPspMockOptions {
  /** The PKI its certificates come from (default: a new one). Give the gateway's test the same PKI. */
  pki?: TestPki;
  /** The clock expiry, token lifetime and timestamps read (default: the system clock). */
  clock?: Clock;
  /** Where the API lives (default `/v2`; Banco Inter serves it at `/pix/v2`). */
  basePath?: string;
  /** The token endpoint's path (default `/oauth/token`). */
  tokenPath?: string;
  /** Default: generated. */
  clientId?: string;
  /** Default: generated. */
  clientSecret?: string;
  /** How the token endpoint takes client credentials (default `either`: HTTP Basic or the form body). */
  clientAuthentication?: ClientAuthentication;
  /** The receiver's Pix key (default: a random key, a UUID). */
  chave?: string;
  /** Who the key belongs to, as BR Codes and `cobv.recebedor` show it. */
  pixKeyHolder?: PixKeyHolder;
  /** CA the receiver's webhook server certificate is checked against (default: the PKI's CA). */
  webhookCa?: string;
  /** Pauses before each retry of a failed callback (default [50, 200, 1000]: four attempts in all). */
  retryDelaysMs?: readonly number[];
  /** False: callbacks are recorded in `deliveries()` and handed to `onNotification`, never posted (default true). */
  notify?: boolean;
  /** Called with each callback as the PSP sends it, before it is posted. */
  onNotification?: (notification: Pick<PspDelivery, "url" | "body">) => void;
}

const path = z
  .string()
  .regex(/^\/[A-Za-z0-9._~/-]*$/, "must be a path starting with /")
  .refine((value) => value === "/" || !value.endsWith("/"), "must not end with /");

/** The plain-data options, checked at the mock's edge (the objects — pki, clock, hooks — are taken as given). */
export const pixPspMockOptionsSchema = z.object({
  basePath: path.optional(),
  tokenPath: path.optional(),
  clientId: z.string().min(1).optional(),
  clientSecret: z.string().min(1).optional(),
  clientAuthentication: z.enum(["basic", "body", "either"]).optional(),
  chave: z.string().min(1).max(77).optional(),
  pixKeyHolder: z
    .object({
      nome: z.string().min(1).max(200),
      cidade: z.string().min(1).max(200),
      cnpj: z
        .string()
        .regex(/^[0-9A-Z]{14}$/)
        .optional(),
      logradouro: z.string().max(200).optional(),
      uf: z.string().length(2).optional(),
      cep: z
        .string()
        .regex(/^\d{8}$/)
        .optional(),
    })
    .optional(),
  retryDelaysMs: z.array(z.number().int().nonnegative()).optional(),
  notify: z.boolean().optional(),
});
