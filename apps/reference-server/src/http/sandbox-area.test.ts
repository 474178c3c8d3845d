import { type CreatePaymentRequest, TesseraError } from "@tessera/core";
import { createSandboxGateway } from "@tessera/core/sandbox";
import { afterEach, describe, expect, it } from "vitest";
import { formatDigitableLine } from "../payment-step/digitable-line";
import { pdfPageContent } from "../payment-step/test-pdf-content";
import { sandboxArea } from "./sandbox-area";
import {
  composedTestServer,
  demoPixSale,
  memoryLogger,
  type ComposedTestServer as Server,
  sqliteTestApp,
  tesseraOverFailingStorage,
  testBuyer,
  testBuyerWithAddress,
} from "./test-app";

const dayPass = (server: Server) => {
  const pass = server.plans.find((plan) => plan.kind === "pass");
  if (!pass) throw new Error("the demo has no pass");
  return pass;
};

/** A boleto sale of the demo's day pass, as a buyer online makes it; its payment, with the boleto action. */
async function demoBoletoSale(server: Server, idempotencyKey: string) {
  const outcome = await server.tessera.sales.start({
    unitId: server.unit.id,
    planId: dayPass(server).id,
    buyer: testBuyerWithAddress,
    method: "boleto",
    idempotencyKey,
    source: "online",
  });
  const action = outcome.payment?.action;
  if (action?.type !== "boleto") throw new Error(`a boleto sale answered ${outcome.status} without a boleto`);
  return { payment: outcome.payment!, action };
}

/** A boleto asked of the sandbox directly, past Tessera, under `idempotencyKey`. */
const boletoRequest = (idempotencyKey: string): CreatePaymentRequest => ({
  idempotencyKey,
  amount: { amount: 5_000, currency: "BRL" },
  method: "boleto",
  description: "Day pass",
  payer: {
    name: "Ana Souza",
    email: "ana@example.com",
    phone: null,
    document: { kind: "cpf", value: "52998224725" },
    address: { ...testBuyerWithAddress.address, country: "BR" },
  },
  dueDate: "2099-01-01",
});

/** A live access token for the checkout page, as the card step asks for it. */
async function tokenizationSession(server: Server) {
  const gateway = server.tessera.gateways.get("sandbox");
  if (!gateway.cardTokenizationSession) throw new Error("the sandbox opens no tokenization sessions");
  return gateway.cardTokenizationSession({ amount: dayPass(server).price });
}

const postCard = (server: Server, path: string, body: unknown, headers: Record<string, string> = {}) =>
  server.app.request(`http://studio.example${path}`, {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", origin: "http://studio.example", ...headers },
  });

