import { calendarDateInZone } from "@tessera/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "../../http/staff-session";
import { type ComposedTestServer, composedTestServer } from "../../http/test-app";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const owner = async () => {
  const browser = await signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
  return { ...browser, csrf: await browser.csrfFrom("/admin/audit") };
};

/** The rows of the audit table: each cell's text. */
function rowsOf(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!.replace(/<[^>]+>/g, "").trim()),
  );
}

describe("the audit log page", () => {
  it("shows an action made through the API and one made on a page, with who, what, which record and from where", async () => {
    const { get, csrf, jar } = await owner();
    const { secret, apiKey } = await server.tessera.apiKeys.create({
      organizationId: server.unit.organizationId,
      name: "ERP da rede",
      role: "manager",
      scope: { kind: "organization" },
      createdBy: (await server.tessera.staff.list(server.unit.organizationId))[0]!.id,
    });
    const byApi = await server.app.request(`/api/v1/units/${server.unit.id}/plans`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${secret}`,
        "content-type": "application/json",
        "x-forwarded-for": "203.0.113.7",
      },
      body: JSON.stringify({ name: "Trimestral", price: { amount: 35_000, currency: "BRL" } }),
    });
    expect(byApi.status).toBe(201);
    const plan = (await byApi.json()) as { id: string };

    const byPage = await server.app.request(
      `/admin/u/${server.unit.slug}/plans/${server.plans[0]!.id}/archive`,
      {
        method: "POST",
        headers: {
          cookie: (
            await signInAs(server.app, server.demoOwner.email, server.demoOwner.password)
          ).jar.header(),
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ _csrf: "" }),
      },
    );
    expect(byPage.status).toBe(403);
    const archived = await server.app.request(
      `/admin/u/${server.unit.slug}/plans/${server.plans[0]!.id}/archive`,
      {
        method: "POST",
        headers: {
          cookie: jar.header(),
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": "198.51.100.4, 10.0.0.1",
        },
        body: new URLSearchParams({ _csrf: csrf }),
      },
    );
    expect(archived.status).toBe(303);
    const page = await get("/admin/audit");
    expect(page.status).toBe(200);
    const html = await page.text();
    const rows = rowsOf(html);
    const apiRow = rows.find((row) => row[2] === "plan.created");
    expect(apiRow).toEqual([
      expect.stringMatching(/\d{2}:\d{2}/),
      "ERP da rede (chave de API)",
      "plan.created",
      `plan ${plan.id}`,
      "203.0.113.7",
      "",
    ]);
    const pageRow = rows.find((row) => row[2] === "plan.archived");
    const ownerName = (await server.tessera.staff.list(server.unit.organizationId))[0]!.name;
    expect(pageRow?.[1]).toBe(`${ownerName} (equipe)`);
    expect(pageRow?.[3]).toBe(`plan ${server.plans[0]!.id}`);
    // Every page's action is recorded with where it came from (the plan pages' were not).
    expect(pageRow?.[4]).toBe("198.51.100.4");
    expect(rows.some((row) => row[2] === "staff.signed_in")).toBe(true);
    // The times are read in the unit's zone, named.
    expect(html).toContain('<option value="America/Sao_Paulo" selected>');

    const onlyKey = rowsOf(await (await get(`/admin/audit?actor=api_key:${apiKey.id}`)).text());
    expect(onlyKey.map((row) => row[2])).toEqual(["plan.created"]);
    const onlyArchive = rowsOf(await (await get("/admin/audit?action=plan.archived")).text());
    expect(onlyArchive.map((row) => row[2])).toEqual(["plan.archived"]);
  });

  it("filters by a period of days in the chosen zone, and answers bad filters beside their fields", async () => {
    const { get } = await owner();
    const today = calendarDateInZone(new Date(), "America/Sao_Paulo");
    const inToday = rowsOf(await (await get(`/admin/audit?from=${today}&to=${today}`)).text());
    expect(inToday.map((row) => row[2])).toContain("staff.signed_in");
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const before = await (await get(`/admin/audit?from=2020-01-01&to=${yesterday}`)).text();
    expect(rowsOf(before)).toEqual([]);
    expect(before).toContain("Nenhum registro com estes filtros.");

    const reversed = await get(`/admin/audit?from=${today}&to=2020-01-01`);
    expect(reversed.status).toBe(422);
    expect(await reversed.text()).toContain("O fim do período vem antes do início.");
    const notADate = await get("/admin/audit?from=2026-02-30");
    expect(notADate.status).toBe(422);
    expect(await notADate.text()).toContain("Informe uma data válida.");
    const badAction = await get("/admin/audit?action=Plano%20Mudou");
    expect(badAction.status).toBe(422);
    expect(await badAction.text()).toContain("palavras minúsculas unidas por pontos");
    // A zone none of the units has falls back to the units' own.
    expect(await (await get("/admin/audit?tz=Asia/Tokyo")).text()).toContain(
      '<option value="America/Sao_Paulo" selected>',
    );
    expect(await (await get("/admin/audit?tz=UTC")).text()).toContain('<option value="UTC" selected>');
  });

  it("pages older entries with the log's cursor, keeping the filter", async () => {
    const { get } = await owner();
    const actor = (await server.tessera.staff.list(server.unit.organizationId))[0]!;
    for (let n = 0; n < 55; n++) {
      await server.tessera.audit.record({
        organizationId: server.unit.organizationId,
        actor: { kind: "staff", id: actor.id },
        action: "plan.updated",
        subject: { kind: "plan", id: server.plans[0]!.id },
        details: { n },
      });
    }
    const first = await (await get("/admin/audit?action=plan.updated")).text();
    const firstRows = rowsOf(first);
    expect(firstRows).toHaveLength(50);
    expect(firstRows[0]?.[5]).toBe("n: 54");
    const next = /<a href="([^"]+)" rel="next">/.exec(first)?.[1]?.replaceAll("&amp;", "&");
    expect(next).toMatch(/^\/admin\/audit\?action=plan.updated&tz=America%2FSao_Paulo&cursor=aud_/);
    const second = await (await get(next!)).text();
    expect(rowsOf(second).map((row) => row[5])).toEqual(["n: 4", "n: 3", "n: 2", "n: 1", "n: 0"]);
    expect(second).not.toContain('rel="next"');
    expect(second).toContain("Voltar aos mais recentes");
    // A cursor typed by hand starts again from the newest.
    expect(rowsOf(await (await get("/admin/audit?cursor=nada")).text())[0]?.[2]).toBe("plan.updated");
  });
});
