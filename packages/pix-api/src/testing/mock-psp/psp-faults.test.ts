import { request } from "node:https";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPki } from "../test-pki";
import { type PixPspMock, startPixPspMock } from "./pix-psp-mock";
import { cobBody, freshTxid, openPspSession, type PspTestSession } from "./psp-test-session";

const pki = createTestPki();

describe("the mock PSP's faults", () => {
  let mock: PixPspMock;
  let psp: PspTestSession;
  beforeAll(async () => {
    mock = await startPixPspMock({ pki, notify: false });
  });
  beforeEach(async () => {
    psp = await openPspSession(mock);
  });
  afterAll(() => mock.close());

  it("answers the next request 429 with Retry-After, does nothing, and answers the one after", async () => {
    mock.rateLimitNext();
    const txid = freshTxid();
    const limited = await psp.call("PUT", `/cob/${txid}`, cobBody(mock));
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("1");
    expect(mock.records().charges.some((charge) => charge.txid === txid)).toBe(false);
    expect((await psp.call("PUT", `/cob/${txid}`, cobBody(mock))).status).toBe(201);
  });

  it("drops the connection before reading a create when told before_receipt, and makes nothing", async () => {
    mock.timeoutNextCreate("before_receipt");
    const txid = freshTxid();
    await expect(psp.call("PUT", `/cob/${txid}`, cobBody(mock))).rejects.toThrow();
    expect(mock.records().charges.some((charge) => charge.txid === txid)).toBe(false);
    expect((await psp.call("GET", `/cob/${txid}`)).status).toBe(404);
  });

  it("makes the charge and drops the connection when told after_charge; a lookup then finds it", async () => {
    mock.timeoutNextCreate("after_charge");
    const txid = freshTxid();
    await expect(psp.call("PUT", `/cob/${txid}`, cobBody(mock))).rejects.toThrow();
    expect(mock.records().charges.filter((charge) => charge.txid === txid)).toHaveLength(1);
    expect((await psp.call("GET", `/cob/${txid}`)).json).toMatchObject({ txid, status: "ATIVA" });
  });

  it("holds its answer to a create it made when told after_charge with hold, until the client gives up", async () => {
    mock.timeoutNextCreate("after_charge", { answer: "hold" });
    const txid = freshTxid();
    const payload = JSON.stringify(cobBody(mock));
    const outcome = await new Promise<string>((resolve) => {
      const outgoing = request(`${mock.baseUrl}/cob/${txid}`, {
        method: "PUT",
        ca: pki.caCertificate,
        cert: mock.clientCertificate.certificate,
        key: mock.clientCertificate.privateKey,
        agent: false,
        headers: { authorization: `Bearer ${psp.token}`, "content-type": "application/json" },
      });
      outgoing.on("response", () => resolve("answered"));
      outgoing.on("error", () => resolve("gave up"));
      outgoing.end(payload, () => {
        // The client's own timeout, played by the test once the mock has the charge: no wall clock involved.
        const waitForCharge = () =>
          mock.records().charges.some((charge) => charge.txid === txid)
            ? outgoing.destroy(new Error("client timeout"))
            : setImmediate(waitForCharge);
        waitForCharge();
      });
    });
    expect(outcome).toBe("gave up");
    expect((await psp.call("GET", `/cob/${txid}`)).status).toBe(200);
  });

  it("plays a create fault once: the next create is answered", async () => {
    mock.timeoutNextCreate("after_charge");
    await expect(psp.call("POST", "/cob", cobBody(mock))).rejects.toThrow();
    expect((await psp.call("POST", "/cob", cobBody(mock))).status).toBe(201);
  });
});
