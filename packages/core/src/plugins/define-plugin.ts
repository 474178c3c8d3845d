import type { DomainEvent, DomainEventType } from "../events/domain-event";
import type { CheckoutField } from "../organizations/unit";

/** What a plugin may do while it is being set up. */
export interface PluginContext {
  /**
   * Subscribes to one event type. Delivery is at least once, from the outbox, after the
   * change committed: deduplicate by `event.id`. A handler that throws is retried later
   * with backoff; it never breaks the sale that emitted the event.
   */
  on<T extends DomainEventType>(type: T, handler: (event: DomainEvent<T>) => Promise<void> | void): void;
  /** Adds a field to every checkout form (e.g. a consent checkbox). */
  addCheckoutField(field: CheckoutField): void;
}

export interface Plugin {
  /** Unique among the plugins of one Tessera instance; shown in logs. */
  name: string;
  setup(context: PluginContext): void;
}

/**
 * Declares a plugin. E-signature requests, class bookings and CRM exports are plugins.
 *
 * @example
 * ```ts
 * export const welcomeMail = definePlugin({
 *   name: "welcome-mail",
 *   setup(ctx) {
 *     ctx.on("sale.completed", async (event) => sendWelcome(event.payload.customerId));
 *   },
 * });
 * ```
 */
export function definePlugin(plugin: Plugin): Plugin {
  return plugin;
}
