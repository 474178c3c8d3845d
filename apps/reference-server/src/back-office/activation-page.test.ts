import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hiddenField, signInAs } from "../http/staff-session";
import { type ComposedTestServer, composedTestServer, demoPaidPass } from "../http/test-app";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const paidPass = (key: string) => demoPaidPass(server, key);

const page = "/admin/u/aurora-centro/activation";

async function owner() {
  return signInAs(server.app, server.demoOwner.email, server.demoOwner.password);
}

describe("attaching a pass to a visitor", () => {
  it("lists the unit's unattached passes, each a link to attach it", async () => {
    const { code } = await paidPass("activation-list-0001");
    const { get } = await owner();
    const html = await (await get(page)).text();
    expect(html).toContain(
      `<a href="${page}?code=${encodeURIComponent(code.code)}"><code>${code.code}</code></a>`,
    );
  });

  it("finds a pass however its code is typed or scanned: case, spaces and the dash do not matter", async () => {
    const { code } = await paidPass("activation-find-0001");
    const { get } = await owner();
    for (const typed of [
      code.code,
      code.code.toLowerCase().replace("-", ""),
      ` ${code.code.replace("-", " ")} `,
    ]) {
      const res = await get(`${page}?code=${encodeURIComponent(typed)}`);
      expect(res.status, typed).toBe(200);
      expect(await res.text(), typed).toContain(`<h2 id="activation-found">Passe ${code.code}</h2>`);
    }
    const unknown = await get(`${page}?code=QQQQ-QQQQ`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(
      /id="activation-code-error">Este código de ativação não existe nesta unidade/,
    );
  });

  it("attaches it for the validity staff set, with an audit record, and then shows it as attached", async () => {
    const { code, customerId } = await paidPass("activation-attach-0001");
    const { get, post } = await owner();
    const csrf = hiddenField(await (await get(page)).text(), "_csrf");
    const res = await post(`${page}/attach`, {
      _csrf: csrf,
      code: code.code.toLowerCase(),
      customerId,
      validFrom: "2027-01-10",
      validUntil: "2027-01-20",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${page}?attached=${code.code}`);
    const stored = await server.tessera.activation.find(server.unit.id, code.code);
    expect(stored).toMatchObject({
      status: "attached",
      attachedCustomerId: customerId,
      validFrom: "2027-01-10",
      validUntil: "2027-01-20",
    });
    const audit = await server.tessera.audit.list(server.unit.organizationId);
    expect(audit.items.find((entry) => entry.action === "activation_code.attached")).toMatchObject({
      subject: { kind: "activation_code", id: code.id },
    });
    const after = await (await get(`${page}?attached=${code.code}`)).text();
    expect(after).toContain(`O passe ${code.code} foi vinculado ao cliente.`);
    expect(after).toContain("Nenhum passe esperando vínculo.");
    const again = await (await get(`${page}?code=${code.code}`)).text();
    expect(again).toContain("Já vinculado a Ana Souza, de 10/01/2027 até 20/01/2027.");
  });

  it("refuses a used code, a missing visitor and an end before the start, beside their inputs", async () => {
    const { code, customerId } = await paidPass("activation-errors-0001");
    const { get, post } = await owner();
    const csrf = hiddenField(await (await get(page)).text(), "_csrf");
    const noVisitor = await post(`${page}/attach`, { _csrf: csrf, code: code.code, customerId: "" });
    expect(noVisitor.status).toBe(422);
    expect(await noVisitor.text()).toContain(
      'id="activation-customer-error">Escolha o cliente que recebe o passe.',
    );
    const backwards = await post(`${page}/attach`, {
      _csrf: csrf,
      code: code.code,
      customerId,
      validFrom: "2027-02-10",
      validUntil: "2027-02-01",
    });
    expect(backwards.status).toBe(422);
    expect(await backwards.text()).toContain(
      'id="activation-valid-until-error">O fim não pode ser antes do início.',
    );
    const badDate = await post(`${page}/attach`, {
      _csrf: csrf,
      code: code.code,
      customerId,
      validFrom: "2027-02-31",
    });
    expect(badDate.status).toBe(422);
    expect(await badDate.text()).toContain('id="activation-valid-from-error">Digite uma data válida.');
    expect((await server.tessera.activation.find(server.unit.id, code.code))?.status).toBe("unattached");

    expect((await post(`${page}/attach`, { _csrf: csrf, code: code.code, customerId })).status).toBe(303);
    const used = await post(`${page}/attach`, { _csrf: csrf, code: code.code, customerId });
    expect(used.status).toBe(409);
    expect(await used.text()).toMatch(/id="activation-code-error">Este código de ativação já foi usado/);
  });

  it("finds the visitor by name or phone to choose from", async () => {
    const { code, customerId } = await paidPass("activation-search-0001");
    const { get } = await owner();
    for (const search of ["souza", "98888"]) {
      const html = await (await get(`${page}?code=${code.code}&visitor=${search}`)).text();
      expect(html, search).toContain(`value="${customerId}"`);
      expect(html, search).toContain("Ana Souza · +55 11 98888-7777 · ana@example.com");
    }
    const none = await (await get(`${page}?code=${code.code}&visitor=ninguem`)).text();
    expect(none).toContain('id="activation-visitor-error">Nenhum cliente com esse nome ou telefone.');
  });

  it("offers a unit's member only visitors with a contract in the unit; the owner, the whole organization's", async () => {
    const { code } = await paidPass("activation-scope-0001");
    await server.tessera.customers.register({
      organizationId: server.unit.organizationId,
      name: "Bruna Souza",
      email: "bruna@example.com",
      source: "staff",
    });
    await server.tessera.staff.create({
      organizationId: server.unit.organizationId,
      name: "Recepção",
      email: "recepcao@aurora.example",
      password: "uma-senha-bem-longa",
      role: "staff",
      scope: { kind: "unit", unitId: server.unit.id },
    });
    const search = `${page}?code=${code.code}&visitor=souza`;
    const reception = await signInAs(server.app, "recepcao@aurora.example", "uma-senha-bem-longa");
    const theirs = await (await reception.get(search)).text();
    expect(theirs).toContain("Ana Souza ·");
    expect(theirs).not.toContain("Bruna Souza");
    const owners = await (await (await owner()).get(search)).text();
    expect(owners).toContain("Ana Souza ·");
    expect(owners).toContain("Bruna Souza ·");
  });
});
