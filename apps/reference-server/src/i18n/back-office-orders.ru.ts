import type { backOfficeOrdersPtBR } from "./back-office-orders.pt-BR";
import type { Message } from "./message-catalog";

/** The back office's one-off orders in Russian. */
export const backOfficeOrdersRu: Record<keyof typeof backOfficeOrdersPtBR, Message> = {
  "admin.nav.orders": "Заказы",

  "admin.orders.title": "Заказы: {unit}",
  "admin.orders.status": "Статус заказа",
  "admin.orders.anyStatus": "Любой",
  "admin.orders.status.open": "Открыт",
  "admin.orders.status.paid": "Оплачен",
  "admin.orders.status.canceled": "Отменён",
  "admin.orders.status.refunded": "Возвращён",
  "admin.orders.paymentStatus": "Оплата",
  "admin.orders.anyPayment": "Любая",
  "admin.orders.paymentStatus.pending": "Ожидается",
  "admin.orders.paymentStatus.error": "С ошибкой",
  "admin.orders.from": "Оформлен с",
  "admin.orders.to": "Оформлен по",
  "admin.orders.filter": "Фильтровать",
  "admin.orders.empty": "Заказы не найдены.",
  "admin.orders.next": "Следующая страница",
  "admin.orders.open": "Открыть заказ клиента {customer}: {description}",
  "admin.orders.newHint":
    "Чтобы оформить заказ, откройте клиента в разделе «Клиенты» и выберите «Новый заказ».",
  "admin.orders.installments": {
    one: "в {count} платёж",
    few: "в {count} платежа",
    many: "в {count} платежей",
    other: "в {count} платежа",
  },
  "admin.orders.paidFromBalance": "Оплачен с баланса",

  "admin.order.title": "Заказ {description} — {customer}",
  "admin.order.madeOn": "Оформлен {date}",
  "admin.order.items": "Позиции",
  "admin.order.item": "{quantity} × {description}",
  "admin.order.itemEach": "{price} за штуку",
  "admin.order.total": "Итого",
  "admin.order.installmentCount": {
    one: "{count} платёж",
    few: "{count} платежа",
    many: "{count} платежей",
    other: "{count} платежа",
  },
  "admin.order.created.paidFromBalance": "Заказ оформлен и оплачен с баланса. Остаток баланса: {balance}.",
  "admin.order.created.awaiting":
    "Заказ оформлен. Баланс ({balance}) не покрывает первый платёж: заказ ожидает оплаты.",
  "admin.order.created.charged":
    "Заказ оформлен. Оплата через {method}: {status}. Передайте клиенту инструкции по оплате из попытки ниже.",
  "admin.order.split.started":
    "Баланс использован. Оплата остатка: {status}. Остаток баланса: {balance}. Передайте клиенту инструкции по оплате из попытки ниже.",
  "admin.order.created.notCharged":
    "Заказ оформлен, но платёжный провайдер сейчас не принял списание: ничего не списано. Повторите ниже тем же или другим способом.",
  "admin.order.charge.legend": "Взять {amount} через",
  "admin.order.charge.hint": "Следующий неоплаченный платёж со сроком {date}, целиком выбранным способом.",
  "admin.order.charge.submit": "Выставить оплату",
  "admin.order.charged":
    "Оплата через {method}: {status}. Передайте клиенту инструкции по оплате из попытки ниже.",
  "admin.order.error.gateway":
    "Платёжный провайдер сейчас не принял оплату через {method}: ничего не списано ни со счёта, ни с баланса. Повторите через минуту или выберите другой способ.",
  "admin.order.busy":
    "По следующему платежу есть незавершённая попытка оплаты: дождитесь результата или отмените попытку ниже, чтобы оплатить иначе.",
  "admin.order.action.pix": "Код PIX «копировать и вставить»",
  "admin.order.action.boleto": "Цифровая строка boleto",
  "admin.order.action.boletoPdf": "Открыть boleto (PDF)",
  "admin.order.action.redirect": "Ссылка на оплату",
  "admin.order.action.copy": "Копировать",
  "admin.order.canceled": "Заказ отменён.",
  "admin.order.cancel.legend": "Отменить заказ",
  "admin.order.cancel.intro":
    "Отменяет заказ и его платежи. Возможно, только пока ничего по нему не оплачено: оплаченное возвращается возвратом.",
  "admin.order.cancel.confirm": "Подтверждаю отмену этого заказа.",
  "admin.order.cancel.submit": "Отменить заказ",
  "admin.order.cancel.error.confirm": "Отметьте подтверждение, чтобы отменить заказ.",
  "admin.order.cancel.error.paid":
    "Часть этого заказа уже оплачена, и отменить его нельзя: верните оплаченное возвратом.",
  "admin.order.cancel.error.inProgress":
    "По этому заказу есть незавершённая попытка оплаты: сначала отмените её. Ничего не отменено.",
  "admin.order.error.closed": "Этот заказ уже не открыт ({status}): платить нечего. Ничего не списано.",

  "admin.orderForm.title": "Новый заказ для клиента {customer}",
  "admin.orderForm.items": "Позиции",
  "admin.orderForm.itemsHint": "По одной позиции в строке; пустые строки не учитываются.",
  "admin.orderForm.item": "Позиция {number}",
  "admin.orderForm.item.description": "Описание",
  "admin.orderForm.item.quantity": "Количество",
  "admin.orderForm.item.quantityHint": "1, если не заполнено.",
  "admin.orderForm.item.unitPrice": "Цена за единицу ({currency})",
  "admin.orderForm.moreRows": "Ещё строки позиций",
  "admin.orderForm.installments": "Платежи",
  "admin.orderForm.installmentsHint":
    "Ежемесячно, первый сегодня; сумма делится на равные части, лишние сентаво — в первом платеже.",
  "admin.orderForm.payment": "Оплата первого платежа",
  "admin.orderForm.payment.balance": "С баланса клиента (сейчас: {balance})",
  "admin.orderForm.payment.balanceHint":
    "С баланса: если он покрывает первый платёж, сумма списывается с него; если нет, заказ ожидает оплаты. Через PIX, boleto или ссылку оплата выставляется сразу: передайте клиенту инструкции, показанные в заказе.",
  "admin.orderForm.submit": "Оформить заказ",
  "admin.orderForm.error.noItems": "Укажите хотя бы одну позицию с описанием и ценой.",
  "admin.orderForm.error.quantity": "Укажите целое количество, например 1 или 2.",
  "admin.orderForm.error.total": "Сумма заказа должна быть больше нуля.",
  "admin.orderForm.error.split": "Сумма ({total}) слишком мала для {count} платежей.",
  "admin.orderForm.error.payer":
    "Для {method} в карточке клиента не хватает данных (документ, адрес или телефон). Дополните карточку или выберите другой способ.",
  "admin.orderForm.error.amountRule": "{method} не принимает оплату на {amount}: выберите другой способ.",
  "admin.orderForm.error.gateway":
    "Платёжный провайдер сейчас не принял оплату: ничего не списано. Отправьте форму ещё раз, чтобы повторить (это тот же заказ, второй не появится).",
  "admin.orderForm.error.resubmitted":
    "Эта форма уже была отправлена с другими данными, и тот заказ остаётся в силе. Проверьте заказы клиента и отправьте снова, если новый заказ всё ещё нужен.",

  "admin.customer.orders": "Заказы в этом филиале",
  "admin.customer.noOrders": "Заказов пока нет.",
  "admin.customer.newOrder": "Новый заказ",

  "admin.wallet.paidOrder": "Оплата заказа {description}",
  "admin.wallet.refundedOrder": "Возврат платежа по заказу {description}",
};
