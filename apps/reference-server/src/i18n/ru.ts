import { mailMessagesRu } from "../notifications/mail-messages.ru";
import { backOfficeRu } from "./back-office.ru";
import { backOfficeApiRu } from "./back-office-api.ru";
import { backOfficeBillingRu } from "./back-office-billing.ru";
import { backOfficeOrdersRu } from "./back-office-orders.ru";
import { backOfficeProvidersRu } from "./back-office-providers.ru";
import { backOfficeReportsRu } from "./back-office-reports.ru";
import { backOfficeSalesRu } from "./back-office-sales.ru";
import { backOfficeSettingsRu } from "./back-office-settings.ru";
import { backOfficeStaffRu } from "./back-office-staff.ru";
import { backOfficeToolsRu } from "./back-office-tools.ru";
import { backOfficeWalletRu } from "./back-office-wallet.ru";
import { checkoutRu } from "./checkout.ru";
import type { MessageCatalog } from "./message-catalog";

/** Russian. */
export const ru: MessageCatalog = {
  "site.name": "Tessera",
  "site.skipToContent": "Перейти к содержанию",
  "site.language": "Язык",
  "site.footer": "Тарифы и абонементы с оплатой онлайн.",

  "home.title": "Тарифы",
  "home.intro": "Выберите тариф в одном из наших филиалов.",
  "home.empty": "Пока нет ни одного филиала для показа.",
  "home.emptyHint":
    "Запустите `tessera demo`, чтобы создать демонстрационную студию, или задайте TESSERA_HOME_UNITS.",
  "home.unitPlans": "Тарифы: {unit}",
  "home.noPlans": "Этот филиал пока не продаёт тарифы онлайн.",
  "home.paymentMethods": "Способы оплаты",

  "plan.pricePerMonth": "{price} в месяц",

  "plan.priceOnce": "{price} разово",
  "plan.pricePerMonths": {
    one: "{price} каждый {count} месяц",
    few: "{price} каждые {count} месяца",
    many: "{price} каждые {count} месяцев",
    other: "{price} каждые {count} месяца",
  },
  "plan.pricePerDay": "{price} в день",
  "plan.pricePerDays": {
    one: "{price} каждый {count} день",
    few: "{price} каждые {count} дня",
    many: "{price} каждые {count} дней",
    other: "{price} каждые {count} дня",
  },
  "plan.installments": {
    one: "{count} платёж",
    few: "{count} платежа",
    many: "{count} платежей",
    other: "{count} платежа",
  },
  "plan.openEnded": "Списания до отмены",
  "plan.enrollmentFee": "Вступительный взнос: {price}",
  "plan.autoRenew": "Продлевается автоматически",
  "plan.quota": "{quantity} × {name} за период",
  "plan.kind.pass": "Разовый абонемент",
  "plan.kind.recurring": "Тариф",
  "plan.activation.staffCode": "Активируется на ресепшене по коду",
  "plan.details": "Условия",

  "method.card": "Банковская карта",
  "method.pix": "PIX",
  "method.boleto": "Boleto",
  "method.payment_link": "Ссылка на оплату",
  "method.wallet": "Баланс кошелька",

  "payment.declined.insufficient_funds":
    "Платёж отклонён: недостаточно средств или кредитного лимита. Используйте другую карту или другой способ оплаты.",
  "payment.declined.card_declined":
    "Банк отклонил карту. Используйте другую карту или обратитесь в свой банк.",
  "payment.declined.do_not_honor":
    "Банк не разрешил платёж. Обратитесь в свой банк или используйте другую карту.",
  "payment.declined.stolen_card": "Платёж отклонён. Используйте другую карту или другой способ оплаты.",
  "payment.declined.lost_card": "Платёж отклонён. Используйте другую карту или другой способ оплаты.",
  "payment.declined.expired_card":
    "Срок действия карты истёк. Проверьте срок действия или используйте другую карту.",
  "payment.declined.invalid_card":
    "Данные карты неверны. Проверьте номер и срок действия и попробуйте ещё раз.",
  "payment.declined.incorrect_cvc":
    "Неверный код безопасности (CVV). Проверьте код на обороте карты и попробуйте ещё раз.",
  "payment.declined.suspected_fraud": "Платёж отклонён. Используйте другую карту или другой способ оплаты.",
  "payment.declined.limit_exceeded":
    "Сумма или число покупок превышает лимит этой карты. Обратитесь в свой банк или используйте другую карту.",
  "payment.declined.card_not_supported":
    "Эта карта не принимается для этой покупки. Используйте другую карту или другой способ оплаты.",
  "payment.declined.authentication_required":
    "Банк запросил подтверждение, но оно не было получено. Попробуйте ещё раз и подтвердите платёж в приложении или на сайте банка.",
  "payment.declined.invalid_amount":
    "Этот способ оплаты не принял сумму покупки. Используйте другой способ оплаты или свяжитесь с организацией.",
  "payment.declined.payment_expired":
    "Время на оплату истекло. Попробуйте ещё раз, чтобы создать новый платёж.",
  "payment.declined.processing_error":
    "Не удалось обработать платёж. Попробуйте ещё раз через несколько минут или используйте другой способ оплаты.",
  "payment.declined.other": "Платёж отклонён. Используйте другую карту или другой способ оплаты.",

  "notFound.title": "Страница не найдена",
  "notFound.message": "По адресу {path} ничего нет.",
  "notFound.back": "На главную",

  "error.title": "Что-то пошло не так",
  "error.back": "На главную",
  "error.reference": "Код ошибки: {code}",
  "error.internal": "Произошла непредвиденная ошибка. Попробуйте ещё раз через минуту.",
  "error.validation_failed":
    "Некоторые данные указаны неверно. Исправьте отмеченные поля и попробуйте снова.",
  "error.not_found": "Мы не нашли то, что вы искали.",
  "error.conflict": "Данные изменились, пока вы работали. Обновите страницу и попробуйте снова.",
  "error.invalid_transition": "Это действие невозможно в текущем состоянии.",
  "error.idempotency_key_reused": "Этот запрос уже был отправлен с другими данными.",
  "error.idempotency_key_in_use": "Этот запрос ещё обрабатывается. Подождите и попробуйте снова.",
  "error.lease_lost": "Эту задачу перехватил другой процесс. Попробуйте снова.",
  "error.insufficient_balance": "Баланса недостаточно для этой операции.",
  "error.gateway_unavailable": "Этот способ оплаты сейчас недоступен. Сообщите, пожалуйста, организации.",
  "error.gateway_rejected": "Платёжный провайдер отклонил запрос.",
  "error.method_not_supported": "Этот способ оплаты здесь недоступен.",
  "error.refund_not_possible":
    "Платёжный провайдер больше не может вернуть этот платёж. Верните деньги на кошелёк клиента или вручную.",
  "error.activation_code_unknown": "Такого кода активации в этом филиале нет. Проверьте и введите его снова.",
  "error.activation_code_used": "Этот код активации уже использован или отозван.",
  "error.payment_in_progress":
    "Оплата по этому счёту уже выполняется. Дождитесь результата, прежде чем пробовать снова.",
  "error.storage_failure": "Сервис временно недоступен. Попробуйте ещё раз через минуту.",
  "error.server_configuration": "Сервер настроен неверно. Сообщите, пожалуйста, организации.",
  ...mailMessagesRu,
  ...checkoutRu,
  ...backOfficeRu,
  ...backOfficeToolsRu,
  ...backOfficeReportsRu,
  ...backOfficeStaffRu,
  ...backOfficeSettingsRu,
  ...backOfficeProvidersRu,
  ...backOfficeApiRu,
  ...backOfficeSalesRu,
  ...backOfficeWalletRu,
  ...backOfficeBillingRu,
  ...backOfficeOrdersRu,
};
