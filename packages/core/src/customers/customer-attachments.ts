import { z } from "zod";
import { type FieldIssue, TesseraError } from "../errors/tessera-error";
import { type Id, idPrefixes } from "../ids/id";
import { checkoutFieldSchema } from "../organizations/unit";
import { withRetryOnConflict } from "../payments/with-retry-on-conflict";
import type { FileStore } from "../ports/file-store";
import type { ServiceContext } from "../ports/service-context";
import { declaredInput } from "../validation/declared-input";
import { invalidFields } from "../validation/invalid-fields";
import { parseId } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import {
  type CheckableContentType,
  checkableContentTypes,
  detectContentType,
  extensionOf,
  normalizeDeclaredType,
} from "./attachment-content-type";
import { cleanFileName } from "./attachment-file-name";
import type { Attachment, AttachmentId } from "./customer";

/** 5 MiB: a phone photo of a document or a scanned PDF, with room to spare. */
export const defaultAttachmentMaxBytes = 5 * 1024 * 1024;

/** PDF and the image formats every phone and browser produce. */
export const defaultAttachmentContentTypes: readonly CheckableContentType[] = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/webp",
];

/** What `createTessera({ attachments })` accepts; each field has a default. */
export interface AttachmentLimitsOptions {
  /** The largest file accepted, in bytes. Default: 5 MiB (`defaultAttachmentMaxBytes`). */
  maxBytes?: number;
  /**
   * The types accepted, each checked against the file's first bytes. Only types Tessera
   * can recognise that way may be listed (`checkableContentTypes`). Default: PDF, JPEG,
   * PNG, WebP.
   */
  contentTypes?: CheckableContentType[];
}

export const attachmentLimitsSchema = declaredInput<AttachmentLimitsOptions>()(
  z.strictObject({
    maxBytes: z
      .number()
      .int("must be a whole number of bytes")
      .positive("must be more than 0")
      .default(defaultAttachmentMaxBytes),
    contentTypes: z
      .array(
        z.enum(checkableContentTypes, {
          error: `must be one of the types Tessera can check by content: ${checkableContentTypes.join(", ")}`,
        }),
      )
      .min(1, "must allow at least one type")
      .default([...defaultAttachmentContentTypes]),
  }),
);

/** The limits in force, defaults applied. */
export type AttachmentLimits = z.output<typeof attachmentLimitsSchema>;

/**
 * Parses `createTessera`'s `attachments` option; a bad value is `configuration_invalid`
 * naming `attachments.<field>`, since it is the integrator's configuration, not a buyer's input.
 */
export function parseAttachmentLimits(options: unknown = {}): AttachmentLimits {
  const result = attachmentLimitsSchema.safeParse(options);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: ["attachments", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    code: issue.code,
    message: issue.message,
  }));
  const fields = issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new TesseraError("configuration_invalid", `createTessera: invalid ${fields}.`, {
    details: { issues },
  });
}

/** A file to attach to a customer. */
export interface AttachmentInput {
  /** The checkout field (of type `file`) this file answers, when it answers one. */
  fieldKey?: string;
  /** As the sender named it; cleaned before it is kept (`cleanFileName`). */
  fileName: string;
  /**
   * The type the sender declared. It must agree with what the bytes are; empty or
   * `application/octet-stream` (a browser that did not know) leaves the bytes to decide.
   */
  contentType: string;
  data: Uint8Array;
}

export const attachmentInputSchema = declaredInput<AttachmentInput>()(
  z.object({
    fieldKey: checkoutFieldSchema.shape.key.optional(),
    fileName: z.string().max(1000, "must have at most 1000 characters"),
    contentType: z.string().max(255, "must have at most 255 characters"),
    // `custom`, not `instanceof`: that one types the bytes as `Uint8Array<ArrayBuffer>`, which
    // a Node Buffer (over an `ArrayBufferLike`) is not.
    data: z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
      error: "must be the file's bytes (a Uint8Array)",
    }),
  }),
);

