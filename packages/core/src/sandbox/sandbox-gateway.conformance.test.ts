import { runGatewayConformance } from "../testing/gateway-conformance";
import { createSandboxHarness } from "../testing/gateway-conformance/sandbox-harness";

// The sandbox declares every capability, so it runs every scenario but these two, each for its reason.
runGatewayConformance({
  name: "sandbox",
  createHarness: () => createSandboxHarness(),
  skip: {
    refreshesExpiredAccessTokenOnce:
      "the sandbox has no OAuth: no call carries an access token that could expire",
    processingBecomesPendingThenPaid:
      "the sandbox issues boletos at once unless boletoIssueDelayMs is set; gateway-scenarios.test.ts runs it so",
  },
});
