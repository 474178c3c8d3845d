import { parseInput, providerAccountInputSchema } from "@tessera/core";
import { z } from "zod";
import { requestOrigin } from "../../http/request-origin";
import { pageOf, pageQuerySchema } from "../api-pagination";
import { ApiProblem } from "../api-problem";
import { providerAccountPage, providerAccountView, providerKindList } from "../api-response-schemas";
import { apiRoute, type NamedSchema, noQuery } from "../api-route";
import { unitForKey } from "../api-scope";
import { withoutFields } from "../schema-without-fields";

const accountResponse = { name: "ProviderAccount", schema: providerAccountView };
const accountParam = { account: "The account's id, as chosen when it was made (`inter-centro`)." };

/** `providerAccountInputSchema` without `unitId`, which the address gives. */
const newAccount: NamedSchema = {
  name: "ProviderAccountInput",
  schema: providerAccountInputSchema,
  adjust: withoutFields("unitId"),
};

/** A change names its new label, settings, or both; a secret left out keeps the stored one. */
const accountChangesSchema = z.object({
  label: z.string().trim().min(1, "is required").max(100, "must have at most 100 characters").optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});
const accountChanges: NamedSchema = { name: "ProviderAccountChanges", schema: accountChangesSchema };

/**
 * Provider accounts: the same operations as the back office's provider pages, through
 * `tessera.providerAccounts` — for owners' and managers' keys of the account's unit (core
 * answers `not_found` to any other key, as across units). Settings are checked with the kind's
 * own options schema, secrets are sealed and never answered back.
 */
export const providerAccountRoutes = [
  apiRoute({
    method: "get",
    path: "/provider-kinds",
    operationId: "listProviderKinds",
    tag: "Provider accounts",
    summary: "The kinds of provider account this server offers, with their settings' JSON Schema",
    query: noQuery,
    response: {
      status: 200,
      description: "Every kind, in the server's order.",
      schema: { name: "ProviderKindList", schema: providerKindList },
    },
    handle: async ({ tessera }) => ({
      data: tessera.providerAccounts.kinds().map((provider) => ({
        kind: provider.kind,
        label: provider.label,
        secretFields: [...provider.secretFields],
        webhook: { ...provider.webhook },
        optionsSchema: z.toJSONSchema(provider.optionsSchema, {
          io: "input",
          unrepresentable: "any",
        }) as Record<string, unknown>,
      })),
    }),
  }),
  apiRoute({
    method: "get",
    path: "/units/{unit}/provider-accounts",
    operationId: "listProviderAccounts",
    tag: "Provider accounts",
    summary: "The unit's provider accounts, secrets masked",
    params: { unit: "The unit's id (`unit_…`)." },
    query: pageQuerySchema,
    response: {
      status: 200,
      description: "A page of accounts.",
      schema: { name: "ProviderAccountPage", schema: providerAccountPage },
    },
    handle: async ({ tessera, key, params, query }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      return pageOf(await tessera.providerAccounts.list(key, unit.id), query);
    },
  }),
  apiRoute({
    method: "post",
    path: "/units/{unit}/provider-accounts",
    operationId: "createProviderAccount",
    tag: "Provider accounts",
    summary: "Connects the unit to a provider account",
    description:
      "Seals the settings and registers the account's gateway under its id. Each setting the kind refuses is a 422 at `options.<field>`; an id already taken is a 422 at `id`.",
    params: { unit: "The unit's id (`unit_…`)." },
    query: noQuery,
    body: newAccount,
    response: { status: 201, description: "The account, secrets masked.", schema: accountResponse },
    handle: async ({ c, tessera, key, params, body }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      return tessera.providerAccounts.create(key, { ...(body as object), unitId: unit.id } as never, {
        from: requestOrigin(c),
      });
    },
  }),
  apiRoute({
    method: "get",
    path: "/provider-accounts/{account}",
    operationId: "getProviderAccount",
    tag: "Provider accounts",
    summary: "One provider account, secrets masked",
    params: accountParam,
    query: noQuery,
    response: { status: 200, description: "The account.", schema: accountResponse },
    handle: async ({ tessera, key, params }) => {
      const account = await tessera.providerAccounts.get(key, params["account"] ?? "");
      if (account === null) throw new ApiProblem("not_found", "There is no such provider account.");
      return account;
    },
  }),
  apiRoute({
    method: "patch",
    path: "/provider-accounts/{account}",
    operationId: "updateProviderAccount",
    tag: "Provider accounts",
    summary: "New label or settings for a provider account; its gateway is replaced",
    params: accountParam,
    query: noQuery,
    body: accountChanges,
    response: { status: 200, description: "The account as changed.", schema: accountResponse },
    handle: async ({ c, tessera, key, params, body }) => {
      const account = await tessera.providerAccounts.get(key, params["account"] ?? "");
      if (account === null) throw new ApiProblem("not_found", "There is no such provider account.");
      const given = parseInput(accountChangesSchema, body, "provider account");
      return tessera.providerAccounts.update(
        key,
        {
          unitId: account.unitId,
          kind: account.kind,
          id: account.id,
          label: given.label ?? account.label,
          options: given.options ?? {},
        },
        { from: requestOrigin(c) },
      );
    },
  }),
  apiRoute({
    method: "post",
    path: "/provider-accounts/{account}/remove",
    operationId: "removeProviderAccount",
    tag: "Provider accounts",
    summary: "Removes a provider account and unregisters its gateway",
    description: "Refused with 409 while a payment method of its unit names the account.",
    params: accountParam,
    query: noQuery,
    problems: [409],
    response: {
      status: 200,
      description: "The account is gone.",
      schema: {
        name: "RemovedProviderAccount",
        schema: z.object({ id: z.string(), removed: z.literal(true) }),
      },
    },
    handle: async ({ c, tessera, key, params }) => {
      const id = params["account"] ?? "";
      await tessera.providerAccounts.remove(key, id, { from: requestOrigin(c) });
      return { id, removed: true };
    },
  }),
];
