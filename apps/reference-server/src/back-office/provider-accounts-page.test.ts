import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SandboxGateway } from "@tessera/core/sandbox";
import { createTestPki } from "@tessera/pix-api/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { composeServer } from "../composition/compose-server";
import { credentialsKeyFileName } from "../composition/register-provider-accounts";
import { seedDemo } from "../demo/demo-seed";
import { createApp } from "../http/create-app";
import { signInAs } from "../http/staff-session";
import {
  type ComposedTestServer,
  composedTestServer,
  memoryLogger,
  testBuyer,
  testConfig,
} from "../http/test-app";

const base = "/admin/u/aurora-centro/providers";
const secret = "whsec-centro-0123456789wxyz";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const owner = () => signInAs(server.app, server.demoOwner.email, server.demoOwner.password);

async function member(role: "manager" | "staff", unitId = server.unit.id) {
  const login = {
    email: `${role}.${unitId.slice(-6).toLowerCase()}@aurora.example`,
    password: "uma-senha-bem-longa",
  };
  await server.tessera.staff.create({
    organizationId: server.unit.organizationId,
    name: role,
    ...login,
    role,
    scope: { kind: "unit", unitId },
  });
  return signInAs(server.app, login.email, login.password);
}

/** A new sandbox account's form as a person fills it in. */
function newAccount(csrf: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    _csrf: csrf,
    kind: "sandbox",
    id: "sandbox-centro",
    label: "Sandbox do Centro",
    "options.webhookSecret": secret,
    "options.autoPaySeconds": "45",
    "options.boletoIssue": "async",
    "options.pixMerchantName": "Aurora Centro",
    ...overrides,
  };
}

