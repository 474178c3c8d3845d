import type { Plan } from "../catalog/plan";
import { activateContract } from "../contracts/activate-contract";
import type { Contract, ContractTerms } from "../contracts/contract";
import {
  contractTermsOf,
  firstScheduleStep,
  type ScheduledLine,
  scheduleContract,
} from "../contracts/contract-schedule";
import type { Customer } from "../customers/customer";
import { registerCustomer } from "../customers/customer-service";
import { documentKey } from "../customers/tax-document";
import { TesseraError } from "../errors/tessera-error";
import type { AnyDomainEvent } from "../events/domain-event";
import { fingerprintOf } from "../idempotency/idempotency-record";
import { formatResourceReference } from "../idempotency/resource-reference";
import type { Id } from "../ids/id";
import { contractInstallments } from "../installments/contract-installments";
import type { Installment } from "../installments/installment";
import { type Money, sumMoney } from "../money/money";
import { onlineMethodOf } from "../organizations/online-methods";
import type { Unit } from "../organizations/unit";
import { methodRuleIssues } from "../payments/method-rules";
import type { BalancePart, Payment } from "../payments/payment";
import type { PaymentMethod } from "../payments/payment-method";
import { buildPaymentRequest, newPaymentRow } from "../payments/payment-row";
import type { RecurrenceRequest } from "../ports/gateway";
import type { ServiceContext } from "../ports/service-context";
import type { Repositories } from "../ports/storage";
import { recurrenceRequestFor } from "../recurrence/recurrence-request";
import type { CalendarDate } from "../time/calendar-date";
import { calendarDateInZone } from "../time/timezone";
import { invalidFields } from "../validation/invalid-fields";
import { parseId } from "../validation/parse-id";
import { parseInput } from "../validation/parse-input";
import { debitBalancePart, splitDue } from "../wallet/balance-part";
import { settleFromBalance, walletGatewayId } from "../wallet/wallet-payment";
import { collectPayment } from "./collect-payment";
import { type CheckedExtraFields, checkExtraFields } from "./extra-fields";
import { runIdempotent } from "./idempotent-request";
import { replayRequest } from "./replay-request";
import { compiledSaleInputSchema, type ParsedSaleInput, type SaleInput } from "./sale-input";
import { type SaleOutcome, saleOutcomeOf } from "./sale-outcome";
import { loadContractSaleRecords, loadSaleState } from "./sale-state";

/** Selling plans: one call from the buyer's data to an outcome. */
export interface SaleService {
  /**
   * Sells a plan. Commits the customer, the contract, its installments and the payment row
   * in one transaction, then calls the gateway, then stores its answer with the events it
   * causes. The same `idempotencyKey` returns the first sale (`replayed: true`) and never
   * makes a second contract or charge; the same key with other data is refused
   * (`idempotency_key_reused`); a second call while the first may still be talking to the
   * provider is refused (`idempotency_key_in_use`, with `details.retryAfterSeconds`); and a
   * call repeating a request that provably charged nothing (the provider never received it,
   * or refused it before charging) makes a fresh attempt and answers its real outcome.
   *
   * A plan with nothing to collect now (price and fee 0) needs no provider: the contract is
   * active at once and the outcome is `no_charge`. When the provider cannot take payments
   * (an outage, a rate limit, credentials staff must fix), nothing is charged, nobody is
   * blocked, staff get `gateway.failing`, and this throws `gateway_unavailable`.
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
  /** The outcome of a sale that had nothing to collect, by its contract. */
  contractOutcome(contractId: Id<"contract">): Promise<SaleOutcome>;
}

