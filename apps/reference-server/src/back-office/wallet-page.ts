import {
  type Customer,
  formatMoney,
  isId,
  isTesseraError,
  paymentMethods,
  type Tessera,
  type Unit,
  type WalletEntry,
  walletCreditMethods,
} from "@tessera/core";
import type { Context } from "hono";
import type { MessageKey } from "../i18n/message-catalog";
import { formatMoment } from "../pages/date-display";
import type { ViewRenderer } from "../views/view-renderer";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { backOfficePageData } from "./back-office-page";
import { formKeyField, freshFormKey, type MoneyFormState } from "./money-form";
import { customerOfUnit } from "./sale-in-scope";
import { unitInScope } from "./unit-in-scope";
import { isReversible, reversalsOf, walletLines } from "./wallet-history";

export interface WalletPageDeps {
  tessera: Tessera;
  views: ViewRenderer;
}

/** Lines on one page of the history. */
export const walletPageSize = 25;

/** The notices an action leaves in the address after its redirect: fixed keys, never text from the request. */
export const walletNotices = {
  credited: "admin.wallet.credited",
  debited: "admin.wallet.debited",
  reversed: "admin.wallet.reversed",
} as const satisfies Record<string, MessageKey>;

/** The forms a refused action shows again as they were sent; every other form is fresh. */
export interface WalletForms {
  credit?: MoneyFormState;
  debit?: MoneyFormState;
  reverse?: MoneyFormState & { entryId: string };
}

/** The wallet page's address. */
export const walletPath = (unit: Unit, customer: Customer) =>
  `/admin/u/${unit.slug}/customers/${customer.id}/wallet`;

/** The customer page and the wallet page under this unit's address, for the member signed in. */
export async function walletOfAddress(tessera: Tessera, c: Context<BackOfficeEnv>) {
  const staff = signedInStaff(c).staff;
  const unit = await unitInScope(tessera, staff, c.req.param("unit") ?? "");
  const customer = await customerOfUnit(tessera, unit, c.req.param("customer") ?? "");
  return { staff, unit, customer };
}

/** A line's method as staff read it: a credit's way in, or a refund credit's payment method. */
function methodLabel(line: WalletEntry, t: (key: MessageKey) => string): string {
  const method = line.method;
  if (method === null) return "";
  if (line.kind !== "refund_credit" && (walletCreditMethods as readonly string[]).includes(method))
    return t(`admin.wallet.method.${method}` as MessageKey);
  if ((paymentMethods as readonly string[]).includes(method) || method === "wallet")
    return t(`method.${method}` as MessageKey);
  return method;
}

/** The customer's orders in the unit by the ids of their payments, with what each order is called. */
async function ordersByPayment(tessera: Tessera, unit: Unit, customer: Customer) {
  const byPayment = new Map<string, { id: string; description: string }>();
  const orders = await tessera.orders.list({ unitId: unit.id, customerId: customer.id, limit: 200 });
  for (const order of orders.items) {
    const detail = await tessera.orders.get(order.id);
    for (const { payments } of detail?.installments ?? [])
      for (const payment of payments)
        byPayment.set(payment.id, { id: order.id, description: detail!.description });
  }
  return byPayment;
}

/**
 * Renders the customer's wallet: the balance in the unit's currency, the credit and debit
 * forms, and the history newest first, a page at a time (`before`: the last line of the
 * page before). `message` is a notice or an action's failure, shown at the top.
 */
