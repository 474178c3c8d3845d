import type { Notifier, Tessera } from "@tessera/core";
import { Hono } from "hono";
import { activationPage, attachActivationCode } from "../back-office/activation-page";
import type { BackOfficeEnv } from "../back-office/back-office-env";
import { billingRunsPage } from "../back-office/billing-runs-page";
import { saveButtonDesign, showButtonDesigner } from "../back-office/button-designer-page";
import { cancelContract } from "../back-office/contract-cancel-action";
import { contractListPage } from "../back-office/contract-list-page";
import { payFromBalance, paySplitFromBalance, refundPayment } from "../back-office/contract-money-actions";
import { contractPage } from "../back-office/contract-page";
import { paymentAction } from "../back-office/contract-payment-actions";
import { requireCsrf } from "../back-office/csrf";
import { customerListPage } from "../back-office/customer-list-page";
import { customerPage } from "../back-office/customer-page";
import { dashboardPage } from "../back-office/dashboard-page";
import { showLogin, submitLogin, submitLogout } from "../back-office/login-page";
import { mailboxMessagePage } from "../back-office/mailbox-message-page";
import { mailboxPage } from "../back-office/mailbox-page";
import { orderRoutes } from "../back-office/order-routes";
import { resendPayLink } from "../back-office/pay-link-resend";
import { resendPaymentInstructions } from "../back-office/payment-instructions-resend";
import { archivePlan, savePlan, showPlanForm } from "../back-office/plan-edit-page";
import { planListPage } from "../back-office/plan-list-page";
import { showProviderAccount, updateProviderAccount } from "../back-office/provider-account-page";
import {
  createProviderAccount,
  deleteProviderAccount,
  providerAccountsPage,
} from "../back-office/provider-accounts-page";
import { reportRoutes } from "../back-office/reports/report-routes";
import { requireStaff } from "../back-office/require-staff";
import { ownerRoutes } from "../back-office/staff/owner-routes";
import { cookieSecretOf } from "../back-office/staff-cookie";
import { saveUnitSettings, showUnitSettings } from "../back-office/unit-settings-page";
import { creditWallet, debitWallet, reverseWalletEntry } from "../back-office/wallet-actions";
import { walletPage } from "../back-office/wallet-page";
import type { PayLinks } from "../checkout/pay-link";
import type { ServerConfig } from "../config/server-config";
import type { Logger } from "../logging/logger";
import type { DevMailbox } from "../notifications/dev-mailbox";
import type { ViewRenderer } from "../views/view-renderer";
import { errorHandler } from "./error-handler";
import { formBodyLimit } from "./form-body-limit";
import { localeMiddleware } from "./locale-middleware";

/**
 * The studio's back office at `/admin`, for staff: the log-in page is open; every other route
 * takes a live session (`requireStaff`) and, when it changes anything, the session's CSRF
 * token (`requireCsrf`), each named in its own route so a route cannot be added without them
 * by accident (the route-table test walks them all). Unit pages check the member's scope.
 */
