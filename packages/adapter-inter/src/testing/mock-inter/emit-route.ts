import { randomUUID } from "node:crypto";
import { compareDates } from "@tessera/core";
import { invalidAnswer, jsonAnswer, payerIsBeneficiaryAnswer, refusedAnswer } from "./inter-answer";
import { centavosOf, type InterCharge } from "./inter-books";
import type { InterContext } from "./inter-context";
import { issueCharge, notify } from "./inter-lifecycle";
import type { InterRoute } from "./inter-route";
import type { Violacao } from "./inter-schemas";
import { lastMinuteForToday, saoPauloNow } from "./sao-paulo-time";

/**
 * `POST /cobrancas` (emitirCobrancaAsync) → 200 `{codigoSolicitacao}`. Beyond the schema
 * (fields, 2.50 minimum, full payer address, `numDiasAgenda` 0–60, `seuNumero` ≤ 15), the
 * rules the operation's description states: no due date before today, today's only until
 * 19:59 (São Paulo); the same seuNumero, valorNominal, dataVencimento and payer CPF/CNPJ
 * refused for 30 minutes. A payer who is the beneficiary got a 500 in the sandbox.
 */

/** How long Inter's duplicate key lives. */
export const duplicateWindowMs = 30 * 60 * 1000;

interface EmitBody {
  seuNumero: string;
  valorNominal: number;
  dataVencimento: string;
  numDiasAgenda: number;
  pagador: Record<string, unknown> & { cpfCnpj: string };
  formasRecebimento?: string[];
  [term: string]: unknown;
}

const digitsOnly = (text: string) => text.replace(/\D/g, "");

function ruleViolations(body: EmitBody, context: InterContext): Violacao[] {
  const violations: Violacao[] = [];
  const now = saoPauloNow(context.clock);
  const due = compareDates(body.dataVencimento, now.date);
  if (due < 0) {
    violations.push({
      razao: "A data de vencimento não pode ser anterior à data atual.",
      propriedade: "dataVencimento",
      valor: body.dataVencimento,
    });
  } else if (due === 0 && now.minutes > lastMinuteForToday) {
    violations.push({
      razao: "Cobranças com vencimento para o mesmo dia só podem ser emitidas até às 19h59.",
      propriedade: "dataVencimento",
      valor: body.dataVencimento,
    });
  }
  const formas = body.formasRecebimento;
  if (formas?.includes("PIX") && !formas.includes("BOLETO")) {
    violations.push({
      razao: "Cobrança somente com PIX não é permitida nesta API: use a cobrança com vencimento (cobv).",
      propriedade: "formasRecebimento",
      valor: formas.join(","),
    });
  }
  return violations;
}

function duplicateKey(body: EmitBody): string {
  return [
    body.seuNumero,
    centavosOf(body.valorNominal),
    body.dataVencimento,
    digitsOnly(body.pagador.cpfCnpj),
  ].join("|");
}

export const emitRoute: InterRoute = {
  method: "POST",
  path: "/cobrancas",
  scope: "boleto-cobranca.write",
  body: "EmitirCobrancaRequestBody",
  creates: true,
  handle(request, context) {
    const body = request.body as EmitBody;
    const now = context.clock.now();
    const violations = ruleViolations(body, context);
    if (violations.length > 0) return invalidAnswer(violations, now);
    if (digitsOnly(body.pagador.cpfCnpj) === digitsOnly(context.beneficiary.cpfCnpj)) {
      return payerIsBeneficiaryAnswer();
    }
    const key = duplicateKey(body);
    const nowMillis = Date.parse(now);
    const last = context.books.recentKeys.get(key);
    if (last !== undefined && nowMillis - last < duplicateWindowMs) {
      // The refusal's exact wording is not published: a 400 naming the duplicate, in Inter's shape.
      return refusedAnswer(
        "Já existe uma cobrança com os mesmos seuNumero, valorNominal, dataVencimento e cpfCnpj do pagador emitida nos últimos 30 minutos.",
        now,
        "seuNumero",
        body.seuNumero,
      );
    }
    context.books.recentKeys.set(key, nowMillis);
    const { seuNumero, valorNominal, dataVencimento, numDiasAgenda, pagador, ...terms } = body;
    const today = saoPauloNow(context.clock).date;
    const charge: InterCharge = {
      codigoSolicitacao: randomUUID(),
      seuNumero,
      amount: centavosOf(valorNominal),
      dataEmissao: today,
      dataVencimento,
      numDiasAgenda,
      situacao: "EM_PROCESSAMENTO",
      dataSituacao: today,
      dataHoraSituacao: now,
      pagador: { ...pagador },
      terms,
      collected: 0,
      cancelPending: false,
      outside: false,
    };
    context.books.charges.set(charge.codigoSolicitacao, charge);
    return {
      ...jsonAnswer(200, { codigoSolicitacao: charge.codigoSolicitacao }),
      ...(context.issueMode === "immediate"
        ? {
            afterAnswer: () => {
              issueCharge(context, charge);
              notify(context, [charge]);
            },
          }
        : {}),
    };
  },
};
