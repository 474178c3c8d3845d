import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture(level: Parameters<typeof createLogger>[0]["level"]) {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    write: (line) => lines.push(line),
    now: () => new Date("2026-03-10T15:00:00.000Z"),
  });
  return { logger, lines, records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("writes one JSON object per line with level, time, msg and the fields", () => {
    const { logger, records } = capture("info");
    logger.info("listening", { url: "http://127.0.0.1:3000/" });
    expect(records()).toEqual([
      { level: "info", time: "2026-03-10T15:00:00.000Z", msg: "listening", url: "http://127.0.0.1:3000/" },
    ]);
  });

  it("drops lines below its level and writes nothing when silent", () => {
    const info = capture("warn");
    info.logger.info("quiet");
    info.logger.warn("loud");
    expect(info.records().map((r) => r.msg)).toEqual(["loud"]);
    const silent = capture("silent");
    silent.logger.error("nothing");
    expect(silent.lines).toEqual([]);
  });

  it("adds a child's fields to every line", () => {
    const { logger, records } = capture("debug");
    logger.child({ requestId: "r1" }).debug("step", { n: 1 });
    expect(records()[0]).toMatchObject({ requestId: "r1", n: 1 });
  });

  it("never writes a secret, a card number, a CVV or a body", () => {
    const { logger, lines } = capture("debug");
    logger.info("payment for 4111 1111 1111 1111", {
      password: "hunter2",
      apiKey: "sk_live_abc",
      card: { number: "4000000000000002", cvv: "123" },
      nested: { authorization: "Bearer xyz", note: "card 5555-5555-5555-4444" },
      body: '{"name":"Ana"}',
      databaseUrl: "postgres://u:pw@db/x",
    });
    const text = lines.join("\n");
    for (const secret of [
      "hunter2",
      "sk_live_abc",
      "4111",
      "4000000000000002",
      "123",
      "Bearer",
      "5555",
      "Ana",
      "pw@db",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("writes an error's name, message and stack", () => {
    const { logger, records } = capture("error");
    logger.error("failed", { err: new TypeError("boom") });
    expect(records()[0]?.["err"]).toMatchObject({ name: "TypeError", message: "boom" });
  });
});
