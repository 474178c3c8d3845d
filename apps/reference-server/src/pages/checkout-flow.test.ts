import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";

let server: ComposedTestServer;
beforeEach(async () => {
  server = await composedTestServer();
});
afterEach(async () => {
  await server.cleanup();
});

const buyer = {
  name: "Ana Souza",
  email: "ana@example.com",
  document: "529.982.247-25",
  phone: "(11) 98888-7777",
};

function post(path: string, fields: Record<string, string>) {
  return server.app.request(path, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
}

/** The form's hidden idempotency key, as a browser would send it back. */
async function formKey(path: string): Promise<string> {
  const html = await (await server.app.request(path)).text();
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1];
  if (!key) throw new Error(`no idempotency key on ${path}`);
  return key;
}

/** Opens the plan's page and sends its form with `fields`, as a buyer does. */
async function buy(plan: string, fields: Record<string, string>) {
  const path = `/u/aurora-centro/${plan}`;
  return post(path, { ...fields, idempotencyKey: await formKey(path) });
}

/** A card token from the sandbox's tokenization endpoint, as the buyer's browser gets one. */
async function cardToken(number: string) {
  const token = await server.sandbox.sandbox.tokenizeCard({
    number,
    holder: "ANA SOUZA",
    expMonth: 12,
    expYear: 2030,
    cvc: "123",
  });
  return {
    cardToken: token.token,
    cardBrand: token.brand,
    cardTokenField: "cardToken",
    cardBrandField: "cardBrand",
  };
}

/** The page as a person reads it: formatted money's no-break spaces as plain ones. */
async function pageText(response: Response | Promise<Response>): Promise<string> {
  return (await (await response).text()).replace(/\u00a0/g, " ");
}

async function contractsOf(email: string) {
  const customers = await server.storage.customers.list(server.unit.organizationId);
  const customer = customers.items.find((item) => item.email === email);
  return customer ? (await server.storage.contracts.listByCustomer(customer.id)).length : 0;
}

describe("the plan page", () => {
  it("shows the studio, the plan's price per period, what is due now and the plan's own button", async () => {
    const html = await pageText(server.app.request("/u/aurora-centro/mensal"));
    expect(html).toContain('<a class="brand" href="/u/aurora-centro">Estúdio Aurora — Centro</a>');
    expect(html).toContain("R$ 189,90 por mês");
    expect(html).toMatch(/Taxa de matrícula<\/th><td>R\$ 50,00/);
    expect(html).toMatch(/Total agora<\/th><td>R\$ 239,90/);
    expect(html).toContain('<button type="submit" class="button-primary">Assinar</button>');
  });

  it("shows a plan in installments with its contract total", async () => {
    const html = await pageText(server.app.request("/u/aurora-centro/anual"));
    expect(html).toMatch(/Total do contrato \(12 parcelas\)<\/th><td>R\$ 1\.918,80/);
  });

  it("says a plan switched off is not on sale, and leads to the others", async () => {
    const annual = server.plans.find((plan) => plan.onlineSale.slug === "anual")!;
    await server.tessera.plans.update(annual.id, { onlineSale: { ...annual.onlineSale, enabled: false } });
    const response = await server.app.request("/u/aurora-centro/anual");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("não está à venda online");
    expect(html).toContain('href="/u/aurora-centro"');
  });

  it("lists every plan on sale on the unit's page, each leading to its checkout", async () => {
    const html = await (await server.app.request("/u/aurora-centro")).text();
    for (const plan of server.plans)
      expect(html).toContain(`href="/u/aurora-centro/${plan.onlineSale.slug}"`);
  });

  it("is written in the visitor's language", async () => {
    const html = await (await server.app.request("/u/aurora-centro/mensal?lang=ru")).text();
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain("Способ оплаты");
  });
});

