import { randomUUID } from "node:crypto";
import { idempotencyKeySchema } from "@tessera/core";
import { type FormBody, formText } from "../http/read-form-body";
import type { MessageKey } from "../i18n/message-catalog";
import { parseMoneyText } from "./money-text";

/**
 * The hidden input of every back-office form that moves money: a fresh idempotency key each
 * time the form is shown, so sending it twice (a double click, a reload, the back button)
 * answers the first request instead of moving the money again — as the checkout's forms do.
 */
export const formKeyField = "idempotencyKey";

/** A key for a form about to be shown. */
export const freshFormKey = (): string => randomUUID();

/** The form's key as sent, or null when it is missing or not a key (a stale page, a hand-made post). */
export function formKeyOf(body: FormBody): string | null {
  const key = formText(body, formKeyField, 255);
  return idempotencyKeySchema.safeParse(key).success ? key : null;
}

/** What a money form shows again after a refusal: what was typed, the errors by input, its key. */
export interface MoneyFormState {
  values: Record<string, string>;
  /** Texts, already in the member's language, by input name (or `form`). */
  errors: Record<string, string>;
  key: string;
}

/**
 * An amount typed as the plan form's are (`189,90`, `R$ 50`), in minor units: null with the
 * error's key when it is empty (and `required`), not an amount, or not above zero.
 */
export function typedAmount(
  typed: string,
  required: boolean,
): { amount: number | null; error: MessageKey | null } {
  if (typed === "") return { amount: null, error: required ? "form.error.required" : null };
  const amount = parseMoneyText(typed);
  if (amount === null) return { amount: null, error: "admin.plan.error.amount" };
  if (amount <= 0) return { amount: null, error: "admin.wallet.error.positive" };
  return { amount, error: null };
}
