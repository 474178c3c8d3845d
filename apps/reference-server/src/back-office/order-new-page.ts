import {
  allocateMoney,
  type Customer,
  errorCatalog,
  type FieldIssue,
  formatMoney,
  isTesseraError,
  maxOrderInstallments,
  type OrderOutcome,
  type PaymentMethod,
  type Tessera,
  type TesseraError,
  type Unit,
} from "@tessera/core";
import type { Context } from "hono";
import { errorMessageKeys } from "../http/error-responses";
import { readFormBody } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { splitMethodsOf } from "./contract-page";
import { formKeyField, formKeyOf, freshFormKey } from "./money-form";
import {
  balanceChoice,
  freshOrderFormValues,
  type OrderFormValues,
  readOrderForm,
  rowInput,
} from "./order-form";
import { orderPath } from "./order-list-page";
import { customerOfUnit } from "./sale-in-scope";
import { recordStaffAction } from "./staff/staff-audit";
import { unitInScope } from "./unit-in-scope";

interface OrderFormDeps {
  tessera: Tessera;
  views: ViewRenderer;
}

/** The member, the unit in their scope and the customer the address names, the unit's (else 404). */
async function orderFormAddress(tessera: Tessera, c: Context<BackOfficeEnv>) {
  const staff = signedInStaff(c).staff;
  const unit = await unitInScope(tessera, staff, c.req.param("unit") ?? "");
  const customer = await customerOfUnit(tessera, unit, c.req.param("customer") ?? "");
  return { staff, unit, customer };
}

/** Where the new order form posts: a customer's orders in the unit. */
export const customerOrdersPath = (unit: Pick<Unit, "slug">, customer: Pick<Customer, "id">) =>
  `/admin/u/${unit.slug}/customers/${customer.id}/orders`;

/** The new order form's own address. */
export const newOrderFormPath = (unit: Pick<Unit, "slug">, customer: Pick<Customer, "id">) =>
  `${customerOrdersPath(unit, customer)}/new`;

async function renderOrderForm(
  c: Context<BackOfficeEnv>,
  deps: OrderFormDeps,
  address: { unit: Unit; customer: Customer },
  state: {
    values: OrderFormValues;
    errors: Record<string, string>;
    key: string;
    status: 200 | 409 | 422 | 503;
  },
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { unit, customer } = address;
  const balance = await deps.tessera.wallet.balance(customer.id, unit.currency);
  const fieldErrors = Object.keys(state.errors).filter((input) => input !== "form").length;
  return c.html(
    deps.views.render("admin-order-form", {
      ...backOfficePageData(c, t("admin.orderForm.title", { customer: customer.name })),
      unitNav: { slug: unit.slug },
      customer: { name: customer.name, href: `/admin/u/${unit.slug}/customers/${customer.id}` },
      action: customerOrdersPath(unit, customer),
      keyField: formKeyField,
      key: state.key,
      currency: unit.currency,
      rows: state.values.rows.map((row, index) => ({
        number: index + 1,
        values: row,
        names: {
          description: rowInput(index, "description"),
          quantity: rowInput(index, "quantity"),
          unitPrice: rowInput(index, "unitPrice"),
        },
        errors: {
          description: state.errors[rowInput(index, "description")],
          quantity: state.errors[rowInput(index, "quantity")],
          unitPrice: state.errors[rowInput(index, "unitPrice")],
        },
      })),
      rowCount: state.values.rows.length,
      installments: Array.from({ length: maxOrderInstallments }, (_, index) => ({
        value: String(index + 1),
        label: t("admin.order.installmentCount", { count: index + 1 }),
        selected: state.values.installments === String(index + 1),
      })),
      payments: [
        {
          value: balanceChoice,
          label: t("admin.orderForm.payment.balance", { balance: formatMoney(balance, locale) }),
        },
        ...splitMethodsOf(unit).map((method) => ({
          value: method,
          label: t(`method.${method}` as MessageKey),
        })),
      ].map((choice) => ({ ...choice, checked: state.values.payment === choice.value })),
      values: state.values,
      errors: state.errors,
      errorCount: fieldErrors,
    }),
    state.status,
  );
}

/** GET /admin/u/:unit/customers/:customer/orders/new — the new order form, with a fresh idempotency key. */
export function showOrderForm(deps: OrderFormDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const address = await orderFormAddress(deps.tessera, c);
    return renderOrderForm(c, deps, address, {
      values: freshOrderFormValues(),
      errors: {},
      key: freshFormKey(),
      status: 200,
    });
  };
}

/**
 * POST /admin/u/:unit/customers/:customer/orders — makes the order (`orders.create`) for the
 * customer, with the member as its actor, under the idempotency key the form was shown with:
 * sent twice (a double click, a reload) it makes one order, and the second answer is the
 * first's. Paid "from the balance" (no method): the balance pays the first installment when it
 * covers it, else the order waits; by PIX, boleto or a link: charged now. Success goes to the
 * order's page with what became of it. What is typed wrong, or what core refuses (a method the
 * customer's record cannot take, a total too small to split), is the form again with
 * everything as it was typed and the reason beside its input; "more rows" shows the form again
 * with three more item rows and creates nothing.
 */
