import { createManualClock, type ManualClock } from "@tessera/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hiddenField, signInAs } from "../http/staff-session";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";
import { paidAnnual, pastDueAnnual, saleDay } from "../pages/pay-due-test-contracts";

let server: ComposedTestServer;
let clock: ManualClock;
beforeEach(async () => {
  clock = createManualClock(saleDay);
  server = await composedTestServer({ publicUrl: "https://aurora.example/" }, { clock });
});
afterEach(async () => {
  await server.cleanup();
});

const owner = () => signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
const contractPath = (id: string) => `/admin/u/aurora-centro/contracts/${id}`;

async function sentPayLinks() {
  return (await server.mailbox!.list({ limit: 100 }))
    .map(({ message }) => message)
    .filter((message) => message.channel === "email" && message.tag === "contract.pay_link");
}

describe("the pay link on the contract page", () => {
  it("shows the link of a contract with due lines to copy, and e-mails it to the customer, audited", async () => {
    const { contract, payPath } = await pastDueAnnual(server, clock, "bo-pay-link-0001");
    const path = contractPath(contract.id);
    const { get, post } = await owner();
    const page = (await (await get(path)).text()).replace(/\u00a0/g, " ");
    expect(page).toContain("Link de pagamento das parcelas em aberto");
    expect(page).toContain("2 parcelas vencidas em aberto: R$ 319,80 no total.");
    expect(page).toMatch(
      new RegExp(
        `<input id="pay-link-url" readonly value="https://aurora\\.example${payPath}" class="copy-source">`,
      ),
    );
    expect(page).toContain('data-copy="pay-link-url"');
    expect(page).toContain(`action="${path}/pay-link/resend"`);

    const csrf = hiddenField(page, "_csrf");
    expect((await post(`${path}/pay-link/resend`, { _csrf: "forged" })).status).toBe(403);
    expect(await sentPayLinks()).toHaveLength(0);
    const sent = await post(`${path}/pay-link/resend`, { _csrf: csrf });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`${path}?notice=payLinkSent`);
    expect(await (await get(sent.headers.get("location")!)).text()).toContain(
      "Link de pagamento enviado para ana@example.com.",
    );

    const [mail, ...more] = await sentPayLinks();
    expect(more).toHaveLength(0);
    if (mail?.channel !== "email") throw new Error("the pay link goes by e-mail");
    expect(mail.to).toEqual(["ana@example.com"]);
    expect(mail.subject).toBe("Estúdio Aurora: pague as parcelas em aberto de Anual");
    expect(mail.text).toContain(`Pagar agora: https://aurora.example${payPath}`);
    expect((await server.app.request(payPath)).status).toBe(200);

    // Each send is its own message.
    await post(`${path}/pay-link/resend`, { _csrf: csrf });
    expect(await sentPayLinks()).toHaveLength(2);
    const audit = await server.tessera.audit.list(server.unit.organizationId, { limit: 5 });
    expect(audit.items.filter((entry) => entry.action === "contract.pay_link_sent")).toHaveLength(2);
    expect(audit.items[0]).toMatchObject({ subject: { kind: "contract", id: contract.id } });
  });

  it("offers no link for a contract with nothing due, and refuses to send one", async () => {
    const contract = await paidAnnual(server, "bo-pay-link-0002");
    const path = contractPath(contract.id);
    const { get, post } = await owner();
    const page = await (await get(path)).text();
    expect(page).not.toContain("pay-link-url");
    const refused = await post(`${path}/pay-link/resend`, { _csrf: hiddenField(page, "_csrf") });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Este contrato não tem parcelas vencidas em aberto.");
    expect(await sentPayLinks()).toHaveLength(0);
  });
});
