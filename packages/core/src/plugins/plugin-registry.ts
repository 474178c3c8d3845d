import { TesseraError } from "../errors/tessera-error";
import type { DomainEvent, DomainEventType } from "../events/domain-event";
import type { CheckoutField } from "../organizations/unit";
import type { Plugin } from "./define-plugin";

export type EventHandler = (event: DomainEvent) => Promise<void> | void;

/** What the plugins of one Tessera instance asked for during setup. */
export interface PluginRegistry {
  readonly plugins: readonly Plugin[];
  handlersFor(type: DomainEventType): { plugin: string; handler: EventHandler }[];
  checkoutFields(): CheckoutField[];
}

/** Runs each plugin's `setup` once and records its subscriptions and form fields. */
export function createPluginRegistry(plugins: readonly Plugin[]): PluginRegistry {
  const handlers = new Map<DomainEventType, { plugin: string; handler: EventHandler }[]>();
  const fields: CheckoutField[] = [];
  const names = new Set<string>();
  for (const plugin of plugins) {
    if (names.has(plugin.name)) {
      throw new TesseraError("configuration_invalid", `Two plugins are named "${plugin.name}".`, {
        details: {
          issues: [{ path: ["plugins"], code: "duplicate", message: `duplicate plugin ${plugin.name}` }],
        },
      });
    }
    names.add(plugin.name);
    plugin.setup({
      on(type, handler) {
        const list = handlers.get(type) ?? [];
        list.push({ plugin: plugin.name, handler: handler as EventHandler });
        handlers.set(type, list);
      },
      addCheckoutField(field) {
        fields.push(field);
      },
    });
  }
  return {
    plugins,
    handlersFor: (type) => handlers.get(type) ?? [],
    checkoutFields: () => [...fields],
  };
}
