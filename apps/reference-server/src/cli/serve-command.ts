import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { TesseraError } from "@tessera/core";
import { composeServer } from "../composition/compose-server";
import { serverBaseUrl } from "../config/server-address";
import { seedDemo } from "../demo/demo-seed";
import { createApp } from "../http/create-app";
import { openWebhookTlsListener } from "../http/open-webhook-tls-listener";
import type { WebhookTlsListener } from "../http/webhook-tls-listener";
import { createScheduler, type Scheduler } from "../scheduler/scheduler";
import { schedulerTasks } from "../scheduler/scheduler-tasks";
import type { CommandContext } from "./command-context";

/** How long a stop waits for open requests before it closes their connections. */
const drainTimeoutMs = 10_000;

/**
 * `tessera serve`: composes the server (the storage migrated on open), seeds the demo when
 * asked, listens, starts the scheduler, prints the address to open, and on SIGINT/SIGTERM
 * stops the scheduler (letting a pass under way finish), stops taking connections, lets
 * open requests finish, and closes the storage.
 */
export async function serveCommand(ctx: CommandContext): Promise<number> {
  const { config, logger } = ctx;
  const parts = await composeServer(config, { logger });
  const { tessera } = parts;
  let server: ReturnType<typeof serve> | null = null;
  let scheduler: Scheduler | null = null;
  let webhookTls: WebhookTlsListener | null = null;
  // Said to the person starting the server, never logged: the log is read by more people.
  let demoOwner: { email: string; password: string } | null = null;
  try {
    if (config.demo) {
      const seeded = await seedDemo(tessera);
      if (seeded.created) {
        logger.info("demo seeded", { unit: seeded.unit.slug, plans: seeded.plans.length });
        demoOwner = seeded.owner;
      }
    }
    const app = createApp({
      tessera,
      config,
      logger,
      sandbox: parts.sandbox,
      mailbox: parts.mailbox,
      notifier: parts.notifier,
      serverKey: parts.serverKey,
    });
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
    // events.once rejects when the server emits "error" instead (port taken, no permission).
    await once(server, "listening").catch((error: NodeJS.ErrnoException) => {
      throw ["EADDRINUSE", "EACCES", "EADDRNOTAVAIL"].includes(error.code ?? "")
        ? new TesseraError(
            "configuration_invalid",
            `Cannot listen on ${config.host}:${config.port} (${error.code}). Set TESSERA_PORT to a free port, or TESSERA_HOST to an address of this machine.`,
            {
              details: {
                issues: [{ path: ["TESSERA_PORT"], code: "listen_failed", message: String(error.code) }],
              },
              cause: error,
            },
          )
        : error;
    });

    if (config.webhookTls !== null) {
      webhookTls = await openWebhookTlsListener(
        { ...config, webhookTls: config.webhookTls },
        tessera,
        logger,
      );
    }

    const { port } = server.address() as AddressInfo;
    const url = serverBaseUrl(config, port);
    logger.info("listening", {
      host: config.host,
      port,
      url,
      database: config.database.kind,
      mail: config.mail.kind,
    });
    ctx.say(`Tessera is running. Open ${url}`);
    if (demoOwner) {
      ctx.say(
        `Back office: ${url}admin — sign in as ${demoOwner.email} with password ${demoOwner.password} (shown only this once).`,
      );
    }
    if (parts.mailbox)
      ctx.say(
        `E-mails are not sent (no TESSERA_SMTP_URL); read them, signed in as an owner, at ${url}admin/mailbox`,
      );
    if (config.schedulerIntervalMs !== null) {
      scheduler = createScheduler({
        tasks: schedulerTasks(parts, logger),
        intervalMs: config.schedulerIntervalMs,
        logger,
      });
      scheduler.start();
    }

    const signal = await ctx.waitForStop();
    logger.info("shutting down", { signal });
    await scheduler?.stop();
    await Promise.all([stopServer(server), webhookTls?.close()]);
    server = null;
    webhookTls = null;
  } finally {
    await scheduler?.stop();
    if (server) await stopServer(server);
    await webhookTls?.close();
    await parts.close();
  }
  logger.info("stopped");
  return 0;
}

async function stopServer(server: ReturnType<typeof serve>): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Idle keep-alive connections would hold the server open; busy ones get a grace period.
  if ("closeIdleConnections" in server) server.closeIdleConnections();
  const timer = setTimeout(() => {
    if ("closeAllConnections" in server) server.closeAllConnections();
  }, drainTimeoutMs);
  await closed;
  clearTimeout(timer);
}
