import type { backOfficeBillingPtBR } from "./back-office-billing.pt-BR";
import type { Message } from "./message-catalog";

/** The billing runs' page in Russian. */
export const backOfficeBillingRu: Record<keyof typeof backOfficeBillingPtBR, Message> = {
  "admin.nav.billing": "Автосписания",
  "admin.billing.title": "Автосписания: {unit}",
  "admin.billing.intro":
    "Что делал каждый запуск автоматического списания в этом подразделении, от последнего к первому. Запуск, которому здесь нечего было делать, не сохраняется.",
  "admin.billing.schedule.heading": "Повторные попытки",
  "admin.billing.schedule": {
    one: "Неудачное списание повторяется через {days} день после срока; после этого договор становится просроченным, а клиент блокируется до оплаты.",
    few: "Неудачное списание повторяется через {days} дня после срока; после последней попытки договор становится просроченным, а клиент блокируется до оплаты.",
    many: "Неудачное списание повторяется через {days} дней после срока; после последней попытки договор становится просроченным, а клиент блокируется до оплаты.",
    other:
      "Неудачное списание повторяется через {days} дня после срока; после последней попытки договор становится просроченным, а клиент блокируется до оплаты.",
  },
  "admin.billing.noRetries":
    "Это подразделение не повторяет списания: одно неудачное списание делает договор просроченным.",
  "admin.billing.changeSchedule": "Изменить в настройках подразделения",
  "admin.billing.runs": "Последние запуски",
  "admin.billing.empty": "Автоматическое списание пока ничего не списало.",
  "admin.billing.claimed": {
    one: "Рассмотрен {count} платёж",
    few: "Рассмотрено {count} платежа",
    many: "Рассмотрено {count} платежей",
    other: "Рассмотрено {count} платежа",
  },
  "admin.billing.took": "заняло {duration}",
  "admin.billing.by": "выполнил {owner}",
  "admin.billing.count.paid": "Оплачено",
  "admin.billing.count.declined": "Отклонено",
  "admin.billing.count.linkIssued": "Отправлено ссылок на оплату",
  "admin.billing.count.pastDue": "Договоров стало просроченными",
  "admin.billing.count.held": "Платежей отложено (договор просрочен)",
  "admin.billing.count.notSent": "Не отправлено: провайдер отказал до списания",
  "admin.billing.count.unknown": "Нет ответа провайдера (проверяется позже)",
  "admin.billing.count.noMethod": "Нет способа оплаты, списывающего самостоятельно",
  "admin.billing.count.periodsScheduled": "Добавлено новых периодов",
  "admin.billing.count.renewed": "Продлено договоров",
  "admin.billing.count.ended": "Завершено договоров",
  "admin.billing.count.remindersBefore": "Напоминаний до срока",
  "admin.billing.count.remindersAfter": "Напоминаний о просрочке",
  "admin.billing.count.errors": "Ошибки",
  "admin.billing.nothingCharged": "В этом запуске ничего не списано.",
  "admin.billing.errors": "Ошибки этого запуска",
  "admin.billing.errorsHint":
    "Сбой сервера или базы данных, а не клиента: платёж будет повторён на следующий день.",
  "admin.billing.error.contract": "Открыть договор",
  "admin.billing.error.installment": "Платёж {id}",
};
