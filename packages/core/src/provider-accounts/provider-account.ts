import { z } from "zod";
import type { Id } from "../ids/id";
import type { Instant } from "../time/instant";
import { declaredInput } from "../validation/declared-input";

/**
 * A unit's account at a payment provider (its own Banco Inter credentials, its own Cielo
 * merchant): a gateway registered under the account's id, which the unit's payment methods
 * name as their `gatewayId`, and whose notifications arrive at `/webhooks/<id>`.
 */
export interface ProviderAccount {
  /** The gateway id (`inter-centro`): unique in the installation, as the webhook URL is. */
  id: string;
  organizationId: Id<"organization">;
  unitId: Id<"unit">;
  /** The provider kind (`GatewayProvider.kind`): `sandbox`, `inter`, `cielo`, … */
  kind: string;
  /** What staff call it: "Inter — conta do Centro". */
  label: string;
  /**
   * The settings as they may be shown: plain ones as they are, secrets masked (`••••1234`,
   * the last four only of a secret of 12 characters or more; `••••` otherwise).
   */
  maskedOptions: Record<string, string | number | boolean | null>;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}

/** An account as stored: the settings sealed (`credentials-cipher.ts`), nothing in clear. */
export interface ProviderAccountRecord {
  id: string;
  organizationId: Id<"organization">;
  unitId: Id<"unit">;
  kind: string;
  label: string;
  /** `v1.<key id>.<nonce>.<ciphertext>`: the settings' JSON, sealed to this id, unit and kind. */
  sealedOptions: string;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}

/** What `providerAccounts.create` and `update` take. */
export interface ProviderAccountInput {
  unitId: string;
  /** A registered provider kind. */
  kind: string;
  /** Lower-case letters, digits and `-`, starting with a letter, at most 40 characters. */
  id: string;
  label: string;
  /**
   * The settings, checked with the kind's `optionsSchema`. On update, a secret field that
   * is absent or empty keeps the stored value.
   */
  options: Record<string, unknown>;
}

export const providerAccountIdPattern = /^[a-z][a-z0-9-]{1,39}$/;

export const providerAccountInputSchema = declaredInput<ProviderAccountInput>()(
  z.object({
    unitId: z.string().startsWith("unit_", "must be a unit id").max(64),
    kind: z.string().min(1, "is required").max(40),
    id: z
      .string()
      .regex(
        providerAccountIdPattern,
        "must be 2 to 40 lower-case letters, digits or -, starting with a letter (inter-centro)",
      ),
    label: z.string().trim().min(1, "is required").max(100, "must have at most 100 characters"),
    options: z.record(z.string(), z.unknown()),
  }),
);
