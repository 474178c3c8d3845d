import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OutgoingMessage } from "@tessera/core";
import { createManualClock } from "@tessera/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDevMailbox } from "./dev-mailbox";

const from = "Tessera <no-reply@localhost>";

function mail(subject: string, dedupeKey?: string): OutgoingMessage {
  return {
    channel: "email",
    to: ["ana@example.com"],
    subject,
    text: `Body of ${subject}`,
    html: `<p>Body of ${subject}</p>`,
    ...(dedupeKey ? { dedupeKey } : {}),
  };
}

describe("the dev mailbox", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tessera-mailbox-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("stores each message as one JSON file named by its id, with the sender and the time", async () => {
    const clock = createManualClock();
    const directory = join(dir, "mailbox");
    const mailbox = createDevMailbox({ directory, from, clock });
    const { messageId } = await mailbox.send(mail("Seu pedido"));

    expect(messageId).toMatch(/^msg_[0-9A-Z]{26}$/);
    const raw = JSON.parse(await readFile(join(directory, `${messageId}.json`), "utf8"));
    expect(raw).toEqual({ id: messageId, storedAt: clock.now(), from, message: mail("Seu pedido") });
    expect(await mailbox.get(messageId)).toEqual(raw);
  });

  it("lists the newest message first, up to the limit", async () => {
    const clock = createManualClock();
    const mailbox = createDevMailbox({ directory: dir, from, clock });
    for (const subject of ["first", "second", "third"]) {
      await mailbox.send(mail(subject));
      clock.advance(1000);
    }
    expect((await mailbox.list()).map((m) => m.message)).toEqual([
      mail("third"),
      mail("second"),
      mail("first"),
    ]);
    expect((await mailbox.list({ limit: 2 })).map((m) => m.message)).toEqual([mail("third"), mail("second")]);
  });

  it("keeps the order of messages stored in the same millisecond", async () => {
    const mailbox = createDevMailbox({ directory: dir, from, clock: createManualClock() });
    for (const subject of ["a", "b", "c", "d"]) await mailbox.send(mail(subject));
    expect(
      (await mailbox.list()).map((m) => (m.message.channel === "email" ? m.message.subject : "")),
    ).toEqual(["d", "c", "b", "a"]);
  });

  it("stores nothing new for a second send of the same dedupe key, and answers the first messageId", async () => {
    const mailbox = createDevMailbox({ directory: dir, from });
    const first = await mailbox.send(mail("Recibo", "sale-receipt:ctr_1:buyer"));
    const second = await mailbox.send(mail("Recibo", "sale-receipt:ctr_1:buyer"));
    const other = await mailbox.send(mail("Recibo", "sale-receipt:ctr_1:unit"));

    expect(second).toEqual(first);
    expect(other.messageId).not.toBe(first.messageId);
    const files = (await readdir(dir)).filter((name) => name.endsWith(".json"));
    expect(files.sort()).toEqual([`${first.messageId}.json`, `${other.messageId}.json`].sort());
  });

  it("keeps one message when several sends of one key run at once", async () => {
    const mailbox = createDevMailbox({ directory: dir, from });
    const results = await Promise.all(
      Array.from({ length: 8 }, () => mailbox.send(mail("Recibo", "sale-receipt:ctr_2:buyer"))),
    );
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect(await mailbox.list()).toHaveLength(1);
  });

  it("writes the message of a key whose first send stopped after claiming it, under the claimed id", async () => {
    const mailbox = createDevMailbox({ directory: dir, from });
    const { messageId } = await mailbox.send(mail("Recibo", "sale-receipt:ctr_3:buyer"));
    // What a crash between the claim and the message file leaves: the claim alone.
    await rm(join(dir, `${messageId}.json`));

    expect(await mailbox.send(mail("Recibo", "sale-receipt:ctr_3:buyer"))).toEqual({ messageId });
    expect((await mailbox.get(messageId))?.message).toEqual(mail("Recibo", "sale-receipt:ctr_3:buyer"));
  });

  it("leaves no temporary file behind", async () => {
    const mailbox = createDevMailbox({ directory: dir, from });
    await mailbox.send(mail("one", "k-1"));
    await mailbox.send(mail("one", "k-1"));
    const names = [...(await readdir(dir)), ...(await readdir(join(dir, "dedupe")))];
    expect(names.filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps SMS messages too", async () => {
    const mailbox = createDevMailbox({ directory: dir, from });
    const sms: OutgoingMessage = { channel: "sms", to: "+5511988887777", text: "Seu código: K7RM-4QX9" };
    const { messageId } = await mailbox.send(sms);
    expect((await mailbox.get(messageId))?.message).toEqual(sms);
  });

  it("answers null for an id that is no message id, such as a path, and for a missing message", async () => {
    const mailbox = createDevMailbox({ directory: join(dir, "mailbox"), from });
    await mailbox.send(mail("x"));
    expect(await mailbox.get("../mailbox/dedupe")).toBeNull();
    expect(await mailbox.get("msg_01JD5Q4N3S8Y0XK2H7ZB6W9RCE")).toBeNull();
  });

  it("lists nothing before the first message, when its directory does not exist yet", async () => {
    expect(await createDevMailbox({ directory: join(dir, "never"), from }).list()).toEqual([]);
  });

  it("skips a message file that is not a stored message instead of failing the list", async () => {
    const mailbox = createDevMailbox({ directory: dir, from });
    const { messageId } = await mailbox.send(mail("kept"));
    await writeFile(join(dir, "msg_01JD5Q4N3S8Y0XK2H7ZB6W9RCE.json"), "{ half a messa");
    expect((await mailbox.list()).map((m) => m.id)).toEqual([messageId]);
  });
});
