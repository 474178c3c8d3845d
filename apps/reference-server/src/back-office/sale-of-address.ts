import { type ContractDetail, errorCatalog, type OrderDetail, type Tessera, type Unit } from "@tessera/core";
import type { Context } from "hono";
import { type BackOfficeEnv, signedInStaff } from "./back-office-env";
import { contractOfUnit, orderOfUnit } from "./sale-in-scope";
import { unitInScope } from "./unit-in-scope";

/** The sales a back-office address names under its unit, by the name of its parameter. */
const salesOfUnit = { contract: contractOfUnit, order: orderOfUnit };

/** A sale's kind: its address's parameter (`/contracts/:contract`, `/orders/:order`). */
export type SaleKind = keyof typeof salesOfUnit;

/** What `tessera.contracts.get` or `tessera.orders.get` reads of a sale of `Kind`. */
export type SaleDetail<Kind extends SaleKind> = { contract: ContractDetail; order: OrderDetail }[Kind];

/** A refusal's status on a sale's page: core's, kept to the ones the page answers with. */
export const pageStatus = (code: keyof typeof errorCatalog): 404 | 409 | 422 => {
  const status = errorCatalog[code].http;
  return status === 404 || status === 409 ? status : 422;
};

/** The sale the address names, when it is the unit's (else a 404), as it is now. */
const saleNamed = async <Kind extends SaleKind>(
  c: Context<BackOfficeEnv>,
  tessera: Tessera,
  unit: Unit,
  kind: Kind,
) => (await salesOfUnit[kind](tessera, unit, c.req.param(kind) ?? "")) as SaleDetail<Kind>;

/**
 * What a sale's page or form action starts from: the member, the unit of the address in
 * their scope, and the sale of that unit the address names (`contractOfUnit`, `orderOfUnit`:
 * 404 otherwise).
 */
export async function saleOfAddress<Kind extends SaleKind>(
  c: Context<BackOfficeEnv>,
  tessera: Tessera,
  kind: Kind,
) {
  const staff = signedInStaff(c).staff;
  const unit = await unitInScope(tessera, staff, c.req.param("unit") ?? "");
  const detail = await saleNamed(c, tessera, unit, kind);
  return { t: c.get("t"), locale: c.get("locale"), staff, unit, detail };
}

/**
 * `saleOfAddress` for a sale's form action, with `refuse`: the sale's page again, read afresh,
 * with why — `render` shows it (and the forms the action sent, as they were sent).
 */
export async function saleAction<Kind extends SaleKind, Status extends number>(
  c: Context<BackOfficeEnv>,
  tessera: Tessera,
  kind: Kind,
  render: (
    unit: Unit,
    detail: SaleDetail<Kind>,
    message: { kind: "error"; text: string },
    status: Status,
  ) => Promise<Response>,
) {
  const sale = await saleOfAddress(c, tessera, kind);
  const refuse = async (text: string, status: Status) =>
    render(sale.unit, await saleNamed(c, tessera, sale.unit, kind), { kind: "error", text }, status);
  return { ...sale, refuse };
}
