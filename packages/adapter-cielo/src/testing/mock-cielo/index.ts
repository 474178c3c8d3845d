export { productionDeclineHolderPrefix } from "./card-outcome";
export type { CieloRecords, CieloSaleRecord } from "./cielo-books";
export { type CieloMock, type CieloMockOptions, startCieloMock } from "./cielo-mock";
export type { CieloDelivery, CieloNotification } from "./cielo-notifier";
export { testCardNumber } from "./test-cards";
