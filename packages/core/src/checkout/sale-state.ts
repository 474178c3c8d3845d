import { TesseraError } from "../errors/tessera-error";
import type { Id } from "../ids/id";
import type { Repositories } from "../ports/storage";
import type { SaleRecords, SaleState } from "./sale-outcome";

/** Reads everything a sale made, starting from one of its payments. */
export async function loadSaleState(
  repos: Repositories,
  paymentId: Id<"payment">,
  replayed: boolean,
): Promise<SaleState> {
  const payment = await repos.payments.findById(paymentId);
  const covered = payment ? await repos.installments.findByIds(payment.installmentIds) : [];
  const contractId = covered.find((i) => i.contractId)?.contractId;
  const contract = contractId ? await repos.contracts.findById(contractId) : null;
  const customer = payment ? await repos.customers.findById(payment.customerId) : null;
  if (!payment || !contract || !customer) {
    throw new TesseraError("not_found", `No sale has payment ${paymentId}.`, {
      details: { entity: "payment", id: paymentId },
    });
  }
  return {
    payment,
    contract,
    customer,
    installments: await repos.installments.listByContract(contract.id),
    activationCode: await repos.activationCodes.findByContract(contract.id),
    replayed,
  };
}

/** Reads everything a sale with nothing to collect made, from its contract. */
export async function loadContractSaleRecords(
  repos: Repositories,
  contractId: Id<"contract">,
  replayed: boolean,
): Promise<SaleRecords> {
  const contract = await repos.contracts.findById(contractId);
  const customer = contract ? await repos.customers.findById(contract.customerId) : null;
  if (!contract || !customer) {
    throw new TesseraError("not_found", `No sale made contract ${contractId}.`, {
      details: { entity: "contract", id: contractId },
    });
  }
  return {
    contract,
    customer,
    installments: await repos.installments.listByContract(contract.id),
    activationCode: await repos.activationCodes.findByContract(contract.id),
    replayed,
  };
}
