import type { Id } from "../ids/id";
import { decodePageCursor, encodePageCursor } from "../ids/page-cursor";
import { installmentHistory } from "../installments/installment-history";
import type { ServiceContext } from "../ports/service-context";
import type { Page } from "../ports/storage";
import { parseId } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import { type ContractCancelInput, type ContractCancellation, cancelContract } from "./cancel-contract";
import type { Contract } from "./contract";
import type { ContractDetail } from "./contract-detail";
import { type ContractListFilter, contractListFilterSchema } from "./contract-list-filter";

/** Sales as staff and integrators find them, and their end; what else changes a contract lives with its flow. */
export interface ContractService {
  /**
   * A unit's contracts, newest first, narrowed by `filter`; pass the page's `nextCursor` as
   * `cursor` for the next one (no contract twice, none skipped, while contracts are added).
   *
   * @example
   * ```ts
   * const page = await tessera.contracts.list({ unitId, origin: "online", paymentStatus: "error" });
   * ```
   */
  list(filter: ContractListFilter): Promise<Page<Contract>>;
  /** The contract with its customer, installments, their payments and refunds; null when unknown. */
  get(id: Id<"contract">): Promise<ContractDetail | null>;
  /**
   * Ends a contract on a day (today by default), with the closing pro-rata of a period it
   * ends in unpaid (`cancelContract`).
   *
   * @example
   * ```ts
   * const { closing } = await tessera.contracts.cancel({ contractId, reason: "mudou de cidade", idempotencyKey });
   * ```
   */
  cancel(input: ContractCancelInput): Promise<ContractCancellation>;
}

export function createContractService(ctx: ServiceContext): ContractService {
  return {
    cancel: (input) => cancelContract(ctx, input),
    async list(input) {
      const filter = parseInput(contractListFilterSchema, input, "contract filter");
      const page = await ctx.storage.contracts.list(filter.unitId as Id<"unit">, {
        limit: filter.limit,
        after: decodePageCursor("contract", filter.cursor),
        newestFirst: true,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.origin ? { origin: filter.origin } : {}),
        ...(filter.customerId ? { customerId: filter.customerId as Id<"customer"> } : {}),
        ...(filter.from ? { startedFrom: filter.from } : {}),
        ...(filter.to ? { startedTo: filter.to } : {}),
        ...(filter.paymentStatus ? { paymentStatus: filter.paymentStatus } : {}),
      });
      return { items: page.items, nextCursor: encodePageCursor(page.nextCursor) };
    },

    async get(rawId) {
      const id = parseId("contract", rawId);
      const contract = await ctx.storage.contracts.findById(id);
      if (!contract) return null;
      const customer = await ctx.storage.customers.findById(contract.customerId);
      if (!customer) throw new Error(`contract ${id} has no customer ${contract.customerId}`);
      const history = await installmentHistory(
        ctx.storage,
        await ctx.storage.installments.listByContract(id),
      );
      return {
        contract,
        customer,
        planName: contract.terms.planName,
        installments: history.installments,
        refunds: history.refunds,
      };
    },
  };
}
