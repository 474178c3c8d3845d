import type { ServerParts } from "../composition/compose-server";
import type { Logger } from "../logging/logger";
import type { SchedulerTask } from "./scheduler-task";

/**
 * The server's scheduled work, in the order a pass runs it: the sandbox's clock first (so
 * an auto-paid PIX's notification is in the inbox before recovery would ask for it), then
 * payment and refund recovery, then delivery of outbox events to plugins — last, so events
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
  tasks.push(
    { name: "payments.recover", run: () => tessera.payments.recover() },
    { name: "refunds.recover", run: () => tessera.refunds.recover() },
    { name: "events.deliverPending", run: () => tessera.events.deliverPending() },
  );
  return tasks;
}
