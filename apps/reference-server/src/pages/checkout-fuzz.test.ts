import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";

let server: ComposedTestServer;
beforeAll(async () => {
  server = await composedTestServer();
});
afterAll(async () => {
  await server.cleanup();
});

/** Text a form may carry: plausible values, empty, whitespace, markup, control and astral characters, long runs. */
const formText = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "Ana Souza",
    "ana@example.com",
    "529.982.247-25",
    "52998224725",
    "11.222.333/0001-81",
  ),
  fc.constantFrom(
    "pix",
    "boleto",
    "card",
    "payment_link",
    "PIX",
    "<script>alert(1)</script>",
    "\u0000",
    "😀",
    "-1",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 3 }).map((unit) => unit.repeat(700)),
);

const fieldNames = [
  "name",
  "email",
  "document",
  "phone",
  "method",
  "idempotencyKey",
  "cardTokenField",
  "cardBrandField",
  "cardToken",
  "cardBrand",
  "address.postalCode",
  "address.street",
  "address.number",
  "address.complement",
  "address.district",
  "address.city",
  "address.state",
  "extra.unknown",
  "__proto__",
  "constructor",
] as const;

/** A form body: any subset of the real inputs (some repeated), plus stray ones. */
const formBody = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...fieldNames), fc.array(formText, { minLength: 1, maxLength: 2 }), {
      maxKeys: fieldNames.length,
    }),
    fc.dictionary(fc.string({ maxLength: 12 }), formText, { maxKeys: 3 }),
    fc.boolean(),
  )
  .map(([fields, stray, validBuyer]) => {
    const body = new URLSearchParams();
    if (validBuyer) {
      // Half the cases start from a valid buyer, so the fuzz reaches the sale, not only the form's checks.
      body.append("name", "Ana Souza");
      body.append("email", "ana@example.com");
      body.append("document", "529.982.247-25");
      body.append("method", "pix");
    }
    for (const [name, values] of Object.entries(fields)) for (const value of values) body.append(name, value);
    for (const [name, value] of Object.entries(stray)) body.append(name, value);
    return body;
  });

const planSlugs = fc.constantFrom(
  "mensal",
  "anual",
  "pacote-10-aulas",
  "day-pass",
  "nope",
  "MENSAL",
  "..%2F",
);
const contentTypes = fc.constantFrom(
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/plain",
  "application/json",
);

/**
 * Every 100th run waits one turn of the event loop: thousands of in-process requests on
 * SQLite run on promises alone, and a worker that never reaches the loop's poll phase for
 * 60 s misses vitest's own IPC answer (see `vitest.setup.ts`).
 */
let runs = 0;
const breathe = async () => {
  if (++runs % 100 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe("fuzzing the checkout form", () => {
  it("answers a page or a 4xx, never a 5xx, and never leaves a half-written sale", {
    timeout: 600_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(formBody, planSlugs, contentTypes, async (body, plan, contentType) => {
        await breathe();
        const response = await server.app.request(`/u/aurora-centro/${plan}`, {
          method: "POST",
          body: contentType.startsWith("application/x-www") ? body : body.toString(),
          headers: { "content-type": contentType },
        });
        await response.arrayBuffer();
        expect(response.status, `POST /u/aurora-centro/${plan} ${body}`).toBeLessThan(500);
        if (response.status === 303) expect(response.headers.get("location")).toMatch(/^\/checkout\//);
      }),
      { numRuns: 10_000 },
    );

    // Every contract the fuzz made is whole: its installments, and the payment of its first ones.
    const customers = await server.storage.customers.list(server.unit.organizationId, { limit: 1000 });
    let contracts = 0;
    for (const customer of customers.items) {
      for (const contract of await server.storage.contracts.listByCustomer(customer.id)) {
        contracts++;
        const installments = await server.storage.installments.listByContract(contract.id);
        expect(installments.length, `contract ${contract.id} has no installments`).toBeGreaterThan(0);
        const first = installments.find((line) => line.sequence === 1)!;
        const payments = await server.storage.payments.listByInstallment(first.id);
        expect(payments.length, `contract ${contract.id} has no payment`).toBeGreaterThan(0);
      }
    }
    expect(contracts, "the fuzz never reached a sale").toBeGreaterThan(0);
  });

  it("answers an unknown or forged checkout link with 404, never a 5xx", async () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.constantFrom(
        "pay_01M8TTPNSJP8NJADZPXK11DTED",
        "ctr_01M8TTPNSJP8NJADZPXK11DTED",
        "AAAAAAAAAAAAAAAAAAAAAA",
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        segment,
        segment,
        fc.constantFrom("", "/status", "/retry"),
        async (subject, token, tail) => {
          await breathe();
          const response = await server.app.request(`/checkout/${subject}/${token}${tail}`, {
            method: tail === "/retry" ? "POST" : "GET",
          });
          await response.arrayBuffer();
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
