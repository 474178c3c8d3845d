import { createManualClock, type ManualClock } from "@tessera/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hiddenField, signInAs } from "../http/staff-session";
import { type ComposedTestServer, composedTestServer, demoPixSale, testBuyer } from "../http/test-app";
import { buyerJoao, cardSale } from "./reports/report-test-sales";

let server: ComposedTestServer;
let clock: ManualClock;
beforeEach(async () => {
  // 2026-01-15, 9:00 in São Paulo: the demo unit's day.
  clock = createManualClock("2026-01-15T12:00:00.000Z");
  server = await composedTestServer({}, { clock });
});
afterEach(async () => {
  await server.cleanup();
});

const base = "/admin/u/aurora-centro";
const day = 24 * 3600_000;
const owner = () => signInAs(server.app, server.demoOwner.email, server.demoOwner.password);

/** The hidden fields of the form posting to `action` on a page: its CSRF token and idempotency key. */
function formOf(html: string, action: string): { _csrf: string; idempotencyKey: string } {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`the page has no form posting to ${action}`);
  const form = html.slice(start, html.indexOf("</form>", start));
  return { _csrf: hiddenField(form, "_csrf"), idempotencyKey: hiddenField(form, "idempotencyKey") };
}

/** The demo's Anual (12 monthly installments of R$ 159,90) sold by PIX today and paid: its contract. */
async function paidAnnual(key: string) {
  const annual = server.plans.find((plan) => plan.name === "Anual")!;
  const sale = await server.tessera.sales.start({
    unitId: server.unit.id,
    planId: annual.id,
    buyer: testBuyer,
    method: "pix",
    idempotencyKey: key,
    source: "online",
  });
  server.sandbox.sandbox.pay(sale.payment!.idempotencyKey);
  await server.tessera.payments.refresh(sale.payment!.id);
  return { contract: sale.contract, path: `${base}/contracts/${sale.contract.id}` };
}

const linesOf = async (contractId: Parameters<typeof server.storage.installments.listByContract>[0]) =>
  (await server.storage.installments.listByContract(contractId)).map((line) => ({
    sequence: line.sequence,
    kind: line.kind,
    status: line.status,
    amount: line.amount.amount,
    dueDate: line.dueDate,
  }));

