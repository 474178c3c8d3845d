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
  "error.activation_code_unknown":
    "This activation code does not exist at this location. Check it and type it again.",
  "error.activation_code_used": "This activation code was already used or was revoked.",
  "error.payment_in_progress":
    "A payment for this charge is already in progress. Wait for its result before trying again.",
  "error.storage_failure": "The service is temporarily unavailable. Try again in a moment.",
  "error.server_configuration": "The server is misconfigured. Please tell the business.",
};