export async function renderWalletPage(
  c: Context<BackOfficeEnv>,
  deps: WalletPageDeps,
  unit: Unit,
  customer: Customer,
  options: {
    forms?: WalletForms;
    message?: { kind: "notice" | "error"; text: string } | null;
    status?: 200 | 404 | 409 | 422;
    before?: string;
  } = {},
) {
  const t = c.get("t");
  const locale = c.get("locale");
  const { tessera } = deps;
  const forms = options.forms ?? {};
  const [lines, balance, members, keys] = await Promise.all([
    walletLines(tessera, customer.id),
    tessera.wallet.balance(customer.id, unit.currency),
    tessera.staff.list(customer.organizationId),
    tessera.apiKeys.list(customer.organizationId),
  ]);
  const byId = new Map(lines.map((line) => [line.id, line]));
  const reversals = reversalsOf(lines);
  const newestFirst = [...lines].reverse();
  const before = options.before && byId.has(options.before as WalletEntry["id"]) ? options.before : null;
  const rest = before === null ? newestFirst : newestFirst.filter((line) => line.id < before);
  const shown = rest.slice(0, walletPageSize);
  const when = (line: WalletEntry) => formatMoment(line.createdAt, locale, unit.timeZone);

  const names = new Map<string, string>([
    ...members.map((member) => [member.id, member.name] as const),
    ...keys.map((key) => [key.id, t("admin.wallet.actor.key", { name: key.name })] as const),
  ]);
  const who = (actor: string) =>
    names.get(actor) ??
    (actor === "api" || actor === "customer" || actor === "system"
      ? t(`admin.wallet.actor.${actor}` as MessageKey)
      : actor);

  // What each shown line paid or refunded: its payment's contract or order, linked when it is this unit's.
  const paidFor = new Map<string, { paid: string; refunded: string; href: string }>();
  let orderOfPayment: Map<string, { id: string; description: string }> | null = null;
  for (const paymentId of new Set(shown.map((line) => line.paymentId).filter((id) => id !== null))) {
    const payment = await tessera.payments.get(paymentId);
    if (payment?.unitId !== unit.id) continue;
    const contract = await tessera.sales.outcome(paymentId).then(
      (outcome) => outcome.contract,
      (error: unknown) => {
        if (isTesseraError(error, "not_found")) return null;
        throw error;
      },
    );
    if (contract) {
      if (contract.unitId !== unit.id) continue;
      const plan = contract.terms.planName;
      paidFor.set(paymentId, {
        paid: t("admin.wallet.paid", { plan }),
        refunded: t("admin.wallet.refunded", { plan }),
        href: `/admin/u/${unit.slug}/contracts/${contract.id}`,
      });
      continue;
    }
    // A payment of no contract is an order's: found among the customer's orders here, read once.
    orderOfPayment ??= await ordersByPayment(tessera, unit, customer);
    const order = orderOfPayment.get(paymentId);
    if (!order) continue;
    paidFor.set(paymentId, {
      paid: t("admin.wallet.paidOrder", { description: order.description }),
      refunded: t("admin.wallet.refundedOrder", { description: order.description }),
      href: `/admin/u/${unit.slug}/orders/${order.id}`,
    });
  }
  const about = (line: WalletEntry): { text: string; href: string | null } | null => {
    if (line.paymentId !== null) {
      const refund = line.kind === "refund_credit";
      const record = paidFor.get(line.paymentId);
      // Another unit's contract or order is not this unit's to open, nor its name to tell.
      if (!record)
        return {
          text: t(refund ? "admin.wallet.refundedElsewhere" : "admin.wallet.paidElsewhere"),
          href: null,
        };
      return { text: refund ? record.refunded : record.paid, href: record.href };
    }
    const undone = line.reversesEntryId ? byId.get(line.reversesEntryId) : undefined;
    if (undone) return { text: t("admin.wallet.reverses", { when: when(undone) }), href: null };
    const reversal = reversals.get(line.id);
    if (reversal) return { text: t("admin.wallet.reversedOn", { when: when(reversal) }), href: null };
    return null;
  };

  const base = walletPath(unit, customer);
  const formOf = (state: MoneyFormState | undefined) => ({
    key: state?.key ?? freshFormKey(),
    values: state?.values ?? {},
    errors: state?.errors ?? {},
  });
  const credit = formOf(forms.credit);
  if (!credit.values["method"]) credit.values["method"] = "cash";
  const last = shown.at(-1);
  // A reversal refused for a line that shows no form any more (undone meanwhile) says so at the top.
  const reverseError = forms.reverse?.errors["form"];
  const reverseShown = shown.some(
    (line) => line.id === forms.reverse?.entryId && isReversible(line, reversals),
  );
  const message =
    options.message ??
    (reverseError && !reverseShown ? { kind: "error" as const, text: reverseError } : null);
  return c.html(
    deps.views.render("admin-wallet", {
      ...backOfficePageData(c, t("admin.wallet.title", { name: customer.name })),
      unitNav: { slug: unit.slug },
      message,
      customer: { name: customer.name, href: `/admin/u/${unit.slug}/customers/${customer.id}` },
      balance: formatMoney(balance, locale),
      currency: unit.currency,
      keyField: formKeyField,
      credit: {
        ...credit,
        action: `${base}/credits`,
        methods: walletCreditMethods.map((method) => ({
          value: method,
          label: t(`admin.wallet.method.${method}` as MessageKey),
        })),
      },
      debit: { ...formOf(forms.debit), action: `${base}/debits` },
      lines: shown.map((line) => {
        const reverse = forms.reverse?.entryId === line.id ? forms.reverse : undefined;
        return {
          id: line.id,
          kind: t(`admin.wallet.kind.${line.kind}` as MessageKey),
          amount: formatMoney(line.amount, locale),
          method: methodLabel(line, t),
          note: line.note,
          who: t("admin.wallet.by", { who: who(line.actor) }),
          at: line.createdAt,
          when: when(line),
          about: about(line),
          reverse: isReversible(line, reversals)
            ? {
                ...formOf(reverse),
                action: `${base}/entries/${line.id}/reverse`,
                legend: t("admin.wallet.reverse.legend", { when: when(line) }),
              }
            : null,
        };
      }),
      olderHref:
        rest.length > walletPageSize && last ? `${base}?${new URLSearchParams({ before: last.id })}` : null,
      newestHref: before === null ? null : base,
    }),
    options.status ?? 200,
  );
}

/** GET /admin/u/:unit/customers/:customer/wallet — the balance, the forms, the history. */
export function walletPage(deps: WalletPageDeps) {
  return async (c: Context<BackOfficeEnv>) => {
    const t = c.get("t");
    const { unit, customer } = await walletOfAddress(deps.tessera, c);
    const notice = c.req.query("notice");
    const key =
      notice && notice in walletNotices ? walletNotices[notice as keyof typeof walletNotices] : null;
    const before = c.req.query("before") ?? "";
    return renderWalletPage(c, deps, unit, customer, {
      message: key ? { kind: "notice", text: t(key) } : null,
      ...(isId("walletEntry", before) ? { before } : {}),
    });
  };
}
