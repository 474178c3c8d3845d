import { type DeactivateRecurrenceResult, gatewayError, type RecurrenceReference } from "@tessera/core";
import { type CieloClient, CieloTransportError, cieloErrorText } from "./client";
import { type CieloRecurrence, cieloRecurrenceSchema } from "./schemas";

/** `RecurrentPayment.Status` (manual "Consulta de Recorrência"): 1 is the only one still charging. */
export const recurrenceStatuses = {
  1: "Active",
  2: "Finished",
  3: "DeactivatedByMerchant",
  4: "DisabledByRetries",
  5: "DisabledByExpiredCard",
} as const;

/** How many times a recurrence's change is sent when Cielo cannot be reached or fails: each sets a value, so a repeat is harmless. */
const changeAttempts = 3;

/** A transport failure as the port's `gateway_unavailable` (Cielo's fault, never the payer's). */
async function unavailableOnTransport<T>(origin: string, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CieloTransportError)) throw error;
    throw gatewayError(origin, "gateway_unavailable", `Cielo's ${what} failed: ${error.message}`, {
      cause: error,
    });
  }
}

/** `GET /1/RecurrentPayment/{id}` on the query host; null when Cielo has none. */
export async function fetchRecurrence(
  client: CieloClient,
  recurrentPaymentId: string,
  origin: string,
): Promise<CieloRecurrence | null> {
  const answer = await unavailableOnTransport(origin, "recurrence query", () =>
    client.send({
      host: "query",
      method: "GET",
      path: `/1/RecurrentPayment/${encodeURIComponent(recurrentPaymentId)}`,
    }),
  );
  if (answer.status === 404) return null;
  const json = answer.json;
  const parsed = cieloRecurrenceSchema.safeParse(json);
  if (answer.status !== 200 || !parsed.success)
    throw gatewayError(origin, "gateway_unavailable", `Cielo's recurrence query answered ${answer.status}`);
  return parsed.data.RecurrentPayment;
}

type RecurrenceField = "Deactivate" | "NextPaymentDate" | "RecurrencyDay" | "EndDate" | "Amount";

/**
 * `PUT /1/RecurrentPayment/{id}/{field}` with a bare JSON value (or none, for `Deactivate`),
 * answered 200 with no body (manual "Modificando …"). Sent up to three times when Cielo
 * cannot be reached or answers 5xx, then `gateway_unavailable`; a refusal throws at once.
 */
export async function changeRecurrence(
  client: CieloClient,
  recurrentPaymentId: string,
  field: RecurrenceField,
  value: string | number | undefined,
  origin: string,
): Promise<void> {
  await unavailableOnTransport(origin, `recurrence ${field}`, async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await sendChange(client, recurrentPaymentId, field, value, origin);
      } catch (error) {
        if (!(error instanceof CieloTransportError) || attempt >= changeAttempts) throw error;
      }
    }
  });
}

async function sendChange(
  client: CieloClient,
  recurrentPaymentId: string,
  field: RecurrenceField,
  value: string | number | undefined,
  origin: string,
): Promise<void> {
  const answer = await client.send({
    host: "api",
    method: "PUT",
    path: `/1/RecurrentPayment/${encodeURIComponent(recurrentPaymentId)}/${field}`,
    ...(value !== undefined ? { body: value } : {}),
  });
  if (answer.status >= 500)
    throw new CieloTransportError("unknown", `Cielo answered ${answer.status} to ${field}`);
  if (answer.status !== 200)
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      `Cielo refused the recurrence's ${field}: ${cieloErrorText(answer) || answer.status}`,
    );
}

/** Stops the recurrence unless it already stopped: `Deactivate`, idempotent by the status read first. */
export async function deactivateCieloRecurrence(
  client: CieloClient,
  reference: RecurrenceReference,
  origin: string,
): Promise<DeactivateRecurrenceResult> {
  const recurrence = await fetchRecurrence(client, reference.recurrenceReference, origin);
  if (recurrence === null)
    throw gatewayError(
      origin,
      "gateway_invalid_request",
      "Cielo has no recurrence with that RecurrentPaymentId.",
    );
  const raw =
    recurrenceStatuses[recurrence.Status as keyof typeof recurrenceStatuses] ?? String(recurrence.Status);
  if (recurrence.Status !== 1) return { status: "already_ended", rawStatus: raw };
  await changeRecurrence(client, reference.recurrenceReference, "Deactivate", undefined, origin);
  return { status: "deactivated", rawStatus: recurrenceStatuses[3] };
}
