import { definePlugin, type Id, type Notifier, type Plugin } from "@tessera/core";
import { dueLinesOf, unitToday } from "../checkout/due-lines";
import type { Logger } from "../logging/logger";
import { type ContractMailServices, contractMailFacts } from "./contract-mail-facts";
import { deliverMails } from "./mail-delivery";
import { pastDueMail } from "./pay-link-mail";
import { beforeDueMail, overdueMail } from "./reminder-mail";

export interface ReminderNotificationsOptions {
  notifier: Notifier;
  /** The Tessera instance, as a getter: see `SaleNotificationsOptions.tessera`. */
  tessera: () => ContractMailServices;
  /** The absolute address of a contract's pay link (`/pay/<contract>/<token>` under the server's public URL). */
  payLinkUrl: (contractId: Id<"contract">) => string;
  /** One line per message sent. Default: none. */
  logger?: Logger;
}

const isUnpaid = (status: string) => status === "awaiting" || status === "denied";

/**
 * The e-mails of a contract's collection, as a plugin on the outbox, to the customer,
 * whoever sold the contract (the billing run collects them all):
 *
 * - `installment.reminder` `before_due`: "R$ X due on D", and how it will be collected — the
 *   balance, the kept card, or a link mailed on the day (`installment.reminder_before_due`);
 * - `installment.reminder` `overdue`: "R$ X due on D is unpaid — pay here", with the contract's
 *   pay link (`installment.reminder_overdue`);
 * - `contract.past_due`: the plan is past due and access blocked until paid, what is owed,
 *   and the pay link (`contract.past_due`).
 *
 * Each is skipped when stale by the time the event is delivered: a reminder whose lines were
 * all paid meanwhile, a past-due notice of a contract paid up again. Written in the unit's
 * language, as the sale mails are. Core sends each reminder once per line and kind, and the
 * outbox delivers at least once, so each message's dedupe key is made from the event's id —
 * `installment.reminder.<kind>:<event>:customer`, `contract.past_due:<event>:customer` — and a
 * redelivered event sends nothing new, while a contract past due again months later (a new
 * event) is told again.
 */
export function reminderNotificationsPlugin(options: ReminderNotificationsOptions): Plugin {
  const log = options.logger?.child({ plugin: "reminder-notifications" });
  return definePlugin({
    name: "reminder-notifications",
    setup(ctx) {
      ctx.on("installment.reminder", async (event) => {
        const reminder = event.payload;
        const tessera = options.tessera();
        const found = await contractMailFacts(tessera, reminder.contractId);
        if (!found) return;
        const { facts, detail } = found;
        const reminded = new Set<string>(reminder.installmentIds);
        const lines = facts.installments.filter((line) => reminded.has(line.id));
        if (!lines.some((line) => isUnpaid(line.status))) return;
        if (reminder.kind === "before_due") {
          await deliverMails(
            options.notifier,
            [
              {
                to: [facts.customer.email],
                document: beforeDueMail(facts, reminder, lines),
                tag: "installment.reminder_before_due",
                dedupeKey: `installment.reminder.before_due:${event.id}:customer`,
              },
            ],
            { what: "reminder mail", log },
          );
          return;
        }
        const owed = dueLinesOf(detail, unitToday(tessera, facts.unit));
        if (!owed) return;
        await deliverMails(
          options.notifier,
          [
            {
              to: [facts.customer.email],
              document: overdueMail(facts, reminder, lines, {
                total: owed.total,
                payLink: options.payLinkUrl(reminder.contractId),
              }),
              tag: "installment.reminder_overdue",
              dedupeKey: `installment.reminder.overdue:${event.id}:customer`,
            },
          ],
          { what: "reminder mail", log },
        );
      });

      ctx.on("contract.past_due", async (event) => {
        const tessera = options.tessera();
        const found = await contractMailFacts(tessera, event.payload.contractId);
        if (found?.detail.contract.status !== "past_due") return;
        const owed = dueLinesOf(found.detail, unitToday(tessera, found.facts.unit));
        if (!owed) return;
        await deliverMails(
          options.notifier,
          [
            {
              to: [found.facts.customer.email],
              document: pastDueMail(found.facts, owed, options.payLinkUrl(event.payload.contractId)),
              tag: "contract.past_due",
              dedupeKey: `contract.past_due:${event.id}:customer`,
            },
          ],
          { what: "reminder mail", log },
        );
      });
    },
  });
}
