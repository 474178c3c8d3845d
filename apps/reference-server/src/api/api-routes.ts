import type { ApiRoute } from "./api-route";
import { activationRoutes } from "./routes/activation-routes";
import { billingRunRoutes } from "./routes/billing-run-routes";
import { contractRoutes } from "./routes/contract-routes";
import { customerRoutes } from "./routes/customer-routes";
import { orderRoutes } from "./routes/order-routes";
import { paymentRoutes } from "./routes/payment-routes";
import { planRoutes } from "./routes/plan-routes";
import { providerAccountRoutes } from "./routes/provider-account-routes";
import { reportRoutes } from "./routes/report-routes";
import { saleRoutes } from "./routes/sale-routes";
import { unitRoutes } from "./routes/unit-routes";
import { walletRoutes } from "./routes/wallet-routes";

/**
 * Every operation of `/api/v1` (but the document itself, which `apiArea` adds): the area
 * registers each as a Hono route and `openApiDocument` documents each, so adding an entry is
 * all a new operation takes — its key check, scope, idempotency and documentation follow.
 */
export const apiRoutes: readonly ApiRoute[] = [
  ...unitRoutes,
  ...planRoutes,
  ...saleRoutes,
  ...paymentRoutes,
  ...customerRoutes,
  ...contractRoutes,
  ...orderRoutes,
  ...activationRoutes,
  ...reportRoutes,
  ...providerAccountRoutes,
  ...walletRoutes,
  ...billingRunRoutes,
];
