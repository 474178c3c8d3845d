import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import type { SaleInput } from "../../checkout/sale-input";
import { isTesseraError } from "../../errors/tessera-error";
import type { Id } from "../../ids/id";
import type { ProviderAccountActor } from "../../provider-accounts/provider-account-service";
import type { SandboxGateway } from "../../sandbox/sandbox-gateway";
import { sandboxProvider } from "../../sandbox/sandbox-provider";
import { createTessera, type Tessera } from "../../tessera/create-tessera";
import { buyerAna, rejection, type ScenarioEnv } from "./scenario-env";

const secret = "whsec-centro-0123456789abcd";
const key = () => new Uint8Array(randomBytes(32));

/** Units' provider accounts through `createTessera`: sealed, masked, scoped, registered, reloaded. */
export function providerAccountScenarios(current: () => ScenarioEnv): void {
  const credentialsKey = key();
  const tesseraWith = (
    options: { credentialsKey?: Uint8Array; previousCredentialsKeys?: Uint8Array[] } = {},
  ) => {
    const env = current();
    return createTessera({
      storage: env.storage,
      clock: env.clock,
      gateways: [env.sandbox],
      webhookBaseUrl: "https://aurora.example/webhooks/",
      ...options,
    });
  };
  const owner = (): ProviderAccountActor => ({
    id: "stf_01JQ00000000000000000000AA",
    organizationId: current().org.id,
    role: "owner",
    scope: { kind: "organization" },
  });
  const unitActor = (role: "manager" | "staff", unitId: Id<"unit">): ProviderAccountActor => ({
    id: "stf_01JQ00000000000000000000BB",
    organizationId: current().org.id,
    role,
    scope: { kind: "unit", unitId },
  });
  const accountInput = (
    overrides: { id?: string; options?: Record<string, unknown>; label?: string } = {},
  ) => ({
    unitId: current().unit.id,
    kind: "sandbox",
    id: overrides.id ?? "sandbox-centro",
    label: overrides.label ?? "Sandbox — Centro",
    options: overrides.options ?? { webhookSecret: secret, autoPaySeconds: 30 },
  });
  const fieldsOf = async (promise: Promise<unknown>) => {
    const error = await rejection(promise);
    expect(error.code).toBe("validation_failed");
    return error.details.issues?.map((issue) => `${issue.path.join(".")}:${issue.code}`);
  };
  const sandboxOf = (tessera: Tessera, id: string) => tessera.gateways.get(id) as SandboxGateway;

  it("seals a new account's settings, shows its secrets masked, registers its gateway and audits it", async () => {
    const env = current();
    const tessera = tesseraWith({ credentialsKey });
    const account = await tessera.providerAccounts.create(owner(), accountInput(), { from: "203.0.113.7" });
    expect(account).toMatchObject({
      id: "sandbox-centro",
      unitId: env.unit.id,
      kind: "sandbox",
      webhookUrl: "https://aurora.example/webhooks/sandbox-centro",
      maskedOptions: { webhookSecret: "••••abcd", autoPaySeconds: 30, boletoIssue: "immediate" },
      version: 1,
    });
    expect(JSON.stringify(account)).not.toContain(secret);
    expect(JSON.stringify(await tessera.providerAccounts.list(owner(), env.unit.id))).not.toContain(secret);
    const stored = await env.storage.providerAccounts.findById("sandbox-centro");
    expect(stored?.sealedOptions).toMatch(/^v1\./);
    expect(stored?.sealedOptions).not.toContain(secret);
    expect(sandboxOf(tessera, "sandbox-centro").sandbox.webhookSecret).toBe(secret);
    const { items } = await tessera.audit.list(env.org.id);
    expect(items[0]).toMatchObject({
      action: "provider_account.created",
      subject: { kind: "provider_account", id: "sandbox-centro" },
      from: "203.0.113.7",
    });
    expect(JSON.stringify(items)).not.toContain(secret);
  });

  it("names each refused field: settings under options., an unknown kind, an id already taken", async () => {
    const tessera = tesseraWith({ credentialsKey });
    expect(
      await fieldsOf(
        tessera.providerAccounts.create(
          owner(),
          accountInput({ options: { webhookSecret: "short", autoPaySeconds: 1.5 } }),
        ),
      ),
    ).toEqual(["options.webhookSecret:too_small", "options.autoPaySeconds:invalid_type"]);
    expect(
      await fieldsOf(tessera.providerAccounts.create(owner(), { ...accountInput(), kind: "cielo" })),
    ).toEqual(["kind:unknown_kind"]);
    expect(await fieldsOf(tessera.providerAccounts.create(owner(), accountInput({ id: "sandbox" })))).toEqual(
      ["id:taken"],
    );
    expect(await fieldsOf(tessera.providerAccounts.create(owner(), accountInput({ id: "Bad Id" })))).toEqual([
      "id:invalid_format",
    ]);
    await tessera.providerAccounts.create(owner(), accountInput());
    expect(await fieldsOf(tessera.providerAccounts.create(owner(), accountInput()))).toEqual(["id:taken"]);
    expect(await current().storage.providerAccounts.listByUnit(current().unit.id)).toHaveLength(1);
  });

  it("cannot save an account without a credentials key, and says how to give one", async () => {
    const error = await rejection(tesseraWith().providerAccounts.create(owner(), accountInput()));
    expect(error.code).toBe("configuration_invalid");
    expect(error.message).toMatch(/credentialsKey/);
    expect(await current().storage.providerAccounts.findById("sandbox-centro")).toBeNull();
  });

  it("keeps a secret left empty on update, replaces the gateway, and refuses another kind", async () => {
    const env = current();
    const tessera = tesseraWith({ credentialsKey });
    await tessera.providerAccounts.create(owner(), accountInput());
    const before = tessera.gateways.get("sandbox-centro");
    const updated = await tessera.providerAccounts.update(
      owner(),
      accountInput({ label: "Centro (novo)", options: { webhookSecret: "", autoPaySeconds: 60 } }),
    );
    expect(updated).toMatchObject({
      label: "Centro (novo)",
      version: 2,
      maskedOptions: { autoPaySeconds: 60 },
    });
    const after = sandboxOf(tessera, "sandbox-centro");
    expect(after).not.toBe(before);
    expect(after.sandbox.webhookSecret).toBe(secret);
    const renewed = await tessera.providerAccounts.update(
      owner(),
      accountInput({ options: { webhookSecret: "renewed-secret-000000wxyz" } }),
    );
    expect(renewed.maskedOptions["webhookSecret"]).toBe("••••wxyz");
    expect(sandboxOf(tessera, "sandbox-centro").sandbox.webhookSecret).toBe("renewed-secret-000000wxyz");
    expect(
      await fieldsOf(tessera.providerAccounts.update(owner(), { ...accountInput(), kind: "inter" })),
    ).toEqual(["kind:immutable"]);
    const actions = (await tessera.audit.list(env.org.id)).items.map((entry) => entry.action);
    expect(actions).toEqual([
      "provider_account.updated",
      "provider_account.updated",
      "provider_account.created",
    ]);
  });

  it("lets owners and the unit's managers in; staff and another unit's manager find no unit", async () => {
    const env = current();
    const tessera = tesseraWith({ credentialsKey });
    const other = await tessera.organizations.createUnit({
      organizationId: env.org.id,
      name: "Sul",
      slug: "aurora-sul",
    });
    await tessera.providerAccounts.create(unitActor("manager", env.unit.id), accountInput());
    for (const outsider of [unitActor("staff", env.unit.id), unitActor("manager", other.id)]) {
      expect((await rejection(tessera.providerAccounts.list(outsider, env.unit.id))).code).toBe("not_found");
      expect(
        (await rejection(tessera.providerAccounts.create(outsider, accountInput({ id: "sandbox-x" })))).code,
      ).toBe("not_found");
      expect(await tessera.providerAccounts.get(outsider, "sandbox-centro")).toBeNull();
      expect((await rejection(tessera.providerAccounts.remove(outsider, "sandbox-centro"))).code).toBe(
        "not_found",
      );
    }
    const otherOrg = await tessera.organizations.createOrganization({ name: "Outro estúdio" });
    const stranger: ProviderAccountActor = { ...owner(), organizationId: otherOrg.id };
    expect((await rejection(tessera.providerAccounts.list(stranger, env.unit.id))).code).toBe("not_found");
    expect(await tessera.providerAccounts.get(owner(), "sandbox-centro")).not.toBeNull();
  });

  it("keeps a unit's payment methods off another unit's account", async () => {
    const env = current();
    const tessera = tesseraWith({ credentialsKey });
    await tessera.providerAccounts.create(owner(), accountInput());
    const sul = await tessera.organizations.createUnit({
      organizationId: env.org.id,
      name: "Sul",
      slug: "aurora-sul",
    });
    const refused = await rejection(
      tessera.organizations.updateUnit(sul.id, {
        paymentMethods: [{ method: "card", gatewayId: "sandbox-centro", mode: "integrated" }],
      }),
    );
    expect(refused.details.issues?.[0]).toMatchObject({
      path: ["paymentMethods", 0, "gatewayId"],
      code: "gateway_mismatch",
    });
    expect(await tessera.providerAccounts.gatewayIds(sul.id)).toEqual(["sandbox"]);
    expect(await tessera.providerAccounts.gatewayIds(env.unit.id)).toEqual(["sandbox", "sandbox-centro"]);
  });

  it("refuses to remove an account a payment method names; removed, its gateway is gone", async () => {
    const env = current();
    const tessera = tesseraWith({ credentialsKey });
    await tessera.providerAccounts.create(owner(), accountInput());
    await tessera.organizations.updateUnit(env.unit.id, {
      paymentMethods: [{ method: "card", gatewayId: "sandbox-centro", mode: "integrated" }],
    });
    const refused = await rejection(tessera.providerAccounts.remove(owner(), "sandbox-centro"));
    expect(refused.code).toBe("invalid_transition");
    expect(refused.details["reason"]).toBe("in_use");
    expect(tessera.gateways.find("sandbox-centro")).not.toBeNull();
    await tessera.organizations.updateUnit(env.unit.id, {
      paymentMethods: [{ method: "card", gatewayId: "sandbox", mode: "integrated" }],
    });
    await tessera.providerAccounts.remove(owner(), "sandbox-centro");
    expect(tessera.gateways.find("sandbox-centro")).toBeNull();
    expect(await env.storage.providerAccounts.findById("sandbox-centro")).toBeNull();
    expect((await tessera.audit.list(env.org.id)).items[0]?.action).toBe("provider_account.removed");
  });

  it("registers stored accounts on a restart; one under a wrong key is skipped and blocks no other", async () => {
    const env = current();
    const otherKey = key();
    await tesseraWith({ credentialsKey }).providerAccounts.create(owner(), accountInput());
    const sul = await env.tessera.organizations.createUnit({
      organizationId: env.org.id,
      name: "Sul",
      slug: "aurora-sul",
    });
    await tesseraWith({ credentialsKey: otherKey }).providerAccounts.create(owner(), {
      ...accountInput({ id: "sandbox-sul" }),
      unitId: sul.id,
    });

    const restarted = tesseraWith({ credentialsKey });
    const report = await restarted.providerAccounts.loadAll();
    expect(report.registered).toEqual(["sandbox-centro"]);
    expect(report.skipped).toEqual([
      {
        id: "sandbox-sul",
        unitId: sul.id,
        kind: "sandbox",
        reason: "does_not_open",
        message: expect.stringMatching(/key/),
      },
    ]);
    expect(JSON.stringify(report)).not.toContain(secret);
    expect(sandboxOf(restarted, "sandbox-centro").sandbox.webhookSecret).toBe(secret);
    expect(restarted.gateways.find("sandbox-sul")).toBeNull();
    // Listed without its settings, rather than failing the page.
    const [listed] = await restarted.providerAccounts.list(owner(), sul.id);
    expect(listed).toMatchObject({ id: "sandbox-sul", maskedOptions: {} });

    const keyless = await tesseraWith().providerAccounts.loadAll();
    expect(keyless.registered).toEqual([]);
    expect(keyless.skipped.map((skipped) => skipped.reason)).toEqual(["no_key", "no_key"]);
  });

  it("rotates the key: accounts sealed under the previous one are sealed again under the new", async () => {
    const env = current();
    await tesseraWith({ credentialsKey }).providerAccounts.create(owner(), accountInput());
    const sealedBefore = (await env.storage.providerAccounts.findById("sandbox-centro"))?.sealedOptions;
    const newKey = key();
    const rotating = await tesseraWith({
      credentialsKey: newKey,
      previousCredentialsKeys: [credentialsKey],
    }).providerAccounts.loadAll();
    expect(rotating).toMatchObject({
      registered: ["sandbox-centro"],
      skipped: [],
      resealed: ["sandbox-centro"],
    });
    const sealedAfter = (await env.storage.providerAccounts.findById("sandbox-centro"))?.sealedOptions;
    expect(sealedAfter?.split(".")[1]).not.toBe(sealedBefore?.split(".")[1]);
    const rotated = tesseraWith({ credentialsKey: newKey });
    expect((await rotated.providerAccounts.loadAll()).registered).toEqual(["sandbox-centro"]);
    expect(sandboxOf(rotated, "sandbox-centro").sandbox.webhookSecret).toBe(secret);
    expect((await tesseraWith({ credentialsKey }).providerAccounts.loadAll()).skipped).toHaveLength(1);
  });

  it("sells through a unit's stored account after a restart, with the gateway its opened settings build", async () => {
    const env = current();
    await tesseraWith({ credentialsKey }).providerAccounts.create(owner(), accountInput());
    await tesseraWith({ credentialsKey }).providerAccounts.create(owner(), {
      ...accountInput({ id: "sandbox-revoked", options: { webhookSecret: secret, refuseCredentials: true } }),
    });
    const restarted = tesseraWith({ credentialsKey });
    await restarted.providerAccounts.loadAll();
    await restarted.organizations.updateUnit(env.unit.id, {
      paymentMethods: [
        { method: "pix", gatewayId: "sandbox-centro", mode: "integrated" },
        { method: "card", gatewayId: "sandbox-revoked", mode: "integrated" },
      ],
    });
    const sale = (method: "pix" | "card", extra: object = {}): SaleInput =>
      ({
        unitId: env.unit.id,
        planId: env.monthly.id,
        buyer: buyerAna,
        method,
        idempotencyKey: `provider-account-${method}`,
        source: "online",
        ...extra,
      }) as SaleInput;
    const outcome = await restarted.sales.start(sale("pix"));
    expect(outcome.payment?.gatewayId).toBe("sandbox-centro");
    const account = sandboxOf(restarted, "sandbox-centro");
    expect(account.sandbox.ledger().charges).toHaveLength(1);
    expect(env.sandbox.sandbox.ledger().charges).toHaveLength(0);
    account.sandbox.pay(outcome.payment!.idempotencyKey);
    const [notification] = account.sandbox.takeNotifications();
    expect(await restarted.webhooks.receive("sandbox-centro", notification!)).toMatchObject({
      accepted: true,
      applied: 1,
    });
    // The same notification is not the main sandbox's: it was signed with the account's own secret.
    expect((await restarted.webhooks.receive("sandbox", notification!)).accepted).toBe(false);

    // The other account's stored settings say its credentials are revoked, and so its gateway answers.
    const token = await env.card("approvedVisa");
    const refused = await rejection(restarted.sales.start(sale("card", { card: token })));
    expect(
      isTesseraError(refused, "gateway_authentication") || isTesseraError(refused, "gateway_unavailable"),
    ).toBe(true);
  });

  it("gives an account whose provider proves itself by client certificate its URL behind mutual TLS", async () => {
    const mutualTlsKind = {
      ...sandboxProvider,
      kind: "sandbox-mtls",
      webhook: { ...sandboxProvider.webhook, mutualTls: true },
    };
    const tessera = createTessera({
      storage: current().storage,
      clock: current().clock,
      gateways: [current().sandbox],
      providers: [sandboxProvider, mutualTlsKind],
      credentialsKey,
      webhookBaseUrl: "https://aurora.example/webhooks",
      mutualTlsWebhookBaseUrl: "https://aurora.example:8443/webhooks",
    });
    const plain = await tessera.providerAccounts.create(owner(), accountInput({ id: "sandbox-plain" }), {
      from: "203.0.113.7",
    });
    const mutual = await tessera.providerAccounts.create(
      owner(),
      { ...accountInput({ id: "sandbox-tls" }), kind: "sandbox-mtls" },
      { from: "203.0.113.7" },
    );
    expect(plain.webhookUrl).toBe("https://aurora.example/webhooks/sandbox-plain");
    expect(mutual.webhookUrl).toBe("https://aurora.example:8443/webhooks/sandbox-tls");
  });
}
