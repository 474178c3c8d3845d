import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { join } from "node:path";
import { systemClock } from "@tessera/core";
import { afterEach, describe, expect, it } from "vitest";
import { memoryLogger, testConfig } from "../http/test-app";
import { type ComposedNotifier, composeNotifier } from "./compose-notifier";

/** A loopback port nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("composeNotifier", () => {
  let composed: ComposedNotifier | undefined;
  afterEach(() => {
    composed?.close();
    composed = undefined;
  });
  const deps = { clock: systemClock, logger: memoryLogger().logger };

  it("keeps mail in the dev mailbox under the data directory when no SMTP URL is set, and hands the mailbox out", () => {
    composed = composeNotifier(testConfig("/srv/tessera/data"), deps);
    expect(composed.mailbox?.directory).toBe(join("/srv/tessera/data", "mailbox"));
    expect(composed.notifier).toBe(composed.mailbox);
  });

  it("sends over SMTP when an SMTP URL is set, and has no mailbox to show", async () => {
    const port = await closedPort();
    composed = composeNotifier(
      testConfig("/srv/tessera/data", {
        mail: {
          kind: "smtp",
          url: `smtp://aurora:secret@127.0.0.1:${port}`,
          from: "Tessera <no-reply@localhost>",
        },
      }),
      deps,
    );
    expect(composed.mailbox).toBeNull();
    await expect(
      composed.notifier.send({ channel: "email", to: ["ana@example.com"], subject: "x", text: "y" }),
    ).rejects.toThrow(`SMTP server 127.0.0.1:${port} did not take the message`);
  });
});
