import type { OnlineSignUpRow } from "@tessera/core";
import { decodeReportCursor, encodeReportCursor } from "./report-cursor";
import { reportInputBase } from "./report-filter-query";
import type { ReportSource } from "./report-source";

/** Conexa's "registered by online contracting": contracts made at the online checkout, oldest first. */
export const onlineSignUpsSource: ReportSource<OnlineSignUpRow> = {
  kind: "online-sign-ups",
  rows(tessera, actor, { unitId, filter, cursor, batchSize }) {
    const after = cursor ? decodeReportCursor(cursor, 1) : null;
    return tessera.reports.onlineSignUps(actor, {
      ...reportInputBase(filter, unitId),
      ...(after ? { after: { contractId: after[0]! } } : {}),
      ...(batchSize ? { batchSize } : {}),
    });
  },
  cursorOf: (row) => encodeReportCursor([row.contractId]),
};
