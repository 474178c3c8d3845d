import { TesseraError } from "../errors/tessera-error";
import { referenceOf } from "../payments/payment-reference";
import { withRetryOnConflict } from "../payments/with-retry-on-conflict";
import type { ServiceContext } from "../ports/service-context";
import { parseId } from "../validation/parse-id";
import type { Recurrence } from "./recurrence";

/** Recurrences the provider runs for contracts (Cielo RecurrentPayment, PagoLivre). */
export interface RecurrenceService {
  /** The recurrence, or null. */
  find(recurrenceId: string): Promise<Recurrence | null>;
  /** Every recurrence of a contract, oldest first (a first charge retried may start a later one). */
  listByContract(contractId: string): Promise<Recurrence[]>;
  /**
   * Stops the provider's further charges (a contract canceled, a card to be changed), then
   * records it and emits `recurrence.deactivated`. Idempotent: a recurrence that already
   * ended or was stopped is answered as it stands, without asking the provider. A provider
   * fault throws its `GatewayError` and changes nothing here, so the call can be repeated.
   *
   * @example
   * ```ts
   * const [recurrence] = await tessera.recurrences.listByContract(contractId);
   * if (recurrence?.status === "active") await tessera.recurrences.deactivate(recurrence.id);
   * ```
   */
  deactivate(recurrenceId: string): Promise<Recurrence>;
}

export function createRecurrenceService(ctx: ServiceContext): RecurrenceService {
  async function getOrThrow(id: Recurrence["id"]): Promise<Recurrence> {
    const recurrence = await ctx.storage.recurrences.findById(id);
    if (!recurrence) {
      throw new TesseraError("not_found", `Recurrence ${id} does not exist.`, {
        details: { entity: "recurrence", id },
      });
    }
    return recurrence;
  }

  return {
    async find(recurrenceId) {
      return ctx.storage.recurrences.findById(parseId("recurrence", recurrenceId, "recurrenceId"));
    },

    async listByContract(contractId) {
      return ctx.storage.recurrences.listByContract(parseId("contract", contractId, "contractId"));
    },

    async deactivate(recurrenceId) {
      const id = parseId("recurrence", recurrenceId, "recurrenceId");
      const recurrence = await getOrThrow(id);
      if (recurrence.status !== "active") return recurrence;
      const gateway = ctx.gateways.get(recurrence.gatewayId);
      if (!gateway.deactivateRecurrence) {
        throw new TesseraError(
          "gateway_configuration",
          `The ${gateway.id} gateway runs no recurrences, yet recurrence ${id} is active on it.`,
          { details: { origin: gateway.id, recurrenceId: id } },
        );
      }
      const first = await ctx.storage.payments.findById(recurrence.firstPaymentId);
      await gateway.deactivateRecurrence({
        recurrenceReference: recurrence.providerReference,
        firstPayment: referenceOf(first!),
      });
      return withRetryOnConflict(() =>
        ctx.storage.transaction(async (tx) => {
          const current = (await tx.recurrences.findById(id))!;
          // The provider's last charge may have ended it meanwhile: that end stands.
          if (current.status !== "active") return current;
          const now = ctx.clock.now();
          const stopped = await tx.recurrences.update({
            ...current,
            status: "deactivated",
            endedAt: now,
            updatedAt: now,
          });
          await tx.outbox.append([
            ctx.events(
              "recurrence.deactivated",
              { recurrenceId: id, contractId: current.contractId },
              current.unitId,
            ),
          ]);
          return stopped;
        }),
      );
    },
  };
}