describe("canceling a contract in the back office", () => {
  it("ends it on the day typed: the unpaid period it falls in becomes its closing pro-rata, the rest is canceled — once for a form sent twice", async () => {
    const { contract, path } = await paidAnnual("cancel-page-annual-0001");
    const { get, post } = await owner();
    const page = await (await get(path)).text();
    expect(page).toContain("Cancelar o contrato");
    expect(page).toMatch(/id="contract-end-on" name="on" type="date" value="2026-01-15"/);
    const form = formOf(page, `${path}/cancellation`);
    expect(form.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    // The second period runs 2026-02-15 to 2026-03-14 (28 days); ending on 02-21 uses 7 of them.
    const sent = { ...form, on: "2026-02-21", reason: "mudou de cidade", confirm: "yes" };
    const first = await post(`${path}/cancellation`, sent);
    expect(first.status).toBe(303);
    const after = await (await get(first.headers.get("location")!)).text();
    expect(after).toContain("Contrato cancelado. Último dia: 21 de fevereiro de 2026.");
    expect(after).toMatch(
      /<strong>R\$\s39,98<\/strong> · Proporcional de encerramento · Vence em 21 de fevereiro de 2026 · Aguardando/,
    );
    expect(after).toContain("<dd>Cancelado</dd>");
    expect(after).not.toContain(`action="${path}/cancellation"`);

    // A double click, a reload of the post: the form's key answers the first cancellation.
    const again = await post(`${path}/cancellation`, sent);
    expect(again.status).toBe(303);
    const lines = await linesOf(contract.id);
    expect(lines.filter((line) => line.kind === "closing_prorata")).toEqual([
      { sequence: 2, kind: "closing_prorata", status: "awaiting", amount: 3_998, dueDate: "2026-02-21" },
    ]);
    expect(lines.filter((line) => line.status === "confirmed").map((line) => line.sequence)).toEqual([1]);
    expect(lines.filter((line) => line.status === "canceled")).toHaveLength(11);
    const stored = await server.storage.contracts.findById(contract.id);
    expect(stored).toMatchObject({ status: "canceled", endDate: "2026-02-21", nextPeriodOn: null });

    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 10 });
    const canceled = audit.items.filter((entry) => entry.action === "contract.canceled");
    expect(canceled.map((entry) => entry.details["replayed"])).toEqual([true, false]);
    expect(canceled[1]).toMatchObject({
      actor: { kind: "staff" },
      subject: { kind: "contract", id: contract.id },
      details: { on: "2026-02-21", reason: "mudou de cidade", canceledLines: 11, closingAmount: 3_998 },
    });

    // A new form for a contract that has ended (a page left open in another tab): refused, said why.
    const stale = await post(`${path}/cancellation`, {
      ...sent,
      idempotencyKey: "cancel-page-annual-other-tab",
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Este contrato já terminou: Cancelado.");
    expect(await linesOf(contract.id)).toEqual(lines);
  });

  it("refuses the form without its confirmation or with a day that is not one, beside the input, in the member's language", async () => {
    const { contract, path } = await paidAnnual("cancel-page-annual-0002");
    const { get, post } = await owner();
    const form = formOf(await (await get(path)).text(), `${path}/cancellation`);
    const unconfirmed = await post(`${path}/cancellation`, { ...form, on: "2026-01-20", reason: "" });
    expect(unconfirmed.status).toBe(422);
    const html = await unconfirmed.text();
    expect(html).toContain('id="contract-end-confirm-error">Marque a confirmação para cancelar o contrato.');
    // Nothing was written under the key: the form shown again keeps it, and what was typed.
    expect(formOf(html, `${path}/cancellation`).idempotencyKey).toBe(form.idempotencyKey);
    expect(html).toContain('value="2026-01-20"');

    const badDay = await post(`${path}/cancellation`, { ...form, on: "2026-02-31", confirm: "yes" });
    expect(badDay.status).toBe(422);
    expect(await badDay.text()).toContain('id="contract-end-on-error">Informe uma data válida.');

    const english = await post(`${path}/cancellation?lang=en`, { ...form, on: "", reason: "" });
    expect(english.status).toBe(422);
    expect(await english.text()).toContain("Tick the confirmation to cancel the contract.");
    expect((await server.storage.contracts.findById(contract.id))?.status).toBe("active");
  });

  it("says an attempt still open must be canceled first, and cancels with the same form once it is", async () => {
    const payment = await demoPixSale(server, "cancel-page-pending-0001");
    const sale = await server.tessera.sales.outcome(payment.id);
    const path = `${base}/contracts/${sale.contract.id}`;
    const { get, post } = await owner();
    const form = { ...formOf(await (await get(path)).text(), `${path}/cancellation`), confirm: "yes" };
    const busy = await post(`${path}/cancellation`, form);
    expect(busy.status).toBe(409);
    const html = await busy.text();
    expect(html).toContain("Há uma tentativa de pagamento em aberto para uma parcela");
    expect(html).not.toMatch(/at \S+\.ts:\d+/);
    expect(formOf(html, `${path}/cancellation`).idempotencyKey).toBe(form.idempotencyKey);
    expect((await server.storage.contracts.findById(sale.contract.id))?.status).toBe("pending_payment");

    await server.tessera.payments.cancelAttempt(payment.id);
    const done = await post(`${path}/cancellation`, form);
    expect(done.status).toBe(303);
    // Never paid, it owes nothing: every line canceled, no closing line.
    expect((await linesOf(sale.contract.id)).map((line) => [line.kind, line.status])).toEqual([
      ["period", "canceled"],
    ]);
  });

  it("takes the session's CSRF token, and answers 404 to a member of another unit; a staff-role member of the unit may cancel", async () => {
    const { contract, path } = await paidAnnual("cancel-page-annual-0003");
    const { get, post } = await owner();
    const form = { ...formOf(await (await get(path)).text(), `${path}/cancellation`), confirm: "yes" };
    expect((await post(`${path}/cancellation`, { ...form, _csrf: "forged" })).status).toBe(403);
    const { _csrf: _dropped, ...withoutToken } = form;
    expect((await post(`${path}/cancellation`, withoutToken)).status).toBe(403);

    const other = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Sul",
      slug: "aurora-sul",
    });
    const password = "uma-senha-bem-longa";
    for (const [email, role, unitId] of [
      ["sul@aurora.example", "manager", other.id],
      ["recepcao@aurora.example", "staff", server.unit.id],
    ] as const) {
      await server.tessera.staff.create({
        organizationId: server.unit.organizationId,
        name: email,
        email,
        password,
        role,
        scope: { kind: "unit", unitId },
      });
    }
    const outsider = await signInAs(server.app, "sul@aurora.example", password);
    const theirs = { ...form, _csrf: await outsider.csrfFrom() };
    expect((await outsider.post(`${path}/cancellation`, theirs)).status).toBe(404);
    const crossed = `/admin/u/aurora-sul/contracts/${contract.id}/cancellation`;
    expect((await outsider.post(crossed, theirs)).status).toBe(404);
    expect((await server.storage.contracts.findById(contract.id))?.status).toBe("active");

    // Every member who sees the contract may end it, as they may refund it (docs/back-office-sales.md).
    const reception = await signInAs(server.app, "recepcao@aurora.example", password);
    const receptionForm = formOf(await (await reception.get(path)).text(), `${path}/cancellation`);
    const ended = await reception.post(`${path}/cancellation`, { ...receptionForm, confirm: "yes", on: "" });
    expect(ended.status).toBe(303);
    // Left empty, the day is today in the unit's timezone.
    expect(await server.storage.contracts.findById(contract.id)).toMatchObject({
      status: "canceled",
      endDate: "2026-01-15",
    });
  });
});

