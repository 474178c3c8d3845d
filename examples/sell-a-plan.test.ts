/**
 * The quickstart as a new user meets it: `sell-a-plan.ts` copied into a fresh project
 * outside the repository, which depends on the packages the way the quickstart's "Install"
 * says — `file:` dependencies on the package folders, which `npm install <folder>` makes into
 * links in node_modules (made here by hand, so the test needs no network and no npm) — and
 * run with the `@tessera/source` condition, so no build is needed. Each database gets two
 * runs in a row: the first sells, the second must find everything and sell nothing twice.
 */
import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { randomSchemaName, testDatabaseUrl } from "@tessera/storage-postgres/testing";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repository = fileURLToPath(new URL("..", import.meta.url));

/** What the fresh project depends on, and the folder each `file:` link points at. */
const links = {
  "@tessera/core": join(repository, "packages/core"),
  "@tessera/storage-sqlite": join(repository, "packages/storage-sqlite"),
  "@tessera/storage-postgres": join(repository, "packages/storage-postgres"),
  // The TypeScript runner the user installs next to them (`npm install -D tsx`).
  tsx: join(repository, "node_modules/tsx"),
};

async function freshProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "tessera-quickstart-"));
  const { tsx, ...tessera } = links;
  const manifest = {
    name: "my-studio-system",
    private: true,
    type: "module",
    dependencies: Object.fromEntries(Object.entries(tessera).map(([name, path]) => [name, `file:${path}`])),
    devDependencies: { tsx: `file:${tsx}` },
  };
  await writeFile(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, target] of Object.entries(links)) {
    const link = join(dir, "node_modules", name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(target, link, "dir");
  }
  await copyFile(join(repository, "examples/sell-a-plan.ts"), join(dir, "sell-a-plan.ts"));
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --conditions=@tessera/source --import tsx sell-a-plan.ts` in the project, with only the environment given. */
function runQuickstart(cwd: string, env: Record<string, string> = {}): Promise<Run> {
  const { PATH, HOME, SYSTEMROOT } = process.env;
  const base = Object.fromEntries(
    Object.entries({ PATH, HOME, SYSTEMROOT }).filter((entry): entry is [string, string] => !!entry[1]),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=@tessera/source", "--import", "tsx", "sell-a-plan.ts"],
      { cwd, env: { ...base, ...env }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const soldLine =
  /^(Sold|Replayed): Plano Trimestral to Maria Souza, contract (ctr_[0-9A-Z]{26}) active from (\d{4}-\d{2}-\d{2})$/m;

/** The sale a run printed: whether it was new, its contract and start, and its installment lines. */
function saleOf(run: Run) {
  expect(run.stderr, "the program wrote to stderr").toBe("");
  expect(run.code, run.stdout).toBe(0);
  const match = run.stdout.match(soldLine);
  expect(match, run.stdout).not.toBeNull();
  const installments = run.stdout.split("\n").filter((line) => line.startsWith("  #"));
  return { verb: match?.[1], contractId: match?.[2], startDate: match?.[3], installments };
}

/** Two runs in a row: the first sells, the second replays the same sale and prints it again. */
async function expectRerunnable(cwd: string, env: Record<string, string>) {
  const first = saleOf(await runQuickstart(cwd, env));
  expect(first.verb).toBe("Sold");
  // The enrollment fee and the first month are collected now; months 2 and 3 wait for their due days.
  expect(first.installments).toHaveLength(4);
  expect(
    first.installments.filter((line) => /enrollment_fee .*R\$\s49,00\s+confirmed$/.test(line)),
  ).toHaveLength(1);
  expect(first.installments.filter((line) => /period .*R\$\s129,90\s+confirmed$/.test(line))).toHaveLength(1);
  expect(first.installments.filter((line) => /period .*R\$\s129,90\s+awaiting$/.test(line))).toHaveLength(2);

  const second = saleOf(await runQuickstart(cwd, env));
  expect(second).toEqual({ ...first, verb: "Replayed" });
}

/** What both runs left in the database, counted through a connection of the test's own. */
const expectedRows = { organizations: 1, units: 1, plans: 1, customers: 1, contracts: 1, payments: 1 };

describe("the quickstart in a fresh project", () => {
  let project: string;
  beforeAll(async () => {
    project = await freshProject();
  });
  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it("runs twice in a row on SQLite: one studio, one plan, one sale", { timeout: 120_000 }, async () => {
    await expectRerunnable(project, {});
    const raw = new BetterSqlite3(join(project, "data/quickstart.db"), { readonly: true });
    try {
      const counts = Object.fromEntries(
        Object.keys(expectedRows).map((table) => [
          table,
          (raw.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n,
        ]),
      );
      expect(counts).toEqual(expectedRows);
    } finally {
      raw.close();
    }
  });

  describe("on PostgreSQL", () => {
    const raw = new pg.Client({ connectionString: testDatabaseUrl });
    const schema = randomSchemaName();
    let reachable = true;
    beforeAll(async () => {
      try {
        await raw.connect();
      } catch (error) {
        // A laptop without the project's server: the child process cannot use PGlite, so say so and skip.
        if (process.env["CI"] === "true") throw error;
        reachable = false;
        console.warn(`[examples] PostgreSQL is not reachable at ${new URL(testDatabaseUrl).host}; skipping.`);
      }
    });
    afterAll(async () => {
      if (!reachable) return;
      await raw.query(`drop schema if exists "${schema}" cascade`);
      await raw.end();
    });

    it("runs twice in a row in a fresh schema: one studio, one plan, one sale", {
      timeout: 120_000,
    }, async (ctx) => {
      if (!reachable) ctx.skip();
      await expectRerunnable(project, { DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema });
      const counts: Record<string, number> = {};
      for (const table of Object.keys(expectedRows)) {
        const { rows } = await raw.query<{ n: string }>(`select count(*) as n from "${schema}"."${table}"`);
        counts[table] = Number(rows[0]?.n);
      }
      expect(counts).toEqual(expectedRows);
    });
  });
});