/** An attachment with its bytes, as `getAttachment` answers. */
export interface AttachmentContent {
  attachment: Attachment;
  data: Uint8Array;
}

/** A customer's files: `tessera.customers.addAttachment` and `getAttachment`. */
export interface AttachmentOperations {
  /**
   * Stores a file the customer handed over and records it on the customer. Refused before
   * anything is written — `validation_failed` with one issue per rule broken — when the
   * file is empty (`empty`), larger than the limit (`too_large`), or not of an allowed
   * type judged by its bytes, or declared as another type than its bytes are
   * (`type_not_allowed`). `not_found` for an unknown customer; `configuration_invalid`
   * when Tessera was built without a file store. If the customer cannot be updated after
   * the bytes were stored, they are deleted again.
   *
   * @example
   * ```ts
   * const attachment = await tessera.customers.addAttachment(customer.id, {
   *   fieldKey: "atestado",
   *   fileName: upload.name,
   *   contentType: upload.type,
   *   data: new Uint8Array(await upload.arrayBuffer()),
   * });
   * ```
   */
  addAttachment(customerId: Id<"customer">, input: AttachmentInput): Promise<Attachment>;
  /**
   * The attachment and its bytes; null when the customer or the attachment does not exist.
   * Bytes the customer lists but the file store lacks (deleted by hand, or another instance's
   * directory) are `storage_failure`, never a silent null.
   */
  getAttachment(customerId: Id<"customer">, attachmentId: AttachmentId): Promise<AttachmentContent | null>;
  /**
   * What `addAttachment` would refuse in this file, under this instance's limits, without
   * storing anything: a checkout form checks its uploads before it sells, so the buyer fixes
   * a file beside its field instead of after paying. Issues as `addAttachment` reports them
   * (`empty`, `too_large`, `type_not_allowed`); an empty list when the file is acceptable.
   */
  checkAttachment(file: { contentType: string; data: Uint8Array }): FieldIssue[];
}

