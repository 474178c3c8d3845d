import { dynamicPixBrCode } from "@tessera/core";
import type { Violacao } from "./api-pix-validator";
import { centavosOfValor } from "./pix-amount";
import type { ChargeEntry, ChargeKind, ChargeTerms } from "./psp-books";
import type { PspContext } from "./psp-context";
import { newLocationToken } from "./psp-ids";

/**
 * Making a cob or cobv once its request passed the schema: the semantic refusals the spec's
 * catalogue lists for `CobOperacaoInvalida` / `CobVOperacaoInvalida`, and the charge itself,
 * with a payload location under the mock's host and its dynamic BR Code.
 */

/** The violations the schema cannot see, named under `resource` (`cob`, `cobv`). */
export function chargeTermViolations(
  context: PspContext,
  kind: ChargeKind,
  terms: ChargeTerms,
  resource: string,
  /** The request's `loc`, if it named one. */
  loc: unknown,
): Violacao[] {
  const violations: Violacao[] = [];
  if (kind === "cob" && terms.calendario.expiracao !== undefined && terms.calendario.expiracao <= 0) {
    violations.push({
      razao: `O campo ${resource}.calendario.expiracao é igual ou menor que zero.`,
      propriedade: `${resource}.calendario.expiracao`,
      valor: String(terms.calendario.expiracao),
    });
  }
  if (kind === "cobv") {
    const validade = terms.calendario.validadeAposVencimento;
    if (validade !== undefined && validade < 0) {
      violations.push({
        razao: `O campo ${resource}.calendario.validadeAposVencimento é menor do que zero.`,
        propriedade: `${resource}.calendario.validadeAposVencimento`,
        valor: String(validade),
      });
    }
    const due = terms.calendario.dataDeVencimento;
    if (due !== undefined && due < context.clock.now().slice(0, 10)) {
      violations.push({
        razao: `O campo ${resource}.calendario.dataDeVencimento é anterior à data de criação da cobrança.`,
        propriedade: `${resource}.calendario.dataDeVencimento`,
        valor: due,
      });
    }
  }
  if (centavosOfValor(terms.valor.original) === 0) {
    violations.push({
      razao: `O campo ${resource}.valor.original é zero.`,
      propriedade: `${resource}.valor.original`,
      valor: terms.valor.original,
    });
  }
  if (terms.chave !== context.chave) {
    violations.push({
      razao: `O campo ${resource}.chave corresponde a uma conta que não pertence a este usuário recebedor.`,
      propriedade: `${resource}.chave`,
      valor: terms.chave,
    });
  }
  // The mock offers no `/loc`, so no location a request could name exists.
  if (loc !== undefined) {
    violations.push({
      razao: `O location referenciado por ${resource}.loc.id inexiste.`,
      propriedade: `${resource}.loc.id`,
    });
  }
  return violations;
}

/** The terms of a request body the schema let in, as the books keep them. */
export function termsOf(body: unknown): ChargeTerms {
  const { loc: _loc, status: _status, ...terms } = body as ChargeTerms & { loc?: unknown; status?: unknown };
  return { ...terms, calendario: { ...(terms.calendario ?? {}) } };
}

/** Records a new charge, revision 0, `ATIVA`. */
export function createCharge(
  context: PspContext,
  input: { txid: string; kind: ChargeKind; terms: ChargeTerms; origin: ChargeEntry["origin"] },
): ChargeEntry {
  const now = context.clock.now();
  const location = `${context.locationHost()}/qr/v2/${input.kind === "cobv" ? "cobv/" : ""}${newLocationToken()}`;
  const charge: ChargeEntry = {
    txid: input.txid,
    kind: input.kind,
    status: "ATIVA",
    criacao: now,
    loc: { id: context.books.nextLocationId(), location, criacao: now },
    pixCopiaECola: dynamicPixBrCode({
      location,
      merchantName: context.holder.nome,
      merchantCity: context.holder.cidade,
    }),
    revisions: [input.terms],
    origin: input.origin,
    pix: [],
  };
  context.books.charges.set(charge.txid, charge);
  return charge;
}

/** JSON text with object keys sorted: two requests are the same request when these match. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
