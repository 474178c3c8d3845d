import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hiddenField, signInAs } from "../http/staff-session";
import { type ComposedTestServer, composedTestServer, demoPixSale, testBuyer } from "../http/test-app";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const owner = () => signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
const base = "/admin/u/aurora-centro";

/** A PIX sale of the demo's pass to another buyer, as the online checkout makes it. */
async function saleTo(buyer: typeof testBuyer, key: string, source: "online" | "staff" = "online") {
  const pass = server.plans.find((plan) => plan.kind === "pass")!;
  const outcome = await server.tessera.sales.start({
    unitId: server.unit.id,
    planId: pass.id,
    buyer,
    method: "pix",
    idempotencyKey: key,
    source,
  });
  return outcome;
}

const joao = {
  name: "João Conceição",
  email: "joao@example.com",
  document: { kind: "cpf" as const, value: "111.444.777-35" },
  phone: "+55 21 97777-1234",
};

describe("the back office's customers", () => {
  it("finds a customer by a part of the name without accents, by CPF with or without punctuation, by phone", async () => {
    await demoPixSale(server, "sales-page-ana-0001");
    await saleTo(joao, "sales-page-joao-0001");
    const { get } = await owner();
    const names = async (query: string) => {
      const response = await get(`${base}/customers?${new URLSearchParams({ q: query })}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      return ["Ana Souza", "João Conceição"].filter((name) => html.includes(`>${name}</a>`));
    };
    expect(await names("")).toEqual(["Ana Souza", "João Conceição"]);
    expect(await names("joao conc")).toEqual(["João Conceição"]);
    expect(await names("SOUZA")).toEqual(["Ana Souza"]);
    expect(await names("111.444.777-35")).toEqual(["João Conceição"]);
    expect(await names("52998224725")).toEqual(["Ana Souza"]);
    expect(await names("(21) 97777")).toEqual(["João Conceição"]);
    expect(await names("ninguém")).toEqual([]);
  });

  it("shows a customer's data, status, source and contracts in the unit; another organization's customer is 404", async () => {
    const sale = await saleTo(joao, "sales-page-joao-0002");
    const { get } = await owner();
    const page = await get(`${base}/customers/${sale.customer.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("joao@example.com");
    expect(html).toContain("Contratação online");
    expect(html).toContain(`href="${base}/contracts/${sale.contract.id}"`);

    const org = await server.tessera.organizations.createOrganization({ name: "Outro estúdio" });
    const stranger = await server.tessera.customers.register({
      organizationId: org.id,
      name: "Estranho",
      email: "estranho@example.com",
    });
    expect((await get(`${base}/customers/${stranger.customer.id}`)).status).toBe(404);
    expect((await get(`${base}/customers/cus_nonsense`)).status).toBe(404);
  });
});

describe("the back office's contracts", () => {
  it("filters by origin and payment status, warns of a pending payment, and pages", async () => {
    const online = await saleTo(joao, "sales-page-online-0001");
    const staffSale = await saleTo(testBuyer, "sales-page-staff-0001", "staff");
    server.sandbox.sandbox.pay(staffSale.payment!.idempotencyKey);
    await server.tessera.payments.refresh(staffSale.payment!.id);
    const { get } = await owner();
    const ids = async (query: Record<string, string>) => {
      const response = await get(`${base}/contracts?${new URLSearchParams(query)}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      return [...html.matchAll(/href="\/admin\/u\/aurora-centro\/contracts\/(ctr_\w+)"/g)].map((m) => m[1]);
    };
    expect(await ids({})).toEqual([staffSale.contract.id, online.contract.id]);
    expect(await ids({ origin: "online" })).toEqual([online.contract.id]);
    expect(await ids({ origin: "staff" })).toEqual([staffSale.contract.id]);
    expect(await ids({ paymentStatus: "pending" })).toEqual([online.contract.id]);
    expect(await ids({ paymentStatus: "error" })).toEqual([]);
    const listed = await (await get(`${base}/contracts?paymentStatus=pending`)).text();
    expect(listed).toContain("Pagamento pendente");

    const today = online.contract.startDate;
    expect(await ids({ from: today, to: today })).toHaveLength(2);
    expect(await ids({ to: "2000-01-01" })).toEqual([]);
    const reversed = await get(`${base}/contracts?from=${today}&to=2000-01-01`);
    expect(reversed.status).toBe(422);
    expect(await reversed.text()).toMatch(
      /id="contracts-to-error">A data final não pode ser antes da inicial/,
    );
    const bad = await get(`${base}/contracts?from=2026-02-31`);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toMatch(/id="contracts-from-error">Informe uma data válida/);

    for (let n = 0; n < 24; n++) await saleTo(joao, `sales-page-more-${String(n).padStart(4, "0")}`);
    const first = await (await get(`${base}/contracts`)).text();
    const firstIds = [...first.matchAll(/href="\/admin\/u\/aurora-centro\/contracts\/(ctr_\w+)"/g)].map(
      (m) => m[1],
    );
    expect(firstIds).toHaveLength(25);
    const next = /href="([^"]+)" rel="next"/.exec(first)?.[1]?.replaceAll("&amp;", "&");
    expect(next).toBeDefined();
    const second = await (await get(next!)).text();
    const secondIds = [...second.matchAll(/href="\/admin\/u\/aurora-centro\/contracts\/(ctr_\w+)"/g)].map(
      (m) => m[1],
    );
    expect(secondIds).toHaveLength(1);
    expect(new Set([...firstIds, ...secondIds]).size).toBe(26);
    expect(second).not.toContain('rel="next"');
  });

  it("refreshes a PIX the payer paid: the attempt is paid, the action audited", async () => {
    const payment = await demoPixSale(server, "sales-page-refresh-0001");
    const sale = await server.tessera.sales.outcome(payment.id);
    server.sandbox.sandbox.pay(payment.idempotencyKey);
    const { get, post } = await owner();
    const page = await (await get(`${base}/contracts/${sale.contract.id}`)).text();
    expect(page).toContain("Atualizar pelo provedor");
    const answer = await post(`${base}/contracts/${sale.contract.id}/payments/${payment.id}/refresh`, {
      _csrf: hiddenField(page, "_csrf"),
    });
    expect(answer.status).toBe(303);
    const after = await (await get(answer.headers.get("location")!)).text();
    expect(after).toContain("Pagamento atualizado: Pago.");
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("succeeded");
    const audit = await server.tessera.audit.list(server.unit.organizationId);
    expect(audit.items[0]).toMatchObject({ action: "payment.refreshed", subject: { id: payment.id } });
  });

  it("resends the PIX instructions to the buyer, each time a message of its own, and not for a paid attempt", async () => {
    const payment = await demoPixSale(server, "sales-page-resend-0001");
    const sale = await server.tessera.sales.outcome(payment.id);
    const { get, post } = await owner();
    const csrf = hiddenField(await (await get(`${base}/contracts/${sale.contract.id}`)).text(), "_csrf");
    const action = `${base}/contracts/${sale.contract.id}/payments/${payment.id}/resend`;
    const mailed = async () =>
      (await server.mailbox!.list()).filter(
        ({ message }) => message.tag === "sale.payment_instructions" && message.to.includes(testBuyer.email),
      ).length;
    const before = await mailed();
    for (const _ of [1, 2]) {
      const answer = await post(action, { _csrf: csrf });
      expect(answer.status).toBe(303);
      expect(await (await get(answer.headers.get("location")!)).text()).toContain(
        `Instruções de pagamento reenviadas para ${testBuyer.email}.`,
      );
    }
    expect(await mailed()).toBe(before + 2);
    const [last] = await server.mailbox!.list({ limit: 1 });
    const action0 = sale.status === "pending" ? sale.action : null;
    expect(action0?.type).toBe("pix");
    expect(last?.message.text).toContain(action0?.type === "pix" ? action0.qrCodePayload : "no PIX code");
    server.sandbox.sandbox.pay(payment.idempotencyKey);
    await server.tessera.payments.refresh(payment.id);
    const paid = await post(action, { _csrf: csrf });
    expect(paid.status).toBe(409);
    expect(await mailed()).toBe(before + 2);
  });

  it("cancels a pending attempt, and refuses to cancel it twice", async () => {
    const payment = await demoPixSale(server, "sales-page-cancel-0001");
    const sale = await server.tessera.sales.outcome(payment.id);
    const { get, post } = await owner();
    const csrf = hiddenField(await (await get(`${base}/contracts/${sale.contract.id}`)).text(), "_csrf");
    const action = `${base}/contracts/${sale.contract.id}/payments/${payment.id}/cancel`;
    const answer = await post(action, { _csrf: csrf });
    expect(answer.status).toBe(303);
    expect(await (await get(answer.headers.get("location")!)).text()).toContain("Tentativa cancelada.");
    expect((await server.tessera.payments.get(payment.id))?.status).toBe("canceled");
    const again = await post(action, { _csrf: csrf });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('role="alert"');
    // Without the form's token nothing happens.
    const other = await demoPixSale(server, "sales-page-cancel-0002");
    const otherSale = await server.tessera.sales.outcome(other.id);
    const forged = await post(`${base}/contracts/${otherSale.contract.id}/payments/${other.id}/cancel`, {
      _csrf: "forged",
    });
    expect(forged.status).toBe(403);
    expect((await server.tessera.payments.get(other.id))?.status).toBe("pending");
  });

  it("answers 404 for another unit's contract under this unit's address, and for another contract's payment", async () => {
    const payment = await demoPixSale(server, "sales-page-scope-0001");
    const sale = await server.tessera.sales.outcome(payment.id);
    const second = await demoPixSale(server, "sales-page-scope-0002");
    const secondSale = await server.tessera.sales.outcome(second.id);
    const sibling = await server.tessera.organizations.createUnit({
      organizationId: server.unit.organizationId,
      name: "Aurora Norte",
      slug: "aurora-norte",
    });
    const { get, post } = await owner();
    expect((await get(`/admin/u/${sibling.slug}/contracts/${sale.contract.id}`)).status).toBe(404);
    const csrf = hiddenField(await (await get(`${base}/contracts`)).text(), "_csrf");
    const crossed = await post(`${base}/contracts/${sale.contract.id}/payments/${second.id}/cancel`, {
      _csrf: csrf,
    });
    expect(crossed.status).toBe(404);
    expect((await server.tessera.payments.get(second.id))?.status).toBe("pending");
    expect(secondSale.contract.id).not.toBe(sale.contract.id);
    // Without a session: the page sends to the log-in, the action is refused.
    expect((await server.app.request(`${base}/contracts/${sale.contract.id}`)).status).toBe(303);
    const anonymous = await server.app.request(
      `${base}/contracts/${sale.contract.id}/payments/${payment.id}/cancel`,
      {
        method: "POST",
      },
    );
    expect(anonymous.status).toBe(401);
  });
});
