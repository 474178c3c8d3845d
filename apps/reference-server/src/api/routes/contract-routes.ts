import { contractListFilterSchema, parseInput } from "@tessera/core";
import { pageQuerySchema } from "../api-pagination";
import { contractDetailView, contractPage } from "../api-response-schemas";
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
];
