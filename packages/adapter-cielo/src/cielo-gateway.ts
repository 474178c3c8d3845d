import {
  type Clock,
  type CreatePaymentRequest,
  type Gateway,
  gatewayError,
  isTesseraError,
  type Money,
  type PaymentReference,
  type PaymentResult,
  systemClock,
} from "@tessera/core";
import { cieloBoletoSaleBody } from "./boleto-sale-request";
import { cancelCieloPayment } from "./cielo-cancel";
import { cieloCancels, cieloCapabilities } from "./cielo-capabilities";
import { cieloMethods, defaultPixLifetimeSeconds } from "./cielo-methods";
import { changeRecurrence, deactivateCieloRecurrence } from "./cielo-recurrence";
import { lookUpVoid, voidPayment } from "./cielo-refunds";
import { parseCieloWebhook } from "./cielo-webhook";
import {
  type CieloClient,
  CieloTransportError,
  cieloErrorCodes,
  cieloErrorText,
  createCieloClient,
} from "./client";
import { type CieloReading, mapCieloPayment } from "./mapping";
import { type CieloOptions, cieloAddresses } from "./options";
import { cieloPixSaleBody, pixLifetimeSeconds } from "./pix-sale-request";
import { sendSale, unknownOf } from "./sale-create";
import { fetchSale, lookUpPayment } from "./sale-lookup";
import { cieloSaleBody } from "./sale-request";
import { cieloChangeAnswerSchema } from "./schemas";
import { createSopSessions } from "./sop-session";

export interface CieloGatewayOptions extends CieloOptions {
  /** The gateway id (the provider account's id in the server). */
  id?: string;
  clock?: Clock;
  fetch?: typeof fetch;
  /** How long a request may take before its outcome is unknown (default 30 s). */
  timeoutMs?: number;
}

/** Runs a follow-up call; false when Cielo did not take it (unreachable or refused), a bug thrown as it came. */
async function tookEffect(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (isTesseraError(error)) return false;
    throw error;
  }
}

/**
 * A Cielo E-commerce store as a Tessera gateway: card sales by Silent Order Post token or
 * saved `CardToken`, capture, voids, `RecurrentPayment`; PIX (QR code, devolução, removal
 * with `Cielo2`) and registered boletos when the options switch them on; notifications
 * confirmed by querying the sale. `MerchantKey` and the SOP secret are sent as headers only,
 * never logged.
 */
