import { randomUUID } from "node:crypto";
import {
  type Customer,
  calendarDateInZone,
  formatMoney,
  idempotencyKeySchema,
  isTesseraError,
  type Plan,
  type SaleInput,
  type Tessera,
  type Unit,
} from "@tessera/core";
import type { Context } from "hono";
import { type CardStepView, openCardStep } from "../checkout/card-step";
import {
  type CheckoutSubmission,
  cardInputOf,
  type FormValues,
  readCheckoutForm,
} from "../checkout/checkout-form";
import { addressFields, formNames } from "../checkout/checkout-form-names";
import { type FieldErrors, fileErrorOf, formErrorsOf } from "../checkout/form-errors";
import { methodNeedsAddress, unitMethods } from "../checkout/method-requirements";
import { quotePlan } from "../checkout/plan-quote";
import { isProviderFault } from "../checkout/provider-fault";
import type { ReceiptLinks } from "../checkout/receipt-link";
import type { AppEnv } from "../http/app-env";
import { pageData } from "../http/page-data";
import { readFormBody } from "../http/read-form-body";
import { errorTexts } from "../i18n/error-texts";
import type { Logger } from "../logging/logger";
import type { ViewRenderer } from "../views/view-renderer";
import { describePlan } from "./plan-display";
import { quoteLinesView } from "./quote-lines-view";
import { studioBrand } from "./studio-brand";
import { findPlanOnPage, type PlanOnPage } from "./unit-plan-lookup";

export interface PlanCheckoutDeps {
  tessera: Tessera;
  views: ViewRenderer;
  logger: Logger;
  receipts: ReceiptLinks;
}

/** What is wrong with a form as a whole, and the status the page answers with. */
interface FormProblem {
  status: 409 | 422 | 503;
  errors: FieldErrors;
}

async function renderForm(
  c: Context<AppEnv>,
  deps: PlanCheckoutDeps,
  found: Extract<PlanOnPage, { kind: "on_sale" }>,
  state: { values: FormValues; errors: FieldErrors; idempotencyKey: string; status: 200 | 409 | 422 | 503 },
) {
  const { unit, plan } = found;
  const t = c.get("t");
  const locale = c.get("locale");
  const quote = quotePlan(plan, unit, calendarDateInZone(deps.tessera.clock.now(), unit.timeZone));
  const methods = unitMethods(unit);
  const card: CardStepView | null = methods.includes("card")
    ? await openCardStep(deps.tessera, unit, { amount: quote.dueNowTotal, locale }, deps.logger)
    : null;
  const chosen = state.values[formNames.method] ?? (methods.length === 1 ? methods[0] : "");
  const errorText = errorTexts(state.errors, t);
  const display = describePlan(plan, locale, t);
  const body = deps.views.render("plan-checkout", {
    ...pageData(c, plan.name, studioBrand(unit)),
    scripts: ["/assets/checkout.js", ...(card?.scriptUrl ? [card.scriptUrl] : [])],
    unit: { name: unit.name, slug: unit.slug },
    plan: { ...display, buttonText: plan.onlineSale.buttonText || t("checkout.buy") },
    quote: {
      lines: quoteLinesView(quote.dueNow, plan.kind, locale, t),
      dueNowTotal: formatMoney(quote.dueNowTotal, locale),
      contractTotal: quote.contractTotal ? formatMoney(quote.contractTotal, locale) : null,
      installmentCount: quote.installmentCount,
    },
    form: {
      action: c.req.path,
      idempotencyKey: state.idempotencyKey,
      values: state.values,
      errors: errorText,
      errorCount: Object.keys(errorText).length,
      multipart: unit.checkoutFields.some((field) => field.type === "file"),
      names: { ...formNames, addressFields },
      methods: methods.map((method) => ({
        value: method,
        label: t(`method.${method}`),
        checked: method === chosen,
        needsAddress: methodNeedsAddress(deps.tessera, unit, method),
        // Card needs the provider's session: without one, the option says it is unavailable.
        unavailable: method === "card" && card === null,
      })),
      addressRequired: chosen ? methodNeedsAddress(deps.tessera, unit, chosen) : false,
      fields: [...unit.checkoutFields, ...deps.tessera.plugins.checkoutFields()].map((field) => ({
        ...field,
        name: formNames.extra(field.key),
        value: field.type === "password" ? "" : (state.values[formNames.extra(field.key)] ?? ""),
        options: field.options ?? [],
      })),
      card,
    },
  });
  return c.html(body, state.status);
}

function notOnSale(c: Context<AppEnv>, deps: PlanCheckoutDeps, found: PlanOnPage) {
  const t = c.get("t");
  if (found.kind === "no_unit" || found.kind === "no_plan") return c.notFound();
  return c.html(
    deps.views.render("plan-not-on-sale", {
      ...pageData(c, t("notOnSale.title"), studioBrand(found.unit)),
      unit: { name: found.unit.name, slug: found.unit.slug },
      planName: found.plan.name,
    }),
    404,
  );
}

