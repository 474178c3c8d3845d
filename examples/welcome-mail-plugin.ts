/**
 * The plugin of docs/plugins.md, as code the tests run: a welcome e-mail once per completed
 * sale (deduplicated by event id), and a checkbox added to every checkout form.
 */
import { definePlugin, type Notifier, type Plugin, type Storage } from "@tessera/core";

export function welcomeMail(deps: { storage: Storage; notifier: Notifier; sent: Set<string> }): Plugin {
  return definePlugin({
    name: "welcome-mail",
    setup(ctx) {
      ctx.addCheckoutField({
        key: "accepts_rules",
        label: "Li e aceito o regulamento",
        type: "checkbox",
        required: true,
      });

      ctx.on("sale.completed", async (event) => {
        if (deps.sent.has(event.id)) return; // at least once: deduplicate by event id
        const customer = await deps.storage.customers.findById(event.payload.customerId);
        if (!customer) return;
        await deps.notifier.send({
          channel: "email",
          to: [customer.email],
          subject: "Bem-vindo ao estúdio!",
          text: `Olá ${customer.name}, sua matrícula está ativa.`,
        });
        deps.sent.add(event.id); // in production, keep this in your own table
      });
    },
  });
}
