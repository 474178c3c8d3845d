/**
 * @module The browser tests' harness: the server as `tessera serve` runs it (the composed
 * server over SQLite in a temp directory, listening on loopback, with its scheduler), and
 * Debian's chromium driven by playwright-core on a phone-sized page. One server and one
 * browser per test file (`useBrowserHarness` in the file's top scope); one fresh browser
 * context per test, so no cookie, language choice or page state leaks from one test to the
 * next; everything closed even when a test or a hook fails.
 */
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { ComposeOverrides } from "../composition/compose-server";
import type { ServerConfig } from "../config/server-config";
import { type ComposedTestServer, composedTestServer } from "../http/test-app";
import { createScheduler, type Scheduler } from "../scheduler/scheduler";
import { schedulerTasks } from "../scheduler/scheduler-tasks";

/** Where Debian's `chromium` package puts the browser; the tests never download one. */
export const chromiumPath = "/usr/bin/chromium";

/**
 * How often the scheduler hands the sandbox's notifications to the webhooks inbox: short,
 * so a PIX a test pays is applied well before the page's next poll (every 3 s).
 */
const schedulerIntervalMs = 200;

/** Long enough for a slow page on a loaded 2-core machine; short enough that a wrong page fails fast. */
const actionTimeoutMs = 15_000;

/** Screenshots kept as test artifacts (git-ignored): `apps/reference-server/test-artifacts/`. */
export const artifactsDir = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));

/** A phone (390×844 CSS pixels, touch), in Portuguese as the studio's buyers are. */
const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: "pt-BR",
  timezoneId: "America/Sao_Paulo",
} as const;

/**
 * Launches Debian's chromium. Fails, never skips, when it is not installed: a browser suite
 * that passes with no browser proves nothing.
 */
export async function launchChromium(executablePath: string = chromiumPath): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `The browser tests need Debian's chromium at ${executablePath}, and it is not there. ` +
        "Install it with `apt-get install chromium` (.ci/run does this in CI); the tests never download a browser.",
    );
  }
  return chromium.launch({ executablePath, args: ["--no-sandbox"] });
}

/** The composed server listening on 127.0.0.1 with its scheduler running; `stop` undoes all of it. */
export interface ListeningServer extends ComposedTestServer {
  /** `http://127.0.0.1:<port>`: the page's origin. */
  origin: string;
  /**
   * Every request the server received so far — URL, headers and body as they arrived — for
   * tests that prove what never reaches it (a card number, a CVV).
   */
  received(): ReceivedRequest[];
  stop(): Promise<void>;
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Starts the server as `serveCommand` does (node-server, then the scheduler), on a free
 * loopback port; `compose` as `composeServer` takes it (a manual clock).
 */
export async function startListeningServer(
  config: Partial<ServerConfig> = {},
  compose: ComposeOverrides = {},
): Promise<ListeningServer> {
  const server = await composedTestServer({ schedulerIntervalMs, ...config }, compose);
  let listener: ReturnType<typeof serve> | null = null;
  let scheduler: Scheduler | null = null;
  const received: ReceivedRequest[] = [];
  const recorded = async (request: Request): Promise<Response> => {
    const body = request.body === null ? "" : await request.clone().text();
    received.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers.entries()),
      body,
    });
    return server.app.fetch(request);
  };
  const stop = async () => {
    await scheduler?.stop();
    if (listener?.listening) {
      const closed = new Promise<void>((resolve) => listener?.close(() => resolve()));
      // The browser is gone by now, but its keep-alive sockets would hold the server open.
      if ("closeAllConnections" in listener) listener.closeAllConnections();
      await closed;
    }
    await server.cleanup();
  };
  try {
    // A port the test chose (so a public URL can name it before the server starts), else any.
    listener = serve({ fetch: recorded, port: config.port ?? 0, hostname: "127.0.0.1" });
    await once(listener, "listening");
    const { port } = listener.address() as AddressInfo;
    scheduler = createScheduler({
      tasks: schedulerTasks(server, server.log.logger),
      intervalMs: schedulerIntervalMs,
      logger: server.log.logger,
    });
    scheduler.start();
    return {
      ...server,
      origin: `http://127.0.0.1:${port}`,
      received: () => received.map((entry) => ({ ...entry, headers: { ...entry.headers } })),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What a test of a browser file uses: its file's server and browser, and this test's page. */
export interface BrowserHarness {
  readonly server: ListeningServer;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** An absolute URL on the server, from a path (`/u/aurora-centro`). */
  url(path: string): string;
}

function fileNameOf(testName: string): string {
  return testName
    .normalize("NFKD")
    .replace(/[^\w-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120);
}

/**
 * Registers the hooks of a browser test file and answers its harness: the browser and the
 * server start in `beforeAll` (the browser first, so a missing chromium fails before any
 * server starts), each test gets a phone-sized page in a context of its own, and a test
 * whose page threw an uncaught error fails even when its assertions passed. A failed test
 * leaves a screenshot of its page under `test-artifacts/failures/`.
 */
export interface BrowserHarnessOptions {
  /** Settings of the server under test, over the harness's own. */
  config?: () => Promise<Partial<ServerConfig>>;
  /**
   * What the server is composed with in place of its defaults: a manual clock, for a test
   * that needs months to pass (the scheduler's billing run then bills in the clock's day).
   */
  compose?: () => ComposeOverrides;
  /** Runs once the server listens (a provider account to connect); answers how to undo it. */
  prepare?: (server: ListeningServer) => Promise<() => Promise<void>>;
}

export function useBrowserHarness(options: BrowserHarnessOptions = {}): BrowserHarness {
  let browser: Browser | null = null;
  let server: ListeningServer | null = null;
  let context: BrowserContext | null = null;
  let page: Page | null = null;
  let pageErrors: Error[] = [];
  let undoPrepare: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    browser = await launchChromium();
    try {
      server = await startListeningServer(await options.config?.(), options.compose?.());
      undoPrepare = (await options.prepare?.(server)) ?? null;
    } catch (error) {
      await browser.close();
      browser = null;
      throw error;
    }
  });

  afterAll(async () => {
    try {
      await browser?.close();
      await undoPrepare?.();
    } finally {
      await server?.stop();
    }
  });

  beforeEach(async () => {
    if (!browser || !server) throw new Error("the browser harness did not start (see the beforeAll error)");
    pageErrors = [];
    context = await browser.newContext({ ...phone, baseURL: server.origin });
    context.setDefaultTimeout(actionTimeoutMs);
    context.setDefaultNavigationTimeout(actionTimeoutMs);
    page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error));
  });

  afterEach(async ({ task }) => {
    try {
      if (task.result?.state === "fail" && page && !page.isClosed()) {
        const dir = join(artifactsDir, "failures");
        await mkdir(dir, { recursive: true });
        const name = fileNameOf([task.suite?.name, task.name].filter(Boolean).join(" "));
        // A page that cannot be photographed still fails its test with the test's own error.
        await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true }).catch(() => {});
      }
    } finally {
      await context?.close();
      context = null;
      page = null;
    }
    if (pageErrors.length > 0) {
      throw new Error(
        `The page's script threw:\n${pageErrors.map((error) => `  ${error.stack ?? error.message}`).join("\n")}`,
      );
    }
  });

  const need = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`no ${what}: use the harness inside a test`);
    return value;
  };
  return {
    get server() {
      return need(server, "server");
    },
    get browser() {
      return need(browser, "browser");
    },
    get context() {
      return need(context, "browser context");
    },
    get page() {
      return need(page, "page");
    },
    url(path: string) {
      return new URL(path, need(server, "server").origin).toString();
    },
  };
}
