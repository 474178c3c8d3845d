import { testCardNumber } from "@tessera/adapter-cielo/testing";
import { describe, expect, it } from "vitest";
import { type CieloAccount, connectCieloAccount } from "../http/cielo-account";
import { scanForSecrets } from "../http/leak-scan";
import { expectAccessible } from "./axe-audit";
import { useBrowserHarness } from "./browser-harness";
import { checkoutSteps, newBuyer } from "./checkout-steps";

let account: CieloAccount | null = null;
const harness = useBrowserHarness({
  async prepare(server) {
    account = await connectCieloAccount({
      tessera: server.tessera,
      unit: server.unit,
      origin: server.origin,
    });
    return async () => account?.close();
  },
});

/** A card number in any text: its digits, with or without separators between them. */
function digitsPattern(number: string): RegExp {
  return new RegExp(number.split("").join("(?:\\D|%20|%2B|\\+){0,3}"));
}

describe("buying by card through Cielo's Silent Order Post", () => {
  it("sends the card from the page to Cielo alone, charges Cielo's PaymentToken, and never lets the number or CVV reach the server", async () => {
    const { page, server } = harness;
    const cielo = account?.cielo;
    if (!cielo) throw new Error("no Cielo account");
    const number = testCardNumber("1", "455187");
    const cvc = "9371";
    const buyer = newBuyer();
    const steps = checkoutSteps(page);

    await page.goto("/u/aurora-centro/anual");
    await steps.fillBuyer(buyer);
    await steps.chooseMethod("card");
    // Cielo's script finds the inputs by its bp-sop-* classes, and is loaded from Cielo.
    const scripts = await page
      .locator("script[src]")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("src")));
    expect(scripts).toContain(cielo.sopScriptUrl);
    expect(await page.locator(".bp-sop-cardnumber").count()).toBe(1);
    await steps.typeCard(number, { cvc });
    await steps.submit("Assinar");

    await steps.heading("Pagamento confirmado");
    await expectAccessible(page);

    // The card went to Cielo's SOP host, once, and Cielo made one sale from its token.
    const cardPosts = cielo.requests().filter((request) => request.path === "/post/api/public/v2/card");
    expect(cardPosts).toHaveLength(1);
    expect(cardPosts[0]?.body).toMatch(digitsPattern(number));
    const sales = cielo.records().sales.filter((sale) => !sale.outside);
    expect(sales).toMatchObject([
      { status: 2, last4: number.slice(-4), brand: "Visa", capturedAmount: 15_990 },
    ]);
    // Twelve monthly instalments: Cielo charges months 2 to 12 by itself (RecurrentPayment).
    const recurrence = cielo
      .records()
      .recurrences.find((entry) => entry.recurrentPaymentId === sales[0]?.recurrentPaymentId);
    expect(recurrence).toMatchObject({ status: 1, transactions: [{ paymentNumber: 0, tryNumber: 1 }] });
    const sent = cielo
      .requests()
      .find((request) => request.method === "POST" && request.path === "/1/sales/");
    expect(sent?.body).toContain('"PaymentToken"');
    expect(sent?.body).not.toMatch(digitsPattern(number));

    // Every request the server received — pages, the sale's form, Cielo's notifications.
    await cielo.notificationsSettled();
    const received = server.received();
    expect(
      received.some((request) => request.method === "POST" && request.url.endsWith("/u/aurora-centro/anual")),
    ).toBe(true);
    expect(received.some((request) => request.url.endsWith(`/webhooks/${account?.accountId}`))).toBe(true);
    for (const request of received) {
      const carried = [request.url, ...Object.values(request.headers), request.body].join("\n");
      expect(carried, request.url).not.toMatch(digitsPattern(number));
      expect(carried, request.url).not.toContain(cvc);
    }
    expect(cielo.deliveries().every((delivery) => delivery.status === 200)).toBe(true);
    for (const line of server.log.lines) expect(line).not.toMatch(digitsPattern(number));
    // Nor any credential in a stored row or a log line (the account's options are encrypted).
    const scan = scanForSecrets(server, [
      cielo.merchantKey,
      cielo.sopClientSecret,
      account?.notificationHeader.value ?? "",
      ...cielo.issuedTokens(),
      number,
    ]);
    expect(scan.rows).toBeGreaterThan(0);
    expect(scan).toMatchObject({ inRows: [], inLogs: [] });
  });
});
