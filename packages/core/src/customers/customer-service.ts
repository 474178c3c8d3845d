import { isTesseraError, TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { ServiceContext } from "../ports/service-context";
import type { NewCustomer, Page, Repositories } from "../ports/storage";
import { parseId } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import { type Customer, type CustomerInput, customerInputSchema } from "./customer";
import {
  type AttachmentLimits,
  type AttachmentOperations,
  createAttachmentOperations,
  parseAttachmentLimits,
} from "./customer-attachments";
import type { CustomerListFilter } from "./customer-list-filter";
import { listCustomers } from "./list-customers";
import { documentKey } from "./tax-document";

/** The result of registering a buyer: the customer, and whether this call created it. */
export interface Registration {
  customer: Customer;
  created: boolean;
}

/** Buyers of an organization, and the files they hand over. */
export interface CustomerService extends AttachmentOperations {
  /**
   * Finds the customer with this document in the organization, or creates one (Tecnofit
   * seed: "a known CPF reuses the customer"). A known customer keeps their data; only
   * fields they lack (phone, address, client-area password) are filled from this input. Safe against two
   * concurrent registrations of one new document: both end with the same customer.
   */
  register(input: CustomerInput): Promise<Registration>;
  get(id: Id<"customer">): Promise<Customer | null>;
  getOrThrow(id: Id<"customer">): Promise<Customer>;
  findByDocument(
    organizationId: Id<"organization">,
    document: CustomerInput["document"],
  ): Promise<Customer | null>;
  /**
   * The organization's customers, newest first, with their derived status: found by a part
   * of the name or e-mail (any case or accents), of the CPF/CNPJ or of the phone (with or
   * without punctuation), by status, by unit (a contract there). Pass `nextCursor` as `cursor`.
   */
  list(organizationId: Id<"organization">, filter?: CustomerListFilter): Promise<Page<Customer>>;
}

/**
 * Registration inside a caller's transaction (the sale uses it so the customer commits
 * with the contract). Returns what `register` returns.
 */
export async function registerCustomer(
  ctx: ServiceContext,
  tx: Repositories,
  input: CustomerInput,
  secrets: { passwordHash: string | null } = { passwordHash: null },
): Promise<Registration> {
  const data = parseInput(customerInputSchema, input, "customer");
  const organizationId = data.organizationId as Id<"organization">;
  const now = ctx.clock.now();
  const customer: NewCustomer = {
    id: ctx.ids("customer"),
    organizationId,
    name: data.name,
    document: data.document,
    email: data.email.toLowerCase(),
    phone: data.phone,
    address: data.address,
    source: data.source,
    attachments: [],
    passwordHash: secrets.passwordHash,
    extraFields: data.extraFields,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  // A new buyer costs one statement: the insert is also the check (a known document makes it
  // a no-op, and the customer is read then).
  if (data.document && !(await tx.customers.insertIfNewDocument(customer))) {
    const existing = await tx.customers.findByDocument(organizationId, documentKey(data.document));
    if (!existing) throw new Error(`the customer holding ${documentKey(data.document)} vanished`);
    const missing =
      (!existing.phone && data.phone) ||
      (!existing.address && data.address) ||
      (!existing.passwordHash && secrets.passwordHash);
    if (!missing) return { customer: existing, created: false };
    const updated = await tx.customers.update({
      ...existing,
      phone: existing.phone ?? data.phone,
      address: existing.address ?? data.address,
      passwordHash: existing.passwordHash ?? secrets.passwordHash,
      updatedAt: now,
    });
    return { customer: updated, created: false };
  }
  if (!data.document) await tx.customers.insert(customer);
  await tx.outbox.append([
    ctx.events("customer.created", { customerId: customer.id, source: customer.source }, null),
  ]);
  return { customer: { ...customer, status: "active" }, created: true };
}

export function createCustomerService(
  ctx: ServiceContext,
  attachmentLimits: AttachmentLimits = parseAttachmentLimits(),
): CustomerService {
  const service: CustomerService = {
    ...createAttachmentOperations(ctx, attachmentLimits),
    async register(input) {
      try {
        return await ctx.storage.transaction((tx) => registerCustomer(ctx, tx, input));
      } catch (error) {
        // Another registration of the same new document committed first: take theirs.
        if (!isTesseraError(error, "conflict")) throw error;
        return ctx.storage.transaction((tx) => registerCustomer(ctx, tx, input));
      }
    },
    get: async (id) => ctx.storage.customers.findById(parseId("customer", id)),
    list: (organizationId, filter) => listCustomers(ctx, organizationId, filter),
    async getOrThrow(rawId) {
      const id = parseId("customer", rawId);
      const customer = await ctx.storage.customers.findById(id);
      if (!customer) {
        throw new TesseraError("not_found", `Customer ${id} does not exist.`, {
          details: { entity: "customer", id },
        });
      }
      return customer;
    },
    async findByDocument(organizationId, document) {
      const scope = parseId("organization", organizationId, "organizationId");
      if (!document) return null;
      const parsed = parseInput(customerInputSchema.shape.document, document, "document");
      return parsed ? ctx.storage.customers.findByDocument(scope, documentKey(parsed)) : null;
    },
  };
  return service;
}
