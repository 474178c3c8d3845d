import { expect } from "vitest";
import type { FileStore } from "../../ports/file-store";

/** One rule a file store must keep (see `ports/file-store.ts`), proven on an empty store. */
export interface FileStoreScenario {
  /** Reads as the rule: "answers null for a key never stored". */
  title: string;
  run(context: { store: FileStore }): Promise<void>;
}

/** Keys shaped as core makes them: `cus_<ULID>/att_<ULID>`. */
const customer = "cus_01JQ8Z6X4N3S8Y0XK2H7ZB6W9R";
const key = (attachment: string, owner = customer) => `${owner}/att_01JQ8Z7${attachment.padStart(19, "0")}`;

/** `length` bytes cycling through every byte value, shifted by `seed`. */
function bytes(length: number, seed = 0): Uint8Array {
  const data = new Uint8Array(length);
  for (let i = 0; i < length; i++) data[i] = (i * 31 + seed) & 0xff;
  return data;
}

async function expectFile(store: FileStore, at: string, data: Uint8Array, contentType: string) {
  const file = await store.get(at);
  expect(file, `a file under ${at}`).not.toBeNull();
  expect(file?.contentType).toBe(contentType);
  // Compared whole, as bytes: a Buffer and a Uint8Array of the same bytes are equal here.
  expect(Buffer.from(file!.data).equals(Buffer.from(data)), `the bytes under ${at}`).toBe(true);
}

/** Every rule of the file store port, by id (ids are what `skip` names). */
export const fileStoreScenarios = {
  roundTrip: {
    title: "gives back exactly the bytes and the type it was given, every byte value included",
    async run({ store }) {
      const data = bytes(4096);
      await store.put(key("1"), data, "application/pdf");
      await expectFile(store, key("1"), data, "application/pdf");
    },
  },

  largeFile: {
    title: "keeps a file of 5 MiB (core's default limit) whole",
    async run({ store }) {
      const data = bytes(5 * 1024 * 1024, 7);
      await store.put(key("1"), data, "image/jpeg");
      await expectFile(store, key("1"), data, "image/jpeg");
    },
  },

  missingIsNull: {
    title: "answers null for a key never stored",
    async run({ store }) {
      expect(await store.get(key("404"))).toBeNull();
      await store.put(key("1"), bytes(10), "image/png");
      expect(await store.get(key("2"))).toBeNull();
    },
  },

  deleteIdempotent: {
    title: "forgets a deleted file; deleting it again, or a key never stored, resolves",
    async run({ store }) {
      await store.put(key("1"), bytes(10), "image/png");
      await store.put(key("2"), bytes(10, 1), "image/png");
      await store.delete(key("1"));
      expect(await store.get(key("1"))).toBeNull();
      await expect(store.delete(key("1"))).resolves.toBeUndefined();
      await expect(store.delete(key("3", "cus_01JQ8Z6X4N3S8Y0XK2H7ZB6W9S"))).resolves.toBeUndefined();
      await expectFile(store, key("2"), bytes(10, 1), "image/png");
    },
  },

  replace: {
    title: "replaces the file, bytes and type, when a key is stored again",
    async run({ store }) {
      await store.put(key("1"), bytes(100), "image/png");
      await store.put(key("1"), bytes(40, 3), "application/pdf");
      await expectFile(store, key("1"), bytes(40, 3), "application/pdf");
    },
  },

  ownBuffers: {
    title:
      "keeps its own copy: changing the buffer given to put, or the one get returned, changes nothing stored",
    async run({ store }) {
      const given = bytes(64);
      await store.put(key("1"), given, "image/webp");
      given.fill(0);
      const first = await store.get(key("1"));
      first!.data.fill(1);
      await expectFile(store, key("1"), bytes(64), "image/webp");
    },
  },

  keysApart: {
    title: "keeps apart keys that share a prefix: another attachment, another customer",
    async run({ store }) {
      const other = "cus_01JQ8Z6X4N3S8Y0XK2H7ZB6W9S";
      await store.put(key("1"), bytes(10, 1), "image/png");
      await store.put(key("10"), bytes(10, 2), "image/png");
      await store.put(key("1", other), bytes(10, 3), "image/png");
      await expectFile(store, key("1"), bytes(10, 1), "image/png");
      await expectFile(store, key("10"), bytes(10, 2), "image/png");
      await expectFile(store, key("1", other), bytes(10, 3), "image/png");
    },
  },

  concurrentPuts: {
    title:
      "stores files put at once each whole; racing puts to one key leave one of them whole, and no read meanwhile sees a part",
    async run({ store }) {
      const many = Array.from({ length: 20 }, (_, i) => ({ at: key(String(i)), data: bytes(20_000 + i, i) }));
      await Promise.all(many.map(({ at, data }) => store.put(at, data, "application/pdf")));
      for (const { at, data } of many) await expectFile(store, at, data, "application/pdf");

      const racers = Array.from({ length: 8 }, (_, i) => Buffer.from(bytes(2 * 1024 * 1024, 100 + i)));
      const isWhole = (data: Uint8Array) => racers.some((racer) => racer.equals(Buffer.from(data)));
      let racing = true;
      let partial = 0;
      const reader = (async () => {
        while (racing) {
          const file = await store.get(key("race"));
          if (file && !isWhole(file.data)) partial++;
          // A turn of the event loop between reads, so the writers move on.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      })();
      await Promise.all(racers.map((data) => store.put(key("race"), data, "image/jpeg")));
      racing = false;
      await reader;
      expect(partial, "reads that saw part of a file").toBe(0);
      const file = await store.get(key("race"));
      expect(isWhole(file!.data), "the stored file is one of the racers' whole").toBe(true);
    },
  },
} satisfies Record<string, FileStoreScenario>;

export type FileStoreScenarioId = keyof typeof fileStoreScenarios;
