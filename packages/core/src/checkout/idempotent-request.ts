import { isTesseraError, TesseraError } from "../errors/tessera-error";
import { parseResourceReference, type ResourceReference } from "../idempotency/resource-reference";
import type { ServiceContext } from "../ports/service-context";

/** Where an idempotency key is unique, and what the request it names meant. */
export interface IdempotentRequest {
  /** `sale:<unitId>`, `retry:<contractId>`. */
  scope: string;
  key: string;
  fingerprint: string;
  /** For the error message: "sale", "payment retry". */
  label: string;
  /**
   * When the key is looked up. `first`: before `create`. `on_conflict`: only once `create`
   * failed with `conflict` — for a `create` whose transaction can refuse a known key in no
   * other way than that conflict (its inserts, the key's record among them, check nothing
   * a replay would fail first), so a new key, the common case, costs no read.
   */
  lookup: "first" | "on_conflict";
}

/**
 * Runs a request under its idempotency key (Stripe's rules): a key seen before replays the
 * first request (`replay`), refusing one reused with other data (`idempotency_key_reused`);
 * a new key runs `create`, whose write-ahead transaction inserts the key's record. Two calls
 * racing with one key: the loser's insert conflicts, and it replays the winner.
 */
export async function runIdempotent<T>(
  ctx: ServiceContext,
  request: IdempotentRequest,
  replay: (reference: ResourceReference) => Promise<T>,
  create: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const record =
      attempt === 1 && request.lookup === "on_conflict"
        ? null
        : await ctx.storage.idempotencyKeys.find(request.scope, request.key);
    if (record) {
      if (record.fingerprint !== request.fingerprint) {
        throw new TesseraError(
          "idempotency_key_reused",
          `This idempotency key was used for a different ${request.label}.`,
          {
            details: {
              issues: [{ path: ["idempotencyKey"], code: "reused", message: "used with different data" }],
            },
          },
        );
      }
      return replay(parseResourceReference(record.resource));
    }
    try {
      return await create();
    } catch (error) {
      // A concurrent call with this key won the race, or registered the same buyer first.
      if (!isTesseraError(error, "conflict") || attempt >= 3) throw error;
    }
  }
}