describe("the collection on the contract page", () => {
  it("shows the unit's retry days and each line's failed attempts and next attempt, then past due with no more retries", async () => {
    const { contract, path } = await paidAnnual("dunning-page-annual-0001");
    // Signed in afresh each time: a session does not outlive the weeks the clock moves.
    const pageOf = async (address: string) => (await (await owner()).get(address)).text();
    const calm = await pageOf(path);
    expect(calm).toContain(
      "Esta unidade repete uma cobrança sem sucesso 1, 3 e 7 dias após o vencimento; depois da última, o contrato fica em atraso.",
    );
    expect(calm).not.toContain("Tentativas sem sucesso");

    // The second installment falls due on 2026-02-15; each run issues a PIX nobody pays
    // (an issued link counts as an attempt), which is dropped before the next run.
    clock.advance(32 * day);
    expect((await server.tessera.billing.run({ unitId: server.unit.id })).outcomes.link_issued).toBe(1);
    const second = async () =>
      (await server.storage.installments.listByContract(contract.id)).find((line) => line.sequence === 2)!;
    expect(await second()).toMatchObject({ failedAttempts: 1, nextAttemptOn: "2026-02-17" });
    const tried = await pageOf(path);
    expect(tried).toMatch(
      /Tentativas sem sucesso<\/dt><dd>1<\/dd>\s*<dt>Próxima tentativa<\/dt><dd>17 de fevereiro de 2026<\/dd>/,
    );

    for (let run = 0; run < 8; run++) {
      const line = await second();
      if ((await server.storage.contracts.findById(contract.id))?.status === "past_due") break;
      for (const attempt of await server.storage.payments.listByInstallment(line.id)) {
        if (attempt.status === "pending") await server.tessera.payments.cancelAttempt(attempt.id);
      }
      clock.set(`${line.nextAttemptOn}T12:00:00.000Z`);
      await server.tessera.billing.run({ unitId: server.unit.id });
    }
    expect(await server.storage.contracts.findById(contract.id)).toMatchObject({ status: "past_due" });
    expect(await second()).toMatchObject({ failedAttempts: 4, nextAttemptOn: "9999-12-31" });

    const pastDue = await pageOf(path);
    expect(pastDue).toContain('<strong class="badge badge-alert">Em atraso</strong>');
    expect(pastDue).toContain("Em atraso: as tentativas automáticas acabaram");
    expect(pastDue).toMatch(
      /Tentativas sem sucesso<\/dt><dd>4<\/dd>\s*<dt>Próxima tentativa<\/dt><dd>sem novas tentativas<\/dd>/,
    );
    // A past-due contract may still be canceled.
    expect(pastDue).toContain(`action="${path}/cancellation"`);
    const english = await pageOf(`${path}?lang=en`);
    expect(english).toContain("<dd>no more retries</dd>");
    expect(english).toContain('<strong class="badge badge-alert">Past due</strong>');
  });

  it("shows the last failed attempt's words and day, and a unit that does not retry", async () => {
    await server.tessera.organizations.updateUnit(server.unit.id, { dunningRetryDays: [] });
    const declined = await cardSale(server, {
      plan: "Mensal",
      buyer: buyerJoao,
      card: "insufficientFunds",
      key: "dunning-page-declined-0001",
    });
    expect(declined.status).toBe("declined");
    const { get } = await owner();
    const html = await (await get(`${base}/contracts/${declined.contract.id}`)).text();
    expect(html).toMatch(/Último erro, em 15 de janeiro de 2026 às 09:00: Insufficient funds\./);
    expect(html).toContain(
      "Esta unidade não repete cobranças: uma cobrança sem sucesso deixa o contrato em atraso.",
    );
  });
});
