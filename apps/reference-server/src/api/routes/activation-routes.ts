import { attachInputSchema, parseInput } from "@tessera/core";
import { pageOf, pageQuerySchema } from "../api-pagination";
import { activationCodePage, activationCodeView } from "../api-response-schemas";
import { apiRoute, type NamedSchema, noQuery } from "../api-route";
import { customerForKey, unitForKey } from "../api-scope";

const unitParam = { unit: "The unit's id (`unit_…`)." };

/** `attachInputSchema` without `unitId` and `code`, which the address gives. */
const attachSchema = attachInputSchema.omit({ unitId: true, code: true });
const attachBody: NamedSchema = { name: "AttachActivationCode", schema: attachSchema };

/** Otmechalka's unattached passes: listed, and attached to a visitor for a validity. */
export const activationRoutes = [
  apiRoute({
    method: "get",
    path: "/units/{unit}/activation-codes",
    operationId: "listUnattachedActivationCodes",
    tag: "Activation codes",
    summary: "The unit's passes sold but not yet attached to a visitor",
    params: unitParam,
    query: pageQuerySchema,
    response: {
      status: 200,
      description: "A page of unattached codes.",
      schema: { name: "ActivationCodePage", schema: activationCodePage },
    },
    handle: async ({ tessera, key, params, query }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      return pageOf(await tessera.activation.listUnattached(unit.id), query);
    },
  }),
  apiRoute({
    method: "post",
    path: "/units/{unit}/activation-codes/{code}/attach",
    operationId: "attachActivationCode",
    tag: "Activation codes",
    summary: "Attaches a pass to a visitor for its validity",
    description:
      "The visitor must be a customer the unit sees. An unknown code is a 404; one already attached is a 409 `activation_code_used`.",
    params: {
      ...unitParam,
      code: "The code as printed (any case; look-alike characters are read as the alphabet's).",
    },
    query: noQuery,
    body: attachBody,
    problems: [409],
    response: {
      status: 200,
      description: "The attached code.",
      schema: { name: "ActivationCode", schema: activationCodeView },
    },
    handle: async ({ tessera, key, params, body, audit }) => {
      const unit = await unitForKey(tessera, key, params["unit"] ?? "");
      const input = parseInput(attachSchema, body, "activation");
      await customerForKey(tessera, key, unit.id, input.customerId);
      const attached = await tessera.activation.attach({
        ...input,
        unitId: unit.id,
        code: params["code"] ?? "",
      });
      await audit(
        "activation_code.attached",
        { kind: "activation_code", id: attached.id },
        {
          code: attached.code,
          customerId: attached.attachedCustomerId,
          validFrom: attached.validFrom,
          validUntil: attached.validUntil,
        },
      );
      return attached;
    },
  }),
];
