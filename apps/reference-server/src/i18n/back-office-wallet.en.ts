import type { backOfficeWalletPtBR } from "./back-office-wallet.pt-BR";
import type { Message } from "./message-catalog";

/** The back office's customer wallet in English. */
export const backOfficeWalletEn: Record<keyof typeof backOfficeWalletPtBR, Message> = {
  "admin.customer.wallet": "Wallet",
  "admin.customer.balance": "Wallet balance: {balance}",
  "admin.customer.openWallet": "Open the wallet: history, credits and debits",

  "admin.wallet.title": "{name}'s wallet",
  "admin.wallet.balance": "Balance",
  "admin.wallet.sharedHint": "The balance is the customer's, good in every unit of the studio.",
  "admin.wallet.amount": "Amount ({currency})",
  "admin.wallet.amountHint": "Such as 189.90.",
  "admin.wallet.credit.legend": "Add a credit",
  "admin.wallet.credit.hint": "Money the customer leaves with the studio to use later.",
  "admin.wallet.credit.method": "Paid by",
  "admin.wallet.credit.note": "Note",
  "admin.wallet.credit.submit": "Add credit",
  "admin.wallet.debit.legend": "Add a debit",
  "admin.wallet.debit.hint":
    "Money taken out of the wallet by hand, such as cash given back. To pay installments from the balance, use the contract.",
  "admin.wallet.debit.note": "Reason",
  "admin.wallet.debit.submit": "Add debit",
  "admin.wallet.history": "History, newest first",
  "admin.wallet.historyEmpty": "No entries yet.",
  "admin.wallet.older": "Older entries",
  "admin.wallet.newest": "Back to the newest entries",
  "admin.wallet.kind.credit": "Credit",
  "admin.wallet.kind.debit": "Debit",
  "admin.wallet.kind.refund_credit": "Refund to the wallet",
  "admin.wallet.kind.reversal": "Correction",
  "admin.wallet.method.cash": "Cash",
  "admin.wallet.method.pix": "PIX",
  "admin.wallet.method.card": "Card",
  "admin.wallet.method.boleto": "Boleto",
  "admin.wallet.method.bank_transfer": "Bank transfer",
  "admin.wallet.method.other": "Other",
  "admin.wallet.by": "By {who}",
  "admin.wallet.actor.api": "the API",
  "admin.wallet.actor.customer": "the customer",
  "admin.wallet.actor.system": "the system",
  "admin.wallet.actor.key": "API key {name}",
  "admin.wallet.paid": "Paid {plan}",
  "admin.wallet.refunded": "Refund of a payment for {plan}",
  "admin.wallet.paidElsewhere": "Paid a contract or order of another unit",
  "admin.wallet.refundedElsewhere": "Refund of a payment of another unit",
  "admin.wallet.reverses": "Undoes the entry of {when}",
  "admin.wallet.reversedOn": "Undone on {when}",
  "admin.wallet.reverse.legend": "Undo the entry of {when}",
  "admin.wallet.reverse.note": "Why undo it",
  "admin.wallet.reverse.submit": "Undo this entry",
  "admin.wallet.credited": "Credit added.",
  "admin.wallet.debited": "Debit added.",
  "admin.wallet.reversed": "Entry undone.",
  "admin.wallet.error.positive": "Enter an amount above zero.",
  "admin.wallet.error.debitNote": "Say why the money leaves the wallet.",
  "admin.wallet.error.reverseNote": "Say why the entry is undone.",
  "admin.wallet.error.beyondBalance": "The balance ({balance}) does not cover this debit. Nothing was added.",
  "admin.wallet.error.reverseSpent":
    "The balance ({balance}) does not cover undoing this credit: it has been spent. Nothing was added.",
  "admin.wallet.error.notReversible":
    "This entry cannot be undone: it paid or refunded a payment (refund that payment on its contract), or it was undone already.",
  "admin.wallet.error.formExpired": "This form has expired. Check the details and send it again.",
  "admin.wallet.error.resubmitted":
    "This form was sent before with other details, and that first sending stands. Check the history and send again if you still mean to.",

  "admin.contract.balance": "Customer's wallet balance: {balance}",
  "admin.contract.payFromBalance": "Pay {amount} from the balance",
  "admin.contract.payFromBalanceHint": "Takes the next unpaid installment, due on {date}, from the balance.",
  "admin.contract.payFromBalanceBusy":
    "An attempt to pay the next installment is still open: cancel it to pay from the balance.",
  "admin.contract.paidFromBalance": "Paid from the balance. Balance left: {balance}.",
  "admin.contract.error.balanceShort":
    "The balance ({balance}) does not cover the installment ({amount}). Nothing was taken.",
  "admin.contract.split.legend": "Use the balance ({balance}) and charge the rest by",
  "admin.contract.split.hint":
    "The rest, {rest} of the {amount} of the installment due on {date}, is charged by the method chosen. If that charge fails or is canceled, the balance goes back to the wallet.",
  "admin.contract.split.submit": "Use the balance and charge the rest",
  "admin.contract.split.started":
    "Balance used. Charge of the rest: {status}. Balance left: {balance}. For the customer to pay, resend the instructions from the attempt below.",
  "admin.contract.split.failed":
    "The rest was not charged ({status}): the balance part went back to the wallet. Balance: {balance}.",
  "admin.contract.split.error.balanceShort":
    "The customer's balance changed ({balance}) and no longer covers the form's part of {amount}. Nothing was charged or taken.",
  "admin.contract.split.error.covers":
    "The balance ({balance}) now covers the whole installment: use “Pay from the balance”. Nothing was charged.",
  "admin.contract.split.error.busy":
    "An attempt to pay this installment is still open: wait for its result or cancel it before using the balance. Nothing was taken.",
  "admin.contract.split.error.payer":
    "{method} needs customer details the record lacks (document, address or phone). Complete the record or choose another method. Nothing was taken.",
  "admin.contract.split.error.amountRule":
    "{method} does not take a charge of {rest}: choose another method. Nothing was taken.",
  "admin.contract.payment.split": "{amount} {method} + {balance} from the balance",
  "admin.contract.payment.via.card": "by card",
  "admin.contract.payment.via.pix": "by PIX",
  "admin.contract.payment.via.boleto": "by boleto",
  "admin.contract.payment.via.payment_link": "by payment link",
  "admin.contract.payment.via.wallet": "from the balance",
  "admin.contract.refund.walletPart":
    "Paid in part from the balance: at most what the provider charged goes back to {method}; the balance part ({amount}) goes back only to the customer's wallet.",
  "admin.contract.refund.error.walletPartLeft":
    "The provider's part has been refunded: what is left ({amount}) is the balance part, which goes back only to the customer's wallet.",
  "admin.contract.refund.legend": "Refund this payment",
  "admin.contract.refund.amount": "Amount ({currency})",
  "admin.contract.refund.amountHint": "Leave it empty to refund all that is left: {amount}.",
  "admin.contract.refund.destination": "Where the money goes",
  "admin.contract.refund.original": "To the original payment method ({method})",
  "admin.contract.refund.toWallet": "To the customer's wallet",
  "admin.contract.refund.walletOnly": "Paid from the balance: the refund goes back to the customer's wallet.",
  "admin.contract.refund.reason": "Reason",
  "admin.contract.refund.submit": "Refund",
  "admin.contract.refunded": "Refund recorded: {status}.",
  "admin.contract.refundFailed": "The provider refused the refund: {message}",
  "admin.contract.refund.error.tooBig": "Only {amount} is left to refund.",
  "admin.contract.refund.error.wholeOnly": "The provider refunds this payment only whole: {amount}.",
  "admin.contract.refund.error.nothingLeft": "This payment has been refunded in full already.",
  "admin.refund.status.pending": "Processing",
  "admin.refund.status.unknown": "Unknown (checking)",
  "admin.refund.status.succeeded": "Done",
  "admin.refund.status.failed": "Refused",
  "admin.refund.destination.original_method": "Original payment method",
  "admin.refund.destination.wallet": "Customer's wallet",
};
