import { type PagoLivreClient, PagoLivreTransportError } from "./client";
import { orderSchema, type PagoLivreOrder, pagolivrePath, pagolivreProtocol } from "./pagolivre-protocol";

export type OrderAnswer = { found: PagoLivreOrder } | { missing: true } | { unknown: string };

/**
 * `GET /orders/byOrderKey/{orderKey}`: 204 for a key PagoLivre never received. PagoLivre
 * allows one lookup a second per order and none in the first five seconds (documented): its
 * 429 is thrown as `gateway_unavailable` with the wait, and no answer is `unknown` — never
 * "missing".
 */
export async function lookUpOrder(client: PagoLivreClient, orderKey: string): Promise<OrderAnswer> {
  try {
    const answer = await client.send("GET", pagolivrePath(pagolivreProtocol.paths.orderByKey, { orderKey }));
    if (answer.status === pagolivreProtocol.lookup.unknownStatus || answer.status === 404)
      return { missing: true };
    const order = orderSchema.safeParse(answer.json);
    if (answer.status !== 200 || !order.success)
      return { unknown: `PagoLivre answered ${answer.status} to the lookup` };
    return { found: order.data };
  } catch (error) {
    if (error instanceof PagoLivreTransportError) return { unknown: error.message };
    throw error;
  }
}
