import type { Notifier } from "@tessera/core";
import type { Logger } from "../logging/logger";
import { type MailDocument, renderMailHtml, renderMailText } from "./mail-document";

/** One mail to send: to whom, what, and the key that makes it once-only. */
export interface MailDelivery {
  to: string[];
  document: MailDocument;
  /** `sale.<what>`, `installment.<what>` — shown in the mailbox and in logs. */
  tag: string;
  /** Stable for this message to this recipient, whatever delivers the event again. */
  dedupeKey: string;
}

/**
 * Sends each mail through the notifier (a delivery with no recipient is skipped), then throws
 * if any was refused — after every recipient was tried, so one refused address does not hold
 * the others, and the outbox retries the event: what was sent is not sent again (the dedupe key).
 */
export async function deliverMails(
  notifier: Notifier,
  deliveries: readonly MailDelivery[],
  report: { what: string; log?: Logger | undefined },
): Promise<void> {
  const failures: string[] = [];
  for (const delivery of deliveries) {
    if (delivery.to.length === 0) continue;
    try {
      const { messageId } = await notifier.send({
        channel: "email",
        to: delivery.to,
        subject: delivery.document.subject,
        text: renderMailText(delivery.document),
        html: renderMailHtml(delivery.document),
        tag: delivery.tag,
        dedupeKey: delivery.dedupeKey,
      });
      report.log?.info(`${report.what} sent`, { tag: delivery.tag, messageId });
    } catch (error) {
      failures.push(`${delivery.tag}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) throw new Error(`${report.what}s not sent: ${failures.join("; ")}`);
}
