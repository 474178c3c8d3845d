import { randomUUID } from "node:crypto";
import {
  addDays,
  formatMoney,
  idempotencyKeySchema,
  isTesseraError,
  type SaleOutcome,
  type Tessera,
} from "@tessera/core";
import type { Context } from "hono";
import { type CardStepView, openCardStep } from "../checkout/card-step";
import { cardInputOf, readPaymentChoice } from "../checkout/checkout-form";
import { formNames } from "../checkout/checkout-form-names";
import { type FieldErrors, formErrorsOf } from "../checkout/form-errors";
import { methodNeedsAddress, unitMethods } from "../checkout/method-requirements";
import { isProviderFault } from "../checkout/provider-fault";
import type { ReceiptLinks, ReceiptSubject } from "../checkout/receipt-link";
import type { AppEnv } from "../http/app-env";
import { pageData } from "../http/page-data";
import { readFormBody } from "../http/read-form-body";
import { errorTexts } from "../i18n/error-texts";
import type { MessageKey } from "../i18n/message-catalog";
import type { Logger } from "../logging/logger";
import { boletoBarcodeSvg } from "../payment-step/boleto-barcode";
import { pixQrCodeSvg } from "../payment-step/pix-qr-code";
import type { ViewRenderer } from "../views/view-renderer";
import { formatDay, formatMoment } from "./date-display";
import { quoteLinesView } from "./quote-lines-view";
import { studioBrand } from "./studio-brand";

export interface CheckoutPageDeps {
  tessera: Tessera;
  views: ViewRenderer;
  logger: Logger;
  receipts: ReceiptLinks;
}

/** What the page shows, one per outcome the buyer can meet. */
export type CheckoutState =
  | "paid"
  | "pay_pix"
  | "pay_boleto"
  | "pay_redirect"
  | "processing"
  | "confirming"
  | "authorized"
  | "declined"
  | "canceled"
  | "not_sent";

/** Outcomes that change by themselves (a webhook, recovery): the page polls while in one. */
const waitingStates: ReadonlySet<CheckoutState> = new Set([
  "pay_pix",
  "pay_boleto",
  "pay_redirect",
  "processing",
  "confirming",
  "authorized",
]);

/** Outcomes after which the buyer may try again, on the same contract. */
const retryStates: ReadonlySet<CheckoutState> = new Set(["declined", "canceled", "not_sent"]);

export function checkoutStateOf(outcome: SaleOutcome): CheckoutState {
  switch (outcome.status) {
    case "succeeded":
    case "no_charge":
      return "paid";
    case "pending":
    case "requires_action":
      return outcome.action.type === "pix"
        ? "pay_pix"
        : outcome.action.type === "boleto"
          ? "pay_boleto"
          : "pay_redirect";
    case "processing":
      return "processing";
    case "unknown":
      return "confirming";
    case "authorized":
      return "authorized";
    case "declined":
      return "declined";
    case "canceled":
      return "canceled";
    case "not_sent":
      return "not_sent";
  }
}

/**
 * True when the outcome's payment is the sale's own — it pays the contract's first
 * installments, or the sale had nothing to collect — rather than a later payment made at the
 * contract's pay link (`/pay/…`), which pays every due line and sends no receipt e-mail.
 */
function paysSale(outcome: SaleOutcome): boolean {
  const first = outcome.installments[0];
  return outcome.payment === null || first === undefined || outcome.payment.installmentIds.includes(first.id);
}

/** The sale a checkout link is about, or null when it names nothing (or the token is wrong). */
async function loadOutcome(
  deps: CheckoutPageDeps,
  subject: string,
  token: string,
): Promise<{ subject: ReceiptSubject; outcome: SaleOutcome } | null> {
  if (!deps.receipts.verify(subject, token)) return null;
  try {
    const outcome = subject.startsWith("pay_")
      ? await deps.tessera.sales.outcome(subject as `pay_${string}`)
      : await deps.tessera.sales.contractOutcome(subject as `ctr_${string}`);
    return { subject, outcome };
  } catch (error) {
    if (isTesseraError(error, "not_found")) return null;
    throw error;
  }
}

/**
 * The day the buyer pays next: the first installment still awaiting after those paid now;
 * for an open-ended or renewing contract with none scheduled, the day after its last period.
 */
function nextDueDate(outcome: SaleOutcome): string | null {
  const paid = new Set(outcome.payment?.installmentIds ?? []);
  const awaiting = outcome.installments.find((line) => line.status === "awaiting" && !paid.has(line.id));
  if (awaiting) return awaiting.dueDate;
  const { terms } = outcome.contract;
  if (terms.installmentCount !== null && !terms.autoRenew) return null;
  const lastEnd = outcome.installments
    .map((line) => line.periodEnd)
    .filter((end): end is string => end !== null)
    .sort()
    .at(-1);
  return lastEnd ? addDays(lastEnd, 1) : null;
}

