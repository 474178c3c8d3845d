import type { Contract } from "../contracts/contract";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import type { ActivationCode } from "./activation-code";
import { generateActivationCode } from "./activation-code-alphabet";

/**
 * Gives a paid contract of a `staff_code` plan its activation code, unique in its unit, or
 * returns the one it already has. Codes are drawn from 25^8 ≈ 1.5·10^11 values; a drawn
 * code already taken in the unit is drawn again (checked before the insert, because a
 * failed insert would abort the whole transaction on PostgreSQL).
 */
export async function issueActivationCode(
  ctx: ServiceContext,
  tx: Repositories,
  contract: Contract,
): Promise<ActivationCode> {
  const existing = await tx.activationCodes.findByContract(contract.id);
  if (existing) return existing;
  let code = generateActivationCode(ctx.randomBytes);
  while (await tx.activationCodes.findByCode(contract.unitId, code))
    code = generateActivationCode(ctx.randomBytes);
  const activation: ActivationCode = {
    id: ctx.ids("activationCode"),
    unitId: contract.unitId,
    contractId: contract.id,
    code,
    status: "unattached",
    attachedCustomerId: null,
    validFrom: null,
    validUntil: null,
    attachedAt: null,
    createdAt: ctx.clock.now(),
    version: 1,
  };
  await tx.activationCodes.insert(activation);
  return activation;
}