describe("the provider accounts page", () => {
  it("draws each kind's settings form from its options schema", async () => {
    const { get } = await owner();
    const page = await get(base);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<label for="new-sandbox-webhookSecret">Segredo do webhook/);
    expect(html).toMatch(
      /<input id="new-sandbox-webhookSecret" name="options.webhookSecret" type="password" value=""/,
    );
    expect(html).toMatch(/name="options.autoPaySeconds" type="number"[^>]* step="1" min="0" max="86400"/);
    expect(html).toMatch(
      /<input type="checkbox" id="new-sandbox-refuseCredentials" name="options.refuseCredentials"/,
    );
    expect(html).toMatch(/<select id="new-sandbox-boletoIssue" name="options.boletoIssue"/);
    expect(html).toContain('<option value="async">Um instante depois</option>');
    expect(html).toContain('value="Tessera Sandbox"');
    expect(html).toContain("Esta unidade ainda não tem contas de pagamento.");
  });

  it("saves an account, lists it with its secret masked and its webhook URL, and never shows the secret", async () => {
    const { get, post, csrfFrom } = await owner();
    const saved = await post(base, newAccount(await csrfFrom(base)));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`${base}?done=saved`);
    expect(await saved.text()).not.toContain(secret);

    const list = await (await get(`${base}?done=saved`)).text();
    expect(list).toContain("Conta salva.");
    expect(list).toContain("Sandbox do Centro");
    expect(list).toContain("••••wxyz");
    expect(list).toContain('value="http://localhost/webhooks/sandbox-centro"');
    expect(list).toContain("tessera-sandbox-signature");
    expect(list).toContain("Um instante depois");
    const edit = await (await get(`${base}/sandbox-centro`)).text();
    for (const html of [list, edit]) {
      expect(html).not.toContain(secret);
      expect(html).not.toContain(secret.slice(0, 12));
    }
    expect(edit).toContain("Deixe vazio para manter o valor salvo (••••wxyz).");

    const stored = await server.storage.providerAccounts.findById("sandbox-centro");
    expect(stored?.sealedOptions).not.toContain(secret);
    const gateway = server.tessera.gateways.get("sandbox-centro") as SandboxGateway;
    expect(gateway.sandbox.webhookSecret).toBe(secret);
    const audit = await server.tessera.audit.list(server.unit.organizationId);
    expect(audit.items[0]).toMatchObject({
      action: "provider_account.created",
      subject: { id: "sandbox-centro" },
    });
  });

  it("puts translated errors beside their fields, keeps what was typed but the secret, and saves nothing", async () => {
    const { post, csrfFrom } = await owner();
    const response = await post(
      base,
      newAccount(await csrfFrom(base), {
        id: "Centro Novo",
        "options.webhookSecret": "curto-demais",
        "options.autoPaySeconds": "dez",
      }),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="new-sandbox-id-error">Use de 2 a 40 letras minúsculas/);
    expect(html).toMatch(/id="new-sandbox-webhookSecret-error">Está curto demais\./);
    expect(html).toMatch(/id="new-sandbox-autoPaySeconds-error">Informe um número\./);
    expect(html).toContain('value="Centro Novo"');
    expect(html).toContain('value="dez"');
    expect(html).not.toContain("curto-demais");
    expect(await server.storage.providerAccounts.listByUnit(server.unit.id)).toEqual([]);

    const english = await post(
      `${base}?lang=en`,
      newAccount(await csrfFrom(base), { "options.autoPaySeconds": "999999" }),
    );
    expect(english.status).toBe(422);
    expect(await english.text()).toMatch(
      /id="new-sandbox-autoPaySeconds-error">Enter a number within the allowed range\./,
    );
  });

  it("refuses an identifier already taken, by the server's own gateway too", async () => {
    const { post, csrfFrom } = await owner();
    const taken = await post(base, newAccount(await csrfFrom(base), { id: "sandbox" }));
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain("Este identificador já está em uso.");
  });

  it("keeps the stored secret when it is left empty, and takes new settings", async () => {
    const { get, post, csrfFrom } = await owner();
    await post(base, newAccount(await csrfFrom(base)));
    const csrf = await csrfFrom(`${base}/sandbox-centro`);
    const saved = await post(`${base}/sandbox-centro`, {
      _csrf: csrf,
      label: "Centro (renovado)",
      "options.webhookSecret": "",
      "options.autoPaySeconds": "",
      "options.boletoIssue": "immediate",
      "options.pixMerchantName": "Aurora",
      "options.refuseCredentials": "on",
    });
    expect(saved.status).toBe(303);
    const account = await server.tessera.providerAccounts.get(
      (await server.tessera.staff.list(server.unit.organizationId)).find((m) => m.role === "owner")!,
      "sandbox-centro",
    );
    expect(account).toMatchObject({
      label: "Centro (renovado)",
      version: 2,
      maskedOptions: {
        webhookSecret: "••••wxyz",
        autoPaySeconds: null,
        refuseCredentials: true,
        boletoIssue: "immediate",
      },
    });
    expect((server.tessera.gateways.get("sandbox-centro") as SandboxGateway).sandbox.webhookSecret).toBe(
      secret,
    );
    const edit = await (await get(`${base}/sandbox-centro`)).text();
    expect(edit).toMatch(
      /id="account-refuseCredentials" name="options.refuseCredentials" value="on" checked/,
    );
  });

  it("refuses to remove an account a payment method names, and removes it once none does", async () => {
    const { post, csrfFrom } = await owner();
    await post(base, newAccount(await csrfFrom(base)));
    await server.tessera.organizations.updateUnit(server.unit.id, {
      paymentMethods: [{ method: "pix", gatewayId: "sandbox-centro", mode: "integrated" }],
    });
    const refused = await post(`${base}/sandbox-centro/delete`, { _csrf: await csrfFrom(base) });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Esta conta está em uso nas formas de pagamento da unidade.");
    expect(server.tessera.gateways.find("sandbox-centro")).not.toBeNull();
    await server.tessera.organizations.updateUnit(server.unit.id, {
      paymentMethods: [{ method: "pix", gatewayId: "sandbox", mode: "integrated" }],
    });
    const removed = await post(`${base}/sandbox-centro/delete`, { _csrf: await csrfFrom(base) });
    expect(removed.status).toBe(303);
    expect(server.tessera.gateways.find("sandbox-centro")).toBeNull();
    expect(await server.storage.providerAccounts.findById("sandbox-centro")).toBeNull();
  });

  it("gives staff the 403 page, another unit's manager a 404, and refuses a post without the CSRF token", async () => {
    const staff = await member("staff");
    const forbidden = await staff.get(base);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toContain("<h1>");
    const staffPost = await staff.post(base, newAccount(await staff.csrfFrom()));
    expect(staffPost.status).toBe(403);

    const sul = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Sul",
      slug: "aurora-sul",
    });
    const outsider = await member("manager", sul.id);
    expect((await outsider.get(base)).status).toBe(404);
    expect((await outsider.post(base, newAccount(await outsider.csrfFrom()))).status).toBe(404);

    const { post } = await owner();
    expect((await post(base, newAccount("forged"))).status).toBe(403);
    expect(await server.storage.providerAccounts.listByUnit(server.unit.id)).toEqual([]);

    // The unit's manager may: settings are owners' and managers'.
    const manager = await member("manager");
    expect((await manager.post(base, newAccount(await manager.csrfFrom(base)))).status).toBe(303);
  });

  it("offers the unit's own accounts in its payment methods, never another unit's", async () => {
    const { get, post, csrfFrom } = await owner();
    await post(base, newAccount(await csrfFrom(base)));
    const sul = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Sul",
      slug: "aurora-sul",
    });
    await post("/admin/u/aurora-sul/providers", newAccount(await csrfFrom(base), { id: "sandbox-sul" }));
    const settings = await (await get("/admin/u/aurora-centro/settings")).text();
    expect(settings).toContain('<option value="sandbox-centro"');
    expect(settings).not.toContain('<option value="sandbox-sul"');
    expect(settings).toContain(`href="${base}"`);
    expect((await server.tessera.providerAccounts.gatewayIds(sul.id)).sort()).toEqual([
      "sandbox",
      "sandbox-sul",
    ]);
  });
});

