import {
  addDays,
  type CalendarDate,
  dayStartInZone,
  type Instant,
  type Money,
  type PaymentResult,
} from "@tessera/core";

/** API Pix `CobrancaStatus` (the enum, not the prose: `REMOVIDA_…`, not `REMOVIDO_…`). */
export type CobStatus = "ATIVA" | "CONCLUIDA" | "REMOVIDA_PELO_USUARIO_RECEBEDOR" | "REMOVIDA_PELO_PSP";

/** API Pix devolução `status`. */
export type DevolucaoStatus = "EM_PROCESSAMENTO" | "DEVOLVIDO" | "NAO_REALIZADO";

/** What the mapping reads of a `cob` or `cobv` answer; amounts already in centavos. */
export interface PixChargeView {
  txid: string;
  kind: "cob" | "cobv";
  status: CobStatus;
  /** `calendario.criacao`. */
  createdAt: Instant;
  /** `cob`: `calendario.expiracao`, seconds after creation (the spec's default: 86400). */
  expiresInSeconds: number | null;
  /** `cobv`: `calendario.dataDeVencimento` and `validadeAposVencimento` (days; the spec's default: 30). */
  dueDate: CalendarDate | null;
  payableDaysAfterDue: number | null;
  amount: Money;
  pixCopiaECola: string;
  /** The Pix that paid it, with their refunds. */
  pix: readonly {
    endToEndId: string;
    amount: Money;
    paidAt: Instant;
    refunds: readonly { id: string; rtrId: string | null; amount: Money; status: DevolucaoStatus }[];
  }[];
}

/** The PSP's clock, for a due date's last payable day: Brasília time (BCB's Regulamento Pix). */
const pspTimeZone = "America/Sao_Paulo";

/**
 * When the payer can no longer pay it. API Pix has no expired status — a `cob` stays `ATIVA`
 * after `criacao + expiracao` (spec, `CobrancaStatus`) — so expiry is computed here from the
 * charge's own calendar: a `cob` at creation plus `expiracao` seconds, a `cobv` at the end
 * of its due date plus `validadeAposVencimento` days, in Brasília time.
 */
export function pixChargeExpiresAt(charge: PixChargeView): Instant {
  if (charge.kind === "cobv" && charge.dueDate !== null) {
    const lastDay = addDays(charge.dueDate, charge.payableDaysAfterDue ?? 30);
    return dayStartInZone(addDays(lastDay, 1), pspTimeZone);
  }
  const seconds = charge.expiresInSeconds ?? 86_400;
  return new Date(Date.parse(charge.createdAt) + seconds * 1000).toISOString();
}

/** The sum of a charge's refunds the PSP has made (`DEVOLVIDO`). */
function refundedOf(charge: PixChargeView): Money {
  let amount = 0;
  for (const pix of charge.pix) {
    for (const refund of pix.refunds) if (refund.status === "DEVOLVIDO") amount += refund.amount.amount;
  }
  return { amount, currency: charge.amount.currency };
}

/**
 * A charge as core sees it, at `now`: paid (`CONCLUIDA`), removed by us or by the PSP,
 * expired (still `ATIVA`, past its expiry), or waiting on the payer with its BR Code.
 */
export function pixChargeResult(charge: PixChargeView, now: Instant): PaymentResult {
  const base = {
    providerReference: charge.txid,
    rawStatus: charge.status,
    amount: charge.amount,
    refundedAmount: refundedOf(charge),
  };
  switch (charge.status) {
    case "CONCLUIDA": {
      const paidAt = charge.pix.map((pix) => pix.paidAt).sort()[0] ?? null;
      return { ...base, status: "succeeded", card: null, paidAt };
    }
    case "REMOVIDA_PELO_USUARIO_RECEBEDOR":
      return { ...base, status: "canceled", reason: "by_us" };
    case "REMOVIDA_PELO_PSP":
      return { ...base, status: "canceled", reason: "by_provider" };
    case "ATIVA": {
      const expiresAt = pixChargeExpiresAt(charge);
      if (Date.parse(now) >= Date.parse(expiresAt)) {
        return { ...base, rawStatus: "ATIVA (expired)", status: "canceled", reason: "expired" };
      }
      return {
        ...base,
        status: "pending",
        action: { type: "pix", qrCodePayload: charge.pixCopiaECola, expiresAt },
      };
    }
  }
}

/** A devolução's status as core's refund status. */
export function refundStatusOf(status: DevolucaoStatus): "pending" | "succeeded" | "failed" {
  switch (status) {
    case "EM_PROCESSAMENTO":
      return "pending";
    case "DEVOLVIDO":
      return "succeeded";
    case "NAO_REALIZADO":
      return "failed";
  }
}
