import { z } from "zod";
import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { ServiceContext } from "../ports/service-context";
import { periodEnd } from "../time/billing-schedule";
import { calendarDateSchema } from "../time/calendar-date";
import { calendarDateInZone } from "../time/timezone";
import { parseId, parseText } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import type { ActivationCode } from "./activation-code";
import { activationAlphabet } from "./activation-code-alphabet";

export const attachInputSchema = z.object({
  unitId: z.string().startsWith("unit_", "must be a unit id"),
  code: z.string().trim().min(1, "is required").max(20),
  customerId: z.string().startsWith("cus_", "must be a customer id"),
  validFrom: calendarDateSchema.optional(),
  validUntil: calendarDateSchema.nullable().optional(),
});
export type AttachInput = z.input<typeof attachInputSchema>;

/** Normalises a code as a person types it: case, spaces and dashes do not matter. */
export function normalizeActivationCode(typed: string): string {
  const bare = typed.toUpperCase().replace(/[\s-]/g, "");
  return bare.replace(/(.{4})(?=.)/g, "$1-");
}

/** Activation codes of passes sold online (Otmechalka seed). */
export interface ActivationService {
  find(unitId: Id<"unit">, code: string): Promise<ActivationCode | null>;
  listUnattached(unitId: Id<"unit">): Promise<ActivationCode[]>;
  /**
   * Attaches a code to a customer of the unit's organization, for a validity period
   * (default: from today, in the unit's timezone, for the contract's whole term). Refuses an
   * unknown code (`activation_code_unknown`) and a used or revoked one (`activation_code_used`).
   */
  attach(input: AttachInput): Promise<ActivationCode>;
}

export function createActivationService(ctx: ServiceContext): ActivationService {
  return {
    async find(unitId, code) {
      const unit = parseId("unit", unitId, "unitId");
      return ctx.storage.activationCodes.findByCode(
        unit,
        normalizeActivationCode(parseText(code, "code", 64)),
      );
    },
    listUnattached: async (unitId) =>
      ctx.storage.activationCodes.listByUnit(parseId("unit", unitId, "unitId"), { status: "unattached" }),
    async attach(input) {
      const data = parseInput(attachInputSchema, input, "activation");
      const unitId = data.unitId as Id<"unit">;
      const code = normalizeActivationCode(data.code);
      const unknown = () =>
        new TesseraError("activation_code_unknown", `No activation code ${code} in this unit.`, {
          details: { issues: [{ path: ["code"], code: "unknown", message: "unknown code" }] },
        });
      if (![...code.replace("-", "")].every((c) => activationAlphabet.includes(c))) throw unknown();
      const found = await ctx.storage.activationCodes.findByCode(unitId, code);
      if (!found) throw unknown();
      if (found.status !== "unattached") {
        throw new TesseraError("activation_code_used", `Activation code ${code} is ${found.status}.`, {
          details: { issues: [{ path: ["code"], code: found.status, message: `already ${found.status}` }] },
        });
      }
      const [unit, customer, contract] = await Promise.all([
        ctx.storage.units.findById(unitId),
        ctx.storage.customers.findById(data.customerId as Id<"customer">),
        ctx.storage.contracts.findById(found.contractId),
      ]);
      if (!unit || !contract) throw unknown();
      if (!customer || customer.organizationId !== unit.organizationId) {
        throw new TesseraError(
          "validation_failed",
          "Invalid activation: customerId: no such customer in this organization.",
          {
            details: { issues: [{ path: ["customerId"], code: "not_found", message: "no such customer" }] },
          },
        );
      }
      const validFrom = data.validFrom ?? calendarDateInZone(ctx.clock.now(), unit.timeZone);
      const validUntil =
        data.validUntil !== undefined
          ? data.validUntil
          : periodEnd(validFrom, contract.terms.interval, (contract.terms.installmentCount ?? 1) - 1);
      if (validUntil !== null && validUntil < validFrom) {
        throw new TesseraError(
          "validation_failed",
          "Invalid activation: validUntil: must not be before validFrom.",
          {
            details: { issues: [{ path: ["validUntil"], code: "too_small", message: "before validFrom" }] },
          },
        );
      }
      const attachedAt = ctx.clock.now();
      return ctx.storage.transaction(async (tx) => {
        const attached = await tx.activationCodes.attach(found.id, {
          customerId: customer.id,
          validFrom,
          validUntil,
          attachedAt,
        });
        if (!attached) {
          throw new TesseraError(
            "activation_code_used",
            `Activation code ${code} was just attached by someone else.`,
            {
              details: { issues: [{ path: ["code"], code: "attached", message: "already attached" }] },
            },
          );
        }
        await tx.outbox.append([
          ctx.events(
            "activation_code.attached",
            { activationCodeId: attached.id, customerId: customer.id },
            unitId,
          ),
        ]);
        return attached;
      });
    },
  };
}
