import { describe, expect, it } from "vitest";
import { TesseraError } from "../errors/tessera-error";
import type { FileStore } from "../ports/file-store";
import type { CustomerRepository, Storage } from "../ports/storage";
import { createTessera, type Tessera } from "../tessera/create-tessera";
import type { TesseraOptions } from "../tessera/tessera-options";
import { createManualClock } from "../testing/manual-clock";
import { createMemoryFileStore } from "../testing/memory-file-store";
import { rejection } from "../testing/tessera-rejection";
import type { Customer } from "./customer";

const mib = 1024 * 1024;
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
/** A file of `size` bytes that begins with `signature`. */
function file(signature: number[] | string, size = 64): Uint8Array {
  const head = typeof signature === "string" ? ascii(signature) : signature;
  const data = new Uint8Array(size).fill(0x20);
  data.set(head);
  return data;
}
const pdf = (size?: number) => file("%PDF-1.7\n", size);
const png = () => file([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const gif = () => file("GIF89a");
const exe = () => file("MZ");

const customerId = "cus_01JQ8Z6X4N3S8Y0XK2H7ZB6W9R" as const;
const ana: Customer = {
  id: customerId,
  organizationId: "org_01JQ8Z6X4N3S8Y0XK2H7ZB6W9R",
  name: "Ana Souza",
  document: { kind: "cpf", value: "52998224725" },
  email: "ana@example.com",
  phone: null,
  address: null,
  status: "active",
  source: "online",
  attachments: [],
  passwordHash: null,
  extraFields: {},
  createdAt: "2026-03-10T15:00:00.000Z",
  updatedAt: "2026-03-10T15:00:00.000Z",
  version: 1,
};

/**
 * Just the customers of a storage, in memory, with the port's compare-and-set `update`;
 * `beforeUpdate` runs inside each update, before the version is compared.
 */
type BeforeUpdate = (rows: Map<string, Customer>) => Promise<void>;

function customersInMemory(options: { beforeUpdate?: BeforeUpdate } = {}) {
  const rows = new Map<string, Customer>([[ana.id, structuredClone(ana)]]);
  let updates = 0;
  const customers: Pick<CustomerRepository, "findById" | "update"> = {
    findById: async (id) => structuredClone(rows.get(id) ?? null),
    async update(customer) {
      updates++;
      await options.beforeUpdate?.(rows);
      const stored = rows.get(customer.id);
      if (!stored || stored.version !== customer.version) {
        throw new TesseraError("conflict", `customer ${customer.id} changed`, {
          details: { entity: "customer" },
        });
      }
      const next = { ...structuredClone(customer), status: stored.status, version: customer.version + 1 };
      rows.set(customer.id, next);
      return structuredClone(next);
    },
  };
  const storage = {
    dialect: "memory",
    customers: customers as CustomerRepository,
    transaction: async (fn: (tx: Storage) => Promise<unknown>) => fn(storage as Storage),
    migrate: async () => undefined,
    close: async () => undefined,
  } as Partial<Storage> as Storage;
  return { storage, rows, updates: () => updates };
}

function setup(options: Partial<TesseraOptions> & { beforeUpdate?: BeforeUpdate } = {}) {
  const { beforeUpdate, ...tesseraOptions } = options;
  const memory = customersInMemory(beforeUpdate ? { beforeUpdate } : {});
  const files = createMemoryFileStore();
  const clock = createManualClock("2026-03-11T12:00:00.000Z");
  const tessera: Tessera = createTessera({ storage: memory.storage, clock, files, ...tesseraOptions });
  return { tessera, files, ...memory };
}

describe("customers.addAttachment", () => {
  it("stores the bytes under a key core chooses and records the attachment on the customer", async () => {
    const { tessera, files, rows } = setup();
    const attachment = await tessera.customers.addAttachment(customerId, {
      fieldKey: "atestado",
      fileName: "Atestado médico.pdf",
      contentType: "application/pdf",
      data: pdf(1000),
    });
    expect(attachment).toEqual({
      id: expect.stringMatching(/^att_[0-9A-HJKMNP-TV-Z]{26}$/),
      fileKey: `${customerId}/${attachment.id}`,
      fieldKey: "atestado",
      name: "Atestado médico.pdf",
      contentType: "application/pdf",
      size: 1000,
      createdAt: "2026-03-11T12:00:00.000Z",
    });
    expect(files.keys()).toEqual([attachment.fileKey]);
    expect(await files.get(attachment.fileKey)).toEqual({ data: pdf(1000), contentType: "application/pdf" });
    expect(rows.get(customerId)).toMatchObject({ attachments: [attachment], version: 2 });
  });

  it("reads an attachment back with its bytes; an unknown customer or attachment is null", async () => {
    const { tessera } = setup();
    const first = await tessera.customers.addAttachment(customerId, {
      fileName: "a.pdf",
      contentType: "application/pdf",
      data: pdf(),
    });
    const second = await tessera.customers.addAttachment(customerId, {
      fileName: "b.png",
      contentType: "image/png",
      data: png(),
    });
    expect(first.fieldKey).toBeNull();
    expect(await tessera.customers.getAttachment(customerId, second.id)).toEqual({
      attachment: second,
      data: png(),
    });
    expect(await tessera.customers.getAttachment(customerId, first.id)).toEqual({
      attachment: first,
      data: pdf(),
    });
    expect(await tessera.customers.getAttachment(customerId, "att_01JQ0000000000000000000000")).toBeNull();
    expect(await tessera.customers.getAttachment("cus_01JQ0000000000000000000000", first.id)).toBeNull();
  });

  it("refuses an empty file, and writes nothing", async () => {
    const { tessera, files, updates } = setup();
    const error = await rejection(
      tessera.customers.addAttachment(customerId, {
        fileName: "vazio.pdf",
        contentType: "application/pdf",
        data: new Uint8Array(),
      }),
    );
    expect(error.code).toBe("validation_failed");
    expect(error.details.issues).toEqual([{ path: ["data"], code: "empty", message: "is empty" }]);
    expect(files.keys()).toEqual([]);
    expect(updates()).toBe(0);
  });

  it("refuses a file over 5 MiB by default, and takes one of exactly 5 MiB", async () => {
    const { tessera, files } = setup();
    const error = await rejection(
      tessera.customers.addAttachment(customerId, {
        fileName: "scan.pdf",
        contentType: "application/pdf",
        data: pdf(5 * mib + 1),
      }),
    );
    expect(error.details.issues).toEqual([
      expect.objectContaining({
        path: ["data"],
        code: "too_large",
        message: expect.stringContaining("5 MiB"),
      }),
    ]);
    expect(files.keys()).toEqual([]);
    const accepted = await tessera.customers.addAttachment(customerId, {
      fileName: "scan.pdf",
      contentType: "application/pdf",
      data: pdf(5 * mib),
    });
    expect(accepted.size).toBe(5 * mib);
  });

  it("judges the type by the bytes: refuses an executable declared as a PDF, and a PNG declared as a PDF", async () => {
    const { tessera, files, updates } = setup();
    const disguised = await rejection(
      tessera.customers.addAttachment(customerId, {
        fileName: "atestado.pdf",
        contentType: "application/pdf",
        data: exe(),
      }),
    );
    expect(disguised.code).toBe("validation_failed");
    expect(disguised.details.issues).toEqual([
      expect.objectContaining({
        path: ["data"],
        code: "type_not_allowed",
        message: expect.stringContaining("no recognised type"),
      }),
    ]);
    const mislabelled = await rejection(
      tessera.customers.addAttachment(customerId, {
        fileName: "foto.pdf",
        contentType: "application/pdf",
        data: png(),
      }),
    );
    expect(mislabelled.details.issues).toEqual([
      expect.objectContaining({
        code: "type_not_allowed",
        message: "is image/png, not the application/pdf it was declared as",
      }),
    ]);
    expect(files.keys()).toEqual([]);
    expect(updates()).toBe(0);
  });

  it("refuses a type outside the allow-list, declared or found in the bytes: GIF is not allowed by default", async () => {
    const { tessera } = setup();
    const declared = await rejection(
      tessera.customers.addAttachment(customerId, {
        fileName: "x.zip",
        contentType: "application/zip",
        data: pdf(),
      }),
    );
    expect(declared.details.issues).toEqual([
      expect.objectContaining({ path: ["contentType"], code: "type_not_allowed" }),
    ]);
    const found = await rejection(
      tessera.customers.addAttachment(customerId, { fileName: "x.gif", contentType: "", data: gif() }),
    );
    expect(found.details.issues).toEqual([
      expect.objectContaining({
        path: ["data"],
        code: "type_not_allowed",
        message: expect.stringContaining("image/gif"),
      }),
    ]);
  });

  it("names every rule a file breaks at once: too large and of a type not allowed", async () => {
    const { tessera } = setup({ attachments: { maxBytes: 10 } });
    const error = await rejection(
      tessera.customers.addAttachment(customerId, { fileName: "x", contentType: "image/gif", data: gif() }),
    );
    expect(error.details.issues?.map((issue) => issue.code)).toEqual(["too_large", "type_not_allowed"]);
  });

  it("takes the type from the bytes when the sender declared none, and keeps the detected type", async () => {
    const { tessera, files } = setup();
    const attachment = await tessera.customers.addAttachment(customerId, {
      fileName: "scan",
      contentType: "application/octet-stream",
      data: pdf(),
    });
    expect(attachment.contentType).toBe("application/pdf");
    expect((await files.get(attachment.fileKey))?.contentType).toBe("application/pdf");
    const aliased = await tessera.customers.addAttachment(customerId, {
      fileName: "foto.jpg",
      contentType: "image/jpg",
      data: file([0xff, 0xd8, 0xff, 0xe0]),
    });
    expect(aliased.contentType).toBe("image/jpeg");
  });

  it("takes its limits from createTessera's options", async () => {
    const { tessera } = setup({ attachments: { maxBytes: 100, contentTypes: ["image/gif"] } });
    const gifAttachment = await tessera.customers.addAttachment(customerId, {
      fileName: "x.gif",
      contentType: "image/gif",
      data: gif(),
    });
    expect(gifAttachment.contentType).toBe("image/gif");
    const pdfError = await rejection(
      tessera.customers.addAttachment(customerId, {
        fileName: "x.pdf",
        contentType: "application/pdf",
        data: pdf(),
      }),
    );
    expect(pdfError.details.issues?.[0]?.code).toBe("type_not_allowed");
    const sizeError = await rejection(
      tessera.customers.addAttachment(customerId, {
        fileName: "x.gif",
        contentType: "image/gif",
        data: file("GIF89a", 101),
      }),
    );
    expect(sizeError.details.issues?.[0]?.code).toBe("too_large");
  });

  it("refuses limits it could not enforce: a type it cannot check by content, a size of 0, an unknown option", () => {
    const { storage } = customersInMemory();
    const thrown = (attachments: unknown) => {
      try {
        createTessera({ storage, attachments } as TesseraOptions);
      } catch (error) {
        if (error instanceof TesseraError) return error;
        throw error;
      }
      throw new Error("expected createTessera to throw");
    };
    const textType = thrown({ contentTypes: ["text/plain"] });
    expect(textType.code).toBe("configuration_invalid");
    expect(textType.details.issues?.[0]?.path).toEqual(["attachments", "contentTypes", 0]);
    expect(textType.message).toContain("can check by content");
    expect(thrown({ maxBytes: 0 }).details.issues?.[0]?.path).toEqual(["attachments", "maxBytes"]);
    expect(thrown({ contentTypes: [] }).details.issues?.[0]?.path).toEqual(["attachments", "contentTypes"]);
    expect(thrown({ maxSize: 10 }).details.issues?.[0]?.code).toBe("unrecognized_keys");
  });

  it("cleans the file name: no path, no control characters, at most 120 characters", async () => {
    const { tessera } = setup();
    const traversal = await tessera.customers.addAttachment(customerId, {
      fileName: "../../etc/\u0007passwd.pdf",
      contentType: "application/pdf",
      data: pdf(),
    });
    expect(traversal.name).toBe("passwd.pdf");
    expect(traversal.fileKey).toBe(`${customerId}/${traversal.id}`);
    const long = await tessera.customers.addAttachment(customerId, {
      fileName: `${"a".repeat(300)}.pdf`,
      contentType: "application/pdf",
      data: pdf(),
    });
    expect(long.name).toHaveLength(120);
    expect(long.name.endsWith("a.pdf")).toBe(true);
  });

  it("refuses an unknown customer with not_found, and writes nothing", async () => {
    const { tessera, files } = setup();
    const error = await rejection(
      tessera.customers.addAttachment("cus_01JQ0000000000000000000000", {
        fileName: "a.pdf",
        contentType: "application/pdf",
        data: pdf(),
      }),
    );
    expect(error.code).toBe("not_found");
    expect(error.details).toMatchObject({ entity: "customer", id: "cus_01JQ0000000000000000000000" });
    expect(files.keys()).toEqual([]);
  });

  it("refuses bad input as validation_failed naming the field: bytes that are not a Uint8Array, a bad field key", async () => {
    const { tessera } = setup();
    const notBytes = await rejection(
      tessera.customers.addAttachment(customerId, {
        fileName: "a.pdf",
        contentType: "application/pdf",
        data: "JVBERi0xLjc=" as unknown as Uint8Array,
      }),
    );
    expect(notBytes.details.issues?.[0]?.path).toEqual(["data"]);
    const badKey = await rejection(
      tessera.customers.addAttachment(customerId, {
        fieldKey: "../x",
        fileName: "a.pdf",
        contentType: "application/pdf",
        data: pdf(),
      }),
    );
    expect(badKey.details.issues?.[0]?.path).toEqual(["fieldKey"]);
    expect((await rejection(tessera.customers.getAttachment(customerId, "../x" as "att_x"))).code).toBe(
      "validation_failed",
    );
  });

  it("is configuration_invalid when Tessera was built without a file store", async () => {
    const { storage } = customersInMemory();
    const tessera = createTessera({ storage });
    const adding = await rejection(
      tessera.customers.addAttachment(customerId, {
        fileName: "a.pdf",
        contentType: "application/pdf",
        data: pdf(),
      }),
    );
    expect(adding.code).toBe("configuration_invalid");
    expect(adding.details.issues?.[0]?.path).toEqual(["files"]);
    const reading = await rejection(
      tessera.customers.getAttachment(customerId, "att_01JQ0000000000000000000000"),
    );
    expect(reading.code).toBe("configuration_invalid");
  });

  it("deletes the stored file when the customer cannot be updated, so no orphan stays", async () => {
    const files = createMemoryFileStore();
    const calls: string[] = [];
    const watched: FileStore = {
      ...files,
      async put(key, data, contentType) {
        calls.push(`put ${key}`);
        await files.put(key, data, contentType);
      },
      async delete(key) {
        calls.push(`delete ${key}`);
        await files.delete(key);
      },
    };
    const { tessera } = setup({
      files: watched,
      beforeUpdate: async () => {
        throw new TesseraError("storage_failure", "the database went away");
      },
    });
    const error = await rejection(
      tessera.customers.addAttachment(customerId, {
        fileName: "a.pdf",
        contentType: "application/pdf",
        data: pdf(),
      }),
    );
    expect(error.code).toBe("storage_failure");
    expect(error.message).toContain("the database went away");
    const key = calls[0]?.slice("put ".length);
    expect(key).toMatch(new RegExp(`^${customerId}/att_`));
    expect(calls).toEqual([`put ${key}`, `delete ${key}`]);
    expect(files.keys()).toEqual([]);
  });

  it("keeps a change another writer made meanwhile, and the attachment: the update is re-read and retried", async () => {
    let raced = false;
    const { tessera, rows, updates } = setup({
      // Staff edit the phone between our read and our write, once.
      beforeUpdate: async (stored) => {
        if (raced) return;
        raced = true;
        const current = stored.get(customerId)!;
        stored.set(customerId, { ...current, phone: "+55 11 97777-0000", version: current.version + 1 });
      },
    });
    const attachment = await tessera.customers.addAttachment(customerId, {
      fileName: "a.pdf",
      contentType: "application/pdf",
      data: pdf(),
    });
    expect(updates()).toBe(2);
    expect(rows.get(customerId)).toMatchObject({
      phone: "+55 11 97777-0000",
      attachments: [attachment],
      version: 3,
    });
  });

  it("reports bytes the customer lists but the file store lost as storage_failure, not as a missing attachment", async () => {
    const { tessera, files } = setup();
    const attachment = await tessera.customers.addAttachment(customerId, {
      fileName: "a.pdf",
      contentType: "application/pdf",
      data: pdf(),
    });
    await files.delete(attachment.fileKey);
    const error = await rejection(tessera.customers.getAttachment(customerId, attachment.id));
    expect(error.code).toBe("storage_failure");
    expect(error.details).toMatchObject({ entity: "attachment", id: attachment.id, origin: "files" });
    expect(error.message).toContain("another directory");
  });
});

describe("customers.checkAttachment", () => {
  it("finds what addAttachment would refuse, storing nothing", async () => {
    const { tessera, files } = setup({ attachments: { maxBytes: mib } });
    expect(tessera.customers.checkAttachment({ contentType: "application/pdf", data: pdf() })).toEqual([]);
    expect(
      tessera.customers
        .checkAttachment({ contentType: "application/pdf", data: pdf(2 * mib) })
        .map((i) => i.code),
    ).toEqual(["too_large"]);
    expect(tessera.customers.checkAttachment({ contentType: "", data: exe() }).map((i) => i.code)).toEqual([
      "type_not_allowed",
    ]);
    expect(
      tessera.customers.checkAttachment({ contentType: "image/png", data: new Uint8Array() })[0]?.code,
    ).toBe("empty");
    expect(await files.get("anything")).toBeNull();
    expect(files.keys()).toHaveLength(0);
  });
});