async function renderCheckout(
  c: Context<AppEnv>,
  deps: CheckoutPageDeps,
  found: { subject: ReceiptSubject; outcome: SaleOutcome },
  retryState: { errors: FieldErrors; idempotencyKey: string; method: string } | null,
  status: 200 | 409 | 422 | 503 = 200,
) {
  const { outcome, subject } = found;
  const t = c.get("t");
  const locale = c.get("locale");
  const unit = await deps.tessera.organizations.getUnitOrThrow(outcome.contract.unitId);
  const state = checkoutStateOf(outcome);
  const payment = outcome.payment;
  const paidIds = new Set(payment?.installmentIds ?? []);
  const lines = payment
    ? outcome.installments.filter((line) => paidIds.has(line.id))
    : outcome.installments.filter((line) => line.sequence === 1);
  const total = payment?.amount ?? { amount: 0, currency: outcome.contract.terms.price.currency };
  const next = nextDueDate(outcome);
  const path = deps.receipts.pathOf(subject);

  let pix = null;
  let boleto = null;
  let redirect = null;
  if (outcome.status === "pending" || outcome.status === "requires_action") {
    const { action } = outcome;
    if (action.type === "pix") {
      pix = {
        svg: await pixQrCodeSvg(action.qrCodePayload, { title: t("pay.pix.qrTitle") }),
        code: action.qrCodePayload,
        expiresAt: formatMoment(action.expiresAt, locale, unit.timeZone),
      };
    } else if (action.type === "boleto") {
      boleto = {
        line: action.digitableLine,
        barcodeSvg: boletoBarcodeSvg(action.barcode, { title: t("pay.boleto.barcodeTitle") }),
        // A provider that hands its PDF over only through its API (Banco Inter): this page serves it.
        pdfUrl:
          action.pdfUrl ??
          (payment && deps.tessera.gateways.get(payment.gatewayId).capabilities.boletoDocument
            ? `${path}/boleto.pdf`
            : null),
        dueDate: formatDay(action.dueDate, locale),
        pixCode: action.pixPayload,
      };
    } else {
      redirect = { url: action.url };
    }
  }

  let retry = null;
  if (retryStates.has(state)) {
    const methods = unitMethods(unit);
    const card: CardStepView | null = methods.includes("card")
      ? await openCardStep(deps.tessera, unit, { amount: total, locale }, deps.logger)
      : null;
    const chosen = retryState?.method ?? payment?.method ?? "";
    const errors = retryState?.errors ?? {};
    retry = {
      action: `${path}/retry`,
      idempotencyKey: retryState?.idempotencyKey ?? randomUUID(),
      names: formNames,
      errors: errorTexts(errors, t),
      methods: methods.map((method) => {
        // The retry form has no address inputs: a method whose provider needs the address the
        // customer never gave is shown, and says why it cannot be chosen here.
        const lacksAddress =
          methodNeedsAddress(deps.tessera, unit, method) && outcome.customer.address === null;
        return {
          value: method,
          label: t(`method.${method}`),
          checked: method === chosen && !lacksAddress,
          unavailable: (method === "card" && card === null) || lacksAddress,
          reason: lacksAddress ? t("checkout.method.needsAddress") : t("checkout.method.unavailable"),
        };
      }),
      card,
    };
  }

  const declineMessage = outcome.status === "declined" ? t(outcome.messageKey as MessageKey) : null;
  const body = deps.views.render("checkout", {
    ...pageData(c, t(`pay.${state}.title`), studioBrand(unit)),
    scripts: ["/assets/checkout.js", ...(retry?.card?.scriptUrl ? [retry.card.scriptUrl] : [])],
    state,
    waiting: waitingStates.has(state),
    statusUrl: `${path}/status`,
    reloadUrl: path,
    summary: {
      planName: outcome.contract.terms.planName,
      customerName: outcome.customer.name,
      email: outcome.customer.email,
      lines: quoteLinesView(lines, outcome.contract.terms.kind, locale, t),
      total: formatMoney(total, locale),
      startDate: formatDay(outcome.contract.startDate, locale),
      nextDueDate: next ? formatDay(next, locale) : null,
      installmentCount: outcome.contract.terms.installmentCount,
      method: payment ? t(`method.${payment.method}`) : null,
    },
    paidMessage: paysSale(outcome)
      ? t("pay.paid.message", { email: outcome.customer.email })
      : t("pay.paid.messageInstallment"),
    activationCode: state === "paid" && outcome.activationCode ? outcome.activationCode.code : null,
    pix,
    boleto,
    redirect,
    declineMessage,
    retry,
    unitPlansUrl: `/u/${unit.slug}`,
  });
  return c.html(body, status);
}

/** GET /checkout/:subject/:token — the payment step, then the outcome, of one sale. */
export function showCheckout(deps: CheckoutPageDeps) {
  return async (c: Context<AppEnv>) => {
    const found = await loadOutcome(deps, c.req.param("subject") ?? "", c.req.param("token") ?? "");
    if (!found) return c.notFound();
    c.header("Cache-Control", "no-store");
    return renderCheckout(c, deps, found, null);
  };
}

