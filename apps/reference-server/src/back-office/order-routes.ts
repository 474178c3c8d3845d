import type { Tessera } from "@tessera/core";
import { Hono, type MiddlewareHandler } from "hono";
import type { ViewRenderer } from "../views/view-renderer";
import type { BackOfficeEnv } from "./back-office-env";
import { orderCancellation } from "./order-cancel-action";
import { orderListPage } from "./order-list-page";
import { orderMethodPayment, orderPayFromBalance, orderRefund } from "./order-money-actions";
import { createOrder, showOrderForm } from "./order-new-page";
import { orderPage } from "./order-page";
import { orderPaymentAction } from "./order-payment-actions";

/**
 * A unit's one-off orders as a sub-app the back-office area mounts at its root: the list, an
 * order's page and its actions, and the new order form under its customer. Every handler
 * checks the unit against the member's scope (`unitInScope`) and the record against the unit
 * (`orderOfUnit`, `customerOfUnit`): another unit's member gets 404. Each route names its
 * guards itself — the session, and on a change the form body limit and the CSRF token — so
 * the route walk finds every one of them guarded.
 */
export function orderRoutes(
  deps: { tessera: Tessera; views: ViewRenderer },
  guards: {
    signedIn: MiddlewareHandler<BackOfficeEnv>;
    body: MiddlewareHandler<BackOfficeEnv>;
    csrf: MiddlewareHandler<BackOfficeEnv>;
  },
): Hono<BackOfficeEnv> {
  const { signedIn, body, csrf } = guards;
  const routes = new Hono<BackOfficeEnv>();
  routes.get("/u/:unit/orders", signedIn, orderListPage(deps));
  routes.get("/u/:unit/orders/:order", signedIn, orderPage(deps));
  routes.post("/u/:unit/orders/:order/pay-from-balance", signedIn, body, csrf, orderPayFromBalance(deps));
  routes.post(
    "/u/:unit/orders/:order/split-payment",
    signedIn,
    body,
    csrf,
    orderMethodPayment(deps, "split"),
  );
  routes.post("/u/:unit/orders/:order/charge", signedIn, body, csrf, orderMethodPayment(deps, "charge"));
  routes.post("/u/:unit/orders/:order/cancellation", signedIn, body, csrf, orderCancellation(deps));
  routes.post(
    "/u/:unit/orders/:order/payments/:payment/refresh",
    signedIn,
    body,
    csrf,
    orderPaymentAction(deps, "refresh"),
  );
  routes.post(
    "/u/:unit/orders/:order/payments/:payment/cancel",
    signedIn,
    body,
    csrf,
    orderPaymentAction(deps, "cancel"),
  );
  routes.post("/u/:unit/orders/:order/payments/:payment/refund", signedIn, body, csrf, orderRefund(deps));
  routes.get("/u/:unit/customers/:customer/orders/new", signedIn, showOrderForm(deps));
  routes.post("/u/:unit/customers/:customer/orders", signedIn, body, csrf, createOrder(deps));
  return routes;
}
