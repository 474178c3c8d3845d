import { expect, it } from "vitest";
import type { SaleOutcome } from "../../checkout/sale-outcome";
import type { WebhookInput } from "../../ports/gateway";
import { createTessera } from "../../tessera/create-tessera";
import { withMutualTls } from "../mutual-tls-gateway";
import { buyerAna, rejection, type ScenarioEnv } from "./scenario-env";

/** Provider notifications: authenticated, deduplicated, order-independent. */
export function webhookScenarios(current: () => ScenarioEnv): void {
  const pixSale = async (key: string, cpf = buyerAna.document.value): Promise<SaleOutcome> => {
    const env = current();
    return env.tessera.sales.start({
      unitId: env.unit.id,
      planId: env.monthly.id,
      buyer: { ...buyerAna, document: { kind: "cpf", value: cpf } },
      method: "pix",
      idempotencyKey: key,
      source: "online",
    });
  };

  const snapshot = async (outcome: SaleOutcome) => {
    const env = current();
    const state = await env.tessera.sales.outcome(outcome.payment!.id);
    return {
      payment: state.payment!.status,
      contract: state.contract.status,
      customer: state.customer.status,
      installments: state.installments.map((i) => i.status),
    };
  };

  it("activates a PIX sale from the provider's signed notification", async () => {
    const env = current();
    const outcome = await pixSale("webhook-pix-0001");
    env.sandbox.sandbox.pay(outcome.payment!.idempotencyKey);
    const [notification] = env.sandbox.sandbox.takeNotifications();
    const receipt = await env.tessera.webhooks.receive("sandbox", notification!);
    expect(receipt).toEqual({ accepted: true, applied: 1, duplicates: 0, unmatched: 0 });
    expect(await snapshot(outcome)).toMatchObject({
      payment: "succeeded",
      contract: "active",
      customer: "active",
    });
    const inbox = await env.storage.inbox.listByStatus("processed", 10);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.rawBody).toBe(notification!.rawBody);
  });

  it("applies the same notification once, however often it arrives, and in any order", async () => {
    const env = current();
    const one = await pixSale("webhook-order-0001");
    const two = await pixSale("webhook-order-0002", "11144477735");
    env.sandbox.sandbox.pay(one.payment!.idempotencyKey);
    await env.tessera.payments.cancelAttempt(two.payment!.id);
    const notifications = env.sandbox.sandbox.takeNotifications();
    expect(notifications.length).toBeGreaterThanOrEqual(2);
    // Three copies of each, delivered newest first and interleaved.
    const deliveries: WebhookInput[] = [...notifications, ...notifications, ...notifications].reverse();
    const receipts = [];
    for (const delivery of deliveries) receipts.push(await env.tessera.webhooks.receive("sandbox", delivery));
    expect(receipts.every((r) => r.accepted)).toBe(true);
    const applied = receipts.reduce((n, r) => n + (r.accepted ? r.applied : 0), 0);
    const duplicates = receipts.reduce((n, r) => n + (r.accepted ? r.duplicates : 0), 0);
    expect(applied).toBe(notifications.length);
    expect(duplicates).toBe(notifications.length * 2);
    expect(await snapshot(one)).toMatchObject({ payment: "succeeded", contract: "active" });
    expect(await snapshot(two)).toMatchObject({ payment: "canceled", contract: "pending_payment" });
  });

  it("changes nothing for a forged notification", async () => {
    const env = current();
    const outcome = await pixSale("webhook-forged-0001");
    env.sandbox.sandbox.pay(outcome.payment!.idempotencyKey);
    const [real] = env.sandbox.sandbox.takeNotifications();
    const before = await snapshot(outcome);
    const forgedSignature = { ...real!, headers: { ...real!.headers } };
    for (const name of Object.keys(forgedSignature.headers)) {
      if (name.includes("signature")) forgedSignature.headers[name] = "t=1,v1=00";
    }
    const tampered = {
      ...real!,
      rawBody: real!.rawBody.replace(/"status":"[a-z_]+"/, '"status":"paid"') + " ",
    };
    for (const forged of [forgedSignature, tampered]) {
      const receipt = await env.tessera.webhooks.receive("sandbox", forged);
      expect(receipt.accepted).toBe(false);
    }
    expect(await snapshot(outcome)).toEqual(before);
    expect(before.payment).toBe("pending");
    expect(await env.storage.inbox.listByStatus("rejected", 10)).toHaveLength(2);
  });

  it("keeps where a notification came in, its secrets redacted, and how it was proven", async () => {
    const env = current();
    const outcome = await pixSale("webhook-provenance-0001");
    env.sandbox.sandbox.pay(outcome.payment!.idempotencyKey);
    const [real] = env.sandbox.sandbox.takeNotifications();
    const secretive = createTessera({
      storage: env.storage,
      clock: env.clock,
      gateways: [
        {
          ...env.sandbox,
          capabilities: {
            ...env.sandbox.capabilities,
            webhooks: { ...env.sandbox.capabilities.webhooks!, secretQueryParameters: ["token"] },
          },
        },
      ],
    });
    const receipt = await secretive.webhooks.receive("sandbox", {
      ...real!,
      url: "https://studio.example/webhooks/sandbox?token=s3cr3t&unit=centro",
    });
    expect(receipt).toMatchObject({ accepted: true, applied: 1 });
    const [entry] = await env.storage.inbox.listByStatus("processed", 10);
    expect(entry?.url).toBe("https://studio.example/webhooks/sandbox?token=[redacted]&unit=centro");
    expect(JSON.stringify(entry)).not.toContain("s3cr3t");
    expect(entry?.authentication).toEqual({
      method: "hmac_signature",
      clientCertificate: null,
      confirmedByLookup: false,
    });
  });

  it("rejects a mutual-TLS notification the listener did not vouch for, and changes nothing", async () => {
    const env = current();
    const outcome = await pixSale("webhook-mtls-0001");
    env.sandbox.sandbox.pay(outcome.payment!.idempotencyKey);
    const [real] = env.sandbox.sandbox.takeNotifications();
    const before = await snapshot(outcome);
    const mtls = createTessera({
      storage: env.storage,
      clock: env.clock,
      gateways: [withMutualTls(env.sandbox)],
    });
    const receipt = await mtls.webhooks.receive("sandbox", real!);
    expect(receipt).toMatchObject({ accepted: false, reason: expect.stringMatching(/client certificate/) });
    expect(await snapshot(outcome)).toEqual(before);
    const vouched = await mtls.webhooks.receive("sandbox", {
      ...real!,
      verifiedClientCertificate: { subject: "CN=psp", issuer: "CN=ICP-Brasil", fingerprint256: "AA:BB" },
    });
    expect(vouched).toMatchObject({ accepted: true, applied: 1 });
    const [entry] = await env.storage.inbox.listByStatus("processed", 10);
    expect(entry?.authentication?.clientCertificate).toMatchObject({ issuer: "CN=ICP-Brasil" });
  });

  it("rejects a mutual-TLS notification whose certificate a CA the gateway does not trust issued", async () => {
    const env = current();
    const outcome = await pixSale("webhook-mtls-ca-0001");
    env.sandbox.sandbox.pay(outcome.payment!.idempotencyKey);
    const [real] = env.sandbox.sandbox.takeNotifications();
    const before = await snapshot(outcome);
    // As Banco Inter's webhooks: mutual TLS with a client certificate from the provider's own CA.
    const inter = createTessera({
      storage: env.storage,
      clock: env.clock,
      gateways: [withMutualTls(env.sandbox, [{ name: "CN=Inter Webhook CA,O=Banco Inter,C=BR", pem: null }])],
    });
    const certificate = { subject: "CN=webhook.bancointer.com.br", fingerprint256: "AA:BB" };
    // A listener that also trusts a public store verified this chain: valid, but not the provider's.
    const foreign = await inter.webhooks.receive("sandbox", {
      ...real!,
      verifiedClientCertificate: { ...certificate, issuer: "CN=R3,O=Let's Encrypt,C=US" },
    });
    expect(foreign).toEqual({
      accepted: false,
      reason: expect.stringMatching(
        /issued by "CN=R3,O=Let's Encrypt,C=US", not by a CA the sandbox gateway trusts/,
      ),
    });
    expect(await snapshot(outcome)).toEqual(before);
    const [rejected] = await env.storage.inbox.listByStatus("rejected", 10);
    expect(rejected).toMatchObject({
      outcome: (foreign as { reason: string }).reason,
      authentication: { method: "mutual_tls", clientCertificate: { issuer: "CN=R3,O=Let's Encrypt,C=US" } },
    });

    // The provider's CA, as OpenSSL's one-line form names it (an nginx `$ssl_client_i_dn_legacy`).
    const own = await inter.webhooks.receive("sandbox", {
      ...real!,
      verifiedClientCertificate: { ...certificate, issuer: "/C=BR/O=Banco Inter/CN=Inter Webhook CA" },
    });
    expect(own).toMatchObject({ accepted: true, applied: 1 });
    expect(await snapshot(outcome)).toMatchObject({ payment: "succeeded", contract: "active" });
  });

  it("answers a notification that is not text with a typed error", async () => {
    const env = current();
    for (const bad of [{ headers: { a: 1 }, rawBody: "{}" }, { headers: {}, rawBody: 42 }, null]) {
      const error = await rejection(env.tessera.webhooks.receive("sandbox", bad as unknown as WebhookInput));
      expect(error.code).toBe("validation_failed");
    }
  });
}
