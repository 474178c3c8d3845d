import { type PaymentStatus, paymentLifecycle, type Refund, refundLifecycle } from "@tessera/core";
import type { Context } from "hono";
import type { MessageKey } from "../i18n/message-catalog";
import type { BackOfficeEnv } from "./back-office-env";

/**
 * The notice an action's redirect left in a sale page's address: `?notice=` as one of
 * `notices` — a fixed message key, never text from the request — and `?status=` in the
 * member's words: a payment's status, or a refund's after `refundNotice`; "" when it is not
 * one. Null when the address names no notice of `notices`.
 */
export function redirectNoticeOf<Key extends MessageKey>(
  c: Context<BackOfficeEnv>,
  notices: Readonly<Record<string, Key>>,
  refundNotice?: Key,
): { key: Key; status: string } | null {
  const t = c.get("t");
  const notice = c.req.query("notice");
  const key = notice && notice in notices ? notices[notice] : null;
  if (!key) return null;
  const status = c.req.query("status") ?? "";
  const label =
    key === refundNotice
      ? refundLifecycle.statuses.includes(status as Refund["status"])
        ? t(`admin.refund.status.${status}` as MessageKey)
        : ""
      : paymentLifecycle.statuses.includes(status as PaymentStatus)
        ? t(`admin.payment.status.${status}` as MessageKey)
        : "";
  return { key, status: label };
}
