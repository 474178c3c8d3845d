import { createCharge } from "./charge-creation";
import { centavosOfValor, valorOfCentavos } from "./pix-amount";
import { announcePix } from "./pix-callbacks";
import { type ChargeEntry, currentTerms, type PixEntry } from "./psp-books";
import type { PspContext } from "./psp-context";
import { newEndToEndId, newPspTxid } from "./psp-ids";
import { defaultExpiracao, defaultValidadeAposVencimento } from "./psp-views";

/**
 * The payers: someone's bank app paying a charge's BR Code through the SPI, as a PSP's
 * sandbox lets a test do. A payment the payer's bank would not make (a charge not `ATIVA`,
 * expired, or an amount the charge does not let the payer change) is a mistake in the test and
 * throws.
 */

export interface PayOptions {
  /** Centavos; only a charge with `valor.modalidadeAlteracao: 1` takes another amount than its own. */
  amount?: number;
  /** The payer's message (`infoPagador`). */
  infoPagador?: string;
}

const dayMs = 86_400_000;

/** Whether the charge can no longer be paid: a cob past `criacao + expiracao`, a cobv past its due date's validity. */
export function hasExpired(charge: ChargeEntry, now: string): boolean {
  const { calendario } = currentTerms(charge);
  if (charge.kind === "cob") {
    return Date.parse(now) >= Date.parse(charge.criacao) + (calendario.expiracao ?? defaultExpiracao) * 1000;
  }
  const lastDay =
    Date.parse(`${calendario.dataDeVencimento}T23:59:59.999Z`) +
    (calendario.validadeAposVencimento ?? defaultValidadeAposVencimento) * dayMs;
  return Date.parse(now) > lastDay;
}

function settle(context: PspContext, txid: string, options: PayOptions): string {
  const charge = context.books.charges.get(txid);
  if (charge === undefined) throw new Error(`no charge with txid ${txid} at the mock PSP`);
  if (charge.status !== "ATIVA") throw new Error(`charge ${txid} is ${charge.status}: a payer cannot pay it`);
  const now = context.clock.now();
  if (hasExpired(charge, now))
    throw new Error(`charge ${txid} has expired: a payer's bank refuses to pay it`);
  const terms = currentTerms(charge);
  const own = centavosOfValor(terms.valor.original);
  const amount = options.amount ?? own;
  if (amount !== own && terms.valor.modalidadeAlteracao !== 1) {
    throw new Error(`charge ${txid} does not let the payer change its amount (modalidadeAlteracao is not 1)`);
  }
  const entry: PixEntry = {
    endToEndId: newEndToEndId(now),
    txid,
    valor: amount,
    horario: now,
    chave: terms.chave,
    ...(options.infoPagador === undefined ? {} : { infoPagador: options.infoPagador }),
  };
  context.books.pix.set(entry.endToEndId, entry);
  charge.pix.push(entry.endToEndId);
  charge.status = "CONCLUIDA";
  return entry.endToEndId;
}

/** Payers pay these charges at once; the PSP tells the webhook of all of them in one body. Answers their endToEndIds. */
export function payCharges(
  context: PspContext,
  txids: readonly string[],
  options: PayOptions = {},
): string[] {
  const endToEndIds = txids.map((txid) => settle(context, txid, options));
  announcePix(context, endToEndIds);
  return endToEndIds;
}

/**
 * A payer pays a static BR Code of the receiver's key (no txid, or a static one of at most 25
 * characters): the Pix reaches the books and `GET /pix`, and no webhook (spec: callbacks are
 * for Pix with a txid of a charge). Answers its endToEndId.
 */
export function payStaticCode(context: PspContext, amount: number, options: { txid?: string } = {}): string {
  const now = context.clock.now();
  const entry: PixEntry = {
    endToEndId: newEndToEndId(now),
    txid: options.txid ?? null,
    valor: amount,
    horario: now,
    chave: context.chave,
  };
  context.books.pix.set(entry.endToEndId, entry);
  return entry.endToEndId;
}

/**
 * Someone else — another system on the same account, the PSP's portal — makes a cob (`POST
 * /cob`, a txid of the PSP's) and a payer pays it: the webhook hears of a Pix no payment of
 * ours is behind.
 */
export function chargeOutside(context: PspContext, amount: number): { txid: string; endToEndId: string } {
  const charge = createCharge(context, {
    txid: newPspTxid(),
    kind: "cob",
    terms: {
      calendario: { expiracao: 3600 },
      valor: { original: valorOfCentavos(amount) },
      chave: context.chave,
    },
    origin: "outside",
  });
  const [endToEndId] = payCharges(context, [charge.txid]);
  return { txid: charge.txid, endToEndId: endToEndId! };
}
