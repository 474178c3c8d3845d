import { X509Certificate } from "node:crypto";
import { createServer, request, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createTestPki, type TestCertificate } from "./test-pki";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A loopback HTTPS server that demands a client certificate from `ca` and answers its CN. */
async function mutualTlsServer(server: TestCertificate, ca: string): Promise<number> {
  const https = createServer(
    { cert: server.certificate, key: server.privateKey, ca, requestCert: true, rejectUnauthorized: true },
    (req, res) => {
      const peer = (req.socket as import("node:tls").TLSSocket).getPeerCertificate();
      res.end(String(peer.subject?.CN));
    },
  );
  servers.push(https);
  await new Promise<void>((resolve) => https.listen(0, "127.0.0.1", resolve));
  return (https.address() as AddressInfo).port;
}

function get(port: number, ca: string, client: TestCertificate | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/",
        ca,
        ...(client ? { cert: client.certificate, key: client.privateKey } : {}),
        agent: false,
      },
      (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve(body));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("the test PKI", () => {
  const pki = createTestPki({ name: "Mock PSP CA" });

  it("issues a server and a client certificate that Node's TLS verifies both ways", async () => {
    const port = await mutualTlsServer(pki.issueServer(), pki.caCertificate);
    expect(await get(port, pki.caCertificate, pki.issueClient("tessera-gateway"))).toBe("tessera-gateway");
  });

  it("fails the handshake for no client certificate, and for one from another CA", async () => {
    const port = await mutualTlsServer(pki.issueServer(), pki.caCertificate);
    await expect(get(port, pki.caCertificate, null)).rejects.toThrow();
    await expect(get(port, pki.caCertificate, createTestPki().issueClient("intruder"))).rejects.toThrow();
  });

  it("names its CA as Node names an issued certificate's issuer, and the CA is a CA", () => {
    const issued = new X509Certificate(pki.issueClient("someone").certificate);
    expect(issued.issuer).toBe(pki.caName);
    expect(pki.caName).toContain("CN=Mock PSP CA");
    expect(new X509Certificate(pki.caCertificate).ca).toBe(true);
    expect(issued.ca).toBe(false);
    expect(issued.checkIssued(new X509Certificate(pki.caCertificate))).toBe(true);
  });

  it("puts IP addresses and DNS names in the server certificate's subjectAltName", () => {
    const server = new X509Certificate(pki.issueServer(["studio.test", "127.0.0.1"]).certificate);
    expect(server.subjectAltName).toBe("DNS:studio.test, IP Address:127.0.0.1");
    expect(server.checkHost("studio.test")).toBe("studio.test");
    expect(server.checkIP("127.0.0.1")).toBe("127.0.0.1");
  });
});
