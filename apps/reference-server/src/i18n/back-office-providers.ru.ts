import type { backOfficeProvidersPtBR } from "./back-office-providers.pt-BR";
import type { Message } from "./message-catalog";

/** The back office's provider accounts page in Russian. */
export const backOfficeProvidersRu: Record<keyof typeof backOfficeProvidersPtBR, Message> = {
  "admin.nav.providers": "Платёжные аккаунты",
  "admin.providers.title": "Платёжные аккаунты — {unit}",
  "admin.providers.intro":
    "Каждый аккаунт связывает это подразделение с его собственным аккаунтом у платёжного провайдера. Учётные данные хранятся зашифрованными и никогда не показываются целиком. Создав аккаунт, выберите его для способов оплаты в настройках подразделения.",
  "admin.providers.accountsHeading": "Аккаунты этого подразделения",
  "admin.providers.none": "У этого подразделения пока нет платёжных аккаунтов.",
  "admin.providers.saved": "Аккаунт сохранён.",
  "admin.providers.removed": "Аккаунт удалён.",
  "admin.providers.kind": "Провайдер",
  "admin.providers.id": "Идентификатор",
  "admin.providers.idHint":
    "От 2 до 40 строчных латинских букв, цифр или дефисов, например inter-centro. Потом не меняется: его используют способы оплаты и адрес вебхука.",
  "admin.providers.label": "Название",
  "admin.providers.settings": "Настройки провайдера",
  "admin.providers.notSet": "не задано",
  "admin.providers.yes": "Да",
  "admin.providers.no": "Нет",
  "admin.providers.doesNotOpen":
    "Учётные данные этого аккаунта не открываются текущим ключом сервера. Введите их заново, чтобы снова им пользоваться.",
  "admin.providers.webhookUrl": "Адрес вебхука для регистрации у провайдера",
  "admin.providers.upload": "или загрузите файл (PEM: .crt, .pem, .key)",
  "admin.providers.webhookAuth": "Как провайдер подтверждает, что это он: {how}.",
  "admin.providers.edit": "Изменить",
  "admin.providers.editNamed": "Изменить {account}",
  "admin.providers.editTitle": "Платёжный аккаунт {account}",
  "admin.providers.delete": "Удалить",
  "admin.providers.deleteNamed": "Удалить {account}",
  "admin.providers.add": "Новый аккаунт: {provider}",
  "admin.providers.create": "Создать аккаунт",
  "admin.providers.save": "Сохранить аккаунт",
  "admin.providers.back": "К платёжным аккаунтам",
  "admin.providers.secretKeep": "Оставьте пустым, чтобы сохранить прежнее значение ({masked}).",
  "admin.providers.secretHint": "Секрет: хранится зашифрованным и никогда не показывается.",
  "admin.providers.error.idTaken": "Этот идентификатор уже занят. Выберите другой.",
  "admin.providers.error.idFormat":
    "Используйте от 2 до 40 строчных латинских букв, цифр или дефисов, начиная с буквы.",
  "admin.providers.error.number": "Введите число.",
  "admin.providers.error.numberRange": "Введите число в допустимых пределах.",
  "admin.providers.error.inUse":
    "Этот аккаунт используют способы оплаты подразделения. Выберите для них другой аккаунт, прежде чем удалять.",
  "admin.providers.error.rejected": "Провайдер отклонил эти настройки. Проверьте их.",
  "admin.providers.kind.sandbox": "Песочница (тесты)",
  "admin.providers.webhookAuth.sandbox":
    "подпись HMAC-SHA256 времени и тела запроса секретом вебхука, в заголовке tessera-sandbox-signature",
  "admin.providers.field.sandbox.webhookSecret": "Секрет вебхука",
  "admin.providers.hint.sandbox.webhookSecret":
    "Им песочница подписывает уведомления; не короче 16 символов.",
  "admin.providers.field.sandbox.autoPaySeconds": "Оплачивать само через (секунд)",
  "admin.providers.hint.sandbox.autoPaySeconds":
    "Ожидающие PIX и боллето оплачиваются сами через столько секунд; пусто — никогда.",
  "admin.providers.field.sandbox.boletoIssue": "Выпуск боллето",
  "admin.providers.hint.sandbox.boletoIssue": "Сразу или чуть позже, как у Banco Inter.",
  "admin.providers.choice.sandbox.boletoIssue.immediate": "Сразу",
  "admin.providers.choice.sandbox.boletoIssue.async": "Чуть позже",
  "admin.providers.field.sandbox.refuseCredentials": "Отклонять учётные данные",
  "admin.providers.hint.sandbox.refuseCredentials":
    "Отклоняет каждый вызов, как провайдер отклоняет отозванные учётные данные, — чтобы увидеть, как Tessera об этом сообщает.",
  "admin.providers.field.sandbox.postNotifications": "Отправлять уведомления на адрес вебхука",
  "admin.providers.hint.sandbox.postNotifications": "Нужен публичный адрес сервера (TESSERA_PUBLIC_URL).",
  "admin.providers.field.sandbox.pixMerchantName": "Имя получателя в PIX",
  "admin.providers.hint.sandbox.pixMerchantName": "Показывается в коде PIX; до 25 символов.",
  "admin.settings.providersLink": "Платёжные аккаунты подразделения (учётные данные и вебхуки)",
};