export function backOfficeArea(deps: {
  tessera: Tessera;
  config: ServerConfig;
  logger: Logger;
  views: ViewRenderer;
  serverKey: Uint8Array;
  /** Contracts' pay links, which the contract page shows and e-mails while lines are due. */
  payLinks: PayLinks;
  /** The dev mailbox when it is the notifier: its messages are listed to owners at `/admin/mailbox`. */
  mailbox?: DevMailbox | null;
  /** The notifier, for resending a payment's instructions to the buyer; none: the action answers 409. */
  notifier?: Notifier | null;
}): Hono<BackOfficeEnv> {
  const cookieSecret = cookieSecretOf(deps.serverKey);
  const page = { ...deps, cookieSecret, mailbox: deps.mailbox ?? null, notifier: deps.notifier ?? null };
  const signedIn = requireStaff({ tessera: deps.tessera, cookieSecret });
  const csrf = requireCsrf();
  const body = formBodyLimit(deps);
  const area = new Hono<BackOfficeEnv>();
  area.use(localeMiddleware(deps.config.defaultLocale));

  area.get("/login", showLogin(page));
  area.post("/login", body, submitLogin(page));
  area.post("/logout", signedIn, body, csrf, submitLogout(page));

  area.get("/", signedIn, dashboardPage(page));
  area.get("/u/:unit/plans", signedIn, planListPage(page));
  area.get("/u/:unit/plans/new", signedIn, showPlanForm(page));
  area.post("/u/:unit/plans", signedIn, body, csrf, savePlan(page));
  area.get("/u/:unit/plans/:plan", signedIn, showPlanForm(page));
  area.post("/u/:unit/plans/:plan", signedIn, body, csrf, savePlan(page));
  area.post("/u/:unit/plans/:plan/archive", signedIn, body, csrf, archivePlan(page));
  area.get("/u/:unit/plans/:plan/button", signedIn, showButtonDesigner(page));
  area.post("/u/:unit/plans/:plan/button", signedIn, body, csrf, saveButtonDesign(page));
  area.get("/u/:unit/activation", signedIn, activationPage(page));
  area.post("/u/:unit/activation/attach", signedIn, body, csrf, attachActivationCode(page));
  area.get("/u/:unit/settings", signedIn, showUnitSettings(page));
  area.post("/u/:unit/settings", signedIn, body, csrf, saveUnitSettings(page));
  area.get("/u/:unit/providers", signedIn, providerAccountsPage(page));
  area.post("/u/:unit/providers", signedIn, body, csrf, createProviderAccount(page));
  area.get("/u/:unit/providers/:account", signedIn, showProviderAccount(page));
  area.post("/u/:unit/providers/:account", signedIn, body, csrf, updateProviderAccount(page));
  area.post("/u/:unit/providers/:account/delete", signedIn, body, csrf, deleteProviderAccount(page));
  area.get("/u/:unit/customers", signedIn, customerListPage(page));
  area.get("/u/:unit/customers/:customer", signedIn, customerPage(page));
  area.get("/u/:unit/customers/:customer/wallet", signedIn, walletPage(page));
  area.post("/u/:unit/customers/:customer/wallet/credits", signedIn, body, csrf, creditWallet(page));
  area.post("/u/:unit/customers/:customer/wallet/debits", signedIn, body, csrf, debitWallet(page));
  area.post(
    "/u/:unit/customers/:customer/wallet/entries/:entry/reverse",
    signedIn,
    body,
    csrf,
    reverseWalletEntry(page),
  );
  area.get("/u/:unit/billing", signedIn, billingRunsPage(page));
  area.get("/u/:unit/contracts", signedIn, contractListPage(page));
  area.get("/u/:unit/contracts/:contract", signedIn, contractPage(page));
  area.post("/u/:unit/contracts/:contract/pay-from-balance", signedIn, body, csrf, payFromBalance(page));
  area.post("/u/:unit/contracts/:contract/split-payment", signedIn, body, csrf, paySplitFromBalance(page));
  area.post("/u/:unit/contracts/:contract/cancellation", signedIn, body, csrf, cancelContract(page));
  area.post("/u/:unit/contracts/:contract/pay-link/resend", signedIn, body, csrf, resendPayLink(page));
  area.post(
    "/u/:unit/contracts/:contract/payments/:payment/refresh",
    signedIn,
    body,
    csrf,
    paymentAction(page, "refresh"),
  );
  area.post(
    "/u/:unit/contracts/:contract/payments/:payment/cancel",
    signedIn,
    body,
    csrf,
    paymentAction(page, "cancel"),
  );
  area.post(
    "/u/:unit/contracts/:contract/payments/:payment/resend",
    signedIn,
    body,
    csrf,
    resendPaymentInstructions(page),
  );
  area.post(
    "/u/:unit/contracts/:contract/payments/:payment/refund",
    signedIn,
    body,
    csrf,
    refundPayment(page),
  );
  area.route("/", orderRoutes(page, { signedIn, body, csrf }));
  area.route("/", ownerRoutes(page, { signedIn, body, csrf }));
  area.route("/", reportRoutes(page, { signedIn }));
  area.get("/mailbox", signedIn, mailboxPage(page));
  area.get("/mailbox/:message", signedIn, mailboxMessagePage(page));

  area.onError(
    errorHandler({ logger: deps.logger, views: deps.views, defaultLocale: deps.config.defaultLocale }),
  );
  return area;
}
