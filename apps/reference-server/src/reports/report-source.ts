import type { AccessActor, Tessera } from "@tessera/core";
import type { ReportFilter } from "./report-filter-query";

/** The two reports of the seeds, by the name their addresses use. */
export type ReportKind = "recurring-credit" | "online-sign-ups";

/** What a report is read for: the unit asked from, the filter, and where to start. */
export interface ReportRequest {
  unitId: string;
  filter: ReportFilter;
  /** A `cursorOf` an earlier row: the rows after it. */
  cursor?: string;
  /** Rows per storage read (core's `batchSize`). */
  batchSize?: number;
}

/**
 * One report as the server reads it — the back-office page, its exports and the API all go
 * through this: core's batched iterable for a filter, and the cursor of a row. Access and the
 * filter are checked by core before the first row (a `TesseraError`), so a caller refuses a
 * bad request before it writes anything.
 */
export interface ReportSource<Row> {
  kind: ReportKind;
  rows(tessera: Tessera, actor: AccessActor, request: ReportRequest): Promise<AsyncIterable<Row>>;
  cursorOf(row: Row): string;
}