describe("the sandbox area", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
  });

  describe("POST /sandbox/card-tokens", () => {
    it("tokenizes a test card posted with a live access token, and the token pays a card sale", async () => {
      server = await composedTestServer();
      const session = await tokenizationSession(server);
      expect(session.postUrl).toBe("/sandbox/card-tokens");
      const res = await postCard(server, session.postUrl, {
        accessToken: session.accessToken,
        number: server.sandbox.sandbox.testCards.approvedVisa.number,
        holder: "ANA SOUZA",
        expMonth: 12,
        expYear: 2030,
        cvc: "123",
      });
      expect(res.status).toBe(201);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const body = (await res.json()) as { token: string; brand: string; last4: string };
      expect(body).toMatchObject({ brand: "visa", last4: "1111" });

      // The token is the provider's own: a sale by it is approved, and no card number reached the sale.
      const outcome = await server.tessera.sales.start({
        unitId: server.unit.id,
        planId: dayPass(server).id,
        buyer: testBuyer,
        method: "card",
        card: { type: "token", token: body.token, brand: body.brand },
        idempotencyKey: "sandbox-area-card-0001",
        source: "online",
      });
      expect(outcome.payment?.status).toBe("succeeded");
      expect(outcome.payment?.card).toMatchObject({ brand: "visa", last4: "1111" });
    });

    it("refuses a card without a live access token from the checkout with 401", async () => {
      server = await composedTestServer();
      const card = {
        number: "4111111111111111",
        holder: "ANA SOUZA",
        expMonth: 12,
        expYear: 2030,
        cvc: "123",
      };
      const missing = await postCard(server, "/sandbox/card-tokens", card);
      expect(missing.status).toBe(401);
      expect(await missing.json()).toMatchObject({ error: { code: "access_token_missing" } });
      const forged = await postCard(server, "/sandbox/card-tokens", { ...card, accessToken: "sbx_forged" });
      expect(forged.status).toBe(401);
      expect(await forged.json()).toMatchObject({ error: { code: "access_token_unknown" } });
    });

    it("answers the browser's CORS preflight, and other methods with the endpoint's 405", async () => {
      server = await composedTestServer();
      const preflight = await server.app.request("http://studio.example/sandbox/card-tokens", {
        method: "OPTIONS",
        headers: { origin: "http://studio.example", "access-control-request-method": "POST" },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-methods")).toBe("POST, OPTIONS");
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      const get = await server.app.request("http://studio.example/sandbox/card-tokens");
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST, OPTIONS");
    });

    it("refuses a body far larger than a card with 413, before reading it as one", async () => {
      server = await composedTestServer();
      const session = await tokenizationSession(server);
      const res = await postCard(server, "/sandbox/card-tokens", {
        accessToken: session.accessToken,
        holder: "x".repeat(20_000),
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: "payload_too_large" } });
    });
  });

  describe("GET /sandbox/boletos/:reference.pdf", () => {
    it("serves a boleto sale's pdfUrl: one page with its digitable line, its payer and the studio", async () => {
      server = await composedTestServer();
      const { payment, action } = await demoBoletoSale(server, "sandbox-area-boleto-0001");
      expect(action.pdfUrl).toBe(`/sandbox/boletos/${payment.providerReference}.pdf`);

      const res = await server.app.request(`http://studio.example${action.pdfUrl}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe(
        `inline; filename="boleto-${payment.providerReference}.pdf"`,
      );
      expect(res.headers.get("cache-control")).toBe("no-store");
      const { pdf, texts } = await pdfPageContent(new Uint8Array(await res.arrayBuffer()));
      expect(pdf.getPageCount()).toBe(1);
      expect(texts).toContain(formatDigitableLine(action.digitableLine));
      const [year, month, day] = action.dueDate.split("-");
      expect(texts).toEqual(
        expect.arrayContaining([
          "Estúdio Aurora",
          "Ana Souza — CPF 529.982.247-25",
          `${day}/${month}/${year}`,
        ]),
      );
      expect(texts.some((text) => text.startsWith("SANDBOX — not a real boleto"))).toBe(true);
    });

    it("links the PDF under the public URL when one is set, and serves it there", async () => {
      server = await composedTestServer({ publicUrl: "https://aurora.example.com/" });
      const { payment, action } = await demoBoletoSale(server, "sandbox-area-boleto-0002");
      expect(action.pdfUrl).toBe(
        `https://aurora.example.com/sandbox/boletos/${payment.providerReference}.pdf`,
      );
      const res = await server.app.request(action.pdfUrl!);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
    });

    it.each<[string, (server: Server) => Promise<string>]>([
      ["a reference the sandbox never issued", async () => "sbxpay_000000000000000000000000"],
      [
        "a PIX charge's reference",
        async (s) => (await demoPixSale(s, "sandbox-area-pix-0001")).providerReference ?? "missing",
      ],
    ])("answers 404 JSON for %s", async (_, referenceOf) => {
      server = await composedTestServer();
      const reference = await referenceOf(server);
      const res = await server.app.request(`http://studio.example/sandbox/boletos/${reference}.pdf`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
    });

    it.each([
      ["a key of someone else's", "someone-else-0001"],
      ["a key shaped like a payment Tessera does not have", "pay01JQ3ZV7T8Y2M4N6P8R0S2T4V6"],
    ])("answers 404 for a boleto the sandbox issued under %s", async (_, idempotencyKey) => {
      server = await composedTestServer();
      const result = await server.sandbox.createPayment(boletoRequest(idempotencyKey));
      expect(result.status).toBe("pending");
      const res = await server.app.request(
        `http://studio.example/sandbox/boletos/${result.providerReference}.pdf`,
      );
      expect(res.status).toBe(404);
    });
  });

  it("answers 503 JSON when Tessera cannot be read, hiding the error's text, and logs it", async () => {
    const sandbox = createSandboxGateway({ boletoPdfBaseUrl: "/sandbox/boletos" });
    // Keyed as core keys a sandbox payment (its id without the underscore), so the area asks Tessera.
    const result = await sandbox.createPayment(boletoRequest("pay01JQ3ZV7T8Y2M4N6P8R0S2T4V6"));
    const log = memoryLogger();
    const tessera = tesseraOverFailingStorage(async () => {
      throw new TesseraError("storage_failure", "connection refused at 10.0.0.5:5432");
    });
    const area = sandboxArea({ tessera, sandbox, logger: log.logger });
    const res = await area.request(`/boletos/${result.providerReference}.pdf`);
    expect(res.status).toBe(503);
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ error: { code: "storage_failure" } });
    expect(body).not.toContain("10.0.0.5");
    expect(log.records().some((record) => record["msg"] === "sandbox request failed")).toBe(true);
  });

  it("is not mounted when the app has no sandbox", async () => {
    const plain = await sqliteTestApp();
    try {
      const res = await plain.app.request("http://studio.example/sandbox/card-tokens", {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      });
      expect(res.status).toBe(404);
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await plain.cleanup();
    }
  });
});
