import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Runs the real CLI from source, as `npm start` does, with only the environment given. */
function startCli(args: string[], env: Record<string, string>): ChildProcess {
  const { INIT_CWD: _ignored, ...inherited } = process.env;
  return spawn(process.execPath, ["--conditions=@tessera/source", "--import", "tsx", "src/cli.ts", ...args], {
    cwd: packageRoot,
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Resolves with the first match of `pattern` in the stream's text so far. */
function waitFor(stream: NodeJS.ReadableStream, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  let seen = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; saw: ${seen}`)), ms);
    stream.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

describe("the tessera command (a real process)", () => {
  let dir: string | undefined;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("starts on a free loopback port, answers /healthz, and exits 0 on SIGTERM", {
    timeout: 60_000,
  }, async () => {
    dir = await mkdtemp(join(tmpdir(), "tessera-serve-"));
    await writeFile(
      join(dir, "tessera.config.json"),
      JSON.stringify({ dataDir: "state", host: "127.0.0.1" }),
    );
    child = startCli(["serve"], { TESSERA_CONFIG: join(dir, "tessera.config.json"), TESSERA_PORT: "0" });
    const exited = exitOf(child);
    const stdout: string[] = [];
    child.stdout?.on("data", (chunk: Buffer) => stdout.push(chunk.toString()));

    const [, url] = await waitFor(child.stderr!, /Open (http:\/\/127\.0\.0\.1:\d+\/)/, 45_000);
    const res = await fetch(`${url}healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
    expect(existsSync(join(dir, "state", "tessera.db"))).toBe(true);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const records = stdout
      .join("")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => r["msg"])).toEqual(
      expect.arrayContaining(["demo seeded", "listening", "request", "shutting down", "stopped"]),
    );
    expect(records.find((r) => r["msg"] === "request")).toMatchObject({
      method: "GET",
      path: "/healthz",
      status: 200,
    });
  });

  it("runs through bin/tessera.mjs as well, forwarding the exit code", { timeout: 60_000 }, async () => {
    child = spawn(process.execPath, ["bin/tessera.mjs", "--help"], {
      cwd: packageRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = exitOf(child);
    const usage = waitFor(child.stdout!, /Usage: tessera <command>/, 45_000);
    expect(await exited).toBe(0);
    await expect(usage).resolves.toBeTruthy();
  });
});
