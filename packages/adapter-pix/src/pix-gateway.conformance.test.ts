import { runGatewayConformance } from "@tessera/core/testing";
import { createPixHarness } from "./testing";

runGatewayConformance({
  name: "pix (API Pix on a loopback PSP over mutual TLS)",
  createHarness: () => createPixHarness(),
});
