import type { Context } from "hono";
import { formText, readFormBody } from "../http/read-form-body";
import type { BackOfficeEnv } from "./back-office-env";
import { type ContractForms, type ContractPageDeps, nextUnpaidOf, renderContractPage } from "./contract-page";
import { attemptOfContract } from "./contract-payment-actions";
import { payByMethodForm, payFromBalanceForm, splitStarted } from "./desk-payment-forms";
import { refundPaymentForm } from "./payment-refund-form";
import { contractOfUnit } from "./sale-in-scope";
import { saleAction } from "./sale-of-address";
import { recordStaffAction } from "./staff/staff-audit";

/**
 * What a contract form's action starts from (`saleAction`): the member, the unit in their
 * scope, the contract of that unit (404 otherwise), and `refuse` — the contract page again
 * with why, the forms in `forms` shown as they were sent.
 */
function contractAction(deps: ContractPageDeps, c: Context<BackOfficeEnv>, forms: ContractForms = {}) {
  return saleAction(c, deps.tessera, "contract", (unit, detail, message, status: 404 | 409 | 422) =>
    renderContractPage(c, deps, unit, detail, message, status, forms),
  );
}

/**
 * POST /admin/u/:unit/contracts/:contract/pay-from-balance — pays the contract's next unpaid
 * installments from the customer's wallet (`wallet.payFromBalance`), under the form's
 * idempotency key: sent twice, it pays once. A balance short of them, or an attempt still
 * open, is the contract page with the reason; nothing is taken then.
 */
export function payFromBalance(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const action = await contractAction(deps, c);
    const { unit, detail } = action;
    const outcome = await payFromBalanceForm(deps.tessera, action, await readFormBody(c), {
      next: nextUnpaidOf(detail),
      pay: (request) => deps.tessera.wallet.payFromBalance({ contractId: detail.contract.id, ...request }),
    });
    if (outcome instanceof Response) return outcome;
    await recordStaffAction(
      c,
      deps.tessera,
      "wallet.paid_from_balance",
      { kind: "payment", id: outcome.payment.id },
      {
        contract: detail.contract.id,
        customerId: detail.customer.id,
        walletEntry: outcome.entry.id,
        amount: outcome.payment.amount.amount,
        currency: outcome.payment.amount.currency,
        balance: outcome.balance.amount,
        replayed: outcome.replayed,
      },
    );
    return c.redirect(`/admin/u/${unit.slug}/contracts/${detail.contract.id}?notice=paidFromBalance`, 303);
  };
}

/**
 * POST /admin/u/:unit/contracts/:contract/split-payment — pays the contract's next unpaid
 * installments with the customer's whole balance (less than they cost: the form is shown
 * only then) and the rest by the method chosen, PIX, boleto or a payment link
 * (`payments.retry` with `fromBalance`, the member as the wallet line's actor), under the
 * form's idempotency key (`payByMethodForm`). The part is the balance as the form showed it
 * (its hidden `fromBalance`), so sending the form twice is the same request and answers the
 * first attempt. Success is the contract page with the new attempt, whose instructions staff
 * resend as for any pending attempt; a refusal (the balance spent meanwhile, an attempt
 * still open, a method the customer's record cannot take) is the contract page with why,
 * and nothing taken.
 */
export function paySplitFromBalance(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const body = await readFormBody(c);
    const method = formText(body, "method", 40);
    const action = await contractAction(deps, c, { split: { method } });
    const { unit, detail } = action;
    const outcome = await payByMethodForm(deps.tessera, action, body, {
      method,
      withBalance: true,
      currency: detail.contract.terms.price.currency,
      next: nextUnpaidOf(detail),
      pay: (request) => deps.tessera.payments.retry({ contractId: detail.contract.id, ...request }),
    });
    if (outcome instanceof Response) return outcome;
    const payment = outcome.payment;
    if (payment) {
      await recordStaffAction(
        c,
        deps.tessera,
        "payment.retried",
        { kind: "payment", id: payment.id },
        {
          contract: detail.contract.id,
          customerId: detail.customer.id,
          method: payment.method,
          amount: payment.amount.amount,
          currency: payment.amount.currency,
          fromBalance: payment.fromBalance?.amount.amount ?? 0,
          ...(payment.fromBalance ? { walletEntry: payment.fromBalance.entryId } : {}),
          status: payment.status,
          replayed: outcome.replayed,
        },
      );
    }
    const notice = splitStarted(payment) ? "splitStarted" : "splitFailed";
    return c.redirect(
      `/admin/u/${unit.slug}/contracts/${detail.contract.id}?notice=${notice}&status=${payment?.status ?? ""}`,
      303,
    );
  };
}

/**
 * POST /admin/u/:unit/contracts/:contract/payments/:payment/refund — the refund form of a
 * contract's paid payment (`refundPaymentForm`): all or part of it, to the method it was paid
 * by or to the customer's wallet; a refusal is the contract page, read afresh, with why.
 */
export function refundPayment(deps: ContractPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const { staff, unit, detail, payment } = await attemptOfContract(deps.tessera, c);
    return refundPaymentForm(c, deps.tessera, {
      staff,
      payment,
      refunds: detail.refunds,
      path: `/admin/u/${unit.slug}/contracts/${detail.contract.id}`,
      audit: { contract: detail.contract.id },
      show: async (message, status, refund) =>
        renderContractPage(
          c,
          deps,
          unit,
          await contractOfUnit(deps.tessera, unit, detail.contract.id),
          message,
          status,
          refund ? { refund } : {},
        ),
    });
  };
}
