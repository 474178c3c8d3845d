import {
  type CardTokenizationSession,
  type Money,
  onlineMethodOf,
  type SupportedLocale,
  type Tessera,
  type Unit,
} from "@tessera/core";
import type { Logger } from "../logging/logger";

/** The card inputs of a page: where the browser posts the card, and the provider's names for it. */
export interface CardStepView {
  /** The provider's script, or null when our own small script posts the fields. */
  scriptUrl: string | null;
  postUrl: string;
  postEncoding: "json" | "form";
  accessToken: string;
  accessTokenField: string | null;
  environment: "sandbox" | "production";
  /** `name` or `class`: the attribute the provider finds the inputs by. */
  fieldsBy: "name" | "class";
  holder: string;
  number: string;
  /** Month and year apart, or one `MM/YYYY` input. */
  expiry: { month: string; year: string } | { field: string; format: string };
  cvc: string;
  brand: string | null;
  tokenField: string;
  brandField: string;
}

function viewOf(session: CardTokenizationSession): CardStepView {
  const { fields } = session;
  return {
    scriptUrl: session.scriptUrl,
    postUrl: session.postUrl,
    postEncoding: session.postEncoding,
    accessToken: session.accessToken,
    accessTokenField: fields.accessToken,
    environment: session.environment,
    fieldsBy: session.fieldsBy,
    holder: fields.holder,
    number: fields.number,
    expiry: "month" in fields.expiry ? { ...fields.expiry } : { ...fields.expiry },
    cvc: fields.cvc,
    brand: fields.brand,
    tokenField: session.tokenField,
    brandField: session.brandField,
  };
}

/**
 * Opens the card step of one page: a tokenization session with the provider that serves the
 * unit's card payments, so the buyer's browser sends the card to the provider and our form
 * receives only its token. Null when the unit takes no card or the provider cannot open a
 * session now (an outage): the page then offers the other methods and says why.
 */
export async function openCardStep(
  tessera: Tessera,
  unit: Unit,
  request: { amount: Money; locale: SupportedLocale },
  logger: Logger,
): Promise<CardStepView | null> {
  const offered = onlineMethodOf(unit, "card");
  if (!offered || request.amount.amount <= 0) return null;
  const gateway = tessera.gateways.get(offered.gatewayId);
  if (gateway.capabilities.cardTokenization !== "client_side" || !gateway.cardTokenizationSession)
    return null;
  try {
    return viewOf(await gateway.cardTokenizationSession({ amount: request.amount, locale: request.locale }));
  } catch (error) {
    logger.warn("card tokenization session failed", {
      gateway: offered.gatewayId,
      unit: unit.slug,
      err: error,
    });
    return null;
  }
}
