import { maxOrderInstallments, type OrderItem, type PaymentMethod } from "@tessera/core";
import { type FormBody, formText } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import { parseMoneyText } from "./money-text";

/** Item rows the new order form shows at first; "more rows" adds `orderFormRowStep` each time. */
export const orderFormRows = 3;
export const orderFormRowStep = 3;
/** As many rows as core takes items (`orderCreateInputSchema`). */
export const maxOrderFormRows = 50;

/** The payment choice that names no method: the customer's balance, when it covers the first line. */
export const balanceChoice = "balance";

/** One item row as typed. */
export interface OrderFormRow {
  description: string;
  quantity: string;
  unitPrice: string;
}

/** The new order form as typed, shown again as it was after a refusal. */
export interface OrderFormValues {
  rows: OrderFormRow[];
  installments: string;
  payment: string;
}

/** An input's name in the form, and its key in the errors: `item-2-unitPrice`. */
export const rowInput = (row: number, field: keyof OrderFormRow) => `item-${row}-${field}`;

/** The form as it is first shown: empty rows, paid in one installment, from the balance. */
export function freshOrderFormValues(): OrderFormValues {
  return {
    rows: Array.from({ length: orderFormRows }, () => ({ description: "", quantity: "", unitPrice: "" })),
    installments: "1",
    payment: balanceChoice,
  };
}

/**
 * Reads the new order form: the rows it had (its hidden `rows`, kept to 3–50; "more rows"
 * adds three), each row that is not all empty as an item — a description, a whole quantity
 * (1 when left empty) and a unit price typed as the plan form's (`49,90`), zero allowed (a
 * gift in the order) — the installments (1–12) and the payment choice, one of `methods` or
 * the balance. What is wrong is keyed by input (`item-0-unitPrice`, `items` for no item at
 * all), as message keys; `rowOf[i]` is the form row of the `i`-th item, to put core's issues
 * on `items.i` beside the right row.
 */
export function readOrderForm(
  body: FormBody,
  currency: string,
  methods: readonly PaymentMethod[],
): {
  values: OrderFormValues;
  moreRows: boolean;
  errors: Record<string, MessageKey>;
  items: OrderItem[];
  rowOf: number[];
  installments: number;
  method: PaymentMethod | null;
} {
  const moreRows = formText(body, "more", 10) !== "";
  const sent = Number.parseInt(formText(body, "rows", 4), 10);
  const count = Math.min(
    Math.max(Number.isNaN(sent) ? orderFormRows : sent, orderFormRows) + (moreRows ? orderFormRowStep : 0),
    maxOrderFormRows,
  );
  const rows = Array.from({ length: count }, (_, row) => ({
    description: formText(body, rowInput(row, "description"), 300),
    quantity: formText(body, rowInput(row, "quantity"), 10),
    unitPrice: formText(body, rowInput(row, "unitPrice"), 40),
  }));
  const values = {
    rows,
    installments: formText(body, "installments", 4),
    payment: formText(body, "payment", 40),
  };
  const errors: Record<string, MessageKey> = {};
  const items: OrderItem[] = [];
  const rowOf: number[] = [];
  rows.forEach((typed, row) => {
    if (typed.description === "" && typed.quantity === "" && typed.unitPrice === "") return;
    if (typed.description === "") errors[rowInput(row, "description")] = "form.error.required";
    const quantity =
      typed.quantity === "" ? 1 : /^\d{1,6}$/.test(typed.quantity) ? Number(typed.quantity) : 0;
    if (quantity < 1) errors[rowInput(row, "quantity")] = "admin.orderForm.error.quantity";
    const price = typed.unitPrice === "" ? null : parseMoneyText(typed.unitPrice);
    if (price === null)
      errors[rowInput(row, "unitPrice")] =
        typed.unitPrice === "" ? "form.error.required" : "admin.plan.error.amount";
    items.push({ description: typed.description, quantity, unitPrice: { amount: price ?? 0, currency } });
    rowOf.push(row);
  });
  if (items.length === 0) errors["items"] = "admin.orderForm.error.noItems";
  const installments = /^\d{1,2}$/.test(values.installments) ? Number(values.installments) : 0;
  if (installments < 1 || installments > maxOrderInstallments) errors["installments"] = "form.error.option";
  const method = (methods as readonly string[]).includes(values.payment)
    ? (values.payment as PaymentMethod)
    : null;
  if (method === null && values.payment !== balanceChoice) errors["payment"] = "form.error.option";
  return { values, moreRows, errors, items, rowOf, installments, method };
}