describe("buying", () => {
  it("sells by PIX: the payment step shows the QR code and the copy-paste code, and its status", async () => {
    const response = await buy("day-pass", {
      ...buyer,
      method: "pix",
    });
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location).toMatch(/^\/checkout\/pay_\w+\/[\w-]{22}$/);
    const html = await (await server.app.request(location)).text();
    expect(html).toContain("<h1>Pague com PIX</h1>");
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toMatch(/<textarea id="pix-code" readonly[^>]*>000201/);
    const status = await (await server.app.request(`${location}/status`)).json();
    expect(status).toEqual({ state: "pay_pix", waiting: true });
  });

  it("answers a double submit of one form with the same sale: one contract, one charge", async () => {
    const key = await formKey("/u/aurora-centro/day-pass");
    const first = await post("/u/aurora-centro/day-pass", { ...buyer, method: "pix", idempotencyKey: key });
    const second = await post("/u/aurora-centro/day-pass", { ...buyer, method: "pix", idempotencyKey: key });
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(await contractsOf(buyer.email)).toBe(1);
    expect(server.sandbox.sandbox.ledger().charges).toHaveLength(1);
  });

  it("sells by card with the provider's token, and shows the activation code of a pass", async () => {
    const response = await buy("day-pass", {
      ...buyer,
      method: "card",

      ...(await cardToken("4111111111111111")),
    });
    const html = await (await server.app.request(response.headers.get("location")!)).text();
    expect(html).toContain("<h1>Pagamento confirmado</h1>");
    expect(html).toMatch(/<p class="code" aria-describedby="code-hint">[A-Z2-9-]{4,}<\/p>/);
  });

  it("shows a declined card's reason and retries on the same contract", async () => {
    const declined = await buy("mensal", {
      ...buyer,
      method: "card",

      ...(await cardToken("4000000000000515")),
    });
    const location = declined.headers.get("location")!;
    const page = await (await server.app.request(location)).text();
    expect(page).toContain("saldo ou limite insuficiente");
    const retryKey = /name="idempotencyKey" value="([^"]+)"/.exec(page)![1]!;
    const retried = await post(`${location}/retry`, {
      method: "card",
      idempotencyKey: retryKey,
      ...(await cardToken("5555555555554444")),
    });
    expect(retried.status).toBe(303);
    const paid = await (await server.app.request(retried.headers.get("location")!)).text();
    expect(paid).toContain("<h1>Pagamento confirmado</h1>");
    expect(await contractsOf(buyer.email)).toBe(1);
  });

  it("offers no boleto on a retry for a buyer without an address, and says why", async () => {
    const declined = await buy("mensal", {
      ...buyer,
      method: "card",

      ...(await cardToken("4000000000000515")),
    });
    const location = declined.headers.get("location")!;
    const page = await pageText(server.app.request(location));
    expect(page).toMatch(/id="method-boleto" name="method" value="boleto" disabled/);
    expect(page).toContain("Boleto — exige endereço; escolha outra forma");
    const retryKey = /name="idempotencyKey" value="([^"]+)"/.exec(page)![1]!;
    // A hand-made post choosing it anyway is told at the top of the form, not silently refused.
    const forced = await post(`${location}/retry`, { method: "boleto", idempotencyKey: retryKey });
    expect(forced.status).toBe(422);
    expect(await forced.text()).toMatch(
      /<p class="form-error" role="alert">Esta forma de pagamento exige o seu endereço/,
    );
  });

  it("reuses the customer of a CPF it already knows", async () => {
    for (const plan of ["day-pass", "pacote-10-aulas"]) {
      await buy(plan, { ...buyer, method: "pix" });
    }
    const customers = await server.storage.customers.list(server.unit.organizationId);
    expect(customers.items).toHaveLength(1);
    expect(await contractsOf(buyer.email)).toBe(2);
  });

  it("shows a boleto's line and barcode, with the address its provider requires", async () => {
    const address = {
      "address.postalCode": "01310-100",
      "address.street": "Avenida Paulista",
      "address.number": "1000",
      "address.district": "Bela Vista",
      "address.city": "São Paulo",
      "address.state": "sp",
    };
    const response = await buy("day-pass", { ...buyer, ...address, method: "boleto" });
    const html = await (await server.app.request(response.headers.get("location")!)).text();
    expect(html).toMatch(/<input id="boleto-line" readonly value="\d{47}"/);
    expect(html).toContain('href="/sandbox/boletos/');
    // The sandbox links its own PDF: the page serves none of its own for it.
    expect((await server.app.request(`${response.headers.get("location")}/boleto.pdf`)).status).toBe(404);
  });
});

