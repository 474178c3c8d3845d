import { createHash, randomBytes } from "node:crypto";
import { link, mkdir, readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  type Clock,
  createIdGenerator,
  type Instant,
  type Notifier,
  type OutgoingMessage,
  systemClock,
} from "@tessera/core";
import { z } from "zod";

/** One message the dev mailbox kept, as its file holds it. */
export interface MailboxMessage {
  /** `msg_` + a ULID: sorting ids sorts messages by when they were stored. */
  id: string;
  storedAt: Instant;
  /** The sender address the server was configured with (`TESSERA_MAIL_FROM`). */
  from: string;
  message: OutgoingMessage;
}

/** A notifier that keeps every message on disk instead of sending it, and reads them back. */
export interface DevMailbox extends Notifier {
  readonly directory: string;
  /** The newest messages first; `limit` defaults to 50 (at most 1000). */
  list(options?: { limit?: number }): Promise<MailboxMessage[]>;
  /** One message by id, or null when there is none (or the id is not a message id). */
  get(id: string): Promise<MailboxMessage | null>;
}

export interface DevMailboxOptions {
  /** Where the message files go; the server uses `<data dir>/mailbox`. Created when missing. */
  directory: string;
  from: string;
  /** Stamps `storedAt` and the ids, so a test that moves time gets ordered messages. Default: system clock. */
  clock?: Clock;
}

const messageIdPattern = /^msg_[0-9A-HJKMNP-TV-Z]{26}$/;
const messageFilePattern = /^msg_[0-9A-HJKMNP-TV-Z]{26}\.json$/;
const defaultLimit = 50;
const maxLimit = 1000;

const outgoingMessageSchema = z.discriminatedUnion("channel", [
  z.object({
    channel: z.literal("email"),
    to: z.array(z.string()),
    subject: z.string(),
    text: z.string(),
    html: z.string().optional(),
    tag: z.string().optional(),
    dedupeKey: z.string().optional(),
  }),
  z.object({
    channel: z.literal("sms"),
    to: z.string(),
    text: z.string(),
    tag: z.string().optional(),
    dedupeKey: z.string().optional(),
  }),
]);

/** A message file as read back: someone may have edited or truncated it, so it is parsed. */
const storedMessageSchema = z.object({
  id: z.string().regex(messageIdPattern),
  storedAt: z.string(),
  from: z.string(),
  message: outgoingMessageSchema,
});

/** What the dedupe index keeps per key: the message stored under it. */
const dedupeEntrySchema = z.object({ messageId: z.string().regex(messageIdPattern), dedupeKey: z.string() });

function isErrno(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === code;
}

async function readTextOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (isErrno(error, "ENOENT")) return null;
    throw error;
  }
}

function parseJson<T>(schema: z.ZodType<T>, text: string | null): T | null {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The development notifier, and the server's default: each message becomes one JSON file
 * in `directory`, named by a time-sortable id (`msg_01J….json`), so the back office can list
 * what "was sent" without any mail server. Files are written whole or not at all (a temp
 * file, then `rename`), so a reader never sees half a message.
 *
 * Deduplicates by `dedupeKey`, because outbox delivery is at least once: the first send of a
 * key claims it in `dedupe/<sha-256 of the key>` (a hard link of a complete temp file, which
 * fails if the key is taken, so two senders cannot both win), then writes the message; a later
 * send of the key stores nothing and answers the first messageId. A crash between the claim
 * and the message leaves a claim without a message, and the next send of the key writes the
 * message under the claimed id — a message is neither lost nor kept twice.
 *
 * It lives on one machine's disk: with several server instances each has its own mailbox.
 * Use SMTP in production.
 *
 * @example
 * ```ts
 * const mailbox = createDevMailbox({ directory: "./data/mailbox", from: "Tessera <no-reply@localhost>" });
 * await mailbox.send({ channel: "email", to: ["ana@example.com"], subject: "Oi", text: "…", dedupeKey: "k1" });
 * (await mailbox.list({ limit: 10 }))[0]?.message.subject; // "Oi"
 * ```
 */
export function createDevMailbox(options: DevMailboxOptions): DevMailbox {
  const { directory, from } = options;
  const clock = options.clock ?? systemClock;
  const dedupeDirectory = join(directory, "dedupe");
  // Core's ULIDs are monotonic within one generator: two messages stored in the same
  // millisecond (a sale's buyer and unit mails) still list in the order they were sent.
  const ids = createIdGenerator(() => Date.parse(clock.now()));
  const newMessageId = () => `msg_${ids("event").slice("evt_".length)}`;
  // Made on every send (cheap when it exists): a developer may empty the mailbox with `rm -r`.
  const ensureDirectories = () => mkdir(dedupeDirectory, { recursive: true });

  const tempPath = (inDirectory: string) => join(inDirectory, `.${randomBytes(8).toString("hex")}.tmp`);
  const messagePath = (id: string) => join(directory, `${id}.json`);

  async function writeAtomically(path: string, text: string): Promise<void> {
    const temp = tempPath(directory);
    await writeFile(temp, text, { encoding: "utf8", flag: "wx" });
    try {
      await rename(temp, path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  /** Claims `dedupeKey` for `messageId`; answers the entry that holds the key afterwards (ours or another's). */
  async function claim(dedupeKey: string, messageId: string) {
    const path = join(dedupeDirectory, createHash("sha256").update(dedupeKey).digest("hex"));
    const existing = parseJson(dedupeEntrySchema, await readTextOrNull(path));
    if (existing) return existing;
    const temp = tempPath(dedupeDirectory);
    await writeFile(temp, JSON.stringify({ messageId, dedupeKey }), { encoding: "utf8", flag: "wx" });
    try {
      await link(temp, path);
      return { messageId, dedupeKey };
    } catch (error) {
      if (!isErrno(error, "EEXIST")) throw error;
      const winner = parseJson(dedupeEntrySchema, await readTextOrNull(path));
      if (!winner) throw new Error(`dev mailbox: the dedupe entry ${path} is unreadable; delete it`);
      return winner;
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  async function read(id: string): Promise<MailboxMessage | null> {
    return parseJson(storedMessageSchema, await readTextOrNull(messagePath(id)));
  }

  return {
    directory,

    async send(message) {
      await ensureDirectories();
      let id = newMessageId();
      if (message.dedupeKey !== undefined) {
        const entry = await claim(message.dedupeKey, id);
        if (entry.messageId !== id) {
          // Sent before. Its file exists unless that send crashed after claiming: write it now.
          if (await read(entry.messageId)) return { messageId: entry.messageId };
          id = entry.messageId;
        }
      }
      const stored: MailboxMessage = { id, storedAt: clock.now(), from, message };
      await writeAtomically(messagePath(id), `${JSON.stringify(stored, null, 2)}\n`);
      return { messageId: id };
    },

    async list(listOptions = {}) {
      const limit = Math.min(Math.max(Math.trunc(listOptions.limit ?? defaultLimit), 1), maxLimit);
      let names: string[];
      try {
        names = await readdir(directory);
      } catch (error) {
        if (isErrno(error, "ENOENT")) return [];
        throw error;
      }
      const newest = names
        .filter((name) => messageFilePattern.test(name))
        .sort()
        .reverse()
        .slice(0, limit);
      const messages = await Promise.all(newest.map((name) => read(name.slice(0, -".json".length))));
      return messages.filter((message): message is MailboxMessage => message !== null);
    },

    async get(id) {
      // Only well-formed ids reach the file system: `id` comes from a URL.
      return messageIdPattern.test(id) ? read(id) : null;
    },
  };
}
