import { expect } from "vitest";
import type { CardTokenizationSession } from "../../ports/gateway";
import { instantToMillis } from "../../time/instant";
import {
  cardRequest,
  chargesFor,
  type GatewayScenario,
  requireCards,
  type ScenarioContext,
  standardAmount,
} from "./scenario-kit";

/** The session and the harness's browser, or a skip when the gateway tokenizes no cards in the browser. */
async function openSession(context: ScenarioContext) {
  if (context.gateway.capabilities.cardTokenization !== "client_side")
    return context.skip('the gateway declares cardTokenization "none"');
  const cards = requireCards(context);
  const browser = cards.tokenizeThroughSession;
  expect(browser, "a client_side gateway's harness can walk the session (tokenizeThroughSession)").toEqual(
    expect.any(Function),
  );
  const open = context.gateway.cardTokenizationSession;
  if (open === undefined || browser === undefined) throw new Error("unreachable: checked above");
  const session: CardTokenizationSession = await open.call(context.gateway, {
    amount: context.money(standardAmount),
  });
  return { session, tokenize: () => browser.call(cards, session) };
}

/** The browser half of card payments: what the checkout page gets, and what the provider enforces. */
export const cardTokenizationScenarios = {
  chargesCardTokenizedThroughSession: {
    title: "gives the page a live session whose fields and postUrl tokenize a card the gateway then charges",
    async run(context) {
      const { session, tokenize } = await openSession(context);
      expect(session.postUrl, "names where the browser posts the card").not.toBe("");
      expect(session.accessToken, "carries a per-checkout access token").not.toBe("");
      expect(
        instantToMillis(session.expiresAt),
        "the access token is live when the page gets it",
      ).toBeGreaterThan(instantToMillis(context.harness.clock.now()));
      const { holder, number, cvc } = session.fields;
      for (const name of [holder, number, cvc, session.tokenField, session.brandField])
        expect(name, "every field is named").not.toBe("");
      const outcome = await tokenize();
      expect(outcome, "the provider tokenizes a card posted with a live access token").toHaveProperty("card");
      if (outcome.refused !== undefined) return;
      expect(outcome.card.type).toBe("token");
      const request = cardRequest(context, outcome.card);
      const result = await context.gateway.createPayment(request);
      expect(["succeeded", "authorized"], "the token charges").toContain(result.status);
      const charges = await chargesFor(context, request.idempotencyKey);
      expect(
        charges.map((charge) => charge.collected.amount),
        "the provider holds the whole amount, once",
      ).toEqual([standardAmount]);
    },
  },
  refusesExpiredTokenizationAccessToken: {
    title: "refuses to tokenize a card with a session's access token once it has expired",
    async run(context) {
      const { session, tokenize } = await openSession(context);
      const advance = context.harness.advanceClock;
      if (advance === undefined) return context.skip("the harness cannot move the provider's clock");
      const left = instantToMillis(session.expiresAt) - instantToMillis(context.harness.clock.now());
      await advance.call(context.harness, left + 1000);
      const outcome = await tokenize();
      expect(outcome, "the provider refuses an expired access token").toHaveProperty("refused");
    },
  },
} satisfies Record<string, GatewayScenario>;
