import { cancelRequestSchema, pagolivreProtocol } from "../../pagolivre-protocol";
import { cancelOrder } from "./order-cancel";
import { orderView } from "./order-view";
import { fieldErrorsAnswer, jsonAnswer, notFoundAnswer } from "./pagolivre-answers";
import { paymentUrlOf } from "./pagolivre-context";
import { bodyRoute } from "./pagolivre-route";

/** `POST /orders/{id}/cancel` (documented request; answers assumed): the order after it, 200; see `cancelOrder`. */
export const cancelRoute = bodyRoute({
  method: "POST",
  path: pagolivreProtocol.paths.cancelOrder,
  schema: cancelRequestSchema,
  handle(params, body, context) {
    const order = context.books.orders.get(params["id"] ?? "");
    if (order === undefined) return notFoundAnswer("Order not found.");
    const outcome = cancelOrder(context, order, body);
    if (!outcome.ok) return fieldErrorsAnswer([outcome.error]);
    return jsonAnswer(200, orderView(order, paymentUrlOf(context, order.id)));
  },
});
