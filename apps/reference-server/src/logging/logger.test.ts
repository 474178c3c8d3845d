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

  it("writes an error in pino's shape: its type, message and stack, with its cause folded in", () => {
    const { logger, records } = capture("error");
    logger.error("failed", { err: new TypeError("boom", { cause: new Error("disk full") }) });
    const err = records()[0]?.["err"] as Record<string, unknown>;
    expect(err).toMatchObject({ type: "TypeError", message: "boom: disk full" });
    expect(err["stack"]).toContain("TypeError: boom");
    expect(err["stack"]).toContain("caused by: Error: disk full");
  });

  it("lets a line's own fields win over its child's", () => {
    const { logger, records } = capture("info");
    logger.child({ component: "scheduler", task: "bound" }).info("ran", { task: "recovery" });
    expect(records()[0]).toMatchObject({ component: "scheduler", task: "recovery", msg: "ran" });
  });
});

describe("scrubbing (STYLE 21)", () => {
  const card = "4111111111111111";
  const grouped = "5555 5555 5555 4444";
  const dashed = "4000-0000-0000-0002";
  const cvv = "837";
  const password = "hunter2-correct-horse";
  const credentials = [
    "sk_live_51Hx9",
    "Bearer eyJhbGciOi",
    "sess=9f8e7d",
    "postgres://tessera:pw4db@db/prod",
  ];

  it("writes no card number, CVV, password or credential in any line: fields, nesting, errors, children", () => {
    const { logger, lines, records } = capture("debug");
    const request = logger.child({
      requestId: "r1",
      apiKey: credentials[0],
      session: { cookie: credentials[2] },
      payer: { card: { number: card, cvv } },
    });
    request.info(`charging ${grouped}`, { amount: 14_990 });
    request.warn("provider said no", {
      // Beyond pino's redact paths: deeper than two levels, other spellings, arrays.
      provider: { request: { headers: { Authorization: credentials[1], "X-Api-Key": credentials[0] } } },
      attempts: [{ securityCode: cvv }, { note: `retry with ${dashed}` }],
      a: { b: { c: { d: { password } } } },
      config: { database_url: credentials[3], client_secret: password },
    });
    const failure = new Error(`gateway refused card ${card}`, { cause: new Error(`pan ${grouped} invalid`) });
    Object.assign(failure, { details: { cvv, card: { number: dashed } } });
    request.error("sale failed", { err: failure, context: { step: "capture", error: new RangeError(card) } });
    request.child({ nested: { token: credentials[1] } }).debug("deeper child", { body: `cvv=${cvv}` });
    const cyclic: Record<string, unknown> = { password };
    cyclic["self"] = cyclic;
    logger.info("odd shapes", {
      cyclic,
      file: new Uint8Array([52, 49, 49, 49]),
      deep: nest(12, { password }),
    });

    expect(lines).toHaveLength(5);
    const text = lines.join("\n");
    for (const secret of [card, grouped, dashed, "4444", "0002", cvv, password, "pw4db", ...credentials]) {
      expect(text).not.toContain(secret);
    }
    // What is not secret is still there, so the lines above were written, not swallowed.
    const [charging, refused, failed, deeper, odd] = records();
    expect(charging).toMatchObject({ msg: "charging [redacted]", amount: 14_990, requestId: "r1" });
    expect(charging).toMatchObject({
      apiKey: "[redacted]",
      session: { cookie: "[redacted]" },
      payer: { card: "[redacted]" },
    });
    expect(refused).toMatchObject({
      provider: { request: { headers: { Authorization: "[redacted]", "X-Api-Key": "[redacted]" } } },
      attempts: [{ securityCode: "[redacted]" }, { note: "retry with [redacted]" }],
      a: { b: { c: { d: { password: "[redacted]" } } } },
      config: { database_url: "[redacted]", client_secret: "[redacted]" },
    });
    expect(failed).toMatchObject({
      err: {
        type: "Error",
        message: "gateway refused card [redacted]: pan [redacted] invalid",
        details: { cvv: "[redacted]", card: "[redacted]" },
      },
      context: { step: "capture", error: { type: "RangeError", message: "[redacted]" } },
    });
    expect((failed?.["err"] as { stack?: string } | undefined)?.stack).toContain(
      "gateway refused card [redacted]",
    );
    expect(deeper).toMatchObject({ requestId: "r1", nested: { token: "[redacted]" }, body: "[redacted]" });
    expect(odd).toMatchObject({ cyclic: { password: "[redacted]", self: "[circular]" }, file: "[4 bytes]" });
  });

  it("leaves the request log's facts alone: method, path, status and duration are not secrets", () => {
    const { logger, records } = capture("info");
    logger.info("request", { method: "POST", path: "/c/aurora/mensal", status: 303, durationMs: 12.5 });
    expect(records()[0]).toEqual({
      level: "info",
      time: "2026-03-10T15:00:00.000Z",
      msg: "request",
      method: "POST",
      path: "/c/aurora/mensal",
      status: 303,
      durationMs: 12.5,
    });
  });
});

/** `value` wrapped in `levels` objects: `{ level: { level: … value } }`. */
function nest(levels: number, value: unknown): unknown {
  return levels === 0 ? value : { level: nest(levels - 1, value) };
}
