import { pagolivreProtocol } from "../../pagolivre-protocol";
import { orderView } from "./order-view";
import { emptyAnswer, jsonAnswer, tooManyRequestsAnswer } from "./pagolivre-answers";
import { nowMs, paymentUrlOf } from "./pagolivre-context";
import { plainRoute } from "./pagolivre-route";

/**
 * `GET /orders/byOrderKey/{orderKey}` (documented): the order, or 204 with no body for an
 * unknown key. Limits (documented, status and `Retry-After` assumed): no lookup sooner than
 * 5 s after the order's creation, nor sooner than 1 s after the last one of that order that
 * was answered — else 429 with `Retry-After` in whole seconds. With several orders of one
 * orderKey (`observed` behaviour) the latest is answered (assumed).
 */
export const lookupRoute = plainRoute({
  method: "GET",
  path: pagolivreProtocol.paths.orderByKey,
  handle(params, context) {
    const order = context.books.latestByKey(params["orderKey"] ?? "");
    if (order === undefined) return emptyAnswer(pagolivreProtocol.lookup.unknownStatus);
    const now = nowMs(context);
    if (context.enforceLookupRateLimit) {
      const sinceCreation = now - Date.parse(order.createdAt);
      const { firstAfterCreateMs, minIntervalMs } = pagolivreProtocol.lookup;
      if (sinceCreation < firstAfterCreateMs) {
        return tooManyRequestsAnswer(Math.ceil((firstAfterCreateMs - sinceCreation) / 1000));
      }
      if (order.lastLookupMs !== null && now - order.lastLookupMs < minIntervalMs) {
        return tooManyRequestsAnswer(Math.ceil((minIntervalMs - (now - order.lastLookupMs)) / 1000));
      }
    }
    order.lastLookupMs = now;
    return jsonAnswer(200, orderView(order, paymentUrlOf(context, order.id)));
  },
});
