import { runGatewayConformance } from "@tessera/core/testing";
import { createInterHarness } from "./testing";

runGatewayConformance({
  name: "inter (Cobrança v3 on a loopback Inter over mutual TLS)",
  createHarness: () => createInterHarness(),
});
