import { z } from "zod";
import type { Id } from "../ids/id";
import type { Instant } from "../time/instant";
import { type TaxDocument, taxDocumentSchema } from "./tax-document";

export interface PostalAddress {
  street: string;
  number: string;
  complement?: string;
  district: string;
  city: string;
  /** Two-letter state (UF) in Brazil; region elsewhere. */
  state: string;
  postalCode: string;
  country: string;
}

/** `att_` + a ULID, like every id: unique, time-sortable. */
export type AttachmentId = `att_${string}`;

/**
 * A file a customer handed over (a medical certificate, a photo of an ID), kept in the
 * file store; the customer keeps this description of it. Added through
 * `tessera.customers.addAttachment`, read back with `getAttachment`.
 */
export interface Attachment {
  id: AttachmentId;
  /** Where the bytes are in the file store: `cus_…/att_…`. */
  fileKey: string;
  /** The checkout field (a `file` field's key) it answers; null when not given for one. */
  fieldKey: string | null;
  /** The sender's file name, cleaned (`cleanFileName`): for showing and downloading only. */
  name: string;
  /** What the bytes are, detected from them — never only the sender's claim. */
  contentType: string;
  /** In bytes. */
  size: number;
  createdAt: Instant;
}

/**
 * A buyer. Scoped to an organization: one person buying in two units is one customer.
 * `status` is derived, never stored: a customer is `blocked` while one of their contracts
 * waits on a failed payment or is past due (Tecnofit seed), and `active` otherwise — so
 * a successful payment lifts the block by itself.
 */
export interface Customer {
  id: Id<"customer">;
  organizationId: Id<"organization">;
  name: string;
  document: TaxDocument | null;
  email: string;
  phone: string | null;
  address: PostalAddress | null;
  status: "active" | "blocked";
  source: "online" | "staff" | "api";
  attachments: Attachment[];
  /** Client-area password, hashed (scrypt); null when the form did not ask for one. */
  passwordHash: string | null;
  /** The unit's extra checkout fields, by key. */
  extraFields: Record<string, string>;
  createdAt: Instant;
  updatedAt: Instant;
  version: number;
}

export const postalAddressSchema = z.object({
  street: z.string().trim().min(1, "is required").max(200),
  number: z.string().trim().min(1, "is required").max(20),
  complement: z.string().trim().max(100).optional(),
  district: z.string().trim().min(1, "is required").max(100),
  city: z.string().trim().min(1, "is required").max(100),
  state: z.string().trim().min(2, "is required").max(40),
  postalCode: z.string().trim().min(3, "is required").max(12),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be a two-letter country code")
    .default("BR"),
});

export const customerInputSchema = z.object({
  organizationId: z.string().startsWith("org_", "must be an organization id"),
  name: z.string().trim().min(2, "is required").max(200),
  document: taxDocumentSchema.nullable().default(null),
  email: z.email("must be an e-mail address").max(254),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{8,20}$/, "must be a phone number")
    .nullable()
    .default(null),
  address: postalAddressSchema.nullable().default(null),
  source: z.enum(["online", "staff", "api"]).default("api"),
  extraFields: z.record(z.string(), z.string().max(2000)).default({}),
});
export type CustomerInput = z.input<typeof customerInputSchema>;
