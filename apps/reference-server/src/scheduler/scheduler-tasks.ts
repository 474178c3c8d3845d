import { instantToMillis } from "@tessera/core";
import type { ServerParts } from "../composition/compose-server";
import type { Logger } from "../logging/logger";
import type { SchedulerTask } from "./scheduler-task";

/** How often a server's scheduler runs the billing run: every ten minutes is plenty for what falls due by the day. */
export const billingEveryMs = 10 * 60_000;

/**
 * The server's scheduled work, in the order a pass runs it: the sandbox's clock first (so
 * an auto-paid PIX's notification is in the inbox before recovery would ask for it), then
 * payment and refund recovery, then the billing run (at most every `billingEveryMs`: what
 * falls due does so by the day), then delivery of outbox events to plugins — last, so events
 * the earlier tasks emitted go out in the same pass.
 */
export function schedulerTasks(
  parts: Pick<ServerParts, "tessera" | "sandbox">,
  logger: Logger,
): SchedulerTask[] {
  const { tessera, sandbox } = parts;
  const tasks: SchedulerTask[] = [];
  if (sandbox) {
    tasks.push({
      name: "sandbox",
      async run() {
        sandbox.sandbox.tick();
        // The sandbox has no webhookUrl (see composeGateways): its notifications reach the
        // inbox here, through the same `receive` as POST /webhooks/:gateway.
        // Taken means forgotten by the sandbox: if `receive` throws (the database away), the
        // rest of this batch is lost, and `payments.recover` settles those payments by lookup.
        const report = { received: 0, rejected: 0 };
        for (const notification of sandbox.sandbox.takeNotifications()) {
          const receipt = await tessera.webhooks.receive(sandbox.id, notification);
          if (receipt.accepted) report.received++;
          else {
            report.rejected++;
            logger.warn("sandbox notification rejected", {
              eventId: notification.eventId,
              reason: receipt.reason,
            });
          }
        }
        return report;
      },
    });
  }
  let lastBilling: number | null = null;
  tasks.push(
    { name: "payments.recover", run: () => tessera.payments.recover() },
    { name: "refunds.recover", run: () => tessera.refunds.recover() },
    {
      name: "billing.run",
      async run() {
        const now = instantToMillis(tessera.clock.now());
        if (lastBilling !== null && now - lastBilling < billingEveryMs) return { skipped: "ran recently" };
        lastBilling = now;
        const report = await tessera.billing.run();
        if (report.errors.length > 0) logger.warn("billing run errors", { errors: report.errors });
        return report;
      },
    },
    { name: "events.deliverPending", run: () => tessera.events.deliverPending() },
  );
  return tasks;
}
