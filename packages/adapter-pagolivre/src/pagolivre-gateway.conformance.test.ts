import { runGatewayConformance } from "@tessera/core/testing";
import { createPagoLivreHarness } from "./testing";

runGatewayConformance({
  name: "pagolivre (REST API v2 on a loopback PagoLivre, documented behaviour)",
  createHarness: () => createPagoLivreHarness(),
});

runGatewayConformance({
  name: "pagolivre (REST API v2 on a loopback PagoLivre, as its sandbox was seen: every repeat a new order)",
  createHarness: () => createPagoLivreHarness({ behaviour: "observed" }),
});
