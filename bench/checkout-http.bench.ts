/**
 * Completed checkouts over HTTP: the reference server as `serve` composes it (SQLite in WAL
 * mode under a temp data directory, the sandbox provider at zero latency, the demo studio),
 * listening on 127.0.0.1, driven by 10 connections at once. One checkout is what a buyer's
 * browser does: GET the plan page (its form and idempotency key), POST the form (a new buyer
 * paying by PIX: customer, contract, installments, payment, the provider's QR code), follow
 * the 303 to the payment step and GET it (the QR code drawn as SVG). The baseline, in the same
 * run and through the same client: a bare Hono app on @hono/node-server answering "ok".
 * Printed: checkouts per second ÷ bare responses per second, and p99 latency of a whole
 * checkout at 10 connections beside the bare response's p99. Buyers (CPFs) are made before
 * the clock starts.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { composeServer, createApp, createLogger, loadConfig, seedDemo } from "@tessera/reference-server";
import { Hono } from "hono";
import { benchBuyers } from "./bench-buyers";
import type { Benchmark, BenchResult } from "./bench-result";

const connections = 10;
const warmUpMs = 1_500;
const measureMs = 5_000;

interface LatencyRun {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  counted: number;
}

/** Runs `once` on `connections` workers for warm-up + window; rate and latency of those ending in the window. */
async function measure(once: (worker: number, n: number) => Promise<void>): Promise<LatencyRun> {
  const start = performance.now();
  const windowStart = start + warmUpMs;
  const windowEnd = windowStart + measureMs;
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      while (performance.now() < windowEnd) {
        const began = performance.now();
        await once(worker, next++);
        const ended = performance.now();
        if (ended >= windowStart && ended < windowEnd) latencies.push(ended - began);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    perSecond: latencies.length / (measureMs / 1000),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    counted: latencies.length,
  };
}

async function listen(fetch: (request: Request) => Response | Promise<Response>) {
  const server = serve({ fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function bareHono(): Promise<LatencyRun> {
  const app = new Hono();
  app.get("/", (c) => c.text("ok"));
  const server = await listen(app.fetch);
  try {
    return await measure(async () => {
      const response = await fetch(`${server.url}/`);
      await response.text();
    });
  } finally {
    await server.close();
  }
}

async function checkouts(): Promise<LatencyRun & { failures: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), "tessera-bench-checkout-"));
  const config = loadConfig({
    env: { TESSERA_DATA_DIR: dataDir, TESSERA_LOG_LEVEL: "silent", TESSERA_SCHEDULER_INTERVAL_SECONDS: "0" },
    cwd: dataDir,
  });
  const logger = createLogger({ level: "silent" });
  const parts = await composeServer(config, { logger });
  // Enough buyers for the fastest machine we expect; each checkout registers a new one.
  const buyers = benchBuyers(1, 40_000);
  let failures = 0;
  try {
    await seedDemo(parts.tessera);
    const app = createApp({
      tessera: parts.tessera,
      config,
      logger,
      sandbox: parts.sandbox,
      serverKey: parts.serverKey,
    });
    const server = await listen(app.fetch);
    try {
      const result = await measure(async (_worker, n) => {
        const buyer = buyers[n % buyers.length]!;
        const page = await (await fetch(`${server.url}/u/aurora-centro/day-pass`)).text();
        const key = /name="idempotencyKey" value="([^"]+)"/.exec(page)?.[1] ?? "";
        const posted = await fetch(`${server.url}/u/aurora-centro/day-pass`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            name: buyer.name,
            email: buyer.email,
            document: buyer.cpf,
            method: "pix",
            idempotencyKey: key,
          }),
        });
        await posted.arrayBuffer();
        const location = posted.headers.get("location");
        if (posted.status !== 303 || !location) {
          failures++;
          return;
        }
        const step = await fetch(`${server.url}${location}`);
        const html = await step.text();
        if (step.status !== 200 || !html.includes('id="pix-code"')) failures++;
      });
      return { ...result, failures };
    } finally {
      await server.close();
    }
  } finally {
    await parts.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const benchmark: Benchmark = async () => {
  const bare = await bareHono();
  const sold = await checkouts();
  const results: BenchResult[] = [
    {
      name: "checkout over HTTP (SQLite, sandbox PIX, 10 connections)",
      ratio: sold.perSecond / bare.perSecond,
      ratioMeaning: "completed checkouts/s (3 requests each) ÷ bare Hono responses/s",
      measured: { value: sold.perSecond, unit: "checkouts/s" },
      baseline: { name: "bare Hono", value: bare.perSecond, unit: "responses/s" },
      notes: { checkouts: sold.counted, failed: sold.failures, "p50 ms": sold.p50Ms.toFixed(1) },
    },
    {
      name: "checkout p99 latency at 10 connections",
      ratio: bare.p99Ms / sold.p99Ms,
      ratioMeaning: "bare Hono response p99 ÷ whole checkout p99 (higher is better)",
      measured: { value: sold.p99Ms, unit: "ms p99 per checkout" },
      baseline: { name: "bare Hono", value: bare.p99Ms, unit: "ms p99 per response" },
      notes: { "bare p50 ms": bare.p50Ms.toFixed(2) },
    },
  ];
  return results;
};

export default benchmark;