/** The issues of a file against the limits, and the type its bytes are. */
function checkFile(
  input: { contentType: string; data: Uint8Array },
  limits: AttachmentLimits,
): { issues: FieldIssue[]; contentType: CheckableContentType | null } {
  const size = input.data.byteLength;
  if (size === 0) {
    return { issues: [{ path: ["data"], code: "empty", message: "is empty" }], contentType: null };
  }
  const issues: FieldIssue[] = [];
  if (size > limits.maxBytes) {
    issues.push({
      path: ["data"],
      code: "too_large",
      message: `must be at most ${formatBytes(limits.maxBytes)}; this file has ${formatBytes(size)}`,
    });
  }
  const allowed = limits.contentTypes.join(", ");
  const declared = normalizeDeclaredType(input.contentType);
  const detected = detectContentType(input.data);
  if (declared !== null && !limits.contentTypes.includes(declared as CheckableContentType)) {
    issues.push({
      path: ["contentType"],
      code: "type_not_allowed",
      message: `${declared} is not accepted; accepted: ${allowed}`,
    });
  } else if (detected === null || !limits.contentTypes.includes(detected)) {
    issues.push({
      path: ["data"],
      code: "type_not_allowed",
      message: `${detected === null ? "is of no recognised type" : `is ${detected}, which is not accepted`}; accepted: ${allowed}`,
    });
  } else if (declared !== null && declared !== detected) {
    issues.push({
      path: ["data"],
      code: "type_not_allowed",
      message: `is ${detected}, not the ${declared} it was declared as`,
    });
  }
  return { issues, contentType: detected };
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number(mib.toFixed(1))} MiB (${bytes} bytes)` : `${bytes} bytes`;
}

function fileStoreOf(ctx: ServiceContext): FileStore {
  if (ctx.files) return ctx.files;
  throw new TesseraError(
    "configuration_invalid",
    "Attachments need a file store: pass `files` to createTessera (the reference server keeps them on disk).",
    { details: { issues: [{ path: ["files"], code: "required", message: "no file store was given" }] } },
  );
}

function customerNotFound(id: Id<"customer">): TesseraError {
  return new TesseraError("not_found", `Customer ${id} does not exist.`, {
    details: { entity: "customer", id },
  });
}

/**
 * Attachments live inside their customer, not in a table of their own, so they are no
 * `IdKind`; their ids take a ULID from the instance's generator under the `att_` prefix,
 * which keeps them unique and time-sortable like every other id.
 */
function newAttachmentId(ctx: ServiceContext): AttachmentId {
  return `att_${ctx.ids("customer").slice(idPrefixes.customer.length + 1)}`;
}

function parseAttachmentId(value: unknown): AttachmentId {
  if (typeof value === "string" && /^att_[A-Za-z0-9]{1,60}$/.test(value)) return value as AttachmentId;
  throw invalidFields("attachment id", [
    { path: ["attachmentId"], code: "invalid_id", message: "must be an attachment id (att_…)" },
  ]);
}

export function createAttachmentOperations(
  ctx: ServiceContext,
  limits: AttachmentLimits,
): AttachmentOperations {
  return {
    checkAttachment(file) {
      if (!(file?.data instanceof Uint8Array) || typeof file.contentType !== "string") {
        return [{ path: ["data"], code: "empty", message: "must be the file's bytes and its declared type" }];
      }
      return checkFile(file, limits).issues;
    },

    async addAttachment(rawCustomerId, input) {
      const files = fileStoreOf(ctx);
      const customerId = parseId("customer", rawCustomerId, "customerId");
      const given = parseInput(attachmentInputSchema, input, "attachment");
      const { issues, contentType } = checkFile(given, limits);
      if (issues.length > 0 || contentType === null) throw invalidFields("attachment", issues);
      if (!(await ctx.storage.customers.findById(customerId))) throw customerNotFound(customerId);

      const id = newAttachmentId(ctx);
      const attachment: Attachment = {
        id,
        fileKey: `${customerId}/${id}`,
        fieldKey: given.fieldKey ?? null,
        name: cleanFileName(given.fileName, extensionOf[contentType]),
        contentType,
        size: given.data.byteLength,
        createdAt: ctx.clock.now(),
      };
      // The bytes first, outside any transaction (no database lock held while a file is
      // written); the customer then, compare-and-set, re-read on a concurrent change so two
      // files added at once are both kept.
      await files.put(attachment.fileKey, given.data, contentType);
      try {
        await withRetryOnConflict(() =>
          ctx.storage.transaction(async (tx) => {
            const current = await tx.customers.findById(customerId);
            if (!current) throw customerNotFound(customerId);
            await tx.customers.update({
              ...current,
              attachments: [...current.attachments, attachment],
              updatedAt: ctx.clock.now(),
            });
          }),
        );
      } catch (error) {
        // No orphan: bytes no customer lists would be kept forever and never shown. Should
        // the delete fail too, the update's error is the one worth reporting.
        await files.delete(attachment.fileKey).catch(() => undefined);
        throw error;
      }
      return attachment;
    },

    async getAttachment(rawCustomerId, rawAttachmentId) {
      const files = fileStoreOf(ctx);
      const customerId = parseId("customer", rawCustomerId, "customerId");
      const attachmentId = parseAttachmentId(rawAttachmentId);
      const customer = await ctx.storage.customers.findById(customerId);
      const attachment = customer?.attachments.find((a) => a.id === attachmentId);
      if (!attachment) return null;
      const stored = await files.get(attachment.fileKey);
      if (!stored || stored.data.byteLength !== attachment.size) {
        throw new TesseraError(
          "storage_failure",
          `The file store ${stored ? `holds ${stored.data.byteLength} bytes, not ${attachment.size},` : "has nothing"} under ${attachment.fileKey} (attachment ${attachmentId} of customer ${customerId}): the file was removed or changed outside Tessera, or this instance reads another directory than the one that stored it.`,
          {
            details: { entity: "attachment", id: attachmentId, origin: "files", fileKey: attachment.fileKey },
          },
        );
      }
      return { attachment, data: stored.data };
    },
  };
}
