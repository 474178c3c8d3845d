import {
  errorCatalog,
  formatMoney,
  type Id,
  isTesseraError,
  type Money,
  type Payment,
  type PaymentMethod,
  type SupportedLocale,
  type Tessera,
  type TesseraError,
  type Unit,
} from "@tessera/core";
import { errorMessageKeys } from "../http/error-responses";
import { type FormBody, formText } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";
import { splitMethodsOf } from "./contract-page";
import { formKeyOf, typedAmount } from "./money-form";
import { pageStatus } from "./sale-of-address";

/** What a desk payment's form action has of its sale (`saleAction`): the member, the unit, the customer, `refuse`. */
interface DeskPaymentAction {
  t: Translate;
  locale: SupportedLocale;
  staff: { id: string };
  unit: Pick<Unit, "paymentMethods">;
  detail: { customer: { id: Id<"customer"> } };
  refuse: (text: string, status: 404 | 409 | 422) => Promise<Response>;
}

/** What a desk payment's form is given of its sale: what is next to pay, core's call, the sale's own refusals. */
interface DeskPaymentForm<Request, Outcome> {
  /** The sale's next unpaid lines (`nextUnpaidLinesOf`): their total, or null when nothing is left. */
  next: { amount: Money } | null;
  /** Core's call for the sale, given the member as actor and the form's idempotency key. */
  pay: (request: Request) => Promise<Outcome>;
  /** A refusal of the sale's own, shown as it says; null leaves it to the shared ones. */
  refused?: (error: TesseraError) => Promise<Response | null>;
}

/**
 * The "pay from the balance" form's action on a sale's page (a contract's, an order's): the
 * form's idempotency key — its page with "the form expired" without one — then `pay` under it,
 * so the form sent twice pays once. A refusal (a balance short of the next unpaid lines, an
 * attempt still open, the sale's own) is the sale's page with why, and nothing taken; the
 * server's own failures are the error page's. Resolves to core's outcome, or to that page.
 */
export async function payFromBalanceForm<Outcome>(
  tessera: Tessera,
  action: DeskPaymentAction,
  body: FormBody,
  form: DeskPaymentForm<{ actor: string; idempotencyKey: string }, Outcome>,
): Promise<Outcome | Response> {
  const { t, locale, staff, detail, refuse } = action;
  const key = formKeyOf(body);
  if (key === null) return refuse(t("admin.wallet.error.formExpired"), 422);
  let outcome: Outcome;
  try {
    outcome = await form.pay({ actor: staff.id, idempotencyKey: key });
  } catch (error) {
    if (!isTesseraError(error)) throw error;
    const own = await form.refused?.(error);
    if (own) return own;
    if (errorCatalog[error.code].http >= 500) throw error;
    if (error.code === "insufficient_balance" && form.next) {
      const balance = await tessera.wallet.balance(detail.customer.id, form.next.amount.currency);
      return refuse(
        t("admin.contract.error.balanceShort", {
          balance: formatMoney(balance, locale),
          amount: formatMoney(form.next.amount, locale),
        }),
        pageStatus(error.code),
      );
    }
    return refuse(
      t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) }),
      pageStatus(error.code),
    );
  }
  return outcome;
}

/** A desk payment by a method: the method chosen, the balance's part (none for a whole charge), the actor and key. */
interface MethodPaymentRequest {
  method: PaymentMethod;
  fromBalance?: Money;
  actor: string;
  idempotencyKey: string;
}

/** The payment statuses after which a split payment's wallet part has been given back. */
const givenBack: readonly Payment["status"][] = ["failed", "canceled"];

/** Whether a split payment is under way: core made an attempt, and its wallet part was not given back. */
export const splitStarted = (payment: Payment | null | undefined): boolean =>
  payment ? !givenBack.includes(payment.status) : false;

/**
 * A desk payment by a method on a sale's page: the rest of a split payment (`withBalance`:
 * the balance's part as the form showed it, its hidden `fromBalance`, so the form sent twice
 * is the same request), or the lines charged whole — by a method the desk can charge
 * (`splitMethodsOf`), under the form's idempotency key. A refusal (the balance spent
 * meanwhile, an attempt still open, a method the customer's record cannot take, the sale's
 * own) is the sale's page with why, and nothing taken. Resolves to core's outcome, or to that page.
 */
export async function payByMethodForm<Outcome>(
  tessera: Tessera,
  action: DeskPaymentAction,
  body: FormBody,
  form: DeskPaymentForm<MethodPaymentRequest, Outcome> & {
    method: string;
    withBalance: boolean;
    currency: string;
  },
): Promise<Outcome | Response> {
  const { t, locale, staff, unit, detail, refuse } = action;
  const { method, currency } = form;
  const key = formKeyOf(body);
  if (key === null) return refuse(t("admin.wallet.error.formExpired"), 422);
  if (!splitMethodsOf(unit).includes(method as PaymentMethod)) return refuse(t("form.error.option"), 422);
  const part = form.withBalance ? typedAmount(formText(body, "fromBalance", 40), true).amount : null;
  if (form.withBalance && part === null) return refuse(t("form.error.invalid"), 422);
  const fromBalance = part === null ? null : { amount: part, currency };
  const methodName = t(`method.${method}` as MessageKey);
  let outcome: Outcome;
  try {
    outcome = await form.pay({
      method: method as PaymentMethod,
      ...(fromBalance ? { fromBalance } : {}),
      actor: staff.id,
      idempotencyKey: key,
    });
  } catch (error) {
    if (!isTesseraError(error)) throw error;
    const own = await form.refused?.(error);
    if (own) return own;
    if (errorCatalog[error.code].http >= 500) throw error;
    const balance = formatMoney(await tessera.wallet.balance(detail.customer.id, currency), locale);
    const rest = formatMoney(
      { amount: Math.max((form.next?.amount.amount ?? 0) - (part ?? 0), 0), currency },
      locale,
    );
    return refuse(
      splitRefusalText(error, t, {
        balance,
        part: formatMoney(fromBalance ?? { amount: 0, currency }, locale),
        rest,
        methodName,
      }),
      pageStatus(error.code),
    );
  }
  return outcome;
}

/** Core's refusal of a split payment (a contract's or an order's), in the member's words. */
function splitRefusalText(
  error: TesseraError,
  t: Translate,
  amounts: { balance: string; part: string; rest: string; methodName: string },
): string {
  if (error.code === "insufficient_balance")
    return t("admin.contract.split.error.balanceShort", { balance: amounts.balance, amount: amounts.part });
  if (error.code === "payment_in_progress") return t("admin.contract.split.error.busy");
  if (error.code === "idempotency_key_reused") return t("admin.wallet.error.resubmitted");
  if (error.code === "validation_failed") {
    const issues = error.details.issues ?? [];
    const at = (field: string) => issues.find((issue) => String(issue.path[0]) === field);
    if (at("fromBalance")?.code === "too_big")
      return t("admin.contract.split.error.covers", { balance: amounts.balance });
    if (at("buyer")) return t("admin.contract.split.error.payer", { method: amounts.methodName });
    if (at("amount"))
      return t("admin.contract.split.error.amountRule", { method: amounts.methodName, rest: amounts.rest });
    if (at("method")) return t("form.error.option");
    return t("form.error.invalid");
  }
  return t("admin.contract.actionFailed", { message: t(errorMessageKeys[error.code]) });
}
