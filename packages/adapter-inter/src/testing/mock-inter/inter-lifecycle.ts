import { addDays, compareDates } from "@tessera/core";
import { decimalString, type InterCharge, type InterSituacao, type OrigemRecebimento } from "./inter-books";
import { issuedCodes } from "./inter-codes";
import type { InterContext } from "./inter-context";
import type { CallbackItem } from "./inter-notifier";
import { saoPauloNow } from "./sao-paulo-time";

/**
 * A charge's life at the bank, and the callback each change sends: issued (`A_RECEBER`) or
 * failed (`FALHA_EMISSAO`), paid (`RECEBIDO`), cancelled (`CANCELADO`), past due (`ATRASADO`,
 * never called back) and expired (`EXPIRADO`, `numDiasAgenda` days after the due date).
 */

/** The situations Inter calls back for (`SituacaoCobrancaCallbackEnum`): not ATRASADO. */
const calledBack = new Set<InterSituacao>([
  "RECEBIDO",
  "A_RECEBER",
  "MARCADO_RECEBIDO",
  "CANCELADO",
  "EXPIRADO",
  "FALHA_EMISSAO",
]);

export function chargeOf(context: InterContext, codigoSolicitacao: string): InterCharge {
  const charge = context.books.charges.get(codigoSolicitacao);
  if (charge === undefined) throw new Error(`no charge ${codigoSolicitacao} at the mock Inter`);
  return charge;
}

/** One element of a callback's array (`CallbackCobranca`). */
export function callbackItem(charge: InterCharge): CallbackItem {
  return {
    codigoSolicitacao: charge.codigoSolicitacao,
    seuNumero: charge.seuNumero,
    situacao: charge.situacao,
    dataHoraSituacao: charge.dataHoraSituacao,
    ...(charge.situacao === "RECEBIDO" || charge.situacao === "MARCADO_RECEBIDO"
      ? { valorTotalRecebido: decimalString(charge.collected) }
      : {}),
    ...(charge.origemRecebimento === undefined ? {} : { origemRecebimento: charge.origemRecebimento }),
    ...(charge.boleto ?? {}),
    ...(charge.pix ?? {}),
  };
}

/** One callback carrying these charges, those whose situation Inter calls back for. */
export function notify(context: InterContext, charges: readonly InterCharge[]): void {
  const items = charges.filter((charge) => calledBack.has(charge.situacao)).map(callbackItem);
  context.notifier.send(context.books.webhook?.webhookUrl ?? null, items);
}

function moveTo(context: InterContext, charge: InterCharge, situacao: InterSituacao): void {
  charge.situacao = situacao;
  charge.dataSituacao = saoPauloNow(context.clock).date;
  charge.dataHoraSituacao = context.clock.now();
}

export function issueCharge(context: InterContext, charge: InterCharge): void {
  if (charge.situacao !== "EM_PROCESSAMENTO") {
    throw new Error(`charge ${charge.codigoSolicitacao} is ${charge.situacao}, not EM_PROCESSAMENTO`);
  }
  const codes = issuedCodes(charge, {
    accountNumber: context.beneficiary.accountNumber,
    locationHost: context.locationHost(),
    merchantName: context.beneficiary.nome,
    merchantCity: context.beneficiary.cidade,
  });
  charge.boleto = codes.boleto;
  charge.pix = codes.pix;
  moveTo(context, charge, "A_RECEBER");
}

export function failIssue(context: InterContext, charge: InterCharge): void {
  if (charge.situacao !== "EM_PROCESSAMENTO") {
    throw new Error(`charge ${charge.codigoSolicitacao} is ${charge.situacao}, not EM_PROCESSAMENTO`);
  }
  moveTo(context, charge, "FALHA_EMISSAO");
}

/** Why a charge cannot be paid now, or null. */
export function payRefusal(charge: InterCharge): string | null {
  if (charge.situacao === "A_RECEBER" || charge.situacao === "ATRASADO") return null;
  return `A cobrança está ${charge.situacao} e não pode ser paga.`;
}

/** The payer pays the whole amount (a pending cancel loses the race). No callback: the caller sends it. */
export function payCharge(context: InterContext, charge: InterCharge, via: OrigemRecebimento): void {
  const refusal = payRefusal(charge);
  if (refusal !== null) throw new Error(`charge ${charge.codigoSolicitacao}: ${refusal}`);
  charge.collected = charge.amount;
  charge.origemRecebimento = via;
  charge.cancelPending = false;
  moveTo(context, charge, "RECEBIDO");
  charge.paidOn = charge.dataSituacao;
}

/** A cancel accepted earlier (202) completes, and the webhook is told. */
export function completeCancel(context: InterContext, charge: InterCharge): void {
  if (!charge.cancelPending) return;
  charge.cancelPending = false;
  moveTo(context, charge, "CANCELADO");
  notify(context, [charge]);
}

/**
 * Due dates as the clock now reads them: a charge to receive past its due date shows
 * `ATRASADO` (no callback), and past `numDiasAgenda` days more it is `EXPIRADO` (callback).
 */
export function refreshDueDates(context: InterContext): void {
  const today = saoPauloNow(context.clock).date;
  const expired = [];
  for (const charge of context.books.charges.values()) {
    if (charge.situacao !== "A_RECEBER" && charge.situacao !== "ATRASADO") continue;
    if (compareDates(today, addDays(charge.dataVencimento, charge.numDiasAgenda)) > 0) {
      moveTo(context, charge, "EXPIRADO");
      charge.cancelPending = false;
      expired.push(charge);
    } else if (charge.situacao === "A_RECEBER" && compareDates(today, charge.dataVencimento) > 0) {
      moveTo(context, charge, "ATRASADO");
    }
  }
  if (expired.length > 0) notify(context, expired);
}
