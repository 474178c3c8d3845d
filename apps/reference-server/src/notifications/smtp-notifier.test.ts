import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { isTesseraError } from "@tessera/core";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { memoryLogger } from "../http/test-app";
import { createSmtpNotifier, messageIdFor, type SmtpNotifier } from "./smtp-notifier";

/** One message as the SMTP server received it: the envelope and the raw RFC 5322 text. */
interface Received {
  user: string | undefined;
  mailFrom: string | null;
  rcptTo: string[];
  raw: string;
}

const user = "aurora";
const password = "s3cr3t-Pa55word";

/** A real SMTP server on 127.0.0.1 (a free port), taking AUTH without TLS as a local relay may. */
async function loopbackSmtpServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          user: session.user,
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((address) => address.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A header's value from a raw message (unfolded). */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return head
    .split(/\r?\n/)
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
}

const from = "Estudio Aurora <no-reply@aurora.example>";

describe("the SMTP notifier", () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(credentials = `${user}:${password}`) {
    const smtp = await loopbackSmtpServer();
    cleanups.push(smtp.close);
    const log = memoryLogger();
    const notifier: SmtpNotifier = createSmtpNotifier({
      url: `smtp://${credentials}@127.0.0.1:${smtp.port}`,
      from,
      logger: log.logger,
    });
    cleanups.push(() => notifier.close());
    return { smtp, notifier, log };
  }

  it("delivers the message to the SMTP server with its subject, recipients, sender and text", async () => {
    const { smtp, notifier } = await setUp();
    const { messageId } = await notifier.send({
      channel: "email",
      to: ["ana@example.com", "recepcao@aurora.example"],
      subject: "Your order - how to pay",
      text: "Pay with this PIX code before 10:30.",
      html: "<p>Pay with this PIX code before 10:30.</p>",
    });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.user).toBe(user);
    expect(mail!.mailFrom).toBe("no-reply@aurora.example");
    expect(mail!.rcptTo).toEqual(["ana@example.com", "recepcao@aurora.example"]);
    expect(header(mail!.raw, "Subject")).toBe("Your order - how to pay");
    expect(header(mail!.raw, "From")).toBe(from);
    expect(header(mail!.raw, "Message-ID")).toBe(messageId);
    expect(mail!.raw).toContain("Pay with this PIX code before 10:30.");
    expect(mail!.raw).toContain("<p>Pay with this PIX code before 10:30.</p>");
  });

  it("derives the Message-ID from the dedupe key, the same after a restart, so receivers can drop the copy", async () => {
    const { smtp, notifier } = await setUp();
    const restarted = createSmtpNotifier({ url: `smtp://${user}:${password}@127.0.0.1:${smtp.port}`, from });
    cleanups.push(() => restarted.close());
    const message = {
      channel: "email" as const,
      to: ["ana@example.com"],
      subject: "Receipt",
      text: "Paid.",
      dedupeKey: "sale-receipt:ctr_01:buyer",
    };
    await notifier.send(message);
    await restarted.send(message);
    await notifier.send({ ...message, dedupeKey: "sale-receipt:ctr_01:unit" });

    const ids = smtp.received.map((mail) => header(mail.raw, "Message-ID"));
    expect(ids[0]).toBe(messageIdFor("sale-receipt:ctr_01:buyer", from));
    expect(ids[0]).toMatch(/^<[0-9a-f]{40}@aurora\.example>$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });

  it("does not send a dedupe key again that it already sent, and answers the first messageId", async () => {
    const { smtp, notifier } = await setUp();
    const message = {
      channel: "email" as const,
      to: ["ana@example.com"],
      subject: "Receipt",
      text: "Paid.",
      dedupeKey: "sale-receipt:ctr_02:buyer",
    };
    const first = await notifier.send(message);
    expect(await notifier.send(message)).toEqual(first);
    expect(smtp.received).toHaveLength(1);
  });

  it("throws when the server refuses, so the outbox retries, and names the server but never the credentials", async () => {
    const { notifier, log } = await setUp(`${user}:wrong-${password}`);
    const error = await notifier
      .send({ channel: "email", to: ["ana@example.com"], subject: "Receipt", text: "Paid." })
      .then(
        () => null,
        (e: unknown) => e as Error,
      );

    expect(error?.message).toMatch(/^SMTP server 127\.0\.0\.1:\d+ did not take the message/);
    expect(error?.message).toMatch(/EAUTH/);
    // The error with its cause chain, and every log line, as an operator would read them.
    const everything = `${inspect(error, { depth: 10 })}\n${log.lines.join("\n")}`;
    expect(everything).not.toContain(password);
    expect(log.records().map((r) => r["msg"])).toEqual(["mail not sent"]);
  });

  it("throws when no server listens, naming its address", async () => {
    const smtp = await loopbackSmtpServer();
    await smtp.close();
    const notifier = createSmtpNotifier({ url: `smtps://${user}:${password}@127.0.0.1:${smtp.port}`, from });
    cleanups.push(() => notifier.close());
    await expect(
      notifier.send({ channel: "email", to: ["ana@example.com"], subject: "x", text: "y" }),
    ).rejects.toThrow(new RegExp(`SMTP server 127\\.0\\.0\\.1:${smtp.port} did not take the message`));
  });

  it("refuses an SMS as a configuration error: SMTP carries e-mail only", async () => {
    const { smtp, notifier } = await setUp();
    const error = await notifier.send({ channel: "sms", to: "+5511988887777", text: "Oi" }).catch((e) => e);
    expect(isTesseraError(error, "configuration_invalid")).toBe(true);
    expect(smtp.received).toHaveLength(0);
  });

  it("refuses a URL that is not smtp:// or smtps://, without echoing it", () => {
    const error = (() => {
      try {
        createSmtpNotifier({ url: `https://${user}:${password}@mail.example.com`, from });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(isTesseraError(error, "configuration_invalid")).toBe(true);
    expect(inspect(error, { depth: 10 })).not.toContain(password);
  });
});