export function createSaleService(ctx: ServiceContext): SaleService {
  async function validate(data: ParsedSaleInput): Promise<Validated> {
    const found = await ctx.storage.plans.findInUnit(data.unitId as Id<"unit">, data.planId as Id<"plan">);
    if (!found) {
      // Only now, on the way to an error, is it worth a second read to name what is missing.
      if (!(await ctx.storage.units.findById(data.unitId as Id<"unit">))) {
        throw invalid(["unitId"], "not_found", `unit ${data.unitId} does not exist`);
      }
      throw invalid(["planId"], "not_found", "no such plan in this unit");
    }
    const { unit, plan } = found;
    if (plan.status !== "active") throw invalid(["planId"], "not_on_sale", "the plan is archived");
    if (data.source === "online" && !plan.onlineSale.enabled) {
      throw invalid(["planId"], "not_on_sale", "the plan is not on sale online");
    }
    const extra = await checkExtraFields(
      [...unit.checkoutFields, ...ctx.plugins.checkoutFields()],
      data.buyer.extraFields,
      ctx.randomBytes,
    );
    if (extra.issues.length > 0) throw invalidFields("sale", extra.issues);
    // The contract starts on the day it is contracted, in the unit's timezone (Conexa FAQ).
    const today = calendarDateInZone(ctx.clock.now(), unit.timeZone);
    const terms = contractTermsOf(plan, unit.clientFeeBasisPoints);
    const schedule = scheduleContract(terms, today);
    const sale = { unit, plan, extra, today, terms, schedule };
    const firstDue = schedule.filter((line) => line.sequence === 1);
    // Nothing to collect needs no provider: a free plan activates without a payment.
    if (firstDue.every((line) => line.amount.amount === 0))
      return { ...sale, collect: null, fromWallet: false };
    const amount = sumMoney(
      firstDue.map((line) => line.amount),
      plan.price.currency,
    );
    if (data.fromBalance && data.source === "online") {
      throw invalid(
        ["fromBalance"],
        "not_offered",
        "a checkout page does not spend a balance: pay at the desk or through the studio",
      );
    }
    if (data.method === undefined) {
      if (await walletPaysAll(data, unit, amount)) return { ...sale, collect: null, fromWallet: true };
      throw invalid(
        ["method"],
        "required",
        data.fromBalance ? "choose how to pay the rest" : "choose how to pay",
      );
    }
    // Online, a method the unit collects by hand (`manual` mode) is not offered.
    const offered =
      data.source === "online"
        ? onlineMethodOf(unit, data.method)
        : unit.paymentMethods.find((m) => m.method === data.method);
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
    const split = splitDue(ctx, amount, data.fromBalance, "sale");
    // What the provider refuses (Inter: a boleto without the payer's address, under R$ 2,50) is
    // the buyer's to fix before anything is written, never a failed payment that blocks them.
    const issues = methodRuleIssues(gateway.capabilities.methodRules, data.method, {
      amount: split.amount,
      payer: {
        document: data.buyer.document ?? null,
        address: data.buyer.address ?? null,
        phone: data.buyer.phone ?? null,
      },
    });
    if (issues.length > 0) throw invalidFields("sale", issues);
    // A provider charging the later periods by itself would charge each what it charged
    // first: a split first charge leaves them to the billing run and the kept card.
    const recurrence = split.fromBalance
      ? null
      : recurrenceRequestFor(gateway.capabilities, data.method, { terms, startDate: today }, today);
    return {
      ...sale,
      collect: { method: data.method, gatewayId: offered.gatewayId, recurrence, split },
      fromWallet: false,
    };
  }

  /**
   * Whether the buyer's wallet pays all that is due now: asked for (`fromBalance` of all of
   * it), or by itself for a known buyer whose balance covers it — never online. The balance
   * is checked again by the debit itself, inside the sale's transaction.
   */
  async function walletPaysAll(data: ParsedSaleInput, unit: Unit, due: Money): Promise<boolean> {
    if (data.fromBalance) {
      if (data.fromBalance.currency !== due.currency || data.fromBalance.amount !== due.amount) {
        throw invalid(
          ["fromBalance"],
          data.fromBalance.amount > due.amount ? "too_big" : "required",
          `with no method, the balance pays all that is due now: ${due.amount} minor units`,
        );
      }
    } else if (data.source === "online") return false;
    const customer = data.buyer.document
      ? await ctx.storage.customers.findByDocument(unit.organizationId, documentKey(data.buyer.document))
      : null;
    const balance = customer ? await ctx.storage.wallet.balance(customer.id, due.currency) : null;
    const covers = balance !== null && balance.amount >= due.amount;
    if (!covers && data.fromBalance) {
      throw new TesseraError(
        "insufficient_balance",
        `The buyer's balance (${balance?.amount ?? 0} minor units) does not cover the ${due.amount} due.`,
        { details: { balance: balance ?? { amount: 0, currency: due.currency }, needed: due } },
      );
    }
    return covers;
  }

  async function writeAhead(
    tx: Repositories,
    data: ParsedSaleInput,
    sale: Validated,
    key: { scope: string; fingerprint: string },
  ): Promise<WriteAhead> {
    const { unit, plan, extra, today, terms } = sale;
    const now = ctx.clock.now();
    const { customer } = await registerCustomer(
      ctx,
      tx,
      { ...data.buyer, extraFields: extra.values, organizationId: unit.organizationId, source: data.source },
      { passwordHash: extra.passwordHash },
    );
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
      nextPeriodOn: firstScheduleStep(terms, today),
      origin: data.source,
      renewsContractId: null,
      paymentIssue: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const free = sale.collect === null && !sale.fromWallet;
    const installments = contractInstallments(
      ctx,
      contract,
      sale.schedule,
      now,
      (line) => line.sequence === 1 && free,
    );
    const firstDue = installments.filter((i) => i.sequence === 1);
    const fields = {
      unitId: unit.id,
      customerId: customer.id,
      installmentIds: firstDue.map((i) => i.id),
      attempt: 1,
    };
    let payment = sale.collect
      ? newPaymentRow(ctx, {
          ...fields,
          gatewayId: sale.collect.gatewayId,
          method: sale.collect.method,
          amount: sale.collect.split.amount,
          fromBalance: sale.collect.split.fromBalance,
        })
      : sale.fromWallet
        ? newPaymentRow(ctx, {
            ...fields,
            gatewayId: walletGatewayId,
            method: "wallet",
            amount: sumMoney(
              firstDue.map((i) => i.amount),
              plan.price.currency,
            ),
          })
        : null;
    await tx.contracts.insert(contract);
    await tx.installments.insertMany(installments);
    if (payment) await tx.payments.insert(payment);
    await tx.idempotencyKeys.insert({
      scope: key.scope,
      key: data.idempotencyKey,
      fingerprint: key.fingerprint,
      resource: formatResourceReference(
        payment ? { kind: "payment", id: payment.id } : { kind: "contract", id: contract.id },
      ),
      createdAt: now,
    });
    // After the key's record: a replay must meet its key, not a balance the first call spent.
    const actor = data.actor ?? data.source;
    if (payment) await debitBalancePart(ctx, tx, payment, { note: plan.name, actor });
    const events: AnyDomainEvent[] = [
      ctx.events(
        "contract.created",
        { contractId: contract.id, customerId: customer.id, planId: plan.id },
        unit.id,
      ),
    ];
    if (free) await activateContract(ctx, tx, contract, null, events);
    await tx.outbox.append(events);
    // All of it from the balance: paid, and the contract active, in this transaction.
    if (payment && sale.fromWallet) {
      payment = (await settleFromBalance(ctx, tx, payment, contract, { actor, note: plan.name })).payment;
    }
    return { payment, contract, customer, installments };
  }

  function requestFor(data: ParsedSaleInput, sale: Validated, payer: Customer) {
    return (payment: Payment) =>
      buildPaymentRequest(ctx, payment, {
        description: `${sale.plan.name} — ${sale.unit.name}`,
        payer,
        card: data.card,
        timeZone: sale.unit.timeZone,
        recurrence: sale.collect?.recurrence ?? null,
      });
  }

  const service: SaleService = {
    async start(input) {
      const data = parseInput(compiledSaleInputSchema, input, "sale");
      const sale = await validate(data);
      const scope = `sale:${sale.unit.id}`;
      // The card is left out (a reload tokenizes the same card again under a new token), and
      // so is a password: only the checked values, never a secret, go into the hash.
      const fingerprint = fingerprintOf({
        ...data,
        buyer: { ...data.buyer, extraFields: sale.extra.values },
        card: undefined,
        actor: undefined,
        idempotencyKey: undefined,
      });
      return runIdempotent(
        ctx,
        // The write-ahead only inserts, the key's record with the rest: a known key is its conflict.
        { scope, key: data.idempotencyKey, fingerprint, label: "sale", lookup: "on_conflict" },
        (reference) =>
          replayRequest(ctx, reference, {
            method: sale.collect?.method ?? "card",
            gatewayId: sale.collect?.gatewayId ?? "",
            async request(payment) {
              const payer = await ctx.storage.customers.findById(payment.customerId);
              return requestFor(data, sale, payer!)(payment);
            },
          }),
        async () => {
          const written = await ctx.storage.transaction((tx) =>
            writeAhead(tx, data, sale, { scope, fingerprint }),
          );
          if (!written.payment) {
            const records = await loadContractSaleRecords(ctx.storage, written.contract.id, false);
            return { ...records, status: "no_charge", payment: null };
          }
          if (sale.fromWallet)
            return saleOutcomeOf(await loadSaleState(ctx.storage, written.payment.id, false));
          return collectPayment(
            ctx,
            written.payment,
            requestFor(data, sale, written.customer)(written.payment),
            false,
            {
              contract: written.contract,
              customer: written.customer,
              installments: written.installments,
              activationCode: null,
              replayed: false,
            },
          );
        },
      );
    },

    async outcome(paymentId) {
      return saleOutcomeOf(
        await loadSaleState(ctx.storage, parseId("payment", paymentId, "paymentId"), false),
      );
    },

    async contractOutcome(contractId) {
      return {
        ...(await loadContractSaleRecords(ctx.storage, parseId("contract", contractId, "contractId"), false)),
        status: "no_charge",
        payment: null,
      };
    },
  };
  return service;
}

/** A sale checked and priced, before anything is written. */
interface Validated {
  unit: Unit;
  plan: Plan;
  extra: CheckedExtraFields;
  today: CalendarDate;
  terms: ContractTerms;
  schedule: ScheduledLine[];
  /**
   * How the first installments are collected, and what the provider is asked to charge by
   * itself afterwards; null when there is nothing to collect.
   */
  collect: {
    method: PaymentMethod;
    gatewayId: string;
    recurrence: RecurrenceRequest | null;
    /** What the provider collects, and the wallet's part of a split payment. */
    split: { amount: Money; fromBalance: BalancePart | null };
  } | null;
  /** True when the buyer's wallet pays all that is due now (no provider is asked). */
  fromWallet: boolean;
}

/** What the first transaction of a sale committed. */
interface WriteAhead {
  payment: Payment | null;
  contract: Contract;
  customer: Customer;
  installments: Installment[];
}

function invalid(path: (string | number)[], code: string, message: string): TesseraError {
  return new TesseraError("validation_failed", `Invalid sale: ${path.join(".")}: ${message}.`, {
    details: { issues: [{ path, code, message }] },
  });
}
