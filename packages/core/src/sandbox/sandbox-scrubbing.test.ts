import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CreatePaymentRequest } from "../ports/gateway";
import { createManualClock } from "../testing/manual-clock";
import { paymentReferenceFor } from "../testing/payment-reference-for";
import { createSandboxGateway } from "./sandbox-gateway";
import type { SandboxLogEntry } from "./sandbox-options";

/** Every string in a value, with the key it sits under. */
function leaves(value: unknown, key = ""): { key: string; text: string }[] {
  if (typeof value === "string") return [{ key, text: value }];
  if (typeof value === "number") return [{ key, text: String(value) }];
  if (Array.isArray(value)) return value.flatMap((item) => leaves(item, key));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([name, item]) => leaves(item, name));
  }
  return [];
}

// STYLE 21: no card number, CVC or holder name in anything the sandbox logs, returns, keeps or sends.
describe("the sandbox scrubs card data", () => {
  const directory = mkdtempSync(join(tmpdir(), "tessera-scrub-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("from its logs, answers, errors, ledger file, notifications and webhook POSTs", async () => {
    const file = join(directory, "ledger.jsonl");
    const logged: SandboxLogEntry[] = [];
    const posted: string[] = [];
    const gateway = createSandboxGateway({
      clock: createManualClock("2026-03-10T15:00:00.000Z"),
      ledgerFile: file,
      acceptRawCardNumbers: true,
      log: (entry) => logged.push(entry),
      webhookUrl: "https://studio.example/webhooks",
      fetch: async (_url, init) => {
        posted.push(`${JSON.stringify(init?.headers)}${String(init?.body)}`);
        return new Response(null, { status: 200 });
      },
    });
    const strict = createSandboxGateway({ log: (entry) => logged.push(entry) });
    const cvc = "739";
    const holder = "ZEFERINO QUARESMA";
    const numbers = [
      "4111111111111111",
      "4000000000000515",
      "4000000000000903",
      "5555555555554444",
      "4111111111111112",
    ];
    const card = (number: string, expYear = 2030) => ({ number, holder, expMonth: 11, expYear, cvc });
    const request = (idempotencyKey: string): Omit<CreatePaymentRequest, "card"> => ({
      idempotencyKey,
      amount: { amount: 4990, currency: "BRL" },
      method: "card",
      description: "Plano",
      payer: { name: "Maria", email: "maria@example.com", phone: null, document: null, address: null },
    });
    const outputs: unknown[] = [];
    const capture = async (action: () => Promise<unknown>) => {
      try {
        outputs.push(await action());
      } catch (error) {
        outputs.push(String(error), (error as { details?: unknown }).details);
      }
    };

    for (const [index, number] of numbers.entries()) {
      await capture(async () => {
        const tokenized = await gateway.sandbox.tokenizeCard(card(number));
        outputs.push(tokenized);
        return gateway.createPayment({
          ...request(`pay_t${index}`),
          card: { type: "token", token: tokenized.token, saveForRenewals: true },
        });
      });
      await capture(() =>
        gateway.createPayment({ ...request(`pay_r${index}`), card: { type: "raw", ...card(number) } }),
      );
      await capture(() =>
        gateway.createPayment({ ...request(`pay_e${index}`), card: { type: "raw", ...card(number, 2024) } }),
      );
      await capture(() =>
        strict.createPayment({ ...request(`pay_s${index}`), card: { type: "raw", ...card(number) } }),
      );
      const response = await gateway.sandbox.handleTokenizationRequest(
        new Request("http://sandbox.test/tokenize", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            ...card(number),
            accessToken: (
              await gateway.cardTokenizationSession({ amount: { amount: 1990, currency: "BRL" } })
            ).accessToken,
          }),
        }),
      );
      outputs.push(await response.text());
    }
    outputs.push(
      gateway.sandbox.ledger(),
      gateway.sandbox.takeNotifications(),
      await gateway.sandbox.settleDeliveries(),
    );
    for (const key of ["pay_t0", "pay_r0", "pay_e0"])
      outputs.push(await gateway.getPayment(paymentReferenceFor({ idempotencyKey: key })));

    const ledgerText = readFileSync(file, "utf8");
    const texts = [JSON.stringify(outputs), JSON.stringify(logged), ledgerText, ...posted];
    expect(logged.length).toBeGreaterThan(10);
    expect(posted.length).toBeGreaterThan(0);
    expect(ledgerText).toContain('"last4":"1111"');
    for (const text of texts) {
      for (const number of numbers) expect(text).not.toContain(number);
      expect(text).not.toContain(holder);
      expect(text).not.toMatch(/"(cvc|cvv|securityCode|number|cardNumber)"\s*:/i);
    }
    const all = [
      outputs,
      logged,
      ledgerText
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ].flatMap((value) => leaves(value));
    expect(all.filter((leaf) => leaf.text === cvc)).toEqual([]);
  });
});
