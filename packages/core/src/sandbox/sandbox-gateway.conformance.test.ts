import { runGatewayConformance } from "../testing/gateway-conformance";
import { createSandboxHarness } from "../testing/gateway-conformance/sandbox-harness";

// The sandbox declares every capability, so it runs every scenario but these two, each for its reason.
const skip = {
  refreshesExpiredAccessTokenOnce:
    "the sandbox has no OAuth: no call carries an access token that could expire",
  processingBecomesPendingThenPaid:
    "the sandbox issues boletos at once unless boletoIssueDelayMs is set; gateway-scenarios.test.ts runs it so",
};

runGatewayConformance({ name: "sandbox", createHarness: () => createSandboxHarness(), skip });

// As PagoLivre runs its monthly charges: a declined one is never retried, the next charged on
// its day (`recurrenceRules.declinedCharge`), which the recurrence scenarios check as declared.
runGatewayConformance({
  name: "sandbox, declined recurrent charges left for the next period",
  createHarness: () => createSandboxHarness({ sandbox: { recurrenceDeclinedCharge: "next_period" } }),
  skip,
});
