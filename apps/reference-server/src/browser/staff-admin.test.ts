import { describe, expect, it } from "vitest";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { signInInBrowser } from "./staff-sign-in";

const harness = useBrowserHarness();

const readClipboard = () =>
  harness.page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );

const apiUnits = (secret: string) =>
  fetch(`${harness.server.origin}/api/v1/units`, { headers: { authorization: `Bearer ${secret}` } });

describe("the owner's staff and API key pages", () => {
  it("adds a member scoped to one unit, who then signs in and sees only that unit", async () => {
    const { page, server } = harness;
    await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Sul",
      slug: "aurora-sul",
    });
    await signInInBrowser(page, server.demoOwner);
    await page.getByRole("link", { name: "Equipe" }).click();
    await page.getByRole("heading", { level: 1, name: "Equipe" }).waitFor();
    await page.getByLabel("Nome").fill("Recepção Centro");
    await page.getByLabel("E-mail").fill("recepcao@aurora.example");
    await page.getByLabel("Função").selectOption({ label: "Equipe" });
    await page.getByLabel("Acesso").selectOption({ label: `Unidade ${server.unit.name}` });
    await page.getByLabel("Senha inicial").fill("uma-senha-bem-longa");
    await page.getByRole("button", { name: "Adicionar" }).click();
    await page.getByRole("status").filter({ hasText: "Recepção Centro foi adicionado(a)." }).waitFor();
    const table = page.getByRole("table", { name: "Pessoas da equipe" });
    expect(await table.getByRole("row").count()).toBe(3);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Sair" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/login");
    await signInInBrowser(page, { email: "recepcao@aurora.example", password: "uma-senha-bem-longa" });
    const body = await page.textContent("main");
    expect(body).toContain(server.unit.name);
    expect(body).not.toContain("Aurora Sul");
    expect(await page.getByRole("link", { name: "Equipe" }).count()).toBe(0);
    expect((await page.goto("/admin/u/aurora-sul/plans"))?.status()).toBe(404);
  });

  it("makes an API key, copies its secret, uses it on /api/v1, and revokes it", async () => {
    const { page, context, server } = harness;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    await signInInBrowser(page, server.demoOwner);
    await page.getByRole("link", { name: "Chaves de API" }).click();
    await page.getByLabel("Nome").fill("Site WordPress");
    await page.getByLabel("Função").selectOption({ label: "Equipe" });
    await page.getByLabel("Acesso").selectOption({ label: "Toda a organização" });
    await page.getByRole("button", { name: "Criar chave" }).click();
    await page.getByRole("heading", { level: 1, name: "Chave Site WordPress criada" }).waitFor();
    await expectAccessible(page);

    await page.getByRole("button", { name: "Copiar chave" }).click();
    await page.getByRole("button", { name: "Copiado" }).waitFor();
    const secret = await readClipboard();
    expect(secret).toMatch(/^tsk_key_/);
    expect(await page.getByLabel("Chave secreta").inputValue()).toBe(secret);
    const used = await apiUnits(secret);
    expect(used.status).toBe(200);
    expect(JSON.stringify(await used.json())).toContain(server.unit.id);

    await page.getByRole("link", { name: "Voltar para as chaves" }).click();
    expect(await page.textContent("main")).not.toContain(secret);
    const revoke = page.getByRole("form", { name: "Revogar Site WordPress" });
    await revoke.getByRole("checkbox").check();
    await revoke.getByRole("button", { name: "Revogar" }).click();
    await page.getByRole("status").filter({ hasText: "A chave Site WordPress foi revogada" }).waitFor();
    expect((await apiUnits(secret)).status).toBe(401);

    await page.getByRole("link", { name: "Auditoria" }).click();
    const log = page.getByRole("table", { name: "Registro de auditoria, do mais recente ao mais antigo" });
    await log.waitFor();
    const actions = await log.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(actions.slice(0, 2)).toEqual(["api_key.revoked", "api_key.created"]);
    await expectAccessible(page);
  });
});
