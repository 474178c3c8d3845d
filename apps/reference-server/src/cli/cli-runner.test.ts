import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CliProcess, runCli } from "./cli-runner";

function fakeProcess(env: Record<string, string> = {}, cwd = "/nonexistent") {
  const out: string[] = [];
  const err: string[] = [];
  const proc: CliProcess = {
    env,
    cwd,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    waitForStop: () => Promise.resolve("SIGTERM"),
  };
  return { proc, out: () => out.join(""), err: () => err.join("") };
}

describe("runCli", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("prints the commands and every environment variable for --help", async () => {
    const run = fakeProcess();
    expect(await runCli(["--help"], run.proc)).toBe(0);
    for (const word of [
      "serve",
      "migrate",
      "demo",
      "TESSERA_PORT",
      "DATABASE_URL",
      "TESSERA_CONFIG",
      "TESSERA_DEMO",
    ]) {
      expect(run.out()).toContain(word);
    }
  });

  it("exits 2 with the usage for no command, an unknown command or an unknown option", async () => {
    for (const argv of [[], ["bill-everyone"], ["serve", "--prot=80"]]) {
      const run = fakeProcess();
      expect(await runCli(argv, run.proc), argv.join(" ")).toBe(2);
      expect(run.err()).toContain("Usage: tessera <command>");
    }
  });

  it("exits 1 on a bad configuration, printing the message that names the variable and no stack trace", async () => {
    const run = fakeProcess({ TESSERA_PORT: "eighty" });
    expect(await runCli(["serve"], run.proc)).toBe(1);
    expect(run.err()).toContain("Invalid configuration: TESSERA_PORT: must be a number");
    expect(run.err()).not.toMatch(/\n\s+at /);
  });

  it("prints each wrong setting on a line of its own, under the details the message points at", async () => {
    const run = fakeProcess({ TESSERA_PORT: "eighty", TESSERA_LOG_LEVEL: "loud", TESSERA_DEMO: "perhaps" });
    expect(await runCli(["serve"], run.proc)).toBe(1);
    const lines = run.err().split("\n");
    expect(lines[0]).toContain("Fix the configuration value named in `details`.");
    expect(lines[1]).toBe("details:");
    expect(lines.slice(2).filter((line) => line !== "")).toEqual([
      '  TESSERA_PORT: must be a number (got "eighty")',
      '  TESSERA_LOG_LEVEL: must be one of debug, info, warn, error, silent (got "loud")',
      '  TESSERA_DEMO: must be true or false (got "perhaps")',
    ]);
  });

  it("stops `migrate` on an unreachable PostgreSQL DATABASE_URL, naming what to fix and not the password", async () => {
    const run = fakeProcess({
      DATABASE_URL: "postgres://studio:hunter2@127.0.0.1:5999/tessera",
      TESSERA_LOG_LEVEL: "silent",
    });
    expect(await runCli(["migrate"], run.proc)).toBe(1);
    expect(run.err()).toContain(
      "DATABASE_URL: cannot connect to 127.0.0.1:5999/tessera (connection refused) — is PostgreSQL running and the URL right?",
    );
    expect(run.err()).toContain(
      "\ndetails:\n  DATABASE_URL: cannot connect to 127.0.0.1:5999/tessera (connection refused)\n",
    );
    expect(run.err()).not.toContain("hunter2");
    expect(run.err()).not.toMatch(/\n\s+at /);
  });

  it("migrates a new database under the data directory, creating it", async () => {
    dir = await mkdtemp(join(tmpdir(), "tessera-cli-"));
    const run = fakeProcess({ TESSERA_DATA_DIR: join(dir, "nested", "data"), TESSERA_LOG_LEVEL: "silent" });
    expect(await runCli(["migrate"], run.proc)).toBe(0);
    expect(existsSync(join(dir, "nested", "data", "tessera.db"))).toBe(true);
    expect(run.err()).toContain("The database is up to date");
  });

  it("seeds the demo once: `demo` twice leaves one demo studio", async () => {
    dir = await mkdtemp(join(tmpdir(), "tessera-cli-"));
    const env = { TESSERA_DATA_DIR: dir, TESSERA_LOG_LEVEL: "info" };
    const first = fakeProcess(env);
    expect(await runCli(["demo"], first.proc)).toBe(0);
    expect(first.err()).toContain('Seeded the demo studio: unit "aurora-centro" with 4 plans.');
    expect(JSON.parse(first.out().trim())).toMatchObject({ level: "info", msg: "demo seeded" });
    const second = fakeProcess(env);
    expect(await runCli(["demo"], second.proc)).toBe(0);
    expect(second.err()).toContain("already there");
  });

  it("runs `bill` once over the demo's units and says what it billed", async () => {
    dir = await mkdtemp(join(tmpdir(), "tessera-cli-"));
    const env = { TESSERA_DATA_DIR: dir, TESSERA_LOG_LEVEL: "info" };
    expect(await runCli(["demo"], fakeProcess(env).proc)).toBe(0);
    const run = fakeProcess(env);
    expect(await runCli(["bill"], run.proc)).toBe(0);
    // The demo's sales were all paid today: nothing falls due before next month.
    expect(run.err()).toContain("Billed: 0 installment(s) due, 0 new period(s).");
    expect(run.err()).toContain("Reminders sent: 0 before the due date, 0 overdue.");
    expect(JSON.parse(run.out().trim().split("\n").at(-1)!)).toMatchObject({
      msg: "billing run",
      claimed: 0,
      outcomes: { paid: 0, error: 0 },
    });
  });

  it("exits 1 with a clear message when the port is taken, and closes the storage", async () => {
    dir = await mkdtemp(join(tmpdir(), "tessera-cli-"));
    const blocker = createServer();
    blocker.listen(0, "127.0.0.1");
    await once(blocker, "listening");
    try {
      const { port } = blocker.address() as AddressInfo;
      const run = fakeProcess({
        TESSERA_DATA_DIR: dir,
        TESSERA_PORT: String(port),
        TESSERA_LOG_LEVEL: "silent",
      });
      expect(await runCli(["serve"], run.proc)).toBe(1);
      expect(run.err()).toContain(
        `Cannot listen on 127.0.0.1:${port} (EADDRINUSE). Set TESSERA_PORT to a free port`,
      );
    } finally {
      blocker.close();
    }
  });
});
