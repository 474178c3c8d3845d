import { runGatewayConformance } from "@tessera/core/testing";
import { createCieloHarness } from "./testing";

runGatewayConformance({
  name: "cielo (API E-commerce 3.0 on a loopback Cielo, sandbox return codes)",
  createHarness: () => createCieloHarness(),
});

runGatewayConformance({
  name: "cielo (API E-commerce 3.0 on a loopback Cielo, issuers' production codes)",
  createHarness: () => createCieloHarness({ returnCodes: "production" }),
});
