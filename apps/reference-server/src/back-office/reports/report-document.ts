import type { SupportedLocale } from "@tessera/core";
import type { Translate } from "../../i18n/translator";
import type { BackOfficeReport } from "./back-office-report";

/** What every export writes: the report's columns, its rows batch by batch, and its heading. */
export interface ReportDocument<Row> {
  report: BackOfficeReport<Row>;
  /** Read one batch at a time (`inBatches`), only when the writer is ready for it. */
  batches: AsyncIterable<Row[]>;
  t: Translate;
  locale: SupportedLocale;
  /** The report's translated name. */
  title: string;
  /** Under the title: the units covered, the period, when it was made. */
  subtitle: string[];
}