/**
 * GET /checkout/:subject/:token/boleto.pdf — the boleto's PDF, fetched from a provider that
 * hands it over only through its API (`capabilities.boletoDocument`: Banco Inter); 404 when
 * the payment is no boleto, or the provider has no PDF for it yet. The signed link is the
 * payer's only key to it, as it is to the page.
 */
export function checkoutBoletoPdf(deps: CheckoutPageDeps) {
  return async (c: Context<AppEnv>) => {
    const found = await loadOutcome(deps, c.req.param("subject") ?? "", c.req.param("token") ?? "");
    const payment = found?.outcome.payment;
    if (!payment) return c.notFound();
    const pdf = await deps.tessera.payments.boletoDocument(payment.id);
    if (!pdf) return c.notFound();
    c.header("Content-Type", "application/pdf");
    c.header("Content-Disposition", `inline; filename="boleto-${payment.id}.pdf"`);
    c.header("Cache-Control", "private, no-store");
    return c.body(new Uint8Array(pdf));
  };
}

/**
 * GET /checkout/:subject/:token/status — `{ state, waiting }` for the page's script, which
 * polls while the payment waits and reloads when the state changes.
 */
export function checkoutStatus(deps: CheckoutPageDeps) {
  return async (c: Context<AppEnv>) => {
    const found = await loadOutcome(deps, c.req.param("subject") ?? "", c.req.param("token") ?? "");
    if (!found) return c.json({ error: { code: "not_found" } }, 404);
    const state = checkoutStateOf(found.outcome);
    c.header("Cache-Control", "no-store");
    return c.json({ state, waiting: waitingStates.has(state) });
  };
}

/**
 * POST /checkout/:subject/:token/retry — a new attempt at the same contract after a decline,
 * a canceled attempt or a provider outage: the buyer may switch method. The attempt pays what
 * the failed one was for: the sale's first installments, or every due line for a payment made
 * at the contract's pay link. Its own idempotency key per page shown, so a double submit is
 * one attempt.
 */
export function retryCheckout(deps: CheckoutPageDeps) {
  return async (c: Context<AppEnv>) => {
    const found = await loadOutcome(deps, c.req.param("subject") ?? "", c.req.param("token") ?? "");
    if (!found) return c.notFound();
    const unit = await deps.tessera.organizations.getUnitOrThrow(found.outcome.contract.unitId);
    const body = await readFormBody(c);
    const errors: FieldErrors = {};
    const choice = readPaymentChoice(body, unitMethods(unit), errors);
    const keyText = body[formNames.idempotencyKey];
    const key =
      typeof keyText === "string" && idempotencyKeySchema.safeParse(keyText).success ? keyText : randomUUID();
    const again = { errors, idempotencyKey: key, method: choice.method ?? "" };
    if (!retryStates.has(checkoutStateOf(found.outcome))) {
      // Paid, or waiting on the payer: nothing to retry; the page shows where it stands.
      return c.redirect(deps.receipts.pathOf(found.subject), 303);
    }
    if (Object.keys(errors).length > 0 || !choice.method) return renderCheckout(c, deps, found, again, 422);
    try {
      const outcome = await deps.tessera.payments.retry({
        contractId: found.outcome.contract.id,
        method: choice.method,
        card: cardInputOf(choice),
        // A payment made at the pay link is tried again as it was made: every due line at once.
        lines: paysSale(found.outcome) ? "first" : "due",
        idempotencyKey: key,
      });
      const subject = outcome.payment ? outcome.payment.id : outcome.contract.id;
      return c.redirect(deps.receipts.pathOf(subject), 303);
    } catch (error) {
      if (isTesseraError(error, "validation_failed")) {
        const errors = formErrorsOf(error.details.issues ?? []);
        // The retry form shows only the method, the card and the form's own message: an issue
        // about the buyer's data (their address) is said at the top.
        const shown = new Set(["form", "card", formNames.method]);
        const other = Object.entries(errors).find(([input]) => !shown.has(input));
        if (other && !errors["form"]) errors["form"] = other[1];
        return renderCheckout(c, deps, found, { ...again, errors }, 422);
      }
      if (isProviderFault(error)) {
        return renderCheckout(
          c,
          deps,
          found,
          { ...again, errors: { form: "checkout.error.providerUnavailable" } },
          503,
        );
      }
      if (isTesseraError(error, "payment_in_progress") || isTesseraError(error, "idempotency_key_in_use")) {
        return renderCheckout(
          c,
          deps,
          found,
          { ...again, errors: { form: "checkout.error.inProgress" } },
          409,
        );
      }
      if (isTesseraError(error, "idempotency_key_reused")) {
        return renderCheckout(
          c,
          deps,
          found,
          { ...again, idempotencyKey: randomUUID(), errors: { form: "checkout.error.resubmitted" } },
          409,
        );
      }
      throw error;
    }
  };
}
