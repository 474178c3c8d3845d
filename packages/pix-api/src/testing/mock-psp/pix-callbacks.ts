import type { PspContext } from "./psp-context";
import { pixView } from "./psp-views";

/**
 * Tells the receiver's webhook of these Pix in one callback body, as the spec's `listaPix`
 * callback does: only Pix with a txid (a static code's Pix is seen by `GET /pix` alone),
 * only for a key with a webhook registered, and with each Pix's devoluções as they stand.
 */
export function announcePix(context: PspContext, endToEndIds: readonly string[]): void {
  const byKey = new Map<string, Record<string, unknown>[]>();
  for (const endToEndId of endToEndIds) {
    const entry = context.books.pix.get(endToEndId);
    if (entry === undefined || entry.txid === null) continue;
    const list = byKey.get(entry.chave) ?? [];
    list.push(pixView(entry, context.books));
    byKey.set(entry.chave, list);
  }
  for (const [chave, pix] of byKey) {
    const webhook = context.books.webhooks.get(chave);
    if (webhook !== undefined) context.notifier.send(webhook.webhookUrl, { pix });
  }
}
