import { onlineMethodOf, onlineMethodsOf, type PaymentMethod, type Tessera, type Unit } from "@tessera/core";

/** The methods a buyer may choose at this unit (not the `manual` ones), once each, in the unit's order. */
export function unitMethods(unit: Unit): PaymentMethod[] {
  return [...new Set(onlineMethodsOf(unit).map((entry) => entry.method))];
}

/**
 * Whether the provider of `method` at this unit refuses a payer without an address (Banco
 * Inter's boleto), read from its `capabilities.methodRules`.
 */
export function methodNeedsAddress(tessera: Tessera, unit: Unit, method: string): boolean {
  const offered = onlineMethodOf(unit, method);
  if (!offered) return false;
  const rules = tessera.gateways.get(offered.gatewayId).capabilities.methodRules;
  return rules[offered.method]?.payer.address ?? false;
}
