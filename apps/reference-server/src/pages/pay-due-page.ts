import { randomUUID } from "node:crypto";
import {
  type BuyerAddressInput,
  type ContractDetail,
  type FieldIssue,
  formatMoney,
  type Installment,
  idempotencyKeySchema,
  isId,
  isTesseraError,
  type Tessera,
  type Unit,
} from "@tessera/core";
import type { Context } from "hono";
import { type CardStepView, openCardStep } from "../checkout/card-step";
import { cardInputOf, type FormValues, readAddress, readPaymentChoice } from "../checkout/checkout-form";
import { addressFields, formNames } from "../checkout/checkout-form-names";
import { type DueLines, dueLinesOf, unitToday } from "../checkout/due-lines";
import { type FieldErrors, formErrorsOf } from "../checkout/form-errors";
import { methodNeedsAddress, unitMethods } from "../checkout/method-requirements";
import type { PayLinks } from "../checkout/pay-link";
import { isProviderFault } from "../checkout/provider-fault";
import type { ReceiptLinks } from "../checkout/receipt-link";
import type { AppEnv } from "../http/app-env";
import { pageData } from "../http/page-data";
import { readFormBody } from "../http/read-form-body";
import { errorTexts } from "../i18n/error-texts";
import type { MessageKey } from "../i18n/message-catalog";
import type { Logger } from "../logging/logger";
import type { ViewRenderer } from "../views/view-renderer";
import { formatDay } from "./date-display";
import { studioBrand } from "./studio-brand";

export interface PayDuePageDeps {
  tessera: Tessera;
  views: ViewRenderer;
  logger: Logger;
  receipts: ReceiptLinks;
  payLinks: PayLinks;
}

/** A pay link that opened: its contract, the unit, and what is due today. */
interface PayDueFound {
  detail: ContractDetail;
  unit: Unit;
  due: DueLines | null;
  path: string;
}

/** The form as it was sent, to show it again with its errors. */
interface PayDueForm {
  values: FormValues;
  errors: FieldErrors;
  idempotencyKey: string;
}

type PayDueStatus = 200 | 409 | 422 | 503;

/** The contract a pay link is about, or null when it names nothing (or the token is wrong). */
async function loadPayDue(
  deps: PayDuePageDeps,
  contractId: string,
  token: string,
): Promise<PayDueFound | null> {
  if (!deps.payLinks.verify(contractId, token)) return null;
  const detail = await deps.tessera.contracts.get(contractId);
  if (!detail) return null;
  const unit = await deps.tessera.organizations.getUnitOrThrow(detail.contract.unitId);
  return {
    detail,
    unit,
    due: dueLinesOf(detail, unitToday(deps.tessera, unit)),
    path: deps.payLinks.pathOf(detail.contract.id),
  };
}

/** "Ana" of "Ana Souza": the page greets the payer without showing their whole name to whoever holds the link. */
function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * Whether the page may ask for the address a method needs: only of a customer without one,
 * whom `customers.register` finds again by their document to fill it in (a customer staff
 * registered without a document is offered the other methods).
 */
function asksAddress(detail: ContractDetail): boolean {
  return detail.customer.address === null && detail.customer.document !== null;
}

function lineLabel(line: Installment, detail: ContractDetail): MessageKey {
  return line.kind === "period" && detail.contract.terms.kind === "pass"
    ? "installment.kind.pass"
    : `installment.kind.${line.kind}`;
}

