/**
 * One worker process of the multi-process billing test (`billing-across-processes.test.ts`,
 * started with `node --conditions=@tessera/source --import tsx`). It opens its own storage
 * (its own pool) on the shared schema and a sandbox on the shared ledger file — the
 * provider's books every worker appends to — says `ready`, waits for `go` on stdin, runs one
 * billing run and prints `report <json>` (and `charged <n>` at each charge the sandbox
 * records). With `killAfterCharges`, it SIGKILLs itself inside
 * its n-th charge, once the sandbox has recorded it and before the answer comes back: the
 * charge the provider made whose answer is lost, with the worker's other claims still held.
 *
 * Settings come as one JSON argument (`BillingWorkerSettings`).
 */
import { type Clock, createTessera, type Instant } from "@tessera/core";
import { createSandboxGateway } from "@tessera/core/sandbox";
import { createPostgresStorage } from "../postgres-storage";

export interface BillingWorkerSettings {
  url: string;
  schema: string;
  owner: string;
  ledgerFile: string;
  webhookSecret: string;
  /** Where the worker's clock starts; it then moves with real time (leases expire for real). */
  startAt: Instant;
  batchSize: number;
  concurrency: number;
  leaseMs: number;
  killAfterCharges?: number;
}

const settings = JSON.parse(process.argv[2] ?? "{}") as BillingWorkerSettings;
// Pipes are written synchronously on Linux: a line printed reaches the parent even when this process dies next.
const say = (line: string) => process.stdout.write(`${line}\n`);
const realStart = Date.now();
const clock: Clock = {
  now: () => new Date(Date.parse(settings.startAt) + (Date.now() - realStart)).toISOString() as Instant,
};

let charges = 0;
const sandbox = createSandboxGateway({
  clock,
  ledgerFile: settings.ledgerFile,
  webhookSecret: settings.webhookSecret,
  providerRecurrence: false,
  onCharge() {
    charges++;
    say(`charged ${charges}`);
    if (settings.killAfterCharges !== undefined && charges >= settings.killAfterCharges) {
      say("dying");
      process.kill(process.pid, "SIGKILL");
    }
  },
});
const storage = await createPostgresStorage({
  url: settings.url,
  schema: settings.schema,
  poolSize: 3,
  migrate: false,
  applicationName: settings.owner,
});
const tessera = createTessera({ storage, clock, gateways: [sandbox] });

say("ready");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
process.stdin.destroy();
const report = await tessera.billing.run({
  owner: settings.owner,
  batchSize: settings.batchSize,
  concurrency: settings.concurrency,
  leaseMs: settings.leaseMs,
});
say(`report ${JSON.stringify(report)}`);
await storage.close();