describe("provider accounts across restarts", () => {
  it("registers stored accounts on start; one sealed under another key is logged, skipped, and blocks nothing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tessera-providers-"));
    try {
      const keyA = new Uint8Array(randomBytes(32));
      const keyB = new Uint8Array(randomBytes(32));
      const start = async (credentialsKey: Uint8Array | null, publicUrl: string | null = null) => {
        const log = memoryLogger();
        const config = testConfig(dir, { credentialsKey, publicUrl });
        const parts = await composeServer(config, { logger: log.logger });
        const app = createApp({ ...parts, config, logger: log.logger });
        return { parts, log, app };
      };

      const first = await start(keyA);
      const seeded = await seedDemo(first.parts.tessera);
      if (!seeded.created) throw new Error("the demo was not seeded");
      const { owner, unit } = seeded;
      const actor = (await first.parts.tessera.staff.list(unit.organizationId)).find(
        (m) => m.role === "owner",
      )!;
      await first.parts.tessera.providerAccounts.create(actor, {
        unitId: unit.id,
        kind: "sandbox",
        id: "sandbox-a",
        label: "A",
        options: { webhookSecret: secret },
      });
      await first.parts.close();

      const second = await start(keyB);
      await second.parts.tessera.providerAccounts.create(actor, {
        unitId: unit.id,
        kind: "sandbox",
        id: "sandbox-b",
        label: "B",
        options: { webhookSecret: "the-b-secret-0123456789" },
      });
      await second.parts.close();

      const third = await start(keyA, "https://aurora.example/");
      try {
        const { tessera } = third.parts;
        expect(tessera.gateways.find("sandbox-a")).not.toBeNull();
        expect(tessera.gateways.find("sandbox-b")).toBeNull();
        const warning = third.log.records().find((record) => record["msg"] === "provider account skipped");
        expect(warning).toMatchObject({
          gatewayId: "sandbox-b",
          reason: "does_not_open",
          level: expect.anything(),
        });
        expect(third.log.lines.join("\n")).not.toContain(secret);
        expect(third.log.lines.join("\n")).not.toContain("the-b-secret");

        // The page still lists the account that does not open, and says what to do.
        const browser = await signInAs(third.app, owner.email, owner.password);
        const list = await (await browser.get("/admin/u/aurora-centro/providers")).text();
        expect(list).toContain("As credenciais desta conta não abrem com a chave atual do servidor.");
        expect(list).toContain('value="https://aurora.example/webhooks/sandbox-a"');

        // The stored account collects, and its webhooks arrive at its own address.
        await tessera.organizations.updateUnit(unit.id, {
          paymentMethods: [{ method: "pix", gatewayId: "sandbox-a", mode: "integrated" }],
        });
        const pass = (await tessera.plans.list(unit.id)).find((plan) => plan.kind === "pass")!;
        const outcome = await tessera.sales.start({
          unitId: unit.id,
          planId: pass.id,
          buyer: testBuyer,
          method: "pix",
          idempotencyKey: "provider-account-restart-0001",
          source: "online",
        });
        expect(outcome.payment?.gatewayId).toBe("sandbox-a");
        const gateway = tessera.gateways.get("sandbox-a") as SandboxGateway;
        expect(gateway.sandbox.webhookSecret).toBe(secret);
        gateway.sandbox.pay(outcome.payment!.idempotencyKey);
        const [notification] = gateway.sandbox.takeNotifications();
        const delivered = await third.app.request("/webhooks/sandbox-a", {
          method: "POST",
          headers: notification!.headers,
          body: notification!.rawBody,
        });
        expect(delivered.status).toBe(200);
        expect(await delivered.json()).toMatchObject({ accepted: true, applied: 1 });
        expect((await tessera.payments.get(outcome.payment!.id))?.status).toBe("succeeded");
      } finally {
        await third.parts.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keeps a generated credentials key in the data directory when none is configured", async () => {
    const stored = await readFile(join(server.config.dataDir, credentialsKeyFileName), "utf8");
    expect(stored.trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it("takes a PSP's certificate and key as uploaded files, keeps their lines, and never shows the key back", async () => {
    const { get, jar, csrfFrom } = await owner();
    const pki = createTestPki({ name: "Upload Test CA" });
    const client = pki.issueClient("tessera-upload");
    const page = await (await get(base)).text();
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toMatch(/<textarea id="new-pix-privateKey" name="options.privateKey"[^>]*><\/textarea>/);
    expect(page).toContain('type="file" id="new-pix-certificate-file" name="options.certificate.file"');
    expect(page).toContain("ou envie o arquivo (PEM: .crt, .pem, .key)");

    const form = new FormData();
    const fields: Record<string, string> = {
      _csrf: await csrfFrom(base),
      kind: "pix",
      id: "pix-centro",
      label: "PIX do Centro",
      "options.baseUrl": "https://pix.example-psp.com.br/api/v2",
      "options.tokenUrl": "https://pix.example-psp.com.br/oauth/token",
      "options.clientId": "client-123",
      "options.clientSecret": "s3cret-of-the-psp-0123",
      "options.clientAuthentication": "basic",
      "options.pixKey": "123e4567-e12b-12d1-a456-426655440000",
      "options.merchantName": "Estudio Aurora",
      "options.merchantCity": "SAO PAULO",
    };
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set("options.certificate.file", new File([client.certificate], "client.crt"));
    form.set("options.privateKey.file", new File([client.privateKey], "client.key"));
    form.set("options.webhookCa.file", new File([pki.caCertificate], "ca.crt"));
    const saved = await server.app.request(base, {
      method: "POST",
      headers: { cookie: jar.header() },
      body: form,
    });
    expect(saved.status, await saved.clone().text()).toBe(303);

    // The gateway was built from the uploaded PEMs (a key that lost its lines does not parse).
    const gateway = server.tessera.gateways.get("pix-centro");
    expect(
      gateway.capabilities.webhooks?.trustedClientCertificateIssuers.map((issuer) => issuer.name),
    ).toEqual([pki.caName]);
    const keyLine = client.privateKey.split("\n")[1] ?? "";
    const edit = await (await get(`${base}/pix-centro`)).text();
    expect(edit).not.toContain(keyLine);
    expect(edit).not.toContain("s3cret-of-the-psp");
    expect(edit).toContain("-----BEGIN CERTIFICATE-----");
  });
});