export function createOrder(deps: OrderFormDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const locale = c.get("locale");
    const address = await orderFormAddress(deps.tessera, c);
    const { staff, unit, customer } = address;
    const body = await readFormBody(c);
    const methods = splitMethodsOf(unit);
    const form = readOrderForm(body, unit.currency, methods);
    const key = formKeyOf(body);
    const show = (
      errors: Record<string, string>,
      status: 200 | 409 | 422 | 503,
      formKey = key ?? freshFormKey(),
    ) => renderOrderForm(c, deps, address, { values: form.values, errors, key: formKey, status });
    if (form.moreRows) return show({}, 200);
    const errors: Record<string, string> = {};
    for (const [input, message] of Object.entries(form.errors)) errors[input] = t(message);
    if (key === null) return show({ ...errors, form: t("admin.wallet.error.formExpired") }, 422);
    if (Object.keys(errors).length > 0) return show(errors, 422);
    let outcome: OrderOutcome;
    try {
      outcome = await deps.tessera.orders.create({
        unitId: unit.id,
        customerId: customer.id,
        items: form.items,
        installments: form.installments,
        ...(form.method ? { method: form.method } : {}),
        actor: staff.id,
        idempotencyKey: key,
      });
    } catch (error) {
      if (!isTesseraError(error)) throw error;
      // Not taken by the provider, after the order was written: nothing was charged, the order
      // stands, and its page charges it again (by this method or another) without a second order.
      if (error.code === "gateway_unavailable" || error.code === "gateway_invalid_request") {
        const made = await orderOfAttempt(deps.tessera, unit, customer, error.details["paymentId"]);
        if (made) return c.redirect(`${orderPath(unit, made)}?notice=createdNotCharged`, 303);
        // Not found (it cannot be told apart): the same form and key try again, as core's replay.
        return show(
          { form: t("admin.orderForm.error.gateway") },
          error.code === "gateway_unavailable" ? 503 : 422,
        );
      }
      // The server's own failures (the database away) are the error page's, not the form's.
      if (errorCatalog[error.code].http >= 500) throw error;
      if (error.code === "idempotency_key_reused")
        return show({ form: t("admin.orderForm.error.resubmitted") }, 409, freshFormKey());
      const total = form.items.reduce((sum, item) => sum + item.unitPrice.amount * item.quantity, 0);
      const refused =
        error.code === "validation_failed"
          ? orderIssueTexts(error.details.issues ?? [], t, {
              rowOf: form.rowOf,
              method: form.method,
              total: { amount: total, currency: unit.currency },
              installments: form.installments,
              locale,
            })
          : { form: refusalText(error, t) };
      return show(refused, 422);
    }
    await recordStaffAction(
      c,
      deps.tessera,
      "order.created",
      { kind: "order", id: outcome.order.id },
      {
        customerId: customer.id,
        total: outcome.order.total.amount,
        currency: outcome.order.total.currency,
        installments: outcome.order.installmentCount,
        method: outcome.payment?.method ?? balanceChoice,
        status: outcome.status,
        replayed: outcome.replayed,
      },
    );
    return c.redirect(`${orderPath(unit, outcome.order)}?${createdNotice(outcome)}`, 303);
  };
}

/** The order a refused first attempt was at: one of the customer's newest orders in the unit. */
async function orderOfAttempt(tessera: Tessera, unit: Unit, customer: Customer, paymentId: unknown) {
  if (typeof paymentId !== "string") return null;
  const newest = await tessera.orders.list({ unitId: unit.id, customerId: customer.id, limit: 10 });
  for (const order of newest.items) {
    const detail = await tessera.orders.get(order.id);
    if (detail?.installments.some(({ payments }) => payments.some((payment) => payment.id === paymentId)))
      return order;
  }
  return null;
}

/** The order page's notice for what became of a new order. */
function createdNotice(outcome: OrderOutcome): URLSearchParams {
  if (outcome.payment === null) return new URLSearchParams({ notice: "createdAwaiting" });
  if (outcome.payment.method === "wallet") return new URLSearchParams({ notice: "createdFromBalance" });
  return new URLSearchParams({
    notice: "createdCharged",
    method: outcome.payment.method,
    status: outcome.payment.status,
  });
}

function refusalText(error: TesseraError, t: Translate): string {
  return t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) });
}

/**
 * Core's field issues of `orders.create`, beside the inputs they are about: an item's on its
 * row (`items.<i>` is the `rowOf[i]` row of the form), the total on the items or the
 * installments, the method's rules (the payer's record, the amount) on the payment choice.
 */
function orderIssueTexts(
  issues: readonly FieldIssue[],
  t: Translate,
  facts: {
    rowOf: readonly number[];
    method: PaymentMethod | null;
    total: { amount: number; currency: string };
    installments: number;
    locale: Parameters<typeof formatMoney>[1];
  },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const methodName = facts.method ? t(`method.${facts.method}` as MessageKey) : "";
  for (const issue of issues) {
    const [head, index, field] = issue.path;
    if (head === "items" && typeof index === "number") {
      const row = facts.rowOf[index] ?? 0;
      const input = field === "quantity" ? "quantity" : field === "unitPrice" ? "unitPrice" : "description";
      errors[rowInput(row, input)] ??= t("form.error.invalid");
    } else if (head === "items") {
      if (facts.total.amount === 0) errors["items"] ??= t("admin.orderForm.error.total");
      else
        errors["installments"] ??= t("admin.orderForm.error.split", {
          total: formatMoney(facts.total, facts.locale),
          count: facts.installments,
        });
    } else if (head === "installments") errors["installments"] ??= t("form.error.option");
    else if (head === "buyer") errors["payment"] ??= t("admin.orderForm.error.payer", { method: methodName });
    else if (head === "amount") {
      // The method's rule is about what it charges now: the first installment.
      const first = allocateMoney(facts.total, Math.max(facts.installments, 1))[0] ?? facts.total;
      errors["payment"] ??= t("admin.orderForm.error.amountRule", {
        method: methodName,
        amount: formatMoney(first, facts.locale),
      });
    } else if (head === "method" || head === "card") errors["payment"] ??= t("form.error.option");
    else errors["form"] ??= t("form.error.invalid");
  }
  if (Object.keys(errors).length === 0) errors["form"] = t("form.error.invalid");
  return errors;
}
