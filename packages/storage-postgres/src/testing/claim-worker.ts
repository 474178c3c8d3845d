/**
 * One worker process of the multi-process claim test and benchmark (`claim-workers.ts`
 * starts it with `node --conditions=@tessera/source --import tsx`). It opens its own
 * storage (its own pool), says `ready`, waits for `go` on stdin, then claims due
 * installments under short leases and completes each one through the fenced
 * `completeClaim`, printing `done <id>` after each completion the database accepted and
 * `lost <id>` when the lease had already passed to another worker. It exits when no
 * installment is left unconfirmed, after printing `finished <epoch ms>` — or, with
 * `dieAfter`, kills itself mid-batch after printing `dying <id,id,…>`.
 *
 * Settings come as one JSON argument (`ClaimWorkerSettings`).
 */
import { type Installment, isTesseraError, toInstant } from "@tessera/core";
import pg from "pg";
import { createPostgresStorage } from "../postgres-storage";

export interface ClaimWorkerSettings {
  url: string;
  schema: string;
  owner: string;
  leaseMs: number;
  batchSize: number;
  /** How long "processing" one item takes before it is completed. */
  itemDelayMs: number;
  /** Items of a batch processed at once (the billing run's bounded pool); 1 = one after another. */
  concurrency: number;
  /**
   * SIGKILL itself once it has completed this many items, at the first completion after
   * which items of its batch are still unfinished — so it always dies holding leases, the
   * crash a takeover must repair, wherever the scheduler has put the other workers.
   */
  dieAfter?: number;
}

const settings = JSON.parse(process.argv[2] ?? "{}") as ClaimWorkerSettings;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Pipes are written synchronously on Linux, so a line printed is a line the parent gets,
// even when this process is killed right after.
const say = (line: string) => process.stdout.write(`${line}\n`);
let completed = 0;
/** Claimed by this worker and not yet completed (or lost). */
const holding = new Set<string>();

const storage = await createPostgresStorage({
  url: settings.url,
  schema: settings.schema,
  poolSize: 2,
  migrate: false,
  applicationName: settings.owner,
});
const probe = new pg.Client({ connectionString: settings.url });
await probe.connect();

say("ready");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
// Stop reading: an open stdin would keep this process alive after its work is done.
process.stdin.destroy();
say(`started ${Date.now()}`);

for (;;) {
  const now = new Date().toISOString();
  const batch = await storage.installments.claimDue({
    dueOn: "2026-03-10",
    limit: settings.batchSize,
    owner: settings.owner,
    leaseMs: settings.leaseMs,
    now,
  });
  if (batch.length === 0) {
    const { rows } = await probe.query<{ left: string }>(
      `select count(*) as left from "${settings.schema}".installments where status <> 'confirmed'`,
    );
    if (Number(rows[0]?.left) === 0) break;
    // What is left is leased to someone else: wait for it to finish or for its lease to expire.
    await sleep(50);
    continue;
  }
  for (const installment of batch) holding.add(installment.id);
  const queue = [...batch];
  await Promise.all(
    Array.from({ length: Math.max(1, settings.concurrency) }, async () => {
      for (let installment = queue.shift(); installment; installment = queue.shift()) {
        await processItem(installment);
      }
    }),
  );
}

async function processItem(installment: Installment): Promise<void> {
  if (settings.itemDelayMs > 0) await sleep(settings.itemDelayMs);
  const lease = installment.lease!;
  const at = toInstant(new Date());
  try {
    await storage.installments.completeClaim(
      { ...installment, status: "confirmed", confirmedAt: at, updatedAt: at },
      { owner: lease.owner, version: lease.version },
    );
  } catch (error) {
    if (!isTesseraError(error, "lease_lost")) throw error;
    holding.delete(installment.id);
    say(`lost ${installment.id}`);
    return;
  }
  holding.delete(installment.id);
  say(`done ${installment.id}`);
  completed++;
  if (settings.dieAfter !== undefined && completed >= settings.dieAfter && holding.size > 0) die();
}

/** Dies on the spot, naming the items whose leases it takes with it. */
function die(): never {
  say(`dying ${[...holding].join(",")}`);
  process.kill(process.pid, "SIGKILL");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
  throw new Error("SIGKILL did not end the process");
}

say(`finished ${Date.now()}`);
await probe.end();
await storage.close();
