import type { Plan } from "../catalog/plan";
import type { Contract } from "../contracts/contract";
import { contractTermsOf, scheduleContract } from "../contracts/contract-schedule";
import type { Customer } from "../customers/customer";
import { registerCustomer } from "../customers/customer-service";
import { isTesseraError, TesseraError } from "../errors/tessera-error";
import { fingerprintOf } from "../idempotency/idempotency-record";
import type { Id } from "../ids/id";
import type { Installment } from "../installments/installment";
import { sumMoney } from "../money/money";
import type { Unit } from "../organizations/unit";
import type { Payment } from "../payments/payment";
import { buildPaymentRequest, newPaymentRow } from "../payments/payment-row";
import { recoveryGraceMs } from "../payments/payment-service";
import { submitPayment } from "../payments/submit-payment";
import type { Repositories } from "../ports/storage";
import type { ServiceContext } from "../tessera/service-context";
import { calendarDateInZone } from "../time/timezone";
import { parseInput } from "../validation/parse-input";
import { type CheckedExtraFields, checkExtraFields } from "./extra-fields";
import { type ParsedSaleInput, type SaleInput, saleInputSchema } from "./sale-input";
import { type SaleOutcome, saleOutcomeOf } from "./sale-outcome";
import { loadSaleState } from "./sale-state";

/** Selling plans: one call from the buyer's data to an outcome. */
export interface SaleService {
  /**
   * Sells a plan. Commits the customer, the contract, its installments and the payment row
   * in one transaction, then calls the gateway, then stores its answer with the events it
   * causes. The same `idempotencyKey` returns the first sale (`replayed: true`) and never
   * makes a second contract or charge; the same key with other data is refused
   * (`idempotency_key_reused`); a second call while the first is still talking to the
   * provider is refused (`idempotency_key_in_use`).
   *
   * @example
   * ```ts
   * const outcome = await tessera.sales.start({
   *   unitId, planId, method: "pix", idempotencyKey: crypto.randomUUID(),
   *   buyer: { name: "Maria Souza", email: "maria@example.com", document: { kind: "cpf", value: "529.982.247-25" } },
   * });
   * if (outcome.status === "pending") showQrCode(outcome.action);
   * ```
   */
  start(input: SaleInput): Promise<SaleOutcome>;
  /** The current outcome of the sale whose payment is `paymentId`. */
  outcome(paymentId: Id<"payment">): Promise<SaleOutcome>;
}

