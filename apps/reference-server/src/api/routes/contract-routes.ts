import { contractCancelInputSchema, contractListFilterSchema, parseInput } from "@tessera/core";
import { pageQuerySchema } from "../api-pagination";
import { contractCancellationView, contractDetailView, contractPage } from "../api-response-schemas";
import { apiRoute, noQuery } from "../api-route";
import { contractDetailForKey, unitForKey } from "../api-scope";
import { publicCustomer } from "../public-customer";

const filters = contractListFilterSchema.shape;

/** The query of the contract list: core's filter (Conexa's "online", BEMP's payment status) as strings. */
const contractQuery = pageQuerySchema.extend({
  status: filters.status.meta({ description: "The contract's status." }),
  origin: filters.origin.meta({ description: "Where it was sold; `online` for the checkout." }),
  from: filters.from.meta({ description: "Contracted on or after this day (`YYYY-MM-DD`)." }),
  to: filters.to.meta({ description: "Contracted on or before this day (`YYYY-MM-DD`)." }),
  paymentStatus: filters.paymentStatus.meta({
    description: "`pending`: the latest attempt waits for the buyer; `error`: it was declined or failed.",
  }),
  customerId: filters.customerId.meta({ description: "Only this customer's (`cus_…`)." }),
});

/** A cancellation's body: `ContractCancelInput` without what the request decides (the contract in the address, the header's key, the key as actor). */
const cancelBodySchema = contractCancelInputSchema.omit({
  contractId: true,
  idempotencyKey: true,
  actor: true,
});

/** Contracts as the back office's sales pages show them, through `tessera.contracts`. */
export const contractRoutes = [
  apiRoute({
    method: "get",
    path: "/units/{unit}/contracts",
    operationId: "listContracts",
    tag: "Contracts",
    summary: "The unit's contracts, newest first, with the sales filters",
    params: { unit: "The unit's id (`unit_…`)." },
    query: contractQuery,
    response: {
      status: 200,
      description: "A page of contracts.",
      schema: { name: "ContractPage", schema: contractPage },
    },
    handle: async ({ tessera, key, params, query }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      const { cursor, limit, ...rest } = query;
      const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      const filter = parseInput(
        contractListFilterSchema,
        { ...defined, unitId: unit.id, limit, ...(cursor === undefined ? {} : { cursor }) },
        "contract list",
      );
      const page = await tessera.contracts.list(filter);
      return { data: page.items, nextCursor: page.nextCursor };
    },
  }),
  apiRoute({
    method: "get",
    path: "/contracts/{contract}",
    operationId: "getContract",
    tag: "Contracts",
    summary: "One contract with its customer, installments, payments and refunds",
    params: { contract: "The contract's id (`ctr_…`)." },
    query: noQuery,
    response: {
      status: 200,
      description: "The contract as staff open it.",
      schema: { name: "ContractDetail", schema: contractDetailView },
    },
    handle: async ({ tessera, key, params }) => {
      const detail = await contractDetailForKey(tessera, key, params["contract"] ?? "");
      return { ...detail, customer: publicCustomer(detail.customer) };
    },
  }),
  apiRoute({
    method: "post",
    path: "/contracts/{contract}/cancellation",
    operationId: "cancelContract",
    tag: "Contracts",
    summary: "Ends a contract on a day, with the closing pro-rata of the period it ends in",
    description:
      "`on` is the last day (`YYYY-MM-DD`, the unit's timezone; today when left out). The unpaid lines after it are canceled; the unpaid period it falls in is canceled too and replaced by a `closing_prorata` line for the days it ran (with its client fee), due on `on`, which the billing run collects; a period already paid stays as it is. A contract never paid owes nothing. A contract that ended already is a 409 `invalid_transition`; an attempt still open at a line it would cancel, a 409 `payment_in_progress` (cancel that attempt first). A provider's own recurrence is not stopped. The same `Idempotency-Key` answers the first cancellation (`replayed: true`).",
    params: { contract: "The contract's id (`ctr_…`)." },
    query: noQuery,
    body: { name: "ContractCancelInput", schema: cancelBodySchema },
    idempotent: true,
    problems: [409],
    response: {
      status: 201,
      description: "The contract as it is now, the lines canceled and the closing lines added.",
      schema: { name: "ContractCancellation", schema: contractCancellationView },
    },
    handle: async ({ tessera, key, params, body, idempotencyKey, audit }) => {
      const { contract } = await contractDetailForKey(tessera, key, params["contract"] ?? "");
      const cancel = parseInput(cancelBodySchema, body, "contract cancellation");
      const result = await tessera.contracts.cancel({
        ...cancel,
        contractId: contract.id,
        actor: key.id,
        idempotencyKey,
      });
      await audit(
        "contract.canceled",
        { kind: "contract", id: contract.id },
        {
          customerId: contract.customerId,
          on: result.contract.endDate,
          reason: cancel.reason,
          canceledLines: result.canceled.length,
          closingAmount: result.closing.reduce((sum, line) => sum + line.amount.amount, 0),
          currency: contract.terms.price.currency,
          replayed: result.replayed,
        },
      );
      const detail = await contractDetailForKey(tessera, key, contract.id);
      return {
        ...detail,
        customer: publicCustomer(detail.customer),
        canceled: result.canceled,
        closing: result.closing,
        replayed: result.replayed,
      };
    },
  }),
];
