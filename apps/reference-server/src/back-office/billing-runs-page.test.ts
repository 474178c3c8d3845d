import { createIdGenerator } from "@tessera/core";
import { createManualClock, type ManualClock } from "@tessera/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "../http/staff-session";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";
import { billedMonth, billingTestStart } from "./billing-run-test-day";
import { formatDuration } from "./billing-runs-page";

let server: ComposedTestServer;
let clock: ManualClock;
beforeEach(async () => {
  clock = createManualClock(billingTestStart);
  server = await composedTestServer({}, { clock });
});
afterEach(async () => {
  await server.cleanup();
});

const page = "/admin/u/aurora-centro/billing";
const password = "uma-senha-bem-longa";
// Signed in after the clock moved: a session does not outlive the month the tests skip.
const owner = () => signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
const htmlOf = async (path: string) => (await (await owner()).get(path)).text();
/** The counts a run's entry lists, as label → value. */
const countsOf = (html: string) =>
  [...html.matchAll(/<dt>([^<]+)<\/dt><dd>(\d+)<\/dd>/g)].map(([, label, value]) => [label, Number(value)]);

describe("the billing runs page", () => {
  it("lists what the run did, in the unit's timezone and the member's language, leaving zeros out", async () => {
    const { report } = await billedMonth(server, clock, "worker-centro-1");
    expect(report.outcomes).toMatchObject({ paid: 1, link_issued: 1, declined: 0, error: 0 });

    const html = await htmlOf(page);
    expect(html).toContain("<h1>Cobrança automática de Estúdio Aurora — Centro</h1>");
    // 12:00 UTC is 9:00 in São Paulo.
    expect(html).toContain(
      '<time datetime="2026-02-15T12:00:00.000Z">15 de fevereiro de 2026 às 09:00</time>',
    );
    expect(html).toContain("2 parcelas analisadas · levou 0 ms · por worker-centro-1");
    expect(countsOf(html)).toEqual([
      ["Pagas", 1],
      ["Links de pagamento enviados", 1],
    ]);
    expect(html).not.toContain("Erros desta execução");
    expect(html).toContain(
      "Uma cobrança sem sucesso é repetida 1, 3 e 7 dias após o vencimento; depois da última, o contrato fica em atraso",
    );
    expect(html).toContain(
      '<a href="/admin/u/aurora-centro/settings">Alterar nas configurações da unidade</a>',
    );

    const english = await htmlOf(`${page}?lang=en`);
    expect(english).toContain("February 15, 2026 at 9:00 AM");
    expect(english).toContain("2 installments looked at · took 0 ms · by worker-centro-1");
    expect(countsOf(english)).toEqual([
      ["Paid", 1],
      ["Payment links sent", 1],
    ]);
    expect(english).toContain("A failed charge is retried 1, 3, and 7 days after the due date");
  });

  it("says so when a run charged nothing: it only looked at a line whose PIX is still open", async () => {
    await billedMonth(server, clock, "worker-centro-1");
    clock.advance(24 * 3600_000);
    const retry = await server.tessera.billing.run({ unitId: server.unit.id, owner: "worker-centro-2" });
    expect(retry.outcomes.in_progress).toBe(1);
    const [newest] = (await htmlOf(page)).split('<li class="summary" data-billing-run=').slice(1);
    expect(newest).toContain("1 parcela analisada · levou 0 ms · por worker-centro-2");
    expect(newest).toContain("<p>Nada foi cobrado nesta execução.</p>");
    expect(countsOf(newest!)).toEqual([]);
  });

  it("is linked from the unit's nav", async () => {
    const contracts = await htmlOf("/admin/u/aurora-centro/contracts");
    expect(contracts).toContain('<a href="/admin/u/aurora-centro/billing">Cobrança automática</a>');
  });

  it("says no run has charged anything yet — a run that found nothing leaves no entry — and a unit that does not retry", async () => {
    await server.tessera.organizations.updateUnit(server.unit.id, { dunningRetryDays: [] });
    const idle = await server.tessera.billing.run({ unitId: server.unit.id, owner: "worker-idle" });
    expect(idle.claimed).toBe(0);
    const html = await htmlOf(page);
    expect(html).toContain("Nenhuma execução da cobrança automática cobrou nada ainda.");
    expect(html).not.toContain("data-billing-run");
    expect(html).toContain(
      "Esta unidade não repete cobranças: uma cobrança sem sucesso deixa o contrato em atraso.",
    );
    expect(await htmlOf(`${page}?lang=en`)).toContain("No billing run has charged anything yet.");
  });

  it("shows each error's message, with a link to its installment's contract when it is found", async () => {
    const { ana } = await billedMonth(server, clock, "worker-centro-1");
    const third = (await server.storage.installments.listByContract(ana.id)).find(
      (line) => line.sequence === 3,
    )!;
    // A run that met a storage failure on Ana's third installment and on one no contract holds.
    const ids = createIdGenerator(() => Date.parse(clock.now()));
    clock.advance(24 * 3600_000);
    const startedAt = clock.now();
    const finishedAt = new Date(Date.parse(startedAt) + 4_200).toISOString();
    const report = {
      ...structuredClone((await server.tessera.billing.history(server.unit.id, 1))[0]!.report),
      startedAt,
      finishedAt,
      claimed: 2,
    };
    report.outcomes = { ...report.outcomes, paid: 0, link_issued: 0, error: 2 };
    report.errors = [
      { installmentId: third.id, message: "database is locked" },
      { installmentId: "ins_01JQ0000000000000000000000", message: "<script>alert(1)</script>" },
    ];
    await server.storage.billingRuns.append({
      id: ids("billingRun"),
      unitId: server.unit.id,
      owner: "worker-centro-2",
      startedAt,
      finishedAt,
      report,
    });

    const html = await htmlOf(page);
    const [newest, older] = html.split('<li class="summary" data-billing-run=').slice(1);
    expect(newest).toContain("16 de fevereiro de 2026 às 09:00");
    expect(newest).toContain("2 parcelas analisadas · levou 4,2 s · por worker-centro-2");
    expect(countsOf(newest!)).toEqual([["Erros", 2]]);
    expect(newest).toContain("Erros desta execução");
    expect(newest).toContain(
      `<p class="form-error">database is locked</p><p><a href="/admin/u/aurora-centro/contracts/${ana.id}">Abrir o contrato</a> · Parcela ${third.id}</p>`,
    );
    // A message is text, never markup; an installment no contract holds has no link.
    expect(newest).toContain(
      '<p class="form-error">&lt;script&gt;alert(1)&lt;/script&gt;</p><p>Parcela ins_01JQ0000000000000000000000</p>',
    );
    expect(countsOf(older!)).toEqual([
      ["Pagas", 1],
      ["Links de pagamento enviados", 1],
    ]);
  });

  it("answers 404 to a member of another unit, as every unit page; a staff member reads it without the settings link", async () => {
    await billedMonth(server, clock, "worker-centro-1");
    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Sul",
      slug: "aurora-sul",
    });
    for (const [email, scope, role] of [
      ["sul@aurora.example", other.id, "manager"],
      ["recepcao@aurora.example", server.unit.id, "staff"],
    ] as const) {
      await server.tessera.staff.create({
        organizationId: server.unit.organizationId,
        name: email,
        email,
        password,
        role,
        scope: { kind: "unit", unitId: scope },
      });
    }

    const outsider = await signInAs(server.app, "sul@aurora.example", password);
    const refused = await outsider.get(page);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain("worker-centro-1");
    // Their own unit's page lists their unit's runs: none.
    const theirs = await (await outsider.get("/admin/u/aurora-sul/billing")).text();
    expect(theirs).toContain("Nenhuma execução da cobrança automática cobrou nada ainda.");

    const reception = await signInAs(server.app, "recepcao@aurora.example", password);
    const read = await reception.get(page);
    expect(read.status).toBe(200);
    const html = await read.text();
    expect(html).toContain("por worker-centro-1");
    expect(html).toContain("1, 3 e 7 dias");
    expect(html).not.toContain("/settings");
  });
});

describe("formatDuration", () => {
  it("says a run's time in the unit that reads best", () => {
    expect(formatDuration(350, "pt-BR")).toBe("350 ms");
    expect(formatDuration(4_200, "pt-BR")).toBe("4,2 s");
    expect(formatDuration(150_000, "pt-BR")).toBe("2,5 min");
    expect(formatDuration(4_200, "en")).toBe("4.2 sec");
  });
});
