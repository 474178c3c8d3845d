import type { backOfficeOrdersPtBR } from "./back-office-orders.pt-BR";
import type { Message } from "./message-catalog";

/** The back office's one-off orders in English. */
export const backOfficeOrdersEn: Record<keyof typeof backOfficeOrdersPtBR, Message> = {
  "admin.nav.orders": "Orders",

  "admin.orders.title": "{unit} orders",
  "admin.orders.status": "Order status",
  "admin.orders.anyStatus": "Any",
  "admin.orders.status.open": "Open",
  "admin.orders.status.paid": "Paid",
  "admin.orders.status.canceled": "Canceled",
  "admin.orders.status.refunded": "Refunded",
  "admin.orders.paymentStatus": "Payment",
  "admin.orders.anyPayment": "Any",
  "admin.orders.paymentStatus.pending": "Pending",
  "admin.orders.paymentStatus.error": "With an error",
  "admin.orders.from": "Made from",
  "admin.orders.to": "Made until",
  "admin.orders.filter": "Filter",
  "admin.orders.empty": "No orders found.",
  "admin.orders.next": "Next page",
  "admin.orders.open": "Open {customer}'s order: {description}",
  "admin.orders.newHint": "To make an order, open the customer under Customers and choose “New order”.",
  "admin.orders.installments": { one: "in {count} installment", other: "in {count} installments" },
  "admin.orders.paidFromBalance": "Paid from the balance",

  "admin.order.title": "Order {description} — {customer}",
  "admin.order.madeOn": "Made on {date}",
  "admin.order.items": "Items",
  "admin.order.item": "{quantity} × {description}",
  "admin.order.itemEach": "{price} each",
  "admin.order.total": "Total",
  "admin.order.installmentCount": { one: "{count} installment", other: "{count} installments" },
  "admin.order.created.paidFromBalance": "Order made and paid from the balance. Balance left: {balance}.",
  "admin.order.created.awaiting":
    "Order made. The balance ({balance}) does not cover the first installment: the order awaits payment.",
  "admin.order.created.charged":
    "Order made. Charge by {method}: {status}. Hand the customer the payment instructions of the attempt below.",
  "admin.order.split.started":
    "Balance used. Charge of the rest: {status}. Balance left: {balance}. Hand the customer the payment instructions of the attempt below.",
  "admin.order.created.notCharged":
    "Order made, but the payment provider did not take the charge just now: nothing was charged. Charge it again below, by this method or another.",
  "admin.order.charge.legend": "Charge {amount} by",
  "admin.order.charge.hint":
    "The next open installment, due on {date}, charged in full by the method chosen.",
  "admin.order.charge.submit": "Charge",
  "admin.order.charged":
    "Charge by {method}: {status}. Hand the customer the payment instructions of the attempt below.",
  "admin.order.error.gateway":
    "The payment provider did not take the {method} charge just now: nothing was charged or taken from the balance. Try again in a moment, or by another method.",
  "admin.order.busy":
    "A payment attempt for the next installment is still open: wait for its outcome, or cancel the attempt below to pay another way.",
  "admin.order.action.pix": "PIX copy-and-paste code",
  "admin.order.action.boleto": "Boleto's digitable line",
  "admin.order.action.boletoPdf": "Open the boleto (PDF)",
  "admin.order.action.redirect": "Payment link",
  "admin.order.action.copy": "Copy",
  "admin.order.canceled": "Order canceled.",
  "admin.order.cancel.legend": "Cancel the order",
  "admin.order.cancel.intro":
    "Cancels the order and its installments. Only possible while nothing of it is paid: what was paid goes back by a refund.",
  "admin.order.cancel.confirm": "I confirm canceling this order.",
  "admin.order.cancel.submit": "Cancel the order",
  "admin.order.cancel.error.confirm": "Tick the confirmation to cancel the order.",
  "admin.order.cancel.error.paid":
    "Part of this order is paid already, so it can no longer be canceled: give back what was paid with a refund.",
  "admin.order.cancel.error.inProgress":
    "A payment attempt for this order is still open: cancel that attempt first. Nothing was canceled.",
  "admin.order.error.closed":
    "This order is no longer open ({status}): there is nothing to pay. Nothing was charged.",

  "admin.orderForm.title": "New order for {customer}",
  "admin.orderForm.items": "Items",
  "admin.orderForm.itemsHint": "Fill in one row per item; empty rows are ignored.",
  "admin.orderForm.item": "Item {number}",
  "admin.orderForm.item.description": "Description",
  "admin.orderForm.item.quantity": "Quantity",
  "admin.orderForm.item.quantityHint": "1 if left empty.",
  "admin.orderForm.item.unitPrice": "Unit price ({currency})",
  "admin.orderForm.moreRows": "More item rows",
  "admin.orderForm.installments": "Installments",
  "admin.orderForm.installmentsHint":
    "Monthly, the first today; the total is split into equal parts, the cents left over on the first.",
  "admin.orderForm.payment": "Payment of the first installment",
  "admin.orderForm.payment.balance": "From the customer's balance (now: {balance})",
  "admin.orderForm.payment.balanceHint":
    "From the balance: if it covers the first installment, it is taken from it; if not, the order awaits payment. By PIX, boleto or link, the charge is made now: hand the customer the instructions shown on the order.",
  "admin.orderForm.submit": "Make the order",
  "admin.orderForm.error.noItems": "Enter at least one item, with a description and a price.",
  "admin.orderForm.error.quantity": "Enter a whole quantity, such as 1 or 2.",
  "admin.orderForm.error.total": "The order's total must be more than zero.",
  "admin.orderForm.error.split": "The total ({total}) is too small for {count} installments.",
  "admin.orderForm.error.payer":
    "{method} needs customer details the record lacks (document, address or phone). Complete the record or choose another method.",
  "admin.orderForm.error.amountRule": "{method} does not take a charge of {amount}: choose another method.",
  "admin.orderForm.error.gateway":
    "The payment provider did not take the charge just now: nothing was charged. Send the form again to try once more (it is the same order, never a second one).",
  "admin.orderForm.error.resubmitted":
    "This form was already sent with other data, and that order stands. Check the customer's orders and send again if you still want a new order.",

  "admin.customer.orders": "Orders in this unit",
  "admin.customer.noOrders": "No orders yet.",
  "admin.customer.newOrder": "New order",

  "admin.wallet.paidOrder": "Paid the order {description}",
  "admin.wallet.refundedOrder": "Refund of a payment of the order {description}",
};
