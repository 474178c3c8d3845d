import { runGatewayConformance } from "../testing/gateway-conformance";
import { createSandboxHarness } from "../testing/gateway-conformance/sandbox-harness";

// The sandbox declares every capability, so it runs every scenario: nothing is skipped.
runGatewayConformance({ name: "sandbox", createHarness: () => createSandboxHarness() });