async function renderPayDue(
  c: Context<AppEnv>,
  deps: PayDuePageDeps,
  found: PayDueFound,
  form: PayDueForm | null,
  status: PayDueStatus = 200,
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { detail, unit, due } = found;
  const common = {
    firstName: firstNameOf(detail.customer.name),
    planName: detail.contract.terms.planName,
    unitPlansUrl: `/u/${unit.slug}`,
  };
  c.header("Cache-Control", "no-store");
  if (!due) {
    return c.html(
      deps.views.render("pay-due", {
        ...pageData(c, t("payDue.nothing.title"), studioBrand(unit)),
        ...common,
        state: "nothing_due",
      }),
      status,
    );
  }
  const lines = due.lines.map((line) => ({
    label: t(lineLabel(line, detail)),
    due: t("payDue.dueOn", { date: formatDay(line.dueDate, locale) }),
    amount: formatMoney(line.amount, locale),
  }));
  const total = formatMoney(due.total, locale);
  if (due.openAttempt) {
    return c.html(
      deps.views.render("pay-due", {
        ...pageData(c, t("payDue.title"), studioBrand(unit)),
        ...common,
        state: "in_progress",
        lines,
        total,
        openAttemptUrl: deps.receipts.pathOf(due.openAttempt.id),
      }),
      status === 200 ? 200 : 409,
    );
  }

  const methods = unitMethods(unit);
  const card: CardStepView | null = methods.includes("card")
    ? await openCardStep(deps.tessera, unit, { amount: due.total, locale }, deps.logger)
    : null;
  const values = form?.values ?? {};
  const chosen = values[formNames.method] ?? (methods.length === 1 ? methods[0]! : "");
  const canAsk = asksAddress(detail);
  const needsAddress = (method: string) =>
    detail.customer.address === null && methodNeedsAddress(deps.tessera, unit, method);
  const errors = errorTexts(form?.errors ?? {}, t);
  return c.html(
    deps.views.render("pay-due", {
      ...pageData(c, t("payDue.title"), studioBrand(unit)),
      ...common,
      scripts: ["/assets/checkout.js", ...(card?.scriptUrl ? [card.scriptUrl] : [])],
      state: "form",
      lines,
      total,
      form: {
        action: found.path,
        idempotencyKey: form?.idempotencyKey ?? randomUUID(),
        names: { ...formNames, addressFields },
        values,
        errors,
        errorCount: Object.keys(errors).length,
        methods: methods.map((method) => {
          // Without a way to ask for the address its provider needs, the method says why it cannot be chosen.
          const lacksAddress = needsAddress(method) && !canAsk;
          return {
            value: method,
            label: t(`method.${method}`),
            checked: method === chosen && !lacksAddress,
            unavailable: (method === "card" && card === null) || lacksAddress,
            reason: lacksAddress ? t("checkout.method.needsAddress") : t("checkout.method.unavailable"),
            needsAddress: needsAddress(method),
          };
        }),
        askAddress: canAsk && methods.some(needsAddress),
        addressRequired: canAsk && chosen !== "" && needsAddress(chosen),
        card,
      },
    }),
    status,
  );
}

/**
 * GET /pay/:contract/:token — the link that pays every due installment of a contract: the
 * studio, the payer's first name, each unpaid line due by today (what it is, when it was
 * due, how much) and the total, and a choice among the unit's online methods. Nothing due is
 * a page saying so; an attempt still open at those lines is a page leading to it.
 */
export function showPayDue(deps: PayDuePageDeps) {
  return async (c: Context<AppEnv>) => {
    const found = await loadPayDue(deps, c.req.param("contract") ?? "", c.req.param("token") ?? "");
    if (!found) return c.notFound();
    return renderPayDue(c, deps, found, null);
  };
}

/** Core's issues about the customer (`customers.register`) on the paths the form's inputs are named by. */
function addressErrorsOf(issues: readonly FieldIssue[]): FieldErrors {
  return formErrorsOf(issues.map((issue) => ({ ...issue, path: ["buyer", ...issue.path] })));
}

/**
 * Keeps the address the payer typed on their customer, through `customers.register` (a known
 * customer, found by their document, gets the fields they lack): the retry reads the payer from
 * the stored customer, as the billing run does. Null when stored; the form's errors otherwise.
 */
async function storeAddress(
  deps: PayDuePageDeps,
  detail: ContractDetail,
  address: BuyerAddressInput,
): Promise<FieldErrors | null> {
  const { customer } = detail;
  try {
    await deps.tessera.customers.register({
      organizationId: customer.organizationId,
      name: customer.name,
      email: customer.email,
      document: customer.document,
      address,
      source: customer.source,
    });
    return null;
  } catch (error) {
    if (!isTesseraError(error, "validation_failed")) throw error;
    const errors = addressErrorsOf(error.details.issues ?? []);
    return Object.keys(errors).length > 0 ? errors : { address: "form.error.addressRequired" };
  }
}

/**
 * POST /pay/:contract/:token — one payment for every due line (`payments.retry` with
 * `lines: "due"`), then the checkout's own payment step and outcome at the payment's receipt
 * link. The form's hidden key makes a double submit one payment: core answers the first
 * attempt, and the second post is sent to the same page.
 */
