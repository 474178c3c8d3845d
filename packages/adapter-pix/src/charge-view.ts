import { type CalendarDate, dynamicPixBrCode } from "@tessera/core";
import { type Cob, type Cobv, moneyOfPixValor } from "@tessera/pix-api";
import type { PixChargeView } from "./mapping";

/** The receiver as the BR Code of a charge whose PSP answers only its location names it. */
export interface PixMerchant {
  merchantName: string;
  merchantCity: string;
}

/**
 * A `cob` or `cobv` answer as the mapping reads it. The spec's `pixCopiaECola` is the BR
 * Code; a PSP that answers only the location (`loc.location`, or `location` before 2.6)
 * gets one made from it through core's codec (Manual de Padrões §2.5.2: the location
 * without its scheme). Null when the answer has neither, which no PSP should send.
 */
export function chargeViewOf(
  kind: "cob" | "cobv",
  charge: Cob | Cobv,
  merchant: PixMerchant,
): PixChargeView | null {
  const location = (charge.loc?.location ?? charge.location)?.replace(/^[a-z]+:\/\//i, "");
  const pixCopiaECola =
    charge.pixCopiaECola ?? (location === undefined ? null : dynamicPixBrCode({ location, ...merchant }));
  if (pixCopiaECola === null) return null;
  const calendario = charge.calendario as Cob["calendario"] & Partial<Cobv["calendario"]>;
  return {
    txid: charge.txid,
    kind,
    status: charge.status,
    createdAt: new Date(Date.parse(calendario.criacao)).toISOString(),
    expiresInSeconds: calendario.expiracao ?? null,
    dueDate: (calendario.dataDeVencimento as CalendarDate | undefined) ?? null,
    payableDaysAfterDue: calendario.validadeAposVencimento ?? null,
    amount: moneyOfPixValor(charge.valor.original),
    pixCopiaECola,
    pix: (charge.pix ?? []).map((pix) => ({
      endToEndId: pix.endToEndId,
      amount: moneyOfPixValor(pix.valor),
      paidAt: new Date(Date.parse(pix.horario)).toISOString(),
      refunds: (pix.devolucoes ?? []).map((refund) => ({
        id: refund.id,
        rtrId: refund.rtrId ?? null,
        amount: moneyOfPixValor(refund.valor),
        status: refund.status,
      })),
    })),
  };
}
