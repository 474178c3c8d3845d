import type { Tessera } from "@tessera/core";
import { Hono } from "hono";
import type { PayLinks } from "../checkout/pay-link";
import type { ReceiptLinks } from "../checkout/receipt-link";
import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import { checkoutBoletoPdf, checkoutStatus, retryCheckout, showCheckout } from "../pages/checkout-page";
import { homePage } from "../pages/home-page";
import { showPayDue, submitPayDue } from "../pages/pay-due-page";
import { showPlanCheckout, submitPlanCheckout } from "../pages/plan-checkout-page";
import { unitPlansPage } from "../pages/unit-plans-page";
import type { ViewRenderer } from "../views/view-renderer";
import type { AppEnv } from "./app-env";
import { errorHandler } from "./error-handler";
import { formBodyLimit } from "./form-body-limit";
import { localeMiddleware } from "./locale-middleware";

/**
 * The public pages, for buyers: the home page, a unit's plans (`/u/:unit`), a plan's
 * checkout (`/u/:unit/:plan`), a sale's payment step and outcome at its signed link
 * (`/checkout/:subject/:token`), and the link that pays every due installment of a contract
 * (`/pay/:contract/:token`), whose payment then has its own checkout link. Each request gets
 * its language (`localeMiddleware`), and an error is answered as a page in that language (or
 * JSON for a client that asks for it).
 */
export function pagesArea(deps: {
  tessera: Tessera;
  config: ServerConfig;
  logger: Logger;
  views: ViewRenderer;
  receipts: ReceiptLinks;
  payLinks: PayLinks;
}): Hono<AppEnv> {
  const area = new Hono<AppEnv>();
  area.use(localeMiddleware(deps.config.defaultLocale));
  area.get("/", homePage(deps));
  area.get("/u/:unit", unitPlansPage(deps));
  area.get("/u/:unit/:plan", showPlanCheckout(deps));
  area.post("/u/:unit/:plan", formBodyLimit(deps), submitPlanCheckout(deps));
  area.get("/checkout/:subject/:token", showCheckout(deps));
  area.get("/checkout/:subject/:token/status", checkoutStatus(deps));
  area.get("/checkout/:subject/:token/boleto.pdf", checkoutBoletoPdf(deps));
  area.post("/checkout/:subject/:token/retry", formBodyLimit(deps), retryCheckout(deps));
  area.get("/pay/:contract/:token", showPayDue(deps));
  area.post("/pay/:contract/:token", formBodyLimit(deps), submitPayDue(deps));
  area.onError(
    errorHandler({ logger: deps.logger, views: deps.views, defaultLocale: deps.config.defaultLocale }),
  );
  return area;
}