describe("a form the buyer must fix", () => {
  it("puts each error beside its field and keeps what was typed", async () => {
    const response = await buy("day-pass", {
      ...buyer,
      document: "111.111.111-12",
      method: "pix",
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="buyer-document"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<p class="field-error" id="buyer-document-error">Informe um CPF/);
    expect(html).toContain('value="Ana Souza"');
    expect(await contractsOf(buyer.email)).toBe(0);
  });

  it("asks for the address when the chosen method's provider requires it", async () => {
    const response = await buy("day-pass", {
      ...buyer,
      method: "boleto",
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('<p class="field-error" id="address-error">');
  });

  it("refuses a card sale whose card never reached the provider, and says how to pay", async () => {
    const response = await buy("day-pass", {
      ...buyer,
      method: "card",
    });
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Ative o JavaScript ou escolha PIX ou boleto");
  });

  it("tells the buyer to try again shortly when the provider is down, blocking no one", async () => {
    const key = await formKey("/u/aurora-centro/day-pass");
    server.sandbox.sandbox.injectFault({ kind: "maintenance", retryAfterSeconds: 30 });
    const response = await post("/u/aurora-centro/day-pass", {
      ...buyer,
      method: "pix",
      idempotencyKey: key,
    });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("Nada foi cobrado. Tente de novo em instantes.");
    const customers = await server.storage.customers.list(server.unit.organizationId);
    for (const customer of customers.items) expect(customer.status).toBe("active");
    // The same form sent again, once the provider is back, sells.
    const again = await post("/u/aurora-centro/day-pass", { ...buyer, method: "pix", idempotencyKey: key });
    expect(again.status).toBe(303);
  });
});

describe("checkout links", () => {
  it("open only with their own token", async () => {
    const response = await buy("day-pass", {
      ...buyer,
      method: "pix",
    });
    const [, , subject] = response.headers.get("location")!.split("/");
    expect((await server.app.request(`/checkout/${subject}/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await server.app.request(`/checkout/${subject}/AAAAAAAAAAAAAAAAAAAAAA/status`)).status).toBe(404);
  });
});

describe("what the unit's own fields ask", () => {
  const pdf = new TextEncoder().encode("%PDF-1.7\n% a medical certificate\n");

  function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Uint8Array }) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("extra.atestado", new File([file.data], file.name, { type: file.type }));
    return server.app.request("/u/aurora-centro/day-pass", { method: "POST", body: form });
  }

  it("keeps an attached certificate on the customer, and the client-area password hashed", async () => {
    const key = await formKey("/u/aurora-centro/day-pass");
    const response = await multipart(
      { ...buyer, method: "pix", idempotencyKey: key, "extra.senha": "segredo-forte-1" },
      { name: "atestado.pdf", type: "application/pdf", data: pdf },
    );
    expect(response.status).toBe(303);
    const customers = await server.storage.customers.list(server.unit.organizationId);
    const [customer] = customers.items;
    expect(customer?.attachments.map((a) => [a.fieldKey, a.contentType, a.size])).toEqual([
      ["atestado", "application/pdf", pdf.byteLength],
    ]);
    expect(customer?.passwordHash).toMatch(/^scrypt|^\$/);
    expect(JSON.stringify(customer)).not.toContain("segredo-forte-1");
  });

  it("refuses a file of another type beside its field, before selling", async () => {
    const key = await formKey("/u/aurora-centro/day-pass");
    const response = await multipart(
      { ...buyer, method: "pix", idempotencyKey: key },
      { name: "virus.exe", type: "application/octet-stream", data: new TextEncoder().encode("MZ\x90\x00") },
    );
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/id="extra-atestado-error">Envie um arquivo PDF/);
    expect(await contractsOf(buyer.email)).toBe(0);
  });
});
