import { runGatewayConformance } from "@tessera/core/testing";
import { createPixHarness } from "./testing";

runGatewayConformance({
  name: "pix (API Pix on a loopback PSP over mutual TLS)",
  createHarness: () => createPixHarness(),
});

// Banco Inter's API Pix, as a PIX account with Inter's addresses: the API under /pix/v2, the
// token at /oauth/v2/token, the client ID and secret in the form body (developers.inter.co).
runGatewayConformance({
  name: "pix (Banco Inter's API Pix: /pix/v2, credentials in the token form)",
  createHarness: () =>
    createPixHarness({
      psp: { basePath: "/pix/v2", tokenPath: "/oauth/v2/token", clientAuthentication: "body" },
    }),
});
