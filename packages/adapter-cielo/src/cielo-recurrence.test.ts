import { type CreatePaymentRequest, isTesseraError } from "@tessera/core";
import { afterEach, describe, expect, it } from "vitest";
import { createCieloGateway } from "./cielo-gateway";
import { fetchRecurrence } from "./cielo-recurrence";
import { createCieloClient } from "./client";
import { cieloAddresses } from "./options";
import { type CieloHarness, createCieloHarness } from "./testing";

/**
 * A recurrence's follow-up calls after the sale was made (the second charge's amount and
 * day, the stop after a declined first charge), when Cielo cannot take them: the sale's
 * result always comes back, and no recurrence is left charging what core did not ask.
 */

let harness: CieloHarness | null = null;
afterEach(async () => {
  await harness?.close?.();
  harness = null;
});

/** A fetch that refuses to connect for the recurrence PUTs whose path ends with one of `fields`, `times` times. */
function failingPuts(fields: string[], times: number) {
  const refused: string[] = [];
  const fetchThrough: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const field = url.split("/").at(-1) ?? "";
    if (init?.method === "PUT" && url.includes("/RecurrentPayment/") && fields.includes(field)) {
      if (refused.length < times) {
        refused.push(field);
        throw new TypeError("fetch failed", {
          cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }),
        });
      }
    }
    return fetch(input, init);
  };
  return { fetch: fetchThrough, refused };
}

async function recurringRequest(
  open: CieloHarness,
  card: "approved" | "declined",
): Promise<CreatePaymentRequest> {
  const cards = open.cards;
  if (cards === null) throw new Error("the Cielo harness tokenizes cards");
  const token = card === "approved" ? await cards.approved() : await cards.declined("card_declined");
  if (token === null) throw new Error("no declining card");
  return {
    idempotencyKey: crypto.randomUUID().replaceAll("-", ""),
    // Charge 1 holds an enrollment fee: the later charges are of another amount.
    amount: { amount: 15_000, currency: "BRL" },
    method: "card",
    description: "Mensal com matrícula",
    payer: {
      name: "Maria Souza",
      email: "maria@example.com",
      phone: null,
      document: { kind: "cpf", value: "52998224725" },
      address: null,
    },
    card: token,
    recurrence: {
      interval: { unit: "month", count: 1 },
      charges: null,
      amount: { amount: 10_000, currency: "BRL" },
      secondChargeOn: "2026-04-15",
    },
  };
}

describe("a Cielo recurrence's follow-up calls", () => {
  it("retries a change Cielo could not be reached for, and the recurrence charges what core asked", async () => {
    harness = await createCieloHarness();
    const through = failingPuts(["Amount", "NextPaymentDate"], 2);
    const gateway = createCieloGateway({ ...harness.gatewayOptions, fetch: through.fetch });
    const result = await gateway.createPayment(await recurringRequest(harness, "approved"));
    expect(result.status).toBe("succeeded");
    if (result.status !== "succeeded") return;
    expect(through.refused).toEqual(["Amount", "Amount"]);
    expect(result.recurrenceReference).toBeDefined();
    const client = clientOf(harness);
    const recurrence = await fetchRecurrence(client, result.recurrenceReference ?? "", "cielo");
    expect(recurrence?.Status).toBe(1);
    expect(recurrence?.Amount).toBe(10_000);
    expect(recurrence?.NextRecurrency?.slice(0, 10)).toBe("2026-04-15");
  });

  it("stops the recurrence when a change never gets through, and still returns the sale, no longer naming it", async () => {
    harness = await createCieloHarness();
    const through = failingPuts(["Amount"], 3);
    const gateway = createCieloGateway({ ...harness.gatewayOptions, fetch: through.fetch });
    const result = await gateway.createPayment(await recurringRequest(harness, "approved"));
    expect(result.status).toBe("succeeded");
    if (result.status !== "succeeded") return;
    expect(result.amount).toEqual({ amount: 15_000, currency: "BRL" });
    expect(result).not.toHaveProperty("recurrenceReference");
    const [recurrence] = harness.cielo.records().recurrences;
    // 3: DeactivatedByMerchant — nothing charges the enrollment fee's amount again.
    expect(recurrence?.status).toBe(3);
  });

  it("returns the sale naming its recurrence when even the stop cannot reach Cielo", async () => {
    harness = await createCieloHarness();
    const through = failingPuts(["Amount", "Deactivate"], 6);
    const gateway = createCieloGateway({ ...harness.gatewayOptions, fetch: through.fetch });
    const result = await gateway.createPayment(await recurringRequest(harness, "approved"));
    expect(result.status).toBe("succeeded");
    if (result.status !== "succeeded") return;
    expect(through.refused).toEqual(["Amount", "Amount", "Amount", "Deactivate", "Deactivate", "Deactivate"]);
    expect(result.recurrenceReference).toBe(harness.cielo.records().recurrences[0]?.recurrentPaymentId);
  });

  it("returns a declined first charge as declined when the stop cannot reach Cielo", async () => {
    harness = await createCieloHarness();
    const through = failingPuts(["Deactivate"], 3);
    const gateway = createCieloGateway({ ...harness.gatewayOptions, fetch: through.fetch });
    const result = await gateway.createPayment(await recurringRequest(harness, "declined"));
    expect(result.status).toBe("declined");
    expect(through.refused).toEqual(["Deactivate", "Deactivate", "Deactivate"]);
  });

  it("says gateway_unavailable, never a raw transport failure, when a recurrence cannot be read", async () => {
    harness = await createCieloHarness();
    const unreachable: typeof fetch = async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }),
      });
    };
    const client = createCieloClient({
      addresses: cieloAddresses(harness.gatewayOptions),
      merchantId: harness.gatewayOptions.merchantId,
      merchantKey: harness.gatewayOptions.merchantKey,
      timeoutMs: 1_000,
      origin: "cielo",
      fetch: unreachable,
    });
    const error = await fetchRecurrence(client, crypto.randomUUID(), "cielo").then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(isTesseraError(error, "gateway_unavailable")).toBe(true);
    const gateway = createCieloGateway({ ...harness.gatewayOptions, fetch: unreachable });
    const deactivation = await gateway
      .deactivateRecurrence?.({
        recurrenceReference: crypto.randomUUID(),
        firstPayment: {
          idempotencyKey: "k1",
          providerReference: crypto.randomUUID(),
          method: "card",
          amount: { amount: 100, currency: "BRL" },
          createdAt: "2026-03-10T15:00:00.000Z",
        },
      })
      .then(
        () => null,
        (thrown: unknown) => thrown,
      );
    expect(isTesseraError(deactivation, "gateway_unavailable")).toBe(true);
  });
});

function clientOf(open: CieloHarness) {
  return createCieloClient({
    addresses: cieloAddresses(open.gatewayOptions),
    merchantId: open.gatewayOptions.merchantId,
    merchantKey: open.gatewayOptions.merchantKey,
    timeoutMs: 1_000,
    origin: "cielo",
  });
}
