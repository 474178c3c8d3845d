import { customerListFilterSchema, parseInput } from "@tessera/core";
import { pageQuerySchema } from "../api-pagination";
import { customerPage, customerView } from "../api-response-schemas";
import { apiRoute, noQuery } from "../api-route";
import { customerForKey, unitForKey } from "../api-scope";
import { publicCustomer } from "../public-customer";

const unitParam = { unit: "The unit's id (`unit_…`)." };

/** The query of the customer list: core's filter, as strings, with the API's page size. */
const customerQuery = pageQuerySchema.extend({
  search: customerListFilterSchema.shape.search.meta({
    description:
      "A part of the name or e-mail (any case or accents), or of the CPF/CNPJ or phone (with or without punctuation).",
  }),
  status: customerListFilterSchema.shape.status.meta({ description: "The derived status." }),
});

/** Customers as the back office's customer pages show them, through `tessera.customers`. */
export const customerRoutes = [
  apiRoute({
    method: "get",
    path: "/units/{unit}/customers",
    operationId: "listCustomers",
    tag: "Customers",
    summary: "The unit's customers (those with a contract in it)",
    params: unitParam,
    query: customerQuery,
    response: {
      status: 200,
      description: "A page of customers.",
      schema: { name: "CustomerPage", schema: customerPage },
    },
    handle: async ({ tessera, key, params, query }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      const filter = parseInput(
        customerListFilterSchema,
        {
          unitId: unit.id,
          limit: query.limit,
          ...(query.search === undefined ? {} : { search: query.search }),
          ...(query.status === undefined ? {} : { status: query.status }),
          ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        },
        "customer list",
      );
      const page = await tessera.customers.list(unit.organizationId, filter);
      return { data: page.items.map(publicCustomer), nextCursor: page.nextCursor };
    },
  }),
  apiRoute({
    method: "get",
    path: "/units/{unit}/customers/{customer}",
    operationId: "getCustomer",
    tag: "Customers",
    summary: "One customer of the unit",
    params: { ...unitParam, customer: "The customer's id (`cus_…`)." },
    query: noQuery,
    response: {
      status: 200,
      description: "The customer.",
      schema: { name: "Customer", schema: customerView },
    },
    handle: async ({ tessera, key, params }) =>
      publicCustomer(
        (await customerForKey(tessera, key, params["unit"] ?? "", params["customer"] ?? "")).customer,
      ),
  }),
];