export function submitPayDue(deps: PayDuePageDeps) {
  return async (c: Context<AppEnv>) => {
    const found = await loadPayDue(deps, c.req.param("contract") ?? "", c.req.param("token") ?? "");
    if (!found) return c.notFound();
    const { detail, unit } = found;
    const body = await readFormBody(c);
    const values: FormValues = {};
    const errors: FieldErrors = {};
    const choice = readPaymentChoice(body, unitMethods(unit), errors);
    values[formNames.method] = choice.method ?? "";
    const keyText = body[formNames.idempotencyKey];
    if (typeof keyText !== "string" || !idempotencyKeySchema.safeParse(keyText).success) {
      // A form without its key (a stale page, a hand-made post) gets a fresh one to send again.
      const again = { values, errors: { ...errors, form: "checkout.error.formExpired" as const } };
      return renderPayDue(c, deps, found, { ...again, idempotencyKey: randomUUID() }, 422);
    }
    const form = (problems: FieldErrors, key = keyText): PayDueForm => ({
      values,
      errors: problems,
      idempotencyKey: key,
    });
    let address: BuyerAddressInput | null = null;
    if (choice.method && asksAddress(detail) && methodNeedsAddress(deps.tessera, unit, choice.method)) {
      address = readAddress(body, values, errors);
      if (address === null) errors["address"] = "form.error.addressRequired";
    }
    // A unit with no online method left gives nothing to choose: said, not an empty refusal.
    if (!choice.method) errors[formNames.method] ??= "form.error.method";
    if (Object.keys(errors).length > 0 || !choice.method)
      return renderPayDue(c, deps, found, form(errors), 422);
    if (address) {
      const refused = await storeAddress(deps, detail, address);
      if (refused) return renderPayDue(c, deps, found, form(refused), 422);
    }
    try {
      // Sent even when nothing looks due: a second post of a form whose first one paid is
      // answered by core with that first payment, and the buyer lands on its page.
      const outcome = await deps.tessera.payments.retry({
        contractId: detail.contract.id,
        method: choice.method,
        card: cardInputOf(choice),
        lines: "due",
        idempotencyKey: keyText,
      });
      const subject = outcome.payment ? outcome.payment.id : outcome.contract.id;
      return c.redirect(deps.receipts.pathOf(subject), 303);
    } catch (error) {
      if (isTesseraError(error, "invalid_transition")) {
        // Paid meanwhile (the billing run, staff, another tab): the page says nothing is due.
        const fresh = await loadPayDue(deps, detail.contract.id, c.req.param("token") ?? "");
        return renderPayDue(c, deps, fresh ?? found, null, 409);
      }
      if (isTesseraError(error, "payment_in_progress")) {
        // The open attempt's own page shows how to pay it (its PIX code, its boleto).
        const open = error.details.entity === "payment" ? error.details.id : undefined;
        if (typeof open === "string" && isId("payment", open))
          return c.redirect(deps.receipts.pathOf(open), 303);
        return renderPayDue(c, deps, found, form({ form: "checkout.error.inProgress" }), 409);
      }
      if (isTesseraError(error, "validation_failed")) {
        const mapped = formErrorsOf(error.details.issues ?? []);
        // The form shows the method, the card, the address and its own message: an issue about
        // other data of the payer is said at the top.
        const shown = new Set([
          "form",
          "card",
          "address",
          formNames.method,
          ...addressFields.map(formNames.address),
        ]);
        const other = Object.entries(mapped).find(([input]) => !shown.has(input));
        if (other && !mapped["form"]) mapped["form"] = other[1];
        return renderPayDue(c, deps, found, form(mapped), 422);
      }
      // A provider's fault or ours is never the payer's: nothing was charged, nobody more is blocked.
      if (isProviderFault(error)) {
        return renderPayDue(c, deps, found, form({ form: "checkout.error.providerUnavailable" }), 503);
      }
      if (isTesseraError(error, "idempotency_key_in_use")) {
        return renderPayDue(c, deps, found, form({ form: "checkout.error.inProgress" }), 409);
      }
      if (isTesseraError(error, "idempotency_key_reused")) {
        return renderPayDue(c, deps, found, form({ form: "checkout.error.resubmitted" }, randomUUID()), 409);
      }
      throw error;
    }
  };
}