export function createCieloGateway(options: CieloGatewayOptions): Gateway {
  const id = options.id ?? "cielo";
  const clock = options.clock ?? systemClock;
  const addresses = cieloAddresses(options);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const client = createCieloClient({
    addresses,
    merchantId: options.merchantId,
    merchantKey: options.merchantKey,
    timeoutMs,
    origin: id,
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
  });
  const sessions = createSopSessions({
    addresses,
    merchantId: options.merchantId,
    clientId: options.sopClientId,
    clientSecret: options.sopClientSecret,
    timeoutMs,
    clock,
    origin: id,
    ...(options.fetch !== undefined ? { fetch: options.fetch } : {}),
  });
  const environment = addresses.environment;
  const capabilities = cieloCapabilities(options);

  /**
   * After a recurrence's create: charge 2 on the day core asked and of the amount it asked,
   * where Cielo's defaults (one interval on, the sale's Amount) differ; a declined charge 1
   * leaves no recurrence running. The sale is made by then, so its result always stands:
   * when Cielo does not take a change (unreachable after `changeRecurrence`'s own retries,
   * or refused), the recurrence
   * is stopped rather than left charging a wrong amount or day, and the result no longer
   * names it, so the later months fall to Tessera's own billing.
   */
  async function settleRecurrence(
    request: CreatePaymentRequest,
    result: PaymentResult,
    nextRecurrency: string | undefined,
  ): Promise<PaymentResult> {
    const recurrence = request.recurrence;
    if (recurrence === undefined || result.status === "unknown" || result.recurrenceReference === undefined)
      return result;
    const recurrenceReference = result.recurrenceReference;
    const stop = () =>
      deactivateCieloRecurrence(
        client,
        { recurrenceReference, firstPayment: referenceOf(request, result) },
        id,
      );
    if (result.status === "declined") {
      await tookEffect(stop);
      return result;
    }
    const changed = await tookEffect(async () => {
      if (recurrence.amount.amount !== request.amount.amount)
        await changeRecurrence(client, recurrenceReference, "Amount", recurrence.amount.amount, id);
      if (nextRecurrency?.slice(0, 10) !== recurrence.secondChargeOn)
        await changeRecurrence(client, recurrenceReference, "NextPaymentDate", recurrence.secondChargeOn, id);
    });
    // Still running as Cielo made it, when even the stop failed: core keeps knowing of it.
    if (changed || !(await tookEffect(stop))) return result;
    const { recurrenceReference: _stopped, ...alone } = result;
    return alone;
  }

  function referenceOf(
    request: CreatePaymentRequest,
    result: { providerReference: string },
  ): PaymentReference {
    return {
      idempotencyKey: request.idempotencyKey,
      providerReference: result.providerReference,
      method: request.method,
      amount: request.amount,
      createdAt: clock.now(),
    };
  }

  /** What reading a sale needs now; `pixLifetimeSeconds` the QR code's life when the answer does not say. */
  const reading = (pixLifetime = defaultPixLifetimeSeconds(options.pixProvider)): CieloReading => ({
    environment,
    now: clock.now(),
    pixLifetimeSeconds: pixLifetime,
  });
  const methods = cieloMethods(options);

  async function createCardPayment(request: CreatePaymentRequest): Promise<PaymentResult> {
    if (request.recurrence !== undefined && request.capture === false)
      throw gatewayError(
        id,
        "gateway_invalid_request",
        "A Cielo recurrence charges its first payment at once (capture).",
      );
    const body = cieloSaleBody(request, {
      origin: id,
      acceptRawCards: options.acceptRawCards,
      ...(options.softDescriptor !== undefined ? { softDescriptor: options.softDescriptor } : {}),
    });
    const sent = await sendSale(client, body, id);
    if (!("sale" in sent)) return sent;
    const result = mapCieloPayment(sent.sale.Payment, reading());
    return settleRecurrence(request, result, sent.sale.Payment.RecurrentPayment?.NextRecurrency);
  }

  /** A PIX or a boleto: one body, sent once, read with the QR code's life the body asked. */
  async function createPendingPayment(request: CreatePaymentRequest): Promise<PaymentResult> {
    if (request.recurrence !== undefined)
      throw gatewayError(id, "gateway_invalid_request", "Cielo runs recurrences on cards only.");
    const body =
      request.method === "pix"
        ? cieloPixSaleBody(request, { origin: id, methods: options })
        : cieloBoletoSaleBody(request, {
            origin: id,
            methods: options,
            sandbox: options.sandbox,
            now: clock.now(),
            ...(options.boletoDueDays !== undefined ? { dueDays: options.boletoDueDays } : {}),
          });
    const sent = await sendSale(client, body, id);
    if (!("sale" in sent)) return sent;
    const lifetime =
      request.method === "pix" ? pixLifetimeSeconds(request, options.pixProvider, id) : undefined;
    return mapCieloPayment(sent.sale.Payment, reading(lifetime));
  }

  return {
    id,
    methods,
    capabilities,
    async createPayment(request) {
      if (!methods.includes(request.method))
        throw gatewayError(
          id,
          "gateway_invalid_request",
          `This Cielo gateway offers ${methods.join(", ")}, not ${request.method}.`,
        );
      if (request.amount.currency !== "BRL")
        throw gatewayError(id, "gateway_invalid_request", "Cielo charges in BRL only.");
      return request.method === "card" ? createCardPayment(request) : createPendingPayment(request);
    },
    getPayment: (reference) => lookUpPayment(client, reference, { ...reading(), origin: id }),
    async capture(reference, amount?: Money) {
      if (reference.providerReference === null)
        throw gatewayError(id, "gateway_invalid_request", "Capture needs the sale's PaymentId.");
      if (reference.method !== "card")
        throw gatewayError(id, "gateway_invalid_request", "Cielo captures card authorizations only.");
      const query = amount === undefined ? "" : `?amount=${amount.amount}`;
      let answer: Awaited<ReturnType<CieloClient["send"]>>;
      try {
        answer = await client.send({
          host: "api",
          method: "PUT",
          path: `/1/sales/${encodeURIComponent(reference.providerReference)}/capture${query}`,
        });
      } catch (error) {
        if (!(error instanceof CieloTransportError)) throw error;
        return unknownOf(error.message, reference.providerReference);
      }
      if (answer.status >= 500)
        return unknownOf(`Cielo answered ${answer.status} to the capture`, reference.providerReference);
      if (answer.status !== 200 || !cieloChangeAnswerSchema.safeParse(answer.json).success)
        throw gatewayError(
          id,
          "gateway_invalid_request",
          `Cielo refused the capture: ${cieloErrorText(answer) || answer.status}`,
          {
            details: { codes: cieloErrorCodes(answer) },
          },
        );
      const sale = await fetchSale(client, reference.providerReference, id);
      if (!("found" in sale))
        return unknownOf("the captured sale could not be read back", reference.providerReference);
      return mapCieloPayment(sale.found.Payment, reading());
    },
    refund: (request) => voidPayment(client, request, id),
    getRefund: (reference) => lookUpVoid(client, reference, id),
    ...(cieloCancels(options)
      ? {
          cancel: (reference: PaymentReference) =>
            cancelCieloPayment(client, reference, { ...reading(), origin: id }),
        }
      : {}),
    deactivateRecurrence: (reference) => deactivateCieloRecurrence(client, reference, id),
    cardTokenizationSession: () => sessions.open(),
    parseWebhook: (input) =>
      parseCieloWebhook(
        {
          client,
          clock,
          environment,
          origin: id,
          headerName: options.notificationHeaderName,
          headerValue: options.notificationHeaderValue,
          pixLifetimeSeconds: defaultPixLifetimeSeconds(options.pixProvider),
        },
        input,
      ),
  };
}
