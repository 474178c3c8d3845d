import type { backOfficeWalletPtBR } from "./back-office-wallet.pt-BR";
import type { Message } from "./message-catalog";

/** The back office's customer wallet in Russian. */
export const backOfficeWalletRu: Record<keyof typeof backOfficeWalletPtBR, Message> = {
  "admin.customer.wallet": "Кошелёк",
  "admin.customer.balance": "Баланс кошелька: {balance}",
  "admin.customer.openWallet": "Открыть кошелёк: история, зачисления и списания",

  "admin.wallet.title": "Кошелёк клиента {name}",
  "admin.wallet.balance": "Баланс",
  "admin.wallet.sharedHint": "Баланс принадлежит клиенту и действует во всех филиалах студии.",
  "admin.wallet.amount": "Сумма ({currency})",
  "admin.wallet.amountHint": "Например, 189,90.",
  "admin.wallet.credit.legend": "Зачислить",
  "admin.wallet.credit.hint": "Деньги, которые клиент оставляет в студии, чтобы потратить позже.",
  "admin.wallet.credit.method": "Способ оплаты",
  "admin.wallet.credit.note": "Комментарий",
  "admin.wallet.credit.submit": "Зачислить",
  "admin.wallet.debit.legend": "Списать",
  "admin.wallet.debit.hint":
    "Деньги, списанные из кошелька вручную, например возвращённые наличными. Чтобы оплатить платежи с баланса, откройте договор.",
  "admin.wallet.debit.note": "Причина",
  "admin.wallet.debit.submit": "Списать",
  "admin.wallet.history": "История, сначала новые",
  "admin.wallet.historyEmpty": "Операций пока нет.",
  "admin.wallet.older": "Более ранние операции",
  "admin.wallet.newest": "К последним операциям",
  "admin.wallet.kind.credit": "Зачисление",
  "admin.wallet.kind.debit": "Списание",
  "admin.wallet.kind.refund_credit": "Возврат в кошелёк",
  "admin.wallet.kind.reversal": "Исправление",
  "admin.wallet.method.cash": "Наличные",
  "admin.wallet.method.pix": "PIX",
  "admin.wallet.method.card": "Карта",
  "admin.wallet.method.boleto": "Boleto",
  "admin.wallet.method.bank_transfer": "Банковский перевод",
  "admin.wallet.method.other": "Другое",
  "admin.wallet.by": "Кто: {who}",
  "admin.wallet.actor.api": "API",
  "admin.wallet.actor.customer": "сам клиент",
  "admin.wallet.actor.system": "система",
  "admin.wallet.actor.key": "ключ API {name}",
  "admin.wallet.paid": "Оплата: {plan}",
  "admin.wallet.refunded": "Возврат платежа за {plan}",
  "admin.wallet.paidElsewhere": "Оплата договора или заказа другого филиала",
  "admin.wallet.refundedElsewhere": "Возврат платежа другого филиала",
  "admin.wallet.reverses": "Отменяет операцию от {when}",
  "admin.wallet.reversedOn": "Отменена {when}",
  "admin.wallet.reverse.legend": "Отменить операцию от {when}",
  "admin.wallet.reverse.note": "Почему отменить",
  "admin.wallet.reverse.submit": "Отменить эту операцию",
  "admin.wallet.credited": "Зачисление проведено.",
  "admin.wallet.debited": "Списание проведено.",
  "admin.wallet.reversed": "Операция отменена.",
  "admin.wallet.error.positive": "Укажите сумму больше нуля.",
  "admin.wallet.error.debitNote": "Укажите, почему деньги списываются из кошелька.",
  "admin.wallet.error.reverseNote": "Укажите, почему операция отменяется.",
  "admin.wallet.error.beyondBalance": "Баланса ({balance}) не хватает для этого списания. Ничего не списано.",
  "admin.wallet.error.reverseSpent":
    "Баланса ({balance}) не хватает, чтобы отменить это зачисление: оно уже потрачено. Ничего не изменено.",
  "admin.wallet.error.notReversible":
    "Эту операцию нельзя отменить: она оплатила или вернула платёж (оформите возврат платежа в договоре), или уже отменена.",
  "admin.wallet.error.formExpired": "Срок действия формы истёк. Проверьте данные и отправьте снова.",
  "admin.wallet.error.resubmitted":
    "Эта форма уже была отправлена с другими данными, и действует первая отправка. Проверьте историю и отправьте снова, если это ещё нужно.",

  "admin.contract.balance": "Баланс кошелька клиента: {balance}",
  "admin.contract.payFromBalance": "Оплатить {amount} с баланса",
  "admin.contract.payFromBalanceHint": "Списывает с баланса следующий неоплаченный платёж со сроком {date}.",
  "admin.contract.payFromBalanceBusy":
    "По следующему платежу есть незавершённая попытка оплаты: отмените её, чтобы оплатить с баланса.",
  "admin.contract.paidFromBalance": "Оплачено с баланса. Остаток: {balance}.",
  "admin.contract.error.balanceShort":
    "Баланса ({balance}) не хватает на платёж ({amount}). Ничего не списано.",
  "admin.contract.split.legend": "Использовать баланс ({balance}) и взять остаток через",
  "admin.contract.split.hint":
    "Остаток — {rest} из {amount} платежа со сроком {date} — списывается выбранным способом. Если это списание не пройдёт или будет отменено, баланс вернётся в кошелёк.",
  "admin.contract.split.submit": "Использовать баланс и взять остаток",
  "admin.contract.split.started":
    "Баланс использован. Оплата остатка: {status}. Остаток баланса: {balance}. Чтобы клиент оплатил, отправьте ему инструкции из попытки ниже.",
  "admin.contract.split.failed":
    "Остаток не списан ({status}): часть с баланса вернулась в кошелёк. Баланс: {balance}.",
  "admin.contract.split.error.balanceShort":
    "Баланс клиента изменился ({balance}) и больше не покрывает часть {amount} из формы. Ничего не списано.",
  "admin.contract.split.error.covers":
    "Баланс ({balance}) теперь покрывает весь платёж: используйте «Оплатить с баланса». Ничего не списано.",
  "admin.contract.split.error.busy":
    "По этому платежу есть незавершённая попытка оплаты: дождитесь её результата или отмените её, прежде чем использовать баланс. Ничего не списано.",
  "admin.contract.split.error.payer":
    "Для способа {method} в карточке клиента не хватает данных (документ, адрес или телефон). Дополните карточку или выберите другой способ. Ничего не списано.",
  "admin.contract.split.error.amountRule":
    "Способ {method} не принимает сумму {rest}: выберите другой. Ничего не списано.",
  "admin.contract.payment.split": "{amount} {method} + {balance} с баланса",
  "admin.contract.payment.via.card": "картой",
  "admin.contract.payment.via.pix": "через PIX",
  "admin.contract.payment.via.boleto": "через boleto",
  "admin.contract.payment.via.payment_link": "по ссылке на оплату",
  "admin.contract.payment.via.wallet": "с баланса",
  "admin.contract.refund.walletPart":
    "Оплачено частично с баланса: тем же способом ({method}) возвращается не больше того, что списал провайдер; часть с баланса ({amount}) возвращается только в кошелёк клиента.",
  "admin.contract.refund.error.walletPartLeft":
    "Часть провайдера уже возвращена: остаток ({amount}) — часть с баланса, она возвращается только в кошелёк клиента.",
  "admin.contract.refund.legend": "Вернуть этот платёж",
  "admin.contract.refund.amount": "Сумма ({currency})",
  "admin.contract.refund.amountHint": "Оставьте пустым, чтобы вернуть весь остаток: {amount}.",
  "admin.contract.refund.destination": "Куда вернуть деньги",
  "admin.contract.refund.original": "Тем же способом оплаты ({method})",
  "admin.contract.refund.toWallet": "В кошелёк клиента",
  "admin.contract.refund.walletOnly": "Оплачено с баланса: возврат уходит в кошелёк клиента.",
  "admin.contract.refund.reason": "Причина",
  "admin.contract.refund.submit": "Вернуть",
  "admin.contract.refunded": "Возврат оформлен: {status}.",
  "admin.contract.refundFailed": "Провайдер отклонил возврат: {message}",
  "admin.contract.refund.error.tooBig": "Для возврата осталось только {amount}.",
  "admin.contract.refund.error.wholeOnly": "Провайдер возвращает этот платёж только целиком: {amount}.",
  "admin.contract.refund.error.nothingLeft": "Этот платёж уже возвращён полностью.",
  "admin.refund.status.pending": "В обработке",
  "admin.refund.status.unknown": "Неизвестно (проверяется)",
  "admin.refund.status.succeeded": "Выполнен",
  "admin.refund.status.failed": "Отклонён",
  "admin.refund.destination.original_method": "Исходный способ оплаты",
  "admin.refund.destination.wallet": "Кошелёк клиента",
};