export function createSaleService(
  ctx: ServiceContext,
  recover: (payment: Payment) => Promise<Payment>,
): SaleService {
  async function validate(
    data: ParsedSaleInput,
  ): Promise<{ unit: Unit; plan: Plan; gatewayId: string; extra: CheckedExtraFields }> {
    const unit = await ctx.storage.units.findById(data.unitId as Id<"unit">);
    if (!unit) throw invalid(["unitId"], "not_found", `unit ${data.unitId} does not exist`);
    const plan = await ctx.storage.plans.findById(data.planId as Id<"plan">);
    if (!plan || plan.unitId !== unit.id) throw invalid(["planId"], "not_found", "no such plan in this unit");
    if (plan.status !== "active") throw invalid(["planId"], "not_on_sale", "the plan is archived");
    if (data.source === "online" && !plan.onlineSale.enabled) {
      throw invalid(["planId"], "not_on_sale", "the plan is not on sale online");
    }
    const offered = unit.paymentMethods.find((m) => m.method === data.method);
    if (!offered) throw invalid(["method"], "method_not_offered", `the unit does not take ${data.method}`);
    const gateway = ctx.gateways.get(offered.gatewayId);
    if (data.method === "card") {
      if (!data.card) throw invalid(["card"], "required", "a card payment needs the provider's card token");
      if (data.card.type === "raw" && !gateway.capabilities.acceptsRawCard) {
        throw invalid(
          ["card", "type"],
          "raw_card_refused",
          "card numbers never reach this server; send the provider's token",
        );
      }
    }
    // Registered boletos carry the payer's address; Banco Inter refuses one without it (Conexa FAQ).
    if (data.method === "boleto" && !data.buyer.address) {
      throw invalid(["buyer", "address"], "required", "a boleto needs the payer's address");
    }
    const extra = checkExtraFields(
      [...unit.checkoutFields, ...ctx.plugins.checkoutFields()],
      data.buyer.extraFields,
      ctx.randomBytes,
    );
    if (extra.issues.length > 0) {
      const fields = extra.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new TesseraError("validation_failed", `Invalid sale: ${fields}.`, {
        details: { issues: extra.issues },
      });
    }
    return { unit, plan, gatewayId: offered.gatewayId, extra };
  }

  async function replay(paymentId: Id<"payment">): Promise<SaleOutcome> {
    let state = await loadSaleState(ctx.storage, paymentId, true);
    const { payment } = state;
    if (payment.rawStatus === null && (payment.status === "pending" || payment.status === "unknown")) {
      const age = new Date(ctx.clock.now()).getTime() - new Date(payment.createdAt).getTime();
      if (age < recoveryGraceMs) {
        throw new TesseraError(
          "idempotency_key_in_use",
          "The first request with this idempotency key is still running.",
          {
            details: { entity: "payment", id: payment.id },
          },
        );
      }
      await recover(payment);
      state = await loadSaleState(ctx.storage, paymentId, true);
    }
    return saleOutcomeOf(state);
  }

  async function findReplay(scope: string, key: string, fingerprint: string): Promise<SaleOutcome | null> {
    const record = await ctx.storage.idempotencyKeys.find(scope, key);
    if (!record) return null;
    if (record.fingerprint !== fingerprint) {
      throw new TesseraError(
        "idempotency_key_reused",
        "This idempotency key was used for a different sale.",
        {
          details: {
            issues: [{ path: ["idempotencyKey"], code: "reused", message: "used with different data" }],
          },
        },
      );
    }
    return replay(record.resource.replace(/^payment:/, "") as Id<"payment">);
  }

  async function writeAhead(
    tx: Repositories,
    data: ParsedSaleInput,
    unit: Unit,
    plan: Plan,
    gatewayId: string,
    scope: string,
    fingerprint: string,
    extra: CheckedExtraFields,
  ): Promise<WriteAhead> {
    const now = ctx.clock.now();
    const { customer } = await registerCustomer(
      ctx,
      tx,
      { ...data.buyer, extraFields: extra.values, organizationId: unit.organizationId, source: data.source },
      { passwordHash: extra.passwordHash },
    );
    const today = calendarDateInZone(now, unit.timeZone);
    const terms = contractTermsOf(plan, unit.clientFeeBasisPoints);
    const contract: Contract = {
      id: ctx.ids("contract"),
      unitId: unit.id,
      customerId: customer.id,
      planId: plan.id,
      terms,
      status: "pending_payment",
      startDate: today,
      billingDay: Number(today.slice(8, 10)),
      endDate: null,
      origin: data.source,
      renewsContractId: null,
      paymentIssue: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const installments: Installment[] = scheduleContract(terms, today).map((line) => ({
      ...line,
      id: ctx.ids("installment"),
      unitId: unit.id,
      customerId: customer.id,
      contractId: contract.id,
      orderId: null,
      status: "awaiting",
      failedAttempts: 0,
      nextAttemptOn: null,
      confirmedAt: null,
      lease: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }));
    const firstDue = installments.filter((i) => i.sequence === 1);
    const payment = newPaymentRow(ctx, {
      unitId: unit.id,
      customerId: customer.id,
      gatewayId,
      method: data.method,
      amount: sumMoney(
        firstDue.map((i) => i.amount),
        plan.price.currency,
      ),
      installmentIds: firstDue.map((i) => i.id),
      attempt: 1,
    });
    await tx.contracts.insert(contract);
    await tx.installments.insertMany(installments);
    await tx.payments.insert(payment);
    await tx.idempotencyKeys.insert({
      scope,
      key: data.idempotencyKey,
      fingerprint,
      resource: `payment:${payment.id}`,
      createdAt: now,
    });
    await tx.outbox.append([
      ctx.events(
        "contract.created",
        { contractId: contract.id, customerId: customer.id, planId: plan.id },
        unit.id,
      ),
    ]);
    return { payment, contract, customer };
  }

  const service: SaleService = {
    async start(input) {
      const data = parseInput(saleInputSchema, input, "sale");
      const { unit, plan, gatewayId, extra } = await validate(data);
      const scope = `sale:${unit.id}`;
      // The card is left out (a reload tokenizes the same card again under a new token), and
      // so is a password: only the checked values, never a secret, go into the hash.
      const fingerprint = fingerprintOf({
        ...data,
        buyer: { ...data.buyer, extraFields: extra.values },
        card: undefined,
        idempotencyKey: undefined,
      });
      const earlier = await findReplay(scope, data.idempotencyKey, fingerprint);
      if (earlier) return earlier;

      let written: WriteAhead | null = null;
      for (let attempt = 1; !written; attempt++) {
        try {
          written = await ctx.storage.transaction((tx) =>
            writeAhead(tx, data, unit, plan, gatewayId, scope, fingerprint, extra),
          );
        } catch (error) {
          if (!isTesseraError(error, "conflict") || attempt >= 3) throw error;
          // A concurrent call with this key won the race, or registered the same buyer first.
          const raced = await findReplay(scope, data.idempotencyKey, fingerprint);
          if (raced) return raced;
        }
      }
      await submitPayment(
        ctx,
        written.payment,
        buildPaymentRequest(ctx, written.payment, {
          description: `${plan.name} — ${unit.name}`,
          payer: written.customer,
          card: data.card,
          timeZone: unit.timeZone,
        }),
      );
      return saleOutcomeOf(await loadSaleState(ctx.storage, written.payment.id, false));
    },

    async outcome(paymentId) {
      return saleOutcomeOf(await loadSaleState(ctx.storage, paymentId, false));
    },
  };
  return service;
}

/** What the first transaction of a sale committed. */
interface WriteAhead {
  payment: Payment;
  contract: Contract;
  customer: Customer;
}

function invalid(path: (string | number)[], code: string, message: string): TesseraError {
  return new TesseraError("validation_failed", `Invalid sale: ${path.join(".")}: ${message}.`, {
    details: { issues: [{ path, code, message }] },
  });
}
