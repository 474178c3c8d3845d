import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createManualClock } from "@tessera/core/testing";
import { afterEach, describe, expect, it } from "vitest";
import { composedTestServer, demoPixSale, type ComposedTestServer as Server } from "../http/test-app";

describe("composeServer", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await server?.cleanup();
    server = undefined;
  });

  it("opens the SQLite file under the data directory and registers the sandbox as the demo's gateway", async () => {
    server = await composedTestServer();
    expect(existsSync(join(server.config.dataDir, "tessera.db"))).toBe(true);
    expect(server.tessera.gateways.get("sandbox")).toBe(server.sandbox);
    expect(server.unit.paymentMethods.every((m) => m.gatewayId === server!.sandbox.id)).toBe(true);
  });

  it("gives the sandbox the configured auto-pay: a PIX pays itself once that time has passed", async () => {
    const clock = createManualClock();
    server = await composedTestServer({ sandboxAutoPayMs: 20_000 }, { clock });
    await demoPixSale(server, "compose-pix-0001");
    clock.advance(19_999);
    server.sandbox.sandbox.tick();
    expect(server.sandbox.sandbox.takeNotifications()).toEqual([]);
    clock.advance(1);
    server.sandbox.sandbox.tick();
    expect(server.sandbox.sandbox.takeNotifications().map((n) => n.type)).toEqual(["payment.paid"]);
  });

  it("leaves a PIX waiting for its payer when auto-pay is off", async () => {
    const clock = createManualClock();
    server = await composedTestServer({ sandboxAutoPayMs: null }, { clock });
    await demoPixSale(server, "compose-pix-0001");
    // Within the PIX's lifetime (the core issues it for an hour), long past any auto-pay.
    clock.advance(30 * 60_000);
    server.sandbox.sandbox.tick();
    expect(server.sandbox.sandbox.takeNotifications()).toEqual([]);
  });

  it("keeps attachments in <data dir>/files", async () => {
    server = await composedTestServer();
    const { customer } = await server.tessera.customers.register({
      organizationId: server.unit.organizationId,
      name: "Ana Souza",
      email: "ana@example.com",
    });
    const data = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);
    const attachment = await server.tessera.customers.addAttachment(customer.id, {
      fileName: "atestado.pdf",
      contentType: "application/pdf",
      data,
    });
    expect(new Uint8Array(await readFile(join(server.config.dataDir, "files", attachment.fileKey)))).toEqual(
      data,
    );
  });
});