/** GET /u/:unit/:plan — the plan's page: its price and terms, and the registration form. */
export function showPlanCheckout(deps: PlanCheckoutDeps) {
  return async (c: Context<AppEnv>) => {
    const found = await findPlanOnPage(deps.tessera, c.req.param("unit") ?? "", c.req.param("plan") ?? "");
    if (found.kind !== "on_sale") return notOnSale(c, deps, found);
    // A key per form shown: sending this form twice (a double tap, a reload, the back
    // button) answers the first sale, never a second contract or charge.
    return renderForm(c, deps, found, { values: {}, errors: {}, idempotencyKey: randomUUID(), status: 200 });
  };
}

/** The sale the form asks for; the card is the provider's token, never a card number. */
function saleOf(unit: Unit, plan: Plan, submission: CheckoutSubmission): SaleInput {
  const common = {
    unitId: unit.id,
    planId: plan.id,
    buyer: submission.buyer,
    idempotencyKey: submission.idempotencyKey,
    source: "online" as const,
  };
  const card = cardInputOf(submission);
  if (submission.method === "card" && card) return { ...common, method: "card", card };
  return {
    ...common,
    ...(submission.method && submission.method !== "card" ? { method: submission.method } : {}),
  };
}

/**
 * Keeps the buyer's files on their customer. The sale is made: a file that cannot be stored
 * now (the file store failing) is logged for staff, and never turns a paid sale into an error.
 */
async function storeUploads(
  deps: PlanCheckoutDeps,
  customerId: Customer["id"],
  submission: CheckoutSubmission,
) {
  for (const upload of submission.files) {
    try {
      await deps.tessera.customers.addAttachment(customerId, upload);
    } catch (error) {
      deps.logger.error("attachment not stored", { customerId, fieldKey: upload.fieldKey, err: error });
    }
  }
}

/** How a refused sale is shown on the form; null for an error the error page answers. */
function problemOf(error: unknown): FormProblem | null {
  if (isTesseraError(error, "validation_failed")) {
    return { status: 422, errors: formErrorsOf(error.details.issues ?? []) };
  }
  // A provider's fault or ours is never the buyer's: nothing was charged, nobody is blocked.
  if (isProviderFault(error)) {
    return { status: 503, errors: { form: "checkout.error.providerUnavailable" } };
  }
  if (isTesseraError(error, "idempotency_key_in_use")) {
    return { status: 409, errors: { form: "checkout.error.inProgress" } };
  }
  return null;
}

/** POST /u/:unit/:plan — sells the plan, then shows the payment step (or the form's errors). */
export function submitPlanCheckout(deps: PlanCheckoutDeps) {
  return async (c: Context<AppEnv>) => {
    const found = await findPlanOnPage(deps.tessera, c.req.param("unit") ?? "", c.req.param("plan") ?? "");
    if (found.kind !== "on_sale") return notOnSale(c, deps, found);
    const { unit, plan } = found;
    const submission = await readCheckoutForm(await readFormBody(c), {
      methods: unitMethods(unit),
      fields: [...unit.checkoutFields, ...deps.tessera.plugins.checkoutFields()],
    });
    const keyIsValid = idempotencyKeySchema.safeParse(submission.idempotencyKey).success;
    if (!keyIsValid) {
      // A form without its key (a stale page, a hand-made post) gets a fresh one to send again.
      return renderForm(c, deps, found, {
        values: submission.values,
        errors: { ...submission.errors, form: "checkout.error.formExpired" },
        idempotencyKey: randomUUID(),
        status: 422,
      });
    }
    // Files are checked before the sale, under core's limits, so a wrong one is fixed beside
    // its field; they are stored once the sale has made (or found) the customer.
    for (const upload of submission.files) {
      const refused = fileErrorOf(deps.tessera.customers.checkAttachment(upload));
      const input = formNames.extra(upload.fieldKey);
      if (refused && !submission.errors[input]) submission.errors[input] = refused;
    }
    if (Object.keys(submission.errors).length > 0) {
      return renderForm(c, deps, found, {
        values: submission.values,
        errors: submission.errors,
        idempotencyKey: submission.idempotencyKey,
        status: 422,
      });
    }
    try {
      const outcome = await deps.tessera.sales.start(saleOf(unit, plan, submission));
      // A replay (the same form sent again) already stored its files with the first sale.
      if (!outcome.replayed) await storeUploads(deps, outcome.customer.id, submission);
      const subject = outcome.payment ? outcome.payment.id : outcome.contract.id;
      return c.redirect(deps.receipts.pathOf(subject), 303);
    } catch (error) {
      if (isTesseraError(error, "idempotency_key_reused")) {
        // This form was sent before with other answers (edited after the back button): the
        // first sale stands; a fresh key lets the buyer send these answers as a new one.
        return renderForm(c, deps, found, {
          values: submission.values,
          errors: { form: "checkout.error.resubmitted" },
          idempotencyKey: randomUUID(),
          status: 409,
        });
      }
      const problem = problemOf(error);
      if (!problem) throw error;
      if (problem.errors["form"] === undefined && Object.keys(problem.errors).length === 0) {
        problem.errors["form"] = "form.error.invalid";
      }
      return renderForm(c, deps, found, {
        values: submission.values,
        errors: problem.errors,
        idempotencyKey: submission.idempotencyKey,
        status: problem.status,
      });
    }
  };
}
