import type { Tessera } from "@tessera/core";
import { createTestPki, type TestPki } from "@tessera/pix-api/testing";
import {
  freeLoopbackPort,
  startTestWebhookListener,
  webhookTlsTestConfig,
} from "../http/test-webhook-listener";
import { type BrowserHarness, useBrowserHarness } from "./browser-harness";

/**
 * The browser harness on a server whose unit pays through a mutual-TLS provider's loopback
 * mock (`connect`: a PSP's API Pix, Banco Inter), with the server's mutual-TLS webhook
 * listener on, so the provider's callbacks reach the server as in production.
 */
export function useProviderAccountHarness<Account extends { close(): Promise<void> }>(
  connect: (deps: {
    tessera: Tessera;
    unit: { id: string; organizationId: string };
    pki: TestPki;
  }) => Promise<Account>,
): BrowserHarness & { readonly account: Account } {
  const pki = createTestPki({ name: "Mock provider CA" });
  let account: Account | null = null;
  const harness = useBrowserHarness({
    config: async () => ({ webhookTls: webhookTlsTestConfig(await freeLoopbackPort()) }),
    async prepare(server) {
      account = await connect({ tessera: server.tessera, unit: server.unit, pki });
      const listener = await startTestWebhookListener({
        tessera: server.tessera,
        config: server.config,
        logger: server.log.logger,
        pki,
      });
      return async () => {
        await listener.close();
        await account?.close();
      };
    },
  });
  return Object.defineProperty(harness, "account", {
    get() {
      if (account === null) throw new Error("no provider account: use the harness inside a test");
      return account;
    },
  }) as BrowserHarness & { readonly account: Account };
}
