import {
  type CalendarDate,
  formatMoney,
  type Money,
  type PaymentMethod,
  type SupportedLocale,
} from "@tessera/core";
import type { MessageKey } from "../i18n/message-catalog";
import type { Translate } from "../i18n/translator";
import { formatDay } from "../pages/date-display";
import { freshFormKey } from "./money-form";
import { moneyTextOf } from "./money-text";

/** A sale's next unpaid lines as `nextUnpaidLinesOf` reads them: their total, due day, and whether an attempt at them is open. */
interface NextUnpaidLines {
  amount: Money;
  dueDate: CalendarDate;
  busy: boolean;
}

/**
 * Where the customer's balance stands against a sale's next unpaid lines: it pays them all
 * (`covered`), part of them (`partial`: more than zero, less than they cost), or none (`empty`:
 * zero or less); all false when nothing is left to pay. `busy` while an attempt at them is open.
 */
function balanceStandingOf(balance: Money, next: NextUnpaidLines | null) {
  return {
    covered: next !== null && balance.amount >= next.amount.amount && next.amount.amount > 0,
    partial: next !== null && balance.amount > 0 && balance.amount < next.amount.amount,
    empty: next !== null && balance.amount <= 0 && next.amount.amount > 0,
    busy: next?.busy ?? false,
  };
}

/** The methods the desk can charge, as a form's radios; `chosen` is checked (none when it is not one of them). */
export function deskMethodChoices(
  methods: readonly PaymentMethod[],
  chosen: string | undefined,
  t: Translate,
) {
  return methods.map((method) => ({
    value: method,
    label: t(`method.${method}` as MessageKey),
    checked: method === chosen,
  }));
}

/**
 * What a sale's page (a contract's, an order's, at `base`) offers from the customer's balance,
 * while no attempt at the next unpaid lines is open: "pay from the balance" when it covers
 * them, or — when it covers part of them and the desk has a method to charge the rest by —
 * "use the balance and charge the rest by" one of `choices`, the part being the balance as
 * the form shows it. With where the balance stands (`balanceStandingOf`).
 */
export function balanceOffersView(
  offer: {
    base: string;
    balance: Money;
    next: NextUnpaidLines | null;
    choices: ReturnType<typeof deskMethodChoices>;
  },
  t: Translate,
  locale: SupportedLocale,
) {
  const { base, balance, next, choices } = offer;
  const standing = balanceStandingOf(balance, next);
  const open = next !== null && !next.busy;
  return {
    standing,
    wallet: {
      balance: formatMoney(balance, locale),
      payFromBalance:
        open && standing.covered
          ? {
              action: `${base}/pay-from-balance`,
              key: freshFormKey(),
              label: t("admin.contract.payFromBalance", { amount: formatMoney(next.amount, locale) }),
              hint: t("admin.contract.payFromBalanceHint", { date: formatDay(next.dueDate, locale) }),
            }
          : null,
      splitPayment:
        open && standing.partial && choices.length > 0
          ? {
              action: `${base}/split-payment`,
              key: freshFormKey(),
              // The part as the form shows it, in minor units' text: the balance when it was shown.
              fromBalance: moneyTextOf(balance.amount),
              legend: t("admin.contract.split.legend", { balance: formatMoney(balance, locale) }),
              hint: t("admin.contract.split.hint", {
                rest: formatMoney(
                  { amount: next.amount.amount - balance.amount, currency: balance.currency },
                  locale,
                ),
                amount: formatMoney(next.amount, locale),
                date: formatDay(next.dueDate, locale),
              }),
              methods: choices,
            }
          : null,
    },
  };
}
