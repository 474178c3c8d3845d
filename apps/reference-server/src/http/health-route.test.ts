import { TesseraError } from "@tessera/core";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "./create-app";
import { memoryLogger, sqliteTestApp, tesseraOverFailingStorage, testConfig } from "./test-app";

describe("GET /healthz", () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it("answers 200 ok when the database answers", async () => {
    const under = await sqliteTestApp();
    cleanup = under.cleanup;
    const res = await under.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when the storage call throws, and logs why", async () => {
    const tessera = tesseraOverFailingStorage(async () => {
      throw new TesseraError("storage_failure", "SQLITE_IOERR: disk I/O error.");
    });
    const log = memoryLogger();
    const app = createApp({ tessera, config: testConfig("/nonexistent"), logger: log.logger });
    const res = await app.request("/healthz");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unavailable", database: "unavailable" });
    expect(log.records().find((r) => r["msg"] === "health check failed")).toMatchObject({ level: "warn" });
  });

  it("answers 503 when the storage closed under it", async () => {
    const under = await sqliteTestApp();
    cleanup = under.cleanup;
    await under.storage.close();
    const res = await under.app.request("/healthz");
    expect(res.status).toBe(503);
  });
});
