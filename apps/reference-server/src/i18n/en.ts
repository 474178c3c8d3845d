import { mailMessagesEn } from "../notifications/mail-messages.en";
import { backOfficeEn } from "./back-office.en";
import { backOfficeApiEn } from "./back-office-api.en";
import { backOfficeBillingEn } from "./back-office-billing.en";
import { backOfficeOrdersEn } from "./back-office-orders.en";
import { backOfficeProvidersEn } from "./back-office-providers.en";
import { backOfficeReportsEn } from "./back-office-reports.en";
import { backOfficeSalesEn } from "./back-office-sales.en";
import { backOfficeSettingsEn } from "./back-office-settings.en";
import { backOfficeStaffEn } from "./back-office-staff.en";
import { backOfficeToolsEn } from "./back-office-tools.en";
import { backOfficeWalletEn } from "./back-office-wallet.en";
import { checkoutEn } from "./checkout.en";
import type { MessageCatalog } from "./message-catalog";

/** English. */
export const en: MessageCatalog = {
  "site.name": "Tessera",
  "site.skipToContent": "Skip to content",
  "site.language": "Language",
  "site.footer": "Plans and memberships, sold online.",

  "home.title": "Plans",
  "home.intro": "Choose a plan at one of our locations.",
  "home.empty": "No location is on display yet.",
  "home.emptyHint": "Run `tessera demo` to create a demo studio, or set TESSERA_HOME_UNITS.",
  "home.unitPlans": "Plans at {unit}",
  "home.noPlans": "This location does not sell plans online yet.",
  "home.paymentMethods": "Payment methods",

  "plan.pricePerMonth": "{price} per month",

  "plan.priceOnce": "{price}, paid once",
  "plan.pricePerMonths": { one: "{price} every {count} month", other: "{price} every {count} months" },
  "plan.pricePerDay": "{price} per day",
  "plan.pricePerDays": { one: "{price} every {count} day", other: "{price} every {count} days" },
  "plan.installments": { one: "{count} installment", other: "{count} installments" },
  "plan.openEnded": "Billed until cancelled",
  "plan.enrollmentFee": "Enrollment fee: {price}",
  "plan.autoRenew": "Renews automatically",
  "plan.quota": "{quantity} {name} per period",
  "plan.kind.pass": "Pass",
  "plan.kind.recurring": "Plan",
  "plan.activation.staffCode": "Activated at the front desk with a code",
  "plan.details": "Terms",

  "method.card": "Credit card",
  "method.pix": "PIX",
  "method.boleto": "Boleto",
  "method.payment_link": "Payment link",
  "method.wallet": "Wallet balance",

  "payment.declined.insufficient_funds":
    "Payment declined: not enough funds or credit limit. Use another card or another payment method.",
  "payment.declined.card_declined": "Your bank declined the card. Use another card or contact your bank.",
  "payment.declined.do_not_honor":
    "Your bank did not authorize the payment. Contact your bank or use another card.",
  "payment.declined.stolen_card": "The payment was declined. Use another card or another payment method.",
  "payment.declined.lost_card": "The payment was declined. Use another card or another payment method.",
  "payment.declined.expired_card": "The card has expired. Check the expiry date or use another card.",
  "payment.declined.invalid_card":
    "The card details are not valid. Check the number and the expiry date and try again.",
  "payment.declined.incorrect_cvc":
    "The security code (CVV) is incorrect. Check the code on the back of the card and try again.",
  "payment.declined.suspected_fraud": "The payment was declined. Use another card or another payment method.",
  "payment.declined.limit_exceeded":
    "The amount or the number of purchases is over this card's limit. Contact your bank or use another card.",
  "payment.declined.card_not_supported":
    "This card is not accepted for this purchase. Use another card or another payment method.",
  "payment.declined.authentication_required":
    "Your bank asked for a confirmation that was not completed. Try again and confirm the payment in your bank's app or website.",
  "payment.declined.invalid_amount":
    "This payment method did not accept the amount of this purchase. Use another payment method or contact the business.",
  "payment.declined.payment_expired": "The time to pay has run out. Try again to get a new payment.",
  "payment.declined.processing_error":
    "The payment could not be processed. Try again in a moment or use another payment method.",
  "payment.declined.other": "The payment was declined. Use another card or another payment method.",

  "notFound.title": "Page not found",
  "notFound.message": "There is nothing at {path}.",
  "notFound.back": "Back to the home page",

  "error.title": "Something went wrong",
  "error.back": "Back to the home page",
  "error.reference": "Error code: {code}",
  "error.internal": "An unexpected error happened. Please try again in a moment.",
  "error.validation_failed": "Some details are not right. Correct the fields shown and try again.",
  "error.not_found": "We could not find what you were looking for.",
  "error.conflict": "The data changed while you were working. Reload the page and try again.",
  "error.invalid_transition": "This action is not possible in the current state.",
  "error.idempotency_key_reused": "This request was already sent with different details.",
  "error.idempotency_key_in_use": "This request is still being processed. Wait and try again.",
  "error.lease_lost": "Another process took this task over. Try again.",
  "error.insufficient_balance": "The balance does not cover this operation.",
  "error.gateway_unavailable": "This payment method is unavailable right now. Please tell the business.",
  "error.gateway_rejected": "The payment provider refused the request.",
  "error.method_not_supported": "This payment method is not available here.",
  "error.refund_not_possible":
    "The payment provider can no longer refund this payment. Refund it to the customer's wallet or by hand.",
  "error.activation_code_unknown":
    "This activation code does not exist at this location. Check it and type it again.",
  "error.activation_code_used": "This activation code was already used or was revoked.",
  "error.payment_in_progress":
    "A payment for this charge is already in progress. Wait for its result before trying again.",
  "error.storage_failure": "The service is temporarily unavailable. Try again in a moment.",
  "error.server_configuration": "The server is misconfigured. Please tell the business.",
  ...mailMessagesEn,
  ...checkoutEn,
  ...backOfficeEn,
  ...backOfficeToolsEn,
  ...backOfficeReportsEn,
  ...backOfficeStaffEn,
  ...backOfficeSettingsEn,
  ...backOfficeProvidersEn,
  ...backOfficeApiEn,
  ...backOfficeSalesEn,
  ...backOfficeWalletEn,
  ...backOfficeBillingEn,
  ...backOfficeOrdersEn,
};
