/**
 * A zero-latency card provider that keeps no books: it approves every charge and answers a
 * reusable card token, remembering nothing. The memory benchmark bills through it, so the
 * peak it measures is Tessera's own — the sandbox keeps every charge it made in memory, as a
 * provider's ledger would, and would grow with the run by design.
 */
import type { Clock, Gateway, PaymentResult } from "@tessera/core";
import { createSandboxGateway } from "@tessera/core/sandbox";

export function keeplessCardProvider(clock: Clock): Gateway {
  // The sandbox's declarations (a provider that charges no recurrence by itself), not its books.
  const declared = createSandboxGateway({ clock, providerRecurrence: false });
  return {
    id: declared.id,
    methods: ["card"],
    capabilities: {
      ...declared.capabilities,
      refunds: {},
      cancel: false,
      cardTokenization: "none",
      capture: false,
      acceptsRawCard: false,
    },
    async createPayment(request): Promise<PaymentResult> {
      const token = request.card?.type === "stored" ? request.card.token : `tok${request.idempotencyKey}`;
      return {
        status: "succeeded",
        providerReference: `pay${request.idempotencyKey}`,
        rawStatus: "paid",
        amount: request.amount,
        refundedAmount: { amount: 0, currency: request.amount.currency },
        card: { brand: "visa", last4: "1111", reusableToken: token },
        paidAt: clock.now(),
      };
    },
    async getPayment() {
      return null;
    },
    async refund() {
      throw new Error("the keepless provider refunds nothing");
    },
    async getRefund() {
      return null;
    },
    parseWebhook: declared.parseWebhook.bind(declared),
  };
}
